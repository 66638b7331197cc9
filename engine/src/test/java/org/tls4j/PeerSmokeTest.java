package org.tls4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tls4j.crypto.x509.Certificate;
import org.tls4j.crypto.x509.TestPki;
import org.tls4j.handshake.NamedGroup;
import org.tls4j.testing.Peers;

/**
 * Quick checks against real peers over loopback sockets on 127.0.0.1, to catch gross incompatibilities
 * early: tls4j's client engine to {@code openssl s_server -tls1_3 -www} (x25519, and secp384r1 and
 * ffdhe2048 through HelloRetryRequest, and once with a CertificateRequest) with an HTTP GET; tls4j's
 * client to {@code gnutls-serv --echo} (Ed448); {@code openssl s_client} and {@code gnutls-cli} to
 * tls4j's server engine with an echoed line; OpenSSL's alert for an expired certificate. The full
 * interop matrix (both directions, every parameter, GnuTLS and JSSE) lives in conformance-tests.
 */
@Timeout(60) // a blocking socket read that waits forever fails the test instead (the read is interrupted)
class PeerSmokeTest {
    @TempDir
    Path dir;

    /** gnutls-cli against the server engine, TLS 1.3 only, echo one line. */
    @Test
    void gnutlsClientAgainstServerEngine() throws Exception {
        File gnutls = Peers.require("gnutls-cli", "gnutls-bin");
        long now = System.currentTimeMillis() / 1000;
        TestPki pki = new TestPki(new org.tls4j.testing.SeededRandomSource(98), now - 3600, now + 86400);
        TestPki.Authority root = pki.root("tls4j smoke root", pki.generate(TestPki.KeyKind.EC_P256));
        TestPki.Key leafKey = pki.generate(TestPki.KeyKind.ED25519);
        org.tls4j.handshake.tls13.CertifiedKey leaf = new org.tls4j.handshake.tls13.CertifiedKey(
                java.util.Arrays.asList(root.serverLeaf(leafKey, "localhost"), root.certificate()), leafKey);
        Path ca = dir.resolve("gnutls-ca.pem");
        Files.write(ca, TestPki.chainPem(root.certificate()).getBytes(StandardCharsets.US_ASCII));
        try (java.nio.channels.ServerSocketChannel listener = java.nio.channels.ServerSocketChannel.open()) {
            listener.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = ((InetSocketAddress) listener.getLocalAddress()).getPort();
            Process p = new ProcessBuilder(gnutls.getPath(), "--x509cafile=" + ca, "--port=" + port,
                    "--sni-hostname=localhost", "--verify-hostname=localhost",
                    "--priority=NORMAL:-VERS-ALL:+VERS-TLS1.3", "127.0.0.1").redirectErrorStream(true).start();
            try {
                p.getOutputStream().write("hello gnutls\n".getBytes(StandardCharsets.US_ASCII));
                p.getOutputStream().flush();
                TlsEngine server = TlsEngine.server(TlsConfig.builder().certificate(leaf).build());
                try (SocketChannel c = listener.accept()) {
                    echoOneLine(c, server);
                }
                p.getOutputStream().close();
                assertTrue(p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS));
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
                assertTrue(out.contains("hello gnutls"), out);
                assertEquals(org.tls4j.handshake.SignatureScheme.ED25519, server.session().signatureScheme());
            } finally {
                p.destroy();
                p.waitFor();
            }
        }
    }

    /**
     * tls4j's client engine to {@code gnutls-serv --echo} (TLS 1.3 only; GnuTLS requests a client
     * certificate by default, which tls4j answers with an empty Certificate), Ed448 certificate.
     */
    @Test
    void clientAgainstGnutlsServer() throws Exception {
        File gnutls = Peers.require("gnutls-serv", "gnutls-bin");
        long now = System.currentTimeMillis() / 1000;
        TestPki pki = new TestPki(new org.tls4j.testing.SeededRandomSource(97), now - 3600, now + 86400);
        TestPki.Authority root = pki.root("tls4j smoke root", pki.generate(TestPki.KeyKind.EC_P256));
        TestPki.Key leafKey = pki.generate(TestPki.KeyKind.ED448);
        Certificate leaf = root.serverLeaf(leafKey, "localhost");
        Path cert = dir.resolve("g-cert.pem");
        Path keyFile = dir.resolve("g-key.pem");
        Files.write(cert, TestPki.chainPem(leaf, root.certificate()).getBytes(StandardCharsets.US_ASCII));
        Files.write(keyFile, leafKey.privateKeyPem().getBytes(StandardCharsets.US_ASCII));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process p = new ProcessBuilder(gnutls.getPath(), "--echo", "--port=" + port, "--x509certfile=" + cert,
                "--x509keyfile=" + keyFile, "--priority=NORMAL:-VERS-ALL:+VERS-TLS1.3")
                .redirectErrorStream(true).redirectOutput(dir.resolve("gnutls-serv.log").toFile()).start();
        try {
            TlsConfig config = TlsConfig.builder().trustAnchors(java.util.Collections.singletonList(root.certificate()))
                    .serverName("localhost").build();
            SocketChannel ch = null;
            for (int i = 0; i < 50 && ch == null; i++) {
                try {
                    ch = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
                } catch (IOException e) {
                    Thread.sleep(100);
                }
            }
            assertNotNull(ch, "gnutls-serv did not start");
            try (SocketChannel c = ch) {
                TlsEngine e = TlsEngine.client(config);
                ByteBuffer net = ByteBuffer.allocate(e.packetBufferSize());
                ByteBuffer in = ByteBuffer.allocate(e.packetBufferSize() * 4);
                ByteBuffer app = ByteBuffer.allocate(1 << 16);
                ByteBuffer ping = ByteBuffer.wrap("ping gnutls\n".getBytes(StandardCharsets.US_ASCII));
                while (!new String(app.array(), 0, app.position(), StandardCharsets.US_ASCII).contains("ping gnutls")) {
                    net.clear();
                    e.wrap(ping, net);
                    net.flip();
                    while (net.hasRemaining()) {
                        c.write(net);
                    }
                    if (e.handshakeStatus() == TlsResult.HandshakeStatus.NEED_WRAP
                            || (e.session() != null && ping.hasRemaining())) {
                        continue;
                    }
                    if (c.read(in) < 0) {
                        throw new AssertionError("gnutls-serv closed");
                    }
                    in.flip();
                    TlsResult r;
                    do {
                        r = e.unwrap(in, app);
                    } while (r.status() == TlsResult.Status.OK && in.hasRemaining());
                    in.compact();
                }
                assertEquals(org.tls4j.handshake.SignatureScheme.ED448, e.session().signatureScheme());
            }
        } finally {
            p.destroy();
            p.waitFor();
        }
    }

    /** OpenSSL refuses an expired certificate: its alert (sent unprotected) reaches the tls4j server as such. */
    @Test
    void opensslClientAlertReachesTheServerEngine() throws Exception {
        File openssl = Peers.require("openssl", "openssl");
        Path ca = dir.resolve("old-ca.pem");
        Files.write(ca, TestPki.chainPem(TestCerts.ROOT.certificate()).getBytes(StandardCharsets.US_ASCII));
        try (java.nio.channels.ServerSocketChannel listener = java.nio.channels.ServerSocketChannel.open()) {
            listener.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = ((InetSocketAddress) listener.getLocalAddress()).getPort();
            Process p = new ProcessBuilder(openssl.getPath(), "s_client", "-connect", "127.0.0.1:" + port, "-tls1_3",
                    "-servername", "localhost", "-CAfile", ca.toString(), "-verify_return_error", "-quiet")
                    .redirectErrorStream(true).start();
            try {
                // TestCerts' leaf expired by the real clock (it is valid at TestCerts.NOW).
                TlsEngine server = TlsEngine.server(TlsConfig.builder().certificate(TestCerts.leaf(TestPki.KeyKind.EC_P256))
                        .build());
                TlsException e;
                try (SocketChannel c = listener.accept()) {
                    e = org.junit.jupiter.api.Assertions.assertThrows(TlsException.class, () -> echoOneLine(c, server));
                }
                assertTrue(e.isAlertReceived(), e.getMessage());
                assertEquals(org.tls4j.record.AlertDescription.CERTIFICATE_EXPIRED, e.alert());
            } finally {
                p.destroy();
                p.waitFor();
            }
        }
    }

    @Test
    void clientAgainstOpensslServer() throws Exception {
        File openssl = Peers.require("openssl", "openssl");
        TestPki.Key key = TestCerts.PKI.generate(TestPki.KeyKind.EC_P256);
        Certificate leaf = TestCerts.ROOT.serverLeaf(key, "localhost");
        Path cert = dir.resolve("cert.pem");
        Path keyFile = dir.resolve("key.pem");
        Files.write(cert, TestPki.chainPem(leaf, TestCerts.ROOT.certificate()).getBytes(StandardCharsets.US_ASCII));
        Files.write(keyFile, key.privateKeyPem().getBytes(StandardCharsets.US_ASCII));
        // The last run asks for a client certificate (-verify 1: requested, not required): tls4j has no
        // client certificate yet and answers with an empty Certificate message (RFC 8446, Section 4.4.2).
        NamedGroup[] runs = {NamedGroup.X25519, NamedGroup.SECP384R1, NamedGroup.FFDHE2048, NamedGroup.X25519};
        for (int run = 0; run < runs.length; run++) {
            NamedGroup g = runs[run];
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            List<String> cmd = new ArrayList<>(List.of(openssl.getPath(), "s_server", "-tls1_3", "-www", "-quiet",
                    "-accept", "127.0.0.1:" + port, "-cert", cert.toString(), "-key", keyFile.toString(),
                    "-groups", g.name()));
            if (run == runs.length - 1) {
                cmd.addAll(List.of("-verify", "1"));
            }
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("s_server.log").toFile()).start();
            try {
                // The client offers every group but sends a share only for x25519, so the other groups
                // also exercise the HelloRetryRequest path against OpenSSL.
                TlsConfig config = TestCerts.client().build();
                String page = get(port, config);
                assertTrue(page.startsWith("HTTP/1.0 200 ok"), page);
                assertTrue(page.contains("TLS_AES_128_GCM_SHA256") || page.contains("TLSv1.3"), page);
                if (run == runs.length - 1) {
                    assertTrue(page.contains("no client certificate available"), page);
                }
            } finally {
                p.destroy();
                p.waitFor();
            }
        }
    }

    /**
     * openssl s_client against a tls4j server engine that echoes one line and closes. OpenSSL checks the
     * certificate against the real clock, so this test issues its own, valid now.
     */
    @Test
    void opensslClientAgainstServerEngine() throws Exception {
        File openssl = Peers.require("openssl", "openssl");
        long now = System.currentTimeMillis() / 1000;
        TestPki pki = new TestPki(new org.tls4j.testing.SeededRandomSource(99), now - 3600, now + 86400);
        TestPki.Authority root = pki.root("tls4j smoke root", pki.generate(TestPki.KeyKind.EC_P256));
        TestPki.Key leafKey = pki.generate(TestPki.KeyKind.EC_P256);
        org.tls4j.handshake.tls13.CertifiedKey leaf = new org.tls4j.handshake.tls13.CertifiedKey(
                java.util.Arrays.asList(root.serverLeaf(leafKey, "localhost"), root.certificate()), leafKey);
        Path ca = dir.resolve("ca.pem");
        Files.write(ca, TestPki.chainPem(root.certificate()).getBytes(StandardCharsets.US_ASCII));
        for (String groups : new String[] {"X25519", "P-256"}) {
            try (java.nio.channels.ServerSocketChannel listener = java.nio.channels.ServerSocketChannel.open()) {
                listener.bind(new InetSocketAddress("127.0.0.1", 0));
                int port = ((InetSocketAddress) listener.getLocalAddress()).getPort();
                Process p = new ProcessBuilder(openssl.getPath(), "s_client", "-connect", "127.0.0.1:" + port, "-tls1_3",
                        "-servername", "localhost", "-CAfile", ca.toString(), "-verify_return_error", "-quiet",
                        "-groups", groups).redirectErrorStream(true).start();
                try {
                    p.getOutputStream().write("hello tls4j\n".getBytes(StandardCharsets.US_ASCII));
                    p.getOutputStream().flush();
                    // The P-256 client sends a P-256 share: the server prefers x25519 but has no share, and
                    // uses P-256 without a HelloRetryRequest; X25519 is the common case.
                    TlsEngine server = TlsEngine.server(TlsConfig.builder().certificate(leaf).build());
                    try (SocketChannel c = listener.accept()) {
                        echoOneLine(c, server);
                    } catch (TlsException ex) {
                        p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
                        throw new AssertionError("s_client said: " + new String(p.getInputStream().readAllBytes(),
                                StandardCharsets.US_ASCII), ex);
                    }
                    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
                    assertTrue(p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS));
                    assertTrue(out.contains("hello tls4j"), out);
                    assertEquals(groups.equals("X25519") ? NamedGroup.X25519 : NamedGroup.SECP256R1, server.session().group());
                } finally {
                    p.destroy();
                    p.waitFor();
                }
            }
        }
    }

    private static void echoOneLine(SocketChannel c, TlsEngine e) throws Exception {
        ByteBuffer in = ByteBuffer.allocate(e.packetBufferSize() * 2);
        ByteBuffer net = ByteBuffer.allocate(e.packetBufferSize());
        ByteBuffer app = ByteBuffer.allocate(e.applicationBufferSize());
        ByteBuffer empty = ByteBuffer.allocate(0);
        while (true) {
            net.clear();
            e.wrap(empty, net);
            net.flip();
            while (net.hasRemaining()) {
                c.write(net);
            }
            if (app.position() > 0 && app.get(app.position() - 1) == '\n') {
                break;
            }
            if (c.read(in) < 0) {
                throw new AssertionError("s_client closed early");
            }
            in.flip();
            while (in.hasRemaining()) {
                TlsResult r = e.unwrap(in, app);
                if (r.status() == TlsResult.Status.BUFFER_UNDERFLOW) {
                    break;
                }
            }
            in.compact();
        }
        app.flip();
        net.clear();
        e.wrap(app, net);
        e.closeOutbound();
        e.wrap(empty, net);
        net.flip();
        while (net.hasRemaining()) {
            c.write(net);
        }
    }

    private static String get(int port, TlsConfig config) throws Exception {
        SocketChannel ch = null;
        for (int i = 0; i < 50 && ch == null; i++) {
            try {
                ch = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        assertNotNull(ch, "openssl s_server did not start");
        try (SocketChannel c = ch) {
            TlsEngine e = TlsEngine.client(config);
            ByteBuffer net = ByteBuffer.allocate(e.packetBufferSize());
            ByteBuffer in = ByteBuffer.allocate(e.packetBufferSize() * 4);
            ByteBuffer app = ByteBuffer.allocate(1 << 16);
            ByteBuffer request = ByteBuffer.wrap("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            StringBuilder page = new StringBuilder();
            while (true) {
                net.clear();
                TlsResult w = e.wrap(request, net);
                net.flip();
                while (net.hasRemaining()) {
                    c.write(net);
                }
                if (w.bytesProduced() > 0) {
                    continue;
                }
                if (e.session() != null && request.hasRemaining()) {
                    continue;
                }
                int n = c.read(in);
                if (n < 0) {
                    break;
                }
                in.flip();
                TlsResult r;
                do {
                    app.clear();
                    r = e.unwrap(in, app);
                    app.flip();
                    page.append(StandardCharsets.ISO_8859_1.decode(app));
                } while (r.status() == TlsResult.Status.OK && in.hasRemaining());
                in.compact();
                if (r.status() == TlsResult.Status.CLOSED) {
                    break;
                }
            }
            assertNotNull(e.session());
            assertEquals("localhost", e.session().serverName());
            return page.toString();
        }
    }
}
