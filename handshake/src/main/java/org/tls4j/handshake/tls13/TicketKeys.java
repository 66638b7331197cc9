package org.tls4j.handshake.tls13;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.Destroyable;
import org.tls4j.crypto.aead.AesGcm;
import org.tls4j.crypto.ct.ConstantTime;
import org.tls4j.crypto.rand.RandomSource;

/**
 * The server's self-encrypted session tickets (RFC 8446, Section 4.6.1: "the ticket ... is an opaque
 * label", here an AEAD box only this server set can open) and the register of tickets already used.
 * One object may be shared by several server configurations (and threads): every method is
 * synchronized.
 *
 * <p><b>Keys.</b> AES-256-GCM (tls4j's own {@link AesGcm}), one key per rotation period of
 * {@code rotationMillis} on the given clock. The current key seals; the current and the previous key
 * open, so a ticket stays usable for at least one whole period. When the period changes, the key two
 * periods old is destroyed (zeroed) and a fresh one drawn from the random source. Each key has a random
 * 16-byte name, sent in clear in the ticket, so opening never tries more than one key.
 *
 * <p><b>Ticket format</b> (all ours; clients treat it as opaque):
 * <pre>
 * key_name[16] || nonce[12] || AES-256-GCM(key, nonce, aad = key_name, plaintext) || tag[16]
 * </pre>
 * The 12-byte nonce is random per ticket; with at most a few million tickets per key the birthday bound
 * of 96-bit random nonces is far away (NIST SP 800-38D, Section 8.3 allows 2^32 invocations).
 *
 * <p><b>Single use (anti-replay).</b> RFC 8446, Section 8 lists single-use tickets as one defence
 * against replay (it matters most for 0-RTT, which tls4j refuses, but it also keeps a stolen ticket
 * from being used twice). tls4j keeps a bounded strike register of the ids ({@code key_name || nonce})
 * of tickets already accepted, each until the ticket would expire anyway. When the register is full (a
 * flood of resumptions), a resumption is refused, which costs a full handshake, never safety. The
 * register lives in memory: a server restart forgets it, and the keys with it, so old tickets die too.
 *
 * <p>constant-time: yes for the secrets (AES-GCM is; the key name comparison and the tag check reveal
 * only whether a ticket is ours, which is public).
 */
public final class TicketKeys implements Destroyable {
    /** Default rotation period: two hours. */
    public static final long DEFAULT_ROTATION_MILLIS = 2 * 3600 * 1000L;
    /** Default capacity of the used-ticket register. */
    public static final int DEFAULT_REGISTER_CAPACITY = 100_000;

    static final int NAME_LENGTH = 16;
    static final int NONCE_LENGTH = 12;
    static final int TAG_LENGTH = 16;
    /** Bytes a ticket adds to its plaintext. */
    public static final int OVERHEAD = NAME_LENGTH + NONCE_LENGTH + TAG_LENGTH;

    private final RandomSource random;
    private final Clock clock;
    private final long rotationMillis;
    private final int capacity;
    private Key current;
    private Key previous;
    private boolean destroyed;
    /** id -> expiry (epoch milliseconds), in insertion order. */
    private final LinkedHashMap<ByteBuffer, Long> used = new LinkedHashMap<ByteBuffer, Long>();

    /** One AES-256-GCM key with its name and period. */
    private static final class Key {
        final long period;
        final byte[] name;
        final AesGcm aead;

        Key(long period, byte[] name, AesGcm aead) {
            this.period = period;
            this.name = name;
            this.aead = aead;
        }
    }

    /**
     * A key set rotating every {@code rotationMillis} on {@code clock}, drawing keys from
     * {@code random}, with a used-ticket register of {@code registerCapacity} entries.
     */
    public TicketKeys(RandomSource random, Clock clock, long rotationMillis, int registerCapacity) {
        if (random == null || clock == null) {
            throw new IllegalArgumentException("a random source and a clock are required");
        }
        if (rotationMillis < 1000 || registerCapacity < 1) {
            throw new IllegalArgumentException("rotation of at least one second and a register of at least one entry");
        }
        this.random = random;
        this.clock = clock;
        this.rotationMillis = rotationMillis;
        this.capacity = registerCapacity;
    }

    /** Defaults: {@link #DEFAULT_ROTATION_MILLIS}, {@link #DEFAULT_REGISTER_CAPACITY}. */
    public TicketKeys(RandomSource random, Clock clock) {
        this(random, clock, DEFAULT_ROTATION_MILLIS, DEFAULT_REGISTER_CAPACITY);
    }

