package org.tls4j.handshake.tls12;

import java.util.List;

import org.tls4j.handshake.HandshakeDriver;
import org.tls4j.handshake.HandshakeMessage;
import org.tls4j.handshake.HandshakeReassembler;
import org.tls4j.handshake.RawHandshakeMessage;
import org.tls4j.handshake.msg.ClientHello;
import org.tls4j.handshake.msg.ServerHello;
import org.tls4j.handshake.tls12.msg.HelloRequest;
import org.tls4j.handshake.tls12.msg.Tls12Messages;
import org.tls4j.handshake.tls13.HandshakeConfig;
import org.tls4j.handshake.tls13.HandshakeOutput;
import org.tls4j.handshake.tls13.HandshakeSummary;
import org.tls4j.record.AlertDescription;
import org.tls4j.record.ProtocolVersion;
import org.tls4j.record.TlsAlert;

/**
 * Drives one side's TLS 1.0-1.2 machine ({@link Tls12Client} or {@link Tls12Server}) from record
 * contents, like {@code Tls13Handshake} does for TLS 1.3: handshake bytes are reassembled, parsed with
 * what has been negotiated so far ({@link Tls12Messages}) and handed to the current state; a
 * ChangeCipherSpec record goes to the state too, which then hands the engine the new read protection.
 * The engine applies the {@link HandshakeOutput}s in order ({@link #drainOutputs()}). No I/O, no threads.
 *
 * <p>RFC 5246, Section 7.1: the ChangeCipherSpec must come exactly before Finished, so no handshake
 * message may be split around it: a partial message buffered when a ChangeCipherSpec arrives is
 * unexpected_message.
 */
public final class Tls12Handshake implements HandshakeDriver {
    /** The current handshake's context: replaced by a fresh one when a renegotiation starts. */
    private Context12 cx;
    /** The last completed handshake's summary (kept while a renegotiation runs). */
    private HandshakeSummary established;
    private final HandshakeReassembler reassembler = new HandshakeReassembler();
    private State12 state;

    private Tls12Handshake(Context12 cx, State12 state) {
        this.cx = cx;
        this.state = state;
        if (cx.config.listener() != null) {
            cx.config.listener().onStateChange("Start", state.getClass().getSimpleName());
        }
    }

    /**
     * A client whose ClientHello {@code ch} was sent (by {@code Tls13Client}) and answered by
     * {@code sh} ({@code serverHelloEncoded} as received) choosing TLS 1.0-1.2.
     */
    public static Tls12Handshake client(HandshakeConfig config, Tls12Config config12, ClientHello ch,
            ServerHello sh, byte[] serverHelloEncoded) throws TlsAlert {
        return client(config, config12, ch, sh, serverHelloEncoded, null, null);
    }

    /**
     * As above, for a client that offered {@code offered} (or null) and keeps the session it ends with in
     * {@code sessions} (or nowhere, when null).
     */
    static Tls12Handshake client(HandshakeConfig config, Tls12Config config12, ClientHello ch, ServerHello sh,
            byte[] serverHelloEncoded, ClientSessions12 sessions, Session12 offered) throws TlsAlert {
        Context12 cx = new Context12(config, config12, true);
        cx.resumption.clientSessions = sessions;
        cx.resumption.offered = offered;
        return new Tls12Handshake(cx, Tls12Client.afterServerHello(cx, ch, sh, serverHelloEncoded));
    }

    /**
     * A server that received {@code ch} ({@code encoded} as received) and chose {@code version}; its first
     * flight is queued in {@link #drainOutputs()}.
     */
    public static Tls12Handshake server(HandshakeConfig config, Tls12Config config12, ClientHello ch, byte[] encoded,
            ProtocolVersion version) throws TlsAlert {
        Context12 cx = new Context12(config, config12, false);
        return new Tls12Handshake(cx, Tls12Server.start(cx, ch, encoded, version));
    }

    @Override
    public boolean isClient() {
        return cx.client;
    }

    @Override
    public void handshakeRecord(byte[] b, int off, int len) throws TlsAlert {
        reassembler.add(b, off, len);
        RawHandshakeMessage raw;
        while ((raw = reassembler.next()) != null) {
            HandshakeMessage m = Tls12Messages.parse(raw, cx.rules, cx.keyExchange);
            cx.message(false, m);
            if (m instanceof HelloRequest && cx.client && !isComplete()) {
                continue; // RFC 5246, Section 7.4.1.1: ignored while negotiating, and not in the transcript
            }
            cx.setReceived(raw.encoded());
            State12 before = state;
            if (state instanceof Connected12 && Renegotiation12.startsRenegotiation(cx.client, m)
                    && Renegotiation12.allowed(cx)) {
                startRenegotiation(m);
            } else {
                state = state.handle(cx, m);
            }
            stateChanged(before);
            if (state instanceof Connected12) {
                established = cx.summary();
            }
        }
    }

