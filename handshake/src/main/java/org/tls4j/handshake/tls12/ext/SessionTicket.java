package org.tls4j.handshake.tls12.ext;

import java.util.Arrays;

import org.tls4j.handshake.ExtensionType;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.TlsWriter;
import org.tls4j.handshake.ext.Extension;
import org.tls4j.record.TlsAlert;

/**
 * session_ticket (RFC 5077, Section 3.2). In ClientHello, {@code extension_data} is the ticket itself
 * (no inner length; empty when the client has none but supports tickets); in ServerHello it is empty,
 * announcing a NewSessionTicket. Section 3.2: "the extension_data field of SessionTicket extension
 * contains the ticket", so the ticket has no length of its own inside the extension.
 */
public final class SessionTicket implements Extension {
    /** An empty ticket: ClientHello without a ticket, or the ServerHello form. */
    public static final SessionTicket EMPTY = new SessionTicket(new byte[0]);

    private final byte[] ticket;

    public SessionTicket(byte[] ticket) {
        if (ticket.length > 0xffff) {
            throw new IllegalArgumentException("ticket is at most 2^16-1 bytes");
        }
        this.ticket = ticket.clone();
    }

    /** Parses the ClientHello form: the whole {@code extension_data} is the ticket. */
    public static SessionTicket readClient(TlsReader r) throws TlsAlert {
        return new SessionTicket(r.bytes(r.remaining()));
    }

    /** Parses the ServerHello form, which must be empty (decode_error otherwise). */
    public static SessionTicket readServer(TlsReader r) throws TlsAlert {
        r.expectEnd();
        return EMPTY;
    }

    /** A copy of the ticket. */
    public byte[] ticket() {
        return ticket.clone();
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.SESSION_TICKET;
    }

    @Override
    public void writeData(TlsWriter w) {
        w.bytes(ticket);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SessionTicket && Arrays.equals(((SessionTicket) o).ticket, ticket);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ticket);
    }

    @Override
    public String toString() {
        return "session_ticket(" + ticket.length + " bytes)";
    }
}
