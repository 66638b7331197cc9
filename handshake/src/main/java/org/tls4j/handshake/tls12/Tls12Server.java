package org.tls4j.handshake.tls12;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.ct.ConstantTime;
import org.tls4j.crypto.dh.FfdheGroup;
import org.tls4j.crypto.kex.KeyExchange;
import org.tls4j.crypto.rsa.RsaPrivateKey;
import org.tls4j.crypto.x509.Certificate;
import org.tls4j.crypto.x509.PublicKeyInfo;
import org.tls4j.handshake.CipherSuite;
import org.tls4j.handshake.ExtensionType;
import org.tls4j.handshake.HandshakeMessage;
import org.tls4j.handshake.NamedGroup;
import org.tls4j.handshake.SignatureScheme;
import org.tls4j.handshake.ext.ApplicationLayerProtocolNegotiation;
import org.tls4j.handshake.ext.Extension;
import org.tls4j.handshake.ext.ExtensionContext;
import org.tls4j.handshake.ext.Extensions;
import org.tls4j.handshake.ext.ServerName;
import org.tls4j.handshake.ext.SignatureAlgorithms;
import org.tls4j.handshake.ext.SupportedGroups;
import org.tls4j.handshake.msg.ClientHello;
import org.tls4j.handshake.msg.Finished;
import org.tls4j.handshake.msg.ServerHello;
import org.tls4j.handshake.tls12.ext.EcPointFormats;
import org.tls4j.handshake.tls12.ext.EncryptThenMac;
import org.tls4j.handshake.tls12.ext.ExtendedMasterSecret;
import org.tls4j.handshake.tls12.ext.RenegotiationInfo;
import org.tls4j.handshake.tls12.ext.SessionTicket;
import org.tls4j.handshake.tls12.ext.StatusRequest;
import org.tls4j.handshake.tls12.ext.Tls12Extensions;
import org.tls4j.handshake.tls12.msg.Certificate12;
import org.tls4j.handshake.tls12.msg.CertificateRequest12;
import org.tls4j.handshake.tls12.msg.CertificateStatus;
import org.tls4j.handshake.tls12.msg.CertificateVerify12;
import org.tls4j.handshake.tls12.msg.DheClientKeyExchange;
import org.tls4j.handshake.tls12.msg.DheServerKeyExchange;
import org.tls4j.handshake.tls12.msg.DigitallySigned;
import org.tls4j.handshake.tls12.msg.EcdheClientKeyExchange;
import org.tls4j.handshake.tls12.msg.EcdheServerKeyExchange;
import org.tls4j.handshake.tls12.msg.RsaClientKeyExchange;
import org.tls4j.handshake.tls12.msg.ServerHelloDone;
import org.tls4j.handshake.tls12.msg.ServerKeyExchange12;
import org.tls4j.handshake.tls13.CertifiedKey;
import org.tls4j.handshake.tls13.ClientAuth;
import org.tls4j.handshake.tls13.Groups;
import org.tls4j.handshake.tls13.HandshakeConfig;
import org.tls4j.handshake.tls13.HandshakeOutput;
import org.tls4j.handshake.tls13.HandshakeSummary;
import org.tls4j.record.AlertDescription;
import org.tls4j.record.ProtocolVersion;
import org.tls4j.record.TlsAlert;

/**
 * The TLS 1.0-1.2 server (RFC 5246, Section 7.3), one state per step. {@code VersionNegotiation} read the
 * ClientHello and chose the version; this machine starts there:
 *
 * <pre>
 *        Client                                        Server
 * ClientHello                            --------&gt;  {@link #start}: ServerHello, Certificate,
 *                                                   ServerKeyExchange*, CertificateRequest*,
 *                                        &lt;--------   ServerHelloDone
 * Certificate*                           --------&gt;  {@link ExpectClientCertificate}
 * ClientKeyExchange                      --------&gt;  {@link ExpectClientKeyExchange}
 * CertificateVerify*                     --------&gt;  {@link ExpectCertificateVerify}
 * [ChangeCipherSpec]                     --------&gt;  {@link ExpectChangeCipherSpec}
 * Finished                               --------&gt;  {@link ExpectFinished}
 *                                        &lt;--------   [ChangeCipherSpec], Finished
 * Application Data                       &lt;-------&gt;  {@link Connected12}
 * </pre>
 *
 * Session resumption (by session ID or RFC 5077 ticket) and its abbreviated handshake live in
 * {@link Resume12}; {@link #start} asks it first. A renegotiating ClientHello runs through {@link #start}
 * again in a fresh context when {@link Renegotiation12} allows it, and is refused with no_renegotiation
 * otherwise.
 */
