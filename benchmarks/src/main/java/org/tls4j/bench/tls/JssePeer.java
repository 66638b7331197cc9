package org.tls4j.bench.tls;

import java.net.Socket;
import java.nio.ByteBuffer;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * A JSSE provider's {@link SSLEngine} pair: SunJSSE (the JDK's, with SunEC/SunJCE crypto) or BCJSSE
 * given Bouncy Castle's own JCA provider object (pure-Java crypto). The client validates the chain
 * with the provider's PKIX trust manager and checks the host name (endpoint identification "HTTPS").
 *
 * <p>Groups and signature schemes are restricted by the system properties {@code jdk.tls.namedGroups},
 * {@code jdk.tls.client.SignatureSchemes} and {@code jdk.tls.server.SignatureSchemes} (set by the
 * harness before any JSSE class loads; both providers read them). Session tickets (TLS 1.2) are
 * switched per scenario by {@code jdk.tls.{client,server}.enableSessionTicketExtension}, which SunJSSE
 * reads when an SSLContext is created.
 */
final class JssePeer extends Peer {
    private final String name;
    private final SSLContext clientCtx;
    private final SSLContext serverCtx;
    private final String protocol;
    private final ByteBuffer c2s = ByteBuffer.allocate(1 << 17);
    private final ByteBuffer s2c = ByteBuffer.allocate(1 << 17);
    private final ByteBuffer empty = ByteBuffer.allocate(0);
    private final byte[] appArray = new byte[1 << 16];
    private final ByteBuffer app = ByteBuffer.wrap(appArray);
    private ByteBuffer srcBuf;
    private int port = 1000; // a new peer port per full handshake, so that the client never resumes

    /**
     * @param provider null for SunJSSE (the JDK defaults), else the JSSE provider (BCJSSE)
     * @param jca the provider for key and certificate objects (null: the JDK's)
     */
    JssePeer(String name, Scenario sc, Pki pki, Provider provider, Provider jca) throws Exception {
        super(sc, pki);
        this.name = name;
        this.protocol = sc.tls13() ? "TLSv1.3" : "TLSv1.2";
        String tickets = Boolean.toString(sc.mode != Scenario.Mode.SESSION_ID);
        System.setProperty("jdk.tls.server.enableSessionTicketExtension", tickets);
        System.setProperty("jdk.tls.client.enableSessionTicketExtension", tickets);
        Pki.Identity id = pki.of(sc);
        serverCtx = provider == null ? SSLContext.getInstance("TLS") : SSLContext.getInstance("TLS", provider);
        serverCtx.init(new KeyManager[] {new FixedKeyManager(id.jcaAlgorithm, id.jcaChain(jca), id.jcaKey(jca))}, null, null);

        KeyStore ts = KeyStore.getInstance("PKCS12");
        ts.load(null, null);
        ts.setCertificateEntry("root", id.jcaChain(jca)[1]);
        TrustManagerFactory tmf = provider == null ? TrustManagerFactory.getInstance("PKIX")
                : TrustManagerFactory.getInstance("PKIX", provider);
        tmf.init(ts);
        clientCtx = provider == null ? SSLContext.getInstance("TLS") : SSLContext.getInstance("TLS", provider);
        clientCtx.init(null, tmf.getTrustManagers(), null);
    }

    /** BCJSSE always offers and accepts encrypt_then_mac and has no switch for it (1.84). */
    @Override
    boolean forcesEncryptThenMac() {
        return !name.equals("SunJSSE");
    }

    @Override
    String name() {
        return name;
    }

    @Override
    Conn connect(Wire wire) throws Exception {
        SSLEngine c = clientCtx.createSSLEngine(Pki.HOST, scenario.resumed() ? 443 : port++);
        c.setUseClientMode(true);
        SSLParameters p = c.getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS");
        p.setProtocols(new String[] {protocol});
        p.setCipherSuites(new String[] {scenario.suiteName()});
        c.setSSLParameters(p);
        SSLEngine s = serverCtx.createSSLEngine();
        s.setUseClientMode(false);
        SSLParameters q = s.getSSLParameters();
        q.setProtocols(new String[] {protocol});
        q.setCipherSuites(new String[] {scenario.suiteName()});
        s.setSSLParameters(q);
        c2s.clear();
        s2c.clear();
        c.beginHandshake();
        s.beginHandshake();
        for (int i = 0; i < 200; i++) {
            boolean done = done(c) && done(s);
            int moved = step(c, c2s, s2c, wire, true) + step(s, s2c, c2s, wire, false);
            if (done && moved == 0 && c2s.position() == 0 && s2c.position() == 0) {
                return new C(c, s);
            }
        }
        throw new IllegalStateException(name + " handshake did not finish");
    }

