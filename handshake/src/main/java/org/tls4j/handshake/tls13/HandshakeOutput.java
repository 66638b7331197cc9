package org.tls4j.handshake.tls13;

import org.tls4j.record.AlertDescription;
import org.tls4j.record.ProtocolVersion;
import org.tls4j.record.RecordProtection;

/**
 * One thing the handshake asks the engine to do, in order (sans-IO: the handshake never does I/O).
 * Bytes queued before a {@link Kind#WRITE_KEYS} go out under the old write protection, bytes after it
 * under the new one; {@link Kind#READ_KEYS} applies to the next record read.
 *
 * <p>TLS 1.0-1.2 ({@code tls12.Tls12Handshake}) use {@link Kind#VERSION}, {@link Kind#CHANGE_CIPHER_SPEC}
 * (then a real key change: the record goes out under the current write protection and
 * {@link Kind#WRITE_PROTECTION} follows), {@link Kind#READ_PROTECTION}, {@link Kind#WARNING_ALERT} and
 * {@link Kind#COMPLETE}; their record protections are built by the handshake ({@code Protections12}).
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
         * TLS 1.0-1.2: the negotiated {@link #version()}: records are written with it and must arrive
         * with it from now on (RFC 5246, Appendix E.1).
         */
        VERSION,
        /** TLS 1.0-1.2: protect records read from now on with {@link #protection()} (the peer's CCS arrived). */
        READ_PROTECTION,
        /** TLS 1.0-1.2: protect records written from now on with {@link #protection()} (after our CCS). */
        WRITE_PROTECTION,
        /** Send a warning alert {@link #alert()} (TLS 1.0-1.2: no_renegotiation; RFC 5746, Section 4.5). */
        WARNING_ALERT,
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
    private ProtocolVersion version;
    private RecordProtection protection;
    private AlertDescription alert;
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

    /** The ways the TLS 1.0-1.2 machine ({@code org.tls4j.handshake.tls12}) talks to the engine. */
    public static final class For12 {
        private For12() {}

        /** Whole handshake messages to send. */
        public static HandshakeOutput handshake(byte[] b) {
            return HandshakeOutput.handshake(b);
        }

        /** A ChangeCipherSpec record under the current write protection. */
        public static HandshakeOutput changeCipherSpec() {
            return HandshakeOutput.changeCipherSpec();
        }

        public static HandshakeOutput version(ProtocolVersion v) {
            HandshakeOutput o = new HandshakeOutput(Kind.VERSION, null, null, null);
            o.version = v;
            return o;
        }

        /** {@code p} is owned by the receiver of the output from now on. */
        public static HandshakeOutput readProtection(RecordProtection p) {
            HandshakeOutput o = new HandshakeOutput(Kind.READ_PROTECTION, null, null, null);
            o.protection = p;
            return o;
        }

        /** {@code p} is owned by the receiver of the output from now on. */
        public static HandshakeOutput writeProtection(RecordProtection p) {
            HandshakeOutput o = new HandshakeOutput(Kind.WRITE_PROTECTION, null, null, null);
            o.protection = p;
            return o;
        }

        public static HandshakeOutput warningAlert(AlertDescription a) {
            HandshakeOutput o = new HandshakeOutput(Kind.WARNING_ALERT, null, null, null);
            o.alert = a;
            return o;
        }

        public static HandshakeOutput complete(HandshakeSummary s) {
            return HandshakeOutput.complete(s);
        }

        /** record_size_limit negotiated in TLS 1.0-1.2 (both values count plaintext only, at most 2^14). */
        public static HandshakeOutput recordSizeLimit(int peer, int own) {
            return HandshakeOutput.recordSizeLimit(peer, own);
        }
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

    /** The negotiated version ({@link Kind#VERSION}). */
    public ProtocolVersion version() {
        return version;
    }

    /** The record protection to install ({@link Kind#READ_PROTECTION}, {@link Kind#WRITE_PROTECTION}). */
    public RecordProtection protection() {
        return protection;
    }

    /** The warning to send ({@link Kind#WARNING_ALERT}). */
    public AlertDescription alert() {
        return alert;
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
        return kind + (bytes != null ? "(" + bytes.length + " bytes)" : secret != null ? "(" + secret + ")"
                : version != null ? "(" + version + ")" : protection != null ? "(" + protection.name() + ")"
                : alert != null ? "(" + alert + ")" : "");
    }
}
