package org.tls4j;

/**
 * The outcome of one {@link TlsEngine#wrap} or {@link TlsEngine#unwrap} call: how it ended, how many
 * bytes it took and gave, and what the handshake needs next.
 */
public final class TlsResult {
    /** How a call ended. */
    public enum Status {
        /** The call did its work (possibly zero bytes, when nothing was to be done). */
        OK,
        /** unwrap: the source does not hold a whole record yet; read more from the network. */
        BUFFER_UNDERFLOW,
        /** The destination has no room for what is ready; drain it (or give a larger one) and call again. */
        BUFFER_OVERFLOW,
        /** This direction is closed (close_notify sent or received, or the connection failed). */
        CLOSED
    }

    /** What the handshake needs next. */
    public enum HandshakeStatus {
        /** Call {@link TlsEngine#wrap}: there are bytes for the peer. */
        NEED_WRAP,
        /** Call {@link TlsEngine#unwrap}: the handshake waits for the peer. */
        NEED_UNWRAP,
        /** The handshake completed during this call (reported once). */
        FINISHED,
        /** No handshake in progress: application data flows. */
        NOT_HANDSHAKING
    }

    private final Status status;
    private final HandshakeStatus handshakeStatus;
    private final int bytesConsumed;
    private final int bytesProduced;

    TlsResult(Status status, HandshakeStatus handshakeStatus, int bytesConsumed, int bytesProduced) {
        this.status = status;
        this.handshakeStatus = handshakeStatus;
        this.bytesConsumed = bytesConsumed;
        this.bytesProduced = bytesProduced;
    }

    /** True when this result carries exactly these values (the engine reuses identical results). */
    boolean is(Status s, HandshakeStatus h, int consumed, int produced) {
        return status == s && handshakeStatus == h && bytesConsumed == consumed && bytesProduced == produced;
    }

    public Status status() {
        return status;
    }

    public HandshakeStatus handshakeStatus() {
        return handshakeStatus;
    }

    /** Bytes taken from the source buffer. */
    public int bytesConsumed() {
        return bytesConsumed;
    }

    /** Bytes written to the destination buffer. */
    public int bytesProduced() {
        return bytesProduced;
    }

    @Override
    public String toString() {
        return "TlsResult{" + status + ", " + handshakeStatus + ", consumed=" + bytesConsumed + ", produced="
                + bytesProduced + "}";
    }
}
