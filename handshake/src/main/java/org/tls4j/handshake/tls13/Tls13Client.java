package org.tls4j.handshake.tls13;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.asn1.DerException;
import org.tls4j.crypto.ct.ConstantTime;
import org.tls4j.crypto.kex.KeyExchange;
import org.tls4j.crypto.x509.Certificate;
import org.tls4j.crypto.x509.CertificateRejectedException;
import org.tls4j.crypto.x509.DefaultVerifiers;
import org.tls4j.crypto.x509.IpAddresses;
import org.tls4j.crypto.x509.PathValidator;
import org.tls4j.crypto.x509.ValidationPolicy;
import org.tls4j.handshake.CipherSuite;
import org.tls4j.handshake.ExtensionType;
import org.tls4j.handshake.HandshakeMessage;
import org.tls4j.handshake.NamedGroup;
import org.tls4j.handshake.SignatureScheme;
import org.tls4j.handshake.ext.ApplicationLayerProtocolNegotiation;
import org.tls4j.handshake.ext.Cookie;
import org.tls4j.handshake.ext.Extension;
import org.tls4j.handshake.ext.ExtensionContext;
import org.tls4j.handshake.ext.Extensions;
import org.tls4j.handshake.ext.KeyShareClientHello;
import org.tls4j.handshake.ext.KeyShareEntry;
import org.tls4j.handshake.ext.KeyShareHelloRetryRequest;
import org.tls4j.handshake.ext.KeyShareServerHello;
import org.tls4j.handshake.ext.PreSharedKeyClientHello;
import org.tls4j.handshake.ext.PreSharedKeyServerHello;
import org.tls4j.handshake.ext.PskKeyExchangeModes;
import org.tls4j.handshake.ext.ServerName;
import org.tls4j.handshake.ext.SignatureAlgorithms;
import org.tls4j.handshake.ext.SignatureAlgorithmsCert;
import org.tls4j.handshake.ext.SupportedGroups;
import org.tls4j.handshake.ext.SupportedVersionsClientHello;
import org.tls4j.handshake.ext.SupportedVersionsServerHello;
import org.tls4j.handshake.msg.CertificateEntry;
import org.tls4j.handshake.msg.CertificateRequest;
import org.tls4j.handshake.msg.CertificateVerify;
import org.tls4j.handshake.msg.ClientHello;
import org.tls4j.handshake.msg.EncryptedExtensions;
import org.tls4j.handshake.msg.Finished;
import org.tls4j.handshake.msg.HelloRetryRequest;
import org.tls4j.handshake.msg.KeyUpdate;
import org.tls4j.handshake.msg.NewSessionTicket;
import org.tls4j.handshake.msg.ServerHello;
import org.tls4j.record.AlertDescription;
import org.tls4j.record.ProtocolVersion;
import org.tls4j.record.TlsAlert;

/**
 * The TLS 1.3 client, one state per step, in protocol order (RFC 8446, Section 2 and Appendix A.1):
 *
 * <pre>
 *        Client                                               Server
 *
 * start: ClientHello
 *        + key_share, supported_versions, ...   --------&gt;
 * {@link ExpectServerHello}                         &lt;--------   HelloRetryRequest (at most once)
 *        [ChangeCipherSpec] ClientHello          --------&gt;
 * {@link ExpectServerHello}                         &lt;--------   ServerHello + key_share
 *                                                           [ChangeCipherSpec]
 * {@link ExpectEncryptedExtensions}                 &lt;--------   {EncryptedExtensions}
 * {@link ExpectCertificate}                         &lt;--------   {CertificateRequest*} {Certificate}
 * {@link ExpectCertificateVerify}                   &lt;--------   {CertificateVerify}
 * {@link ExpectFinished}                            &lt;--------   {Finished}
 *        [ChangeCipherSpec] {Certificate*} {Finished}  --------&gt;
 * {@link Connected}                                 &lt;-------&gt;  [Application Data], KeyUpdate,
 *                                                           NewSessionTicket (kept in {@link ClientTickets})
 *
 *   {} handshake traffic keys, [] application traffic keys (or unprotected ChangeCipherSpec)
 * </pre>
 *
 * Each state holds exactly what the next steps need; {@link Handshaking} bundles what is common once
 * the ServerHello arrived (suite, key schedule, transcript, handshake secrets). A CertificateRequest is
 * answered with one of the configured chains and a CertificateVerify, or with an empty Certificate
 * when none fits (see {@code authenticate}).
 *
 * <p>Resumption (Section 2.2): with a {@link Resumption#clientTickets()} store the client offers one
 * unexpired ticket ({@link PskClient}: psk_key_exchange_modes, pre_shared_key last, the binder over the
 * truncated ClientHello; after a HelloRetryRequest recomputed over the new transcript, or dropped when
 * the new suite's hash differs). When the ServerHello selects it ({@link PskAuthenticated#checkSelection})
 * the client goes from EncryptedExtensions straight to the server's Finished: no Certificate or
 * CertificateVerify. Tickets received later become {@link ClientTicket}s. tls4j sends no early data.
 */
public final class Tls13Client {
    private Tls13Client() {}

