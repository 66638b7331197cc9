package org.tls4j.handshake.tls13;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.ct.ConstantTime;
import org.tls4j.crypto.kex.KeyExchange;
import org.tls4j.crypto.sig.Signer;
import org.tls4j.crypto.asn1.DerException;
import org.tls4j.crypto.x509.Certificate;
import org.tls4j.crypto.x509.CertificateRejectedException;
import org.tls4j.crypto.x509.DefaultVerifiers;
import org.tls4j.crypto.x509.PathValidator;
import org.tls4j.crypto.x509.Purpose;
import org.tls4j.crypto.x509.ValidationPolicy;
import org.tls4j.handshake.CipherSuite;
import org.tls4j.handshake.ExtensionType;
import org.tls4j.handshake.HandshakeMessage;
import org.tls4j.handshake.NamedGroup;
import org.tls4j.handshake.SignatureScheme;
import org.tls4j.handshake.TlsWriter;
import org.tls4j.handshake.ext.ApplicationLayerProtocolNegotiation;
import org.tls4j.handshake.ext.CertificateAuthorities;
import org.tls4j.handshake.ext.Cookie;
import org.tls4j.handshake.ext.EarlyData;
import org.tls4j.handshake.ext.Extension;
import org.tls4j.handshake.ext.ExtensionContext;
import org.tls4j.handshake.ext.Extensions;
import org.tls4j.handshake.ext.KeyShareClientHello;
import org.tls4j.handshake.ext.KeyShareEntry;
import org.tls4j.handshake.ext.KeyShareHelloRetryRequest;
import org.tls4j.handshake.ext.KeyShareServerHello;
import org.tls4j.handshake.ext.PreSharedKeyServerHello;
import org.tls4j.handshake.ext.PskKeyExchangeModes;
import org.tls4j.handshake.ext.ServerName;
import org.tls4j.handshake.ext.SignatureAlgorithms;
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
import org.tls4j.handshake.msg.ServerHello;
import org.tls4j.record.AlertDescription;
import org.tls4j.record.ProtocolVersion;
import org.tls4j.record.TlsAlert;

/**
 * The TLS 1.3 server, one state per step, in protocol order (RFC 8446, Section 2 and Appendix A.2):
 *
 * <pre>
 *        Client                                               Server
 *
 *                                                          {@link ExpectClientHello}
 *        ClientHello                     --------&gt;    no usable key share:
 *                                        &lt;--------    HelloRetryRequest [ChangeCipherSpec]
 *                                                          {@link ExpectSecondClientHello}
 *        [ChangeCipherSpec] ClientHello  --------&gt;
 *                                                          ServerHello + key_share* + pre_shared_key*
 *                                                          [ChangeCipherSpec]
 *                                                          {EncryptedExtensions}
 *                                                          {CertificateRequest*}      (not when resuming)
 *                                                          {Certificate} {CertificateVerify} (not when resuming)
 *                                        &lt;--------    {Finished}
 *                                                          {@link ExpectClientCertificate}*
 *                                                          {@link ExpectClientCertificateVerify}*
 *                                                          {@link ExpectFinished}
 *        [ChangeCipherSpec] {Certificate*}
 *        {CertificateVerify*} {Finished} --------&gt;
 *                                        &lt;--------    [NewSessionTicket] x ticketCount
 *                                        &lt;-------&gt;    {@link Connected}: [Application Data], KeyUpdate
 * </pre>
 *
 * The server chooses (Section 4.1.1): the first of its suites the client offers; the first of its
 * groups the client sent a key share for, else the first of its groups the client supports (with a
 * HelloRetryRequest); a certificate whose names match the client's server_name and whose key can sign
 * with a scheme in the client's signature_algorithms (else the first certificate that can sign), and
 * the first of the server's schemes that key can use; the first of its ALPN protocols the client
 * offers. Without a suitable choice the handshake fails with the alert Section 4.1.1, 4.2 and 9.2 name.
 *
 * <p>Client authentication (Section 4.3.2, 4.4.2.4) follows {@link HandshakeConfig#clientAuth()}: the
 * client's chain is validated against the trust anchors for the clientAuth purpose and its
 * CertificateVerify checked; {@link ClientIdentity} carries the proof to the connected state.
 *
 * <p>Resumption (Section 2.2): a ClientHello whose pre_shared_key names a usable tls4j ticket
 * ({@link PskServer#select}: binder checked first, then the ticket marked used) gets a ServerHello with
 * pre_shared_key, an (EC)DHE share only in psk_dhe_ke mode, and no CertificateRequest, Certificate or
 * CertificateVerify; any other offer is ignored and a full handshake follows, as Section 4.2.11 allows.
 * After the client's Finished the server sends {@link Resumption#ticketCount()} NewSessionTickets
 * ({@link PskServer#issue}). Early data is never accepted: the server leaves early_data out of
 * EncryptedExtensions and the engine skips the client's 0-RTT records (Section 4.2.10).
 */
