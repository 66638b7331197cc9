package org.tls4j.conformance.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.File;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tls4j.TlsConfig;
import org.tls4j.TlsException;
import org.tls4j.TlsSession;
import org.tls4j.cli.EngineConnection;
import org.tls4j.record.AlertDescription;

/**
 * Interop beyond the parameter matrix: HelloRetryRequest forced from both sides (with and without a
 * cookie), ALPN, the server's certificate chosen by SNI, a 64 MiB transfer with a checksum, and
 * negative cases where the peer offers nothing tls4j accepts (the alert is checked on both sides).
 */
@ExtendWith(InteropMatrix.class)
@Timeout(60)
class Tls13InteropFeaturesTest {
    @TempDir
    static File dir;
    static InteropPki pki;

    @BeforeAll
    static void pki() throws Exception {
        pki = new InteropPki(dir);
    }

    static String reverse(String s) {
        return new StringBuilder(s).reverse().toString();
    }

    // ---- HelloRetryRequest

    @Test
    void hrrTls4jClientToOpensslServer() throws Throwable {
        InteropMatrix.run("openssl s_server", "tls4j client -> peer server",
                "HRR: client key share x25519, server only P-384", () -> {
                    try (PeerCommands.Server s = PeerCommands.opensslServer(dir, pki.leaf(InteropPki.LeafKind.EC_P256),
                            null, "P-384", List.of())) {
                        TlsConfig config = Tls4j.client(pki).groups(Tls4j.group("x25519"), Tls4j.group("secp384r1"))
                                .keyShareGroups(Tls4j.group("x25519")).build();
                        TlsSession session = Tls13InteropTest.clientExchange(config, s.port(), "hrr", "rrh");
                        assertTrue(session.helloRetried(), "a HelloRetryRequest was expected: " + session);
                        assertEquals("secp384r1", session.group().name());
                    }
                });
    }

    @Test
    void hrrOpensslClientToTls4jServer() throws Throwable {
        hrrOpensslClient(false);
    }

    @Test
    void hrrWithCookieOpensslClientToTls4jServer() throws Throwable {
        hrrOpensslClient(true);
    }

    private void hrrOpensslClient(boolean cookie) throws Throwable {
        InteropMatrix.run("openssl s_client", "peer client -> tls4j server",
                "HRR" + (cookie ? " with cookie" : "") + ": client shares X25519, server only secp384r1", () -> {
                    TlsConfig config = Tls4j.server(pki.leaf(InteropPki.LeafKind.EC_P256)).groups(Tls4j.group("secp384r1"))
                            .helloRetryCookie(cookie).build();
                    try (Tls4j.Server server = new Tls4j.Server(config);
                            PeerProcess p = PeerCommands.opensslClient(dir, server.port(), pki.caFile, null, "X25519:P-384",
                                    null, List.of())) {
                        p.await(Pattern.compile("Verify return code: 0 \\(ok\\)"), Duration.ofSeconds(15));
                        p.send("hrr\n");
                        p.await(Pattern.compile("rrh"), Duration.ofSeconds(10));
                        Tls4j.Served served = server.await();
                        assertTrue(served.session().helloRetried(), served.session().toString());
                        assertEquals("secp384r1", served.session().group().name());
                    }
                });
    }

    @Test
    void hrrGnutlsClientToTls4jServer() throws Throwable {
        // gnutls-cli sends key shares for its first two groups (x25519, secp256r1): secp384r1 needs an HRR.
        InteropMatrix.run("gnutls-cli", "peer client -> tls4j server",
                "HRR: client shares x25519+secp256r1, server only secp384r1", () -> {
                    TlsConfig config = Tls4j.server(pki.leaf(InteropPki.LeafKind.EC_P256)).groups(Tls4j.group("secp384r1")).build();
                    try (Tls4j.Server server = new Tls4j.Server(config);
                            PeerProcess p = PeerCommands.gnutlsClient(dir, server.port(), pki.caFile,
                                    "NORMAL:-VERS-ALL:+VERS-TLS1.3:-GROUP-ALL:+GROUP-X25519:+GROUP-SECP256R1:+GROUP-SECP384R1",
                                    List.of())) {
                        p.await(Pattern.compile("Handshake was completed"), Duration.ofSeconds(15));
                        p.send("hrr\n");
                        p.await(Pattern.compile("rrh"), Duration.ofSeconds(10));
                        Tls4j.Served served = server.await();
                        assertTrue(served.session().helloRetried(), served.session().toString());
                        assertTrue(p.out().contains("(ECDHE-SECP384R1)"), p.transcript());
                    }
                });
    }