    /** Sends the first ClientHello and returns the state that waits for the server's answer. */
    static HandshakeState start(HandshakeContext cx) throws TlsAlert {
        HandshakeConfig c = cx.config;
        if (c.verifyCertificates && c.verifyHostname && c.serverName == null) {
            throw new TlsAlert(AlertDescription.INTERNAL_ERROR, "a client that verifies the server's name needs"
                    + " a server name (or hostname verification turned off)");
        }
        byte[] random = c.random.nextBytes(32);
        cx.setClientRandom(random);
        // Appendix D.4: in middlebox compatibility mode the client sends a non-empty legacy_session_id.
        byte[] sessionId = c.middleboxCompat ? c.random.nextBytes(32) : new byte[0];
        if (cx.olderSessionId != null) {
            sessionId = cx.olderSessionId.clone(); // a TLS 1.0-1.2 session to resume (RFC 5246, Section 7.4.1.2)
        }
        Map<NamedGroup, KeyExchange.KeyShare> shares = new LinkedHashMap<NamedGroup, KeyExchange.KeyShare>();
        for (NamedGroup g : c.tls13() ? c.keyShareGroups : Collections.<NamedGroup>emptyList()) {
            shares.put(g, Groups.keyExchange(g).generate(c.random));
        }
        if (c.grease) {
            cx.setGrease(Grease.choose(c.random));
        }
        ClientTicket ticket = c.tls13() ? ticketToOffer(c) : null;
        ClientHello ch = clientHello(c, cx.grease(), true, random, sessionId, shares, null, ticket,
                cx.olderSessionExtensions);
        if (ticket != null) {
            ch = PskClient.bind(ch, ticket, null);
        }
        Transcript t = new Transcript();
        cx.send(ch, t);
        cx.setCcsAllowed(true);
        return new ExpectServerHello(ch, shares, t, null, false, ticket);
    }

    /**
     * A ticket from the configured store that may be offered: unexpired, for this server name, for a
     * suite whose hash one of our suites shares (Section 4.2.11); or null.
     */
    private static ClientTicket ticketToOffer(HandshakeConfig c) {
        ClientTickets store = c.resumption.clientTickets;
        if (store == null) {
            return null;
        }
        ClientTicket t = store.take(c.clock.millis());
        if (t == null) {
            return null;
        }
        Tls13Suite ts = Tls13Suite.of(t.suite);
        boolean hashOk = false;
        for (CipherSuite s : c.suites) {
            Tls13Suite mine = Tls13Suite.of(s);
            hashOk |= ts != null && mine != null && mine.hashLength() == ts.hashLength();
        }
        boolean nameOk = c.serverName == null ? t.serverName == null : c.serverName.equalsIgnoreCase(String.valueOf(t.serverName));
        if (!hashOk || !nameOk || t.isExpired(c.clock.millis())) {
            t.destroy();
            return null;
        }
        return t;
    }

    /**
     * ClientHello (Section 4.1.2) with the extensions of Section 9.2 for a certificate-based handshake;
     * with {@link HandshakeConfig#olderVersions()} also the TLS 1.0-1.2 offer: older versions in
     * supported_versions (or only legacy_version, without TLS 1.3), their suites and their extensions.
     */
    private static ClientHello clientHello(HandshakeConfig c, Grease grease, boolean greaseShare, byte[] random,
            byte[] sessionId, Map<NamedGroup, KeyExchange.KeyShare> shares, byte[] cookie, ClientTicket ticket,
            List<Extension> olderSession) {
        OlderVersionsOffer older = c.olderVersions;
        List<Extension> ext = new ArrayList<Extension>();
        // RFC 6066, Section 3: "Literal IPv4 and IPv6 addresses are not permitted in "HostName"."
        if (c.serverName != null && IpAddresses.parse(c.serverName) == null) {
            ext.add(ServerName.ofHostName(c.serverName.getBytes(StandardCharsets.US_ASCII)));
        }
        ext.add(new SupportedGroups(c.groups));
        List<KeyShareEntry> entries = new ArrayList<KeyShareEntry>();
        for (Map.Entry<NamedGroup, KeyExchange.KeyShare> e : shares.entrySet()) {
            entries.add(new KeyShareEntry(e.getKey(), e.getValue().publicKey()));
        }
        List<ProtocolVersion> versions = new ArrayList<ProtocolVersion>();
        List<CipherSuite> suites = new ArrayList<CipherSuite>();
        if (c.tls13()) {
            ext.add(new KeyShareClientHello(entries));
            versions.add(ProtocolVersion.TLS13);
            suites.addAll(c.suites);
        }
        if (older != null) {
            versions.addAll(older.versions);
            suites.addAll(older.suites);
        }
        if (c.tls13()) {
            ext.add(new SupportedVersionsClientHello(versions));
        }
        ext.add(new SignatureAlgorithms(c.signatureSchemes));
        if (c.certificateSignatureSchemes != null) {
            ext.add(new SignatureAlgorithmsCert(c.certificateSignatureSchemes));
        }
        if (!c.alpn.isEmpty()) {
            List<byte[]> names = new ArrayList<byte[]>();
            for (String p : c.alpn) {
                names.add(p.getBytes(StandardCharsets.UTF_8));
            }
            ext.add(new ApplicationLayerProtocolNegotiation(names));
        }
        Extension rsl = RecordSizeLimits.clientOffer(c);
        if (rsl != null) {
            ext.add(rsl);
        }
        if (cookie != null) {
            ext.add(new Cookie(cookie));
        }
        if (older != null) {
            ext.addAll(older.extensions);
            ext.addAll(olderSession);
        }
        if (grease != null) {
            ext = grease.extensions(ext, greaseShare);
            suites = grease.suites(suites);
        }
        if (ticket != null) {
            PskClient.offer(c, ext, ticket); // psk_key_exchange_modes, then pre_shared_key last (4.2.11)
        } else if (c.resumption.clientTickets != null && c.tls13()) {
            // Section 4.2.9: the modes also tell the server that this client keeps tickets, and in
            // which modes it will use them (some servers, JSSE's, send tickets only then).
            ext.add(new PskKeyExchangeModes(c.resumption.pskModes));
        }
        if (c.extensionsHook != null) {
            ext = c.extensionsHook.rewrite(ExtensionContext.CLIENT_HELLO, ext);
        }
        // Section 4.1.2: legacy_version 0x0303 when TLS 1.3 is offered; otherwise the highest version.
        ProtocolVersion legacy = c.tls13() ? ProtocolVersion.TLS12 : older.highest();
        return new ClientHello(legacy, random, sessionId, suites, new byte[] {0}, new Extensions(ext));
    }