final class Tls12Server {
    private Tls12Server() {}

    /** What the server chose for this handshake. */
    static final class Choice {
        final ProtocolVersion version;
        final Suite12 suite;
        final CertifiedKey certificate;
        /** The ServerKeyExchange scheme (TLS 1.2, signing suites), else null. */
        final SignatureScheme scheme;
        /** The ECDHE curve, or the RFC 7919 group for DHE; null for RSA and a non-named DH group. */
        final NamedGroup group;
        /** The DH group for DHE. */
        final FfdheGroup dhGroup;
        final String alpn;
        final String serverName;
        final boolean ems;
        final boolean etm;
        final boolean secureRenegotiation;

        Choice(ProtocolVersion version, Suite12 suite, CertifiedKey certificate, SignatureScheme scheme, NamedGroup group,
                FfdheGroup dhGroup, String alpn, String serverName, boolean ems, boolean etm, boolean secureRenegotiation) {
            this.version = version;
            this.suite = suite;
            this.certificate = certificate;
            this.scheme = scheme;
            this.group = group;
            this.dhGroup = dhGroup;
            this.alpn = alpn;
            this.serverName = serverName;
            this.ems = ems;
            this.etm = etm;
            this.secureRenegotiation = secureRenegotiation;
        }
    }

    /** The first of our groups that the client lists and that is (or is not) an FFDHE group. */
    private static NamedGroup commonGroup(HandshakeConfig c, SupportedGroups offered, boolean ffdhe) {
        for (NamedGroup g : c.groups()) {
            KeyExchange k = Groups.keyExchange(g);
            if (k != null && (k instanceof FfdheGroup) == ffdhe && offered != null && offered.groups.contains(g)) {
                return g;
            }
        }
        return null;
    }

    /** True when the client names at least one FFDHE group (RFC 7919, Section 4). */
    private static boolean namesFfdhe(SupportedGroups offered) {
        if (offered == null) {
            return false;
        }
        for (NamedGroup g : offered.groups) {
            if (g.code >= 0x0100 && g.code <= 0x01ff) {
                return true;
            }
        }
        return false;
    }

