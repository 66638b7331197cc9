package org.tls4j.conformance.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tls4j.TlsConfig;
import org.tls4j.TlsException;
import org.tls4j.TlsSession;
import org.tls4j.conformance.interop.Peers12.Version;
import org.tls4j.handshake.tls13.CertifiedKey;
import org.tls4j.handshake.tls13.ClientAuth;
import org.tls4j.record.AlertDescription;
import org.tls4j.record.ProtocolVersion;

/**
 * TLS 1.2 features against OpenSSL 3.0, each a row of the printed interop matrix: TLS_FALLBACK_SCSV
 * (RFC 7507), extended_master_secret (RFC 7627) offered, refused when the peer has none, and optional,
 * encrypt_then_mac (RFC 7366) on and off (on either side), renegotiation refused (RFC 5746, RFC 5246 Section 7.2.2), and
 * client certificates in both directions. Each case checks both sides: tls4j's result or alert, and what
 * OpenSSL printed.
 *
 * <p>OpenSSL 3.0's s_client and s_server have no option to turn extended_master_secret off; it is turned
 * off through an OpenSSL configuration file given in {@code OPENSSL_CONF} that clears the SSL_CONF option
 * {@code ExtendedMasterSecret} ({@link Peers12#opensslConfWithout}).
 */
@ExtendWith(InteropMatrix.class)
@Timeout(60)
class Tls12InteropFeaturesTest {
    static final String PEER_C = "openssl s_client";
    static final String PEER_S = "openssl s_server";
    static final String TO_TLS4J = "peer client -> tls4j server";
    static final String FROM_TLS4J = "tls4j client -> peer server";
    static final String ECDSA_GCM = "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256";
    static final String ECDSA_CBC = "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256";

    @TempDir
    static File dir;
    static InteropPki pki;
    static InteropPki.Leaf ec;

    @BeforeAll
    static void pki() throws Exception {
        pki = new InteropPki(dir);
        ec = pki.leaf(InteropPki.LeafKind.EC_P256);
    }

    static TlsConfig.Builder server(String suite, ProtocolVersion... versions) throws Exception {
        return Tls4j.server(ec).tls12CipherSuites(Tls4j.suite(suite)).versions(versions);
    }

    static TlsConfig.Builder client(String suite, ProtocolVersion... versions) {
        return Tls4j.client(pki).tls12CipherSuites(Tls4j.suite(suite)).versions(versions);
    }

    static Map<String, String> noEms() throws Exception {
        return Map.of("OPENSSL_CONF", Peers12.opensslConfWithout(dir, "ExtendedMasterSecret").getPath());
    }

    // ---- TLS_FALLBACK_SCSV (RFC 7507, Section 3)

    @Test
    void fallbackScsvBelowTheServersHighestVersionIsRefused() throws Throwable {
        InteropMatrix.run(PEER_C, TO_TLS4J, "fallback SCSV: -tls1_1 -fallback_scsv, tls4j server TLS 1.2+1.1", () -> {
            try (Tls4j.Server server = new Tls4j.Server(server("TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
                    ProtocolVersion.TLS12, ProtocolVersion.TLS11).build(), false);
                    PeerProcess p = Peers12.opensslClient(dir, server.port(), pki.caFile, Version.TLS11,
                            Peers12.openssl("TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA"), List.of("-fallback_scsv"), null, null)) {
                TlsException e = assertThrows(TlsException.class, server::await);
                assertEquals(AlertDescription.INAPPROPRIATE_FALLBACK, e.alert(), e.toString());
                assertFalse(e.isAlertReceived(), "tls4j detects it and sends the alert");
                p.await(Pattern.compile("SSL alert number 86"), Duration.ofSeconds(10));
            }
        });
    }

