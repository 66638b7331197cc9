package org.tls4j.handshake.tls13;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.tls4j.testing.SeededRandomSource;

/** {@link TicketKeys}: sealing, the two-key window of rotation, and the used-ticket register. */
class TicketKeysTest {
    static final long HOUR = 3600_000L;

    final AtomicLong now = new AtomicLong(10 * HOUR);
    final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now.get());
        }
    };
    final TicketKeys keys = new TicketKeys(new SeededRandomSource(2), clock, HOUR, 3);

    @Test
    void sealedTicketsOpenAndAnyChangeIsRefused() {
        byte[] plain = "session state".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] t = keys.seal(plain);
        assertEquals(plain.length + TicketKeys.OVERHEAD, t.length);
        assertArrayEquals(plain, keys.open(t));
        for (int i = 0; i < t.length; i++) {
            byte[] bad = t.clone();
            bad[i] ^= 0x40;
            assertNull(keys.open(bad), "byte " + i);
        }
        assertNull(keys.open(new byte[TicketKeys.OVERHEAD - 1]));
        assertFalse(java.util.Arrays.equals(t, keys.seal(plain)), "a fresh nonce per ticket");
    }

    @Test
    void thePreviousKeyStillOpensAndOlderKeysAreGone() {
        byte[] t = keys.seal(new byte[] {1});
        now.addAndGet(HOUR);
        assertArrayEquals(new byte[] {1}, keys.open(t), "one period later: the previous key");
        byte[] t2 = keys.seal(new byte[] {2});
        now.addAndGet(HOUR);
        assertNull(keys.open(t), "two periods later: its key was destroyed");
        assertArrayEquals(new byte[] {2}, keys.open(t2));
        now.addAndGet(5 * HOUR);
        assertNull(keys.open(t2), "after a gap both keys are gone");
    }

    @Test
    void registerRefusesSecondUseAndForgetsExpiredIdsAndIsBounded() {
        byte[] a = {1};
        byte[] b = {2};
        assertTrue(keys.markUsed(a, now.get() + 1000));
        assertFalse(keys.markUsed(a, now.get() + 1000), "single use");
        assertTrue(keys.markUsed(b, now.get() + 5000));
        assertTrue(keys.markUsed(new byte[] {3}, now.get() + 5000));
        assertFalse(keys.markUsed(new byte[] {4}, now.get() + 5000), "full: refused (a full handshake follows)");
        now.addAndGet(2000);
        assertTrue(keys.markUsed(new byte[] {4}, now.get() + 5000), "the expired id made room");
        assertEquals(3, keys.usedCount());
    }

    @Test
    void destroyedKeysNeitherSealNorOpen() {
        byte[] t = keys.seal(new byte[] {1});
        keys.destroy();
        assertNull(keys.open(t));
        assertThrows(IllegalStateException.class, () -> keys.seal(new byte[] {1}));
    }
}
