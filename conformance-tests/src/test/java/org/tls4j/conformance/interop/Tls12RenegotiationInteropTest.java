package org.tls4j.conformance.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tls4j.TlsConfig;
import org.tls4j.TlsEngine;
import org.tls4j.cli.EngineConnection;
import org.tls4j.conformance.interop.Peers12.Version;
import org.tls4j.handshake.tls12.Renegotiation;
import org.tls4j.record.ProtocolVersion;

/**
 * TLS 1.2 secure renegotiation (RFC 5746) with tls4j's policy set to accept it, and max_fragment_length
 * (RFC 6066, Section 4), against OpenSSL 3.0 (without {@code -legacy_renegotiation}), each a row of the
 * printed interop matrix: renegotiation started by OpenSSL ({@code R} on s_client, {@code r} on
 * s_server) and by tls4j (client and server), each with application data before and after and the
 * second handshake visible in OpenSSL's {@code -msg} trace; max_fragment_length requested by
 * {@code s_client -maxfraglen 512} and by a tls4j client, with the record sizes checked on the wire.
 * (The default policy, refusal, is in {@link Tls12InteropFeaturesTest}.)
 */
@ExtendWith(InteropMatrix.class)
@Timeout(60)
class Tls12RenegotiationInteropTest {
    static final String PEER_C = "openssl s_client";
    static final String PEER_S = "openssl s_server";
    static final String TO_TLS4J = "peer client -> tls4j server";
    static final String FROM_TLS4J = "tls4j client -> peer server";
    static final String ECDSA_GCM = "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256";
    static final Pattern SERVER_HELLO = Pattern.compile("(?m)^<<< TLS 1\\.2, Handshake \\[length \\p{XDigit}+\\], ServerHello$");
    static final Pattern CLIENT_HELLO_IN = Pattern.compile("(?m)^<<< TLS 1\\.\\d, Handshake \\[length \\p{XDigit}+\\], ClientHello$");
    static final Pattern FINISHED_IN = Pattern.compile("(?m)^<<< TLS 1\\.2, Handshake \\[length \\p{XDigit}+\\], Finished$");

    @TempDir
    static File dir;
    static InteropPki pki;
    static InteropPki.Leaf ec;

    @BeforeAll
    static void pki() throws Exception {
        pki = new InteropPki(dir);
        ec = pki.leaf(InteropPki.LeafKind.EC_P256);
    }

    static TlsConfig.Builder server() throws Exception {
        return Tls4j.server(ec).tls12CipherSuites(Tls4j.suite(ECDSA_GCM)).versions(ProtocolVersion.TLS12)
                .renegotiation(Renegotiation.ACCEPT_SECURE);
    }

    static TlsConfig.Builder client() {
        return Tls4j.client(pki).tls12CipherSuites(Tls4j.suite(ECDSA_GCM)).versions(ProtocolVersion.TLS12)
                .renegotiation(Renegotiation.ACCEPT_SECURE);
    }

    static int count(String text, Pattern p) {
        Matcher m = p.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    static String reverse(String s) {
        return new StringBuilder(s).reverse().toString();
    }

    /** Waits until {@code p} occurs {@code n} times in {@code peer}'s output. */
    static void awaitCount(PeerProcess peer, Pattern p, int n) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (count(peer.out(), p) < n) {
            if (System.nanoTime() > end) {
                throw new AssertionError("expected " + n + " x " + p + "\n" + peer.transcript());
            }
            Thread.sleep(20);
        }
    }

    /**
     * A tls4j server for one connection that answers every line reversed until the client closes; on the
     * line "renegotiate-now" it first starts a renegotiation ({@link TlsEngine#renegotiate()}). Completes
     * with null, or with what was thrown.
     */
    static final class EchoServer implements AutoCloseable {
        final ServerSocket socket;
        final CompletableFuture<Throwable> ended = new CompletableFuture<>();
        volatile EngineConnection connection;

        EchoServer(TlsConfig config) throws Exception {
            socket = new ServerSocket(0, 1, Ports.loopback());
            socket.setSoTimeout(20000);
            Thread t = new Thread(() -> {
                try (Socket s = socket.accept()) {
                    s.setSoTimeout(20000);
                    EngineConnection c = new EngineConnection(TlsEngine.server(config), s);
                    connection = c;
                    c.handshake();
                    String line;
                    while ((line = Tls4j.readLine(c)) != null) {
                        if (line.equals("renegotiate-now")) {
                            c.engine().renegotiate();
                        }
                        c.write((reverse(line) + "\n").getBytes(StandardCharsets.ISO_8859_1));
                    }
                    c.closeOutbound();
                    ended.complete(null);
                } catch (Throwable e) {
                    ended.complete(e);
                }
            }, "tls4j-renegotiation-server");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws Exception {
            socket.close();
        }
    }

