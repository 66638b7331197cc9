package org.tls4j.handshake.tls12;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.tls4j.crypto.ct.ConstantTime;
import org.tls4j.crypto.x509.Certificate;
import org.tls4j.handshake.ExtensionType;
import org.tls4j.handshake.HandshakeMessage;
import org.tls4j.handshake.ext.ApplicationLayerProtocolNegotiation;
import org.tls4j.handshake.ext.Extension;
import org.tls4j.handshake.ext.ExtensionContext;
import org.tls4j.handshake.ext.Extensions;
import org.tls4j.handshake.msg.ClientHello;
import org.tls4j.handshake.msg.Finished;
import org.tls4j.handshake.msg.ServerHello;
import org.tls4j.handshake.tls12.ext.EncryptThenMac;
import org.tls4j.handshake.tls12.ext.ExtendedMasterSecret;
import org.tls4j.handshake.tls12.ext.SessionTicket;
import org.tls4j.handshake.tls12.ext.Tls12Extensions;
import org.tls4j.handshake.tls12.msg.NewSessionTicket12;
import org.tls4j.handshake.tls13.ClientAuth;
import org.tls4j.handshake.tls13.HandshakeOutput;
import org.tls4j.handshake.tls13.HandshakeSummary;
import org.tls4j.handshake.tls13.Resumption;
import org.tls4j.handshake.tls13.TicketKeys;
import org.tls4j.record.AlertDescription;
import org.tls4j.record.ProtocolVersion;
import org.tls4j.record.TlsAlert;

/**
 * TLS 1.0-1.2 session resumption, both sides: by session ID (RFC 5246, Section 7.3, the abbreviated
 * handshake) and by session ticket (RFC 5077). The full-handshake machines ({@link Tls12Client},
 * {@link Tls12Server}) call in here at three points (ServerHello, the Finished exchange, completion);
 * the abbreviated handshake has its own states here:
 *
 * <pre>
 *        Client                                        Server
 * ClientHello (session ID and/or ticket) --------&gt;  {@link #serverTryResume}
 *                                                   ServerHello (same session ID)
 *                                                   [NewSessionTicket: never sent here, see below]
 * {@link ClientResumedCcs}                      &lt;--------   [ChangeCipherSpec], Finished
 * {@link ClientResumedFinished}
 * [ChangeCipherSpec], Finished          --------&gt;  {@link ServerResumedCcs}, {@link ServerResumedFinished}
 * </pre>
 *
 * <p>A session is resumed only with the same version and suite (RFC 5246, Section 7.4.1.2: "the
 * ClientHello ... MUST include the cipher_suite from that session"), the same extended master secret
 * state (RFC 7627, Section 5.3: an original session without EMS is never resumed by a hello with EMS —
 * the server then does a full handshake; an original session with EMS offered without it is aborted with
 * handshake_failure; a client aborts whenever the ServerHello's EMS state differs from the session's),
 * the same encrypt_then_mac state (RFC 7366, Section 3.1), the same server name (RFC 6066, Section 3: the
 * server never resumes a session under another name, and sends no server_name in a resuming ServerHello),
 * only while every certificate of the peer's original chain is still valid, and, when the server requires
 * client certificates, only a session that had one. Anything else falls back to a full handshake.
 *
 * <p>Tickets (RFC 5077): a {@link Session12} is sealed with {@link TicketKeys} (AES-256-GCM, the same
 * keys and sealing code as TLS 1.3 tickets; format byte 12 keeps the two apart). The client always sends
 * a fresh random 32-byte session ID with a ticket, so that the server's echo of it says "resumed"
 * (Section 3.4). A TLS 1.2 ticket is <em>not</em> single-use on the server: RFC 5077 lets a client reuse
 * a ticket (Section 3.3, "the client MAY ... reuse"), the server keeps no state per ticket, and a ticket
 * resumes only the session it seals (no 0-RTT data exists in TLS 1.2 to be replayed). A resumed ticket is
 * not renewed; the client keeps using it until it expires (the server's lifetime, default 7200 s).
 * A tampered, foreign, rotated-out or expired ticket is ignored: a full handshake follows.
 */
