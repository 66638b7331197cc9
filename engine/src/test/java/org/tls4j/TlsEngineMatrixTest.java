package org.tls4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tls4j.crypto.x509.TestPki;
import org.tls4j.handshake.CipherSuite;
import org.tls4j.handshake.NamedGroup;
import org.tls4j.handshake.SignatureScheme;
import org.tls4j.handshake.tls13.CertifiedKey;

/**
 * In-memory handshakes (client engine ↔ server engine) over the suites, groups and signature schemes
 * of issue 7, each followed by application data both ways.
 *
 * <p>Coverage is pairwise rather than the full 5 × 8 × 11 product: every suite with every scheme
 * (group x25519), every group with every scheme (suite AES-128-GCM), and every suite with every
 * group (scheme ecdsa_secp256r1_sha256). The three are independent code paths (record AEAD, key
 * exchange in the hellos, CertificateVerify signing and checking) that meet only in the key schedule
 * and transcript, which every case runs; pairwise covers each interaction of two. The full product would
 * spend most of its time in ffdhe4096 and RSA signing for no new path.
 */
class TlsEngineMatrixTest {
    static final CipherSuite[] SUITES = {CipherSuite.TLS_AES_128_GCM_SHA256, CipherSuite.TLS_AES_256_GCM_SHA384,
        CipherSuite.TLS_CHACHA20_POLY1305_SHA256, CipherSuite.TLS_AES_128_CCM_SHA256, CipherSuite.TLS_AES_128_CCM_8_SHA256};
    static final NamedGroup[] GROUPS = {NamedGroup.X25519, NamedGroup.X448, NamedGroup.SECP256R1, NamedGroup.SECP384R1,
        NamedGroup.SECP521R1, NamedGroup.FFDHE2048, NamedGroup.FFDHE3072, NamedGroup.FFDHE4096};
    static final SignatureScheme[] SCHEMES = {SignatureScheme.ECDSA_SECP256R1_SHA256,
        SignatureScheme.ECDSA_SECP384R1_SHA384, SignatureScheme.ECDSA_SECP521R1_SHA512, SignatureScheme.ED25519,
        SignatureScheme.ED448, SignatureScheme.RSA_PSS_RSAE_SHA256, SignatureScheme.RSA_PSS_RSAE_SHA384,
        SignatureScheme.RSA_PSS_RSAE_SHA512, SignatureScheme.RSA_PSS_PSS_SHA256, SignatureScheme.RSA_PSS_PSS_SHA384,
        SignatureScheme.RSA_PSS_PSS_SHA512};
    private static final List<String> LOG = new ArrayList<>();

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (CipherSuite s : SUITES) {
            for (SignatureScheme sig : SCHEMES) {
                out.add(Arguments.of(s, NamedGroup.X25519, sig));
            }
        }
        for (NamedGroup g : GROUPS) {
            for (SignatureScheme sig : SCHEMES) {
                if (!g.equals(NamedGroup.X25519)) {
                    out.add(Arguments.of(CipherSuite.TLS_AES_128_GCM_SHA256, g, sig));
                }
            }
        }
        for (CipherSuite s : SUITES) {
            for (NamedGroup g : GROUPS) {
                if (!g.equals(NamedGroup.X25519) && !s.equals(CipherSuite.TLS_AES_128_GCM_SHA256)) {
                    out.add(Arguments.of(s, g, SignatureScheme.ECDSA_SECP256R1_SHA256));
                }
            }
        }
        return out.stream();
    }

    static CertifiedKey certificateFor(SignatureScheme s) {
        switch (s.name()) {
            case "ecdsa_secp256r1_sha256":
                return TestCerts.leaf(TestPki.KeyKind.EC_P256);
            case "ecdsa_secp384r1_sha384":
                return TestCerts.leaf(TestPki.KeyKind.EC_P384);
            case "ecdsa_secp521r1_sha512":
                return TestCerts.leaf(TestPki.KeyKind.EC_P521);
            case "ed25519":
                return TestCerts.leaf(TestPki.KeyKind.ED25519);
            case "ed448":
                return TestCerts.leaf(TestPki.KeyKind.ED448);
            default:
                return s.name().startsWith("rsa_pss_pss") ? TestCerts.rsaPssLeaf() : TestCerts.leaf(TestPki.KeyKind.RSA_2048);
        }
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void handshakeAndData(CipherSuite suite, NamedGroup group, SignatureScheme scheme) throws Exception {
        TlsConfig client = TestCerts.client().cipherSuites(suite).groups(group).signatureSchemes(scheme).build();
        TlsConfig server = TlsConfig.builder().certificate(certificateFor(scheme)).clock(TestCerts.clock())
                .randomSource(new org.tls4j.testing.SeededRandomSource(5)).cipherSuites(SUITES).groups(GROUPS).build();
        EnginePair p = new EnginePair(client, server);
        assertTrue(p.handshake(), () -> "client: " + p.clientFailure + " server: " + p.serverFailure);
        for (TlsSession s : new TlsSession[] {p.client.session(), p.server.session()}) {
            assertEquals(suite, s.cipherSuite());
            assertEquals(group, s.group());
            assertEquals(scheme, s.signatureScheme());
        }
        assertEquals(p.server.session().localCertificates(), p.client.session().peerCertificates());
        byte[] ping = ("ping " + suite + group + scheme).getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(ping, p.transfer(p.client, p.server, ping));
        assertArrayEquals(ping, p.transfer(p.server, p.client, ping));
        synchronized (LOG) {
            LOG.add(suite + " " + group + " " + scheme);
        }
    }

    @AfterAll
    static void report() {
        System.out.println("TlsEngineMatrixTest: " + LOG.size() + " in-memory handshakes passed (pairwise over "
                + SUITES.length + " suites x " + GROUPS.length + " groups x " + SCHEMES.length + " schemes)");
    }
}
