package org.tls4j.conformance.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tls4j.TlsConfig;
import org.tls4j.TlsSession;
import org.tls4j.conformance.interop.Peers12.Kx;
import org.tls4j.conformance.interop.Peers12.Version;

/**
 * The TLS 1.2, 1.1 and 1.0 interop matrix: tls4j against OpenSSL 3.0 ({@code s_server}/{@code s_client}),
 * GnuTLS ({@code gnutls-serv}/{@code gnutls-cli}) and the JDK's JSSE, in both directions, over loopback.
 *
 * <p>Coverage: every key exchange (ECDHE_ECDSA with a P-256 key, ECDHE_RSA, DHE_RSA and RSA key transport
 * with an RSA-2048 key) × every suite the peer has × every version. TLS 1.2: AES-128/256-GCM,
 * ChaCha20-Poly1305, AES-128-CCM and -CCM_8 (not defined for ECDHE_RSA; JSSE has no CCM), AES-128/256-CBC
 * with SHA-1 and with SHA-256/SHA-384 ({@link Peers12#TLS12_SUITES}: 33 suites). TLS 1.1 and 1.0: the
 * eight AES-CBC-SHA suites ({@link Peers12#LEGACY_SUITES}). That is 49 cases per direction for OpenSSL and
 * GnuTLS and 43 for JSSE, 282 in all. Each peer pins exactly one version and one suite (OpenSSL with
 * {@code -tls1_2}/{@code -tls1_1}/{@code -tls1} and {@code -cipher}, at {@code @SECLEVEL=0} below TLS 1.2;
 * GnuTLS with a priority string; JSSE with its enabled protocols and suites — TLS 1.0 and 1.1 are
 * re-enabled for JSSE by {@code src/test/resources/jsse-legacy.security}, passed as
 * {@code -Djava.security.properties} in this module's surefire configuration). ECDHE cases offer only
 * x25519 from tls4j's side (ECDHE_ECDSA also secp256r1, see {@link Case#offeredGroups()}). Each case exchanges a line each way, checks the negotiated version and suite
 * on tls4j's side (and the group for ECDHE), and the peer's own view of version and suite.
 */
@ExtendWith(InteropMatrix.class)
@Timeout(60)
class Tls12InteropTest {
    static final String GROUP = "x25519";

    @TempDir
    static File dir;
    static InteropPki pki;

    @BeforeAll
    static void pki() throws Exception {
        pki = new InteropPki(dir);
    }

    /** One point of the matrix: a version and a suite (which decides the key exchange and server key). */
    record Case(Version version, String suite) {
        Kx kx() {
            return Kx.of(suite);
        }

        InteropPki.LeafKind leaf() {
            return kx().leaf;
        }

        String params() {
            return version.name + " " + suite;
        }

        String nonce() {
            return "tls4j-" + version.name + "-" + suite;
        }

        /** The ECDHE group expected: x25519; DHE and RSA leave the groups at the defaults. */
        String group() {
            return kx() == Kx.ECDHE_ECDSA || kx() == Kx.ECDHE_RSA ? GROUP : null;
        }

        /**
         * The groups tls4j offers: x25519 for ECDHE_RSA; for ECDHE_ECDSA also secp256r1, the curve of the
         * server's key, since in TLS 1.2 supported_groups also limits the curves of ECDSA certificates
         * (RFC 8422, Section 5.1.1) and OpenSSL and JSSE refuse a P-256 certificate otherwise.
         */
        List<String> offeredGroups() {
            return kx() == Kx.ECDHE_ECDSA ? List.of(GROUP, "secp256r1") : kx() == Kx.ECDHE_RSA ? List.of(GROUP) : null;
        }
    }

    static List<Case> cases(boolean jsse) {
        List<Case> all = new ArrayList<>();
        for (Version v : Version.values()) {
            for (String s : Peers12.suites(v)) {
                if (!jsse || Peers12.jsseHas(s)) {
                    all.add(new Case(v, s));
                }
            }
        }
        return all;
    }