    @Test
    void hrrJsseClientToTls4jServer() throws Throwable {
        InteropMatrix.run("JSSE SSLSocket", "peer client -> tls4j server", "HRR: JSSE default shares, server only ffdhe2048",
                () -> {
                    TlsConfig config = Tls4j.server(pki.leaf(InteropPki.LeafKind.EC_P256)).groups(Tls4j.group("ffdhe2048")).build();
                    try (Tls4j.Server server = new Tls4j.Server(config);
                            SSLSocket s = Jsse.client(Jsse.context(pki, null), server.port(), null, null, null)) {
                        s.getOutputStream().write("hrr\n".getBytes(StandardCharsets.US_ASCII));
                        s.getOutputStream().flush();
                        assertEquals("rrh\n", new String(s.getInputStream().readNBytes(4), StandardCharsets.US_ASCII));
                        Tls4j.Served served = server.await();
                        assertTrue(served.session().helloRetried(), served.session().toString());
                        assertEquals("ffdhe2048", served.session().group().name());
                    }
                });
    }

    // ---- ALPN

    @Test
    void alpnTls4jClientToOpensslServer() throws Throwable {
        InteropMatrix.run("openssl s_server", "tls4j client -> peer server", "ALPN: client h2,http/1.1; server http/1.1",
                () -> {
                    try (PeerCommands.Server s = PeerCommands.opensslServer(dir, pki.leaf(InteropPki.LeafKind.EC_P256), null,
                            null, List.of("-alpn", "http/1.1"))) {
                        TlsConfig config = Tls4j.client(pki).alpnProtocols("h2", "http/1.1").build();
                        TlsSession session = Tls13InteropTest.clientExchange(config, s.port(), "alpn", "npla");
                        assertEquals("http/1.1", session.applicationProtocol());
                    }
                });
    }

    @Test
    void alpnOpensslClientToTls4jServer() throws Throwable {
        InteropMatrix.run("openssl s_client", "peer client -> tls4j server", "ALPN: client h2,http/1.1; server http/1.1",
                () -> {
                    TlsConfig config = Tls4j.server(pki.leaf(InteropPki.LeafKind.EC_P256)).alpnProtocols("http/1.1").build();
                    try (Tls4j.Server server = new Tls4j.Server(config);
                            PeerProcess p = PeerCommands.opensslClient(dir, server.port(), pki.caFile, null, null, null,
                                    List.of("-alpn", "h2,http/1.1"))) {
                        p.await(Pattern.compile("ALPN protocol: http/1.1"), Duration.ofSeconds(15));
                        p.send("alpn\n");
                        p.await(Pattern.compile("npla"), Duration.ofSeconds(10));
                        assertEquals("http/1.1", server.await().session().applicationProtocol());
                    }
                });
    }

    @Test
    void alpnGnutlsClientToTls4jServer() throws Throwable {
        InteropMatrix.run("gnutls-cli", "peer client -> tls4j server", "ALPN: client h2; server http/1.1,h2", () -> {
            TlsConfig config = Tls4j.server(pki.leaf(InteropPki.LeafKind.EC_P256)).alpnProtocols("http/1.1", "h2").build();
            try (Tls4j.Server server = new Tls4j.Server(config);
                    PeerProcess p = PeerCommands.gnutlsClient(dir, server.port(), pki.caFile, "NORMAL:-VERS-ALL:+VERS-TLS1.3",
                            List.of("--alpn", "h2"))) {
                p.await(Pattern.compile("Application protocol: h2"), Duration.ofSeconds(15));
                p.send("alpn\n");
                p.await(Pattern.compile("npla"), Duration.ofSeconds(10));
                assertEquals("h2", server.await().session().applicationProtocol());
            }
        });
    }

