package org.tls4j.handshake.tls12;

import org.tls4j.handshake.HandshakeMessage;
import org.tls4j.record.AlertDescription;
import org.tls4j.record.TlsAlert;

/**
 * One state of the TLS 1.0-1.2 typestate machines ({@link Tls12Client}, {@link Tls12Server}): it accepts
 * exactly the message (or the ChangeCipherSpec) the protocol allows next and returns the next state.
 */
interface State12 {
    /** Handles a handshake message. */
    State12 handle(Context12 cx, HandshakeMessage m) throws TlsAlert;

    /**
     * Handles the peer's ChangeCipherSpec. "It is an error if a ChangeCipherSpec arrives at any other
     * point" than right before the peer's Finished (RFC 5246, Section 7.1): unexpected_message by default.
     */
    default State12 changeCipherSpec(Context12 cx) throws TlsAlert {
        throw new TlsAlert(AlertDescription.UNEXPECTED_MESSAGE,
                "ChangeCipherSpec where a handshake message was expected (RFC 5246, Section 7.1)");
    }

    /** Zeroes the secrets this state holds. */
    default void destroy() {
    }
}