    static void exchange(PeerProcess p, String line) throws Exception {
        p.send(line + "\n");
        p.await(Pattern.compile(Pattern.quote(reverse(line))), Duration.ofSeconds(10));
    }

    @Test
    void opensslClientRenegotiatesWithTls4jServer() throws Throwable {
        InteropMatrix.run(PEER_C, TO_TLS4J, "renegotiation by the client (R), tls4j accepts (RFC 5746)", () -> {
            try (EchoServer server = new EchoServer(server().build());
                    PeerProcess p = Peers12.opensslClient(dir, server.port(), pki.caFile, Version.TLS12,
                            Peers12.openssl(ECDSA_GCM), List.of("-msg"), null, null, false)) {
                p.await(Pattern.compile("Verify return code: 0 \\(ok\\)"), Duration.ofSeconds(15));
                assertTrue(p.out().contains("Secure Renegotiation IS supported"), p.transcript());
                exchange(p, "before-renegotiation");
                p.send("R\n");
                p.await(Pattern.compile("RENEGOTIATING"), Duration.ofSeconds(5));
                awaitCount(p, SERVER_HELLO, 2);
                awaitCount(p, FINISHED_IN, 2);
                exchange(p, "after-renegotiation");
                assertEquals(2, count(p.out(), SERVER_HELLO), p.transcript());
                assertTrue(server.connection.engine().session() != null);
            }
        });
    }

    @Test
    void tls4jServerRenegotiatesWithOpensslClient() throws Throwable {
        InteropMatrix.run(PEER_C, TO_TLS4J, "renegotiation by tls4j (HelloRequest), s_client follows", () -> {
            try (EchoServer server = new EchoServer(server().build());
                    PeerProcess p = Peers12.opensslClient(dir, server.port(), pki.caFile, Version.TLS12,
                            Peers12.openssl(ECDSA_GCM), List.of("-msg", "-nbio"), null, null, false)) {
                p.await(Pattern.compile("Verify return code: 0 \\(ok\\)"), Duration.ofSeconds(15));
                exchange(p, "before-renegotiation");
                // -nbio: a blocking s_client would stay in SSL_read after the renegotiation (it retries
                // the read for application data) and never read its next line from standard input.
                exchange(p, "renegotiate-now");
                p.await(Pattern.compile("<<< TLS 1\\.2, Handshake \\[length 0004\\], HelloRequest"), Duration.ofSeconds(10));
                awaitCount(p, SERVER_HELLO, 2);
                awaitCount(p, FINISHED_IN, 2);
                exchange(p, "after-renegotiation");
                assertEquals(2, count(p.out(), SERVER_HELLO), p.transcript());
            }
        });
    }