final class Resume12 {
    private Resume12() {}

    /** Per-connection resumption state, kept in {@link Context12#resumption}. */
    static final class Pending {
        /** Client: where sessions are kept (null: this connection neither offers nor keeps one). */
        ClientSessions12 clientSessions;
        /** Client: the session offered in the ClientHello, or null. */
        Session12 offered;
        /** Client: the ServerHello's session ID. */
        byte[] serverSessionId = new byte[0];
        /** Client: the server acknowledged session_ticket, so a NewSessionTicket may come. */
        boolean ticketExpected;
        /** Client: the ticket received in this handshake, or null. */
        byte[] ticket;
        /** Client: the ticket's lifetime hint (seconds, 0: unspecified). */
        long ticketLifetimeHint;
        /** Server: the session ID this full handshake assigned (empty: none). */
        byte[] newSessionId = new byte[0];
        /** Server: a NewSessionTicket is sent after the client's Finished. */
        boolean issueTicket;
    }

    // ------------------------------------------------------------------------------------------ server

    /** The session ID a full handshake's ServerHello carries: fresh and random when a store is configured. */
    static byte[] newSessionId(Context12 cx) {
        byte[] id = cx.config12.serverSessions == null ? new byte[0] : cx.config.random().nextBytes(32);
        cx.resumption.newSessionId = id;
        return id;
    }

    /** True when the full handshake's ServerHello acknowledges session_ticket (RFC 5077, Section 3.2). */
    static boolean offersTicket(Context12 cx, ClientHello ch) {
        return cx.config12.ticketKeys != null && ch.extensions != null
                && ch.extensions.contains(ExtensionType.SESSION_TICKET);
    }

    /** After the full handshake's ServerHello: whether it really carried session_ticket (hooks may drop it). */
    static void ticketAcknowledged(Context12 cx, Extensions sent) {
        cx.resumption.issueTicket = sent.contains(ExtensionType.SESSION_TICKET);
    }

    /**
     * Server, full handshake, after the client's Finished was checked: sends NewSessionTicket when
     * promised (RFC 5077, Section 3.3: after the client's Finished, before the server's ChangeCipherSpec)
     * and keeps the session under its session ID.
     */
    static void serverSessionEstablished(Context12 cx, Keys12 keys, HandshakeSummary summary) {
        Pending p = cx.resumption;
        if (!p.issueTicket && p.newSessionId.length == 0) {
            return;
        }
        byte[] master = keys.masterCopy();
        Session12 s = new Session12(cx.rules.version, keys.suite, master, keys.extendedMasterSecret,
                keys.encryptThenMac, summary.serverName, summary.peerCertificates(), cx.config.clock().millis(),
                cx.config12.sessionLifetimeSeconds, p.newSessionId, null);
        ConstantTime.zero(master);
        if (p.issueTicket) {
            byte[] plain = s.encodeForTicket();
            byte[] ticket = cx.config12.ticketKeys.seal(plain);
            ConstantTime.zero(plain);
            cx.send(new NewSessionTicket12(cx.config12.sessionLifetimeSeconds, ticket));
        }
        if (p.newSessionId.length > 0) {
            cx.config12.serverSessions.put(s);
        } else {
            s.destroy();
        }
    }

