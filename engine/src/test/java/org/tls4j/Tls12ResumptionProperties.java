package org.tls4j;

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
 * TLS 1.0-1.2 abbreviated handshakes (RFC 5246, Section 7.3) under mutation: a session is established
 * (by session ID or by ticket, AEAD or CBC, TLS 1.2 or 1.0), then a resuming handshake has a few bytes of
 * one flight changed (0: the ClientHello with the session ID or ticket, 1: ServerHello + ChangeCipherSpec
 * + Finished, 2: the client's ChangeCipherSpec + Finished). It only ever ends in a TlsException carrying
 * an alert, or (when the change hit something that only decides between resuming and not) a completed
 * handshake — never another exception, an internal error from a bug, or a hang.
 */
class Tls12ResumptionProperties {
    private static final CipherSuite[] SUITES = {
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
    };

    @Property(tries = 60)
    void mutatedAbbreviatedFlightsOnlyEndInAnAlert(@ForAll long seed, @ForAll @IntRange(min = 0, max = 2) int target)
            throws Exception {
        Random r = new Random(seed);
        CipherSuite suite = SUITES[r.nextInt(SUITES.length)];
        ProtocolVersion v = suite.name().endsWith("_CBC_SHA") && r.nextBoolean() ? ProtocolVersion.TLS10 : ProtocolVersion.TLS12;
        boolean tickets = r.nextBoolean();
        TlsConfig.Builder sb = TestCerts.server(TestPki.KeyKind.EC_P256).versions(v).tls12CipherSuites(suite);
        TlsConfig server = (tickets ? sb.serverSessionStore(null) : sb.sessionTickets(0)).build();
        TlsConfig client = TestCerts.client().versions(ProtocolVersion.TLS12, ProtocolVersion.TLS10)
                .tls12CipherSuites(suite).sessionCache(new SessionCache()).build();
        EnginePair first = new EnginePair(TlsEngine.client(client, "localhost", 443), TlsEngine.server(server));
        assertTrue(first.handshake());

        TlsEngine[] e = {TlsEngine.client(client, "localhost", 443), TlsEngine.server(server)};
        boolean mutated = false;
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
                break;
            }
            if (flight == target) {
                int n = 1 + r.nextInt(4);
                for (int k = 0; k < n; k++) {
                    bytes[r.nextInt(bytes.length)] ^= (byte) (1 + r.nextInt(255));
                }
                mutated = true;
            }
            if (!feed(to, bytes)) {
                return; // the receiver failed with an alert, as it may
            }
        }
        if (!mutated) {
            // Unmutated (the target flight did not exist): the handshake resumed.
            assertTrue(e[0].session() != null && e[0].session().isResumed());
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