    /**
     * Validates the ClientHello and makes the server's choices (RFC 5246, Section 7.4.1.2-7.4.1.4; RFC
     * 8422, Section 5.1; RFC 7919, Section 4; RFC 7627, Section 5.2; RFC 5746, Section 3.6; RFC 7507).
     */
    static Choice choose(Context12 cx, ClientHello ch, ProtocolVersion v) throws TlsAlert {
        HandshakeConfig c = cx.config;
        Tls12Config c12 = cx.config12;
        byte[] compression = ch.legacyCompressionMethods();
        boolean nullCompression = false;
        for (byte b : compression) {
            nullCompression |= b == 0;
        }
        if (!nullCompression) {
            throw new TlsAlert(AlertDescription.ILLEGAL_PARAMETER,
                    "the ClientHello does not offer the null compression method (RFC 5246, Section 7.4.1.2)");
        }
        // RFC 7507, Section 3: a fallback retry below our highest version is refused, TLS 1.3 included
        // (a TLS 1.3 server that a client reaches with a TLS 1.2 fallback hello must say so, not answer
        // with a downgrade-sentinel ServerHello). The client's version is the highest of
        // supported_versions when it sent one (RFC 8446, Section 4.2.1); else client_version, where a
        // value above TLS 1.2 offers TLS 1.2 (RFC 8446, Appendix D).
        ProtocolVersion offered = ch.legacyVersion.atLeast(ProtocolVersion.TLS13) ? ProtocolVersion.TLS12 : ch.legacyVersion;
        org.tls4j.handshake.ext.SupportedVersionsClientHello sv = ch.extensions == null ? null
                : ch.extensions.find(org.tls4j.handshake.ext.SupportedVersionsClientHello.class);
        if (sv != null) {
            offered = ProtocolVersion.SSL3;
            for (ProtocolVersion x : sv.versions) {
                if (x.isSsl3OrTls() && x.compareTo(offered) > 0) {
                    offered = x;
                }
            }
        }
        Scsv.checkFallback(ch.cipherSuites, offered, c12.highest());
        Extensions ext = Tls12Extensions.typed(ch.extensions == null ? Extensions.EMPTY : ch.extensions,
                ExtensionContext.CLIENT_HELLO);
        RenegotiationInfo ri = ext.find(RenegotiationInfo.class);
        boolean scsv = Scsv.contains(ch.cipherSuites, CipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV);
        Renegotiation12.checkClientHello(cx, ri, scsv);
        // RFC 5746, Section 3.6: the SCSV or the extension (a ClientHello may have no extensions at all).
        boolean secureRenegotiation = scsv || ri != null;
        cx.peerSecureRenegotiation = secureRenegotiation;
        boolean ems = ext.contains(ExtensionType.EXTENDED_MASTER_SECRET);
        if (!ems && c12.requireExtendedMasterSecret) {
            throw new TlsAlert(AlertDescription.HANDSHAKE_FAILURE,
                    "the client does not offer extended_master_secret, which this server requires (RFC 7627, Section 5.2)");
        }
        EcPointFormats pf = ext.find(EcPointFormats.class);
        if (pf != null && !pf.hasUncompressed()) {
            throw new TlsAlert(AlertDescription.ILLEGAL_PARAMETER,
                    "ec_point_formats without uncompressed (RFC 8422, Section 5.1.2)");
        }
        SupportedGroups groups = ext.find(SupportedGroups.class);
        SignatureAlgorithms sa = ext.find(SignatureAlgorithms.class);
        String host = null;
        ServerName sn = ext.find(ServerName.class);
        if (sn != null && !sn.hostNames.isEmpty()) {
            host = new String(sn.hostNames.get(0), StandardCharsets.US_ASCII);
        }
        VersionRules rules = VersionRules.of(v);
        List<Suite12> order = c12.suites;
        if (Suite12.clientPrefersChaCha20(ch.cipherSuites)) {
            order = reorderChaCha(order);
        }
        for (Suite12 s : order) {
            if (!ch.cipherSuites.contains(s.suite) || !s.allowedIn(v)) {
                continue;
            }
            NamedGroup group = null;
            FfdheGroup dh = null;
            if (s.keyExchange.isEcdhe()) {
                // RFC 8422, Section 5.1.1: without supported_groups the client supports any curve; we
                // then take our first.
                group = groups == null ? firstEc(c) : commonGroup(c, groups, false);
                if (group == null) {
                    continue;
                }
            } else if (s.keyExchange == KeyExchange12.DHE_RSA) {
                if (namesFfdhe(groups)) {
                    group = commonGroup(c, groups, true);
                    if (group == null) {
                        continue; // RFC 7919, Section 4: no common FFDHE group, so no DHE suite
                    }
                    dh = (FfdheGroup) Groups.keyExchange(group);
                } else {
                    dh = c12.serverDhGroup;
                    group = Tls12Client.namedGroupOf(dh);
                }
            }
            for (int pass = 0; pass < 2; pass++) {
                for (CertifiedKey k : c.certificates()) {
                    if (pass == 0 && (host == null || !k.matchesName(host))) {
                        continue;
                    }
                    PublicKeyInfo key = k.leaf().publicKey();
                    if (!Signatures12.keyFits(s.keyExchange, key, rules)) {
                        continue;
                    }
                    SignatureScheme scheme = null;
                    if (s.keyExchange.serverKeyExchange && rules.signatureAlgorithms) {
                        if (sa == null) {
                            // A TLS 1.2 client without signature_algorithms means SHA-1 (RFC 5246, Section
                            // 7.4.1.4.1), which tls4j does not sign with.
                            continue;
                        }
                        scheme = Signatures12.choose(c.signatureSchemes(), sa.schemes, key);
                        if (scheme == null) {
                            continue;
                        }
                    }
                    boolean etm = c12.encryptThenMac && ext.contains(ExtensionType.ENCRYPT_THEN_MAC)
                            && s.cipher.kind == BulkCipher12.Kind.BLOCK;
                    return new Choice(v, s, k, scheme, group, dh, alpn(c, ext), host, ems, etm, secureRenegotiation);
                }
            }
        }
        throw new TlsAlert(AlertDescription.HANDSHAKE_FAILURE, "no cipher suite, group and certificate in common for "
                + v + " (RFC 5246, Section 7.4.1.3)");
    }