    /** The extension types a ClientHello carried: only these may come back (Section 4.2). */
    private static Set<ExtensionType> sentTypes(ClientHello ch) {
        Set<ExtensionType> s = new HashSet<ExtensionType>();
        for (Extension e : ch.extensions.list()) {
            // RFC 8701, Section 3.1: a GREASE extension type in the server's answer fails the connection.
            if (!e.type().isGrease()) {
                s.add(e.type());
            }
        }
        return s;
    }

    /**
     * "Implementations MUST NOT send extension responses if the remote endpoint did not send the
     * corresponding extension requests, with the exception of the "cookie" extension in the
     * HelloRetryRequest. Upon receiving such an extension, an endpoint MUST abort the handshake with an
     * "unsupported_extension" alert." (Section 4.2)
     */
    private static void requireRequested(Extensions received, ClientHello sent, String where, ExtensionType... except)
            throws TlsAlert {
        Set<ExtensionType> s = sentTypes(sent);
        s.addAll(Arrays.asList(except));
        for (Extension e : received.list()) {
            if (!s.contains(e.type())) {
                throw new TlsAlert(AlertDescription.UNSUPPORTED_EXTENSION,
                        where + " carries " + e.type() + ", which the ClientHello did not offer (RFC 8446, Section 4.2)");
            }
        }
    }

    private static void destroyAll(Map<NamedGroup, KeyExchange.KeyShare> shares) {
        for (KeyExchange.KeyShare s : shares.values()) {
            s.destroy();
        }
    }

    /** Waits for ServerHello, or (once) HelloRetryRequest (Section 4.1.3, 4.1.4). */
    static final class ExpectServerHello implements HandshakeState {
        private final ClientHello sent;
        private final Map<NamedGroup, KeyExchange.KeyShare> shares;
        private final Transcript transcript;
        /** The HelloRetryRequest's suite, or null before any HelloRetryRequest. */
        private final CipherSuite retrySuite;
        private final boolean ccsSent;
        /** The ticket offered in {@link #sent}, or null. */
        private final ClientTicket ticket;

        ExpectServerHello(ClientHello sent, Map<NamedGroup, KeyExchange.KeyShare> shares, Transcript transcript,
                CipherSuite retrySuite, boolean ccsSent, ClientTicket ticket) {
            this.ticket = ticket;
            this.sent = sent;
            this.shares = shares;
            this.transcript = transcript;
            this.retrySuite = retrySuite;
            this.ccsSent = ccsSent;
        }

        @Override
        public void destroy() {
            destroyAll(shares);
            if (ticket != null) {
                ticket.destroy();
            }
        }

        @Override
        public HandshakeState handle(HandshakeContext cx, HandshakeMessage m) throws TlsAlert {
            if (m instanceof HelloRetryRequest) {
                return retry(cx, (HelloRetryRequest) m);
            }
            ServerHello sh = cx.require(m, ServerHello.class);
            SupportedVersionsServerHello sv = sh.extensions == null ? null
                    : sh.extensions.find(SupportedVersionsServerHello.class);
            OlderVersionsOffer older = cx.config.olderVersions;
            if (sv == null && older != null && older.versions.contains(sh.legacyVersion)) {
                // Section 4.1.3: a TLS 1.3 client that sees TLS 1.2 or below negotiated checks the sentinel.
                if (older.tls13 && sh.downgradeSentinel() != 0) {
                    throw new TlsAlert(AlertDescription.ILLEGAL_PARAMETER, "ServerHello random carries the TLS 1."
                            + (sh.downgradeSentinel() == 12 ? "2" : "1") + " downgrade sentinel (RFC 8446, Section 4.1.3)");
                }
                destroyAll(shares);
                return new OlderVersionChosen(sent, sh, cx.received());
            }
            if (sv == null && !cx.config.tls13()) {
                throw new TlsAlert(AlertDescription.PROTOCOL_VERSION, "the server chose " + sh.legacyVersion
                        + ", which was not offered (RFC 5246, Appendix E.1)");
            }
            if (sv == null) {
                // Section 4.1.3: a TLS 1.3 client that sees TLS 1.2 or below negotiated checks the sentinel.
                if (sh.downgradeSentinel() != 0) {
                    throw new TlsAlert(AlertDescription.ILLEGAL_PARAMETER, "ServerHello random carries the TLS 1."
                            + (sh.downgradeSentinel() == 12 ? "2" : "1") + " downgrade sentinel (RFC 8446, Section 4.1.3)");
                }
                throw new TlsAlert(AlertDescription.PROTOCOL_VERSION, "the server chose " + sh.legacyVersion
                        + ", which was not offered (RFC 8446, Section 4.1.3)");
            }
            if (!sv.selectedVersion.equals(ProtocolVersion.TLS13)) {
                throw new TlsAlert(AlertDescription.ILLEGAL_PARAMETER, "supported_versions selects "
                        + sv.selectedVersion + ", which was not offered (RFC 8446, Section 4.2.1)");
            }
            sh.extensions.checkAllowedInTls13(ExtensionContext.SERVER_HELLO);
            requireRequested(sh.extensions, sent, "ServerHello");
            checkEcho(sh.legacySessionIdEcho(), sh.cipherSuite, sh.legacyCompressionMethod);
            if (retrySuite != null && !retrySuite.equals(sh.cipherSuite)) {
                throw new TlsAlert(AlertDescription.ILLEGAL_PARAMETER, "ServerHello suite " + sh.cipherSuite
                        + " differs from the HelloRetryRequest's " + retrySuite + " (RFC 8446, Section 4.1.4)");
            }
            KeyShareServerHello ks = sh.extensions.find(KeyShareServerHello.class);
            PreSharedKeyServerHello pskSh = sh.extensions.find(PreSharedKeyServerHello.class);
            Tls13Suite suite = Tls13Suite.of(sh.cipherSuite);
            PskAuthenticated pskProof = null;
            if (pskSh != null) {
                pskProof = PskAuthenticated.checkSelection(sent.extensions.find(PreSharedKeyClientHello.class), pskSh,
                        Tls13Suite.of(ticket.suite), suite, ks != null,
                        PskClient.offers(cx.config, PskKeyExchangeModes.PSK_KE),
                        PskClient.offers(cx.config, PskKeyExchangeModes.PSK_DHE_KE));
            }
            if (ks == null && pskProof == null) {
                throw new TlsAlert(AlertDescription.MISSING_EXTENSION,
                        "ServerHello with neither key_share nor pre_shared_key (RFC 8446, Section 9.2)");
            }
            if (ks == null) {
                return derived(cx, suite, null, null, pskProof); // psk_ke: no (EC)DHE
            }
            NamedGroup group = ks.serverShare.group;
            KeyExchange.KeyShare mine = shares.get(group);
            if (mine == null) {
                throw new TlsAlert(AlertDescription.ILLEGAL_PARAMETER, "ServerHello key_share for " + group
                        + ", for which the client sent no share (RFC 8446, Section 4.2.8)");
            }
            byte[] peer = ks.serverShare.keyExchange();
            byte[] shared;
            try {
                Groups.checkShareLength(group, peer, "server");
                shared = mine.agree(peer, 0, peer.length);
            } catch (CryptoException e) {
                throw new TlsAlert(AlertDescription.ILLEGAL_PARAMETER, "server key share for " + group
                        + " is invalid: " + e.getMessage() + " (RFC 8446, Section 4.2.8.1-4.2.8.2)", e);
            } finally {
                destroyAll(shares);
            }
            HandshakeState next = derived(cx, suite, group, shared, pskProof);
            ConstantTime.zero(shared);
            return next;
        }

