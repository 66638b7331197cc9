package org.tls4j.handshake.tls12;

import java.util.ArrayList;
import java.util.List;

import org.tls4j.handshake.HandshakeDriver;
import org.tls4j.handshake.HandshakeReassembler;
import org.tls4j.handshake.HandshakeType;
import org.tls4j.handshake.RawHandshakeMessage;
import org.tls4j.handshake.ext.SupportedVersionsClientHello;
import org.tls4j.handshake.msg.ClientHello;
import org.tls4j.handshake.tls13.HandshakeConfig;
import org.tls4j.handshake.tls13.HandshakeOutput;
import org.tls4j.handshake.tls13.HandshakeSummary;
import org.tls4j.handshake.tls13.Tls13Client;
import org.tls4j.handshake.tls13.Tls13Handshake;
import org.tls4j.record.AlertDescription;
import org.tls4j.record.ProtocolVersion;
import org.tls4j.record.TlsAlert;

/**
 * The handshake of a connection whose configuration enables any subset of TLS 1.0-1.3: it picks the
 * version, then forwards everything to the machine of that version ({@link Tls13Handshake} or
 * {@link Tls12Handshake}).
 *
 * <ul>
 *   <li>Client: one ClientHello offers the whole range ({@code Tls13Client} builds it with the
 *       {@code OlderVersionsOffer} of {@link Tls12Config#clientOffer()}). When the ServerHello picks
 *       TLS 1.2 or older, the TLS 1.3 machine stops (after checking the downgrade sentinel, RFC 8446,
 *       Section 4.1.3) and the TLS 1.2 client continues from that ServerHello, with the ClientHello in
 *       its transcript and the rest of the server's flight.</li>
 *   <li>Server: the ClientHello is read here; the version is the highest one both enable — from
 *       supported_versions when present (RFC 8446, Section 4.2.1), else the highest enabled version not
 *       above ClientHello.client_version (RFC 5246, Appendix E.1). No common version is protocol_version.
 *       The ClientHello bytes then go to the chosen machine.</li>
 * </ul>
 */
public final class VersionNegotiation implements HandshakeDriver {
    private final HandshakeConfig config;
    private final Tls12Config config12;
    private final boolean client;
    private final HandshakeReassembler hello = new HandshakeReassembler();
    private final List<HandshakeOutput> carried = new ArrayList<HandshakeOutput>();
    /** Client: the TLS 1.0-1.2 session offered, or null; and where sessions are kept (null: nowhere). */
    private Session12 offered;
    private ClientSessions12 sessions;
    /** The machine of the chosen version; a server has none until the ClientHello is read. */
    private HandshakeDriver current;

    private VersionNegotiation(HandshakeConfig config, Tls12Config config12, boolean client) {
        this.config = config;
        this.config12 = config12;
        this.client = client;
    }

    /**
     * A client; its ClientHello is queued. {@code config}'s older-versions offer must be
     * {@code config12.clientOffer()} (the engine's {@code TlsConfig} builds both).
     */
    public static VersionNegotiation client(HandshakeConfig config, Tls12Config config12) throws TlsAlert {
        return client(config, config12, null);
    }

    /**
     * A client that offers and keeps TLS 1.0-1.2 sessions in {@code sessions} (null: none). The
     * ClientHello always carries session_ticket (empty to ask for a ticket, RFC 5077, Section 3.2, or the
     * cached session's ticket); a session with a ticket goes with a fresh random session ID (Section 3.4),
     * one without with its session ID (RFC 5246, Section 7.4.1.2).
     */
    public static VersionNegotiation client(HandshakeConfig config, Tls12Config config12, ClientSessions12 sessions)
            throws TlsAlert {
        VersionNegotiation n = new VersionNegotiation(config, config12, true);
        if (sessions == null || config12.versions.isEmpty()) {
            n.current = Tls13Handshake.client(config);
            return n;
        }
        Session12 s = Resume12.sessionToOffer(sessions, config, config12);
        byte[] sid = null;
        org.tls4j.handshake.ext.Extension ticketExt = org.tls4j.handshake.tls12.ext.SessionTicket.EMPTY;
        if (s != null && s.hasTicket()) {
            sid = config.random().nextBytes(32);
            ticketExt = new org.tls4j.handshake.tls12.ext.SessionTicket(s.ticket());
        } else if (s != null) {
            sid = s.sessionId();
        }
        n.offered = s;
        n.sessions = sessions;
        n.current = Tls13Handshake.client(config, sid, java.util.Collections.singletonList(ticketExt));
        return n;
    }

    /** A server waiting for a ClientHello. */
    public static VersionNegotiation server(HandshakeConfig config, Tls12Config config12) {
        return new VersionNegotiation(config, config12, false);
    }

