package org.tls4j.handshake.tls12;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.ct.ConstantTime;
import org.tls4j.crypto.dh.FfdheGroup;
import org.tls4j.crypto.kex.KeyExchange;
import org.tls4j.crypto.rsa.RsaPkcs1Encryption;
import org.tls4j.crypto.rsa.RsaPublicKey;
import org.tls4j.crypto.x509.Certificate;
import org.tls4j.crypto.x509.PublicKeyInfo;
import org.tls4j.handshake.ExtensionType;
import org.tls4j.handshake.HandshakeMessage;
import org.tls4j.handshake.NamedGroup;
import org.tls4j.handshake.SignatureScheme;
import org.tls4j.handshake.ext.ApplicationLayerProtocolNegotiation;
import org.tls4j.handshake.ext.Extension;
import org.tls4j.handshake.ext.ExtensionContext;
import org.tls4j.handshake.ext.Extensions;
import org.tls4j.handshake.ext.SupportedGroups;
import org.tls4j.handshake.msg.ClientHello;
import org.tls4j.handshake.msg.Finished;
import org.tls4j.handshake.msg.ServerHello;
import org.tls4j.handshake.tls12.ext.EcPointFormats;
import org.tls4j.handshake.tls12.ext.RenegotiationInfo;
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
import org.tls4j.handshake.tls12.msg.HelloRequest;
import org.tls4j.handshake.tls12.msg.RsaClientKeyExchange;
import org.tls4j.handshake.tls12.msg.ServerHelloDone;
import org.tls4j.handshake.tls12.msg.ServerKeyExchange12;
import org.tls4j.handshake.tls13.CertifiedKey;
import org.tls4j.handshake.tls13.Groups;
import org.tls4j.handshake.tls13.HandshakeConfig;
import org.tls4j.handshake.tls13.HandshakeOutput;
import org.tls4j.handshake.tls13.HandshakeSummary;
import org.tls4j.record.AlertDescription;
import org.tls4j.record.ProtocolVersion;
import org.tls4j.record.TlsAlert;

/**
 * The TLS 1.0-1.2 client (RFC 5246, Section 7.3; RFC 4346; RFC 2246), one state per step. The
 * ClientHello was built and sent by {@code Tls13Client} (one ClientHello offers every enabled version);
 * this machine starts at the ServerHello that picked an older version:
 *
 * <pre>
 *        Client                                        Server
 * (ClientHello, sent by Tls13Client)     --------&gt;
 * {@link #afterServerHello}                     &lt;--------   ServerHello
 * {@link ExpectCertificate}                     &lt;--------   Certificate
 * {@link ExpectCertificateStatus}               &lt;--------   CertificateStatus (if status_request answered)
 * {@link ExpectServerKeyExchange}               &lt;--------   ServerKeyExchange (ECDHE, DHE)
 * {@link ExpectHelloDone}                       &lt;--------   CertificateRequest*, ServerHelloDone
 *        Certificate*, ClientKeyExchange, CertificateVerify*,
 *        [ChangeCipherSpec], Finished     --------&gt;
 * {@link ExpectChangeCipherSpec}                &lt;--------   [ChangeCipherSpec]
 * {@link ExpectFinished}                        &lt;--------   Finished
 * {@link Connected12}                           &lt;-------&gt;  Application Data
 * </pre>
 *
 * Each state holds what the next steps need in final fields; {@link Negotiated} bundles what ServerHello
 * fixed. Session resumption (by session ID or RFC 5077 ticket) is in {@link Resume12}; a server that
 * resumes a session that was not offered is refused. A HelloRequest starts a renegotiation when the
 * policy and the server's RFC 5746 support allow it ({@link Renegotiation12}: a new ClientHello, then
 * these same states from {@link Renegotiation12.ExpectServerHello}); otherwise it gets a no_renegotiation
 * warning (RFC 5746, Section 4.5 and RFC 5246, Section 7.4.1.1).
 */
