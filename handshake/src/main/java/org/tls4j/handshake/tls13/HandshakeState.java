package org.tls4j.handshake.tls13;

import org.tls4j.handshake.HandshakeMessage;
import org.tls4j.record.TlsAlert;

/**
 * One state of a handshake typestate machine (CONVENTIONS, "Handshake flows"). A state accepts exactly
 * the messages the protocol allows next: {@link #handle} starts with
 * {@code cx.require(m, Expected.class)} (unexpected_message otherwise), validates, computes, asks the
 * context to send and to install keys, and returns the next state. States are immutable; the old state
 * is dropped.
 */
public interface HandshakeState {
    /** Handles {@code m} (received as {@link HandshakeContext#received()}) and returns the next state. */
    HandshakeState handle(HandshakeContext cx, HandshakeMessage m) throws TlsAlert;
}
