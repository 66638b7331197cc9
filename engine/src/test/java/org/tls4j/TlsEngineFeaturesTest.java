package org.tls4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.tls4j.crypto.x509.TestPki;
import org.tls4j.handshake.NamedGroup;
import org.tls4j.handshake.SignatureScheme;
import org.tls4j.record.ProtocolVersion;

/** HelloRetryRequest, ALPN, SNI-based certificate choice, close_notify and half-close, configuration checks. */
class TlsEngineFeaturesTest {
    private static void handshake(EnginePair p) {
        assertTrue(p.handshake(), () -> "client: " + p.clientFailure + " server: " + p.serverFailure);
    }

    @Test
    void helloRetryRequestWhenTheClientsShareMissesTheServersGroups() throws Exception {
        TlsConfig client = TestCerts.client().groups(NamedGroup.X25519, NamedGroup.SECP256R1)
                .keyShareGroups(NamedGroup.X25519).build();
        TlsConfig server = TestCerts.server(TestPki.KeyKind.EC_P256).groups(NamedGroup.SECP256R1).build();
        EnginePair p = new EnginePair(client, server);
        handshake(p);
        assertTrue(p.client.session().helloRetried());
        assertTrue(p.server.session().helloRetried());
        assertEquals(NamedGroup.SECP256R1, p.client.session().group());
        byte[] b = "after HRR".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(b, p.transfer(p.client, p.server, b));
    }

    @Test
    void helloRetryRequestWithCookieAndWithoutMiddleboxCompatibility() throws Exception {
        for (boolean compat : new boolean[] {true, false}) {
            TlsConfig client = TestCerts.client().groups(NamedGroup.X25519, NamedGroup.X448)
                    .middleboxCompatibility(compat).build();
            TlsConfig server = TestCerts.server(TestPki.KeyKind.ED25519).groups(NamedGroup.X448).helloRetryCookie(true)
                    .middleboxCompatibility(compat).build();
            EnginePair p = new EnginePair(client, server);
            handshake(p);
            assertTrue(p.client.session().helloRetried());
            assertEquals(NamedGroup.X448, p.server.session().group());
        }
    }

    @Test
    void noHelloRetryWhenAShareMatches() {
        EnginePair p = new EnginePair(TestCerts.client().build(), TestCerts.server(TestPki.KeyKind.EC_P256).build());
        handshake(p);
        assertFalse(p.client.session().helloRetried());
    }

    @Test
    void alpnServerPreferenceWins() {
        TlsConfig client = TestCerts.client().alpnProtocols("http/1.1", "h2").build();
        TlsConfig server = TestCerts.server(TestPki.KeyKind.EC_P256).alpnProtocols("h2", "http/1.1").build();
        EnginePair p = new EnginePair(client, server);
        handshake(p);
        assertEquals("h2", p.client.session().applicationProtocol());
        assertEquals("h2", p.server.session().applicationProtocol());
    }

    @Test
    void alpnAbsentWhenOneSideHasNone() {
        EnginePair p = new EnginePair(TestCerts.client().alpnProtocols("h2").build(),
                TestCerts.server(TestPki.KeyKind.EC_P256).build());
        handshake(p);
        assertNull(p.client.session().applicationProtocol());
    }

    @Test
    void serverPicksItsCertificateBySniAndSignatureAlgorithms() {
        TlsConfig server = TlsConfig.builder().clock(TestCerts.clock())
                .certificate(TestCerts.leaf(TestPki.KeyKind.EC_P256, "a.example"))
                .certificate(TestCerts.leaf(TestPki.KeyKind.ED25519, "b.example"))
                .certificate(TestCerts.leaf(TestPki.KeyKind.EC_P384, "b.example")).build();
        EnginePair a = new EnginePair(TestCerts.client().serverName("a.example").build(), server);
        handshake(a);
        assertEquals(SignatureScheme.ECDSA_SECP256R1_SHA256, a.client.session().signatureScheme());
        assertEquals("a.example", a.server.session().serverName());
        EnginePair b = new EnginePair(TestCerts.client().serverName("b.example").build(), server);
        handshake(b);
        assertEquals(SignatureScheme.ED25519, b.client.session().signatureScheme());
        // b.example again, but a client that cannot verify Ed25519: the P-384 certificate for the same name.
        EnginePair c = new EnginePair(TestCerts.client().serverName("b.example")
                .signatureSchemes(SignatureScheme.ECDSA_SECP384R1_SHA384, SignatureScheme.ECDSA_SECP256R1_SHA256).build(), server);
        handshake(c);
        assertEquals(SignatureScheme.ECDSA_SECP384R1_SHA384, c.client.session().signatureScheme());
    }

