package org.tls4j.handshake.tls12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tls4j.handshake.CipherSuite;
import org.tls4j.record.ProtocolVersion;

/**
 * Replays the flows recorded from OpenSSL (src/test/resources/recorded/, see the README there) without
 * any external program: the same checks as the live test, from the stored bytes.
 */
class RecordedTls12Test {
    static final List<String> RECORDED = List.of("ecdhe-rsa-aes128-gcm-sha256", "ecdhe-rsa-aes128-sha256-mte",
            "tls10-ecdhe-rsa-aes128-sha-mte", "ecdhe-ecdsa-chacha20-poly1305", "dhe-rsa-aes128-gcm-sha256",
            "rsa-aes128-gcm-sha256", "ecdhe-rsa-aes128-gcm-ocsp-mfl",
            "tls10-ecdhe-rsa-aes128-sha-client-auth", "ecdhe-rsa-aes128-gcm-resumed-ticket");

    static Tls12Flow load(String name) throws Exception {
        try (InputStream in = RecordedTls12Test.class.getResourceAsStream("/recorded/" + name + ".txt")) {
            assertNotNull(in, "missing recorded flow " + name);
            return Tls12Flow.load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void ecdheRsaAes128Gcm() throws Exception {
        Tls12Flow.Result r = load("ecdhe-rsa-aes128-gcm-sha256").verify();
        assertEquals(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, r.suite().suite);
        assertEquals(ProtocolVersion.TLS12, r.rules().version);
        OpenSslRecordedTls12Test.checkTicket(r);
    }

    @Test
    void ecdheRsaAes128CbcSha256MacThenEncrypt() throws Exception {
        Tls12Flow.Result r = load("ecdhe-rsa-aes128-sha256-mte").verify();
        assertEquals(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256, r.suite().suite);
        assertEquals(false, r.etm());
    }

    @Test
    void tls10CbcWithChainedIv() throws Exception {
        Tls12Flow.Result r = load("tls10-ecdhe-rsa-aes128-sha-mte").verify();
        assertEquals(ProtocolVersion.TLS10, r.rules().version);
        assertEquals(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA, r.suite().suite);
        assertEquals(false, r.etm());
    }

    @Test
    void ecdheEcdsaChaCha20() throws Exception {
        Tls12Flow.Result r = load("ecdhe-ecdsa-chacha20-poly1305").verify();
        assertEquals(CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, r.suite().suite);
        assertEquals(true, r.signatureChecked());
    }

    @Test
    void dheRsaAes128Gcm() throws Exception {
        Tls12Flow.Result r = load("dhe-rsa-aes128-gcm-sha256").verify();
        assertEquals(CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256, r.suite().suite);
        assertEquals(true, r.signatureChecked());
    }

    @Test
    void rsaKeyTransportPremasterAndExtendedMasterSecret() throws Exception {
        Tls12Flow.Result r = load("rsa-aes128-gcm-sha256").verify();
        assertEquals(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256, r.suite().suite);
        assertEquals(true, r.ems());
        assertEquals(true, r.premasterChecked());
    }

    @Test
    void ocspStaplingAndMaxFragmentLength() throws Exception {
        Tls12Flow.Result r = load("ecdhe-rsa-aes128-gcm-ocsp-mfl").verify();
        OpenSslRecordedTls12Test.checkOcspAndMfl(r, null);
    }

    @Test
    void tls10ClientCertificate() throws Exception {
        Tls12Flow.Result r = load("tls10-ecdhe-rsa-aes128-sha-client-auth").verify();
        assertEquals(ProtocolVersion.TLS10, r.rules().version);
        assertEquals(true, r.certificateVerifyChecked());
    }

    @Test
    void ticketResumption() throws Exception {
        Tls12Flow.Result r = load("ecdhe-rsa-aes128-gcm-resumed-ticket").verify();
        assertEquals(true, r.resumed());
    }

    @Test
    void aWrongMasterSecretFailsTheFinishedCheck() throws Exception {
        Tls12Flow f = load("ecdhe-rsa-aes128-gcm-sha256");
        String[] kl = f.keyLogLine().split(" ");
        char[] ms = kl[2].toCharArray();
        ms[0] = ms[0] == '0' ? '1' : '0';
        Tls12Flow bad = new Tls12Flow(f.name(), f.c2s(), f.s2c(), kl[0] + " " + kl[1] + " " + new String(ms),
                f.clientData(), null);
        // The record layer refuses the Finished record: bad_record_mac, never garbage.
        org.tls4j.record.TlsAlert a = assertThrows(org.tls4j.record.TlsAlert.class, bad::verify);
        assertEquals(org.tls4j.record.AlertDescription.BAD_RECORD_MAC, a.description());
    }
}
