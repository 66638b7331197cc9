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
        COMPLETE,
        /**
         * record_size_limit was negotiated (RFC 8449, Section 4): cap protected records we write to
         * {@link #peerRecordSizeLimit()} bytes of plaintext (TLS 1.3: content + type + padding), and refuse
         * received protected records over {@link #ownRecordSizeLimit()} with record_overflow.
         */
        RECORD_SIZE_LIMIT
    }

    public final Kind kind;
    private final byte[] bytes;
    private final TrafficSecret secret;
    private final HandshakeSummary summary;
    private final int peerLimit;
    private final int ownLimit;

    private HandshakeOutput(Kind kind, byte[] bytes, TrafficSecret secret, HandshakeSummary summary) {
        this(kind, bytes, secret, summary, 0, 0);
    }

    private HandshakeOutput(Kind kind, byte[] bytes, TrafficSecret secret, HandshakeSummary summary, int peerLimit,
            int ownLimit) {
        this.kind = kind;
        this.bytes = bytes;
        this.secret = secret;
        this.summary = summary;
        this.peerLimit = peerLimit;
        this.ownLimit = ownLimit;
    }

    static HandshakeOutput recordSizeLimit(int peer, int own) {
        return new HandshakeOutput(Kind.RECORD_SIZE_LIMIT, null, null, null, peer, own);
    }

    /** The peer's record_size_limit ({@link Kind#RECORD_SIZE_LIMIT}): the most we may send per record. */
    public int peerRecordSizeLimit() {
        return peerLimit;
    }

    /** Our own record_size_limit ({@link Kind#RECORD_SIZE_LIMIT}): the most the peer may send per record. */
    public int ownRecordSizeLimit() {
        return ownLimit;
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
        if (kind == Kind.RECORD_SIZE_LIMIT) {
            return kind + "(peer " + peerLimit + ", own " + ownLimit + ")";
        }
        return kind + (bytes != null ? "(" + bytes.length + " bytes)" : secret != null ? "(" + secret + ")" : "");
    }
}
