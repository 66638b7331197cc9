package org.tls4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tls4j.crypto.x509.TestPki;
import org.tls4j.handshake.CipherSuite;
import org.tls4j.record.ProtocolVersion;

/**
 * The broken suites (3DES, RC4, NULL) exist for research: off by default, usable only when both sides
 * list them. Each one, enabled on both sides, completes a TLS 1.2 handshake and carries data both ways;
 * with tls4j's defaults on the client, a server that offers only that suite gets no connection.
 */
class Tls12LegacySuitesTest {
    enum Legacy {
        RSA_3DES(CipherSuite.TLS_RSA_WITH_3DES_EDE_CBC_SHA, TestPki.KeyKind.RSA_2048),
        ECDHE_RSA_3DES(CipherSuite.TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA, TestPki.KeyKind.RSA_2048),
        ECDHE_ECDSA_3DES(CipherSuite.TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA, TestPki.KeyKind.EC_P256),
        RSA_RC4(CipherSuite.TLS_RSA_WITH_RC4_128_SHA, TestPki.KeyKind.RSA_2048),
        ECDHE_RSA_RC4(CipherSuite.TLS_ECDHE_RSA_WITH_RC4_128_SHA, TestPki.KeyKind.RSA_2048),
        RSA_NULL_SHA256(CipherSuite.TLS_RSA_WITH_NULL_SHA256, TestPki.KeyKind.RSA_2048);

        final CipherSuite suite;
        final TestPki.KeyKind key;

        Legacy(CipherSuite suite, TestPki.KeyKind key) {
            this.suite = suite;
            this.key = key;
        }
    }

    @ParameterizedTest
    @EnumSource(Legacy.class)
    void worksOnlyWhenBothSidesListIt(Legacy l) throws Exception {
        TlsConfig server = TestCerts.server(l.key).versions(ProtocolVersion.TLS12).tls12CipherSuites(l.suite).build();
        EnginePair p = new EnginePair(TestCerts.client().versions(ProtocolVersion.TLS12).tls12CipherSuites(l.suite).build(),
                server);
        assertTrue(p.handshake(), () -> "client: " + p.clientFailure + " server: " + p.serverFailure);
        assertEquals(l.suite, p.client.session().cipherSuite());
        assertEquals(l.suite, p.server.session().cipherSuite());
        byte[] small = "legacy suite".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(small, p.transfer(p.client, p.server, small));
        byte[] big = new byte[40000];
        new Random(7).nextBytes(big);
        assertArrayEquals(big, p.transfer(p.server, p.client, big));

        EnginePair defaults = new EnginePair(TestCerts.client().build(), server);
        assertFalse(defaults.handshake(), "a default client never negotiates " + l.suite);
    }
}
