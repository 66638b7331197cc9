package org.tls4j.handshake.tls13;

/**
 * One thing the handshake asks the engine to do, in order (sans-IO: the handshake never does I/O).
 * Bytes queued before a {@link Kind#WRITE_KEYS} go out under the old write protection, bytes after it
 * under the new one; {@link Kind#READ_KEYS} applies to the next record read.
 */
public final class HandshakeOutput {
    /** What to do. */
    public enum Kind {
        /** Send {@link #bytes()} (whole handshake messages) as handshake records. */
        HANDSHAKE,
        /** Send a ChangeCipherSpec record (the single byte 1, unprotected; RFC 8446, Appendix D.4). */
        CHANGE_CIPHER_SPEC,
        /** Protect records read from now on with {@link #secret()}. */
        READ_KEYS,
        /** Protect records written from now on with {@link #secret()}. */
        WRITE_KEYS,
        /** The handshake is complete: {@link #summary()} says what was negotiated. */
        COMPLETE
    }

    public final Kind kind;
    private final byte[] bytes;
    private final TrafficSecret secret;
    private final HandshakeSummary summary;

    private HandshakeOutput(Kind kind, byte[] bytes, TrafficSecret secret, HandshakeSummary summary) {
        this.kind = kind;
        this.bytes = bytes;
        this.secret = secret;
        this.summary = summary;
    }

    static HandshakeOutput handshake(byte[] b) {
        return new HandshakeOutput(Kind.HANDSHAKE, b, null, null);
    }

    static HandshakeOutput changeCipherSpec() {
        return new HandshakeOutput(Kind.CHANGE_CIPHER_SPEC, null, null, null);
    }

    static HandshakeOutput readKeys(TrafficSecret s) {
        return new HandshakeOutput(Kind.READ_KEYS, null, s, null);
    }

    static HandshakeOutput writeKeys(TrafficSecret s) {
        return new HandshakeOutput(Kind.WRITE_KEYS, null, s, null);
    }

    static HandshakeOutput complete(HandshakeSummary s) {
        return new HandshakeOutput(Kind.COMPLETE, null, null, s);
    }

    /** The handshake bytes to send ({@link Kind#HANDSHAKE}). */
    public byte[] bytes() {
        return bytes;
    }

    /**
     * The new traffic secret ({@link Kind#READ_KEYS}, {@link Kind#WRITE_KEYS}): a copy owned by the
     * receiver of this output, who destroys it once the record protection is built.
     */
    public TrafficSecret secret() {
        return secret;
    }

    /** What was negotiated ({@link Kind#COMPLETE}). */
    public HandshakeSummary summary() {
        return summary;
    }

    @Override
    public String toString() {
        return kind + (bytes != null ? "(" + bytes.length + " bytes)" : secret != null ? "(" + secret + ")" : "");
    }
}