    /**
     * Server: resumes the session the ClientHello offers (a ticket first, then the session ID) when every
     * rule of the class comment holds, sending ServerHello, ChangeCipherSpec and Finished; null for a full
     * handshake. {@code choice} is what a full handshake would use (it validated the ClientHello).
     */
    static State12 serverTryResume(Context12 cx, ClientHello ch, Tls12Server.Choice choice, byte[] serverRandom)
            throws TlsAlert {
        Tls12Config c12 = cx.config12;
        Extensions ext = Tls12Extensions.typed(ch.extensions == null ? Extensions.EMPTY : ch.extensions,
                ExtensionContext.CLIENT_HELLO);
        long now = cx.config.clock().millis();
        Session12 s = null;
        boolean byTicket = false;
        SessionTicket st = ext.find(SessionTicket.class);
        if (c12.ticketKeys != null && st != null && st.ticket().length > 0) {
            byte[] plain = c12.ticketKeys.open(st.ticket());
            if (plain != null) {
                s = Session12.decodeTicket(plain, ch.legacySessionId());
                ConstantTime.zero(plain);
                byTicket = s != null;
            }
        }
        if (s == null && c12.serverSessions != null) {
            s = c12.serverSessions.get(ch.legacySessionId(), now);
        }
        if (s == null) {
            return null;
        }
        try {
            if (!resumable(cx, ch, choice, s, ext, now)) {
                return null;
            }
            return abbreviatedServer(cx, ch, choice, s, byTicket, serverRandom);
        } finally {
            s.destroy(); // a ticket's plaintext, or the store's copy
        }
    }

    private static boolean resumable(Context12 cx, ClientHello ch, Tls12Server.Choice choice, Session12 s,
            Extensions ext, long now) throws TlsAlert {
        if (s.isExpired(now) || !s.version.equals(choice.version) || !ch.cipherSuites.contains(s.suite.suite)
                || !cx.config12.suites.contains(s.suite) || !s.suite.allowedIn(choice.version)) {
            return false;
        }
        if (s.ems && !choice.ems) {
            // RFC 7627, Section 5.3: "If the original session used the extension but the new ClientHello
            // does not contain it, the server MUST abort the abbreviated handshake."
            throw new TlsAlert(AlertDescription.HANDSHAKE_FAILURE, "the client resumes an extended-master-secret"
                    + " session without extended_master_secret (RFC 7627, Section 5.3)");
        }
        if (!s.ems && (choice.ems || cx.config12.requireExtendedMasterSecret)) {
            return false; // RFC 7627, Section 5.3: "MUST NOT perform the abbreviated handshake"
        }
        boolean etmOffered = cx.config12.encryptThenMac && ext.contains(ExtensionType.ENCRYPT_THEN_MAC);
        if (s.etm && !etmOffered) {
            return false; // RFC 7366, Section 3.1: a resumed session keeps its encrypt_then_mac state
        }
        if (!sameName(s.serverName, choice.serverName)) {
            return false; // RFC 6066, Section 3
        }
        if (cx.config.clientAuth() == ClientAuth.REQUIRED && s.peerChain.isEmpty()) {
            return false; // the session had no client certificate, and this server now requires one
        }
        return chainStillValid(s.peerChain, now);
    }

    /**
     * True when every certificate the peer showed in the original handshake is still within its validity
     * period: a resumed session carries that chain forward (RFC 5246, Section 7.3 keeps the "peer
     * certificate" in the session state), so a session is not resumed past its certificates' expiry.
     */
    static boolean chainStillValid(List<Certificate> chain, long nowMillis) {
        for (Certificate c : chain) {
            if (!c.isValidAt(nowMillis / 1000)) {
                return false;
            }
        }
        return true;
    }

    static boolean sameName(String a, String b) {
        return a == null ? b == null : b != null && a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }

