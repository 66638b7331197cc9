package org.tls4j.handshake.tls12.msg;

import java.util.Arrays;

import org.tls4j.handshake.HandshakeMessage;
import org.tls4j.handshake.HandshakeType;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.TlsWriter;
import org.tls4j.record.TlsAlert;

/**
 * NewSessionTicket of TLS 1.2 and earlier (RFC 5077, Section 3.3):
 *
 * <pre>
 * struct {
 *     uint32 ticket_lifetime_hint;
 *     opaque ticket&lt;0..2^16-1&gt;;
 * } NewSessionTicket;
 * </pre>
 *
 * The hint is in seconds, 0 meaning "no recommendation". An empty ticket is allowed: the server then
 * withdraws the ticket it is replacing (Section 3.3). The TLS 1.3 message of the same type number is
 * {@code msg.NewSessionTicket}.
 */
public final class NewSessionTicket12 implements HandshakeMessage {
    /** ticket_lifetime_hint, seconds. */
    public final long lifetimeHint;
    private final byte[] ticket;

    public NewSessionTicket12(long lifetimeHint, byte[] ticket) {
        if (lifetimeHint < 0 || lifetimeHint > 0xffffffffL) {
            throw new IllegalArgumentException("lifetime hint is a uint32");
        }
        if (ticket.length > 0xffff) {
            throw new IllegalArgumentException("ticket is at most 2^16-1 bytes");
        }
        this.lifetimeHint = lifetimeHint;
        this.ticket = ticket.clone();
    }

    /** Parses the body. */
    public static NewSessionTicket12 read(TlsReader r) throws TlsAlert {
        long hint = r.u32();
        byte[] t = r.opaque16();
        r.expectEnd();
        return new NewSessionTicket12(hint, t);
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
        w.u32(lifetimeHint).opaque16(ticket);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NewSessionTicket12 && ((NewSessionTicket12) o).lifetimeHint == lifetimeHint
                && Arrays.equals(((NewSessionTicket12) o).ticket, ticket);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(lifetimeHint) * 31 + Arrays.hashCode(ticket);
    }

    @Override
    public String toString() {
        return "NewSessionTicket{hint=" + lifetimeHint + "s, " + ticket.length + "-byte ticket}";
    }
}