        /** The handshake secrets from the (EC)DHE secret and/or the PSK; then EncryptedExtensions. */
        private HandshakeState derived(HandshakeContext cx, Tls13Suite suite, NamedGroup group, byte[] shared,
                PskAuthenticated pskProof) {
            destroyAll(shares);
            if (!transcript.isStarted()) {
                transcript.start(suite.newDigest());
            }
            transcript.add(cx.received());
            cx.setHashLength(suite.hashLength());
            byte[] psk = pskProof == null ? null : ticket.psk();
            Handshaking h = Handshaking.derive(cx, suite, group, shared, transcript, sent, retrySuite != null, ccsSent,
                    psk, pskProof, pskProof == null ? null : ticket.serverChain());
            if (psk != null) {
                ConstantTime.zero(psk);
            }
            if (ticket != null) {
                ticket.destroy(); // single use: offered once, accepted or not
            }
            cx.installReadKeys(h.serverHandshake);
            // The client's own records are protected from now on too, so an alert it sends while
            // checking the server's flight is readable by the server (RFC 8446, Section 2: "{}" keys).
            cx.installWriteKeys(h.clientHandshake);
            return new ExpectEncryptedExtensions(h);
        }

        /** Checks shared by ServerHello and HelloRetryRequest (Section 4.1.3). */
        private void checkEcho(byte[] sessionIdEcho, CipherSuite suite, int compression) throws TlsAlert {
            if (!Arrays.equals(sessionIdEcho, sent.legacySessionId())) {
                throw new TlsAlert(AlertDescription.ILLEGAL_PARAMETER, "legacy_session_id_echo differs from the"
                        + " client's legacy_session_id (RFC 8446, Section 4.1.3)");
            }
            if (!sent.cipherSuites.contains(suite) || Tls13Suite.of(suite) == null) {
                throw new TlsAlert(AlertDescription.ILLEGAL_PARAMETER,
                        "the server chose " + suite + ", which was not offered (RFC 8446, Section 4.1.3)");
            }
            if (compression != 0) {
                throw new TlsAlert(AlertDescription.ILLEGAL_PARAMETER,
                        "legacy_compression_method " + compression + " (RFC 8446, Section 4.1.3)");
            }
        }

