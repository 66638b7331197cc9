package org.tls4j.handshake.tls12.msg;

import org.tls4j.handshake.HandshakeMessage;
import org.tls4j.handshake.HandshakeType;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.TlsWriter;
import org.tls4j.record.TlsAlert;

/**
 * ServerHelloDone (RFC 5246, Section 7.4.5): {@code struct { } ServerHelloDone;} — the end of the
 * server's first flight. A non-empty body is a decode_error.
 */
public final class ServerHelloDone implements HandshakeMessage {
    /** The only value. */
    public static final ServerHelloDone INSTANCE = new ServerHelloDone();

    private ServerHelloDone() {}

    /** Parses the (empty) body. */
    public static ServerHelloDone read(TlsReader r) throws TlsAlert {
        EmptyMessages.expectEmpty(r, "ServerHelloDone");
        return INSTANCE;
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.SERVER_HELLO_DONE;
    }

    @Override
    public void write(TlsWriter w) {}

    @Override
    public String toString() {
        return "ServerHelloDone";
    }
}