public final class Tls13Server {
    private Tls13Server() {}

    /** What the server chose from a ClientHello (Section 4.1.1). */
    static final class Choice {
        final Tls13Suite suite;
        final NamedGroup group;
        /** The client's share for {@link #group}, or null when a HelloRetryRequest must ask for one. */
        final KeyShareEntry clientShare;
        final CertifiedKey certificate;
        final SignatureScheme scheme;
        final String alpn;
        final String serverName;

        private Choice(Tls13Suite suite, NamedGroup group, KeyShareEntry clientShare, CertifiedKey certificate,
                SignatureScheme scheme, String alpn, String serverName) {
            this.suite = suite;
            this.group = group;
            this.clientShare = clientShare;
            this.certificate = certificate;
            this.scheme = scheme;
            this.alpn = alpn;
            this.serverName = serverName;
        }

        /** Validates a ClientHello and makes the server's choices (Section 4.1.2, 4.2, 9.2). */
        static Choice of(HandshakeConfig c, ClientHello ch) throws TlsAlert {
            // Appendix D.5: a ClientHello.legacy_version of 0x0300 (SSL 3.0) or less MUST be answered
            // with protocol_version, even when supported_versions offers TLS 1.3.
            if (ch.legacyVersion.code <= 0x0300) {
                throw new TlsAlert(AlertDescription.PROTOCOL_VERSION, "ClientHello.legacy_version "
                        + ch.legacyVersion + " is SSL 3.0 or lower (RFC 8446, Appendix D.5)");
            }
            if (ch.extensions == null) {
                throw new TlsAlert(AlertDescription.PROTOCOL_VERSION,
                        "a ClientHello without extensions (TLS 1.2 or older); tls4j speaks only TLS 1.3 so far");
            }
            SupportedVersionsClientHello sv = ch.extensions.find(SupportedVersionsClientHello.class);
            if (sv == null || !sv.versions.contains(ProtocolVersion.TLS13)) {
                throw new TlsAlert(AlertDescription.PROTOCOL_VERSION,
                        "the client does not offer TLS 1.3 in supported_versions; tls4j speaks only TLS 1.3 so far"
                                + " (RFC 8446, Section 4.2.1)");
            }
            ch.extensions.checkAllowedInTls13(ExtensionContext.CLIENT_HELLO);
            byte[] compression = ch.legacyCompressionMethods();
            if (compression.length != 1 || compression[0] != 0) {
                throw new TlsAlert(AlertDescription.ILLEGAL_PARAMETER,
                        "legacy_compression_methods is not exactly {null} (RFC 8446, Section 4.1.2)");
            }
            Tls13Suite suite = null;
            for (CipherSuite s : c.suites) {
                if (ch.cipherSuites.contains(s)) {
                    suite = Tls13Suite.of(s);
                    break;
                }
            }
            if (suite == null) {
                throw new TlsAlert(AlertDescription.HANDSHAKE_FAILURE,
                        "no cipher suite in common (RFC 8446, Section 4.1.1)");
            }
            SignatureAlgorithms sa = ch.extensions.find(SignatureAlgorithms.class);
            if (sa == null) {
                throw new TlsAlert(AlertDescription.MISSING_EXTENSION,
                        "ClientHello without signature_algorithms (RFC 8446, Section 4.2.3)");
            }
            SupportedGroups sg = ch.extensions.find(SupportedGroups.class);
            KeyShareClientHello ks = ch.extensions.find(KeyShareClientHello.class);
            boolean pskOnly = sg == null && ks == null
                    && ch.extensions.find(org.tls4j.handshake.ext.PreSharedKeyClientHello.class) != null;
            if (pskOnly) {
                // Section 9.2: a psk_ke ClientHello may carry neither; only a PSK can then be used.
                return new Choice(suite, null, null, null, null, alpnOf(c, ch), serverNameOf(ch));
            }
            if (sg == null || ks == null) {
                throw new TlsAlert(AlertDescription.MISSING_EXTENSION, "ClientHello without "
                        + (sg == null ? "supported_groups" : "key_share") + " (RFC 8446, Section 9.2)");
            }
            for (KeyShareEntry e : ks.shares) {
                if (!sg.groups.contains(e.group)) {
                    throw new TlsAlert(AlertDescription.ILLEGAL_PARAMETER, "key share for " + e.group
                            + ", which is not in supported_groups (RFC 8446, Section 4.2.8)");
                }
            }
            NamedGroup group = null;
            KeyShareEntry share = null;
            for (NamedGroup g : c.groups) {
                KeyShareEntry e = ks.shareFor(g);
                if (e != null) {
                    group = g;
                    share = e;
                    break;
                }
            }
            if (group == null) {
                for (NamedGroup g : c.groups) {
                    if (sg.groups.contains(g)) {
                        group = g;
                        break;
                    }
                }
            }
            if (group == null) {
                throw new TlsAlert(AlertDescription.HANDSHAKE_FAILURE,
                        "no key exchange group in common (RFC 8446, Section 4.1.1)");
            }
            String host = serverNameOf(ch);
            CertifiedKey cert = null;
            SignatureScheme scheme = null;
            for (int pass = 0; pass < 2 && cert == null; pass++) {
                for (CertifiedKey k : c.certificates) {
                    if (pass == 0 && (host == null || !k.matchesName(host))) {
                        continue;
                    }
                    SignatureScheme s = schemeFor(c, k, sa.schemes);
                    if (s != null) {
                        cert = k;
                        scheme = s;
                        break;
                    }
                }
            }
            if (cert == null) {
                throw new TlsAlert(AlertDescription.HANDSHAKE_FAILURE, "no certificate can sign with a scheme the"
                        + " client offers in signature_algorithms (RFC 8446, Section 4.4.2.2)");
            }
            return new Choice(suite, group, share, cert, scheme, alpnOf(c, ch), host);
        }

