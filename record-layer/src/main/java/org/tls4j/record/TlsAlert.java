package org.tls4j.record;

import java.io.IOException;

/**
 * The one exception of the TLS protocol code: an alert to send, or one received from the peer
 * (CONVENTIONS, "Errors"). It carries the {@link AlertDescription}, whether the alert was received, a
 * detail message that starts with what failed and why, and an optional cause.
 *
 * <p>Protocol code only throws it. The engine catches it in one place, sends the alert unless it was
 * received, destroys the keys and stays closed. The detail message never contains secret data.
 */
public final class TlsAlert extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient AlertDescription description;
    private final transient AlertLevel level;
    private final boolean received;

    private TlsAlert(AlertDescription description, AlertLevel level, boolean received, String detail,
            Throwable cause) {
        super(description + (received ? " (received)" : "") + ": " + detail, cause);
        this.description = description;
        this.level = level;
        this.received = received;
    }

    /** A fatal alert this side is to send, with a detail saying what failed and why. */
    public TlsAlert(AlertDescription description, String detail) {
        this(description, AlertLevel.FATAL, false, detail, null);
    }

    /** A fatal alert this side is to send, caused by {@code cause}. */
    public TlsAlert(AlertDescription description, String detail, Throwable cause) {
        this(description, AlertLevel.FATAL, false, detail, cause);
    }

    /** An alert the peer sent (RFC 8446, Section 6: the connection is closed). */
    public static TlsAlert received(AlertLevel level, AlertDescription description) {
        return new TlsAlert(description, level, true, "alert received from the peer at level " + level, null);
    }

    public AlertDescription description() {
        return description;
    }

    public AlertLevel level() {
        return level;
    }

    /** True when the peer sent this alert, false when this side is to send it. */
    public boolean isReceived() {
        return received;
    }
}
