package org.tls4j.handshake.tls13;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

import org.tls4j.record.TlsAlert;

/**
 * Properties of the TLS 1.3 machines without a record layer:
 * <ul>
 * <li>the handshake completes whatever the split of each message into handshake records;</li>
 * <li>random bytes, and real flights with random mutations, fed to a client or a server only ever end
 *     in a {@link TlsAlert} (or in waiting for more bytes, or, for harmless mutations, success): never
 *     another exception, and every call returns.</li>
 * </ul>
 */
class Tls13MachineProperties {
    /** Splits each message at random points and delivers the pieces as separate records. */
    @Property(tries = 40)
    void handshakeCompletesUnderAnyMessageFragmentation(@ForAll long seed) throws Exception {
        Random r = new Random(seed);
        MachinePair p = new MachinePair(MachinePair.clientConfig(), MachinePair.serverConfig());
        for (int step = 0; step < 5; step++) {
            Tls13Handshake from = step % 2 == 0 ? p.client : p.server;
            Tls13Handshake to = step % 2 == 0 ? p.server : p.client;
            for (HandshakeOutput o : from.drainOutputs()) {
                if (o.kind != HandshakeOutput.Kind.HANDSHAKE) {
                    continue;
                }
                byte[] m = o.bytes();
                int off = 0;
                while (off < m.length) {
                    int n = 1 + r.nextInt(Math.min(m.length - off, 1 + r.nextInt(64)));
                    to.handshakeRecord(m, off, n);
                    off += n;
                }
            }
        }
        assertTrue(p.client.isComplete() && p.server.isComplete());
        assertArrayEquals(p.client.summary().suite.name().getBytes(), p.server.summary().suite.name().getBytes());
    }

    @Property(tries = 1000)
    void randomBytesToAServerOnlyEndInAnAlert(@ForAll @Size(max = 600) byte[] junk) throws Exception {
        Tls13Handshake server = Tls13Handshake.server(MachinePair.serverConfig().build());
        feed(server, junk);
    }

    @Property(tries = 1000)
    void randomBytesToAClientOnlyEndInAnAlert(@ForAll @Size(max = 600) byte[] junk) throws Exception {
        Tls13Handshake client = Tls13Handshake.client(MachinePair.clientConfig().build());
        client.drainOutputs();
        feed(client, junk);
    }

    /** A real ClientHello with 1-8 random byte changes (or a truncation), delivered to a server. */
    @Property(tries = 500)
    void mutatedClientHelloOnlyEndsInAnAlert(@ForAll long seed) throws Exception {
        Random r = new Random(seed);
        Tls13Handshake client = Tls13Handshake.client(MachinePair.clientConfig().build());
        byte[] ch = client.drainOutputs().get(0).bytes();
        Tls13Handshake server = Tls13Handshake.server(MachinePair.serverConfig().build());
        feed(server, mutate(ch, r));
    }

    /** A real server flight (ServerHello ... Finished), one message mutated, delivered to the client. */
    @Property(tries = 1000)
    void mutatedServerFlightOnlyEndsInAnAlert(@ForAll long seed) throws Exception {
        Random r = new Random(seed);
        MachinePair p = new MachinePair(MachinePair.clientConfig(), MachinePair.serverConfig());
        p.deliver(p.client, p.server, m -> m);
        List<byte[]> flight = new ArrayList<>();
        for (HandshakeOutput o : p.server.drainOutputs()) {
            if (o.kind == HandshakeOutput.Kind.HANDSHAKE) {
                flight.add(o.bytes());
            }
        }
        int victim = r.nextInt(flight.size());
        flight.set(victim, mutate(flight.get(victim), r));
        try {
            for (byte[] m : flight) {
                p.client.handshakeRecord(m, 0, m.length);
            }
        } catch (TlsAlert expected) {
            // the only allowed failure
        }
    }

    private static byte[] mutate(byte[] m, Random r) {
        byte[] c = m.clone();
        if (r.nextInt(5) == 0) {
            return Arrays.copyOf(c, r.nextInt(c.length));
        }
        int n = 1 + r.nextInt(8);
        for (int i = 0; i < n; i++) {
            c[r.nextInt(c.length)] ^= (byte) (1 + r.nextInt(255));
        }
        return c;
    }

    private static void feed(Tls13Handshake h, byte[] bytes) {
        try {
            h.handshakeRecord(bytes, 0, bytes.length);
        } catch (TlsAlert expected) {
            // the only allowed failure
        }
    }
}
