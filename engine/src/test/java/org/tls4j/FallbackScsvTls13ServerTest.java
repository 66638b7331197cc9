package org.tls4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tls4j.crypto.x509.TestPki;
import org.tls4j.record.AlertDescription;
import org.tls4j.record.ProtocolVersion;

/**
 * RFC 7507, Section 3 for a server whose highest version is TLS 1.3: a TLS 1.2 ClientHello carrying
 * TLS_FALLBACK_SCSV is a fallback below the server's highest version and gets inappropriate_fallback
 * (found by the OpenSSL interop test {@code s_client -tls1_2 -fallback_scsv}, where tls4j answered with
 * a TLS 1.2 ServerHello and OpenSSL then refused its downgrade sentinel with illegal_parameter).
 */
class FallbackScsvTls13ServerTest {
    @Test
    void tls12FallbackHelloToATls13ServerIsRefused() {
        TlsConfig client = TestCerts.client().versions(ProtocolVersion.TLS12).fallbackScsv(true).build();
        TlsConfig server = TestCerts.server(TestPki.KeyKind.EC_P256)
                .versions(ProtocolVersion.TLS13, ProtocolVersion.TLS12).build();
        EnginePair p = new EnginePair(client, server);
        assertFalse(p.handshake());
        assertNotNull(p.serverFailure, "the server detects the fallback");
        assertEquals(AlertDescription.INAPPROPRIATE_FALLBACK, p.serverFailure.alert(), p.serverFailure.getMessage());
        assertFalse(p.serverFailure.isAlertReceived());
        assertNotNull(p.clientFailure);
        assertTrue(p.clientFailure.isAlertReceived());
        assertEquals(AlertDescription.INAPPROPRIATE_FALLBACK, p.clientFailure.alert());
    }

    @Test
    void tls12HelloWithoutTheScsvStillGetsTls12() {
        TlsConfig client = TestCerts.client().versions(ProtocolVersion.TLS12).build();
        TlsConfig server = TestCerts.server(TestPki.KeyKind.EC_P256)
                .versions(ProtocolVersion.TLS13, ProtocolVersion.TLS12).build();
        EnginePair p = new EnginePair(client, server);
        assertTrue(p.handshake(), () -> "client: " + p.clientFailure + " server: " + p.serverFailure);
        assertEquals(ProtocolVersion.TLS12, p.server.session().version());
    }
}
