package org.tls4j.bench.handshake;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.TrustManagerFactory;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.tls4j.TlsConfig;
import org.tls4j.TlsEngine;
import org.tls4j.TlsResult;
import org.tls4j.crypto.pem.Pem;
import org.tls4j.crypto.rand.HmacDrbg;
import org.tls4j.crypto.x509.Certificate;
import org.tls4j.crypto.x509.TestPki;
import org.tls4j.handshake.NamedGroup;
import org.tls4j.handshake.tls13.CertifiedKey;

/**
 * One full TLS 1.3 handshake per operation, client and server in the same thread, in memory:
 * TLS_AES_128_GCM_SHA256, the given group, an ECDSA P-256 certificate (chain of two, verified by the
 * client, host name checked), no resumption. {@code tls4j}: two {@link TlsEngine}s. {@code jdk}: two
 * SunJSSE {@code SSLEngine}s with the same certificate, suite and group. Bouncy Castle's TLS (bctls) is
 * not a dependency of this module, so it is not in the comparison.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HandshakeBench {
    @Param({"x25519", "secp256r1"})
    public String group;

    private TlsConfig tls4jClient;
    private TlsConfig tls4jServer;
    private SSLContext jdkClient;
    private SSLContext jdkServer;

    @Setup
    public void setup() throws Exception {
        System.setProperty("jdk.tls.namedGroups", group); // read when JSSE first loads, in this fork
        long now = System.currentTimeMillis() / 1000;
        TestPki pki = new TestPki(HmacDrbg.fromSystem(), now - 3600, now + 86400);
        TestPki.Authority root = pki.root("bench root", pki.generate(TestPki.KeyKind.EC_P256));
        TestPki.Key key = pki.generate(TestPki.KeyKind.EC_P256);
        Certificate leaf = root.serverLeaf(key, "localhost");
        NamedGroup g = group.equals("x25519") ? NamedGroup.X25519 : NamedGroup.SECP256R1;
        tls4jServer = TlsConfig.builder().certificate(new CertifiedKey(Arrays.asList(leaf, root.certificate()), key))
                .groups(g).build();
        tls4jClient = TlsConfig.builder().trustAnchors(Arrays.asList(root.certificate())).serverName("localhost")
                .groups(g).build();

        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        X509Certificate jLeaf = (X509Certificate) cf.generateCertificate(new ByteArrayInputStream(leaf.encoded()));
        X509Certificate jRoot = (X509Certificate) cf.generateCertificate(
                new ByteArrayInputStream(root.certificate().encoded()));
        PrivateKey jKey = KeyFactory.getInstance("EC").generatePrivate(
                new PKCS8EncodedKeySpec(Pem.decode(key.privateKeyPem()).get(0).data()));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("k", jKey, "pw".toCharArray(), new java.security.cert.Certificate[] {jLeaf, jRoot});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("SunX509");
        kmf.init(ks, "pw".toCharArray());
        jdkServer = SSLContext.getInstance("TLSv1.3");
        jdkServer.init(kmf.getKeyManagers(), null, null);
        KeyStore ts = KeyStore.getInstance("PKCS12");
        ts.load(null, null);
        ts.setCertificateEntry("root", jRoot);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(ts);
        jdkClient = SSLContext.getInstance("TLSv1.3");
        jdkClient.init(null, tmf.getTrustManagers(), null);
        if (!tls4j().equals(jdk())) {
            throw new IllegalStateException("the two handshakes disagree");
        }
    }

    @Benchmark
    public String tls4j() throws Exception {
        TlsEngine c = TlsEngine.client(tls4jClient);
        TlsEngine s = TlsEngine.server(tls4jServer);
        ByteBuffer c2s = ByteBuffer.allocate(1 << 15);
        ByteBuffer s2c = ByteBuffer.allocate(1 << 15);
        ByteBuffer empty = ByteBuffer.allocate(0);
        ByteBuffer app = ByteBuffer.allocate(1 << 14);
        while (c.handshakeStatus() != TlsResult.HandshakeStatus.NOT_HANDSHAKING
                || s.handshakeStatus() != TlsResult.HandshakeStatus.NOT_HANDSHAKING) {
            c.wrap(empty, c2s);
            c2s.flip();
            s.unwrap(c2s, app);
            c2s.compact();
            s.wrap(empty, s2c);
            s2c.flip();
            c.unwrap(s2c, app);
            s2c.compact();
        }
        return c.session().cipherSuite().name();
    }

    @Benchmark
    public String jdk() throws Exception {
        SSLEngine c = jdkClient.createSSLEngine("localhost", 443);
        c.setUseClientMode(true);
        javax.net.ssl.SSLParameters p = c.getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS");
        p.setCipherSuites(new String[] {"TLS_AES_128_GCM_SHA256"});
        c.setSSLParameters(p);
        SSLEngine s = jdkServer.createSSLEngine();
        s.setUseClientMode(false);
        ByteBuffer c2s = ByteBuffer.allocate(1 << 16);
        ByteBuffer s2c = ByteBuffer.allocate(1 << 16);
        ByteBuffer empty = ByteBuffer.allocate(0);
        ByteBuffer app = ByteBuffer.allocate(1 << 16);
        c.beginHandshake();
        s.beginHandshake();
        for (int i = 0; i < 1000 && (!done(c) || !done(s)); i++) {
            step(c, empty, c2s, s2c, app);
            step(s, empty, s2c, c2s, app);
        }
        if (!done(c) || !done(s)) {
            throw new IllegalStateException("JSSE handshake did not finish");
        }
        return c.getSession().getCipherSuite();
    }

    private static boolean done(SSLEngine e) {
        SSLEngineResult.HandshakeStatus h = e.getHandshakeStatus();
        return h == SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING || h == SSLEngineResult.HandshakeStatus.FINISHED;
    }

    private static void step(SSLEngine e, ByteBuffer empty, ByteBuffer out, ByteBuffer in, ByteBuffer app)
            throws Exception {
        SSLEngineResult.HandshakeStatus h = e.getHandshakeStatus();
        if (h == SSLEngineResult.HandshakeStatus.NEED_TASK) {
            Runnable r;
            while ((r = e.getDelegatedTask()) != null) {
                r.run();
            }
        } else if (h == SSLEngineResult.HandshakeStatus.NEED_WRAP) {
            e.wrap(empty, out);
        } else if (h == SSLEngineResult.HandshakeStatus.NEED_UNWRAP) {
            in.flip();
            app.clear();
            e.unwrap(in, app);
            in.compact();
        }
    }
}
