package org.tls4j.conformance.interop;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the interop machinery itself, with no tls4j engine involved: OpenSSL and GnuTLS talk TLS 1.3
 * to each other through {@link PeerCommands} and {@link PeerProcess}, with the certificates tls4j's
 * TestPki made for every key type. If these fail, the harness or the PEM files are wrong, not tls4j's
 * TLS code.
 */
@ExtendWith(InteropMatrix.class)
@Timeout(120)
class PeerHarnessTest {
    @TempDir
    static File dir;
    static InteropPki pki;

    @BeforeAll
    static void pki() throws Exception {
        pki = new InteropPki(dir);
    }

    @TestFactory
    List<DynamicTest> opensslServerGnutlsClientEveryKeyType() {
        List<DynamicTest> tests = new ArrayList<>();
        for (InteropPki.LeafKind k : InteropPki.LeafKind.values()) {
            tests.add(DynamicTest.dynamicTest(k.scheme, () -> InteropMatrix.run("openssl s_server <- gnutls-cli",
                    "harness self-check", "TLS_AES_128_GCM_SHA256 x25519 " + k.scheme,
                    () -> opensslServerGnutlsClient(k))));
        }
        return tests;
    }

    private void opensslServerGnutlsClient(InteropPki.LeafKind k) throws Exception {
        InteropPki.Leaf leaf = pki.leaf(k);
        try (PeerCommands.Server s = PeerCommands.opensslServer(dir, leaf, "TLS_AES_128_GCM_SHA256", "X25519", List.of());
                PeerProcess c = PeerCommands.gnutlsClient(dir, s.port(), pki.caFile,
                        Names.gnutlsPriority("TLS_AES_128_GCM_SHA256", "x25519", k.scheme), List.of())) {
            c.await(Pattern.compile("Handshake was completed"), Duration.ofSeconds(10));
            c.send("harness-" + k + "\n");
            c.await(Pattern.compile(Pattern.quote(new StringBuilder("harness-" + k).reverse().toString())),
                    Duration.ofSeconds(10));
            String desc = "(TLS1.3-X.509)-(ECDHE-X25519)-(" + Names.GNUTLS_DESC_SIGN.get(k.scheme) + ")-(AES-128-GCM)";
            assertTrue(c.out().contains(desc), "expected " + desc + "\n" + c.transcript());
        }
    }

    @TestFactory
    List<DynamicTest> gnutlsServerOpensslClient() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String suite : List.of("TLS_AES_128_CCM_8_SHA256", "TLS_CHACHA20_POLY1305_SHA256")) {
            tests.add(DynamicTest.dynamicTest(suite, () -> InteropMatrix.run("gnutls-serv <- openssl s_client",
                    "harness self-check", suite + " ffdhe2048 ecdsa_secp256r1_sha256", () -> {
                        InteropPki.Leaf leaf = pki.leaf(InteropPki.LeafKind.EC_P256);
                        try (PeerCommands.Server s = PeerCommands.gnutlsServer(dir, leaf,
                                Names.gnutlsPriority(suite, "ffdhe2048", null), List.of());
                                PeerProcess c = PeerCommands.opensslClient(dir, s.port(), pki.caFile, suite, "ffdhe2048",
                                        null, List.of())) {
                            c.await(Pattern.compile("Verify return code: 0 \\(ok\\)"), Duration.ofSeconds(10));
                            c.send("echo-" + suite + "\n");
                            c.await(Pattern.compile("(?m)^echo-" + suite + "$"), Duration.ofSeconds(10));
                            assertTrue(c.out().contains("Cipher is " + suite), c.transcript());
                            assertTrue(c.out().contains("Server Temp Key: DH, 2048 bits"), c.transcript());
                        }
                    })));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> jsseServerOpensslClientEveryKeyType() {
        List<DynamicTest> tests = new ArrayList<>();
        for (InteropPki.LeafKind k : InteropPki.LeafKind.values()) {
            tests.add(DynamicTest.dynamicTest(k.scheme, () -> InteropMatrix.run("JSSE server <- openssl s_client",
                    "harness self-check", "TLS_AES_256_GCM_SHA384 secp384r1 " + k.scheme, () -> {
                        try (Jsse.Server s = new Jsse.Server(Jsse.context(pki, pki.leaf(k)), null, null);
                                PeerProcess c = PeerCommands.opensslClient(dir, s.port(), pki.caFile,
                                        "TLS_AES_256_GCM_SHA384", "P-384", k.scheme, List.of())) {
                            c.await(Pattern.compile("Verify return code: 0 \\(ok\\)"), Duration.ofSeconds(10));
                            c.send("jsse-" + k + "\n");
                            c.await(Pattern.compile(new StringBuilder("jsse-" + k).reverse().toString()), Duration.ofSeconds(10));
                            assertTrue(c.out().contains("Peer signature type: "), c.transcript());
                            Jsse.Session js = s.await();
                            assertTrue(js.suite().equals("TLS_AES_256_GCM_SHA384") && js.received().equals("jsse-" + k), js.toString());
                        }
                    })));
        }
        return tests;
    }
}
