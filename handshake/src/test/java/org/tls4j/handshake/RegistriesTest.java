package org.tls4j.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Codes checked against the RFCs that define them; unknown values round-trip; GREASE is recognised. */
class RegistriesTest {

    @Test
    void rfc8446Codes() {
        // RFC 8446, Section 4 (HandshakeType), 4.2 (ExtensionType), 4.2.3, 4.2.7, Appendix B.4.
        assertEquals(1, HandshakeType.CLIENT_HELLO.code);
        assertEquals(8, HandshakeType.ENCRYPTED_EXTENSIONS.code);
        assertEquals(24, HandshakeType.KEY_UPDATE.code);
        assertEquals(254, HandshakeType.MESSAGE_HASH.code);
        assertEquals(41, ExtensionType.PRE_SHARED_KEY.code);
        assertEquals(43, ExtensionType.SUPPORTED_VERSIONS.code);
        assertEquals(51, ExtensionType.KEY_SHARE.code);
        assertEquals(50, ExtensionType.SIGNATURE_ALGORITHMS_CERT.code);
        assertEquals(28, ExtensionType.RECORD_SIZE_LIMIT.code);
        assertEquals(0x0804, SignatureScheme.RSA_PSS_RSAE_SHA256.code);
        assertEquals(0x080b, SignatureScheme.RSA_PSS_PSS_SHA512.code);
        assertEquals(0x0807, SignatureScheme.ED25519.code);
        assertEquals(0x0603, SignatureScheme.ECDSA_SECP521R1_SHA512.code);
        assertEquals(0x001d, NamedGroup.X25519.code);
        assertEquals(0x0104, NamedGroup.FFDHE8192.code);
        assertEquals(0x11ec, NamedGroup.X25519MLKEM768.code);
        assertEquals(0x1301, CipherSuite.TLS_AES_128_GCM_SHA256.code);
        assertEquals(0x1305, CipherSuite.TLS_AES_128_CCM_8_SHA256.code);
        assertTrue(CipherSuite.TLS_CHACHA20_POLY1305_SHA256.isTls13());
        assertFalse(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256.isTls13());
    }

    @Test
    void tls12AndSignallingCodes() {
        // RFC 5246 Appendix A.5, RFC 5289, RFC 7905, RFC 6655, RFC 5746 Section 3.3, RFC 7507.
        assertEquals(0x000a, CipherSuite.TLS_RSA_WITH_3DES_EDE_CBC_SHA.code);
        assertEquals(0x0005, CipherSuite.TLS_RSA_WITH_RC4_128_SHA.code);
        assertEquals(0x002f, CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA.code);
        assertEquals(0xc02f, CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256.code);
        assertEquals(0xcca8, CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256.code);
        assertEquals(0xc09e, CipherSuite.TLS_DHE_RSA_WITH_AES_128_CCM.code);
        assertEquals(0x009e, CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256.code);
        assertEquals(0x0000, CipherSuite.TLS_NULL_WITH_NULL_NULL.code);
        assertEquals(0x00ff, CipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV.code);
        assertEquals(0x5600, CipherSuite.TLS_FALLBACK_SCSV.code);
        assertTrue(CipherSuite.TLS_FALLBACK_SCSV.isSignalingValue());
        assertEquals(0xff01, ExtensionType.RENEGOTIATION_INFO.code);
    }

    @Test
    void ofReturnsTheConstantOrAnUnknownValueThatPrintsInHex() {
        assertSame(NamedGroup.X25519, NamedGroup.of(0x1d));
        NamedGroup unknown = NamedGroup.of(0x1234);
        assertFalse(unknown.isKnown());
        assertEquals("unknown(0x1234)", unknown.toString());
        assertEquals(unknown, NamedGroup.of(0x1234));
        assertEquals(0x1234, unknown.code);
        assertEquals("unknown(0x63)", HandshakeType.of(99).toString());
        assertEquals("TLS_AES_128_GCM_SHA256", CipherSuite.of(0x1301).toString());
        assertThrows(IllegalArgumentException.class, () -> CipherSuite.of(0x10000));
        assertThrows(IllegalArgumentException.class, () -> HandshakeType.of(256));
    }

    @Test
    void greaseValuesAreRecognised() {
        // RFC 8701, Section 2: 0x0A0A, 0x1A1A, ..., 0xFAFA.
        int count = 0;
        for (int code = 0; code <= 0xffff; code++) {
            boolean grease = ExtensionType.of(code).isGrease();
            assertEquals(grease, CipherSuite.of(code).isGrease());
            assertEquals(grease, NamedGroup.of(code).isGrease());
            assertEquals(grease, SignatureScheme.of(code).isGrease());
            if (grease) {
                count++;
                assertEquals(code >>> 8, code & 0xff);
                assertEquals(0x0a, code & 0x0f);
            }
        }
        assertEquals(16, count);
        assertEquals("GREASE(0x2a2a)", CipherSuite.of(0x2a2a).toString());
    }

    @Test
    void everyKnownValueRoundTrips() {
        for (CipherSuite s : CipherSuite.known().values()) {
            assertSame(s, CipherSuite.of(s.code));
            assertTrue(s.name().startsWith("TLS_"), s.name());
        }
        for (SignatureScheme s : SignatureScheme.known().values()) {
            assertSame(s, SignatureScheme.of(s.code));
        }
        for (ExtensionType t : ExtensionType.known().values()) {
            assertSame(t, ExtensionType.of(t.code));
        }
        for (HandshakeType t : HandshakeType.known().values()) {
            assertSame(t, HandshakeType.of(t.code));
        }
    }
}