final class Tls12Client {
    private Tls12Client() {}

    /** What ServerHello fixed, shared by every later state. */
    static final class Negotiated {
        final ProtocolVersion version;
        final Suite12 suite;
        final ClientHello clientHello;
        final byte[] clientRandom;
        final byte[] serverRandom;
        final boolean extendedMasterSecret;
        final boolean encryptThenMac;
        final String alpn;
        /** The server answered status_request: a CertificateStatus may follow Certificate (RFC 6066, Section 8). */
        final boolean statusRequested;

        Negotiated(ProtocolVersion version, Suite12 suite, ClientHello clientHello, byte[] serverRandom, boolean ems,
                boolean etm, String alpn, boolean statusRequested) {
            this.statusRequested = statusRequested;
            this.version = version;
            this.suite = suite;
            this.clientHello = clientHello;
            this.clientRandom = clientHello.random();
            this.serverRandom = serverRandom;
            this.extendedMasterSecret = ems;
            this.encryptThenMac = etm;
            this.alpn = alpn;
        }
    }

    /**
     * Handles the ServerHello that chose TLS 1.0-1.2 (RFC 5246, Section 7.4.1.3): version, suite,
     * compression and extensions must be ones the ClientHello offered; extended_master_secret must be
     * there unless the policy allows its absence (RFC 7627, Section 5.3: handshake_failure);
     * renegotiation_info, when present, must be empty (RFC 5746, Section 3.4: handshake_failure).
     */
    static State12 afterServerHello(Context12 cx, ClientHello ch, ServerHello sh, byte[] serverHelloEncoded)
            throws TlsAlert {
        HandshakeConfig c = cx.config;
        Tls12Config c12 = cx.config12;
        cx.setClientRandom(ch.random());
        cx.addToTranscript(ch.encode());
        cx.addToTranscript(serverHelloEncoded);
        ProtocolVersion v = sh.legacyVersion;
        if (!c12.versions.contains(v)) {
            throw new TlsAlert(AlertDescription.PROTOCOL_VERSION,
                    "the server chose " + v + ", which is not enabled (RFC 5246, Appendix E.1)");
        }
        cx.version(v);
        // RFC 8446, Section 4.1.3: "TLS 1.2 clients SHOULD also check that the last 8 bytes are not equal
        // to the second value if the ServerHello indicates TLS 1.1 or below."
        if (c12.versions.get(0).equals(ProtocolVersion.TLS12) && !v.atLeast(ProtocolVersion.TLS12)
                && sh.downgradeSentinel() == 11) {
            throw new TlsAlert(AlertDescription.ILLEGAL_PARAMETER,
                    "ServerHello random carries the TLS 1.1 downgrade sentinel (RFC 8446, Section 4.1.3)");
        }
        Suite12 suite = Suite12.of(sh.cipherSuite);
        if (suite == null || !ch.cipherSuites.contains(sh.cipherSuite) || !c12.suites.contains(suite)
                || !suite.allowedIn(v)) {
            throw new TlsAlert(AlertDescription.ILLEGAL_PARAMETER, "the server chose " + sh.cipherSuite
                    + ", which was not offered for " + v + " (RFC 5246, Section 7.4.1.3)");
        }
        if (sh.legacyCompressionMethod != 0) {
            throw new TlsAlert(AlertDescription.ILLEGAL_PARAMETER,
                    "compression method " + sh.legacyCompressionMethod + " was not offered (RFC 5246, Section 7.4.1.3)");
        }
        byte[] sid = sh.legacySessionIdEcho();
        if (sid.length > 0 && Arrays.equals(sid, ch.legacySessionId()) && cx.resumption.offered == null) {
            throw new TlsAlert(AlertDescription.ILLEGAL_PARAMETER,
                    "the server resumes a session the client never had (RFC 5246, Section 7.4.1.3)");
        }
        Extensions ext = Tls12Extensions.typed(sh.extensions == null ? Extensions.EMPTY : sh.extensions,
                ExtensionContext.SERVER_HELLO);
        Set<ExtensionType> sent = new HashSet<ExtensionType>();
        for (Extension e : ch.extensions.list()) {
            sent.add(e.type());
        }
        for (Extension e : ext.list()) {
            // RFC 5246, Section 7.4.1.4: a server extension the client did not request is unsupported_extension.
            if (!sent.contains(e.type())) {
                throw new TlsAlert(AlertDescription.UNSUPPORTED_EXTENSION, "ServerHello carries " + e.type()
                        + ", which the ClientHello did not offer (RFC 5246, Section 7.4.1.4)");
            }
        }
        Renegotiation12.checkServerHello(cx, ext.find(RenegotiationInfo.class));
        boolean ems = ext.contains(ExtensionType.EXTENDED_MASTER_SECRET);
        if (!ems && c12.requireExtendedMasterSecret) {
            throw new TlsAlert(AlertDescription.HANDSHAKE_FAILURE,
                    "the server does not support extended_master_secret, which this client requires (RFC 7627, Section 5.3)");
        }
        boolean etm = ext.contains(ExtensionType.ENCRYPT_THEN_MAC);
        if (etm && suite.cipher.kind != BulkCipher12.Kind.BLOCK) {
            throw new TlsAlert(AlertDescription.ILLEGAL_PARAMETER,
                    "encrypt_then_mac with the non-CBC suite " + suite + " (RFC 7366, Section 3)");
        }
        EcPointFormats pf = ext.find(EcPointFormats.class);
        if (pf != null && !pf.hasUncompressed()) {
            throw new TlsAlert(AlertDescription.ILLEGAL_PARAMETER,
                    "ec_point_formats without uncompressed (RFC 8422, Section 5.2)");
        }
        String alpn = null;
        ApplicationLayerProtocolNegotiation a = ext.find(ApplicationLayerProtocolNegotiation.class);
        if (a != null) {
            if (a.protocols.size() != 1) {
                throw new TlsAlert(AlertDescription.ILLEGAL_PARAMETER,
                        "the server's ALPN extension names " + a.protocols.size() + " protocols (RFC 7301, Section 3.1)");
            }
            alpn = new String(a.protocols.get(0), StandardCharsets.UTF_8);
            if (!c.alpn().contains(alpn)) {
                throw new TlsAlert(AlertDescription.ILLEGAL_PARAMETER, "the server selected ALPN protocol \""
                        + alpn + "\", which was not offered (RFC 7301, Section 3.2)");
            }
        }
        // RFC 8449: the server's answer caps the records we send; ours is what the ClientHello offered.
        org.tls4j.handshake.ext.RecordSizeLimit rsl = RecordSizeLimit12.find(ext);
        if (rsl != null) {
            org.tls4j.handshake.ext.RecordSizeLimit mine = RecordSizeLimit12.find(ch.extensions);
            cx.output(HandshakeOutput.For12.recordSizeLimit(RecordSizeLimit12.clamp(rsl.limit),
                    RecordSizeLimit12.clamp(mine.limit)));
        }
        MaxFragmentLength12.clientAccept(cx, ch.extensions, ext, rsl != null);
        cx.keyExchange = suite.keyExchange;
        Negotiated n = new Negotiated(v, suite, ch, sh.random(), ems, etm, alpn, ext.contains(ExtensionType.STATUS_REQUEST));
        State12 resumed = Resume12.clientAfterServerHello(cx, ch, sh, n, ext);
        return resumed != null ? resumed : new ExpectCertificate(n);
    }

