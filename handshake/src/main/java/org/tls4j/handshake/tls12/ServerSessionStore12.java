package org.tls4j.handshake.tls12;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.tls4j.handshake.Bytes;

/**
 * The server's TLS 1.0-1.2 session store for session-ID resumption (RFC 5246, Section 7.4.1.2 and 7.3):
 * sessions by session ID, bounded (the least recently used one is forgotten and destroyed once
 * {@code capacity} is reached), with each session's own lifetime (an expired session is dropped when met).
 * Thread-safe: one lock, so one store can be shared by every server engine of a configuration.
 *
 * <p>A session is found by its ID (a random 32-byte value the server chose, public on the wire), so the
 * map lookup is not a secret-dependent operation.
 */
public final class ServerSessionStore12 {
    /** The default bound on stored sessions. */
    public static final int DEFAULT_CAPACITY = 10_000;

    private final int capacity;
    private final LinkedHashMap<String, Session12> byId = new LinkedHashMap<String, Session12>(16, 0.75f, true);

    /** A store of at most {@code capacity} sessions (at least 1). */
    public ServerSessionStore12(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a session store holds at least one session");
        }
        this.capacity = capacity;
    }

    /** A store with {@link #DEFAULT_CAPACITY}. */
    public ServerSessionStore12() {
        this(DEFAULT_CAPACITY);
    }

    /** A copy of the unexpired session stored under {@code id} at {@code nowMillis} (the caller destroys it), or null. */
    synchronized Session12 get(byte[] id, long nowMillis) {
        if (id.length == 0) {
            return null;
        }
        String k = Bytes.hex(id);
        Session12 s = byId.get(k);
        if (s != null && s.isExpired(nowMillis)) {
            byId.remove(k).destroy();
            return null;
        }
        return s == null ? null : s.copy();
    }

    /** Stores {@code s} under its session ID, evicting the least recently used sessions beyond the bound. */
    synchronized void put(Session12 s) {
        byte[] id = s.sessionId();
        if (id.length == 0) {
            return;
        }
        Session12 old = byId.put(Bytes.hex(id), s);
        if (old != null && old != s) {
            old.destroy();
        }
        Iterator<Map.Entry<String, Session12>> it = byId.entrySet().iterator();
        while (byId.size() > capacity && it.hasNext()) {
            it.next().getValue().destroy();
            it.remove();
        }
    }

    /** Forgets the session stored under {@code id} (RFC 5246, Section 7.2: a fatal alert invalidates it). */
    synchronized void remove(byte[] id) {
        Session12 s = byId.remove(Bytes.hex(id));
        if (s != null) {
            s.destroy();
        }
    }

    /** The number of sessions held (expired ones included until met). */
    public synchronized int size() {
        return byId.size();
    }

    /** The bound. */
    public int capacity() {
        return capacity;
    }

    /** Forgets (and destroys) every session. */
    public synchronized void clear() {
        for (Session12 s : byId.values()) {
            s.destroy();
        }
        byId.clear();
    }
}