    @Test
    void fallbackScsvBelowTls13IsRefused() throws Throwable {
        InteropMatrix.run(PEER_C, TO_TLS4J, "fallback SCSV: -tls1_2 -fallback_scsv, tls4j server TLS 1.3+1.2", () -> {
            try (Tls4j.Server server = new Tls4j.Server(Tls4j.server(ec).versions(ProtocolVersion.TLS13, ProtocolVersion.TLS12)
                    .build(), false);
                    PeerProcess p = Peers12.opensslClient(dir, server.port(), pki.caFile, Version.TLS12,
                            Peers12.openssl(ECDSA_GCM), List.of("-fallback_scsv"), null, null)) {
                TlsException e = assertThrows(TlsException.class, server::await);
                assertEquals(AlertDescription.INAPPROPRIATE_FALLBACK, e.alert(), e.toString());
                p.await(Pattern.compile("SSL alert number 86"), Duration.ofSeconds(10));
            }
        });
    }

    @Test
    void fallbackScsvAtTheServersHighestVersionIsAccepted() throws Throwable {
        InteropMatrix.run(PEER_C, TO_TLS4J, "fallback SCSV: -tls1_2 -fallback_scsv, tls4j server TLS 1.2+1.1", () -> {
            try (Tls4j.Server server = new Tls4j.Server(server(ECDSA_GCM, ProtocolVersion.TLS12, ProtocolVersion.TLS11).build());
                    PeerProcess p = Peers12.opensslClient(dir, server.port(), pki.caFile, Version.TLS12,
                            Peers12.openssl(ECDSA_GCM), List.of("-fallback_scsv"), null, null)) {
                Tls12InteropTest.opensslExchange(p, "fallback-at-the-top");
                assertEquals("TLSv1.2", server.await().session().version().toString());
            }
        });
    }

    // ---- extended_master_secret (RFC 7627)

    @Test
    void emsIsNegotiatedWithOpensslClient() throws Throwable {
        InteropMatrix.run(PEER_C, TO_TLS4J, "extended master secret negotiated", () -> {
            try (Tls4j.Server server = new Tls4j.Server(server(ECDSA_GCM, ProtocolVersion.TLS12).build());
                    PeerProcess p = Peers12.opensslClient(dir, server.port(), pki.caFile, Version.TLS12,
                            Peers12.openssl(ECDSA_GCM), List.of(), null, null)) {
                Tls12InteropTest.opensslExchange(p, "ems-yes");
                assertTrue(p.out().contains("Extended master secret: yes"), p.transcript());
                server.await();
            }
        });
    }

    @Test
    void emsIsNegotiatedWithOpensslServer() throws Throwable {
        InteropMatrix.run(PEER_S, FROM_TLS4J, "extended master secret negotiated", () -> {
            try (PeerCommands.Server s = Peers12.opensslServer(dir, ec, Version.TLS12, Peers12.openssl(ECDSA_GCM),
                    List.of("-tlsextdebug"))) {
                Tls13InteropTest.clientExchange(client(ECDSA_GCM, ProtocolVersion.TLS12).build(), s.port(), "ems-c",
                        Tls13InteropTest.reverse("ems-c"));
                s.process().await(Pattern.compile("TLS client extension \"extended master secret\" \\(id=23\\)"), Duration.ofSeconds(5));
            }
        });
    }

    @Test
    void serverRequiringEmsRefusesOpensslClientWithout() throws Throwable {
        InteropMatrix.run(PEER_C, TO_TLS4J, "extended master secret: peer has none, tls4j requires it", () -> {
            try (Tls4j.Server server = new Tls4j.Server(server(ECDSA_GCM, ProtocolVersion.TLS12).build(), false);
                    PeerProcess p = Peers12.opensslClient(dir, server.port(), pki.caFile, Version.TLS12,
                            Peers12.openssl(ECDSA_GCM), List.of(), null, noEms())) {
                TlsException e = assertThrows(TlsException.class, server::await);
                assertEquals(AlertDescription.HANDSHAKE_FAILURE, e.alert(), e.toString());
                p.await(Pattern.compile("SSL alert number 40"), Duration.ofSeconds(10));
            }
        });
    }

