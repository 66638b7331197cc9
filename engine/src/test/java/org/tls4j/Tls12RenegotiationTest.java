package org.tls4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tls4j.crypto.x509.TestPki;
import org.tls4j.handshake.CipherSuite;
import org.tls4j.handshake.ExtensionType;
import org.tls4j.handshake.tls12.Renegotiation;
import org.tls4j.handshake.tls12.Tls12Config;
import org.tls4j.record.AlertDescription;
import org.tls4j.record.ProtocolVersion;

/**
 * TLS 1.0-1.2 secure renegotiation (RFC 5746) through the engine, in memory: started by the client and by
 * the server, with application data flowing in both directions before, during and after (nothing lost,
 * order kept), new keys afterwards (the exporter changes, both ends agree); refused by policy (either
 * side), refused with a peer that showed no RFC 5746 support, and a wrong renegotiation_info in either
 * direction ending in handshake_failure.
 */
class Tls12RenegotiationTest {

    private static TlsConfig.Builder client(ProtocolVersion v) {
        return TestCerts.client().versions(v);
    }

    private static TlsConfig.Builder server(ProtocolVersion v) {
        return TestCerts.server(TestPki.KeyKind.EC_P256).versions(v);
    }

    private static EnginePair established(TlsConfig c, TlsConfig s) {
        EnginePair p = new EnginePair(c, s);
        assertTrue(p.handshake(), () -> "client: " + p.clientFailure + " server: " + p.serverFailure);
        return p;
    }

    /** One side of {@link #pump}: data still to send, the current piece, what arrived. */
    static final class Side {
        final TlsEngine engine;
        final Deque<byte[]> toSend = new ArrayDeque<>();
        final ByteArrayOutputStream sent = new ByteArrayOutputStream();
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        ByteBuffer current = ByteBuffer.allocate(0);
        final ByteBuffer net = ByteBuffer.allocate(1 << 18);

        Side(TlsEngine engine) {
            this.engine = engine;
        }

        void queue(String prefix, int pieces) {
            for (int i = 0; i < pieces; i++) {
                toSend.add((prefix + i + ";").getBytes(StandardCharsets.US_ASCII));
            }
        }
    }

    /**
     * Moves bytes between the engines until both are idle and have sent all their queued data; each wrap
     * takes at most one queued piece, so pieces interleave with the renegotiation's flights.
     */
    static void pump(Side a, Side b) throws TlsException {
        for (int round = 0; round < 200; round++) {
            boolean moved = false;
            for (Side s : new Side[] {a, b}) {
                Side other = s == a ? b : a;
                if (!s.current.hasRemaining() && !s.toSend.isEmpty()) {
                    s.current = ByteBuffer.wrap(s.toSend.poll());
                }
                int before = s.current.position();
                TlsResult r = s.engine.wrap(s.current, s.net);
                s.sent.write(s.current.array(), before, s.current.position() - before);
                moved |= r.bytesProduced() > 0;
                s.net.flip();
                ByteBuffer app = ByteBuffer.allocate(1 << 15);
                while (s.net.hasRemaining()) {
                    TlsResult u = other.engine.unwrap(s.net, app);
                    app.flip();
                    byte[] got = new byte[app.remaining()];
                    app.get(got);
                    other.received.write(got, 0, got.length);
                    app.clear();
                    if (u.bytesConsumed() == 0 && u.bytesProduced() == 0) {
                        break;
                    }
                }
                s.net.compact();
            }
            boolean idle = a.engine.handshakeStatus() == TlsResult.HandshakeStatus.NOT_HANDSHAKING
                    && b.engine.handshakeStatus() == TlsResult.HandshakeStatus.NOT_HANDSHAKING;
            if (!moved && idle && a.toSend.isEmpty() && b.toSend.isEmpty() && !a.current.hasRemaining()
                    && !b.current.hasRemaining()) {
                return;
            }
        }
        throw new AssertionError("no progress");
    }

