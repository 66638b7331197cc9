package org.tls4j.handshake.tls13;

import java.util.ArrayList;
import java.util.List;

import org.tls4j.handshake.HandshakeMessage;
import org.tls4j.handshake.RawHandshakeMessage;
import org.tls4j.record.AlertDescription;
import org.tls4j.record.TlsAlert;

/**
 * What a {@link HandshakeState} may touch besides its own fields: the configuration, the message being
 * handled exactly as received (for the transcript), and the queue of {@link HandshakeOutput}s the
 * engine applies in order. The context holds no protocol state of its own beyond the hash length the
 * parser needs for Finished and whether a ChangeCipherSpec may arrive now; everything else lives in the
 * states' final fields.
 */
public final class HandshakeContext {
    /** The configuration (immutable). */
    public final HandshakeConfig config;
    private final List<HandshakeOutput> outputs = new ArrayList<HandshakeOutput>();
    private RawHandshakeMessage received;
    private int hashLength;
    private boolean ccsAllowed;
    private boolean readKeysChanged;
    private boolean keyUpdateOwed;
    private Grease grease;
    private HandshakeSummary summary;
    private byte[] clientRandom;
    private boolean skipEarlyData;

    /**
     * Client: the TLS 1.0-1.2 session offer of this connection (session ID and session_ticket, see
     * {@link Tls13Handshake#client(HandshakeConfig, byte[], List)}); null and empty without one.
     */
    byte[] olderSessionId;
    java.util.List<org.tls4j.handshake.ext.Extension> olderSessionExtensions = java.util.Collections.emptyList();

    HandshakeContext(HandshakeConfig config) {
        this.config = config;
    }

    /**
     * {@code m} as a {@code type}, or unexpected_message: "an inappropriate message (e.g., the wrong
     * handshake message, premature Application Data, etc.) was received" (RFC 8446, Section 6.2).
     */
    public <T extends HandshakeMessage> T require(HandshakeMessage m, Class<T> type) throws TlsAlert {
        if (!type.isInstance(m)) {
            throw new TlsAlert(AlertDescription.UNEXPECTED_MESSAGE,
                    "received " + m.type() + " (" + m.getClass().getSimpleName() + ") where "
                            + type.getSimpleName() + " was expected (RFC 8446, Section 4)");
        }
        return type.cast(m);
    }

    /** The message being handled, exactly as received (header and body). */
    public byte[] received() {
        return received.encoded();
    }

    void setReceived(RawHandshakeMessage m) {
        received = m;
    }

    /** ClientHello.random of this connection, for {@link TlsListener#onSecret}. */
    void setClientRandom(byte[] r) {
        clientRandom = r.clone();
    }

    /** Tells the listener (if any) that the secret named {@code label} (NSS key log name) was derived. */
    void secret(String label, byte[] secret) {
        if (config.listener != null) {
            config.listener.onSecret(label, clientRandom.clone(), secret.clone());
        }
    }

    /** Tells the listener (if any) about a handshake message. */
    void message(boolean sent, HandshakeMessage m) {
        if (config.listener != null) {
            config.listener.onHandshakeMessage(sent, m);
        }
    }

    /** Encodes {@code m}, adds it to {@code transcript} and queues it for sending. */
    void send(HandshakeMessage m, Transcript transcript) {
        message(true, m);
        byte[] b = m.encode();
        if (transcript != null) {
            transcript.add(b);
        }
        outputs.add(HandshakeOutput.handshake(b));
    }

    void sendChangeCipherSpec() {
        outputs.add(HandshakeOutput.changeCipherSpec());
    }

    void installReadKeys(TrafficSecret s) {
        outputs.add(HandshakeOutput.readKeys(s.copy()));
        readKeysChanged = true;
    }

    void installWriteKeys(TrafficSecret s) {
        outputs.add(HandshakeOutput.writeKeys(s.copy()));
    }

    /** record_size_limit negotiated (RFC 8449): see {@link HandshakeOutput.Kind#RECORD_SIZE_LIMIT}. */
    void recordSizeLimits(int peer, int own) {
        outputs.add(HandshakeOutput.recordSizeLimit(peer, own));
    }

    void complete(HandshakeSummary s) {
        summary = s;
        outputs.add(HandshakeOutput.complete(s));
    }

    /** The negotiated hash length (0 before a suite is chosen), for parsing Finished. */
    int hashLength() {
        return hashLength;
    }

    void setHashLength(int n) {
        hashLength = n;
    }

    boolean ccsAllowed() {
        return ccsAllowed;
    }

    void setCcsAllowed(boolean b) {
        ccsAllowed = b;
    }

    /** True while the peer's update_requested is unanswered (see {@link Traffic.Connected#receiveKeyUpdate}). */
    /** Client: this connection's GREASE values (null when GREASE is off), kept for a second ClientHello. */
    Grease grease() {
        return grease;
    }

    void setGrease(Grease g) {
        grease = g;
    }

    boolean keyUpdateOwed() {
        return keyUpdateOwed;
    }

    void setKeyUpdateOwed(boolean b) {
        keyUpdateOwed = b;
    }

    boolean takeReadKeysChanged() {
        boolean b = readKeysChanged;
        readKeysChanged = false;
        return b;
    }

    /**
     * Server: the ClientHello offered early data, which tls4j refuses; records the engine cannot
     * decrypt (or, before the second ClientHello, application_data records) are skipped until this
     * is cleared (RFC 8446, Section 4.2.10).
     */
    boolean skipEarlyData() {
        return skipEarlyData;
    }

    void setSkipEarlyData(boolean b) {
        skipEarlyData = b;
    }

    HandshakeSummary summary() {
        return summary;
    }

    List<HandshakeOutput> drain() {
        List<HandshakeOutput> out = new ArrayList<HandshakeOutput>(outputs);
        outputs.clear();
        return out;
    }
}
