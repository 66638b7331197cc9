package org.tls4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tls4j.crypto.x509.Certificate;
import org.tls4j.crypto.x509.TestPki;
import org.tls4j.record.ProtocolVersion;
import org.tls4j.testing.Peers;

/** TlsSocket and TlsServerSocket against OpenSSL and against plain-text servers (plain-words errors). */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TlsSocketPeersTest {
    @TempDir
    Path dir;

    private static byte[] readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        int n;
        while ((n = in.read(buf)) >= 0) {
            b.write(buf, 0, n);
        }
        return b.toByteArray();
    }

    /** openssl s_server -tls1_3 -www with a leaf for "localhost" issued by the test root. */
    private PythonPeers.Server opensslWww() throws Exception {
        File openssl = Peers.require("openssl", "openssl");
        TestPki.Key key = TestCerts.PKI.generate(TestPki.KeyKind.EC_P256);
        Certificate leaf = TestCerts.ROOT.serverLeaf(key, "localhost");
        Path cert = dir.resolve("cert.pem");
        Path keyFile = dir.resolve("key.pem");
        Files.write(cert, TestPki.chainPem(leaf, TestCerts.ROOT.certificate()).getBytes(StandardCharsets.US_ASCII));
        Files.write(keyFile, key.privateKeyPem().getBytes(StandardCharsets.US_ASCII));
        int port = PythonPeers.freePort();
        return new PythonPeers.Server(List.of(openssl.getPath(), "s_server", "-tls1_3", "-www", "-quiet", "-accept",
                "127.0.0.1:" + port, "-cert", cert.toString(), "-key", keyFile.toString()), dir, port, false);
    }

    private static String get(TlsSocket c) throws IOException {
        c.setSoTimeout(20_000);
        c.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return new String(readToEnd(c.getInputStream()), StandardCharsets.US_ASCII);
    }

    @Test
    void clientAgainstOpensslServer() throws Exception {
        try (PythonPeers.Server s = opensslWww();
                TlsSocket c = TlsSocket.connect("127.0.0.1", s.port, TestCerts.client().build(), 5000)) {
            String page = get(c);
            assertTrue(page.startsWith("HTTP/1.0 200 ok"), page);
            assertTrue(page.contains("TLSv1.3"), page);
            assertEquals(ProtocolVersion.TLS13, c.session().version());
        }
    }

    /** Transport.open takes SNI from the URL's host name ("localhost"): the config has no server name. */
    @Test
    void transportOpenAgainstOpensslServer() throws Exception {
        try (PythonPeers.Server s = opensslWww()) {
            TlsConfig config = TlsConfig.builder().trustAnchors(TestCerts.anchors()).clock(TestCerts.clock()).build();
            try (TlsSocket c = Transport.parse("tls://localhost:" + s.port).open(config, 10_000)) {
                assertEquals("localhost", c.session().serverName());
                String page = get(c);
                assertTrue(page.startsWith("HTTP/1.0 200 ok"), page);
            }
        }
    }

    /** tlsv1.2:// is refused before anything reaches the network: the listener sees no connection at all. */
    @Test
    void exactLegacyVersionIsRefusedBeforeConnecting() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            TransportException e = assertThrows(TransportException.class, () -> Transport
                    .parse("tlsv1.2://127.0.0.1:" + listener.getLocalPort())
                    .open(TestCerts.client().versions(ProtocolVersion.TLS13).build(), 5000));
            assertEquals("tlsv1.2:// asks for exactly TLSv1.2, but the configuration does not enable it (it enables TLSv1.3)."
                    + " To use it anyway, enable it in the configuration, for example TlsConfig.builder().versions("
                    + "ProtocolVersion.TLS13, ProtocolVersion.TLS12) (tls4j client --versions TLSv1.2); tls4j does not fall"
                    + " back to another version", e.getMessage());
            listener.setSoTimeout(300);
            assertThrows(SocketTimeoutException.class, listener::accept, "no connection was made");
        }
    }

    /** openssl s_client against TlsServerSocket; OpenSSL checks the certificate against the real clock. */
    @Test
    void opensslClientAgainstTlsServerSocket() throws Exception {
        File openssl = Peers.require("openssl", "openssl");
        long now = System.currentTimeMillis() / 1000;
        TestPki pki = new TestPki(new org.tls4j.testing.SeededRandomSource(5), now - 3600, now + 86400);
        TestPki.Authority root = pki.root("tls4j socket root", pki.generate(TestPki.KeyKind.EC_P256));
        TestPki.Key leafKey = pki.generate(TestPki.KeyKind.EC_P256);
        org.tls4j.handshake.tls13.CertifiedKey leaf = new org.tls4j.handshake.tls13.CertifiedKey(
                java.util.Arrays.asList(root.serverLeaf(leafKey, "localhost"), root.certificate()), leafKey);
        Path ca = dir.resolve("ca.pem");
        Files.write(ca, TestPki.chainPem(root.certificate()).getBytes(StandardCharsets.US_ASCII));
        try (TlsServerSocket server = TlsServerSocket.loopback(TlsConfig.builder().certificate(leaf).build())) {
            server.setSoTimeout(20_000);
            Process p = new ProcessBuilder(openssl.getPath(), "s_client", "-connect", "127.0.0.1:" + server.getLocalPort(),
                    "-tls1_3", "-servername", "localhost", "-CAfile", ca.toString(), "-verify_return_error", "-quiet")
                    .redirectErrorStream(true).start();
            try {
                p.getOutputStream().write("hello tls4j\n".getBytes(StandardCharsets.US_ASCII));
                p.getOutputStream().flush();
                try (TlsSocket s = server.accept()) {
                    s.setSoTimeout(20_000);
                    InputStream in = s.getInputStream();
                    ByteArrayOutputStream line = new ByteArrayOutputStream();
                    int c;
                    for (int i = 0; i < 100 && (c = in.read()) >= 0 && c != '\n'; i++) {
                        line.write(c);
                    }
                    assertEquals("hello tls4j", line.toString(StandardCharsets.US_ASCII));
                    assertEquals("localhost", s.session().serverName());
                    s.getOutputStream().write("hello openssl\n".getBytes(StandardCharsets.US_ASCII));
                }
                p.getOutputStream().close();
                assertTrue(p.waitFor(20, TimeUnit.SECONDS), "s_client exits after our close_notify");
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
                assertTrue(out.contains("hello openssl"), out);
            } finally {
                p.destroy();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void clientAgainstPlainSmtpServer() throws Exception {
        try (PythonPeers.Server smtp = PythonPeers.plainSmtp(dir);
                TlsSocket c = TlsSocket.connect("127.0.0.1", smtp.port, TestCerts.client().build(), 5000)) {
            c.setSoTimeout(20_000);
            TlsException e = assertThrows(TlsException.class, c::startHandshake);
            assertEquals("the server sent an SMTP greeting (\"220 mail.tls4j.test ESMTP tls4j-test\") where a TLS record"
                    + " was expected: this port speaks plain SMTP; connect with tcp:// and upgrade with STARTTLS, or use"
                    + " port 465 for implicit TLS", e.getMessage());
            assertTrue(c.isClosed());
        }
    }

    @Test
    void transportOpenAgainstPlainHttpServer() throws Exception {
        try (PythonPeers.Server http = PythonPeers.httpServer(dir)) {
            TlsException e = assertThrows(TlsException.class,
                    () -> Transport.parse("tls://127.0.0.1:" + http.port).open(TestCerts.client().build(), 10_000));
            // http.server answers an unparsable request line HTTP/0.9-style: an HTML error page, no status line
            assertEquals("the server sent an HTML page (\"<!DOCTYPE HTML>\") where a TLS record was expected: this port"
                    + " speaks plain HTTP (the page came without a status line, as old servers answer a request they"
                    + " cannot parse); use tcp:// (http://) here, or the server's HTTPS port (usually 443) for TLS",
                    e.getMessage());
        }
    }
}
