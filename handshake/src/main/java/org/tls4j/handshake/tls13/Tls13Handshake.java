package org.tls4j.handshake.tls13;

import java.util.List;

import org.tls4j.handshake.HandshakeMessage;
import org.tls4j.handshake.HandshakeReassembler;
import org.tls4j.handshake.RawHandshakeMessage;
import org.tls4j.handshake.msg.Tls13Messages;
import org.tls4j.record.AlertDescription;
import org.tls4j.record.TlsAlert;

/**
 * Drives one side's TLS 1.3 machine ({@link Tls13Client} or {@link Tls13Server}) from record contents:
 * handshake record bytes are reassembled into messages ({@link HandshakeReassembler}), parsed
 * ({@link Tls13Messages}) and handed to the current {@link HandshakeState}; the dummy ChangeCipherSpec
 * of middlebox compatibility mode is checked and dropped. The engine then takes the
 * {@link HandshakeOutput}s ({@link #drainOutputs()}) and applies them in order. No I/O, no threads.
 *
 * <p>"Handshake messages MUST NOT span key changes. Implementations MUST verify that all messages
 * immediately preceding a key change align with a record boundary; if not, then they MUST terminate
 * the connection with an unexpected_message alert" (RFC 8446, Section 5.1): after a message that
 * changes the read keys, the reassembler must be empty.
 */
public final class Tls13Handshake implements org.tls4j.handshake.HandshakeDriver {
    private final HandshakeContext cx;
    private final HandshakeReassembler reassembler = new HandshakeReassembler();
    private final boolean client;
    private HandshakeState state;

    private Tls13Handshake(HandshakeConfig config, boolean client) throws TlsAlert {
        this(config, client, null, java.util.Collections.<org.tls4j.handshake.ext.Extension>emptyList());
    }

    private Tls13Handshake(HandshakeConfig config, boolean client, byte[] olderSessionId,
            java.util.List<org.tls4j.handshake.ext.Extension> olderSessionExtensions) throws TlsAlert {
        this.cx = new HandshakeContext(config);
        cx.olderSessionId = olderSessionId == null ? null : olderSessionId.clone();
        cx.olderSessionExtensions = new java.util.ArrayList<org.tls4j.handshake.ext.Extension>(olderSessionExtensions);
        this.client = client;
        this.state = client ? Tls13Client.start(cx) : new Tls13Server.ExpectClientHello();
        if (config.listener != null) {
            config.listener.onStateChange("Start", state.getClass().getSimpleName());
        }
    }

    /** A client; its ClientHello is already queued in {@link #drainOutputs()}. */
    public static Tls13Handshake client(HandshakeConfig config) throws TlsAlert {
        return new Tls13Handshake(config, true);
    }

    /**
     * A client whose ClientHello also offers a TLS 1.0-1.2 session (RFC 5246, Section 7.4.1.2; RFC 5077,
     * Section 3.1): {@code olderSessionId} as legacy_session_id (null: the usual value) and
     * {@code olderSessionExtensions} (session_ticket) after the older versions' extensions.
     */
    public static Tls13Handshake client(HandshakeConfig config, byte[] olderSessionId,
            java.util.List<org.tls4j.handshake.ext.Extension> olderSessionExtensions) throws TlsAlert {
        return new Tls13Handshake(config, true, olderSessionId, olderSessionExtensions);
    }

    /** A server, waiting for a ClientHello. */
    public static Tls13Handshake server(HandshakeConfig config) throws TlsAlert {
        return new Tls13Handshake(config, false);
    }

    public boolean isClient() {
        return client;
    }

    /** The content of one handshake record (any fragment of one or more messages). */
    public void handshakeRecord(byte[] b, int off, int len) throws TlsAlert {
        reassembler.add(b, off, len);
        RawHandshakeMessage raw;
        while ((raw = reassembler.next()) != null) {
            cx.setReceived(raw);
            HandshakeMessage m = Tls13Messages.parse(raw, cx.hashLength());
            cx.message(false, m);
            HandshakeState before = state;
            state = state.handle(cx, m);
            stateChanged(before);
            if (cx.takeReadKeysChanged()) {
                reassembler.requireEmpty("a handshake message spans a key change (RFC 8446, Section 5.1)");
            }
            if (state instanceof Tls13Client.OlderVersionChosen) {
                return; // the rest of the flight belongs to the TLS 1.2 machine: see olderVersionChosen()
            }
        }
    }

    /**
     * Client: non-null once the server chose TLS 1.2 or older; the caller then continues with the TLS 1.2
     * machine and feeds it {@link #takeBufferedHandshakeBytes()}.
     */
    public Tls13Client.OlderVersionChosen olderVersionChosen() {
        return state instanceof Tls13Client.OlderVersionChosen ? (Tls13Client.OlderVersionChosen) state : null;
    }

    /** The handshake bytes received but not yet handled (the rest of a flight after a hand-over). */
    public byte[] takeBufferedHandshakeBytes() {
        return reassembler.takeRemaining();
    }

