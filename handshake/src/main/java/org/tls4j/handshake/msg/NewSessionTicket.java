package org.tls4j.handshake.msg;

import java.util.Arrays;

import org.tls4j.handshake.Bytes;
import org.tls4j.handshake.HandshakeMessage;
import org.tls4j.handshake.HandshakeType;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.TlsWriter;
import org.tls4j.handshake.ext.ExtensionContext;
import org.tls4j.handshake.ext.Extensions;
import org.tls4j.record.TlsAlert;

/**
 * NewSessionTicket, TLS 1.3 form (RFC 8446, Section 4.6.1), sent by the server after the handshake:
 *
 * <pre>
 * struct {
 *     uint32 ticket_lifetime;
 *     uint32 ticket_age_add;
 *     opaque ticket_nonce&lt;0..255&gt;;
 *     opaque ticket&lt;1..2^16-1&gt;;
 *     Extension extensions&lt;0..2^16-2&gt;;
 * } NewSessionTicket;
 * </pre>
 *
 * The seven-day cap on {@code ticket_lifetime} is a rule about how long the client keeps the ticket,
 * applied by the session cache, not a decoding error.
 */
public final class NewSessionTicket implements HandshakeMessage {
    /** Lifetime in seconds. */
    public final long ticketLifetime;
    /** Added to the ticket age to obfuscate it (Section 4.2.11.1). */
    public final long ticketAgeAdd;
    private final byte[] ticketNonce;
    private final byte[] ticket;
    /** The extensions (NST forms, e.g. early_data with max_early_data_size). */
    public final Extensions extensions;

    public NewSessionTicket(long ticketLifetime, long ticketAgeAdd, byte[] ticketNonce, byte[] ticket,
            Extensions extensions) {
        if (ticketLifetime < 0 || ticketLifetime > 0xffffffffL || ticketAgeAdd < 0 || ticketAgeAdd > 0xffffffffL) {
            throw new IllegalArgumentException("ticket_lifetime and ticket_age_add are uint32");
        }
        if (ticketNonce.length > 255) {
            throw new IllegalArgumentException("ticket_nonce is at most 255 bytes");
        }
        if (ticket.length == 0 || ticket.length > 0xffff) {
            throw new IllegalArgumentException("ticket must be 1..2^16-1 bytes");
        }
        this.ticketLifetime = ticketLifetime;
        this.ticketAgeAdd = ticketAgeAdd;
        this.ticketNonce = ticketNonce.clone();
        this.ticket = ticket.clone();
        this.extensions = extensions;
    }

    /** Parses the body. */
    public static NewSessionTicket read(TlsReader r) throws TlsAlert {
        long lifetime = r.u32();
        long ageAdd = r.u32();
        byte[] nonce = r.opaque8();
        byte[] ticket = r.opaque16("ticket", 1, 0xffff);
        Extensions e = Extensions.read(r, ExtensionContext.NEW_SESSION_TICKET);
        r.expectEnd();
        return new NewSessionTicket(lifetime, ageAdd, nonce, ticket, e);
    }

    /** A copy of ticket_nonce (input to the resumption PSK, Section 4.6.1). */
    public byte[] ticketNonce() {
        return ticketNonce.clone();
    }

    /** A copy of the opaque ticket. */
    public byte[] ticket() {
        return ticket.clone();
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.NEW_SESSION_TICKET;
    }

    @Override
    public void write(TlsWriter w) {
        w.u32(ticketLifetime).u32(ticketAgeAdd).opaque8(ticketNonce).opaque16(ticket);
        extensions.write(w);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof NewSessionTicket)) {
            return false;
        }
        NewSessionTicket t = (NewSessionTicket) o;
        return t.ticketLifetime == ticketLifetime && t.ticketAgeAdd == ticketAgeAdd
                && Arrays.equals(t.ticketNonce, ticketNonce) && Arrays.equals(t.ticket, ticket)
                && t.extensions.equals(extensions);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ticket);
    }

    @Override
    public String toString() {
        return "NewSessionTicket{lifetime=" + ticketLifetime + ", nonce=" + Bytes.hex(ticketNonce) + ", "
                + ticket.length + "-byte ticket, extensions=" + extensions + "}";
    }
}
