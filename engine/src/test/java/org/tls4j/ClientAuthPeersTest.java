package org.tls4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tls4j.crypto.x509.Certificate;
import org.tls4j.crypto.x509.TestPki;
import org.tls4j.handshake.tls13.CertifiedKey;
import org.tls4j.handshake.tls13.ClientAuth;
import org.tls4j.record.AlertDescription;
import org.tls4j.testing.Peers;
import org.tls4j.testing.SeededRandomSource;

/**
 * Client authentication against real peers, both directions: tls4j client with a certificate against
 * {@code openssl s_server -Verify 1} (required) and {@code -verify 1} (optional); {@code openssl
 * s_client -cert/-key} and {@code gnutls-cli --x509certfile/--x509keyfile} against a tls4j server with
 * {@link ClientAuth#REQUIRED}. The peers check validity against the real clock, so this PKI is valid now.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ClientAuthPeersTest {
    static TestPki pki;
    static TestPki.Authority root;
    static CertifiedKey serverChain;

    @TempDir
    Path dir;

    @BeforeAll
    static void pki() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        pki = new TestPki(new SeededRandomSource(21), now - 3600, now + 86400);
        root = pki.root("tls4j client-auth root", TestCerts.key(TestPki.KeyKind.EC_P384));
        TestPki.Key k = TestCerts.key(TestPki.KeyKind.EC_P256);
        serverChain = new CertifiedKey(Arrays.asList(root.serverLeaf(k, "localhost"), root.certificate()), k);
    }

    static CertifiedKey clientChain(TestPki.KeyKind kind) throws Exception {
        TestPki.Key k = TestCerts.key(kind);
        return new CertifiedKey(Arrays.asList(root.clientLeaf(k, "alice " + kind), root.certificate()), k);
    }

    /** Writes chain and key PEM files; returns {cert, key}. */
    private String[] pem(String name, CertifiedKey chain, TestPki.KeyKind kind) throws Exception {
        Path cert = dir.resolve(name + ".pem");
        Path key = dir.resolve(name + "-key.pem");
        Files.write(cert, TestPki.chainPem(chain.chain().toArray(new Certificate[0])).getBytes(StandardCharsets.US_ASCII));
        Files.write(key, TestCerts.key(kind).privateKeyPem().getBytes(StandardCharsets.US_ASCII));
        return new String[] {cert.toString(), key.toString()};
    }

    private String caFile() throws IOException {
        Path ca = dir.resolve("ca.pem");
        Files.write(ca, TestPki.chainPem(root.certificate()).getBytes(StandardCharsets.US_ASCII));
        return ca.toString();
    }

    /** openssl s_server -www with {@code verify} ("-Verify" required, "-verify" optional). */
    private PythonPeers.Server opensslServer(String verify) throws Exception {
        File openssl = Peers.require("openssl", "openssl");
        String[] s = pem("server", serverChain, TestPki.KeyKind.EC_P256);
        int port = PythonPeers.freePort();
        return new PythonPeers.Server(List.of(openssl.getPath(), "s_server", "-tls1_3", "-www", "-accept",
                "127.0.0.1:" + port, "-cert", s[0], "-key", s[1], verify, "1", "-CAfile", caFile(),
                "-verify_return_error"), dir, port, false);
    }

    private static TlsConfig.Builder client() {
        return TlsConfig.builder().trustAnchors(List.of(root.certificate())).serverName("localhost");
    }

    private static String get(TlsSocket c) throws IOException {
        c.setSoTimeout(20_000);
        c.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return new String(c.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
    }

    @Test
    void tls4jClientWithCertificateAgainstOpensslRequiringOne() throws Exception {
        for (TestPki.KeyKind kind : new TestPki.KeyKind[] {TestPki.KeyKind.EC_P256, TestPki.KeyKind.ED25519,
                TestPki.KeyKind.RSA_2048}) {
            CertifiedKey alice = clientChain(kind);
            try (PythonPeers.Server s = opensslServer("-Verify");
                    TlsSocket c = TlsSocket.connect("127.0.0.1", s.port, client().certificate(alice).build(), 5000)) {
                String page = get(c);
                assertTrue(page.startsWith("HTTP/1.0 200 ok"), page);
                assertEquals(alice.chain(), c.session().localCertificates());
                System.out.println("interop: tls4j client cert (" + kind + ") -> openssl s_server -Verify 1: ok");
            }
        }
    }

    @Test
    void tls4jClientWithoutCertificateAgainstOpenssl() throws Exception {
        try (PythonPeers.Server s = opensslServer("-verify");
                TlsSocket c = TlsSocket.connect("127.0.0.1", s.port, client().build(), 5000)) {
            String page = get(c);
            assertTrue(page.startsWith("HTTP/1.0 200 ok"), page);
            assertTrue(page.contains("no client certificate available"), page);
        }
        // Required: OpenSSL answers the empty Certificate with certificate_required (RFC 8446, 4.4.2.4).
        try (PythonPeers.Server s = opensslServer("-Verify");
                TlsSocket c = TlsSocket.connect("127.0.0.1", s.port, client().build(), 5000)) {
            IOException e = assertThrows(IOException.class, () -> get(c));
            TlsException t = cause(e);
            assertEquals(AlertDescription.CERTIFICATE_REQUIRED, t.alert(), e.toString());
            assertTrue(t.isAlertReceived());
        }
    }

    private static TlsException cause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TlsException) {
                return (TlsException) t;
            }
        }
        throw new AssertionError("no TlsException in " + e, e);
    }

    /** Runs {@code command} as a client of a REQUIRED tls4j server; returns the client chain the server saw. */
    private List<Certificate> againstTls4jServer(List<String> command, String expectInOutput) throws Exception {
        TlsConfig config = TlsConfig.builder().certificate(serverChain).trustAnchors(List.of(root.certificate()))
                .clientAuth(ClientAuth.REQUIRED).build();
        try (TlsServerSocket server = TlsServerSocket.loopback(config)) {
            server.setSoTimeout(20_000);
            List<String> cmd = new ArrayList<>(command);
            cmd.replaceAll(a -> a.replace("PORT", String.valueOf(server.getLocalPort())));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            try {
                p.getOutputStream().write("hello tls4j\n".getBytes(StandardCharsets.US_ASCII));
                p.getOutputStream().flush();
                List<Certificate> seen;
                try (TlsSocket s = server.accept()) {
                    s.setSoTimeout(20_000);
                    InputStream in = s.getInputStream();
                    ByteArrayOutputStream line = new ByteArrayOutputStream();
                    int c;
                    for (int i = 0; i < 100 && (c = in.read()) >= 0 && c != '\n'; i++) {
                        line.write(c);
                    }
                    assertEquals("hello tls4j", line.toString(StandardCharsets.US_ASCII));
                    seen = s.session().peerCertificates();
                    s.getOutputStream().write((expectInOutput + "\n").getBytes(StandardCharsets.US_ASCII));
                }
                p.getOutputStream().close();
                assertTrue(p.waitFor(20, TimeUnit.SECONDS), "the client exits after our close_notify");
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
                assertTrue(out.contains(expectInOutput), out);
                return seen;
            } finally {
                p.destroy();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void opensslClientWithCertificateAgainstTls4jServer() throws Exception {
        File openssl = Peers.require("openssl", "openssl");
        for (TestPki.KeyKind kind : new TestPki.KeyKind[] {TestPki.KeyKind.EC_P256, TestPki.KeyKind.RSA_2048}) {
            CertifiedKey alice = clientChain(kind);
            String[] c = pem("client-" + kind, alice, kind);
            List<Certificate> seen = againstTls4jServer(List.of(openssl.getPath(), "s_client", "-connect",
                    "127.0.0.1:PORT", "-tls1_3", "-servername", "localhost", "-CAfile", caFile(),
                    "-verify_return_error", "-quiet", "-cert", c[0], "-key", c[1]), "hello openssl");
            assertEquals(alice.chain(), seen);
            System.out.println("interop: openssl s_client -cert (" + kind + ") -> tls4j server REQUIRED: ok");
        }
    }

    @Test
    void gnutlsClientWithCertificateAgainstTls4jServer() throws Exception {
        File gnutls = Peers.require("gnutls-cli", "gnutls-bin");
        CertifiedKey alice = clientChain(TestPki.KeyKind.EC_P256);
        String[] c = pem("client-gnutls", alice, TestPki.KeyKind.EC_P256);
        List<Certificate> seen = againstTls4jServer(List.of(gnutls.getPath(), "--priority",
                "NORMAL:-VERS-ALL:+VERS-TLS1.3", "--x509cafile", caFile(), "--verify-hostname", "localhost",
                "--x509certfile", c[0], "--x509keyfile", c[1], "-p", "PORT", "127.0.0.1"), "hello gnutls");
        assertEquals(alice.chain(), seen);
        System.out.println("interop: gnutls-cli --x509certfile -> tls4j server REQUIRED: ok");
    }
}
