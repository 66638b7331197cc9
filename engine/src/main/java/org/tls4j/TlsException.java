package org.tls4j;

import java.io.IOException;

import org.tls4j.record.AlertDescription;
import org.tls4j.record.TlsAlert;

/**
 * The connection failed. The message names the cause; {@link #alert()} is the alert that was (or will
 * be, on the next {@link TlsEngine#wrap}) sent to the peer, or the one the peer sent
 * ({@link #isAlertReceived()}). The cause is the {@link TlsAlert} raised by the protocol code. After a
 * TlsException the engine is closed for good: every later call reports CLOSED or throws this again.
 */
public final class TlsException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient TlsAlert alert;

    TlsException(TlsAlert alert) {
        super(alert.getMessage(), alert);
        this.alert = alert;
    }

    /** The alert description. */
    public AlertDescription alert() {
        return alert.description();
    }

    /** True when the peer sent the alert; false when this side detected the failure and sends it. */
    public boolean isAlertReceived() {
        return alert.isReceived();
    }

    /** The underlying protocol alert. */
    public TlsAlert tlsAlert() {
        return alert;
    }
}