    private static NamedGroup firstEc(HandshakeConfig c) {
        return commonGroup(c, new SupportedGroups(c.groups()), false);
    }

    private static List<Suite12> reorderChaCha(List<Suite12> order) {
        List<Suite12> enabledFirst = new ArrayList<Suite12>();
        for (Suite12 s : Suite12.defaultOrder(true)) {
            if (order.contains(s)) {
                enabledFirst.add(s);
            }
        }
        for (Suite12 s : order) {
            if (!enabledFirst.contains(s)) {
                enabledFirst.add(s);
            }
        }
        return enabledFirst;
    }

    private static String alpn(HandshakeConfig c, Extensions ext) throws TlsAlert {
        ApplicationLayerProtocolNegotiation a = ext.find(ApplicationLayerProtocolNegotiation.class);
        if (a == null || c.alpn().isEmpty()) {
            return null;
        }
        for (String p : c.alpn()) {
            for (byte[] offered : a.protocols) {
                if (Arrays.equals(offered, p.getBytes(StandardCharsets.UTF_8))) {
                    return p;
                }
            }
        }
        throw new TlsAlert(AlertDescription.NO_APPLICATION_PROTOCOL, "no ALPN protocol in common (RFC 7301, Section 3.2)");
    }

    /**
     * Answers the ClientHello ({@code encoded} exactly as received) with the server's first flight. A
     * server that also speaks TLS 1.3 ends its random with the downgrade sentinel (RFC 8446, Section
     * 4.1.3).
     */
    static State12 start(Context12 cx, ClientHello ch, byte[] encoded, ProtocolVersion v) throws TlsAlert {
        HandshakeConfig c = cx.config;
        cx.version(v);
        cx.setClientRandom(ch.random());
        cx.setReceived(encoded);
        Choice ch0 = choose(cx, ch, v);
        cx.addReceived();
        cx.keyExchange = ch0.suite.keyExchange;

        byte[] random = c.random().nextBytes(32);
        if (cx.config12.tls13) {
            byte[] down = {0x44, 0x4F, 0x57, 0x4E, 0x47, 0x52, 0x44, (byte) (v.equals(ProtocolVersion.TLS12) ? 1 : 0)};
            System.arraycopy(down, 0, random, 24, 8);
        }
        State12 resumed = Resume12.serverTryResume(cx, ch, ch0, random);
        if (resumed != null) {
            return resumed;
        }
        List<Extension> ext = new ArrayList<Extension>();
        if (ch0.secureRenegotiation) {
            ext.add(Renegotiation12.serverHelloInfo(cx));
        }
        if (ch0.ems) {
            ext.add(ExtendedMasterSecret.INSTANCE);
        }
        if (ch0.etm) {
            ext.add(EncryptThenMac.INSTANCE);
        }
        if (ch0.suite.keyExchange.isEcdhe() && ch.extensions != null
                && ch.extensions.contains(ExtensionType.EC_POINT_FORMATS)) {
            ext.add(EcPointFormats.UNCOMPRESSED_ONLY);
        }
        if (ch0.alpn != null) {
            ext.add(new ApplicationLayerProtocolNegotiation(
                    Collections.singletonList(ch0.alpn.getBytes(StandardCharsets.UTF_8))));
        }
        org.tls4j.handshake.ext.RecordSizeLimit offeredRsl = RecordSizeLimit12.find(ch.extensions);
        int ownRsl = c.recordSizeLimit();
        if (offeredRsl != null && ownRsl != 0) {
            // RFC 8449, Section 4: answer an offer with our own limit; each side then obeys the other's.
            ext.add(new org.tls4j.handshake.ext.RecordSizeLimit(RecordSizeLimit12.clamp(ownRsl)));
        }
        // RFC 8449, Section 5: record_size_limit, when answered, takes precedence over max_fragment_length.
        org.tls4j.handshake.tls12.ext.MaxFragmentLength mfl = offeredRsl != null && ownRsl != 0 ? null
                : MaxFragmentLength12.requested(ch.extensions);
        if (mfl != null) {
            ext.add(mfl); // RFC 6066, Section 4: echo the requested value
        }
        if (cx.config12.ocspResponse != null && ocspRequested(ch)) {
            ext.add(StatusRequest.SERVER); // RFC 6066, Section 8: empty, then CertificateStatus
        }
        if (Resume12.offersTicket(cx, ch)) {
            ext.add(SessionTicket.EMPTY); // RFC 5077, Section 3.2: a NewSessionTicket will follow
        }
        if (ch0.serverName != null && ch0.certificate.matchesName(ch0.serverName)) {
            ext.add(ServerName.ACKNOWLEDGEMENT); // RFC 6066, Section 3: the name was used
        }
        Tls12Config.Hooks hooks = cx.config12.hooks;
        Extensions sent = new Extensions(hooks.serverHelloExtensions(ext));
        ServerHello sh = new ServerHello(v, random, Resume12.newSessionId(cx), ch0.suite.suite, 0, sent);
        Resume12.ticketAcknowledged(cx, sent);
        cx.send(sh);
        if (sent.contains(ExtensionType.RECORD_SIZE_LIMIT)) {
            cx.output(HandshakeOutput.For12.recordSizeLimit(RecordSizeLimit12.clamp(offeredRsl.limit),
                    RecordSizeLimit12.clamp(ownRsl)));
        }
        if (mfl != null && sent.contains(ExtensionType.MAX_FRAGMENT_LENGTH)) {
            cx.output(HandshakeOutput.For12.recordSizeLimit(mfl.bytes(), mfl.bytes()));
        }
        // What was sent is what was negotiated (so that a test hook that drops an extension behaves like
        // a server without it).
        boolean ems = sent.contains(ExtensionType.EXTENDED_MASTER_SECRET);
        boolean etm = sent.contains(ExtensionType.ENCRYPT_THEN_MAC);

        List<byte[]> ders = new ArrayList<byte[]>();
        for (Certificate cert : ch0.certificate.chain()) {
            ders.add(cert.encoded());
        }
        cx.send(new Certificate12(cx.config12.hooks.serverCertificates(ders)));
        if (sent.contains(ExtensionType.STATUS_REQUEST)) {
            // RFC 6066, Section 8: CertificateStatus right after Certificate.
            cx.send(new CertificateStatus(cx.config12.ocspResponse));
        }

        KeyExchange.KeyShare share = null;
        if (ch0.suite.keyExchange.serverKeyExchange) {
            KeyExchange kex = ch0.dhGroup != null ? ch0.dhGroup : Groups.keyExchange(ch0.group);
            share = kex.generate(c.random());
            byte[] pub = hooks.keyExchangePublic(share.publicKey());
            ServerKeyExchange12 unsigned = ch0.dhGroup != null
                    ? new DheServerKeyExchange(unsigned(ch0.dhGroup.prime()), unsigned(ch0.dhGroup.generator()), pub, null)
                    : new EcdheServerKeyExchange(ch0.group, pub, null);
            byte[] content = unsigned.signedContent(ch.random(), random);
            byte[] sig = hooks.serverKeyExchangeSignature(Signatures12.sign(cx.rules, ch0.certificate, ch0.scheme, content, c.random()));
            DigitallySigned ds = new DigitallySigned(ch0.scheme, sig);
            cx.send(ch0.dhGroup != null
                    ? new DheServerKeyExchange(unsigned(ch0.dhGroup.prime()), unsigned(ch0.dhGroup.generator()), pub, ds)
                    : new EcdheServerKeyExchange(ch0.group, pub, ds));
        }
        if (c.clientAuth() != ClientAuth.NONE) {
            cx.send(certificateRequest(c, cx.rules));
        }
        cx.send(ServerHelloDone.INSTANCE);
        Pending p = new Pending(ch0, ch, random, share, ems, etm);
        return c.clientAuth() != ClientAuth.NONE ? new ExpectClientCertificate(p) : new ExpectClientKeyExchange(p, null);
    }