        private static String serverNameOf(ClientHello ch) {
            ServerName sn = ch.extensions.find(ServerName.class);
            if (sn != null && !sn.hostNames.isEmpty()) {
                return new String(sn.hostNames.get(0), StandardCharsets.US_ASCII);
            }
            return null;
        }

        private static String alpnOf(HandshakeConfig c, ClientHello ch) throws TlsAlert {
            String alpn = null;
            ApplicationLayerProtocolNegotiation a = ch.extensions.find(ApplicationLayerProtocolNegotiation.class);
            if (a != null && !c.alpn.isEmpty()) {
                for (String p : c.alpn) {
                    for (byte[] offered : a.protocols) {
                        if (alpn == null && Arrays.equals(offered, p.getBytes(StandardCharsets.UTF_8))) {
                            alpn = p;
                        }
                    }
                }
                if (alpn == null) {
                    throw new TlsAlert(AlertDescription.NO_APPLICATION_PROTOCOL,
                            "no ALPN protocol in common (RFC 7301, Section 3.2)");
                }
            }
            return alpn;
        }

        private static SignatureScheme schemeFor(HandshakeConfig c, CertifiedKey k, List<SignatureScheme> offered) {
            for (SignatureScheme s : c.signatureSchemes) {
                if (offered.contains(s) && SignatureSchemes13.isAllowedInCertificateVerify(s) && k.canSign(s)) {
                    return s;
                }
            }
            return null;
        }
    }

    /** Waits for the first ClientHello. */
    static final class ExpectClientHello implements HandshakeState {
        @Override
        public HandshakeState handle(HandshakeContext cx, HandshakeMessage m) throws TlsAlert {
            ClientHello ch = cx.require(m, ClientHello.class);
            RecordSizeLimits.checkMaxFragmentLength(ch);
            Choice choice = Choice.of(cx.config, ch);
            cx.setClientRandom(ch.random());
            cx.setCcsAllowed(true);
            // Section 4.2.10: tls4j never accepts early data; it skips what the client sends.
            cx.setSkipEarlyData(PskServer.offersEarlyData(ch));
            Transcript t = new Transcript(choice.suite.newDigest());
            t.add(cx.received());
            int mode = PskServer.mode(cx.config, ch);
            if (choice.clientShare != null || mode == PskKeyExchangeModes.PSK_KE) {
                PskServer.Accepted psk = PskServer.select(cx, ch, cx.received(), choice.suite, choice.serverName, mode,
                        null);
                if (psk != null || choice.clientShare != null) {
                    return respond(cx, ch, choice, t, false, false, psk);
                }
            }
            if (choice.group == null) {
                throw new TlsAlert(AlertDescription.MISSING_EXTENSION, "ClientHello with neither supported_groups"
                        + " nor key_share, and no PSK this server can resume (RFC 8446, Section 9.2)");
            }
            // Section 4.1.4: ask for a share of the chosen group.
            t.replaceWithMessageHash();
            List<Extension> ext = new ArrayList<Extension>();
            ext.add(new KeyShareHelloRetryRequest(choice.group));
            ext.add(new SupportedVersionsServerHello(ProtocolVersion.TLS13));
            if (cx.config.hrrCookie) {
                // A stateful server's cookie: a fresh random token the second ClientHello must echo (4.2.2).
                ext.add(new Cookie(cx.config.random.nextBytes(32)));
            }
            if (cx.config.extensionsHook != null) {
                ext = cx.config.extensionsHook.rewrite(ExtensionContext.HELLO_RETRY_REQUEST, ext);
            }
            // The cookie the second ClientHello must echo is the one actually sent (a test hook may
            // replace it, as the RFC 8448 Section 5 replay does with the RFC server's own cookie).
            Cookie sentCookie = new Extensions(ext).find(Cookie.class);
            byte[] cookie = sentCookie == null ? null : sentCookie.cookie();
            cx.send(new HelloRetryRequest(ProtocolVersion.TLS12, ch.legacySessionId(), choice.suite.suite, 0,
                    new Extensions(ext)), t);
            boolean ccs = false;
            if (cx.config.middleboxCompat) {
                cx.sendChangeCipherSpec(); // Appendix D.4: right after the server's first handshake message
                ccs = true;
            }
            return new ExpectSecondClientHello(ch, choice, t, cookie, ccs);
        }
    }