    /**
     * Starts a renegotiation (RFC 5746; see {@code Renegotiation12}): a client sends a new ClientHello
     * (here, or on the server's HelloRequest), a server sends HelloRequest (RFC 5246, Section 7.4.1.1) and
     * waits for the client's ClientHello in {@link Connected12}.
     *
     * @return false when this connection may not renegotiate now: not established, a renegotiation under
     *     way, the policy is {@link Renegotiation#REFUSE}, or the peer did not show RFC 5746 support
     */
    @Override
    public boolean renegotiate() throws TlsAlert {
        if (!(state instanceof Connected12) || !Renegotiation12.allowed(cx)) {
            return false;
        }
        if (cx.client) {
            State12 before = state;
            startRenegotiation(null);
            stateChanged(before);
        } else {
            HandshakeMessage hr = HelloRequest.INSTANCE;
            cx.message(true, hr);
            cx.output(HandshakeOutput.For12.handshake(hr.encode())); // not in any transcript (Section 7.4.9)
        }
        return true;
    }

    /** Client: {@code m} is the HelloRequest or null; server: the renegotiating ClientHello. */
    private void startRenegotiation(HandshakeMessage m) throws TlsAlert {
        Context12 next = new Context12(cx.config, cx.config12, cx.client);
        next.previous = new Renegotiation12.Previous(cx);
        next.rules = cx.rules;
        for (HandshakeOutput o : cx.drain()) {
            next.output(o);
        }
        Connected12 old = (Connected12) state;
        if (cx.client) {
            ClientHello ch = Renegotiation12.clientHello(next);
            next.message(true, ch);
            next.output(HandshakeOutput.For12.handshake(ch.encode())); // the transcript starts at ServerHello
            state = new Renegotiation12.ExpectServerHello(ch);
        } else {
            ClientHello ch = (ClientHello) m;
            ProtocolVersion v = next.previous.version;
            if (!ch.legacyVersion.atLeast(v)) {
                throw new TlsAlert(AlertDescription.PROTOCOL_VERSION, "the renegotiating ClientHello offers "
                        + ch.legacyVersion + " below the connection's " + v);
            }
            state = Tls12Server.start(next, ch, cx.received(), v);
        }
        cx = next;
        // The old master secret goes: the record layer keeps using the old traffic keys until the
        // ChangeCipherSpecs, and the exporter waits for the new handshake.
        old.destroy();
    }

    @Override
    public boolean applicationDataAllowed() {
        return established != null;
    }

    /**
     * A ChangeCipherSpec record: the single byte 1 (RFC 5246, Section 7.1), at the point the current
     * state expects it, on a message boundary.
     */
    @Override
    public void changeCipherSpec(byte[] b, int off, int len) throws TlsAlert {
        if (len != 1 || b[off] != 1) {
            throw new TlsAlert(AlertDescription.UNEXPECTED_MESSAGE,
                    "ChangeCipherSpec that is not the single byte 1 (RFC 5246, Section 7.1)");
        }
        reassembler.requireEmpty("ChangeCipherSpec inside a handshake message (RFC 5246, Section 7.1)");
        State12 before = state;
        state = state.changeCipherSpec(cx);
        stateChanged(before);
    }

    private void stateChanged(State12 before) {
        if (cx.config.listener() != null && before.getClass() != state.getClass()) {
            cx.config.listener().onStateChange(before.getClass().getSimpleName(), state.getClass().getSimpleName());
        }
    }

    /** TLS 1.0-1.2 have no KeyUpdate (they renegotiate instead, see {@link #renegotiate()}): internal_error. */
    @Override
    public void keyUpdate(boolean requestPeer) throws TlsAlert {
        throw new TlsAlert(AlertDescription.INTERNAL_ERROR, "TLS " + cx.rules.version + " has no KeyUpdate");
    }

    @Override
    public boolean hasPartialMessage() {
        return !reassembler.isEmpty();
    }

    /** RFC 5705 exporter; internal_error before completion. */
    @Override
    public byte[] exportKeyingMaterial(String label, byte[] context, int length) throws TlsAlert {
        if (!(state instanceof Connected12)) {
            throw new TlsAlert(AlertDescription.INTERNAL_ERROR, "exporters need a completed handshake");
        }
        return ((Connected12) state).keys.export(label, context, length);
    }

    @Override
    public void destroy() {
        state.destroy();
    }

    @Override
    public boolean isComplete() {
        return state instanceof Connected12;
    }

    @Override
    public HandshakeSummary summary() {
        return cx.summary() != null ? cx.summary() : established;
    }

    @Override
    public List<HandshakeOutput> drainOutputs() {
        return cx.drain();
    }

    @Override
    public String stateName() {
        return state.getClass().getSimpleName();
    }
}
