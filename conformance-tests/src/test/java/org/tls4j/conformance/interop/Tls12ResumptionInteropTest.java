package org.tls4j.conformance.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tls4j.TlsConfig;
import org.tls4j.TlsSession;
import org.tls4j.conformance.interop.Peers12.Version;
import org.tls4j.conformance.interop.Tls13ResumptionInteropTest.MultiServer;
import org.tls4j.record.ProtocolVersion;

/**
 * TLS 1.2 session resumption against OpenSSL and GnuTLS, both directions, by session ticket (RFC 5077)
 * and by session ID (RFC 5246, Section 7.3; OpenSSL's {@code -no_ticket}, GnuTLS's {@code --noticket}):
 * a first connection establishes the session, a second resumes it with the abbreviated handshake. The
 * proof is {@link TlsSession#isResumed()} on the tls4j side and what the peer prints ({@code Reused,
 * TLSv1.2} for s_client, {@code This is a resumed session} for gnutls-cli), and the version TLS 1.2.
 */
@ExtendWith(InteropMatrix.class)
@Timeout(90)
class Tls12ResumptionInteropTest {
    static final String SUITE = "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256";
    static final String GNUTLS_12 = "NORMAL:-VERS-ALL:+VERS-TLS1.2";

    @TempDir
    static File dir;
    static InteropPki pki;
    static InteropPki.Leaf ec;

    @BeforeAll
    static void pki() throws Exception {
        pki = new InteropPki(dir);
        ec = pki.leaf(InteropPki.LeafKind.EC_P256);
    }

    static TlsConfig server() throws Exception {
        return Tls4j.server(ec).versions(ProtocolVersion.TLS12).build();
    }

    static TlsConfig client() {
        return Tls4j.client(pki).versions(ProtocolVersion.TLS12).build();
    }

    // ---- OpenSSL s_client -> tls4j server

    void opensslClientResumes(String name, List<String> flags) throws Throwable {
        InteropMatrix.run("openssl s_client", "peer client -> tls4j server",
                "TLS 1.2 resumption " + name + ": -sess_out, then -sess_in", () -> {
                    File sess = new File(dir, "openssl-12-" + flags.size() + ".pem");
                    try (MultiServer server = new MultiServer(server())) {
                        List<String> out = new ArrayList<>(flags);
                        out.addAll(List.of("-sess_out", sess.getPath()));
                        try (PeerProcess p = Peers12.opensslClient(dir, server.port(), pki.caFile, Version.TLS12,
                                Peers12.openssl(SUITE), out, null, null)) {
                            p.await(Pattern.compile("New, TLSv1.2"), Duration.ofSeconds(15));
                            p.send("first\n");
                            p.await(Pattern.compile("tsrif"), Duration.ofSeconds(10));
                            TlsSession s = server.next();
                            assertFalse(s.isResumed());
                            assertEquals(ProtocolVersion.TLS12, s.version());
                        }
                        List<String> in = new ArrayList<>(flags);
                        in.addAll(List.of("-sess_in", sess.getPath()));
                        try (PeerProcess p = Peers12.opensslClient(dir, server.port(), pki.caFile, Version.TLS12,
                                Peers12.openssl(SUITE), in, null, null)) {
                            p.await(Pattern.compile("Reused, TLSv1.2"), Duration.ofSeconds(15));
                            p.send("second\n");
                            p.await(Pattern.compile("dnoces"), Duration.ofSeconds(10));
                            TlsSession s = server.next();
                            assertTrue(s.isResumed(), "the tls4j server resumed");
                            assertEquals(ProtocolVersion.TLS12, s.version());
                        }
                    }
                });
    }

    @Test
    void opensslClientResumesByTicket() throws Throwable {
        opensslClientResumes("by ticket", List.of());
    }

    @Test
    void opensslClientResumesBySessionId() throws Throwable {
        opensslClientResumes("by session ID (-no_ticket)", List.of("-no_ticket"));
    }

    // ---- tls4j client -> openssl s_server