    interface Body {
        void run(Case c) throws Throwable;
    }

    static List<DynamicTest> matrix(String peer, String direction, List<Case> cases, Body body) {
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : cases) {
            tests.add(DynamicTest.dynamicTest(c.params(), () -> InteropMatrix.run(peer, direction, c.params(), () -> {
                try {
                    body.run(c);
                } catch (Exception | Error e) {
                    throw e;
                } catch (Throwable t) {
                    throw new AssertionError(t);
                }
            })));
        }
        return tests;
    }

    /** A tls4j config with exactly the case's version and suite (and x25519 only for ECDHE). */
    static TlsConfig.Builder pin(TlsConfig.Builder b, Case c) {
        b.tls12CipherSuites(Tls4j.suite(c.suite)).versions(c.version.tls4j);
        if (c.offeredGroups() != null) {
            b.groups(c.offeredGroups().stream().map(Tls4j::group).toArray(org.tls4j.handshake.NamedGroup[]::new));
        }
        return b;
    }

    static void assertSession(Case c, TlsSession s) {
        assertEquals(c.version.name, s.version().toString(), "version");
        assertEquals(c.suite, s.cipherSuite().name(), "cipher suite");
        if (c.group() != null) {
            assertEquals(c.group(), s.group().name(), "group");
        }
    }

    // ---- OpenSSL

    @TestFactory
    List<DynamicTest> tls4jClientToOpensslServer() {
        return matrix("openssl s_server", "tls4j client -> peer server", cases(false), c -> {
            try (PeerCommands.Server s = Peers12.opensslServer(dir, pki.leaf(c.leaf()), c.version, Peers12.openssl(c.suite),
                    List.of())) {
                TlsConfig config = pin(Tls4j.client(pki), c).build();
                TlsSession session = Tls13InteropTest.clientExchange(config, s.port(), c.nonce(),
                        Tls13InteropTest.reverse(c.nonce()));
                assertSession(c, session);
                s.process().await(Pattern.compile("Ciphersuite: " + Pattern.quote(Peers12.openssl(c.suite))),
                        Duration.ofSeconds(5));
                s.process().await(Pattern.compile("Protocol version: " + Pattern.quote(c.version.openssl) + "\\b"),
                        Duration.ofSeconds(5));
            }
        });
    }

    @TestFactory
    List<DynamicTest> opensslClientToTls4jServer() {
        return matrix("openssl s_client", "peer client -> tls4j server", cases(false), c -> {
            try (Tls4j.Server server = new Tls4j.Server(pin(Tls4j.server(pki.leaf(c.leaf())), c).build());
                    PeerProcess p = Peers12.opensslClient(dir, server.port(), pki.caFile, c.version,
                            Peers12.openssl(c.suite), List.of(), null, null)) {
                opensslExchange(p, c.nonce());
                Tls4j.Served served = server.await();
                assertEquals(c.nonce(), served.received());
                assertSession(c, served.session());
                assertTrue(p.out().contains("Cipher is " + Peers12.openssl(c.suite)), p.transcript());
                assertTrue(Pattern.compile("Protocol {2}: " + Pattern.quote(c.version.openssl) + "\\b").matcher(p.out()).find(),
                        p.transcript());
            }
        });
    }

    /** Waits for s_client's verified handshake, sends the nonce, awaits it reversed from tls4j's server. */
    static void opensslExchange(PeerProcess p, String nonce) throws Exception {
        p.await(Pattern.compile("Verify return code: 0 \\(ok\\)"), Duration.ofSeconds(15));
        p.send(nonce + "\n");
        p.await(Pattern.compile(Pattern.quote(Tls13InteropTest.reverse(nonce))), Duration.ofSeconds(10));
    }

    // ---- GnuTLS

    @TestFactory
    List<DynamicTest> tls4jClientToGnutlsServer() {
        return matrix("gnutls-serv", "tls4j client -> peer server", cases(false), c -> {
            try (PeerCommands.Server s = Peers12.gnutlsServer(dir, pki.leaf(c.leaf()),
                    Peers12.gnutlsPriority(c.version, c.suite, null), List.of())) {
                TlsConfig config = pin(Tls4j.client(pki), c).build();
                TlsSession session = Tls13InteropTest.clientExchange(config, s.port(), c.nonce(), c.nonce()); // --echo
                assertSession(c, session);
            }
        });
    }

    @TestFactory
    List<DynamicTest> gnutlsClientToTls4jServer() {
        return matrix("gnutls-cli", "peer client -> tls4j server", cases(false), c -> {
            try (Tls4j.Server server = new Tls4j.Server(pin(Tls4j.server(pki.leaf(c.leaf())), c).build());
                    PeerProcess p = PeerCommands.gnutlsClient(dir, server.port(), pki.caFile,
                            Peers12.gnutlsPriority(c.version, c.suite, null), List.of())) {
                p.await(Pattern.compile("Handshake was completed"), Duration.ofSeconds(15));
                p.send(c.nonce() + "\n");
                p.await(Pattern.compile(Pattern.quote(Tls13InteropTest.reverse(c.nonce()))), Duration.ofSeconds(10));
                Tls4j.Served served = server.await();
                assertEquals(c.nonce(), served.received());
                assertSession(c, served.session());
                assertGnutlsDescription(p, c);
            }
        });
    }

    /** gnutls-cli's "- Description: (TLS1.2-X.509)-(...)-(AES-128-CBC)-(SHA1)" names the version and suite. */
    static void assertGnutlsDescription(PeerProcess p, Case c) {
        String head = "(" + c.version.gnutls + "-X.509)-";
        String tail = Peers12.gnutlsDescriptionTail(c.suite);
        assertTrue(Pattern.compile("Description: " + Pattern.quote(head) + ".*" + Pattern.quote(tail) + "\\s*$",
                Pattern.MULTILINE).matcher(p.out()).find(), "expected " + head + "..." + tail + "\n" + p.transcript());
    }

    // ---- JSSE

    @TestFactory
    List<DynamicTest> tls4jClientToJsseServer() {
        return matrix("JSSE SSLServerSocket", "tls4j client -> peer server", cases(true), c -> {
            try (Jsse.Server s = new Jsse.Server(Jsse.context(pki, pki.leaf(c.leaf())), List.of(c.suite), null,
                    c.version.jsse)) {
                TlsConfig config = pin(Tls4j.client(pki), c).build();
                TlsSession session = Tls13InteropTest.clientExchange(config, s.port(), c.nonce(),
                        Tls13InteropTest.reverse(c.nonce()));
                assertSession(c, session);
                Jsse.Session js = s.await();
                assertEquals(c.suite, js.suite());
                assertEquals(c.version.jsse, js.protocol());
                assertEquals(c.nonce(), js.received());
            }
        });
    }

    @TestFactory
    List<DynamicTest> jsseClientToTls4jServer() {
        return matrix("JSSE SSLSocket", "peer client -> tls4j server", cases(true), c -> {
            try (Tls4j.Server server = new Tls4j.Server(pin(Tls4j.server(pki.leaf(c.leaf())), c).build());
                    SSLSocket s = Jsse.client(Jsse.context(pki, null), server.port(), List.of(c.suite), null, null,
                            c.version.jsse)) {
                jsseExchange(s, c.nonce());
                assertEquals(c.suite, s.getSession().getCipherSuite());
                assertEquals(c.version.jsse, s.getSession().getProtocol());
                Tls4j.Served served = server.await();
                assertEquals(c.nonce(), served.received());
                assertSession(c, served.session());
            }
        });
    }

    static void jsseExchange(SSLSocket s, String nonce) throws Exception {
        s.getOutputStream().write((nonce + "\n").getBytes(StandardCharsets.ISO_8859_1));
        s.getOutputStream().flush();
        byte[] want = (Tls13InteropTest.reverse(nonce) + "\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] got = s.getInputStream().readNBytes(want.length);
        assertEquals(new String(want, StandardCharsets.ISO_8859_1), new String(got, StandardCharsets.ISO_8859_1));
    }

    // ---- the harness itself, without tls4j: the peers' command lines and names for every version

    /**
     * OpenSSL's client against GnuTLS's and JSSE's servers, and JSSE's client against OpenSSL's server,
     * one suite per key exchange and version: if these fail, the command lines, the name maps or the
     * JSSE security override are wrong, not tls4j.
     */
    @TestFactory
    List<DynamicTest> harnessSelfCheck() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Version v : Version.values()) {
            for (Kx k : Kx.values()) {
                String suite = "TLS_" + k.name() + "_WITH_AES_128_CBC_SHA";
                Case c = new Case(v, suite);
                tests.add(DynamicTest.dynamicTest("openssl s_client -> gnutls-serv " + c.params(), () -> InteropMatrix.run(
                        "gnutls-serv <- openssl s_client", "harness self-check", c.params(), () -> {
                            try (PeerCommands.Server s = Peers12.gnutlsServer(dir, pki.leaf(c.leaf()),
                                    Peers12.gnutlsPriority(v, suite, null), List.of());
                                    PeerProcess p = Peers12.opensslClient(dir, s.port(), pki.caFile, v, Peers12.openssl(suite),
                                            List.of(), null, null)) {
                                p.await(Pattern.compile("Verify return code: 0 \\(ok\\)"), Duration.ofSeconds(15));
                                p.send(c.nonce() + "\n");
                                p.await(Pattern.compile("(?m)^" + Pattern.quote(c.nonce()) + "$"), Duration.ofSeconds(10));
                                assertTrue(p.out().contains("Cipher is " + Peers12.openssl(suite)), p.transcript());
                            }
                        })));
                tests.add(DynamicTest.dynamicTest("JSSE client -> openssl s_server " + c.params(), () -> InteropMatrix.run(
                        "openssl s_server <- JSSE client", "harness self-check", c.params(), () -> {
                            try (PeerCommands.Server s = Peers12.opensslServer(dir, pki.leaf(c.leaf()), v,
                                    Peers12.openssl(suite), List.of());
                                    SSLSocket j = Jsse.client(Jsse.context(pki, null), s.port(), List.of(suite), null, null,
                                            v.jsse)) {
                                jsseExchange(j, c.nonce());
                                assertEquals(suite, j.getSession().getCipherSuite());
                                assertEquals(v.jsse, j.getSession().getProtocol());
                            }
                        })));
                tests.add(DynamicTest.dynamicTest("gnutls-cli -> JSSE server " + c.params(), () -> InteropMatrix.run(
                        "JSSE server <- gnutls-cli", "harness self-check", c.params(), () -> {
                            try (Jsse.Server s = new Jsse.Server(Jsse.context(pki, pki.leaf(c.leaf())), List.of(suite), null,
                                    v.jsse);
                                    PeerProcess p = PeerCommands.gnutlsClient(dir, s.port(), pki.caFile,
                                            Peers12.gnutlsPriority(v, suite, null), List.of())) {
                                p.await(Pattern.compile("Handshake was completed"), Duration.ofSeconds(15));
                                p.send(c.nonce() + "\n");
                                p.await(Pattern.compile(Pattern.quote(Tls13InteropTest.reverse(c.nonce()))),
                                        Duration.ofSeconds(10));
                                assertGnutlsDescription(p, c);
                                assertEquals(v.jsse, s.await().protocol());
                            }
                        })));
            }
        }
        return tests;
    }
}
