package org.tls4j.handshake;

import java.util.Arrays;

/**
 * A whole handshake message as received: its type and the exact body bytes, not yet parsed.
 * {@link HandshakeReassembler} produces these. The transcript hashes {@link #encoded()}, the bytes as
 * they were on the wire, so the hash never depends on how our codecs would re-encode a message.
 */
public final class RawHandshakeMessage {
    /** {@code msg_type}. */
    public final HandshakeType type;
    private final byte[] body;

    public RawHandshakeMessage(HandshakeType type, byte[] body) {
        if (body.length > 0xffffff) {
            throw new IllegalArgumentException("handshake body longer than 2^24-1");
        }
        this.type = type;
        this.body = body.clone();
    }

    /** The body as a fresh reader. */
    public TlsReader reader() {
        return new TlsReader(body);
    }

    /** A copy of the body. */
    public byte[] body() {
        return body.clone();
    }

    /** Length of the body. */
    public int bodyLength() {
        return body.length;
    }

    /** Header and body: exactly the bytes that go into the transcript hash. */
    public byte[] encoded() {
        byte[] out = new byte[4 + body.length];
        out[0] = (byte) type.code;
        out[1] = (byte) (body.length >>> 16);
        out[2] = (byte) (body.length >>> 8);
        out[3] = (byte) body.length;
        System.arraycopy(body, 0, out, 4, body.length);
        return out;
    }

    /** The framing of a parsed message, for sending. */
    public static RawHandshakeMessage of(HandshakeMessage m) {
        TlsWriter w = new TlsWriter();
        m.write(w);
        return new RawHandshakeMessage(m.type(), w.toByteArray());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawHandshakeMessage && ((RawHandshakeMessage) o).type.equals(type)
                && Arrays.equals(((RawHandshakeMessage) o).body, body);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return type + "(" + body.length + " bytes)";
    }
}