        /** HelloRetryRequest (Section 4.1.4): answer with a second ClientHello. */
        private HandshakeState retry(HandshakeContext cx, HelloRetryRequest hrr) throws TlsAlert {
            if (retrySuite != null) {
                throw new TlsAlert(AlertDescription.UNEXPECTED_MESSAGE,
                        "a second HelloRetryRequest (RFC 8446, Section 4.1.4)");
            }
            SupportedVersionsServerHello sv = hrr.extensions.find(SupportedVersionsServerHello.class);
            if (sv == null) {
                throw new TlsAlert(AlertDescription.MISSING_EXTENSION,
                        "HelloRetryRequest without supported_versions (RFC 8446, Section 4.1.4)");
            }
            if (!sv.selectedVersion.equals(ProtocolVersion.TLS13)) {
                throw new TlsAlert(AlertDescription.ILLEGAL_PARAMETER, "HelloRetryRequest selects "
                        + sv.selectedVersion + " (RFC 8446, Section 4.2.1)");
            }
            requireRequested(hrr.extensions, sent, "HelloRetryRequest", ExtensionType.COOKIE);
            checkEcho(hrr.legacySessionIdEcho(), hrr.cipherSuite, hrr.legacyCompressionMethod);
            KeyShareHelloRetryRequest ks = hrr.extensions.find(KeyShareHelloRetryRequest.class);
            Cookie cookie = hrr.extensions.find(Cookie.class);
            Map<NamedGroup, KeyExchange.KeyShare> next = shares;
            if (ks != null) {
                NamedGroup g = ks.selectedGroup;
                if (!cx.config.groups.contains(g) || shares.containsKey(g)) {
                    throw new TlsAlert(AlertDescription.ILLEGAL_PARAMETER, "HelloRetryRequest asks for " + g
                            + ", which was not offered or already has a share (RFC 8446, Section 4.2.8)");
                }
                destroyAll(shares);
                next = new LinkedHashMap<NamedGroup, KeyExchange.KeyShare>();
                next.put(g, Groups.keyExchange(g).generate(cx.config.random));
            } else if (cookie == null) {
                throw new TlsAlert(AlertDescription.ILLEGAL_PARAMETER,
                        "HelloRetryRequest that would not change the ClientHello (RFC 8446, Section 4.1.4)");
            }
            Tls13Suite suite = Tls13Suite.of(hrr.cipherSuite);
            transcript.start(suite.newDigest());
            transcript.replaceWithMessageHash();
            transcript.add(cx.received());
            boolean ccs = false;
            if (cx.config.middleboxCompat) {
                cx.sendChangeCipherSpec(); // Appendix D.4: before the second flight
                ccs = true;
            }
            // Section 4.1.4 and 4.2.11: the second ClientHello updates pre_shared_key (age, binder over
            // message_hash(ClientHello1) || HelloRetryRequest || truncated ClientHello2) and drops a PSK
            // whose hash is not the HelloRetryRequest suite's.
            ClientTicket keep = ticket;
            if (ticket != null && Tls13Suite.of(ticket.suite).hashLength() != suite.hashLength()) {
                ticket.destroy();
                keep = null;
            }
            // RFC 8446, Section 4.1.2: a key_share the HelloRetryRequest named replaces the whole list (the
            // GREASE share goes); otherwise key_share stays as it was.
            ClientHello ch2 = clientHello(cx.config, cx.grease(), next == shares, sent.random(), sent.legacySessionId(),
                    next, cookie == null ? null : cookie.cookie(), keep, cx.olderSessionExtensions);
            if (keep != null) {
                ch2 = PskClient.bind(ch2, keep, transcript);
            }
            cx.send(ch2, transcript);
            return new ExpectServerHello(ch2, next, transcript, hrr.cipherSuite, ccs, keep);
        }
    }

    /** What every state after ServerHello shares: suite, key schedule, transcript and handshake secrets. */
    static final class Handshaking {
        final Tls13Suite suite;
        final NamedGroup group;
        final KeySchedule13 schedule;
        final KeySchedule13.HandshakeSecret handshakeSecret;
        final TrafficSecret clientHandshake;
        final TrafficSecret serverHandshake;
        final Transcript transcript;
        final ClientHello sent;
        final boolean retried;
        final boolean ccsSent;
        /** Set when the server accepted the offered PSK (resumption), else null. */
        final PskAuthenticated pskProof;
        /** Resumed: the server chain of the original connection. */
        final List<Certificate> resumedChain;

        private Handshaking(Tls13Suite suite, NamedGroup group, KeySchedule13 schedule,
                KeySchedule13.HandshakeSecret hs, TrafficSecret c, TrafficSecret s, Transcript t, ClientHello sent,
                boolean retried, boolean ccsSent, PskAuthenticated pskProof, List<Certificate> resumedChain) {
            this.pskProof = pskProof;
            this.resumedChain = resumedChain;
            this.suite = suite;
            this.group = group;
            this.schedule = schedule;
            this.handshakeSecret = hs;
            this.clientHandshake = c;
            this.serverHandshake = s;
            this.transcript = t;
            this.sent = sent;
            this.retried = retried;
            this.ccsSent = ccsSent;
        }

        void destroy() {
            handshakeSecret.destroy();
            clientHandshake.destroy();
            serverHandshake.destroy();
        }

        /**
         * Section 7.1: Early Secret (from the PSK, or none), Handshake Secret (from the (EC)DHE secret, or
         * none for psk_ke), and the two handshake traffic secrets.
         */
        static Handshaking derive(HandshakeContext cx, Tls13Suite suite, NamedGroup group, byte[] shared, Transcript t,
                ClientHello sent, boolean retried, boolean ccsSent, byte[] psk, PskAuthenticated pskProof,
                List<Certificate> resumedChain) {
            KeySchedule13 ks = new KeySchedule13(suite.newDigest(), cx.config.listener);
            KeySchedule13.EarlySecret early = ks.early(psk);
            KeySchedule13.HandshakeSecret hs = early.handshake(shared);
            early.destroy();
            byte[] helloHash = t.hash();
            byte[] c = hs.clientHandshakeTrafficSecret(helloHash);
            byte[] s = hs.serverHandshakeTrafficSecret(helloHash);
            cx.secret(TlsListener.CLIENT_HANDSHAKE_TRAFFIC_SECRET, c);
            cx.secret(TlsListener.SERVER_HANDSHAKE_TRAFFIC_SECRET, s);
            Handshaking h = new Handshaking(suite, group, ks, hs, new TrafficSecret(suite, ks, "client handshake", c),
                    new TrafficSecret(suite, ks, "server handshake", s), t, sent, retried, ccsSent, pskProof, resumedChain);
            ConstantTime.zero(c);
            ConstantTime.zero(s);
            return h;
        }
    }

    /**
     * The server chose TLS 1.2 or older (a ServerHello without supported_versions whose version was
     * offered in {@link OlderVersionsOffer}; the downgrade sentinel already checked): this machine stops
     * here and the driver hands {@link #clientHello}, {@link #serverHello} and the rest of the flight to
     * the TLS 1.2 machine. Any further message is the driver's bug.
     */
    public static final class OlderVersionChosen implements HandshakeState {
        /** The ClientHello as sent. */
        public final ClientHello clientHello;
        /** The ServerHello (extensions not yet parsed as TLS 1.2 ones). */
        public final ServerHello serverHello;
        private final byte[] serverHelloEncoded;