    /** True when the ClientHello asks for an OCSP status (status_request with status_type ocsp). */
    private static boolean ocspRequested(ClientHello ch) throws TlsAlert {
        if (ch.extensions == null) {
            return false;
        }
        Extensions typed = Tls12Extensions.typed(ch.extensions, ExtensionContext.CLIENT_HELLO);
        StatusRequest sr = typed.find(StatusRequest.class);
        return sr != null && !sr.isServerForm();
    }

    private static byte[] unsigned(java.math.BigInteger v) {
        byte[] b = v.toByteArray();
        return b[0] == 0 && b.length > 1 ? Arrays.copyOfRange(b, 1, b.length) : b;
    }

    /** CertificateRequest (RFC 5246, Section 7.4.4): rsa_sign and ecdsa_sign, our schemes, our anchors' names. */
    private static CertificateRequest12 certificateRequest(HandshakeConfig c, VersionRules rules) {
        List<SignatureScheme> schemes = null;
        if (rules.signatureAlgorithms) {
            schemes = new ArrayList<SignatureScheme>();
            for (SignatureScheme s : c.signatureSchemes()) {
                if (Signatures12.algorithm(s) != null) {
                    schemes.add(s);
                }
            }
        }
        List<byte[]> names = new ArrayList<byte[]>();
        if (c.sendCertificateAuthorities()) {
            int size = 0;
            for (Certificate a : c.trustAnchors()) {
                byte[] dn = a.subject().encoded();
                size += 2 + dn.length;
                names.add(dn);
            }
            if (size > 0xffff - 1024) {
                names.clear();
            }
        }
        return new CertificateRequest12(new byte[] {CertificateRequest12.RSA_SIGN, (byte) CertificateRequest12.ECDSA_SIGN},
                schemes, names);
    }

