package org.tls4j.handshake.tls12.msg;

import org.tls4j.handshake.HandshakeMessage;
import org.tls4j.handshake.HandshakeType;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.TlsWriter;
import org.tls4j.record.TlsAlert;

/**
 * HelloRequest (RFC 5246, Section 7.4.1.1): {@code struct { } HelloRequest;} — the server asks for a
 * renegotiation. Not part of the transcript ("This message MUST NOT be included in the message hashes").
 * A non-empty body is a decode_error.
 */
public final class HelloRequest implements HandshakeMessage {
    /** The only value. */
    public static final HelloRequest INSTANCE = new HelloRequest();

    private HelloRequest() {}

    /** Parses the (empty) body. */
    public static HelloRequest read(TlsReader r) throws TlsAlert {
        EmptyMessages.expectEmpty(r, "HelloRequest");
        return INSTANCE;
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.HELLO_REQUEST;
    }

    @Override
    public void write(TlsWriter w) {}

    @Override
    public String toString() {
        return "HelloRequest";
    }
}
