package org.tls4j.handshake;

import java.util.List;

import org.tls4j.handshake.tls13.HandshakeOutput;
import org.tls4j.handshake.tls13.HandshakeSummary;
import org.tls4j.record.TlsAlert;

/**
 * What the engine needs from a handshake, whatever the version: record contents in, {@link HandshakeOutput}s
 * out (sans-IO). Implemented by {@code tls13.Tls13Handshake}, {@code tls12.Tls12Handshake} and
 * {@code tls12.VersionNegotiation}, which picks between them.
 */
public interface HandshakeDriver {
    /** True for the client side. */
    boolean isClient();

    /** The content of one handshake record. */
    void handshakeRecord(byte[] b, int off, int len) throws TlsAlert;

    /** The content of one change_cipher_spec record. */
    void changeCipherSpec(byte[] b, int off, int len) throws TlsAlert;

    /** TLS 1.3 KeyUpdate (internal_error in other versions). */
    void keyUpdate(boolean requestPeer) throws TlsAlert;

    /** True while part of a handshake message is buffered. */
    boolean hasPartialMessage();

    /** Keying material exporter (RFC 8446, Section 7.5; RFC 5705). */
    byte[] exportKeyingMaterial(String label, byte[] context, int length) throws TlsAlert;

    /** Zeroes every secret. */
    void destroy();

    /** True once the handshake completed. */
    boolean isComplete();

    /** What was negotiated, or null before completion. */
    HandshakeSummary summary();

    /** Takes the queued outputs, in order. */
    List<HandshakeOutput> drainOutputs();

    /** The current state's name. */
    String stateName();

    /**
     * True when application data may be sent and received: once the handshake completed, and in TLS
     * 1.0-1.2 also while a renegotiation runs (RFC 5246, Section 7.4.1.1: data goes on under the current
     * keys until the ChangeCipherSpec).
     */
    default boolean applicationDataAllowed() {
        return isComplete();
    }

    /**
     * TLS 1.0-1.2: starts a renegotiation (RFC 5746); false when this connection may not renegotiate now
     * (other versions, policy, peer without RFC 5746 support, not established, one already running).
     */
    default boolean renegotiate() throws TlsAlert {
        return false;
    }

    /** TLS 1.3: true when the peer's update_requested must be answered before our next record. */
    default boolean keyUpdateOwed() {
        return false;
    }

    /** TLS 1.3 server: true while rejected early data is being skipped (RFC 8446, Section 4.2.10). */
    default boolean skippingEarlyData() {
        return false;
    }

    /** TLS 1.3 server: a record decrypted with the handshake keys ends the skipping. */
    default void endEarlyDataSkip() {
    }

    /** TLS 1.3 server: how many bytes of early data may be skipped. */
    default int maxEarlyDataSkip() {
        return 0;
    }
}