    /** What the server keeps from its first flight. */
    static final class Pending {
        final Choice choice;
        final ClientHello clientHello;
        final byte[] serverRandom;
        /** Our (EC)DHE key, or null for RSA key transport. */
        final KeyExchange.KeyShare share;
        final boolean ems;
        final boolean etm;

        Pending(Choice choice, ClientHello clientHello, byte[] serverRandom, KeyExchange.KeyShare share, boolean ems,
                boolean etm) {
            this.choice = choice;
            this.clientHello = clientHello;
            this.serverRandom = serverRandom;
            this.share = share;
            this.ems = ems;
            this.etm = etm;
        }

        void destroy() {
            if (share != null) {
                share.destroy();
            }
        }
    }

    /** Waits for the client's Certificate (RFC 5246, Section 7.4.6). */
    static final class ExpectClientCertificate implements State12 {
        private final Pending p;

        ExpectClientCertificate(Pending p) {
            this.p = p;
        }

        @Override
        public void destroy() {
            p.destroy();
        }

        @Override
        public State12 handle(Context12 cx, HandshakeMessage m) throws TlsAlert {
            Certificate12 ct = cx.require(m, Certificate12.class);
            if (ct.certificates().isEmpty()) {
                if (cx.config.clientAuth() == ClientAuth.REQUIRED) {
                    // RFC 5246, Section 7.4.6: "the server MAY at its discretion ... respond with a fatal
                    // handshake_failure alert".
                    throw new TlsAlert(AlertDescription.HANDSHAKE_FAILURE,
                            "the client sent no certificate and one is required (RFC 5246, Section 7.4.6)");
                }
                cx.addReceived();
                return new ExpectClientKeyExchange(p, null);
            }
            List<Certificate> chain = Peer12.chain(cx.config, ct, false);
            cx.addReceived();
            return new ExpectClientKeyExchange(p, chain);
        }
    }

    /** Waits for ClientKeyExchange (RFC 5246, Section 7.4.7) and derives the keys. */
    static final class ExpectClientKeyExchange implements State12 {
        private final Pending p;
        private final List<Certificate> clientChain;

        ExpectClientKeyExchange(Pending p, List<Certificate> clientChain) {
            this.p = p;
            this.clientChain = clientChain;
        }

        @Override
        public void destroy() {
            p.destroy();
        }

