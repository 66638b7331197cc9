package org.tls4j.handshake.tls13;

/**
 * The client's tickets for one server (the engine keys them by server name and port). The handshake
 * {@link #take}s one to offer (single use: a taken ticket is gone, RFC 8446, Section C.4 "Clients
 * SHOULD NOT reuse a ticket for multiple connections") and {@link #put}s each ticket the server sends.
 * Implementations must be thread-safe if shared.
 */
public interface ClientTickets {
    /** A ticket to offer that has not expired at {@code nowMillis}, removed from the store; or null. */
    ClientTicket take(long nowMillis);

    /** Keeps a ticket received in a NewSessionTicket. */
    void put(ClientTicket ticket);
}
