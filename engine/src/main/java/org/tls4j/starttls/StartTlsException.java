package org.tls4j.starttls;

import java.io.IOException;

/**
 * A STARTTLS preamble that could not reach the point where TLS begins, explained in plain words: the
 * server does not offer the upgrade, refused it, answered something unexpected, closed the connection,
 * or sent bytes it must not send. {@link #reply()} holds the peer's last line when there was one.
 */
public final class StartTlsException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String reply;

    public StartTlsException(String message) {
        this(message, null, null);
    }

    public StartTlsException(String message, String reply) {
        this(message, reply, null);
    }

    public StartTlsException(String message, String reply, Throwable cause) {
        super(message, cause);
        this.reply = reply;
    }

    /** The peer's last line (or null), as received, for logs and traces. */
    public String reply() {
        return reply;
    }
}