    @Test
    void clientRequiringEmsRefusesOpensslServerWithout() throws Throwable {
        InteropMatrix.run(PEER_S, FROM_TLS4J, "extended master secret: peer has none, tls4j requires it", () -> {
            try (PeerCommands.Server s = Peers12.opensslServer(dir, ec, Version.TLS12, Peers12.openssl(ECDSA_GCM), List.of(),
                    noEms())) {
                TlsException e = assertThrows(TlsException.class,
                        () -> Tls4j.connect(client(ECDSA_GCM, ProtocolVersion.TLS12).build(), s.port()).close());
                assertEquals(AlertDescription.HANDSHAKE_FAILURE, e.alert(), e.toString());
                assertFalse(e.isAlertReceived(), "tls4j detects it and sends the alert");
                s.process().await(Pattern.compile("alert handshake failure"), Duration.ofSeconds(10));
            }
        });
    }

    @Test
    void emsOptionalServerServesOpensslClientWithout() throws Throwable {
        InteropMatrix.run(PEER_C, TO_TLS4J, "extended master secret: peer has none, tls4j has it optional", () -> {
            try (Tls4j.Server server = new Tls4j.Server(server(ECDSA_GCM, ProtocolVersion.TLS12)
                    .requireExtendedMasterSecret(false).build());
                    PeerProcess p = Peers12.opensslClient(dir, server.port(), pki.caFile, Version.TLS12,
                            Peers12.openssl(ECDSA_GCM), List.of(), null, noEms())) {
                Tls12InteropTest.opensslExchange(p, "ems-optional");
                assertTrue(p.out().contains("Extended master secret: no"), p.transcript());
                assertEquals("TLSv1.2", server.await().session().version().toString());
            }
        });
    }

    @Test
    void emsOptionalClientConnectsToOpensslServerWithout() throws Throwable {
        InteropMatrix.run(PEER_S, FROM_TLS4J, "extended master secret: peer has none, tls4j has it optional", () -> {
            try (PeerCommands.Server s = Peers12.opensslServer(dir, ec, Version.TLS12, Peers12.openssl(ECDSA_GCM), List.of(),
                    noEms())) {
                TlsSession session = Tls13InteropTest.clientExchange(client(ECDSA_GCM, ProtocolVersion.TLS12)
                        .requireExtendedMasterSecret(false).build(), s.port(), "ems-optional-c",
                        Tls13InteropTest.reverse("ems-optional-c"));
                assertEquals("TLSv1.2", session.version().toString());
            }
        });
    }

    // ---- encrypt_then_mac (RFC 7366)

    @Test
    void encryptThenMacWithOpensslClient() throws Throwable {
        InteropMatrix.run(PEER_C, TO_TLS4J, "encrypt-then-MAC on (" + ECDSA_CBC + ")", () -> {
            try (Tls4j.Server server = new Tls4j.Server(server(ECDSA_CBC, ProtocolVersion.TLS12).build());
                    PeerProcess p = Peers12.opensslClient(dir, server.port(), pki.caFile, Version.TLS12,
                            Peers12.openssl(ECDSA_CBC), List.of("-tlsextdebug"), null, null)) {
                Tls12InteropTest.opensslExchange(p, "etm-on");
                assertTrue(p.out().contains("TLS server extension \"encrypt-then-mac\" (id=22), len=0"), p.transcript());
                assertEquals(ECDSA_CBC, server.await().session().cipherSuite().name());
            }
        });
    }

    @Test
    void macThenEncryptWithOpensslClient() throws Throwable {
        InteropMatrix.run(PEER_C, TO_TLS4J, "encrypt-then-MAC off: -no_etm (" + ECDSA_CBC + ")", () -> {
            try (Tls4j.Server server = new Tls4j.Server(server(ECDSA_CBC, ProtocolVersion.TLS12).build());
                    PeerProcess p = Peers12.opensslClient(dir, server.port(), pki.caFile, Version.TLS12,
                            Peers12.openssl(ECDSA_CBC), List.of("-tlsextdebug", "-no_etm"), null, null)) {
                Tls12InteropTest.opensslExchange(p, "etm-off");
                assertFalse(p.out().contains("encrypt-then-mac"), p.transcript());
                assertEquals(ECDSA_CBC, server.await().session().cipherSuite().name());
            }
        });
    }