        OlderVersionChosen(ClientHello clientHello, ServerHello serverHello, byte[] serverHelloEncoded) {
            this.clientHello = clientHello;
            this.serverHello = serverHello;
            this.serverHelloEncoded = serverHelloEncoded.clone();
        }

        /** The ServerHello exactly as received (header and body), for the TLS 1.2 transcript. */
        public byte[] serverHelloEncoded() {
            return serverHelloEncoded.clone();
        }

        @Override
        public HandshakeState handle(HandshakeContext cx, HandshakeMessage m) throws TlsAlert {
            throw new TlsAlert(AlertDescription.INTERNAL_ERROR, "the TLS 1.3 machine got " + m.type()
                    + " after the server chose " + serverHello.legacyVersion);
        }
    }

    /** Waits for EncryptedExtensions (Section 4.3.1). */
    static final class ExpectEncryptedExtensions implements HandshakeState {
        private final Handshaking h;

        ExpectEncryptedExtensions(Handshaking h) {
            this.h = h;
        }

        @Override
        public void destroy() {
            h.destroy();
        }

        @Override
        public HandshakeState handle(HandshakeContext cx, HandshakeMessage m) throws TlsAlert {
            EncryptedExtensions ee = cx.require(m, EncryptedExtensions.class);
            // supported_groups may be sent unrequested-in-kind (Section 4.2.7): the client offered it.
            requireRequested(ee.extensions, h.sent, "EncryptedExtensions");
            String alpn = null;
            ApplicationLayerProtocolNegotiation a = ee.extensions.find(ApplicationLayerProtocolNegotiation.class);
            if (a != null) {
                alpn = new String(a.protocols.get(0), StandardCharsets.UTF_8);
                if (!cx.config.alpn.contains(alpn)) {
                    throw new TlsAlert(AlertDescription.ILLEGAL_PARAMETER,
                            "the server selected ALPN protocol \"" + alpn + "\", which was not offered (RFC 7301, Section 3.2)");
                }
            }
            RecordSizeLimits.clientAccept(cx, ee.extensions, h.sent.extensions);
            h.transcript.add(cx.received());
            if (h.pskProof != null) {
                // Resumed (Section 2.2): no Certificate or CertificateVerify; the PSK authenticates.
                return new ExpectFinished(h, alpn, null, h.resumedChain, null, null);
            }
            return new ExpectCertificate(h, alpn, null);
        }
    }

    /** Waits for the server's Certificate, or first a CertificateRequest (Section 4.3.2, 4.4.2). */
    static final class ExpectCertificate implements HandshakeState {
        private final Handshaking h;
        private final String alpn;
        /** The server's CertificateRequest, or null when it did not ask for a certificate. */
        private final CertificateRequest request;

        ExpectCertificate(Handshaking h, String alpn, CertificateRequest request) {
            this.h = h;
            this.alpn = alpn;
            this.request = request;
        }

        @Override
        public void destroy() {
            h.destroy();
        }

        @Override
        public HandshakeState handle(HandshakeContext cx, HandshakeMessage m) throws TlsAlert {
            if (m instanceof CertificateRequest && request == null) {
                CertificateRequest cr = (CertificateRequest) m;
                // Section 4.3.2: "This field SHALL be zero length unless used for the post-handshake
                // authentication exchanges".
                if (cr.context().length != 0) {
                    throw new TlsAlert(AlertDescription.ILLEGAL_PARAMETER, "CertificateRequest in the handshake"
                            + " with a non-empty certificate_request_context (RFC 8446, Section 4.3.2)");
                }
                h.transcript.add(cx.received());
                return new ExpectCertificate(h, alpn, cr);
            }
            org.tls4j.handshake.msg.Certificate ct = cx.require(m, org.tls4j.handshake.msg.Certificate.class);
            if (ct.context().length != 0) {
                throw new TlsAlert(AlertDescription.ILLEGAL_PARAMETER,
                        "server Certificate with a non-empty certificate_request_context (RFC 8446, Section 4.4.2)");
            }
            if (ct.entries.isEmpty()) {
                throw new TlsAlert(AlertDescription.DECODE_ERROR,
                        "the server sent an empty Certificate message (RFC 8446, Section 4.4.2.4)");
            }
            List<Certificate> chain = new ArrayList<Certificate>();
            for (CertificateEntry e : ct.entries) {
                if (e.extensions.size() != 0) {
                    throw new TlsAlert(AlertDescription.UNSUPPORTED_EXTENSION, "CertificateEntry extension "
                            + e.extensions.list().get(0).type() + " was not requested (RFC 8446, Section 4.4.2)");
                }
                try {
                    chain.add(Certificate.parse(e.data()));
                } catch (DerException ex) {
                    throw CertificateAlerts.toAlert(new CertificateRejectedException(
                            CertificateRejectedException.Reason.MALFORMED, ex.getMessage(), ex));
                }
            }
            HandshakeConfig c = cx.config;
            if (c.verifyCertificates) {
                ValidationPolicy policy = ValidationPolicy.defaults().withClock(c.clock)
                        .withHostname(c.verifyHostname ? c.serverName : null);
                try {
                    new PathValidator(c.trustAnchors, DefaultVerifiers.INSTANCE).validate(chain, policy);
                } catch (CertificateRejectedException e) {
                    throw CertificateAlerts.toAlert(e);
                }
            }
            h.transcript.add(cx.received());
            return new ExpectCertificateVerify(h, alpn, request, chain);
        }
    }