    /** Waits for the server's Certificate (RFC 5246, Section 7.4.2). */
    static final class ExpectCertificate implements State12 {
        private final Negotiated n;

        ExpectCertificate(Negotiated n) {
            this.n = n;
        }

        @Override
        public State12 handle(Context12 cx, HandshakeMessage m) throws TlsAlert {
            Certificate12 ct = cx.require(m, Certificate12.class);
            if (ct.certificates().isEmpty()) {
                throw new TlsAlert(AlertDescription.DECODE_ERROR, "the server sent an empty Certificate (RFC 5246, Section 7.4.2)");
            }
            List<Certificate> chain = Peer12.chain(cx.config, ct, true);
            Renegotiation12.checkServerCertificate(cx, chain);
            if (!Signatures12.keyFits(n.suite.keyExchange, chain.get(0).publicKey(), cx.rules)) {
                throw new TlsAlert(AlertDescription.UNSUPPORTED_CERTIFICATE, "the server's " + chain.get(0).publicKey().type()
                        + " key does not fit " + n.suite + " (RFC 5246, Section 7.4.2)");
            }
            cx.addReceived();
            State12 next = afterCertificate(n, chain, null);
            return n.statusRequested ? new ExpectCertificateStatus(n, chain) : next;
        }
    }

    /** The state after Certificate (and CertificateStatus, whose response {@code ocsp} is kept, or null). */
    static State12 afterCertificate(Negotiated n, List<Certificate> chain, byte[] ocsp) {
        if (n.suite.keyExchange.serverKeyExchange) {
            return new ExpectServerKeyExchange(n, chain, ocsp);
        }
        return new ExpectHelloDone(n, chain, null, null, null, null, null, ocsp);
    }

