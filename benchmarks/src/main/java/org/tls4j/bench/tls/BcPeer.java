package org.tls4j.bench.tls;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Hashtable;
import java.util.Map;
import java.util.Vector;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.Signer;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.RSAEngine;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.signers.DSADigestSigner;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.PSSSigner;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateEntry;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.NamedGroup;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SecurityParameters;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsServerProtocol;
import org.bouncycastle.tls.TlsSession;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.bouncycastle.util.Integers;
import org.bouncycastle.util.encoders.Hex;

/**
 * Bouncy Castle's low-level TLS API: {@link TlsClientProtocol}/{@link TlsServerProtocol} in
 * non-blocking mode ({@code offerInput}/{@code readOutput}) over {@link BcTlsCrypto} (BC's lightweight
 * pure-Java crypto, no JCA).
 *
 * <p>The low-level API has no certificate path validator; the client here checks, with BC's lightweight
 * classes, that the server's leaf is signed by the trusted root (ECDSA-SHA256 or RSASSA-PSS SHA-256).
 * It checks neither names nor validity dates: slightly less work than the PKIX validation of the other
 * clients, whose cost is dominated by the same one signature verification.
 */
final class BcPeer extends Peer {
    private final BcTlsCrypto crypto = new BcTlsCrypto(new SecureRandom());
    private final ProtocolVersion[] versions;
    private final SignatureAndHashAlgorithm serverScheme;
    private final Vector<SignatureAndHashAlgorithm> clientSchemes = new Vector<>();
    private final AsymmetricKeyParameter privateKey;
    private final byte[][] chainDer;
    private final AsymmetricKeyParameter rootKey;
    private final Map<String, TlsSession> serverCache = new ConcurrentHashMap<>();
    private TlsSession clientSession;
    private final byte[] net = new byte[1 << 17];
    private final byte[] appArray = new byte[1 << 16];