    @ParameterizedTest(name = "{0} started by the client: {1}")
    @ValueSource(strings = {"TLSv1.2 client", "TLSv1.2 server", "TLSv1.0 client", "TLSv1.1 server"})
    void renegotiationWithDataFlowing(String which) throws Exception {
        ProtocolVersion v = which.startsWith("TLSv1.2") ? ProtocolVersion.TLS12
                : which.startsWith("TLSv1.1") ? ProtocolVersion.TLS11 : ProtocolVersion.TLS10;
        boolean byClient = which.endsWith("client");
        TlsConfig.Builder cb = client(v).renegotiation(Renegotiation.ACCEPT_SECURE);
        TlsConfig.Builder sb = server(v).renegotiation(Renegotiation.ACCEPT_SECURE);
        if (!v.equals(ProtocolVersion.TLS12)) {
            cb.tls12CipherSuites(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA);
            sb.tls12CipherSuites(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA);
        }
        EnginePair p = established(cb.build(), sb.build());
        Side c = new Side(p.client);
        Side s = new Side(p.server);
        c.queue("c-before", 3);
        s.queue("s-before", 3);
        pump(c, s);
        byte[] exportBefore = p.client.exportKeyingMaterial("EXPERIMENTAL reneg", null, 32);
        assertArrayEquals(exportBefore, p.server.exportKeyingMaterial("EXPERIMENTAL reneg", null, 32));

        (byClient ? p.client : p.server).renegotiate();
        // Data queued right behind the request: a side in the middle of the handshake holds its own until
        // the new keys are in place (what it receives is delivered); nothing is lost or reordered.
        c.queue("c-during", 8);
        s.queue("s-during", 8);
        pump(c, s);
        assertEquals(v, p.client.session().version());
        byte[] exportAfter = p.client.exportKeyingMaterial("EXPERIMENTAL reneg", null, 32);
        assertArrayEquals(exportAfter, p.server.exportKeyingMaterial("EXPERIMENTAL reneg", null, 32));
        assertFalse(Arrays.equals(exportBefore, exportAfter), "the renegotiation made new keys");

        c.queue("c-after", 3);
        s.queue("s-after", 3);
        pump(c, s);
        // Every byte arrived, in order, in both directions.
        assertArrayEquals(c.sent.toByteArray(), s.received.toByteArray());
        assertArrayEquals(s.sent.toByteArray(), c.received.toByteArray());
        assertTrue(new String(s.received.toByteArray(), StandardCharsets.US_ASCII).endsWith("c-after2;"));

        // And again: a second renegotiation, started by the other side, chains the new verify_data.
        (byClient ? p.server : p.client).renegotiate();
        c.queue("c-again", 2);
        s.queue("s-again", 2);
        pump(c, s);
        assertArrayEquals(c.sent.toByteArray(), s.received.toByteArray());
        assertArrayEquals(s.sent.toByteArray(), c.received.toByteArray());
        assertFalse(Arrays.equals(exportAfter, p.client.exportKeyingMaterial("EXPERIMENTAL reneg", null, 32)));
        assertNull(p.client.failure());
        assertNull(p.server.failure());
    }

    /** Application data that arrives in the middle of the renegotiation (under the old keys) is delivered. */
    @Test
    void dataArrivingDuringTheRenegotiationIsDelivered() throws Exception {
        ProtocolVersion v = ProtocolVersion.TLS12;
        EnginePair p = established(client(v).renegotiation(Renegotiation.ACCEPT_SECURE).build(),
                server(v).renegotiation(Renegotiation.ACCEPT_SECURE).build());
        p.client.renegotiate();
        ByteBuffer hello = ByteBuffer.allocate(1 << 16);
        p.client.wrap(ByteBuffer.allocate(0), hello);
        // The server has not seen the ClientHello yet: its data goes out under the old keys.
        byte[] data = "sent before the server saw the ClientHello".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer net = ByteBuffer.allocate(1 << 16);
        assertEquals(data.length, p.server.wrap(ByteBuffer.wrap(data), net).bytesConsumed());
        net.flip();
        ByteBuffer app = ByteBuffer.allocate(1 << 15);
        p.client.unwrap(net, app);
        assertEquals(TlsResult.HandshakeStatus.NEED_UNWRAP, p.client.handshakeStatus(), "still renegotiating");
        app.flip();
        byte[] got = new byte[app.remaining()];
        app.get(got);
        assertArrayEquals(data, got);
        // The client, in the middle of its handshake, holds its own data.
        assertEquals(0, p.client.wrap(ByteBuffer.wrap(data), ByteBuffer.allocate(1 << 16)).bytesConsumed());
    }

    /**
     * Triple handshake mitigation: a renegotiation that presents another server certificate (here a valid
     * one from the same CA, for the same name) is bad_certificate at the client.
     */
    @Test
    void serverCertificateMustNotChange() throws Exception {
        ProtocolVersion v = ProtocolVersion.TLS12;
        int[] handshakes = {0};
        Tls12Config.Hooks swap = new Tls12Config.Hooks() {
            @Override
            public List<byte[]> serverCertificates(List<byte[]> ders) {
                if (handshakes[0]++ == 0) {
                    return ders;
                }
                return TestCerts.leaf(TestPki.KeyKind.EC_P384).chain().stream()
                        .map(org.tls4j.crypto.x509.Certificate::encoded).toList();
            }
        };
        EnginePair p = established(client(v).renegotiation(Renegotiation.ACCEPT_SECURE).build(),
                server(v).renegotiation(Renegotiation.ACCEPT_SECURE).tls12Hooks(swap).build());
        p.client.renegotiate();
        assertThrows(TlsException.class, () -> pump(new Side(p.client), new Side(p.server)));
        assertNotNull(p.client.failure());
        assertEquals(AlertDescription.BAD_CERTIFICATE, p.client.failure().alert(), p.client.failure().getMessage());
        assertFalse(p.client.failure().isAlertReceived());
        assertTrue(p.client.failure().getMessage().contains("changed during renegotiation"), p.client.failure().getMessage());
    }