    @Test
    void encryptThenMacOffOnTls4jServer() throws Throwable {
        InteropMatrix.run(PEER_C, TO_TLS4J, "encrypt-then-MAC off on tls4j's side (" + ECDSA_CBC + ")", () -> {
            try (Tls4j.Server server = new Tls4j.Server(server(ECDSA_CBC, ProtocolVersion.TLS12).encryptThenMac(false).build());
                    PeerProcess p = Peers12.opensslClient(dir, server.port(), pki.caFile, Version.TLS12,
                            Peers12.openssl(ECDSA_CBC), List.of("-tlsextdebug"), null, null)) {
                Tls12InteropTest.opensslExchange(p, "etm-server-off");
                assertFalse(p.out().contains("TLS server extension \"encrypt-then-mac\""), p.transcript());
                assertEquals(ECDSA_CBC, server.await().session().cipherSuite().name());
            }
        });
    }

    @Test
    void encryptThenMacWithOpensslServer() throws Throwable {
        for (boolean etm : new boolean[] {true, false}) {
            InteropMatrix.run(PEER_S, FROM_TLS4J, "encrypt-then-MAC " + (etm ? "on" : "off: -no_etm") + " (" + ECDSA_CBC + ")", () -> {
                try (PeerCommands.Server s = Peers12.opensslServer(dir, ec, Version.TLS12, Peers12.openssl(ECDSA_CBC),
                        etm ? List.of("-tlsextdebug") : List.of("-tlsextdebug", "-no_etm"))) {
                    TlsSession session = Tls13InteropTest.clientExchange(client(ECDSA_CBC, ProtocolVersion.TLS12).build(),
                            s.port(), "etm-" + etm, Tls13InteropTest.reverse("etm-" + etm));
                    assertEquals(ECDSA_CBC, session.cipherSuite().name());
                    // s_server -tlsextdebug prints the client's extensions: tls4j offers encrypt_then_mac either way.
                    s.process().await(Pattern.compile("TLS client extension \"encrypt-then-mac\" \\(id=22\\)"),
                            Duration.ofSeconds(5));
                }
            });
        }
    }

    // ---- renegotiation (RFC 5746; refused by default: RFC 5246, Section 7.2.2, no_renegotiation)

    @Test
    void clientInitiatedRenegotiationIsRefused() throws Throwable {
        InteropMatrix.run(PEER_C, TO_TLS4J, "renegotiation by the client (R): refused with no_renegotiation", () -> {
            try (Tls4j.Server server = new Tls4j.Server(server(ECDSA_GCM, ProtocolVersion.TLS12).build());
                    PeerProcess p = Peers12.opensslClient(dir, server.port(), pki.caFile, Version.TLS12,
                            Peers12.openssl(ECDSA_GCM), List.of("-msg"), null, null, false)) {
                Tls12InteropTest.opensslExchange(p, "before-renegotiation");
                assertTrue(p.out().contains("Secure Renegotiation IS supported"), p.transcript());
                server.await();
                p.send("R\n");
                p.await(Pattern.compile("RENEGOTIATING"), Duration.ofSeconds(5));
                // tls4j answers the second ClientHello with a warning no_renegotiation alert and no ServerHello;
                // OpenSSL then gives up on the connection with a fatal handshake_failure.
                p.await(Pattern.compile("<<< TLS 1\\.2, Alert \\[length 0002\\], warning no_renegotiation"), Duration.ofSeconds(10));
                assertEquals(1, count(p.out(), "(?m)^<<< TLS 1\\.\\d, Handshake \\[length \\p{XDigit}+\\], ServerHello$"), p.transcript());
                Throwable end = server.ended.get(15, java.util.concurrent.TimeUnit.SECONDS);
                TlsException e = assertInstanceOf(TlsException.class, end);
                assertEquals(AlertDescription.HANDSHAKE_FAILURE, e.alert(), e.toString());
                assertTrue(e.isAlertReceived(), "OpenSSL's fatal alert after tls4j's refusal");
            }
        });
    }

