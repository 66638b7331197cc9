package org.tls4j.conformance.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.tls4j.cli.EngineConnection;
import org.tls4j.TlsConfig;
import org.tls4j.TlsSession;
import org.tls4j.record.ProtocolVersion;

/**
 * Live smoke interop of TLS 1.0-1.2 against OpenSSL 3.0, both directions: tls4j's client to
 * {@code openssl s_server -rev} and {@code openssl s_client} to tls4j's server, one line exchanged each
 * time, for every key exchange (ECDHE_ECDSA, ECDHE_RSA, DHE_RSA, RSA) in TLS 1.2 and in TLS 1.0/1.1
 * ({@code -cipher ...:@SECLEVEL=0}, as OpenSSL 3.0 refuses those versions at its default security
 * level), which exercises the MD5+SHA-1 and SHA-1 ECDSA signatures, CBC with chained IVs and 1/n-1
 * splitting, encrypt-then-MAC and extended master secret against OpenSSL. Each case checks the negotiated version and suite on both ends. The full matrix (GnuTLS,
 * JSSE, every suite) is the tls12x branch's.
 */
class Tls12PeerSmokeTest {
    private static final Pattern ACCEPT = Pattern.compile("(?m)^ACCEPT 127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    static File dir;
    static InteropPki pki;

    @BeforeAll
    static void setUp() throws Exception {
        PeerCommands.openssl();
        pki = new InteropPki(dir);
    }

    /** One case: version, tls4j suite name, OpenSSL cipher name, server key. */
    record Case(ProtocolVersion version, String suite, String openssl, InteropPki.LeafKind leaf) {
        String versionFlag() {
            return version.equals(ProtocolVersion.TLS12) ? "-tls1_2" : version.equals(ProtocolVersion.TLS11) ? "-tls1_1" : "-tls1";
        }

        String cipherList() {
            return version.equals(ProtocolVersion.TLS12) ? openssl : openssl + ":@SECLEVEL=0";
        }

        @Override
        public String toString() {
            return version + " " + suite + " (" + leaf + ")";
        }
    }

    static final List<Case> CASES = List.of(
            new Case(ProtocolVersion.TLS12, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "ECDHE-ECDSA-AES128-GCM-SHA256", InteropPki.LeafKind.EC_P256),
            new Case(ProtocolVersion.TLS12, "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "ECDHE-ECDSA-CHACHA20-POLY1305", InteropPki.LeafKind.EC_P384),
            new Case(ProtocolVersion.TLS12, "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "ECDHE-RSA-AES256-GCM-SHA384", InteropPki.LeafKind.RSA_2048),
            new Case(ProtocolVersion.TLS12, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", "ECDHE-RSA-AES128-SHA256", InteropPki.LeafKind.RSA_2048),
            new Case(ProtocolVersion.TLS12, "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", "DHE-RSA-AES128-GCM-SHA256", InteropPki.LeafKind.RSA_2048),
            new Case(ProtocolVersion.TLS12, "TLS_DHE_RSA_WITH_AES_256_CBC_SHA", "DHE-RSA-AES256-SHA", InteropPki.LeafKind.RSA_2048),
            new Case(ProtocolVersion.TLS12, "TLS_RSA_WITH_AES_128_GCM_SHA256", "AES128-GCM-SHA256", InteropPki.LeafKind.RSA_2048),
            new Case(ProtocolVersion.TLS12, "TLS_RSA_WITH_AES_256_CBC_SHA256", "AES256-SHA256", InteropPki.LeafKind.RSA_2048),
            new Case(ProtocolVersion.TLS11, "TLS_RSA_WITH_AES_128_CBC_SHA", "AES128-SHA", InteropPki.LeafKind.RSA_2048),
            new Case(ProtocolVersion.TLS11, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA", "ECDHE-ECDSA-AES256-SHA", InteropPki.LeafKind.EC_P256),
            new Case(ProtocolVersion.TLS10, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "ECDHE-RSA-AES128-SHA", InteropPki.LeafKind.RSA_2048),
            new Case(ProtocolVersion.TLS10, "TLS_DHE_RSA_WITH_AES_256_CBC_SHA", "DHE-RSA-AES256-SHA", InteropPki.LeafKind.RSA_2048),
            new Case(ProtocolVersion.TLS10, "TLS_RSA_WITH_AES_256_CBC_SHA", "AES256-SHA", InteropPki.LeafKind.RSA_2048));

    private static TlsConfig.Builder only(TlsConfig.Builder b, Case c) {
        return b.versions(c.version).tls12CipherSuites(Tls4j.suite(c.suite));
    }

    @TestFactory
    List<DynamicTest> tls4jClientToOpensslServer() {
        List<DynamicTest> out = new ArrayList<>();
        for (Case c : CASES) {
            out.add(DynamicTest.dynamicTest("tls4j client -> openssl s_server " + c, () -> {
                InteropPki.Leaf leaf = pki.leaf(c.leaf);
                List<String> cmd = new ArrayList<>(List.of(PeerCommands.openssl().getPath(), "s_server", "-accept",
                        "127.0.0.1:0", "-naccept", "1", c.versionFlag(), "-rev", "-cert", leaf.chainFile.getPath(),
                        "-key", leaf.keyFile.getPath(), "-cipher", c.cipherList()));
                try (PeerProcess p = PeerProcess.start("openssl s_server", dir, cmd)) {
                    Matcher m = p.await(ACCEPT, Duration.ofSeconds(10));
                    int port = Integer.parseInt(m.group(1));
                    TlsConfig config = only(Tls4j.client(pki), c).build();
                    String nonce = "tls12-" + System.nanoTime();
                    TlsSession s;
                    try (EngineConnection conn = Tls4j.connect(config, port)) {
                        conn.write((nonce + "\n").getBytes(StandardCharsets.ISO_8859_1));
                        assertEquals(new StringBuilder(nonce).reverse().toString(), Tls4j.readLine(conn), p.transcript());
                        conn.closeOutbound();
                        s = conn.session();
                    }
                    assertEquals(c.version, s.version());
                    assertEquals(c.suite, s.cipherSuite().name());
                    System.out.println("tls4j client -> openssl s_server: " + s);
                }
            }));
        }
        return out;
    }

    @TestFactory
    List<DynamicTest> opensslClientToTls4jServer() {
        List<DynamicTest> out = new ArrayList<>();
        for (Case c : CASES) {
            out.add(DynamicTest.dynamicTest("openssl s_client -> tls4j server " + c, () -> {
                InteropPki.Leaf leaf = pki.leaf(c.leaf);
                TlsConfig config = only(Tls4j.server(leaf), c).build();
                try (Tls4j.Server server = new Tls4j.Server(config)) {
                    List<String> cmd = new ArrayList<>(List.of(PeerCommands.openssl().getPath(), "s_client", "-connect",
                            "127.0.0.1:" + server.port(), c.versionFlag(), "-cipher", c.cipherList(), "-servername",
                            "localhost", "-verify_hostname", "localhost", "-CAfile", pki.caFile.getPath(),
                            "-verify_return_error", "-ign_eof"));
                    try (PeerProcess p = PeerProcess.start("openssl s_client", dir, cmd)) {
                        p.await(Pattern.compile("Verify return code: 0 \\(ok\\)"), Duration.ofSeconds(15));
                        String nonce = "tls12-" + System.nanoTime();
                        p.send(nonce + "\n");
                        p.await(Pattern.compile(Pattern.quote(new StringBuilder(nonce).reverse().toString())),
                                Duration.ofSeconds(10));
                        Tls4j.Served served = server.await();
                        assertEquals(nonce, served.received());
                        assertEquals(c.version, served.session().version());
                        assertEquals(c.suite, served.session().cipherSuite().name());
                        assertTrue(p.out().contains("Cipher is " + c.openssl) || p.out().contains("Cipher    : " + c.openssl),
                                p.transcript());
                        System.out.println("openssl s_client -> tls4j server: " + served.session());
                    }
                }
            }));
        }
        return out;
    }

    /**
     * The tls4j client's key log (KeyLogWriter, NSS format) for a TLS 1.2 connection equals the one
     * {@code openssl s_server -keylogfile} writes: one {@code CLIENT_RANDOM} line with the master secret.
     */
    @org.junit.jupiter.api.Test
    void tls12KeyLogEqualsOpensslKeyLog() throws Exception {
        InteropPki.Leaf leaf = pki.leaf(InteropPki.LeafKind.EC_P256);
        File theirs = new File(dir, "openssl-tls12.keys");
        File ours = new File(dir, "tls4j-tls12.keys");
        List<String> cmd = new ArrayList<>(List.of(PeerCommands.openssl().getPath(), "s_server", "-accept",
                "127.0.0.1:0", "-naccept", "1", "-tls1_2", "-rev", "-cert", leaf.chainFile.getPath(),
                "-key", leaf.keyFile.getPath(), "-keylogfile", theirs.getPath()));
        try (PeerProcess p = PeerProcess.start("openssl s_server", dir, cmd)) {
            int port = Integer.parseInt(p.await(ACCEPT, Duration.ofSeconds(10)).group(1));
            try (org.tls4j.KeyLogWriter w = new org.tls4j.KeyLogWriter(ours.getPath())) {
                TlsConfig config = Tls4j.client(pki).versions(ProtocolVersion.TLS12).listener(w).build();
                try (EngineConnection conn = Tls4j.connect(config, port)) {
                    conn.write("keylog\n".getBytes(StandardCharsets.ISO_8859_1));
                    assertEquals("golyek", Tls4j.readLine(conn), p.transcript());
                    conn.closeOutbound();
                }
            }
            List<String> a = keyLines(ours);
            List<String> b = List.of();
            for (int i = 0; i < 100 && b.isEmpty(); i++) {
                b = keyLines(theirs);
                Thread.sleep(100);
            }
            assertEquals(1, a.size(), a.toString());
            assertTrue(a.get(0).startsWith("CLIENT_RANDOM "), a.get(0));
            assertEquals(b, a);
            System.out.println("interop: tls4j TLS 1.2 client key log == openssl s_server -keylogfile: ok");
        }
    }

    private static List<String> keyLines(File f) throws java.io.IOException {
        if (!f.exists()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String l : java.nio.file.Files.readAllLines(f.toPath())) {
            if (!l.startsWith("#") && !l.isBlank()) {
                out.add(l);
            }
        }
        return out;
    }
}