    private static State12 abbreviatedServer(Context12 cx, ClientHello ch, Tls12Server.Choice choice, Session12 s,
            boolean byTicket, byte[] random) throws TlsAlert {
        List<Extension> ext = new ArrayList<Extension>();
        if (choice.secureRenegotiation) {
            ext.add(Renegotiation12.serverHelloInfo(cx)); // RFC 5746, Section 3.6 (3.7 when renegotiating)
        }
        if (s.ems) {
            ext.add(ExtendedMasterSecret.INSTANCE);
        }
        if (s.etm) {
            ext.add(EncryptThenMac.INSTANCE);
        }
        if (choice.alpn != null) {
            ext.add(new ApplicationLayerProtocolNegotiation(Collections.singletonList(
                    choice.alpn.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        }
        // RFC 5077, Section 3.4: with a ticket, echo the client's session ID; by ID, it is that ID.
        byte[] sid = byTicket ? ch.legacySessionId() : s.sessionId();
        Extensions sent = new Extensions(cx.config12.hooks.serverHelloExtensions(ext));
        cx.send(new ServerHello(choice.version, random, sid, s.suite.suite, 0, sent));
        cx.keyExchange = s.suite.keyExchange;
        byte[] master = s.master();
        Keys12 keys;
        try {
            keys = Keys12.resume(cx, s.suite, master, ch.random(), random, s.ems, s.etm, cx.config.random());
        } finally {
            ConstantTime.zero(master);
        }
        cx.output(HandshakeOutput.For12.changeCipherSpec());
        cx.output(HandshakeOutput.For12.writeProtection(keys.takeServerWrite()));
        byte[] mine = cx.config12.hooks.finished(keys.finished(false, cx.transcript()));
        cx.serverVerifyData = mine.clone(); // for a later renegotiation (RFC 5746, Section 3.1)
        cx.send(new Finished(mine));
        HandshakeSummary summary = HandshakeSummary.tls12(choice.version, s.suite.suite, null, null, choice.alpn,
                choice.serverName, s.peerChain, choice.certificate.chain()).asResumed();
        return new ServerResumedCcs(keys, summary);
    }

    /** Server, abbreviated handshake: waits for the client's ChangeCipherSpec. */
    static final class ServerResumedCcs implements State12 {
        private final Keys12 keys;
        private final HandshakeSummary summary;

        ServerResumedCcs(Keys12 keys, HandshakeSummary summary) {
            this.keys = keys;
            this.summary = summary;
        }

        @Override
        public void destroy() {
            keys.destroy();
        }

        @Override
        public State12 handle(Context12 cx, HandshakeMessage m) throws TlsAlert {
            throw new TlsAlert(AlertDescription.UNEXPECTED_MESSAGE, "received " + m.type()
                    + " where the client's ChangeCipherSpec was expected (RFC 5246, Section 7.3)");
        }

        @Override
        public State12 changeCipherSpec(Context12 cx) throws TlsAlert {
            cx.output(HandshakeOutput.For12.readProtection(keys.takeClientWrite()));
            return new ServerResumedFinished(keys, summary);
        }
    }

    /** Server, abbreviated handshake: waits for the client's Finished. */
    static final class ServerResumedFinished implements State12 {
        private final Keys12 keys;
        private final HandshakeSummary summary;

        ServerResumedFinished(Keys12 keys, HandshakeSummary summary) {
            this.keys = keys;
            this.summary = summary;
        }

        @Override
        public void destroy() {
            keys.destroy();
        }

        @Override
        public State12 handle(Context12 cx, HandshakeMessage m) throws TlsAlert {
            Finished f = cx.require(m, Finished.class);
            Keys12.FinishedChecked proof = keys.checkFinished(true, cx.transcript(), f);
            cx.clientVerifyData = f.verifyData();
            cx.addReceived();
            cx.complete(summary);
            return new Connected12(keys, proof, false);
        }
    }

    // ------------------------------------------------------------------------------------------ client

    /**
     * Client: the session to offer from {@code sessions} (null when none fits this configuration: its
     * version and suite must still be enabled, its server name the one we send, RFC 6066, Section 3).
     */
    static Session12 sessionToOffer(ClientSessions12 sessions, org.tls4j.handshake.tls13.HandshakeConfig c,
            Tls12Config c12) {
        if (sessions == null) {
            return null;
        }
        Session12 s = sessions.take(c.clock().millis());
        if (s == null) {
            return null;
        }
        if (!c12.versions.contains(s.version) || !c12.suites.contains(s.suite) || !sameName(s.serverName, c.serverName())
                || (!s.ems && c12.requireExtendedMasterSecret) || !chainStillValid(s.peerChain, c.clock().millis())) {
            s.destroy();
            return null;
        }
        return s;
    }

    /**
     * Client, after the ServerHello's checks: the abbreviated handshake when the server echoed the
     * offered session's ID (RFC 5246, Section 7.4.1.3; RFC 5077, Section 3.4), else null (a full
     * handshake, whose session ID and ticket acknowledgement are noted).
     */
    static State12 clientAfterServerHello(Context12 cx, ClientHello ch, ServerHello sh, Tls12Client.Negotiated n,
            Extensions ext) throws TlsAlert {
        Pending p = cx.resumption;
        byte[] sid = sh.legacySessionIdEcho();
        p.serverSessionId = sid;
        p.ticketExpected = ext.contains(ExtensionType.SESSION_TICKET);
        Session12 s = p.offered;
        if (s == null || sid.length == 0 || !Arrays.equals(sid, ch.legacySessionId())) {
            if (s != null) {
                s.destroy();
                p.offered = null;
            }
            return null;
        }
        if (!n.version.equals(s.version) || n.suite != s.suite) {
            throw new TlsAlert(AlertDescription.ILLEGAL_PARAMETER, "the server resumes the session with " + n.version
                    + " " + n.suite + " instead of its " + s.version + " " + s.suite + " (RFC 5246, Section 7.4.1.3)");
        }
        if (s.ems != n.extendedMasterSecret) {
            throw new TlsAlert(AlertDescription.HANDSHAKE_FAILURE, "the resuming ServerHello "
                    + (s.ems ? "lacks" : "adds") + " extended_master_secret (RFC 7627, Section 5.3)");
        }
        if (s.etm != n.encryptThenMac) {
            throw new TlsAlert(AlertDescription.ILLEGAL_PARAMETER,
                    "the resuming ServerHello changes encrypt_then_mac (RFC 7366, Section 3.1)");
        }
        if (ext.contains(ExtensionType.SERVER_NAME)) {
            throw new TlsAlert(AlertDescription.ILLEGAL_PARAMETER,
                    "server_name in a resuming ServerHello (RFC 6066, Section 3)");
        }
        cx.keyExchange = s.suite.keyExchange;
        byte[] master = s.master();
        Keys12 keys;
        try {
            keys = Keys12.resume(cx, s.suite, master, n.clientRandom, n.serverRandom, s.ems, s.etm, cx.config.random());
        } finally {
            ConstantTime.zero(master);
        }
        HandshakeSummary summary = HandshakeSummary.tls12(n.version, s.suite.suite, null, null, n.alpn,
                cx.config.serverName(), s.peerChain, Collections.<Certificate>emptyList()).asResumed();
        return new ClientResumedCcs(keys, summary);
    }

    /**
     * Client: takes a NewSessionTicket where one may come (after a ServerHello with session_ticket,
     * before the server's ChangeCipherSpec; RFC 5077, Section 3.3); false for any other message.
     */
    static boolean clientTicket(Context12 cx, HandshakeMessage m) {
        Pending p = cx.resumption;
        if (!(m instanceof NewSessionTicket12) || !p.ticketExpected) {
            return false;
        }
        p.ticketExpected = false; // one per handshake
        NewSessionTicket12 t = (NewSessionTicket12) m;
        cx.addReceived();
        byte[] ticket = t.ticket();
        // Section 3.3: an empty ticket means the server changed its mind.
        p.ticket = ticket.length == 0 ? null : ticket;
        p.ticketLifetimeHint = t.lifetimeHint;
        return true;
    }

    /** Client, at completion: keeps the session (new, or the resumed one with any new ticket). */
    static void clientSessionEstablished(Context12 cx, Keys12 keys, HandshakeSummary summary) {
        Pending p = cx.resumption;
        if (p.clientSessions == null) {
            return;
        }
        Session12 old = p.offered;
        byte[] ticket = p.ticket != null ? p.ticket : old != null ? old.ticket() : null;
        byte[] sid = old != null ? old.sessionId() : p.serverSessionId;
        if (old != null && old.hasTicket()) {
            sid = new byte[0]; // a ticket session is offered with a fresh random ID each time
        }
        if (ticket == null && sid.length == 0) {
            return;
        }
        long now = cx.config.clock().millis();
        long created = old != null && p.ticket == null ? old.createdMillis : now;
        long lifetime = p.ticket != null && p.ticketLifetimeHint > 0 ? p.ticketLifetimeHint
                : old != null ? old.lifetimeSeconds : Tls12Config.DEFAULT_SESSION_LIFETIME_SECONDS;
        lifetime = Math.min(lifetime, Resumption.MAX_LIFETIME_SECONDS);
        byte[] master = keys.masterCopy();
        Session12 s = new Session12(cx.rules.version, keys.suite, master, keys.extendedMasterSecret,
                keys.encryptThenMac, cx.config.serverName(), summary.peerCertificates(), created, lifetime, sid, ticket);
        ConstantTime.zero(master);
        if (old != null) {
            old.destroy();
            p.offered = null;
        }
        p.clientSessions.put(s);
    }

    /** Client, abbreviated handshake: a NewSessionTicket (if acknowledged), then the server's ChangeCipherSpec. */
    static final class ClientResumedCcs implements State12 {
        private final Keys12 keys;
        private final HandshakeSummary summary;

        ClientResumedCcs(Keys12 keys, HandshakeSummary summary) {
            this.keys = keys;
            this.summary = summary;
        }

        @Override
        public void destroy() {
            keys.destroy();
        }

        @Override
        public State12 handle(Context12 cx, HandshakeMessage m) throws TlsAlert {
            if (clientTicket(cx, m)) {
                return this;
            }
            throw new TlsAlert(AlertDescription.UNEXPECTED_MESSAGE, "received " + m.type()
                    + " where the server's ChangeCipherSpec was expected (RFC 5246, Section 7.3)");
        }

        @Override
        public State12 changeCipherSpec(Context12 cx) throws TlsAlert {
            cx.resumption.ticketExpected = false;
            cx.output(HandshakeOutput.For12.readProtection(keys.takeServerWrite()));
            return new ClientResumedFinished(keys, summary);
        }
    }

    /** Client, abbreviated handshake: the server's Finished, then the client's ChangeCipherSpec and Finished. */
    static final class ClientResumedFinished implements State12 {
        private final Keys12 keys;
        private final HandshakeSummary summary;

        ClientResumedFinished(Keys12 keys, HandshakeSummary summary) {
            this.keys = keys;
            this.summary = summary;
        }

        @Override
        public void destroy() {
            keys.destroy();
        }

        @Override
        public State12 handle(Context12 cx, HandshakeMessage m) throws TlsAlert {
            Finished f = cx.require(m, Finished.class);
            Keys12.FinishedChecked proof = keys.checkFinished(false, cx.transcript(), f);
            cx.serverVerifyData = f.verifyData();
            cx.addReceived();
            cx.output(HandshakeOutput.For12.changeCipherSpec());
            cx.output(HandshakeOutput.For12.writeProtection(keys.takeClientWrite()));
            byte[] mine = cx.config12.hooks.finished(keys.finished(true, cx.transcript()));
            cx.clientVerifyData = mine.clone();
            cx.send(new Finished(mine));
            cx.complete(summary);
            clientSessionEstablished(cx, keys, summary);
            return new Connected12(keys, proof, true);
        }
    }
}
