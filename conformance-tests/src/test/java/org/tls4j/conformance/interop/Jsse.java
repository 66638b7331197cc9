package org.tls4j.conformance.interop;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.tls4j.crypto.pem.Pem;
import org.tls4j.crypto.pem.PemBlock;

/**
 * The JDK's own TLS (SunJSSE) as an in-process peer, configured from the same PEM files the external
 * peers read. Test code only: tls4j's library never touches javax.net.ssl.
 */
final class Jsse {
    static final int TIMEOUT_MS = 15_000;

    private Jsse() {}

    /** An SSLContext with the leaf as its identity (or none) and the interop root as its only anchor. */
    static SSLContext context(InteropPki pki, InteropPki.Leaf leaf) throws Exception {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("root", cf.generateCertificate(new ByteArrayInputStream(pki.root.encoded())));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(trust);
        KeyManagerFactory kmf = null;
        if (leaf != null) {
            byte[] pkcs8 = null;
            for (PemBlock b : Pem.decode(leaf.keyPem)) {
                pkcs8 = b.data();
            }
            String alg = switch (leaf.kind) {
                case RSA_2048 -> "RSA";
                case RSA_PSS_2048 -> "RSASSA-PSS";
                case ED25519 -> "Ed25519";
                case ED448 -> "Ed448";
                default -> "EC";
            };
            PrivateKey key = KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            X509Certificate cert = (X509Certificate) cf.generateCertificate(
                    new ByteArrayInputStream(leaf.certificate.encoded()));
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("leaf", key, "pw".toCharArray(), new X509Certificate[] {cert});
            kmf = KeyManagerFactory.getInstance("SunX509");
            kmf.init(ks, "pw".toCharArray());
        }
        SSLContext ctx = SSLContext.getInstance("TLSv1.3");
        ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }

    /** What a JSSE peer saw of one connection. */
    record Session(String protocol, String suite, String received) {}

    /**
     * A JSSE server on 127.0.0.1 for one connection: reads one line, answers it reversed, then waits for
     * the peer to close. {@code suites} null means JSSE's TLS 1.3 defaults.
     */
    static final class Server implements AutoCloseable {
        final SSLServerSocket socket;
        final CompletableFuture<Session> session = new CompletableFuture<>();
        private final Thread thread;

        Server(SSLContext ctx, List<String> suites, List<String> alpn) throws Exception {
            this(ctx, suites, alpn, "TLSv1.3");
        }

        /** As above, with the protocol versions enabled by their JSSE names (e.g. TLSv1.2, TLSv1). */
        Server(SSLContext ctx, List<String> suites, List<String> alpn, String... protocols) throws Exception {
            socket = (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket();
            socket.bind(new InetSocketAddress(Ports.loopback(), 0), 1);
            socket.setSoTimeout(TIMEOUT_MS);
            SSLParameters p = socket.getSSLParameters();
            p.setProtocols(protocols);
            if (suites != null) {
                p.setCipherSuites(suites.toArray(new String[0]));
            }
            if (alpn != null) {
                p.setApplicationProtocols(alpn.toArray(new String[0]));
            }
            socket.setSSLParameters(p);
            thread = new Thread(() -> {
                try (SSLSocket s = (SSLSocket) socket.accept()) {
                    s.setSoTimeout(TIMEOUT_MS);
                    BufferedReader r = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
                    String line = r.readLine();
                    OutputStream o = s.getOutputStream();
                    o.write((new StringBuilder(line == null ? "" : line).reverse() + "\n").getBytes(StandardCharsets.ISO_8859_1));
                    o.flush();
                    session.complete(new Session(s.getSession().getProtocol(), s.getSession().getCipherSuite(), line));
                    while (r.read() >= 0) {
                        // drain until the peer's close_notify
                    }
                } catch (Throwable t) {
                    session.completeExceptionally(t);
                }
            }, "jsse-server");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        Session await() throws Exception {
            return session.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() throws Exception {
            socket.close();
            thread.join(TIMEOUT_MS);
        }
    }

    /** A JSSE client socket to 127.0.0.1:{@code port}, TLS 1.3 only, checking the name localhost. */
    static SSLSocket client(SSLContext ctx, int port, List<String> suites, List<String> alpn, String sni) throws Exception {
        return client(ctx, port, suites, alpn, sni, "TLSv1.3");
    }

    /** As above, with the protocol versions enabled by their JSSE names (e.g. TLSv1.2, TLSv1). */
    static SSLSocket client(SSLContext ctx, int port, List<String> suites, List<String> alpn, String sni,
            String... protocols) throws Exception {
        SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket();
        s.connect(new InetSocketAddress(Ports.loopback(), port), TIMEOUT_MS);
        s.setSoTimeout(TIMEOUT_MS);
        SSLParameters p = s.getSSLParameters();
        p.setProtocols(protocols);
        if (suites != null) {
            p.setCipherSuites(suites.toArray(new String[0]));
        }
        if (alpn != null) {
            p.setApplicationProtocols(alpn.toArray(new String[0]));
        }
        p.setServerNames(List.of(new SNIHostName(sni == null ? "localhost" : sni)));
        p.setEndpointIdentificationAlgorithm("HTTPS");
        s.setSSLParameters(p);
        return s;
    }
}