    /**
     * After Certificate, when the server answered status_request: CertificateStatus with the OCSP response
     * (kept for {@code TlsSession.ocspResponse}, not validated), or, since "a server MAY also choose not to
     * send a CertificateStatus message" (RFC 6066, Section 8), directly the next message.
     */
    static final class ExpectCertificateStatus implements State12 {
        private final Negotiated n;
        private final List<Certificate> chain;

        ExpectCertificateStatus(Negotiated n, List<Certificate> chain) {
            this.n = n;
            this.chain = chain;
        }

        @Override
        public State12 handle(Context12 cx, HandshakeMessage m) throws TlsAlert {
            if (m instanceof CertificateStatus) {
                cx.addReceived();
                return afterCertificate(n, chain, ((CertificateStatus) m).ocspResponse());
            }
            return afterCertificate(n, chain, null).handle(cx, m);
        }
    }

    /** Waits for ServerKeyExchange (RFC 5246, Section 7.4.3; RFC 8422, Section 5.4). */
    static final class ExpectServerKeyExchange implements State12 {
        private final Negotiated n;
        private final List<Certificate> chain;
        private final byte[] ocsp;

        ExpectServerKeyExchange(Negotiated n, List<Certificate> chain, byte[] ocsp) {
            this.n = n;
            this.chain = chain;
            this.ocsp = ocsp;
        }