    @Test
    void alpnTls4jClientToJsseServer() throws Throwable {
        InteropMatrix.run("JSSE SSLServerSocket", "tls4j client -> peer server", "ALPN: client h2,http/1.1; server h2", () -> {
            try (Jsse.Server s = new Jsse.Server(Jsse.context(pki, pki.leaf(InteropPki.LeafKind.EC_P256)), null, List.of("h2"))) {
                TlsConfig config = Tls4j.client(pki).alpnProtocols("h2", "http/1.1").build();
                TlsSession session = Tls13InteropTest.clientExchange(config, s.port(), "alpn", "npla");
                assertEquals("h2", session.applicationProtocol());
            }
        });
    }

    // ---- SNI

    @Test
    void sniChoosesTheServerCertificate() throws Throwable {
        InteropPki.Leaf alpha = pki.issue(InteropPki.LeafKind.EC_P256, "alpha", "alpha.test");
        InteropPki.Leaf beta = pki.issue(InteropPki.LeafKind.ED25519, "beta", "beta.test");
        for (InteropPki.Leaf want : List.of(alpha, beta)) {
            String name = want == alpha ? "alpha.test" : "beta.test";
            InteropMatrix.run("openssl s_client", "peer client -> tls4j server",
                    "SNI " + name + " -> " + want.kind.scheme + " certificate (server has alpha.test EC, beta.test Ed25519)", () -> {
                        TlsConfig config = Tls4j.server(alpha, beta).build();
                        try (Tls4j.Server server = new Tls4j.Server(config);
                                PeerProcess p = PeerCommands.opensslClient(dir, server.port(), pki.caFile, null, null, null,
                                        List.of("-servername", name, "-verify_hostname", name))) {
                            p.await(Pattern.compile("Verify return code: 0 \\(ok\\)"), Duration.ofSeconds(15));
                            p.send("sni\n");
                            p.await(Pattern.compile("ins"), Duration.ofSeconds(10));
                            TlsSession s = server.await().session();
                            assertEquals(name, s.serverName());
                            assertEquals(want.kind.scheme, s.signatureScheme().name());
                            assertArrayEquals(want.certificate.encoded(), s.localCertificates().get(0).encoded());
                        }
                    });
        }
    }

    @Test
    void sniTls4jClientToOpensslServer() throws Throwable {
        InteropPki.Leaf alpha = pki.issue(InteropPki.LeafKind.EC_P256, "alpha2", "alpha.test");
        InteropPki.Leaf beta = pki.issue(InteropPki.LeafKind.EC_P384, "beta2", "beta.test");
        InteropMatrix.run("openssl s_server", "tls4j client -> peer server",
                "SNI beta.test -> openssl's -cert2 (P-384), default alpha.test", () -> {
                    try (PeerCommands.Server s = PeerCommands.opensslServer(dir, alpha, null, null, List.of("-servername",
                            "beta.test", "-cert2", beta.chainFile.getPath(), "-key2", beta.keyFile.getPath()))) {
                        TlsConfig config = TlsConfig.builder().trustAnchors(List.of(pki.root)).serverName("beta.test").build();
                        TlsSession session = Tls13InteropTest.clientExchange(config, s.port(), "sni", "ins");
                        assertArrayEquals(beta.certificate.encoded(), session.peerCertificates().get(0).encoded());
                        assertEquals("ecdsa_secp384r1_sha384", session.signatureScheme().name());
                    }
                });
    }

    // ---- A large transfer

    static final String LARGE_SUITE = "TLS_CHACHA20_POLY1305_SHA256";

