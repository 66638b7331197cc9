package org.tls4j.handshake.tls13;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.tls4j.handshake.ext.PskKeyExchangeModes;

/**
 * Session resumption settings of a TLS 1.3 handshake (RFC 8446, Sections 2.2, 4.2.9, 4.2.11, 4.6.1),
 * immutable. {@link #NONE} turns resumption off on both sides.
 *
 * <p>Server: {@link #ticketKeys} seal and open tickets (null: no tickets issued, offers ignored);
 * {@link #ticketCount} NewSessionTickets are sent after the handshake (0: none);
 * {@link #ticketLifetimeSeconds} is their lifetime (at most 604800, seven days, Section 4.6.1).
 * Client: {@link #clientTickets} supplies a ticket to offer and keeps the ones received (null: no
 * resumption). Both: {@link #pskModes}, in preference order (default psk_dhe_ke only; psk_ke gives up
 * forward secrecy for the resumed connection, Section 2.2).
 */
public final class Resumption {
    /** Seven days: the longest ticket lifetime RFC 8446, Section 4.6.1 allows. */
    public static final long MAX_LIFETIME_SECONDS = 604800;
    /** Default lifetime: two hours. */
    public static final long DEFAULT_LIFETIME_SECONDS = 7200;
    /**
     * How far the client's view of a ticket's age may differ from the server's (milliseconds): ten
     * seconds, for round trips and clock-rate differences (RFC 8446, Section 8.3 suggests such a window).
     */
    public static final long DEFAULT_AGE_TOLERANCE_MILLIS = 10_000;
    /**
     * Default bound on the early data a server skips when it refuses 0-RTT (RFC 8446, Section 4.2.10):
     * 64 KiB of records.
     */
    public static final int DEFAULT_MAX_EARLY_DATA_SKIP = 64 * 1024;

    /** Resumption off: no tickets issued or offered; early data is still skipped as Section 4.2.10 says. */
    public static final Resumption NONE = new Resumption(null, 0, DEFAULT_LIFETIME_SECONDS,
            Collections.singletonList(PskKeyExchangeModes.PSK_DHE_KE), null, DEFAULT_AGE_TOLERANCE_MILLIS,
            DEFAULT_MAX_EARLY_DATA_SKIP);

    final TicketKeys ticketKeys;
    final int ticketCount;
    final long ticketLifetimeSeconds;
    final List<Integer> pskModes;
    final ClientTickets clientTickets;
    final long ageToleranceMillis;
    final int maxEarlyDataSkip;

    private Resumption(TicketKeys ticketKeys, int ticketCount, long ticketLifetimeSeconds, List<Integer> pskModes,
            ClientTickets clientTickets, long ageToleranceMillis, int maxEarlyDataSkip) {
        if (ticketCount < 0 || ticketCount > 16) {
            throw new IllegalArgumentException("ticket count must be 0..16");
        }
        if (ticketLifetimeSeconds < 1 || ticketLifetimeSeconds > MAX_LIFETIME_SECONDS) {
            throw new IllegalArgumentException("ticket lifetime must be 1..604800 seconds (RFC 8446, Section 4.6.1)");
        }
        if (pskModes.isEmpty()) {
            throw new IllegalArgumentException("at least one PSK key exchange mode");
        }
        for (int m : pskModes) {
            if (m != PskKeyExchangeModes.PSK_KE && m != PskKeyExchangeModes.PSK_DHE_KE) {
                throw new IllegalArgumentException("unknown PSK key exchange mode " + m);
            }
        }
        if (ageToleranceMillis < 0 || maxEarlyDataSkip < 0) {
            throw new IllegalArgumentException("negative tolerance or early data bound");
        }
        this.ticketKeys = ticketKeys;
        this.ticketCount = ticketCount;
        this.ticketLifetimeSeconds = ticketLifetimeSeconds;
        this.pskModes = Collections.unmodifiableList(new ArrayList<Integer>(pskModes));
        this.clientTickets = clientTickets;
        this.ageToleranceMillis = ageToleranceMillis;
        this.maxEarlyDataSkip = maxEarlyDataSkip;
    }

    /** Server: tickets sealed by {@code keys}, {@code count} per handshake. */
    public Resumption withTickets(TicketKeys keys, int count) {
        return new Resumption(keys, count, ticketLifetimeSeconds, pskModes, clientTickets, ageToleranceMillis,
                maxEarlyDataSkip);
    }

    /** Server: the ticket_lifetime sent (1..604800 seconds). */
    public Resumption withLifetimeSeconds(long seconds) {
        return new Resumption(ticketKeys, ticketCount, seconds, pskModes, clientTickets, ageToleranceMillis,
                maxEarlyDataSkip);
    }

    /** Both: the PSK key exchange modes, in preference order ({@link PskKeyExchangeModes#PSK_DHE_KE} and/or PSK_KE). */
    public Resumption withPskModes(List<Integer> modes) {
        return new Resumption(ticketKeys, ticketCount, ticketLifetimeSeconds, modes, clientTickets,
                ageToleranceMillis, maxEarlyDataSkip);
    }

    /** Client: where tickets to offer come from and received ones go. */
    public Resumption withClientTickets(ClientTickets tickets) {
        return new Resumption(ticketKeys, ticketCount, ticketLifetimeSeconds, pskModes, tickets,
                ageToleranceMillis, maxEarlyDataSkip);
    }

    /** Server: the ticket age window (milliseconds). */
    public Resumption withAgeToleranceMillis(long millis) {
        return new Resumption(ticketKeys, ticketCount, ticketLifetimeSeconds, pskModes, clientTickets, millis,
                maxEarlyDataSkip);
    }

    /** Server: the most bytes of refused early data skipped (RFC 8446, Section 4.2.10). */
    public Resumption withMaxEarlyDataSkip(int bytes) {
        return new Resumption(ticketKeys, ticketCount, ticketLifetimeSeconds, pskModes, clientTickets,
                ageToleranceMillis, bytes);
    }

    public TicketKeys ticketKeys() {
        return ticketKeys;
    }

    public int ticketCount() {
        return ticketCount;
    }

    public long ticketLifetimeSeconds() {
        return ticketLifetimeSeconds;
    }

    public List<Integer> pskModes() {
        return pskModes;
    }

    public ClientTickets clientTickets() {
        return clientTickets;
    }

    public int maxEarlyDataSkip() {
        return maxEarlyDataSkip;
    }
}