        @Override
        public State12 handle(Context12 cx, HandshakeMessage m) throws TlsAlert {
            ServerKeyExchange12 ske = cx.require(m, ServerKeyExchange12.class);
            PublicKeyInfo key = chain.get(0).publicKey();
            DigitallySigned sig = ske.signature();
            // Verify before using anything in the parameters.
            Signatures12.verify(cx.rules, cx.config.signatureSchemes(), sig.algorithm, key,
                    ske.signedContent(n.clientRandom, n.serverRandom), sig.signature(), "ServerKeyExchange");
            cx.addReceived();
            KeyExchange kex;
            NamedGroup group = null;
            byte[] peer;
            if (ske instanceof EcdheServerKeyExchange) {
                EcdheServerKeyExchange e = (EcdheServerKeyExchange) ske;
                group = e.group;
                SupportedGroups offered = n.clientHello.extensions.find(SupportedGroups.class);
                kex = Groups.keyExchange(group);
                if (kex == null || kex instanceof FfdheGroup || offered == null || !offered.groups.contains(group)) {
                    throw new TlsAlert(AlertDescription.ILLEGAL_PARAMETER, "ServerKeyExchange names the curve " + group
                            + ", which was not offered (RFC 8422, Section 5.4)");
                }
                peer = e.point();
                if (peer.length != kex.publicKeyLength()) {
                    throw new TlsAlert(AlertDescription.ILLEGAL_PARAMETER, "the server's " + group + " point is "
                            + peer.length + " bytes, not " + kex.publicKeyLength() + " (uncompressed; RFC 8422, Section 5.4)");
                }
            } else {
                DheServerKeyExchange d = (DheServerKeyExchange) ske;
                FfdheGroup g = dhGroup(cx, d.p(), d.g());
                kex = g;
                group = namedGroupOf(g);
                peer = d.ys();
            }
            KeyExchange.KeyShare mine = kex.generate(cx.config.random());
            byte[] myPublic = mine.publicKey();
            byte[] shared;
            try {
                shared = mine.agree(peer, 0, peer.length);
            } catch (CryptoException e) {
                throw new TlsAlert(AlertDescription.ILLEGAL_PARAMETER, "the server's " + kex.name()
                        + " public value is invalid: " + e.getMessage() + " (RFC 8422, Section 5.4; RFC 7919, Section 5.1)", e);
            } finally {
                mine.destroy();
            }
            byte[] premaster = kex instanceof FfdheGroup ? stripLeadingZeros(shared) : shared;
            if (premaster != shared) {
                ConstantTime.zero(shared);
            }
            return new ExpectHelloDone(n, chain, premaster, myPublic, group, sig.algorithm, null, ocsp);
        }
    }

    /**
     * The server's DH group: an RFC 7919 group when p and g are one, else a server-chosen group, which
     * must have a prime of at least {@link Tls12Config#minDhBits} bits (insufficient_security, the alert
     * RFC 7919, Section 4 names for a group the client finds too weak).
     */
    static FfdheGroup dhGroup(Context12 cx, byte[] p, byte[] g) throws TlsAlert {
        BigInteger pi = new BigInteger(1, p);
        BigInteger gi = new BigInteger(1, g);
        for (NamedGroup ng : cx.config.groups()) {
            KeyExchange k = Groups.keyExchange(ng);
            if (k instanceof FfdheGroup && ((FfdheGroup) k).prime().equals(pi) && ((FfdheGroup) k).generator().equals(gi)) {
                return (FfdheGroup) k;
            }
        }
        if (pi.bitLength() < cx.config12.minDhBits) {
            throw new TlsAlert(AlertDescription.INSUFFICIENT_SECURITY, "the server's DH prime has " + pi.bitLength()
                    + " bits, below the minimum of " + cx.config12.minDhBits + " (RFC 7919, Section 4; Logjam)");
        }
        try {
            return FfdheGroup.custom(p, g, cx.config12.minDhBits, FfdheGroup.DEFAULT_MAX_BITS);
        } catch (CryptoException e) {
            throw new TlsAlert(AlertDescription.ILLEGAL_PARAMETER, "the server's DH group is invalid: " + e.getMessage(), e);
        }
    }

    /** The RFC 7919 name of {@code g}, or null for a server-chosen group. */
    static NamedGroup namedGroupOf(FfdheGroup g) {
        for (NamedGroup ng : new NamedGroup[] {NamedGroup.FFDHE2048, NamedGroup.FFDHE3072, NamedGroup.FFDHE4096,
            NamedGroup.FFDHE6144, NamedGroup.FFDHE8192}) {
            if (Groups.keyExchange(ng) == g) {
                return ng;
            }
        }
        return null;
    }

    /** "Leading bytes of Z that contain all zero bits are stripped before it is used as the pre_master_secret" (RFC 5246, Section 8.1.2). */
    static byte[] stripLeadingZeros(byte[] z) {
        // The number of leading zeros of a DH secret leaks at most a few bits, and RFC 5246 requires the
        // stripping; RFC 7919 notes this (Raccoon attack, 2020, is why TLS 1.3 keeps them).
        int i = 0;
        while (i < z.length - 1 && z[i] == 0) {
            i++;
        }
        return i == 0 ? z : Arrays.copyOfRange(z, i, z.length);
    }