    @Test
    void opensslServerRenegotiatesWithTls4jClient() throws Throwable {
        InteropMatrix.run(PEER_S, FROM_TLS4J, "renegotiation by the server (r), tls4j accepts (RFC 5746)", () -> {
            try (PeerCommands.Server s = Peers12.opensslServer(dir, ec, Version.TLS12, Peers12.openssl(ECDSA_GCM),
                    List.of("-msg"), null, false);
                    EngineConnection c = Tls4j.connect(client().build(), s.port())) {
                c.write("before-renegotiation\n".getBytes(StandardCharsets.ISO_8859_1));
                s.process().await(Pattern.compile("(?m)^before-renegotiation$"), Duration.ofSeconds(10));
                s.process().send("r\n"); // HelloRequest
                s.process().await(Pattern.compile(">>> TLS 1\\.2, Handshake \\[length 0004\\], HelloRequest"), Duration.ofSeconds(10));
                s.process().send("from-openssl\n");
                // tls4j renegotiates while it reads: OpenSSL sends a second line once it saw tls4j's second Finished.
                CompletableFuture<Void> later = CompletableFuture.runAsync(() -> {
                    try {
                        awaitCount(s.process(), FINISHED_IN, 2);
                        s.process().send("from-openssl-after\n");
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                });
                assertEquals("from-openssl", Tls4j.readLine(c));
                assertEquals("from-openssl-after", Tls4j.readLine(c));
                later.get(15, TimeUnit.SECONDS);
                c.write("after-renegotiation\n".getBytes(StandardCharsets.ISO_8859_1));
                s.process().await(Pattern.compile("(?m)^after-renegotiation$"), Duration.ofSeconds(10));
                assertEquals(2, count(s.process().out(), CLIENT_HELLO_IN), s.process().transcript());
                assertNull(c.engine().failure());
            }
        });
    }

    @Test
    void tls4jClientRenegotiatesWithOpensslServer() throws Throwable {
        InteropMatrix.run(PEER_S, FROM_TLS4J, "renegotiation by tls4j (new ClientHello), s_server follows", () -> {
            try (PeerCommands.Server s = Peers12.opensslServer(dir, ec, Version.TLS12, Peers12.openssl(ECDSA_GCM),
                    List.of("-msg", "-client_renegotiation"), null, false);
                    EngineConnection c = Tls4j.connect(client().build(), s.port())) {
                c.write("before-renegotiation\n".getBytes(StandardCharsets.ISO_8859_1));
                s.process().await(Pattern.compile("(?m)^before-renegotiation$"), Duration.ofSeconds(10));
                c.engine().renegotiate();
                c.handshake(); // runs the renegotiation to its end
                awaitCount(s.process(), FINISHED_IN, 2);
                s.process().send("from-openssl\n");
                assertEquals("from-openssl", Tls4j.readLine(c));
                c.write("after-renegotiation\n".getBytes(StandardCharsets.ISO_8859_1));
                s.process().await(Pattern.compile("(?m)^after-renegotiation$"), Duration.ofSeconds(10));
                assertEquals(2, count(s.process().out(), CLIENT_HELLO_IN), s.process().transcript());
                assertNull(c.engine().failure());
            }
        });
    }

    // ---- max_fragment_length (RFC 6066, Section 4)

    @Test
    void opensslClientMaxFragmentLength512() throws Throwable {
        InteropMatrix.run(PEER_C, TO_TLS4J, "max_fragment_length: s_client -maxfraglen 512, records checked", () -> {
            try (EchoServer server = new EchoServer(server().build());
                    RecordProxy proxy = new RecordProxy(server.port());
                    PeerProcess p = Peers12.opensslClient(dir, proxy.port(), pki.caFile, Version.TLS12,
                            Peers12.openssl(ECDSA_GCM), List.of("-maxfraglen", "512"), null, null, false)) {
                p.await(Pattern.compile("Verify return code: 0 \\(ok\\)"), Duration.ofSeconds(15));
                String line = "x".repeat(1500) + "-end";
                exchange(p, line);
                assertRecords(proxy.toClient(), 1505);
                assertRecords(proxy.toServer(), 1505);
            }
        });
    }

    @Test
    void tls4jClientMaxFragmentLength512() throws Throwable {
        InteropMatrix.run(PEER_S, FROM_TLS4J, "max_fragment_length: tls4j requests 512, s_server honours it", () -> {
            try (PeerCommands.Server s = Peers12.opensslServer(dir, ec, Version.TLS12, Peers12.openssl(ECDSA_GCM), List.of());
                    RecordProxy proxy = new RecordProxy(s.port());
                    EngineConnection c = Tls4j.connect(client().maxFragmentLength(512).build(), proxy.port())) {
                String line = "y".repeat(1500) + "-end";
                c.write((line + "\n").getBytes(StandardCharsets.ISO_8859_1));
                assertEquals(reverse(line), Tls4j.readLine(c)); // s_server -rev
                assertRecords(proxy.toClient(), 1505);
                assertRecords(proxy.toServer(), 1505);
            }
        });
    }

    /** Every protected record carries at most 512 bytes (AES-GCM: 8-byte explicit nonce and 16-byte tag), and the data took at least ceil(n/512) records. */
    static void assertRecords(List<RecordProxy.Header> headers, int dataBytes) {
        List<Integer> lengths = RecordProxy.protectedLengths(headers);
        int data = 0;
        for (int len : lengths) {
            assertTrue(len - 24 <= 512, "record of " + (len - 24) + " plaintext bytes: " + lengths);
            data += len - 24;
        }
        assertTrue(data >= dataBytes, lengths.toString());
        assertTrue(lengths.size() >= (dataBytes + 511) / 512, lengths.toString());
    }
}
