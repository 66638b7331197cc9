package org.tls4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.tls4j.crypto.x509.TestPki;
import org.tls4j.handshake.CipherSuite;
import org.tls4j.record.AlertDescription;
import org.tls4j.record.ProtocolVersion;

/**
 * TLS 1.0-1.2 engine properties: the handshake survives any split of the byte stream, and every flight of
 * a real TLS 1.2 handshake with a few bytes changed only ever ends in a TlsException carrying an alert
 * (never another exception, never an internal error caused by a bug, never a hang).
 */
class Tls12EngineProperties {
    private static final CipherSuite[] SUITES = {CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA, CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256};

    /** Case {@code i}: even cases TLS 1.2 with one of the suites, odd cases TLS 1.0 with the CBC suite. */
    private static CipherSuite suite(int i) {
        return i % 2 == 0 ? SUITES[i % 3] : SUITES[1];
    }

    private static TlsConfig client(int i) {
        return TestCerts.client().versions(ProtocolVersion.TLS12, ProtocolVersion.TLS10).tls12CipherSuites(suite(i)).build();
    }

    private static TlsConfig server(int i) {
        return TestCerts.server(TestPki.KeyKind.EC_P256).versions(i % 2 == 0 ? ProtocolVersion.TLS12 : ProtocolVersion.TLS10)
                .tls12CipherSuites(suite(i)).trustAnchors(TestCerts.anchors())
                .clientAuth(org.tls4j.handshake.tls13.ClientAuth.OPTIONAL).build();
    }

    @Property(tries = 30)
    void handshakeCompletesUnderAnyFragmentation(@ForAll long seed, @ForAll @IntRange(min = 1, max = 300) int maxChunk)
            throws Exception {
        Random r = new Random(seed);
        int i = r.nextInt(6);
        EnginePair p = new EnginePair(client(i), server(i));
        assertTrue(p.handshake(n -> 1 + r.nextInt(Math.min(n, maxChunk))),
                () -> "client: " + p.clientFailure + " server: " + p.serverFailure);
        byte[] data = new byte[1 + r.nextInt(40000)];
        r.nextBytes(data);
        assertArrayEquals(data, p.transfer(p.client, p.server, data));
        assertArrayEquals(data, p.transfer(p.server, p.client, data));
    }

    /**
     * Runs a real handshake, and at flight {@code target} (0: ClientHello, 1: server's first flight,
     * 2: client's second flight, 3: server's CCS+Finished) changes a few bytes before they are delivered.
     */
    @Property(tries = 200)
    void mutatedFlightsOnlyEndInAnAlert(@ForAll long seed, @ForAll @IntRange(min = 0, max = 3) int target) throws Exception {
        Random r = new Random(seed);
        int i = r.nextInt(6);
        TlsEngine[] e = {TlsEngine.client(client(i)), TlsEngine.server(server(i))};
        for (int flight = 0; flight < 6; flight++) {
            TlsEngine from = e[flight % 2];
            TlsEngine to = e[1 - flight % 2];
            ByteBuffer net = ByteBuffer.allocate(1 << 17);
            try {
                from.wrap(ByteBuffer.allocate(0), net);
            } catch (TlsException ex) {
                throw new AssertionError("the sender failed on its own flight", ex);
            }
            net.flip();
            byte[] bytes = new byte[net.remaining()];
            net.get(bytes);
            if (bytes.length == 0) {
                return;
            }
            if (flight == target) {
                int n = 1 + r.nextInt(4);
                for (int k = 0; k < n; k++) {
                    bytes[r.nextInt(bytes.length)] ^= (byte) (1 + r.nextInt(255));
                }
            }
            if (!feed(to, bytes)) {
                return; // the receiver failed with an alert, as it may
            }
        }
    }

    /** Feeds {@code bytes}; false when the engine failed (with a proper alert). */
    private static boolean feed(TlsEngine e, byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        ByteBuffer app = ByteBuffer.allocate(1 << 15);
        try {
            for (int i = 0; i < 10000 && in.hasRemaining(); i++) {
                app.clear();
                TlsResult r = e.unwrap(in, app);
                if (r.status() == TlsResult.Status.BUFFER_UNDERFLOW || r.status() == TlsResult.Status.CLOSED) {
                    return true;
                }
            }
            assertFalse(in.hasRemaining(), "unwrap stopped consuming: a hang");
            return true;
        } catch (TlsException ex) {
            assertFalse(ex.alert().equals(AlertDescription.INTERNAL_ERROR)
                    && ex.getCause() != null && ex.getCause().getCause() instanceof RuntimeException,
                    () -> "a bug surfaced as internal_error: " + ex.getCause().getCause());
            assertEquals(ex.alert(), ex.tlsAlert().description());
            return false;
        }
    }
}