    /**
     * {@code openssl s_client} sends a 64 MiB file (its standard input) to a tls4j server, which hashes
     * what it receives and answers with the SHA-256 in hex; the test compares it with the file's.
     */
    @Test
    void largeTransferOpensslClientToTls4jServer() throws Throwable {
        final int total = 64 << 20;
        InteropMatrix.run("openssl s_client", "peer client -> tls4j server",
                "64 MiB client->server, SHA-256 compared (" + LARGE_SUITE + " x25519)", () -> {
                    File data = new File(dir, "64MiB.bin");
                    MessageDigest md = MessageDigest.getInstance("SHA-256");
                    try (java.io.OutputStream o = new java.io.BufferedOutputStream(new java.io.FileOutputStream(data), 1 << 16)) {
                        byte[] chunk = new byte[1 << 16];
                        java.util.SplittableRandom r = new java.util.SplittableRandom(7);
                        for (int sent = 0; sent < total; sent += chunk.length) {
                            for (int i = 0; i < chunk.length; i += 8) {
                                long v = r.nextLong();
                                for (int j = 0; j < 8; j++) {
                                    chunk[i + j] = (byte) (v >>> (8 * j));
                                }
                            }
                            md.update(chunk);
                            o.write(chunk);
                        }
                    }
                    String want = java.util.HexFormat.of().formatHex(md.digest());
                    TlsConfig config = Tls4j.only(Tls4j.server(pki.leaf(InteropPki.LeafKind.EC_P256)), LARGE_SUITE, null).build();
                    CompletableFuture<String> got = new CompletableFuture<>();
                    try (java.net.ServerSocket ss = new java.net.ServerSocket(0, 1, Ports.loopback())) {
                        ss.setSoTimeout(Tls4j.TIMEOUT_MS);
                        Thread t = new Thread(() -> {
                            try (java.net.Socket sock = ss.accept()) {
                                sock.setSoTimeout(Tls4j.TIMEOUT_MS);
                                EngineConnection c = new EngineConnection(org.tls4j.TlsEngine.server(config), sock);
                                c.handshake();
                                MessageDigest h = MessageDigest.getInstance("SHA-256");
                                byte[] buf = new byte[1 << 16];
                                long left = total;
                                while (left > 0) {
                                    int n = c.read(buf, 0, (int) Math.min(buf.length, left));
                                    if (n < 0) {
                                        throw new java.io.EOFException(left + " bytes missing");
                                    }
                                    h.update(buf, 0, n);
                                    left -= n;
                                }
                                String hex = java.util.HexFormat.of().formatHex(h.digest());
                                c.write(("sha256=" + hex + "\n").getBytes(StandardCharsets.US_ASCII));
                                c.closeOutbound();
                                got.complete(hex);
                            } catch (Throwable e) {
                                got.completeExceptionally(e);
                            }
                        }, "tls4j-large-server");
                        t.setDaemon(true);
                        t.start();
                        long t0 = System.nanoTime();
                        try (PeerProcess p = PeerCommands.opensslClient(dir, ss.getLocalPort(), pki.caFile, LARGE_SUITE, null,
                                null, List.of("-quiet"), data)) {
                            assertEquals(want, got.get(60, TimeUnit.SECONDS), "SHA-256 of what the tls4j server received");
                            p.await(Pattern.compile("sha256=" + want), Duration.ofSeconds(10));
                        }
                        t.join(Tls4j.TIMEOUT_MS);
                        System.out.printf("large transfer: 64 MiB openssl s_client -> tls4j server with %s in %.1f s%n",
                                LARGE_SUITE, (System.nanoTime() - t0) / 1e9);
                    } finally {
                        data.delete();
                    }
                });
    }

    // ---- Negative interop: nothing acceptable on offer

    @Test
    void noCommonSuiteTls4jClientToOpensslServer() throws Throwable {
        InteropMatrix.run("openssl s_server", "tls4j client -> peer server",
                "no common suite (client CHACHA20, server AES_256_GCM) -> handshake_failure", () -> {
                    try (PeerCommands.Server s = PeerCommands.opensslServer(dir, pki.leaf(InteropPki.LeafKind.EC_P256),
                            "TLS_AES_256_GCM_SHA384", null, List.of())) {
                        TlsConfig config = Tls4j.only(Tls4j.client(pki), "TLS_CHACHA20_POLY1305_SHA256", null).build();
                        TlsException e = assertThrows(TlsException.class, () -> Tls4j.connect(config, s.port()).close());
                        assertEquals(AlertDescription.HANDSHAKE_FAILURE, e.alert());
                        assertTrue(e.isAlertReceived(), "the server sends the alert");
                        s.process().await(Pattern.compile("no shared cipher"), Duration.ofSeconds(5));
                    }
                });
    }