    void tls4jClientResumesWithOpenssl(String name, List<String> flags) throws Throwable {
        InteropMatrix.run("openssl s_server", "tls4j client -> peer server",
                "TLS 1.2 resumption " + name + ": second connection resumes", () -> {
                    List<String> extra = new ArrayList<>(flags);
                    extra.addAll(List.of("-naccept", "2"));
                    try (PeerCommands.Server s = Peers12.opensslServer(dir, ec, Version.TLS12, Peers12.openssl(SUITE), extra)) {
                        TlsConfig config = client();
                        TlsSession first = Tls13ResumptionInteropTest.tls4jClient(config, s.port(), "one");
                        assertFalse(first.isResumed());
                        assertEquals(ProtocolVersion.TLS12, first.version());
                        TlsSession second = Tls13ResumptionInteropTest.tls4jClient(config, s.port(), "two");
                        assertTrue(second.isResumed(), second.toString());
                        assertEquals(ProtocolVersion.TLS12, second.version());
                        assertEquals(first.peerCertificates(), second.peerCertificates());
                    }
                });
    }

    @Test
    void tls4jClientResumesWithOpensslByTicket() throws Throwable {
        tls4jClientResumesWithOpenssl("by ticket", List.of());
    }

    @Test
    void tls4jClientResumesWithOpensslBySessionId() throws Throwable {
        tls4jClientResumesWithOpenssl("by session ID (-no_ticket)", List.of("-no_ticket"));
    }

    // ---- GnuTLS

    void gnutlsClientResumes(String name, List<String> flags) throws Throwable {
        InteropMatrix.run("gnutls-cli", "peer client -> tls4j server", "TLS 1.2 resumption " + name + ": --resume", () -> {
            List<String> extra = new ArrayList<>(flags);
            extra.add("--resume");
            try (MultiServer server = new MultiServer(server());
                    PeerProcess p = PeerCommands.gnutlsClient(dir, server.port(), pki.caFile, GNUTLS_12, extra)) {
                p.await(Pattern.compile("This is a resumed session"), Duration.ofSeconds(20));
                p.send("again\n");
                p.await(Pattern.compile("niaga"), Duration.ofSeconds(10));
                assertFalse(server.next().isResumed());
                TlsSession s = server.next();
                assertTrue(s.isResumed(), "the tls4j server resumed");
                assertEquals(ProtocolVersion.TLS12, s.version());
            }
        });
    }

    @Test
    void gnutlsClientResumesByTicket() throws Throwable {
        gnutlsClientResumes("by ticket", List.of());
    }

    @Test
    void gnutlsClientResumesBySessionId() throws Throwable {
        gnutlsClientResumes("by session ID (--noticket)", List.of("--noticket"));
    }

    void tls4jClientResumesWithGnutls(String name, List<String> flags) throws Throwable {
        InteropMatrix.run("gnutls-serv", "tls4j client -> peer server", "TLS 1.2 resumption " + name
                + ": second connection resumes", () -> {
                    try (PeerCommands.Server s = PeerCommands.gnutlsServer(dir, ec, GNUTLS_12, flags)) {
                        TlsConfig config = client();
                        // gnutls-serv --echo answers the line as is: send a palindrome.
                        TlsSession first = Tls13ResumptionInteropTest.tls4jClient(config, s.port(), "abcba");
                        assertFalse(first.isResumed());
                        assertEquals(ProtocolVersion.TLS12, first.version());
                        TlsSession second = Tls13ResumptionInteropTest.tls4jClient(config, s.port(), "xyzyx");
                        assertTrue(second.isResumed(), second.toString());
                        assertEquals(ProtocolVersion.TLS12, second.version());
                    }
                });
    }

    @Test
    void tls4jClientResumesWithGnutlsByTicket() throws Throwable {
        tls4jClientResumesWithGnutls("by ticket", List.of());
    }

    @Test
    void tls4jClientResumesWithGnutlsBySessionId() throws Throwable {
        tls4jClientResumesWithGnutls("by session ID (--noticket)", List.of("--noticket"));
    }
}