    /**
     * A ChangeCipherSpec record. "An implementation may receive an unencrypted record of type
     * change_cipher_spec consisting of the single byte value 0x01 at any time after the first
     * ClientHello message has been sent or received and before the peer's Finished message has been
     * received and MUST simply drop it without further processing ... An implementation which receives
     * any other change_cipher_spec value or which receives a protected change_cipher_spec record MUST
     * abort the handshake with an unexpected_message alert" (RFC 8446, Section 5). The engine checks
     * "protected"; this checks the value and the timing.
     */
    public void changeCipherSpec(byte[] b, int off, int len) throws TlsAlert {
        if (len != 1 || b[off] != 1) {
            throw new TlsAlert(AlertDescription.UNEXPECTED_MESSAGE,
                    "ChangeCipherSpec that is not the single byte 0x01 (RFC 8446, Section 5)");
        }
        if (!cx.ccsAllowed()) {
            throw new TlsAlert(AlertDescription.UNEXPECTED_MESSAGE,
                    "ChangeCipherSpec outside the handshake (RFC 8446, Section 5)");
        }
    }

    /**
     * Sends a KeyUpdate and switches to the next write secret (RFC 8446, Section 4.6.3), asking the peer
     * to update too when {@code requestPeer}; for the engine when the write key nears its limit.
     */
    public void keyUpdate(boolean requestPeer) throws TlsAlert {
        if (!(state instanceof Traffic.Connected)) {
            throw new TlsAlert(AlertDescription.INTERNAL_ERROR, "KeyUpdate before the handshake completed");
        }
        state = ((Traffic.Connected) state).sendKeyUpdate(cx, requestPeer);
    }

    /**
     * Server: true while early data the ClientHello announced is being skipped (tls4j never accepts
     * 0-RTT; RFC 8446, Section 4.2.10: "skip past early data"). The engine then drops records it cannot
     * decrypt with the handshake keys (or, after a HelloRetryRequest, application_data records until the
     * second ClientHello), at most {@link #maxEarlyDataSkip()} bytes, and calls
     * {@link #endEarlyDataSkip()} at the first record that decrypts.
     */
    public boolean skippingEarlyData() {
        return cx.skipEarlyData();
    }

    /** The first record after the skipped early data decrypted: stop skipping. */
    public void endEarlyDataSkip() {
        cx.setSkipEarlyData(false);
    }

    /** The most bytes of early data records skipped before a record that does not decrypt is fatal. */
    public int maxEarlyDataSkip() {
        return cx.config.resumption.maxEarlyDataSkip;
    }

    /**
     * True when the peer asked for a KeyUpdate (update_requested) and ours has not been sent yet: the
     * engine calls {@link #keyUpdate keyUpdate(false)} before its next record (RFC 8446, Section 4.6.3).
     */
    public boolean keyUpdateOwed() {
        return cx.keyUpdateOwed() && state instanceof Traffic.Connected;
    }

    /** Tells the listener (if any) when the state's class changed. */
    private void stateChanged(HandshakeState before) {
        if (cx.config.listener != null && before.getClass() != state.getClass()) {
            cx.config.listener.onStateChange(before.getClass().getSimpleName(), state.getClass().getSimpleName());
        }
    }

    /**
     * True while part of a handshake message is buffered: then any other record type is refused,
     * since "Handshake messages MUST NOT be interleaved with other record types" (RFC 8446, Section 5.1).
     */
    public boolean hasPartialMessage() {
        return !reassembler.isEmpty();
    }

    /**
     * Keying material exported from the connection (RFC 8446, Section 7.5).
     *
     * @throws TlsAlert internal_error before the handshake completed or for an out-of-range length
     */
    public byte[] exportKeyingMaterial(String label, byte[] context, int length) throws TlsAlert {
        if (!(state instanceof Traffic.Connected)) {
            throw new TlsAlert(AlertDescription.INTERNAL_ERROR, "exporters need a completed handshake");
        }
        try {
            return ((Traffic.Connected) state).exporter.export(label, context, length);
        } catch (org.tls4j.crypto.CryptoException e) {
            throw new TlsAlert(AlertDescription.INTERNAL_ERROR, "exporter: " + e.getMessage(), e);
        }
    }

    /** Zeroes every secret the machine holds; the connection is over. */
    public void destroy() {
        state.destroy();
    }

    /** True once the handshake completed (the connected state is reached). */
    public boolean isComplete() {
        return state instanceof Traffic.Connected;
    }

    /** What was negotiated, or null before completion. */
    public HandshakeSummary summary() {
        return cx.summary();
    }

    /** Takes the queued outputs, in order. */
    public List<HandshakeOutput> drainOutputs() {
        return cx.drain();
    }

    /** The current state's name (for traces and tests). */
    public String stateName() {
        return state.getClass().getSimpleName();
    }
}