    @Test
    void noCommonSuiteOpensslClientToTls4jServer() throws Throwable {
        InteropMatrix.run("openssl s_client", "peer client -> tls4j server",
                "no common suite (client AES_256_GCM, server AES_128_GCM) -> handshake_failure", () -> {
                    TlsConfig config = Tls4j.only(Tls4j.server(pki.leaf(InteropPki.LeafKind.EC_P256)), "TLS_AES_128_GCM_SHA256", null).build();
                    try (Tls4j.Server server = new Tls4j.Server(config, false);
                            PeerProcess p = PeerCommands.opensslClient(dir, server.port(), pki.caFile, "TLS_AES_256_GCM_SHA384",
                                    null, null, List.of())) {
                        TlsException e = assertThrows(TlsException.class, server::await);
                        assertEquals(AlertDescription.HANDSHAKE_FAILURE, e.alert());
                        assertFalse(e.isAlertReceived(), "tls4j detects it and sends the alert");
                        p.await(Pattern.compile("alert handshake failure"), Duration.ofSeconds(10));
                        assertTrue(p.transcript().contains("SSL alert number 40"), p.transcript());
                    }
                });
    }

    @Test
    void noCommonGroupOpensslClientToTls4jServer() throws Throwable {
        InteropMatrix.run("openssl s_client", "peer client -> tls4j server",
                "no common group (client P-256, server x448) -> handshake_failure", () -> {
                    TlsConfig config = Tls4j.only(Tls4j.server(pki.leaf(InteropPki.LeafKind.EC_P256)), null, "x448").build();
                    try (Tls4j.Server server = new Tls4j.Server(config, false);
                            PeerProcess p = PeerCommands.opensslClient(dir, server.port(), pki.caFile, null, "P-256", null,
                                    List.of())) {
                        TlsException e = assertThrows(TlsException.class, server::await);
                        assertEquals(AlertDescription.HANDSHAKE_FAILURE, e.alert());
                        assertFalse(e.isAlertReceived());
                        p.await(Pattern.compile("SSL alert number 40"), Duration.ofSeconds(10));
                    }
                });
    }

    @Test
    void tls12OnlyGnutlsClientToTls4jServer() throws Throwable {
        InteropMatrix.run("gnutls-cli", "peer client -> tls4j server", "client offers TLS 1.2 only to a TLS 1.3-only server -> protocol_version", () -> {
            TlsConfig config = Tls4j.server(pki.leaf(InteropPki.LeafKind.EC_P256))
                    .versions(org.tls4j.record.ProtocolVersion.TLS13).build();
            try (Tls4j.Server server = new Tls4j.Server(config, false);
                    PeerProcess p = PeerCommands.gnutlsClient(dir, server.port(), pki.caFile,
                            "NORMAL:-VERS-ALL:+VERS-TLS1.2", List.of())) {
                TlsException e = assertThrows(TlsException.class, server::await);
                assertEquals(AlertDescription.PROTOCOL_VERSION, e.alert());
                assertFalse(e.isAlertReceived());
                p.await(Pattern.compile("Received alert \\[70\\]"), Duration.ofSeconds(10));
            }
        });
    }

    @Test
    void untrustedServerTls4jClientToOpensslServer() throws Throwable {
        InteropMatrix.run("openssl s_server", "tls4j client -> peer server",
                "server chain not under the client's anchors -> unknown_ca", () -> {
                    InteropPki other = new InteropPki(new File(dir, "other-" + System.nanoTime()) {
                        {
                            mkdirs();
                        }
                    });
                    try (PeerCommands.Server s = PeerCommands.opensslServer(dir, pki.leaf(InteropPki.LeafKind.EC_P256), null,
                            null, List.of())) {
                        TlsConfig config = TlsConfig.builder().trustAnchors(List.of(other.root)).serverName("localhost").build();
                        TlsException e = assertThrows(TlsException.class, () -> Tls4j.connect(config, s.port()).close());
                        assertEquals(AlertDescription.UNKNOWN_CA, e.alert());
                        assertFalse(e.isAlertReceived());
                        s.process().await(Pattern.compile("alert unknown ca"), Duration.ofSeconds(10));
                    }
                });
    }
}