        @Override
        public State12 handle(Context12 cx, HandshakeMessage m) throws TlsAlert {
            Choice choice = p.choice;
            byte[] premaster;
            if (choice.suite.keyExchange == KeyExchange12.RSA) {
                RsaClientKeyExchange rke = cx.require(m, RsaClientKeyExchange.class);
                RsaPrivateKey key = choice.certificate.privateKey().rsaPrivateKey();
                try {
                    // RFC 5246, Section 7.4.7.1: every failure yields a random premaster, silently; the
                    // handshake then fails at the client's Finished, the same way for every cause.
                    premaster = RsaPremaster.decrypt(key, rke.encrypted(), p.clientHello.legacyVersion, cx.config.random());
                } catch (CryptoException e) {
                    throw new TlsAlert(AlertDescription.INTERNAL_ERROR, "RSA private key unusable: " + e.getMessage(), e);
                }
            } else {
                byte[] peer;
                if (choice.suite.keyExchange == KeyExchange12.DHE_RSA) {
                    peer = cx.require(m, DheClientKeyExchange.class).yc();
                } else {
                    peer = cx.require(m, EcdheClientKeyExchange.class).point();
                    if (peer.length != p.share.group().publicKeyLength()) {
                        throw new TlsAlert(AlertDescription.ILLEGAL_PARAMETER, "the client's " + choice.group
                                + " point has the wrong length (RFC 8422, Section 5.7)");
                    }
                }
                byte[] shared;
                try {
                    shared = p.share.agree(peer, 0, peer.length);
                } catch (CryptoException e) {
                    throw new TlsAlert(AlertDescription.ILLEGAL_PARAMETER, "the client's key exchange value is invalid: "
                            + e.getMessage() + " (RFC 8422, Section 5.7; RFC 7919, Section 5.1)", e);
                } finally {
                    p.share.destroy();
                }
                premaster = choice.dhGroup != null ? Tls12Client.stripLeadingZeros(shared) : shared;
                if (premaster != shared) {
                    ConstantTime.zero(shared);
                }
            }
            cx.addReceived();
            Keys12 keys = Keys12.derive(cx, choice.suite, premaster, p.clientHello.random(), p.serverRandom,
                    p.ems, p.etm, cx.config.random());
            ConstantTime.zero(premaster);
            List<Certificate> peerChain = clientChain == null ? Collections.<Certificate>emptyList() : clientChain;
            HandshakeSummary summary = HandshakeSummary.tls12(choice.version, choice.suite.suite, choice.group,
                    choice.scheme, choice.alpn, choice.serverName, peerChain, choice.certificate.chain());
            if (clientChain != null) {
                return new ExpectCertificateVerify(keys, summary, clientChain);
            }
            return new ExpectChangeCipherSpec(keys, summary);
        }
    }

    /** Waits for the client's CertificateVerify (RFC 5246, Section 7.4.8). */
    static final class ExpectCertificateVerify implements State12 {
        private final Keys12 keys;
        private final HandshakeSummary summary;
        private final List<Certificate> clientChain;

        ExpectCertificateVerify(Keys12 keys, HandshakeSummary summary, List<Certificate> clientChain) {
            this.keys = keys;
            this.summary = summary;
            this.clientChain = clientChain;
        }

        @Override
        public void destroy() {
            keys.destroy();
        }

        @Override
        public State12 handle(Context12 cx, HandshakeMessage m) throws TlsAlert {
            CertificateVerify12 cv = cx.require(m, CertificateVerify12.class);
            Signatures12.verify(cx.rules, cx.config.signatureSchemes(), cv.signed.algorithm, clientChain.get(0).publicKey(),
                    cx.transcript(), cv.signed.signature(), "client CertificateVerify");
            cx.addReceived();
            return new ExpectChangeCipherSpec(keys, summary);
        }
    }

    /** Waits for the client's ChangeCipherSpec (RFC 5246, Section 7.1). */
    static final class ExpectChangeCipherSpec implements State12 {
        private final Keys12 keys;
        private final HandshakeSummary summary;

        ExpectChangeCipherSpec(Keys12 keys, HandshakeSummary summary) {
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
                    + " where the client's ChangeCipherSpec was expected (RFC 5246, Section 7.1)");
        }

        @Override
        public State12 changeCipherSpec(Context12 cx) throws TlsAlert {
            cx.output(HandshakeOutput.For12.readProtection(keys.takeClientWrite()));
            return new ExpectFinished(keys, summary);
        }
    }

    /** Waits for the client's Finished, then sends the server's ChangeCipherSpec and Finished. */
    static final class ExpectFinished implements State12 {
        private final Keys12 keys;
        private final HandshakeSummary summary;

        ExpectFinished(Keys12 keys, HandshakeSummary summary) {
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
            Resume12.serverSessionEstablished(cx, keys, summary);
            cx.output(HandshakeOutput.For12.changeCipherSpec());
            cx.output(HandshakeOutput.For12.writeProtection(keys.takeServerWrite()));
            byte[] mine = cx.config12.hooks.finished(keys.finished(false, cx.transcript()));
            cx.serverVerifyData = mine.clone();
            cx.send(new Finished(mine));
            cx.complete(summary);
            return new Connected12(keys, proof, false);
        }
    }
}
