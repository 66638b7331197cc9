package org.tls4j.handshake.tls13;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.tls4j.crypto.Destroyable;
import org.tls4j.crypto.ct.ConstantTime;
import org.tls4j.crypto.x509.Certificate;
import org.tls4j.handshake.CipherSuite;

/**
 * A ticket the client received (RFC 8446, Section 4.6.1) with what it needs to offer it: the PSK
 * {@code HKDF-Expand-Label(resumption_master_secret, "resumption", ticket_nonce, Hash.length)}, the
 * suite whose hash the PSK belongs to, ticket_age_add, when it arrived and how long it lives, and the
 * server's certificate chain of the original connection (a resumed session reports it). Destroy it
 * when done: that zeroes the PSK.
 */
public final class ClientTicket implements Destroyable {
    /** The suite of the connection that issued the ticket (its hash must match on resumption). */
    public final CipherSuite suite;
    private final byte[] psk;
    private final byte[] ticket;
    /** ticket_age_add (Section 4.6.1). */
    public final long ageAdd;
    /** When the NewSessionTicket arrived (epoch milliseconds, client clock). */
    public final long receivedMillis;
    /** ticket_lifetime, capped at seven days (seconds). */
    public final long lifetimeSeconds;
    /** max_early_data_size from the ticket's early_data extension (0 when absent). */
    public final long maxEarlyData;
    /** The server name the original connection sent, or null. */
    public final String serverName;
    private final List<Certificate> serverChain;

    public ClientTicket(CipherSuite suite, byte[] psk, byte[] ticket, long ageAdd, long receivedMillis,
            long lifetimeSeconds, long maxEarlyData, String serverName, List<Certificate> serverChain) {
        this.suite = suite;
        this.psk = psk.clone();
        this.ticket = ticket.clone();
        this.ageAdd = ageAdd;
        this.receivedMillis = receivedMillis;
        this.lifetimeSeconds = Math.min(lifetimeSeconds, Resumption.MAX_LIFETIME_SECONDS);
        this.maxEarlyData = maxEarlyData;
        this.serverName = serverName;
        this.serverChain = Collections.unmodifiableList(new ArrayList<Certificate>(serverChain));
    }

    /** A copy of the PSK. */
    public byte[] psk() {
        return psk.clone();
    }

    /** A copy of the opaque ticket (the PSK identity). */
    public byte[] ticket() {
        return ticket.clone();
    }

    /** The server chain of the original connection. */
    public List<Certificate> serverChain() {
        return serverChain;
    }

    /** True when the ticket's lifetime has run out at {@code nowMillis} (or the clock went back). */
    public boolean isExpired(long nowMillis) {
        return nowMillis < receivedMillis || nowMillis - receivedMillis >= lifetimeSeconds * 1000L;
    }

    /**
     * obfuscated_ticket_age = (age in milliseconds + ticket_age_add) mod 2^32 (Section 4.2.11.1).
     */
    public long obfuscatedAge(long nowMillis) {
        return ((nowMillis - receivedMillis) + ageAdd) & 0xffffffffL;
    }

    @Override
    public void destroy() {
        ConstantTime.zero(psk);
    }
}