    BcPeer(Scenario sc, Pki pki) throws Exception {
        super(sc, pki);
        if (sc.mode == Scenario.Mode.PSK) {
            throw new UnsupportedOperationException("BC 1.84 has no TLS 1.3 resumption: TlsClientProtocol."
                    + "receive13NewSessionTicket reads the ticket and discards it");
        }
        if (sc.mode == Scenario.Mode.TICKET) {
            throw new UnsupportedOperationException("BC 1.84's low-level server can issue a TLS 1.2 ticket "
                    + "(TlsServer.getNewSessionTicket) but has no hook to resume from one");
        }
        versions = sc.tls13() ? ProtocolVersion.TLSv13.only() : ProtocolVersion.TLSv12.only();
        SignatureAndHashAlgorithm ecdsa = SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa);
        clientSchemes.add(ecdsa);
        clientSchemes.add(SignatureAndHashAlgorithm.rsa_pss_rsae_sha256);
        serverScheme = sc.key == Scenario.Key.EC ? ecdsa : SignatureAndHashAlgorithm.rsa_pss_rsae_sha256;
        Pki.Identity id = pki.of(sc);
        privateKey = PrivateKeyFactory.createKey(id.pkcs8);
        chainDer = new byte[][] {id.leafDer(), id.rootDer()};
        rootKey = PublicKeyFactory.createKey(
                org.bouncycastle.asn1.x509.Certificate.getInstance(id.rootDer()).getSubjectPublicKeyInfo());
    }

    @Override
    String name() {
        return "BC low-level";
    }

    @Override
    Conn connect(Wire wire) throws Exception {
        Client client = new Client();
        Server server = new Server();
        TlsClientProtocol cp = new TlsClientProtocol();
        TlsServerProtocol sp = new TlsServerProtocol();
        sp.accept(server);
        cp.connect(client);
        for (int i = 0; i < 100; i++) {
            int moved = move(cp, sp, wire, true) + move(sp, cp, wire, false);
            if (moved == 0 && client.complete && server.complete) {
                if (scenario.resumed()) {
                    clientSession = client.ctx().getResumableSession();
                }
                return new C(cp, sp, client);
            }
        }
        throw new IllegalStateException("BC handshake did not finish");
    }

    private int move(org.bouncycastle.tls.TlsProtocol from, org.bouncycastle.tls.TlsProtocol to, Wire wire, boolean client)
            throws IOException {
        int n = from.getAvailableOutputBytes();
        if (n == 0) {
            return 0;
        }
        from.readOutput(net, 0, n);
        if (wire != null) {
            if (client) {
                wire.clientSent(net, 0, n);
            } else {
                wire.serverSent(net, 0, n);
            }
        }
        to.offerInput(net, 0, n);
        return n;
    }

    @Override
    String describe(Conn conn) {
        SecurityParameters p = ((C) conn).client.ctx().getSecurityParametersConnection();
        return p.getNegotiatedVersion() + " suite=" + Integer.toHexString(p.getCipherSuite()) + " group="
                + Integer.toHexString(p.getNegotiatedGroup()) + " resumed=" + p.isResumedSession()
                + " etm=" + p.isEncryptThenMAC() + " ems=" + p.isExtendedMasterSecret();
    }

    private final class C implements Conn {
        TlsClientProtocol cp;
        TlsServerProtocol sp;
        Client client;

        C(TlsClientProtocol cp, TlsServerProtocol sp, Client client) {
            this.cp = cp;
            this.sp = sp;
            this.client = client;
        }

        @Override
        public int send(byte[] src, int len) throws Exception {
            cp.writeApplicationData(src, 0, len);
            int n = cp.getAvailableOutputBytes();
            cp.readOutput(net, 0, n);
            sp.offerInput(net, 0, n);
            int m = sp.getAvailableInputBytes();
            return sp.readInput(appArray, 0, m);
        }

        @Override
        public byte[] received() {
            return appArray;
        }

        @Override
        public boolean resumed() {
            return client.ctx().getSecurityParametersConnection().isResumedSession();
        }

        @Override
        public void dispose() {
            cp = null;
            sp = null;
            client = null;
        }

        @Override
        public void dropServer() {
            sp = null;
        }
    }

    private final class Client extends DefaultTlsClient {
        boolean complete;

        Client() {
            super(crypto);
        }

        org.bouncycastle.tls.TlsClientContext ctx() {
            return context;
        }

        @Override
        protected ProtocolVersion[] getSupportedVersions() {
            return versions;
        }

        @Override
        protected int[] getSupportedCipherSuites() {
            return new int[] {scenario.suite};
        }

        @Override
        protected Vector getSupportedGroups(Vector roles) {
            Vector<Integer> v = new Vector<>();
            v.add(Integers.valueOf(NamedGroup.x25519));
            return v;
        }

        @Override
        protected Vector getSupportedSignatureAlgorithms() {
            return clientSchemes;
        }

        @Override
        public Hashtable getClientExtensions() throws IOException {
            Hashtable ext = super.getClientExtensions();
            ext.remove(Integers.valueOf(22)); // encrypt_then_mac: MAC-then-encrypt for every peer
            return ext;
        }

        @Override
        public TlsSession getSessionToResume() {
            return scenario.resumed() ? clientSession : null;
        }

        @Override
        public void notifyHandshakeComplete() throws IOException {
            super.notifyHandshakeComplete();
            complete = true;
        }

        @Override
        public TlsAuthentication getAuthentication() {
            return new TlsAuthentication() {
                @Override
                public void notifyServerCertificate(TlsServerCertificate sc) throws IOException {
                    Certificate chain = sc.getCertificate();
                    if (chain == null || chain.isEmpty()) {
                        throw new TlsFatalAlert(AlertDescription.bad_certificate);
                    }
                    verifyIssuedByRoot(chain.getCertificateAt(0).getEncoded());
                }

                @Override
                public TlsCredentials getClientCredentials(CertificateRequest r) {
                    return null;
                }
            };
        }
    }

    /** The leaf's signature under the trusted root's key, with BC's lightweight verifiers. */
    private void verifyIssuedByRoot(byte[] leafDer) throws IOException {
        org.bouncycastle.asn1.x509.Certificate leaf = org.bouncycastle.asn1.x509.Certificate.getInstance(leafDer);
        Signer v = scenario.key == Scenario.Key.EC ? new DSADigestSigner(new ECDSASigner(), new SHA256Digest())
                : new PSSSigner(new RSAEngine(), new SHA256Digest(), 32);
        v.init(false, rootKey);
        byte[] tbs = leaf.getTBSCertificate().getEncoded("DER");
        v.update(tbs, 0, tbs.length);
        if (!v.verifySignature(leaf.getSignature().getOctets())) {
            throw new TlsFatalAlert(AlertDescription.bad_certificate);
        }
    }

    private final class Server extends DefaultTlsServer {
        boolean complete;

        Server() {
            super(crypto);
        }

        @Override
        protected ProtocolVersion[] getSupportedVersions() {
            return versions;
        }

        @Override
        protected int[] getSupportedCipherSuites() {
            return new int[] {scenario.suite};
        }

        @Override
        public int[] getSupportedGroups() {
            return new int[] {NamedGroup.x25519};
        }

        @Override
        protected boolean allowEncryptThenMAC() {
            return false;
        }

        @Override
        public TlsCredentials getCredentials() throws IOException {
            TlsCertificate[] certs = new TlsCertificate[chainDer.length];
            for (int i = 0; i < certs.length; i++) {
                certs[i] = crypto.createCertificate(chainDer[i]);
            }
            Certificate chain;
            if (TlsUtils.isTLSv13(context)) {
                CertificateEntry[] entries = new CertificateEntry[certs.length];
                for (int i = 0; i < certs.length; i++) {
                    entries[i] = new CertificateEntry(certs[i], null);
                }
                chain = new Certificate(TlsUtils.EMPTY_BYTES, entries);
            } else {
                chain = new Certificate(certs);
            }
            return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), crypto, privateKey, chain, serverScheme);
        }

        @Override
        public byte[] getNewSessionID() {
            return scenario.mode == Scenario.Mode.SESSION_ID ? random32() : null;
        }

        private byte[] random32() {
            byte[] b = new byte[32];
            crypto.getSecureRandom().nextBytes(b);
            return b;
        }

        @Override
        public TlsSession getSessionToResume(byte[] id) {
            return scenario.mode == Scenario.Mode.SESSION_ID ? serverCache.get(Hex.toHexString(id)) : null;
        }

        @Override
        public void notifyHandshakeComplete() throws IOException {
            super.notifyHandshakeComplete();
            complete = true;
            // The session passed to notifySession during the handshake has no parameters yet; the
            // resumable one exists once the handshake is complete.
            TlsSession s = context.getResumableSession();
            if (scenario.mode == Scenario.Mode.SESSION_ID && s != null) {
                serverCache.put(Hex.toHexString(s.getSessionID()), s);
            }
        }
    }
}
