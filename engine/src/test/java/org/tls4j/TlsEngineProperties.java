package org.tls4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import org.tls4j.crypto.x509.TestPki;
import org.tls4j.record.AlertDescription;

/**
 * Engine properties: the handshake (and data after it) survives any split of the byte stream; random
 * and mutated network bytes only ever end in a TlsException carrying an alert (never another exception,
 * never an internal error caused by a bug, never a hang).
 */
class TlsEngineProperties {
    @Property(tries = 40)
    void handshakeCompletesUnderAnyFragmentation(@ForAll long seed, @ForAll @IntRange(min = 1, max = 300) int maxChunk)
            throws Exception {
        Random r = new Random(seed);
        TlsConfig client = TestCerts.client().groups(org.tls4j.handshake.NamedGroup.X25519,
                org.tls4j.handshake.NamedGroup.SECP256R1).build();
        // Every other try the server only has secp256r1, so HelloRetryRequest runs fragmented too.
        TlsConfig.Builder sb = TestCerts.server(TestPki.KeyKind.EC_P256);
        if ((seed & 1) == 0) {
            sb.groups(org.tls4j.handshake.NamedGroup.SECP256R1);
        }
        EnginePair p = new EnginePair(client, sb.build());
        assertTrue(p.handshake(n -> 1 + r.nextInt(Math.min(n, maxChunk))),
                () -> "client: " + p.clientFailure + " server: " + p.serverFailure);
        byte[] data = new byte[1 + r.nextInt(40000)];
        r.nextBytes(data);
        assertArrayEquals(data, p.transfer(p.client, p.server, data));
    }

    @Property(tries = 500)
    void randomBytesToAServerEngineOnlyEndInAnAlert(@ForAll @Size(max = 2000) byte[] junk) {
        feed(TlsEngine.server(TestCerts.server(TestPki.KeyKind.EC_P256).build()), junk);
    }

    @Property(tries = 500)
    void randomRecordsToAClientEngineOnlyEndInAnAlert(@ForAll @Size(max = 2000) byte[] junk,
            @ForAll @IntRange(min = 20, max = 23) int type) {
        TlsEngine client = TlsEngine.client(TestCerts.client().build());
        try {
            client.wrap(ByteBuffer.allocate(0), ByteBuffer.allocate(client.packetBufferSize()));
        } catch (TlsException e) {
            throw new AssertionError(e);
        }
        // A well-formed record header of a valid type, so the junk reaches the handshake or alert code.
        byte[] rec = new byte[5 + Math.min(junk.length, 16384)];
        rec[0] = (byte) type;
        rec[1] = 3;
        rec[2] = 3;
        rec[3] = (byte) ((rec.length - 5) >>> 8);
        rec[4] = (byte) (rec.length - 5);
        System.arraycopy(junk, 0, rec, 5, rec.length - 5);
        feed(client, rec);
    }

    /** The server's real first flight with a few bytes changed, fed to the client. */
    @Property(tries = 150)
    void mutatedServerFlightOnlyEndsInAnAlert(@ForAll long seed) throws Exception {
        Random r = new Random(seed);
        TlsEngine client = TlsEngine.client(TestCerts.client().build());
        TlsEngine server = TlsEngine.server(TestCerts.server(TestPki.KeyKind.EC_P256).build());
        ByteBuffer c2s = ByteBuffer.allocate(1 << 16);
        client.wrap(ByteBuffer.allocate(0), c2s);
        c2s.flip();
        server.unwrap(c2s, ByteBuffer.allocate(100));
        ByteBuffer s2c = ByteBuffer.allocate(1 << 16);
        server.wrap(ByteBuffer.allocate(0), s2c);
        s2c.flip();
        byte[] flight = new byte[s2c.remaining()];
        s2c.get(flight);
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            flight[r.nextInt(flight.length)] ^= (byte) (1 + r.nextInt(255));
        }
        feed(client, flight);
    }

    private static void feed(TlsEngine e, byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        ByteBuffer app = ByteBuffer.allocate(1 << 15);
        try {
            for (int i = 0; i < 10000 && in.hasRemaining(); i++) {
                app.clear();
                TlsResult r = e.unwrap(in, app);
                if (r.status() == TlsResult.Status.BUFFER_UNDERFLOW || r.status() == TlsResult.Status.CLOSED) {
                    return;
                }
            }
            assertFalse(in.hasRemaining(), "unwrap stopped consuming: a hang");
        } catch (TlsException ex) {
            assertFalse(ex.alert().equals(AlertDescription.INTERNAL_ERROR)
                    && ex.getCause() != null && ex.getCause().getCause() instanceof RuntimeException,
                    () -> "a bug surfaced as internal_error: " + ex.getCause().getCause());
            assertEquals(ex.alert(), ex.tlsAlert().description());
        }
    }

    static byte[] copy(byte[] b) {
        return Arrays.copyOf(b, b.length);
    }
}
