package org.tls4j.handshake.tls12;

/**
 * The client's TLS 1.0-1.2 sessions for one server (the engine's session cache keys them by server name
 * and port, next to the TLS 1.3 tickets). The handshake {@link #take}s one to offer and {@link #put}s
 * the session it ends with (the resumed one again, or a new one). Implementations must be thread-safe if
 * shared.
 */
public interface ClientSessions12 {
    /** A session that has not expired at {@code nowMillis}, removed from the store; or null. */
    Session12 take(long nowMillis);

    /** Keeps a session (replacing older ones for this server as the store's bounds require). */
    void put(Session12 session);
}
