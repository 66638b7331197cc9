package org.tls4j.handshake.tls12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tls4j.handshake.CipherSuite;
import org.tls4j.record.ProtocolVersion;

/** The claims of Suite12's class comment, each checked against the table. */
class Suite12Test {
    @Test
    void defaultOrderPutsForwardSecrecyAndAeadFirstAndNoLegacy() {
        List<Suite12> order = Suite12.defaultOrder(false);
        boolean seenRsa = false;
        for (Suite12 s : order) {
            assertFalse(s.legacy, s + " is legacy");
            if (!s.forwardSecrecy()) {
                seenRsa = true;
            } else {
                assertFalse(seenRsa, s + " (forward secret) after an RSA suite");
            }
        }
        // within each key exchange, every AEAD suite before every CBC suite
        for (KeyExchange12 kx : KeyExchange12.values()) {
            boolean seenCbc = false;
            for (Suite12 s : order) {
                if (s.keyExchange != kx) {
                    continue;
                }
                if (!s.isAead()) {
                    seenCbc = true;
                } else {
                    assertFalse(seenCbc, s + " after a CBC suite of " + kx);
                }
            }
        }
        assertEquals(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, order.get(0).suite);
        for (Suite12 s : Suite12.all()) {
            assertEquals(s.legacy, !order.contains(s), s.toString());
            boolean weak = s.suite.name().contains("3DES") || s.suite.name().contains("RC4")
                    || s.suite.name().contains("NULL") || s.suite.name().endsWith("CCM_8");
            assertEquals(weak, s.legacy, s.toString());
        }
        System.out.println("Suite12: " + Suite12.all().size() + " suites, " + order.size() + " in the default order");
    }

    @Test
    void chaCha20MovesAheadOfAesGcmOnlyWhenTheClientPrefersIt() {
        List<Suite12> plain = Suite12.defaultOrder(false);
        List<Suite12> chacha = Suite12.defaultOrder(true);
        assertEquals(plain.size(), chacha.size());
        int gcm = plain.indexOf(Suite12.of(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256));
        int cc = plain.indexOf(Suite12.of(CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256));
        assertTrue(gcm < cc);
        gcm = chacha.indexOf(Suite12.of(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256));
        cc = chacha.indexOf(Suite12.of(CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256));
        assertTrue(cc < gcm);
        assertEquals(CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, chacha.get(0).suite);
        // forward secrecy still first
        assertTrue(chacha.indexOf(Suite12.of(CipherSuite.TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256))
                > chacha.indexOf(Suite12.of(CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384)));

        assertTrue(Suite12.clientPrefersChaCha20(List.of(CipherSuite.TLS_CHACHA20_POLY1305_SHA256,
                CipherSuite.TLS_AES_128_GCM_SHA256)));
        assertTrue(Suite12.clientPrefersChaCha20(List.of(CipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV,
                CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
                CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256)));
        assertFalse(Suite12.clientPrefersChaCha20(List.of(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
                CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256)));
        assertFalse(Suite12.clientPrefersChaCha20(List.of(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA)));
    }

    @Test
    void minimumVersionsAndPrfHashes() {
        for (Suite12 s : Suite12.all()) {
            String n = s.suite.name();
            boolean tls12Only = s.isAead() || n.endsWith("SHA256") || n.endsWith("SHA384");
            if (tls12Only) {
                assertEquals(ProtocolVersion.TLS12, s.minVersion, n);
            } else if (n.startsWith("TLS_ECDHE")) {
                assertEquals(ProtocolVersion.TLS10, s.minVersion, n);
            } else {
                assertEquals(ProtocolVersion.SSL3, s.minVersion, n);
            }
            assertEquals(n.endsWith("SHA384") ? "SHA-384" : "SHA-256", s.prfHash, n);
            assertEquals(s.keyExchange != KeyExchange12.RSA, s.forwardSecrecy(), n);
            assertFalse(s.allowedIn(ProtocolVersion.TLS13));
        }
        assertNull(Suite12.of(CipherSuite.TLS_AES_128_GCM_SHA256), "TLS 1.3 suites are not in the 1.2 table");
        assertNull(Suite12.of(CipherSuite.TLS_FALLBACK_SCSV));
    }
}
