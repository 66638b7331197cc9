package org.tls4j;

import java.io.IOException;

/**
 * A transport URL that cannot be parsed, or a transport that cannot be opened as asked, explained in
 * plain words: the message names the problem and, where there is one, the fix.
 *
 * <p>A checked exception (an {@link IOException}, so {@link Transport#openSocket(int)} has one failure
 * type for bad URLs, refusals and network errors). It is thrown before any byte is sent.
 */
public final class TransportException extends IOException {
    private static final long serialVersionUID = 1L;

    public TransportException(String message) {
        super(message);
    }

    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