    @Test
    void serverInitiatedRenegotiationIsRefused() throws Throwable {
        InteropMatrix.run(PEER_S, FROM_TLS4J, "renegotiation by the server (r): refused with no_renegotiation", () -> {
            try (PeerCommands.Server s = Peers12.opensslServer(dir, ec, Version.TLS12, Peers12.openssl(ECDSA_GCM),
                    List.of("-msg"), null, false);
                    org.tls4j.cli.EngineConnection c = Tls4j.connect(client(ECDSA_GCM, ProtocolVersion.TLS12).build(), s.port())) {
                c.write("from-tls4j\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                s.process().await(Pattern.compile("(?m)^from-tls4j$"), Duration.ofSeconds(10));
                s.process().send("r\n"); // s_server sends a HelloRequest
                s.process().await(Pattern.compile(">>> TLS 1\\.2, Handshake \\[length 0004\\], HelloRequest"), Duration.ofSeconds(10));
                s.process().send("from-openssl\n");
                // tls4j reads the HelloRequest, answers it with a warning no_renegotiation and no ClientHello.
                java.io.IOException e = assertThrows(java.io.IOException.class, () -> {
                    String line;
                    while ((line = Tls4j.readLine(c)) != null) {
                        assertEquals("from-openssl", line); // what OpenSSL may still send before it gives up
                    }
                    throw new java.io.EOFException("the server closed without an alert");
                });
                s.process().await(Pattern.compile("<<< TLS 1\\.2, Alert \\[length 0002\\], warning no_renegotiation"), Duration.ofSeconds(10));
                assertEquals(1, count(s.process().out(), "(?m)^<<< TLS 1\\.\\d, Handshake \\[length \\p{XDigit}+\\], ClientHello$"),
                        s.process().transcript());
                TlsException t = assertInstanceOf(TlsException.class, e, e.toString());
                assertEquals(AlertDescription.HANDSHAKE_FAILURE, t.alert());
                assertTrue(t.isAlertReceived(), "OpenSSL's fatal alert after tls4j's refusal");
            }
        });
    }

    private static int count(String text, String regex) {
        java.util.regex.Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    // ---- client certificates

    @Test
    void clientCertificateOpensslClientToTls4jServer() throws Throwable {
        InteropMatrix.run(PEER_C, TO_TLS4J, "client certificate (ECDSA P-256), tls4j server requires one", () -> {
            InteropPki.Leaf cl = pki.clientLeaf(InteropPki.LeafKind.EC_P256, "interop-client");
            try (Tls4j.Server server = new Tls4j.Server(server(ECDSA_GCM, ProtocolVersion.TLS12)
                    .trustAnchors(List.of(pki.root)).clientAuth(ClientAuth.REQUIRED).build());
                    PeerProcess p = Peers12.opensslClient(dir, server.port(), pki.caFile, Version.TLS12,
                            Peers12.openssl(ECDSA_GCM), List.of("-cert", cl.chainFile.getPath(), "-key", cl.keyFile.getPath()),
                            null, null)) {
                Tls12InteropTest.opensslExchange(p, "client-cert");
                TlsSession session = server.await().session();
                assertEquals("TLSv1.2", session.version().toString());
                assertEquals(cl.certificate, session.peerCertificates().get(0));
            }
        });
    }

    @Test
    void clientCertificateTls4jClientToOpensslServer() throws Throwable {
        InteropMatrix.run(PEER_S, FROM_TLS4J, "client certificate (ECDSA P-256), s_server -Verify 1", () -> {
            InteropPki.Leaf cl = pki.clientLeaf(InteropPki.LeafKind.EC_P256, "interop-client2");
            try (PeerCommands.Server s = Peers12.opensslServer(dir, ec, Version.TLS12, Peers12.openssl(ECDSA_GCM),
                    List.of("-Verify", "1", "-verifyCAfile", pki.caFile.getPath(), "-verify_return_error"))) {
                TlsConfig config = client(ECDSA_GCM, ProtocolVersion.TLS12)
                        .certificate(new CertifiedKey(List.of(cl.certificate), cl.key())).build();
                Tls13InteropTest.clientExchange(config, s.port(), "client-cert-c", Tls13InteropTest.reverse("client-cert-c"));
                s.process().await(Pattern.compile("Peer certificate: CN ?= ?interop-client2"), Duration.ofSeconds(5));
                s.process().await(Pattern.compile("Verification: OK"), Duration.ofSeconds(5));
            }
        });
    }
}