    @Test
    void closeNotifyAndHalfClose() throws Exception {
        EnginePair p = new EnginePair(TestCerts.client().build(), TestCerts.server(TestPki.KeyKind.EC_P256).build());
        handshake(p);
        p.client.closeOutbound();
        ByteBuffer net = ByteBuffer.allocate(p.client.packetBufferSize());
        TlsResult r = p.client.wrap(ByteBuffer.allocate(0), net);
        assertTrue(r.bytesProduced() > 0);
        assertEquals(TlsResult.Status.CLOSED, p.client.wrap(ByteBuffer.wrap(new byte[] {1}), net).status());
        assertTrue(p.client.isOutboundDone());
        net.flip();
        ByteBuffer app = ByteBuffer.allocate(100);
        assertEquals(TlsResult.Status.CLOSED, p.server.unwrap(net, app).status());
        assertTrue(p.server.isInboundDone());
        assertFalse(p.server.isOutboundDone());
        // Half-close: the server still sends, the client still reads.
        byte[] late = "still here".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(late, p.transfer(p.server, p.client, late));
        p.server.closeOutbound();
        ByteBuffer back = ByteBuffer.allocate(p.server.packetBufferSize());
        p.server.wrap(ByteBuffer.allocate(0), back);
        back.flip();
        assertEquals(TlsResult.Status.CLOSED, p.client.unwrap(back, app).status());
        assertTrue(p.client.isInboundDone() && p.client.isOutboundDone());
        // Both directions closed: the secrets are gone, so exporters refuse.
        assertThrows(IllegalStateException.class, () -> p.client.exportKeyingMaterial("x", null, 16));
    }

    @Test
    void exportersAgreeOnBothSides() throws Exception {
        EnginePair p = new EnginePair(TestCerts.client().build(), TestCerts.server(TestPki.KeyKind.EC_P256).build());
        assertThrows(IllegalStateException.class, () -> p.client.exportKeyingMaterial("EXPORTER-test", null, 32));
        handshake(p);
        byte[] c = p.client.exportKeyingMaterial("EXPORTER-test", new byte[] {1, 2}, 42);
        assertEquals(42, c.length);
        assertArrayEquals(c, p.server.exportKeyingMaterial("EXPORTER-test", new byte[] {1, 2}, 42));
        assertFalse(java.util.Arrays.equals(c, p.server.exportKeyingMaterial("EXPORTER-other", new byte[] {1, 2}, 42)));
        // RFC 8446, Section 7.5: no context and an empty context are the same.
        assertArrayEquals(p.client.exportKeyingMaterial("x", null, 16), p.server.exportKeyingMaterial("x", new byte[0], 16));
    }

    @Test
    void keyUpdateRequestedThroughTheEngine() throws Exception {
        EnginePair p = new EnginePair(TestCerts.client().build(), TestCerts.server(TestPki.KeyKind.EC_P256).build());
        handshake(p);
        byte[] a = "before".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(a, p.transfer(p.client, p.server, a));
        for (int i = 0; i < 3; i++) {
            p.client.requestKeyUpdate(true); // the server must answer with its own KeyUpdate
            byte[] b = ("after update " + i).getBytes(StandardCharsets.US_ASCII);
            assertArrayEquals(b, p.transfer(p.client, p.server, b));
            assertArrayEquals(b, p.transfer(p.server, p.client, b));
        }
        p.server.requestKeyUpdate(false);
        assertArrayEquals(a, p.transfer(p.server, p.client, a));
        assertArrayEquals(a, p.transfer(p.client, p.server, a));
    }

    @Test
    void applicationDataWaitsForTheHandshake() throws Exception {
        TlsEngine c = TlsEngine.client(TestCerts.client().build());
        ByteBuffer src = ByteBuffer.wrap(new byte[10]);
        ByteBuffer dst = ByteBuffer.allocate(c.packetBufferSize());
        TlsResult r = c.wrap(src, dst);
        assertEquals(0, r.bytesConsumed());
        assertTrue(r.bytesProduced() > 0); // the ClientHello
        assertEquals(TlsResult.HandshakeStatus.NEED_UNWRAP, r.handshakeStatus());
        assertEquals(10, src.remaining());
    }

    @Test
    void configurationRefusesWhatIsNotImplemented() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TlsConfig.builder().versions(ProtocolVersion.TLS13, ProtocolVersion.SSL3));
        assertTrue(e.getMessage().contains("RFC 7568"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> TlsConfig.builder().cipherSuites(org.tls4j.handshake.CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256));
        assertThrows(IllegalArgumentException.class, () -> TlsConfig.builder().groups(NamedGroup.X25519MLKEM768));
        assertThrows(IllegalArgumentException.class,
                () -> TlsConfig.builder().groups(NamedGroup.X25519).keyShareGroups(NamedGroup.X448).build());
        // A client that verifies host names but has none to verify is a mistake, not a silent skip.
        assertThrows(IllegalStateException.class,
                () -> TlsEngine.client(TlsConfig.builder().trustAnchors(TestCerts.anchors()).build()));
    }

    @Test
    void ccm8IsOffByDefault() {
        assertFalse(TlsConfig.builder().build().cipherSuites()
                .contains(org.tls4j.handshake.CipherSuite.TLS_AES_128_CCM_8_SHA256));
    }
}
