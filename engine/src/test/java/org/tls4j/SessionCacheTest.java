package org.tls4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Collections;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.tls4j.crypto.x509.Certificate;
import org.tls4j.handshake.CipherSuite;
import org.tls4j.handshake.tls13.ClientTicket;
import org.tls4j.handshake.tls13.ClientTickets;

/** {@link SessionCache}: single use, expiry, and no ticket lost or handed out twice under threads. */
class SessionCacheTest {
    static ClientTicket ticket(int id, long received, long lifetime) {
        return new ClientTicket(CipherSuite.TLS_AES_128_GCM_SHA256, new byte[32], new byte[] {(byte) id, (byte) (id >> 8)},
                0, received, lifetime, 0, "h", Collections.<Certificate>emptyList());
    }

    @Test
    void takenOnceAndExpiredOnesDropped() {
        SessionCache c = new SessionCache(8, 4);
        ClientTickets v = c.forPeer("H", 1);
        v.put(ticket(1, 0, 10));
        v.put(ticket(2, 0, 100));
        assertEquals(1, c.size("h", 1, 50_000), "case-insensitive host; the 10 s ticket has expired");
        assertEquals(2, v.take(50_000).ticket()[0]);
        assertNull(v.take(50_000), "the expired one is dropped, not handed out");
        assertNull(c.forPeer("h", 2).take(0), "another port is another server");
    }

    @Test
    void threadsNeverShareATicket() throws Exception {
        SessionCache c = new SessionCache(4, 1000);
        ClientTickets v = c.forPeer("h", 443);
        ConcurrentHashMap<Integer, Boolean> seen = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        java.util.List<java.util.concurrent.Future<Object>> done = new java.util.ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int base = t * 250;
            done.add(pool.submit(() -> {
                for (int i = 0; i < 250; i++) {
                    v.put(ticket(base + i, 0, 100));
                    ClientTicket got = v.take(1);
                    if (got != null) {
                        int id = (got.ticket()[0] & 0xff) | ((got.ticket()[1] & 0xff) << 8);
                        if (seen.putIfAbsent(id, true) != null) {
                            throw new AssertionError("ticket " + id + " handed out twice");
                        }
                    }
                }
                return null;
            }));
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.SECONDS);
        for (java.util.concurrent.Future<Object> f : done) {
            f.get(); // rethrows a thread's AssertionError
        }
        int left = c.size("h", 443, 1);
        assertEquals(1000, seen.size() + left, "every ticket either taken once or still there");
    }
}