    private static boolean done(SSLEngine e) {
        SSLEngineResult.HandshakeStatus h = e.getHandshakeStatus();
        return h == SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING || h == SSLEngineResult.HandshakeStatus.FINISHED;
    }

    /**
     * Lets one engine run its tasks, write what it has (after the handshake: post-handshake messages
     * such as NewSessionTicket) and read what the other wrote. Returns the bytes it wrote.
     */
    private int step(SSLEngine e, ByteBuffer out, ByteBuffer in, Wire wire, boolean client) throws Exception {
        Runnable r;
        while ((r = e.getDelegatedTask()) != null) {
            r.run();
        }
        int p0 = out.position();
        SSLEngineResult.HandshakeStatus h = e.getHandshakeStatus();
        if (h == SSLEngineResult.HandshakeStatus.NEED_WRAP || h == SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING) {
            SSLEngineResult res;
            do {
                res = e.wrap(empty, out);
                while ((r = e.getDelegatedTask()) != null) {
                    r.run();
                }
            } while (res.bytesProduced() > 0 && e.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_WRAP);
        }
        int wrote = out.position() - p0;
        if (wire != null && wrote > 0) {
            if (client) {
                wire.clientSent(out.array(), p0, wrote);
            } else {
                wire.serverSent(out.array(), p0, wrote);
            }
        }
        in.flip();
        while (in.hasRemaining()) {
            app.clear();
            SSLEngineResult res = e.unwrap(in, app);
            while ((r = e.getDelegatedTask()) != null) {
                r.run();
            }
            if (res.getStatus() != SSLEngineResult.Status.OK || res.bytesConsumed() == 0) {
                break;
            }
        }
        in.compact();
        return wrote;
    }

    @Override
    String describe(Conn conn) {
        SSLSession s = ((C) conn).c.getSession();
        return s.getProtocol() + " " + s.getCipherSuite();
    }

    private final class C implements Conn {
        SSLEngine c;
        SSLEngine s;

        C(SSLEngine c, SSLEngine s) {
            this.c = c;
            this.s = s;
        }

        @Override
        public int send(byte[] src, int len) throws Exception {
            if (srcBuf == null || srcBuf.array() != src) {
                srcBuf = ByteBuffer.wrap(src);
            }
            srcBuf.clear().limit(len);
            c2s.clear();
            while (srcBuf.hasRemaining()) {
                SSLEngineResult r = c.wrap(srcBuf, c2s);
                if (r.getStatus() != SSLEngineResult.Status.OK) {
                    throw new IllegalStateException("wrap: " + r);
                }
            }
            c2s.flip();
            app.clear();
            while (c2s.hasRemaining()) {
                SSLEngineResult r = s.unwrap(c2s, app);
                if (r.getStatus() != SSLEngineResult.Status.OK) {
                    throw new IllegalStateException("unwrap: " + r);
                }
            }
            return app.position();
        }

        @Override
        public byte[] received() {
            return appArray;
        }

        @Override
        public boolean resumed() {
            return false; // JSSE has no API for it; the wire check decides
        }

        @Override
        public void dispose() {
            c = null;
            s = null;
        }

        @Override
        public void dropServer() {
            s = null;
        }
    }

    /** A key manager that always presents the one chain and key (used by both providers alike). */
    static final class FixedKeyManager extends X509ExtendedKeyManager {
        private final String keyType;
        private final X509Certificate[] chain;
        private final PrivateKey key;

        FixedKeyManager(String keyType, X509Certificate[] chain, PrivateKey key) {
            this.keyType = keyType;
            this.chain = chain;
            this.key = key;
        }

        /** Key types differ between providers and versions ("EC", "ECDHE_ECDSA", "RSA", "RSASSA-PSS", ...). */
        private String match(String type) {
            if (type == null) {
                return null;
            }
            boolean rsa = type.contains("RSA");
            boolean ec = type.contains("EC") && !type.endsWith("RSA");
            return (keyType.equals("RSA") ? rsa : ec) ? "k" : null;
        }

        @Override
        public String chooseEngineServerAlias(String type, Principal[] issuers, SSLEngine engine) {
            return match(type);
        }

        @Override
        public String chooseServerAlias(String type, Principal[] issuers, Socket socket) {
            return match(type);
        }

        @Override
        public String[] getServerAliases(String type, Principal[] issuers) {
            return match(type) == null ? null : new String[] {"k"};
        }

        @Override
        public String[] getClientAliases(String type, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseClientAlias(String[] types, Principal[] issuers, Socket socket) {
            return null;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return "k".equals(alias) ? chain.clone() : null;
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return "k".equals(alias) ? key : null;
        }
    }
}