    /** Waits for CertificateVerify (Section 4.4.3). */
    static final class ExpectCertificateVerify implements HandshakeState {
        private final Handshaking h;
        private final String alpn;
        private final CertificateRequest request;
        private final List<Certificate> chain;

        ExpectCertificateVerify(Handshaking h, String alpn, CertificateRequest request, List<Certificate> chain) {
            this.h = h;
            this.alpn = alpn;
            this.request = request;
            this.chain = chain;
        }

        @Override
        public void destroy() {
            h.destroy();
        }

        @Override
        public HandshakeState handle(HandshakeContext cx, HandshakeMessage m) throws TlsAlert {
            CertificateVerify cv = cx.require(m, CertificateVerify.class);
            SignatureVerified proof = CertificateVerifyContent.verify(cx, cv, chain.get(0), true,
                    h.transcript.hash());
            h.transcript.add(cx.received());
            return new ExpectFinished(h, alpn, request, chain, cv.algorithm, proof);
        }
    }

    /** Waits for the server's Finished (Section 4.4.4), then sends the client's second flight. */
    static final class ExpectFinished implements HandshakeState {
        private final Handshaking h;
        private final String alpn;
        private final CertificateRequest request;
        private final List<Certificate> chain;
        private final SignatureScheme scheme;
        private final SignatureVerified signatureProof;

        ExpectFinished(Handshaking h, String alpn, CertificateRequest request, List<Certificate> chain,
                SignatureScheme scheme, SignatureVerified signatureProof) {
            this.h = h;
            this.alpn = alpn;
            this.request = request;
            this.chain = chain;
            this.scheme = scheme;
            this.signatureProof = signatureProof;
        }

        @Override
        public void destroy() {
            h.destroy();
        }

        @Override
        public HandshakeState handle(HandshakeContext cx, HandshakeMessage m) throws TlsAlert {
            Finished f = cx.require(m, Finished.class);
            byte[] serverBase = h.serverHandshake.secret();
            FinishedVerified finishedProof = FinishedVerified.check(h.schedule, serverBase, h.transcript.hash(), f);
            ConstantTime.zero(serverBase);
            h.transcript.add(cx.received());
            cx.setCcsAllowed(false);

            // Section 7.1: the application traffic secrets hash ClientHello...server Finished.
            KeySchedule13.MasterSecret master = h.handshakeSecret.master();
            byte[] hash = h.transcript.hash();
            byte[] c = master.clientApplicationTrafficSecret0(hash);
            byte[] s = master.serverApplicationTrafficSecret0(hash);
            byte[] exp = master.exporterMasterSecret(hash);
            cx.secret(TlsListener.CLIENT_TRAFFIC_SECRET_0, c);
            cx.secret(TlsListener.SERVER_TRAFFIC_SECRET_0, s);
            cx.secret(TlsListener.EXPORTER_SECRET, exp);
            Exporter exporter = new Exporter(h.schedule, exp);
            ConstantTime.zero(exp);
            TrafficSecret clientApp = new TrafficSecret(h.suite, h.schedule, "client application", c);
            TrafficSecret serverApp = new TrafficSecret(h.suite, h.schedule, "server application", s);
            ConstantTime.zero(c);
            ConstantTime.zero(s);
            cx.installReadKeys(serverApp);

            if (cx.config.middleboxCompat && !h.ccsSent) {
                cx.sendChangeCipherSpec(); // Appendix D.4: unprotected, before the second flight
            }
            List<Certificate> mine = Collections.<Certificate>emptyList();
            if (request != null) {
                mine = authenticate(cx, h, request);
            }
            byte[] clientBase = h.clientHandshake.secret();
            byte[] verifyData = h.schedule.verifyData(clientBase, h.transcript.hash());
            ConstantTime.zero(clientBase);
            cx.send(new Finished(verifyData), h.transcript);
            cx.installWriteKeys(clientApp);

            // Section 7.1: resumption_master_secret over ClientHello...client Finished, for tickets.
            byte[] rms = cx.config.resumption.clientTickets == null ? null
                    : master.resumptionMasterSecret(h.transcript.hash());
            master.destroy();
            h.handshakeSecret.destroy();
            h.clientHandshake.destroy();
            h.serverHandshake.destroy();
            cx.complete(new HandshakeSummary(h.suite.suite, h.group, scheme, alpn, cx.config.serverName, h.retried,
                    chain, mine, h.pskProof != null));
            return new Connected(signatureProof, h.pskProof, finishedProof, serverApp, clientApp, exporter,
                    new Resumable(h.suite, rms, chain));
        }
    }