    /**
     * Section 4.1.2: after a HelloRetryRequest the client "MUST send the same ClientHello without
     * modification", except that it replaces key_share, removes early_data, adds cookie, updates
     * pre_shared_key and may change padding. So every other extension must come back in the same order
     * with the same extension_data; anything else is illegal_parameter. (The key_share, early_data and
     * cookie rules themselves are checked by the caller.) A null block (no extensions) is left to
     * {@link Choice#of}.
     */
    static void checkSameExtensions(Extensions first, Extensions second) throws TlsAlert {
        if (first == null || second == null) {
            return;
        }
        List<Extension> a = unchangeable(first);
        List<Extension> b = unchangeable(second);
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            Extension x = i < a.size() ? a.get(i) : null;
            Extension y = i < b.size() ? b.get(i) : null;
            if (x == null || y == null || !x.type().equals(y.type())
                    || !Arrays.equals(extensionData(x), extensionData(y))) {
                throw new TlsAlert(AlertDescription.ILLEGAL_PARAMETER, "the second ClientHello's extensions differ"
                        + " from the first's at position " + i + " (" + (x == null ? "none" : x.type()) + " before, "
                        + (y == null ? "none" : y.type()) + " now) beyond what RFC 8446, Section 4.1.2 allows");
            }
        }
    }

    /** The extensions Section 4.1.2 does not allow to change between the two ClientHellos, in order. */
    private static List<Extension> unchangeable(Extensions e) {
        List<Extension> out = new ArrayList<Extension>();
        for (Extension x : e.list()) {
            ExtensionType t = x.type();
            if (!t.equals(ExtensionType.KEY_SHARE) && !t.equals(ExtensionType.EARLY_DATA)
                    && !t.equals(ExtensionType.COOKIE) && !t.equals(ExtensionType.PRE_SHARED_KEY)
                    && !t.equals(ExtensionType.PADDING)) {
                out.add(x);
            }
        }
        return out;
    }

    private static byte[] extensionData(Extension x) {
        TlsWriter w = new TlsWriter();
        x.writeData(w);
        return w.toByteArray();
    }

    /** Waits for the ClientHello that answers the HelloRetryRequest (Section 4.1.2, 4.1.4). */
    static final class ExpectSecondClientHello implements HandshakeState {
        private final ClientHello first;
        private final Choice choice;
        private final Transcript transcript;
        private final byte[] cookie;
        private final boolean ccsSent;

        ExpectSecondClientHello(ClientHello first, Choice choice, Transcript transcript, byte[] cookie, boolean ccsSent) {
            this.first = first;
            this.choice = choice;
            this.transcript = transcript;
            this.cookie = cookie;
            this.ccsSent = ccsSent;
        }

        @Override
        public HandshakeState handle(HandshakeContext cx, HandshakeMessage m) throws TlsAlert {
            ClientHello ch = cx.require(m, ClientHello.class);
            if (!Arrays.equals(ch.random(), first.random())
                    || !Arrays.equals(ch.legacySessionId(), first.legacySessionId())) {
                throw new TlsAlert(AlertDescription.ILLEGAL_PARAMETER, "the second ClientHello changed its random"
                        + " or legacy_session_id (RFC 8446, Section 4.1.2)");
            }
            checkSameExtensions(first.extensions, ch.extensions);
            Choice again = Choice.of(cx.config, ch);
            if (!again.suite.suite.equals(choice.suite.suite)) {
                throw new TlsAlert(AlertDescription.ILLEGAL_PARAMETER,
                        "the second ClientHello no longer allows " + choice.suite + " (RFC 8446, Section 4.1.4)");
            }
            KeyShareClientHello ks = ch.extensions.find(KeyShareClientHello.class);
            if (ks == null || ks.shares.size() != 1 || !ks.shares.get(0).group.equals(choice.group)) {
                throw new TlsAlert(AlertDescription.ILLEGAL_PARAMETER, "the second ClientHello must hold exactly"
                        + " one key share, for " + choice.group + " (RFC 8446, Section 4.2.8)");
            }
            if (ch.extensions.find(EarlyData.class) != null) {
                throw new TlsAlert(AlertDescription.ILLEGAL_PARAMETER,
                        "early_data in the second ClientHello (RFC 8446, Section 4.2.10)");
            }
            Cookie echoed = ch.extensions.find(Cookie.class);
            if (cookie == null ? echoed != null : echoed == null || !Arrays.equals(cookie, echoed.cookie())) {
                throw new TlsAlert(AlertDescription.ILLEGAL_PARAMETER,
                        "the second ClientHello does not echo the HelloRetryRequest's cookie (RFC 8446, Section 4.2.2)");
            }
            cx.setSkipEarlyData(false); // the second ClientHello ends the skipping of Section 4.2.10
            PskServer.Accepted psk = PskServer.select(cx, ch, cx.received(), again.suite, again.serverName,
                    PskServer.mode(cx.config, ch), transcript);
            transcript.add(cx.received());
            return respond(cx, ch, again, transcript, true, ccsSent, psk);
        }
    }

    /**
     * ServerHello and the rest of the server's flight: EncryptedExtensions, Certificate,
     * CertificateVerify, Finished (Section 4.1.3, 4.3.1, 4.4). {@code t} already holds the ClientHello.
     * With an accepted {@code psk} (resumption, Section 2.2) the ServerHello carries pre_shared_key, the
     * key schedule starts from the PSK, a psk_ke handshake has no key share, and CertificateRequest,
     * Certificate and CertificateVerify are left out (Section 4.3.2: "Servers which are authenticating
     * with a PSK MUST NOT send the CertificateRequest message in the main handshake").
     */
    static HandshakeState respond(HandshakeContext cx, ClientHello ch, Choice choice, Transcript t, boolean retried,
            boolean ccsSent, PskServer.Accepted psk) throws TlsAlert {
        HandshakeConfig c = cx.config;
        byte[] random = c.random.nextBytes(32);
        List<Extension> shExt = new ArrayList<Extension>();
        if (psk != null) {
            shExt.add(new PreSharedKeyServerHello(psk.index)); // RFC 8448, Section 4 puts it first
        }
        byte[] shared = null;
        if (psk == null || psk.withKeyShare()) {
            byte[] peer = choice.clientShare.keyExchange();
            Groups.checkShareLength(choice.group, peer, "client");
            KeyExchange.KeyShare mine = Groups.keyExchange(choice.group).generate(c.random);
            try {
                shared = mine.agree(peer, 0, peer.length);
            } catch (CryptoException e) {
                throw new TlsAlert(AlertDescription.ILLEGAL_PARAMETER, "client key share for " + choice.group
                        + " is invalid: " + e.getMessage() + " (RFC 8446, Section 4.2.8.1-4.2.8.2)", e);
            }
            shExt.add(new KeyShareServerHello(new KeyShareEntry(choice.group, mine.publicKey())));
            mine.destroy();
        }
        shExt.add(new SupportedVersionsServerHello(ProtocolVersion.TLS13));
        cx.send(new ServerHello(ProtocolVersion.TLS12, random, ch.legacySessionId(), choice.suite.suite, 0,
                new Extensions(shExt)), t);
        if (c.middleboxCompat && !ccsSent) {
            cx.sendChangeCipherSpec(); // Appendix D.4
        }
        cx.setHashLength(choice.suite.hashLength());

        // Section 7.1: Early Secret (the PSK, or none) -> Handshake Secret -> handshake traffic secrets.
        KeySchedule13 ks = new KeySchedule13(choice.suite.newDigest());
        KeySchedule13.EarlySecret early = ks.early(psk == null ? null : psk.ticket.psk);
        KeySchedule13.HandshakeSecret hsSecret = early.handshake(shared);
        early.destroy();
        if (shared != null) {
            ConstantTime.zero(shared);
        }
        byte[] helloHash = t.hash();
        byte[] cs = hsSecret.clientHandshakeTrafficSecret(helloHash);
        byte[] ss = hsSecret.serverHandshakeTrafficSecret(helloHash);
        cx.secret(TlsListener.CLIENT_HANDSHAKE_TRAFFIC_SECRET, cs);
        cx.secret(TlsListener.SERVER_HANDSHAKE_TRAFFIC_SECRET, ss);
        TrafficSecret clientHs = new TrafficSecret(choice.suite, ks, "client handshake", cs);
        TrafficSecret serverHs = new TrafficSecret(choice.suite, ks, "server handshake", ss);
        ConstantTime.zero(cs);
        ConstantTime.zero(ss);
        cx.installWriteKeys(serverHs);
        cx.installReadKeys(clientHs);

        List<Extension> ee = new ArrayList<Extension>();
        if (c.sendServerGroups) {
            ee.add(new SupportedGroups(c.groups));
        }
        Extension rsl = RecordSizeLimits.serverAnswer(cx, ch.extensions);
        if (rsl != null) {
            ee.add(rsl);
        }
        if (choice.alpn != null) {
            ee.add(new ApplicationLayerProtocolNegotiation(
                    Collections.singletonList(choice.alpn.getBytes(StandardCharsets.UTF_8))));
        }
        if (choice.serverName != null && (psk != null || choice.certificate.matchesName(choice.serverName))) {
            ee.add(ServerName.ACKNOWLEDGEMENT); // RFC 6066, Section 3: the server used the name
        }
        if (c.extensionsHook != null) {
            ee = c.extensionsHook.rewrite(ExtensionContext.ENCRYPTED_EXTENSIONS, ee);
        }
        cx.send(new EncryptedExtensions(new Extensions(ee)), t);
        if (psk != null) {
            return finish(cx, choice, ks, hsSecret, t, clientHs, serverHs, retried, psk);
        }

        if (c.clientAuth != ClientAuth.NONE) {
            cx.send(certificateRequest(c), t);
        }

        List<CertificateEntry> entries = new ArrayList<CertificateEntry>();
        for (Certificate cert : choice.certificate.chain()) {
            entries.add(new CertificateEntry(cert.encoded(), Extensions.EMPTY));
        }
        cx.send(new org.tls4j.handshake.msg.Certificate(new byte[0], entries), t);

        byte[] content = CertificateVerifyContent.of(true, t.hash());
        byte[] signature;
        try {
            Signer signer = choice.certificate.signer(choice.scheme, c.random);
            signature = signer.sign(content);
        } catch (CryptoException e) {
            throw new TlsAlert(AlertDescription.INTERNAL_ERROR, "cannot sign CertificateVerify with "
                    + choice.scheme + ": " + e.getMessage(), e);
        }
        cx.send(new CertificateVerify(choice.scheme, signature), t);
        return finish(cx, choice, ks, hsSecret, t, clientHs, serverHs, retried, null);
    }

    /** The server's Finished and application secrets (Section 4.4.4, 7.1), then the wait for the client. */
    private static HandshakeState finish(HandshakeContext cx, Choice choice, KeySchedule13 ks,
            KeySchedule13.HandshakeSecret hsSecret, Transcript t, TrafficSecret clientHs, TrafficSecret serverHs,
            boolean retried, PskServer.Accepted psk) {
        HandshakeConfig c = cx.config;
        byte[] serverBase = serverHs.secret();
        cx.send(new Finished(ks.verifyData(serverBase, t.hash())), t);
        ConstantTime.zero(serverBase);

        // Section 7.1: application traffic secrets over ClientHello...server Finished.
        KeySchedule13.MasterSecret master = hsSecret.master();
        hsSecret.destroy();
        byte[] hash = t.hash();
        byte[] ca = master.clientApplicationTrafficSecret0(hash);
        byte[] sa = master.serverApplicationTrafficSecret0(hash);
        byte[] exp = master.exporterMasterSecret(hash);
        cx.secret(TlsListener.CLIENT_TRAFFIC_SECRET_0, ca);
        cx.secret(TlsListener.SERVER_TRAFFIC_SECRET_0, sa);
        cx.secret(TlsListener.EXPORTER_SECRET, exp);
        Exporter exporter = new Exporter(ks, exp);
        ConstantTime.zero(exp);
        TrafficSecret clientApp = new TrafficSecret(choice.suite, ks, "client application", ca);
        TrafficSecret serverApp = new TrafficSecret(choice.suite, ks, "server application", sa);
        ConstantTime.zero(ca);
        ConstantTime.zero(sa);
        serverHs.destroy();
        cx.installWriteKeys(serverApp);
        // The Master Secret stays until the client's Finished: resumption_master_secret needs it (7.1).
        Flight flight = new Flight(choice, ks, t, clientHs, clientApp, serverApp, exporter, retried, master, psk);
        if (psk != null) {
            // Resumed: the client is who it was when the ticket was issued (Section 2.2).
            return new ExpectFinished(flight, ClientIdentity.resumed(psk.ticket.clientChain, psk.proof));
        }
        if (c.clientAuth != ClientAuth.NONE) {
            return new ExpectClientCertificate(flight);
        }
        return new ExpectFinished(flight, ClientIdentity.anonymous());
    }

    /**
     * CertificateRequest (Section 4.3.2): an empty context (handshake authentication),
     * signature_algorithms with the server's schemes, and, when configured, certificate_authorities
     * with the subject names of the trust anchors (Section 4.2.4). The names' list is a 16-bit vector
     * inside the 16-bit extensions vector: when a large trust store would not fit
     * ({@link #MAX_AUTHORITIES_BYTES}), the extension is left out and the client chooses by
     * signature_algorithms alone.
     */
    private static CertificateRequest certificateRequest(HandshakeConfig c) {
        List<Extension> ext = new ArrayList<Extension>();
        ext.add(new SignatureAlgorithms(c.signatureSchemes));
        if (c.sendCertificateAuthorities && !c.trustAnchors.isEmpty()) {
            List<byte[]> names = new ArrayList<byte[]>();
            int size = 0;
            for (Certificate a : c.trustAnchors) {
                byte[] dn = a.subject().encoded();
                names.add(dn);
                size += 2 + dn.length;
            }
            if (size <= MAX_AUTHORITIES_BYTES) {
                ext.add(new CertificateAuthorities(names));
            }
        }
        return new CertificateRequest(new byte[0], new Extensions(ext));
    }

    /**
     * The largest certificate_authorities list sent: 2^16-1 less room for the other extensions of the
     * CertificateRequest (signature_algorithms is at most a few dozen schemes).
     */
    static final int MAX_AUTHORITIES_BYTES = 0xffff - 1024;

    /** What the server keeps between its flight and the client's Finished. */
    static final class Flight {
        final Choice choice;
        final KeySchedule13 schedule;
        final Transcript transcript;
        final TrafficSecret clientHandshake;
        final TrafficSecret clientApp;
        final TrafficSecret serverApp;
        final Exporter exporter;
        final boolean retried;
        final KeySchedule13.MasterSecret master;
        /** The accepted PSK of a resumed handshake, or null. */
        final PskServer.Accepted psk;

        Flight(Choice choice, KeySchedule13 schedule, Transcript transcript, TrafficSecret clientHandshake,
                TrafficSecret clientApp, TrafficSecret serverApp, Exporter exporter, boolean retried,
                KeySchedule13.MasterSecret master, PskServer.Accepted psk) {
            this.master = master;
            this.psk = psk;
            this.choice = choice;
            this.schedule = schedule;
            this.transcript = transcript;
            this.clientHandshake = clientHandshake;
            this.clientApp = clientApp;
            this.serverApp = serverApp;
            this.exporter = exporter;
            this.retried = retried;
        }

        void destroy() {
            clientHandshake.destroy();
            clientApp.destroy();
            serverApp.destroy();
            exporter.destroy();
            master.destroy();
            if (psk != null) {
                psk.destroy();
            }
        }
    }

    /**
     * Who the client proved to be: nobody (no CertificateRequest, or an empty Certificate under
     * {@link ClientAuth#OPTIONAL}), or a validated chain whose leaf key signed the transcript. Only
     * {@link #anonymous} and {@link #verified} make one, and {@link #verified} needs the signature proof.
     */
    static final class ClientIdentity {
        final List<Certificate> chain;
        final SignatureVerified proof;
        final PskAuthenticated pskProof;

        private ClientIdentity(List<Certificate> chain, SignatureVerified proof, PskAuthenticated pskProof) {
            this.chain = chain;
            this.proof = proof;
            this.pskProof = pskProof;
        }

        private ClientIdentity(List<Certificate> chain, SignatureVerified proof) {
            this(chain, proof, null);
        }

        static ClientIdentity anonymous() {
            return new ClientIdentity(Collections.<Certificate>emptyList(), null);
        }

        /**
         * A resumed client: the identity stored in the ticket (the chain verified when it was issued,
         * or none), vouched for by the PSK binder.
         */
        static ClientIdentity resumed(List<Certificate> chain, PskAuthenticated pskProof) {
            if (pskProof == null) {
                throw new IllegalArgumentException("a resumed client needs a PSK proof");
            }
            return new ClientIdentity(chain, null, pskProof);
        }

        static ClientIdentity verified(List<Certificate> chain, SignatureVerified proof) {
            if (chain.isEmpty() || proof == null) {
                throw new IllegalArgumentException("a verified client needs a chain and a signature proof");
            }
            return new ClientIdentity(chain, proof);
        }
    }

    /** Waits for the client's Certificate after a CertificateRequest (Section 4.4.2). */
    static final class ExpectClientCertificate implements HandshakeState {
        private final Flight f;

        ExpectClientCertificate(Flight f) {
            this.f = f;
        }

        @Override
        public void destroy() {
            f.destroy();
        }

        @Override
        public HandshakeState handle(HandshakeContext cx, HandshakeMessage m) throws TlsAlert {
            org.tls4j.handshake.msg.Certificate ct = cx.require(m, org.tls4j.handshake.msg.Certificate.class);
            if (ct.context().length != 0) {
                throw new TlsAlert(AlertDescription.ILLEGAL_PARAMETER, "client Certificate whose"
                        + " certificate_request_context differs from the CertificateRequest's (RFC 8446, Section 4.4.2)");
            }
            HandshakeConfig c = cx.config;
            if (ct.entries.isEmpty()) {
                // Section 4.4.2.4: "If the client does not send any certificates (i.e., it sends an empty
                // Certificate message), the server MAY at its discretion either continue the handshake
                // without client authentication, or abort the handshake with a "certificate_required" alert."
                if (c.clientAuth == ClientAuth.REQUIRED) {
                    throw new TlsAlert(AlertDescription.CERTIFICATE_REQUIRED,
                            "the client sent no certificate, and this server requires one (RFC 8446, Section 4.4.2.4)");
                }
                f.transcript.add(cx.received());
                return new ExpectFinished(f, ClientIdentity.anonymous());
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
            if (c.verifyCertificates) {
                // The client's chain must lead to a trust anchor and its leaf must allow TLS client
                // authentication (RFC 5280, Section 4.2.1.12: id-kp-clientAuth).
                ValidationPolicy policy = ValidationPolicy.defaults().withClock(c.clock).withPurpose(Purpose.CLIENT_AUTH);
                try {
                    new PathValidator(c.trustAnchors, DefaultVerifiers.INSTANCE).validate(chain, policy);
                } catch (CertificateRejectedException e) {
                    throw CertificateAlerts.toAlert(e);
                }
            }
            f.transcript.add(cx.received());
            return new ExpectClientCertificateVerify(f, chain);
        }
    }

    /** Waits for the client's CertificateVerify (Section 4.4.3, client context string). */
    static final class ExpectClientCertificateVerify implements HandshakeState {
        private final Flight f;
        private final List<Certificate> chain;

        ExpectClientCertificateVerify(Flight f, List<Certificate> chain) {
            this.f = f;
            this.chain = chain;
        }

        @Override
        public void destroy() {
            f.destroy();
        }

        @Override
        public HandshakeState handle(HandshakeContext cx, HandshakeMessage m) throws TlsAlert {
            CertificateVerify cv = cx.require(m, CertificateVerify.class);
            SignatureVerified proof = CertificateVerifyContent.verify(cx, cv, chain.get(0), false,
                    f.transcript.hash());
            f.transcript.add(cx.received());
            return new ExpectFinished(f, ClientIdentity.verified(chain, proof));
        }
    }

    /** Waits for the client's Finished (Section 4.4.4). */
    static final class ExpectFinished implements HandshakeState {
        private final Flight f;
        private final ClientIdentity client;

        ExpectFinished(Flight f, ClientIdentity client) {
            this.f = f;
            this.client = client;
        }

        @Override
        public void destroy() {
            f.destroy();
        }

        @Override
        public HandshakeState handle(HandshakeContext cx, HandshakeMessage m) throws TlsAlert {
            Finished fin = cx.require(m, Finished.class);
            byte[] base = f.clientHandshake.secret();
            FinishedVerified proof = FinishedVerified.check(f.schedule, base, f.transcript.hash(), fin);
            ConstantTime.zero(base);
            f.transcript.add(cx.received());
            f.clientHandshake.destroy();
            cx.setCcsAllowed(false);
            cx.installReadKeys(f.clientApp);
            Choice choice = f.choice;
            boolean resumed = f.psk != null;
            cx.complete(new HandshakeSummary(choice.suite.suite, resumed && !f.psk.withKeyShare() ? null : choice.group,
                    resumed ? null : choice.scheme, choice.alpn, choice.serverName, f.retried, client.chain,
                    resumed ? Collections.<Certificate>emptyList() : choice.certificate.chain(), resumed));
            // Section 4.6.1: tickets after the client's Finished, under the server's application keys.
            byte[] rms = f.master.resumptionMasterSecret(f.transcript.hash());
            f.master.destroy();
            if (f.psk != null) {
                f.psk.destroy();
            }
            PskServer.issue(cx, f.schedule, choice.suite, rms, choice.serverName, choice.alpn, client.chain);
            ConstantTime.zero(rms);
            return new Connected(proof, f.clientApp, f.serverApp, f.exporter);
        }
    }

    /** Application data flows; the only handshake message a client may send now is KeyUpdate (4.6.3). */
    static final class Connected extends Traffic.Connected {
        private final FinishedVerified finishedProof;

        Connected(FinishedVerified finishedProof, TrafficSecret read, TrafficSecret write, Exporter exporter) {
            super(read, write, exporter);
            if (finishedProof == null) {
                throw new NullPointerException("proof of the client's Finished is required");
            }
            this.finishedProof = finishedProof;
        }

        @Override
        Connected with(TrafficSecret read, TrafficSecret write) {
            return new Connected(finishedProof, read, write, exporter);
        }

        @Override
        public HandshakeState handle(HandshakeContext cx, HandshakeMessage m) throws TlsAlert {
            return receiveKeyUpdate(cx, cx.require(m, KeyUpdate.class));
        }
    }
}
