package org.tls4j.handshake.tls12;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import org.tls4j.handshake.HandshakeMessage;
import org.tls4j.handshake.tls13.HandshakeConfig;
import org.tls4j.handshake.tls13.HandshakeOutput;
import org.tls4j.handshake.tls13.HandshakeSummary;
import org.tls4j.handshake.tls13.TlsListener;
import org.tls4j.record.AlertDescription;
import org.tls4j.record.ProtocolVersion;
import org.tls4j.record.TlsAlert;

/**
 * What a TLS 1.0-1.2 state may touch besides its own fields: the configurations, the handshake
 * transcript (every message so far, headers included: RFC 5246, Section 7.4.9's handshake_messages), the
 * message being handled exactly as received, and the queue of {@link HandshakeOutput}s. It also keeps
 * what the parser must know ({@link #rules}, {@link #keyExchange}) once ServerHello fixed them.
 */
final class Context12 {
    final HandshakeConfig config;
    final Tls12Config config12;
    final boolean client;
    private final List<HandshakeOutput> outputs = new ArrayList<HandshakeOutput>();
    private final ByteArrayOutputStream transcript = new ByteArrayOutputStream();
    private byte[] received;
    private byte[] clientRandom;
    private HandshakeSummary summary;
    /** The negotiated version's rules; null before the version is known. */
    VersionRules rules;
    /** The negotiated key exchange; null before ServerHello. */
    KeyExchange12 keyExchange;
    /** The peer showed RFC 5746 support in this handshake (extension or SCSV). */
    boolean peerSecureRenegotiation;
    /** This handshake's Finished verify_data, each side's, once sent or checked (RFC 5746, Section 3.1). */
    byte[] clientVerifyData;
    byte[] serverVerifyData;
    /**
     * On a renegotiation: the previous handshake's state ({@link Renegotiation12.Previous}); null on the
     * initial handshake.
     */
    Renegotiation12.Previous previous;

    /** Session resumption state of this connection ({@link Resume12}); never null. */
    final Resume12.Pending resumption = new Resume12.Pending();

    Context12(HandshakeConfig config, Tls12Config config12, boolean client) {
        this.config = config;
        this.config12 = config12;
        this.client = client;
    }

    /** {@code m} as a {@code type}, or unexpected_message (RFC 5246, Section 7.2.2). */
    <T extends HandshakeMessage> T require(HandshakeMessage m, Class<T> type) throws TlsAlert {
        if (!type.isInstance(m)) {
            throw new TlsAlert(AlertDescription.UNEXPECTED_MESSAGE, "received " + m.type() + " where "
                    + type.getSimpleName() + " was expected (RFC 5246, Section 7.3)");
        }
        return type.cast(m);
    }

    /** The message being handled, exactly as received. */
    byte[] received() {
        return received;
    }

    void setReceived(byte[] encoded) {
        received = encoded;
    }

    /** Adds the message being handled, as received, to the transcript. */
    void addReceived() {
        transcript.write(received, 0, received.length);
    }

    /** Adds bytes (a message handled before this context existed) to the transcript. */
    void addToTranscript(byte[] encoded) {
        transcript.write(encoded, 0, encoded.length);
    }

    /** handshake_messages so far. */
    byte[] transcript() {
        return transcript.toByteArray();
    }

    void setClientRandom(byte[] r) {
        clientRandom = r.clone();
    }

    /** Tells the listener about a message. */
    void message(boolean sent, HandshakeMessage m) {
        TlsListener l = config.listener();
        if (l != null) {
            l.onHandshakeMessage(sent, m);
        }
    }

    /** The master secret, for the listener as NSS key log {@code CLIENT_RANDOM}. */
    void masterSecret(byte[] master) {
        TlsListener l = config.listener();
        if (l != null) {
            l.onSecret(TlsListener.CLIENT_RANDOM, clientRandom.clone(), master.clone());
        }
    }

    /** Encodes {@code m}, adds it to the transcript and queues it. */
    void send(HandshakeMessage m) {
        message(true, m);
        byte[] b = m.encode();
        transcript.write(b, 0, b.length);
        outputs.add(HandshakeOutput.For12.handshake(b));
    }

    void output(HandshakeOutput o) {
        outputs.add(o);
    }

    void version(ProtocolVersion v) {
        rules = VersionRules.of(v);
        outputs.add(HandshakeOutput.For12.version(v));
    }

    void complete(HandshakeSummary s) {
        summary = s;
        outputs.add(HandshakeOutput.For12.complete(s));
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