    /** The rotation period in milliseconds. */
    public long rotationMillis() {
        return rotationMillis;
    }

    /** Brings {@link #current} to the clock's period; destroys keys that fell out of the window. */
    private void rotate() {
        long period = Math.floorDiv(clock.millis(), rotationMillis);
        if (current != null && current.period == period) {
            return;
        }
        Key old = previous;
        if (current != null && current.period == period - 1) {
            previous = current;
        } else {
            if (current != null) {
                current.aead.destroy(); // older than one period (or the clock went back): unusable now
            }
            previous = null;
        }
        if (old != null) {
            old.aead.destroy(); // two periods old: out of the window
        }
        byte[] k = random.nextBytes(32);
        try {
            current = new Key(period, random.nextBytes(NAME_LENGTH), new AesGcm(k));
        } catch (CryptoException e) {
            throw new IllegalStateException("AES-256-GCM rejected a 32-byte key", e);
        } finally {
            ConstantTime.zero(k);
        }
    }

    /** Seals {@code plaintext} into a ticket under the current key. */
    public synchronized byte[] seal(byte[] plaintext) {
        if (destroyed) {
            throw new IllegalStateException("ticket keys destroyed");
        }
        rotate();
        byte[] out = new byte[OVERHEAD + plaintext.length];
        System.arraycopy(current.name, 0, out, 0, NAME_LENGTH);
        random.nextBytes(out, NAME_LENGTH, NONCE_LENGTH);
        try {
            current.aead.seal(out, NAME_LENGTH, out, 0, NAME_LENGTH, plaintext, 0, plaintext.length, out,
                    NAME_LENGTH + NONCE_LENGTH);
        } catch (CryptoException e) {
            throw new IllegalStateException("AES-GCM seal failed", e);
        }
        return out;
    }

    /**
     * Opens a ticket sealed by {@link #seal} under the current or the previous key; null when the ticket
     * is not ours, was sealed by a key that has rotated out, or does not authenticate.
     */
    public synchronized byte[] open(byte[] ticket) {
        if (destroyed || ticket.length < OVERHEAD) {
            return null;
        }
        rotate();
        Key k = null;
        for (Key c : new Key[] {current, previous}) {
            if (c != null && ConstantTime.equals(c.name, 0, ticket, 0, NAME_LENGTH) == 1) {
                k = c;
            }
        }
        if (k == null) {
            return null;
        }
        int ctLen = ticket.length - NAME_LENGTH - NONCE_LENGTH;
        byte[] out = new byte[ctLen - TAG_LENGTH];
        try {
            k.aead.open(ticket, NAME_LENGTH, ticket, 0, NAME_LENGTH, ticket, NAME_LENGTH + NONCE_LENGTH, ctLen, out, 0);
        } catch (CryptoException e) {
            return null;
        }
        return out;
    }

    /** The id of a ticket for {@link #markUsed}: its key name and nonce (unique per sealed ticket). */
    static byte[] idOf(byte[] ticket) {
        return Arrays.copyOf(ticket, NAME_LENGTH + NONCE_LENGTH);
    }

    /**
     * Records that the ticket with id {@code id} was used; true the first time, false when it was used
     * before or the register is full (then the caller does a full handshake). {@code expiresAtMillis}
     * is when the ticket expires anyway: the entry is forgotten after that.
     */
    public synchronized boolean markUsed(byte[] id, long expiresAtMillis) {
        long now = clock.millis();
        Iterator<Map.Entry<ByteBuffer, Long>> it = used.entrySet().iterator();
        // Entries are roughly in expiry order (one lifetime per server); drop the expired head.
        while (it.hasNext()) {
            if (it.next().getValue() > now) {
                break;
            }
            it.remove();
        }
        ByteBuffer key = ByteBuffer.wrap(id.clone());
        if (used.containsKey(key) || used.size() >= capacity) {
            return false;
        }
        used.put(key, expiresAtMillis);
        return true;
    }

    /** The number of ids in the used-ticket register (for tests). */
    public synchronized int usedCount() {
        return used.size();
    }

    /** Destroys every key; tickets can be neither sealed nor opened afterwards. */
    @Override
    public synchronized void destroy() {
        if (current != null) {
            current.aead.destroy();
        }
        if (previous != null) {
            previous.aead.destroy();
        }
        current = null;
        previous = null;
        destroyed = true;
    }
}