    /** Waits for CertificateRequest (optional, once) and ServerHelloDone, then sends the client's flight. */
    static final class ExpectHelloDone implements State12 {
        private final Negotiated n;
        private final List<Certificate> chain;
        /** The (EC)DHE premaster secret, or null for RSA key transport. */
        private final byte[] premaster;
        private final byte[] myPublic;
        private final NamedGroup group;
        private final SignatureScheme serverScheme;
        private final CertificateRequest12 request;
        private final byte[] ocsp;

        ExpectHelloDone(Negotiated n, List<Certificate> chain, byte[] premaster, byte[] myPublic, NamedGroup group,
                SignatureScheme serverScheme, CertificateRequest12 request, byte[] ocsp) {
            this.ocsp = ocsp;
            this.n = n;
            this.chain = chain;
            this.premaster = premaster;
            this.myPublic = myPublic;
            this.group = group;
            this.serverScheme = serverScheme;
            this.request = request;
        }

        @Override
        public void destroy() {
            if (premaster != null) {
                ConstantTime.zero(premaster);
            }
        }

        @Override
        public State12 handle(Context12 cx, HandshakeMessage m) throws TlsAlert {
            if (m instanceof CertificateRequest12 && request == null) {
                cx.addReceived();
                return new ExpectHelloDone(n, chain, premaster, myPublic, group, serverScheme, (CertificateRequest12) m,
                        ocsp);
            }
            cx.require(m, ServerHelloDone.class);
            cx.addReceived();
            HandshakeConfig c = cx.config;
            Tls12Config.Hooks hooks = cx.config12.hooks;

            CertifiedKey mine = null;
            SignatureScheme myScheme = null;
            if (request != null) {
                for (CertifiedKey k : c.certificates()) {
                    SignatureScheme s = clientScheme(cx, k, request);
                    if (s != null || (!cx.rules.signatureAlgorithms && fitsTypes(k, request)
                            && Signatures12.canSignIn(cx.rules, k.leaf().publicKey()))) {
                        mine = k;
                        myScheme = s;
                        break;
                    }
                }
                List<byte[]> ders = new ArrayList<byte[]>();
                if (mine != null) {
                    for (Certificate cert : mine.chain()) {
                        ders.add(cert.encoded());
                    }
                }
                // RFC 5246, Section 7.4.6: without a suitable certificate the client sends an empty list.
                cx.send(new Certificate12(ders));
            }

            byte[] pms;
            if (n.suite.keyExchange == KeyExchange12.RSA) {
                // RFC 5246, Section 7.4.7.1: client_version is the ClientHello's, then 46 random bytes.
                pms = new byte[RsaPremaster.LENGTH];
                c.random().nextBytes(pms, 2, RsaPremaster.LENGTH - 2);
                pms[0] = (byte) n.clientHello.legacyVersion.major();
                pms[1] = (byte) n.clientHello.legacyVersion.minor();
                byte[] toEncrypt = hooks.rsaPremaster(pms);
                byte[] encrypted;
                try {
                    PublicKeyInfo k = chain.get(0).publicKey();
                    encrypted = RsaPkcs1Encryption.encrypt(RsaPublicKey.of(k.modulus(), k.exponent()), toEncrypt, c.random());
                } catch (CryptoException e) {
                    throw new TlsAlert(AlertDescription.INTERNAL_ERROR, "RSA encryption failed: " + e.getMessage(), e);
                }
                cx.send(new RsaClientKeyExchange(encrypted, cx.rules.rsaPremasterLengthPrefix));
            } else {
                pms = premaster;
                byte[] pub = hooks.keyExchangePublic(myPublic);
                cx.send(n.suite.keyExchange == KeyExchange12.DHE_RSA ? new DheClientKeyExchange(pub)
                        : new EcdheClientKeyExchange(pub));
            }
            Keys12 keys = Keys12.derive(cx, n.suite, pms, n.clientRandom, n.serverRandom, n.extendedMasterSecret,
                    n.encryptThenMac, c.random());
            ConstantTime.zero(pms);

            if (mine != null) {
                byte[] signature = Signatures12.sign(cx.rules, mine, myScheme, cx.transcript(), c.random());
                if (c.certificateVerifyHook() != null) {
                    signature = c.certificateVerifyHook().rewrite(signature);
                }
                cx.send(new CertificateVerify12(new DigitallySigned(myScheme, signature)));
            }
            cx.output(HandshakeOutput.For12.changeCipherSpec());
            cx.output(HandshakeOutput.For12.writeProtection(keys.takeClientWrite()));
            byte[] verifyData = hooks.finished(keys.finished(true, cx.transcript()));
            cx.clientVerifyData = verifyData.clone();
            cx.send(new Finished(verifyData));
            List<Certificate> sentChain = mine == null ? Collections.<Certificate>emptyList() : mine.chain();
            HandshakeSummary summary = HandshakeSummary.tls12(n.version, n.suite.suite, group, serverScheme, n.alpn,
                    c.serverName(), chain, sentChain).withOcspResponse(ocsp);
            return new ExpectChangeCipherSpec(keys, summary);
        }
    }