    /** The default policy: renegotiate() is refused locally, and a peer's attempt gets no_renegotiation. */
    @Test
    void refusedByPolicy() throws Exception {
        ProtocolVersion v = ProtocolVersion.TLS12;
        // Client refuses (default), server accepts: the server's HelloRequest gets a no_renegotiation warning.
        EnginePair p = established(client(v).build(), server(v).renegotiation(Renegotiation.ACCEPT_SECURE).build());
        assertThrows(IllegalStateException.class, p.client::renegotiate);
        p.server.renegotiate();
        assertRefused(p.server, p.client);
        // Server refuses (default), client accepts: the client's ClientHello gets a no_renegotiation warning.
        EnginePair q = established(client(v).renegotiation(Renegotiation.ACCEPT_SECURE).build(), server(v).build());
        assertThrows(IllegalStateException.class, q.server::renegotiate);
        q.client.renegotiate();
        assertRefused(q.client, q.server);
    }

    /** A peer that showed no RFC 5746 support on the initial handshake cannot renegotiate (RFC 5746, Section 4.2, 4.4). */
    @Test
    void peerWithoutRfc5746IsRefused() throws Exception {
        ProtocolVersion v = ProtocolVersion.TLS12;
        TlsConfig legacy = client(v).renegotiation(Renegotiation.ACCEPT_SECURE)
                .extensionsHook((where, ext) -> Tls12EngineTest.without(ext, ExtensionType.RENEGOTIATION_INFO)).build();
        EnginePair p = established(legacy, server(v).renegotiation(Renegotiation.ACCEPT_SECURE).build());
        assertThrows(IllegalStateException.class, p.server::renegotiate);
        assertThrows(IllegalStateException.class, p.client::renegotiate);
        // A legacy renegotiating ClientHello (no renegotiation_info) reaches the accepting server anyway.
        byte[] hello = org.tls4j.handshake.RawHandshakeMessage.of(new org.tls4j.handshake.msg.ClientHello(
                ProtocolVersion.TLS12, new byte[32], new byte[0], List.of(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256),
                new byte[] {0}, new org.tls4j.handshake.ext.Extensions(List.of()))).encoded();
        p.client.queueHandshakeForTest(hello);
        assertRefused(p.client, p.server);
    }

    /** {@code from}'s queued request reaches {@code to}, which answers with a no_renegotiation warning and carries on. */
    private static void assertRefused(TlsEngine from, TlsEngine to) throws Exception {
        ByteBuffer net = ByteBuffer.allocate(1 << 16);
        from.wrap(ByteBuffer.allocate(0), net);
        net.flip();
        to.unwrap(net, ByteBuffer.allocate(1 << 15));
        ByteBuffer back = ByteBuffer.allocate(1 << 16);
        to.wrap(ByteBuffer.allocate(0), back);
        back.flip();
        assertTrue(back.remaining() > 0, "an alert record came back");
        TlsException e = assertThrows(TlsException.class, () -> from.unwrap(back, ByteBuffer.allocate(1 << 15)));
        assertTrue(e.isAlertReceived());
        assertEquals(AlertDescription.NO_RENEGOTIATION, e.alert());
        assertNull(to.failure());
    }

    /** A wrong renegotiation_info, sent by either side, is handshake_failure at the other (RFC 5746, Section 3.5, 3.7). */
    @ParameterizedTest(name = "tampered by the {0}")
    @ValueSource(strings = {"client", "server"})
    void wrongVerifyDataIsHandshakeFailure(String tamperer) throws Exception {
        ProtocolVersion v = ProtocolVersion.TLS12;
        Tls12Config.Hooks flip = new Tls12Config.Hooks() {
            @Override
            public byte[] renegotiatedConnection(byte[] value) {
                byte[] b = value.clone();
                b[b.length - 1] ^= 1;
                return b;
            }
        };
        TlsConfig.Builder cb = client(v).renegotiation(Renegotiation.ACCEPT_SECURE);
        TlsConfig.Builder sb = server(v).renegotiation(Renegotiation.ACCEPT_SECURE);
        (tamperer.equals("client") ? cb : sb).tls12Hooks(flip);
        EnginePair p = established(cb.build(), sb.build());
        p.client.renegotiate();
        Side c = new Side(p.client);
        Side s = new Side(p.server);
        TlsException e = assertThrows(TlsException.class, () -> pump(c, s));
        TlsEngine detector = tamperer.equals("client") ? p.server : p.client;
        assertNotNull(detector.failure());
        assertEquals(AlertDescription.HANDSHAKE_FAILURE, detector.failure().alert(), detector.failure().getMessage());
        assertFalse(detector.failure().isAlertReceived());
        assertTrue(e.alert() == AlertDescription.HANDSHAKE_FAILURE);
    }
}