    /**
     * The version a server picks for {@code ch}, or protocol_version (RFC 8446, Section 4.2.1 and
     * Appendix D; RFC 5246, Appendix E.1). SSL 3.0 and below are never negotiated (RFC 7568).
     */
    public static ProtocolVersion choose(ClientHello ch, Tls12Config c12) throws TlsAlert {
        if (ch.legacyVersion.code <= 0x0300) {
            throw new TlsAlert(AlertDescription.PROTOCOL_VERSION, "ClientHello.client_version " + ch.legacyVersion
                    + " is SSL 3.0 or lower (RFC 7568; RFC 8446, Appendix D.5)");
        }
        SupportedVersionsClientHello sv = ch.extensions == null ? null
                : ch.extensions.find(SupportedVersionsClientHello.class);
        List<ProtocolVersion> ours = new ArrayList<ProtocolVersion>();
        if (c12.tls13()) {
            ours.add(ProtocolVersion.TLS13);
        }
        ours.addAll(c12.versions());
        for (ProtocolVersion v : ours) {
            if (sv != null ? sv.versions.contains(v)
                    : !v.atLeast(ProtocolVersion.TLS13) && ch.legacyVersion.compareTo(v) >= 0) {
                return v;
            }
        }
        throw new TlsAlert(AlertDescription.PROTOCOL_VERSION, "no protocol version in common: the client offers "
                + (sv != null ? sv.versions : "up to " + ch.legacyVersion) + ", this side enables " + ours
                + " (RFC 8446, Section 4.2.1; RFC 5246, Appendix E.1)");
    }

    @Override
    public boolean isClient() {
        return client;
    }

    @Override
    public void handshakeRecord(byte[] b, int off, int len) throws TlsAlert {
        if (current != null) {
            current.handshakeRecord(b, off, len);
            if (current instanceof Tls13Handshake) {
                Tls13Handshake t13 = (Tls13Handshake) current;
                Tls13Client.OlderVersionChosen o = t13.olderVersionChosen();
                if (o != null) {
                    carried.addAll(t13.drainOutputs());
                    byte[] rest = t13.takeBufferedHandshakeBytes();
                    current = Tls12Handshake.client(config, config12, o.clientHello, o.serverHello, o.serverHelloEncoded(),
                            sessions, offered);
                    offered = null;
                    if (rest.length > 0) {
                        current.handshakeRecord(rest, 0, rest.length);
                    }
                }
            }
            return;
        }
        hello.add(b, off, len);
        RawHandshakeMessage raw = hello.next();
        if (raw == null) {
            return;
        }
        if (raw.type != HandshakeType.CLIENT_HELLO) {
            throw new TlsAlert(AlertDescription.UNEXPECTED_MESSAGE,
                    "the first handshake message is " + raw.type + ", not ClientHello (RFC 8446, Section 4.1.1)");
        }
        ClientHello ch = ClientHello.read(raw.reader());
        ProtocolVersion v = choose(ch, config12);
        byte[] encoded = raw.encoded();
        byte[] rest = hello.takeRemaining();
        if (v.equals(ProtocolVersion.TLS13)) {
            current = Tls13Handshake.server(config);
            current.handshakeRecord(encoded, 0, encoded.length);
        } else {
            if (config.listener() != null) {
                config.listener().onHandshakeMessage(false, ch);
            }
            current = Tls12Handshake.server(config, config12, ch, encoded, v);
        }
        if (rest.length > 0) {
            current.handshakeRecord(rest, 0, rest.length);
        }
    }

    @Override
    public void changeCipherSpec(byte[] b, int off, int len) throws TlsAlert {
        if (current == null) {
            throw new TlsAlert(AlertDescription.UNEXPECTED_MESSAGE, "ChangeCipherSpec before ClientHello");
        }
        current.changeCipherSpec(b, off, len);
    }

    @Override
    public void keyUpdate(boolean requestPeer) throws TlsAlert {
        if (current == null) {
            throw new TlsAlert(AlertDescription.INTERNAL_ERROR, "KeyUpdate before the handshake");
        }
        current.keyUpdate(requestPeer);
    }

    @Override
    public boolean hasPartialMessage() {
        return current == null ? !hello.isEmpty() : current.hasPartialMessage();
    }

    @Override
    public byte[] exportKeyingMaterial(String label, byte[] context, int length) throws TlsAlert {
        if (current == null) {
            throw new TlsAlert(AlertDescription.INTERNAL_ERROR, "exporters need a completed handshake");
        }
        return current.exportKeyingMaterial(label, context, length);
    }

    @Override
    public void destroy() {
        if (current != null) {
            current.destroy();
        }
        if (offered != null) {
            offered.destroy();
        }
    }

    @Override
    public boolean isComplete() {
        return current != null && current.isComplete();
    }

    @Override
    public HandshakeSummary summary() {
        return current == null ? null : current.summary();
    }

    @Override
    public List<HandshakeOutput> drainOutputs() {
        List<HandshakeOutput> out = new ArrayList<HandshakeOutput>(carried);
        carried.clear();
        if (current != null) {
            out.addAll(current.drainOutputs());
        }
        return out;
    }

    @Override
    public boolean renegotiate() throws TlsAlert {
        return current != null && current.renegotiate();
    }

    @Override
    public boolean applicationDataAllowed() {
        return current != null && current.applicationDataAllowed();
    }

    @Override
    public boolean keyUpdateOwed() {
        return current != null && current.keyUpdateOwed();
    }

    @Override
    public boolean skippingEarlyData() {
        return current != null && current.skippingEarlyData();
    }

    @Override
    public void endEarlyDataSkip() {
        if (current != null) {
            current.endEarlyDataSkip();
        }
    }

    @Override
    public int maxEarlyDataSkip() {
        return current == null ? 0 : current.maxEarlyDataSkip();
    }

    /** True once TLS 1.0-1.2 was chosen. */
    public boolean isTls12() {
        return current instanceof Tls12Handshake;
    }

    @Override
    public String stateName() {
        return current == null ? "ExpectClientHello" : current.stateName();
    }
}