    /**
     * The scheme the client signs its CertificateVerify with when it uses {@code k}, or null when {@code k}
     * does not fit the request: its key type must be one of certificate_types (rsa_sign, ecdsa_sign; RFC
     * 5246, Section 7.4.4; RFC 8422, Section 5.5) and, in TLS 1.2, a scheme of ours that the request lists
     * must fit it.
     */
    private static SignatureScheme clientScheme(Context12 cx, CertifiedKey k, CertificateRequest12 request) {
        if (!cx.rules.signatureAlgorithms || !fitsTypes(k, request)) {
            return null;
        }
        return Signatures12.choose(cx.config.signatureSchemes(), request.signatureAlgorithms, k.leaf().publicKey());
    }

    /** True when {@code k}'s key type is among the request's certificate_types. */
    private static boolean fitsTypes(CertifiedKey k, CertificateRequest12 request) {
        PublicKeyInfo key = k.leaf().publicKey();
        boolean rsa = key.type() == PublicKeyInfo.KeyType.RSA || key.type() == PublicKeyInfo.KeyType.RSA_PSS;
        int wanted = rsa ? CertificateRequest12.RSA_SIGN : CertificateRequest12.ECDSA_SIGN;
        boolean typeOk = false;
        for (byte t : request.certificateTypes()) {
            typeOk |= (t & 0xff) == wanted;
        }
        return typeOk;
    }

    /** Waits for the server's ChangeCipherSpec (RFC 5246, Section 7.1). */
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
            if (Resume12.clientTicket(cx, m)) {
                return this; // RFC 5077, Section 3.3: NewSessionTicket before the server's ChangeCipherSpec
            }
            throw new TlsAlert(AlertDescription.UNEXPECTED_MESSAGE, "received " + m.type()
                    + " where the server's ChangeCipherSpec was expected (RFC 5246, Section 7.1)");
        }

        @Override
        public State12 changeCipherSpec(Context12 cx) throws TlsAlert {
            cx.output(HandshakeOutput.For12.readProtection(keys.takeServerWrite()));
            return new ExpectFinished(keys, summary);
        }
    }

    /** Waits for the server's Finished (RFC 5246, Section 7.4.9). */
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
            Keys12.FinishedChecked proof = keys.checkFinished(false, cx.transcript(), f);
            cx.serverVerifyData = f.verifyData();
            cx.addReceived();
            cx.complete(summary);
            Resume12.clientSessionEstablished(cx, keys, summary);
            return new Connected12(keys, proof, true);
        }
    }

    /** True for the message a client refuses after the handshake with no_renegotiation. */
    static boolean isRenegotiationRequest(HandshakeMessage m) {
        return m instanceof HelloRequest;
    }
}