    /**
     * The client's answer to a CertificateRequest (Section 4.4.2, 4.4.3): its first configured chain
     * whose key can sign with a scheme the request's signature_algorithms offers and, when the request
     * names certificate_authorities, one of whose certificates was issued by (or is) a named authority;
     * then Certificate and CertificateVerify (client context string). Without such a chain, an empty
     * Certificate: "If the server requests client authentication but no suitable certificate is
     * available, the client MUST send a Certificate message containing no certificates" (Section 4.4.2).
     * Returns the chain sent (empty when none).
     */
    private static List<Certificate> authenticate(HandshakeContext cx, Handshaking h, CertificateRequest request)
            throws TlsAlert {
        HandshakeConfig c = cx.config;
        SignatureAlgorithms sa = request.extensions.find(SignatureAlgorithms.class);
        org.tls4j.handshake.ext.CertificateAuthorities cas =
                request.extensions.find(org.tls4j.handshake.ext.CertificateAuthorities.class);
        CertifiedKey chosen = null;
        SignatureScheme scheme = null;
        for (CertifiedKey k : c.certificates) {
            if (cas != null && !issuedByOneOf(k, cas.authorities)) {
                continue;
            }
            for (SignatureScheme s : c.signatureSchemes) {
                if (sa.schemes.contains(s) && SignatureSchemes13.isAllowedInCertificateVerify(s) && k.canSign(s)) {
                    scheme = s;
                    break;
                }
            }
            if (scheme != null) {
                chosen = k;
                break;
            }
        }
        byte[] context = request.context();
        if (chosen == null) {
            cx.send(new org.tls4j.handshake.msg.Certificate(context, Collections.<CertificateEntry>emptyList()),
                    h.transcript);
            return Collections.<Certificate>emptyList();
        }
        List<CertificateEntry> entries = new ArrayList<CertificateEntry>();
        for (Certificate cert : chosen.chain()) {
            entries.add(new CertificateEntry(cert.encoded(), Extensions.EMPTY));
        }
        cx.send(new org.tls4j.handshake.msg.Certificate(context, entries), h.transcript);
        byte[] content = CertificateVerifyContent.of(false, h.transcript.hash());
        byte[] signature;
        try {
            signature = chosen.signer(scheme, c.random).sign(content);
        } catch (CryptoException e) {
            throw new TlsAlert(AlertDescription.INTERNAL_ERROR, "cannot sign the client's CertificateVerify with "
                    + scheme + ": " + e.getMessage(), e);
        }
        if (c.certificateVerifyHook != null) {
            signature = c.certificateVerifyHook.rewrite(signature);
        }
        cx.send(new CertificateVerify(scheme, signature), h.transcript);
        return chosen.chain();
    }

    /**
     * True when a certificate of {@code k}'s chain is issued by, or is, one of the distinguished names
     * (DER) of certificate_authorities (RFC 8446, Section 4.2.4).
     */
    private static boolean issuedByOneOf(CertifiedKey k, List<byte[]> authorities) {
        for (Certificate cert : k.chain()) {
            for (byte[] dn : authorities) {
                if (Arrays.equals(dn, cert.issuer().encoded()) || Arrays.equals(dn, cert.subject().encoded())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Application data flows. Handshake messages now: NewSessionTicket (kept for resumption, Section
     * 4.6.1) and KeyUpdate (Section 4.6.3); anything else is unexpected_message.
     */
    static final class Connected extends Traffic.Connected {
        private final SignatureVerified signatureProof;
        private final PskAuthenticated pskProof;
        private final FinishedVerified finishedProof;
        private final Resumable resumable;

        Connected(SignatureVerified signatureProof, PskAuthenticated pskProof, FinishedVerified finishedProof,
                TrafficSecret read, TrafficSecret write, Exporter exporter, Resumable resumable) {
            super(read, write, exporter);
            if ((signatureProof == null && pskProof == null) || finishedProof == null) {
                throw new NullPointerException("proofs of the server's signature (or PSK) and Finished are required");
            }
            this.signatureProof = signatureProof;
            this.pskProof = pskProof;
            this.finishedProof = finishedProof;
            this.resumable = resumable;
        }

        @Override
        Connected with(TrafficSecret read, TrafficSecret write) {
            return new Connected(signatureProof, pskProof, finishedProof, read, write, exporter, resumable);
        }

        @Override
        public void destroy() {
            super.destroy();
            resumable.destroy();
        }

        @Override
        public HandshakeState handle(HandshakeContext cx, HandshakeMessage m) throws TlsAlert {
            if (m instanceof NewSessionTicket) {
                resumable.keep(cx, (NewSessionTicket) m);
                return this;
            }
            return receiveKeyUpdate(cx, cx.require(m, KeyUpdate.class));
        }
    }

    /**
     * What the connected client needs to turn NewSessionTickets into {@link ClientTicket}s (Section
     * 4.6.1): the suite, resumption_master_secret (null when the client keeps no tickets) and the
     * server's chain.
     */
    static final class Resumable {
        private final Tls13Suite suite;
        private final byte[] resumptionMasterSecret;
        private final List<Certificate> serverChain;

        Resumable(Tls13Suite suite, byte[] resumptionMasterSecret, List<Certificate> serverChain) {
            this.suite = suite;
            this.resumptionMasterSecret = resumptionMasterSecret;
            this.serverChain = serverChain;
        }

        /**
         * Keeps a ticket: "The PSK associated with the ticket is computed as HKDF-Expand-Label(
         * resumption_master_secret, "resumption", ticket_nonce, Hash.length)". A lifetime of 0 means
         * "do not use"; a lifetime over 604800 seconds is illegal_parameter ("Servers MUST NOT use any
         * value greater than 604800 seconds"; the client "MUST NOT cache tickets for longer than 7 days").
         */
        void keep(HandshakeContext cx, NewSessionTicket t) throws TlsAlert {
            if (t.ticketLifetime > Resumption.MAX_LIFETIME_SECONDS) {
                throw new TlsAlert(AlertDescription.ILLEGAL_PARAMETER, "NewSessionTicket.ticket_lifetime "
                        + t.ticketLifetime + " exceeds 604800 seconds (RFC 8446, Section 4.6.1)");
            }
            ClientTickets store = cx.config.resumption.clientTickets;
            if (resumptionMasterSecret == null || store == null || t.ticketLifetime == 0) {
                return;
            }
            org.tls4j.handshake.ext.EarlyData ed = t.extensions.find(org.tls4j.handshake.ext.EarlyData.class);
            byte[] psk = new KeySchedule13(suite.newDigest()).resumptionPsk(resumptionMasterSecret, t.ticketNonce());
            store.put(new ClientTicket(suite.suite, psk, t.ticket(), t.ticketAgeAdd, cx.config.clock.millis(),
                    t.ticketLifetime, ed == null ? 0 : ed.maxEarlyDataSize(), cx.config.serverName, serverChain));
            ConstantTime.zero(psk);
        }

        void destroy() {
            if (resumptionMasterSecret != null) {
                ConstantTime.zero(resumptionMasterSecret);
            }
        }
    }
}
