package org.tls4j.handshake;

/**
 * A handshake message (RFC 8446, Section 4):
 *
 * <pre>
 * struct {
 *     HandshakeType msg_type;    // handshake type
 *     uint24 length;             // remaining bytes in message
 *     select (Handshake.msg_type) { ... } body;
 * } Handshake;
 * </pre>
 *
 * Each implementation is one message body, immutable, with a static {@code read(TlsReader)} that
 * parses a body and {@link #write(TlsWriter)} that writes it back. The four-byte header is added by
 * {@link #encode()} and removed by {@link HandshakeReassembler}.
 */
public interface HandshakeMessage {
    /** The {@code msg_type} of this message. */
    HandshakeType type();

    /** Writes the body (without the four-byte header). */
    void write(TlsWriter w);

    /** The whole message as sent and as hashed into the transcript: header, then body. */
    default byte[] encode() {
        TlsWriter w = new TlsWriter();
        w.u8(type().code);
        int m = w.begin24();
        write(w);
        w.end24(m);
        return w.toByteArray();
    }
}
