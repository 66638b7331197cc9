package org.tls4j.conformance.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tls4j.TlsConfig;
import org.tls4j.TlsEngine;
import org.tls4j.TlsSession;
import org.tls4j.cli.EngineConnection;

/**
 * TLS 1.3 session resumption (RFC 8446, Section 2.2) against OpenSSL, GnuTLS and JSSE, both directions:
 * a first connection gets tickets, a second one resumes with one. On the tls4j side the proof is
 * {@link TlsSession#isResumed()}; on the peer's, what it prints ({@code Reused, TLSv1.3} for
 * s_client, {@code This is a resumed session} for gnutls-cli) or, for JSSE, the tls4j side's view.
 */
@ExtendWith(InteropMatrix.class)
@Timeout(90)
class Tls13ResumptionInteropTest {
    @TempDir
    static File dir;
    static InteropPki pki;

    @BeforeAll
    static void pki() throws Exception {
        pki = new InteropPki(dir);
    }

    /**
     * A tls4j server for several connections (same config, so the same ticket keys): each handshake,
     * then lines answered reversed until the peer closes. The sessions are queued in order; a failed
     * connection queues its exception.
     */
    static final class MultiServer implements AutoCloseable {
        final ServerSocket socket;
        final LinkedBlockingQueue<Object> sessions = new LinkedBlockingQueue<>();
        private final Thread thread;

        MultiServer(TlsConfig config) throws Exception {
            socket = new ServerSocket(0, 4, Ports.loopback());
            thread = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket s = socket.accept()) {
                        s.setSoTimeout(Tls4j.TIMEOUT_MS);
                        EngineConnection c = new EngineConnection(TlsEngine.server(config), s);
                        try {
                            c.handshake();
                            sessions.add(c.session());
                            String line;
                            while ((line = Tls4j.readLine(c)) != null) {
                                c.write((new StringBuilder(line).reverse() + "\n").getBytes(StandardCharsets.ISO_8859_1));
                            }
                            c.closeOutbound();
                        } catch (Exception e) {
                            if (c.session() == null) {
                                sessions.add(e);
                            }
                        }
                    } catch (Exception e) {
                        // the socket was closed: done
                    }
                }
            }, "tls4j-resumption-server");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        TlsSession next() throws Throwable {
            Object o = sessions.poll(Tls4j.TIMEOUT_MS, TimeUnit.MILLISECONDS);
            if (o == null) {
                throw new AssertionError("no connection within " + Tls4j.TIMEOUT_MS + " ms");
            }
            if (o instanceof Throwable t) {
                throw t;
            }
            return (TlsSession) o;
        }

        @Override
        public void close() throws Exception {
            socket.close();
            thread.join(Tls4j.TIMEOUT_MS);
        }
    }

    /** One tls4j client connection keyed localhost:port in the config's session cache; returns its session. */
    static TlsSession tls4jClient(TlsConfig config, int port, String line) throws Exception {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(Ports.loopback(), port), Tls4j.TIMEOUT_MS);
        s.setSoTimeout(Tls4j.TIMEOUT_MS);
        try (EngineConnection c = new EngineConnection(TlsEngine.client(config, "localhost", port), s)) {
            c.handshake();
            c.write((line + "\n").getBytes(StandardCharsets.ISO_8859_1));
            assertEquals(new StringBuilder(line).reverse().toString(), Tls4j.readLine(c), "the peer's answer");
            c.closeOutbound();
            return c.session();
        }
    }

    static TlsConfig server() throws Exception {
        return Tls4j.server(pki.leaf(InteropPki.LeafKind.EC_P256)).build();
    }

    // ---- OpenSSL

    @Test
    void opensslClientResumesWithTls4jServer() throws Throwable {
        InteropMatrix.run("openssl s_client", "peer client -> tls4j server", "resumption: -sess_out, then -sess_in",
                () -> {
                    File sess = new File(dir, "openssl-session.pem");
                    try (MultiServer server = new MultiServer(server())) {
                        try (PeerProcess p = PeerCommands.opensslClient(dir, server.port(), pki.caFile, null, null, null,
                                List.of("-sess_out", sess.getPath()))) {
                            p.await(Pattern.compile("Verify return code: 0 \\(ok\\)"), Duration.ofSeconds(15));
                            p.send("first\n");
                            p.await(Pattern.compile("tsrif"), Duration.ofSeconds(10));
                            assertFalse(server.next().isResumed());
                        }
                        try (PeerProcess p = PeerCommands.opensslClient(dir, server.port(), pki.caFile, null, null, null,
                                List.of("-sess_in", sess.getPath()))) {
                            p.await(Pattern.compile("Reused, TLSv1.3"), Duration.ofSeconds(15));
                            p.send("second\n");
                            p.await(Pattern.compile("dnoces"), Duration.ofSeconds(10));
                            assertTrue(server.next().isResumed(), "the tls4j server resumed");
                        }
                    }
                });
    }

    @Test
    void tls4jClientResumesWithOpensslServer() throws Throwable {
        InteropMatrix.run("openssl s_server", "tls4j client -> peer server", "resumption: second connection with a ticket",
                () -> {
                    try (PeerCommands.Server s = PeerCommands.opensslServer(dir, pki.leaf(InteropPki.LeafKind.EC_P256),
                            null, null, List.of("-naccept", "2"))) {
                        TlsConfig config = Tls4j.client(pki).build();
                        assertFalse(tls4jClient(config, s.port(), "one").isResumed());
                        TlsSession second = tls4jClient(config, s.port(), "two");
                        assertTrue(second.isResumed(), second.toString());
                    }
                });
    }

    // ---- GnuTLS

    @Test
    void gnutlsClientResumesWithTls4jServer() throws Throwable {
        InteropMatrix.run("gnutls-cli", "peer client -> tls4j server", "resumption: --resume", () -> {
            try (MultiServer server = new MultiServer(server());
                    PeerProcess p = PeerCommands.gnutlsClient(dir, server.port(), pki.caFile, "NORMAL:-VERS-ALL:+VERS-TLS1.3",
                            List.of("--resume"))) {
                p.await(Pattern.compile("This is a resumed session"), Duration.ofSeconds(20));
                p.send("again\n");
                p.await(Pattern.compile("niaga"), Duration.ofSeconds(10));
                assertFalse(server.next().isResumed());
                assertTrue(server.next().isResumed(), "the tls4j server resumed");
            }
        });
    }

    @Test
    void tls4jClientResumesWithGnutlsServer() throws Throwable {
        InteropMatrix.run("gnutls-serv", "tls4j client -> peer server", "resumption: second connection with a ticket",
                () -> {
                    try (PeerCommands.Server s = PeerCommands.gnutlsServer(dir, pki.leaf(InteropPki.LeafKind.EC_P256),
                            "NORMAL:-VERS-ALL:+VERS-TLS1.3", List.of())) {
                        TlsConfig config = Tls4j.client(pki).build();
                        // gnutls-serv --echo answers the line as is: send a palindrome.
                        assertFalse(tls4jClient(config, s.port(), "abcba").isResumed());
                        TlsSession second = tls4jClient(config, s.port(), "xyzyx");
                        assertTrue(second.isResumed(), second.toString());
                    }
                });
    }

    // ---- JSSE

    @Test
    void jsseClientResumesWithTls4jServer() throws Throwable {
        InteropMatrix.run("JSSE SSLSocket", "peer client -> tls4j server", "resumption: JSSE's session cache", () -> {
            SSLContext ctx = Jsse.context(pki, null);
            try (MultiServer server = new MultiServer(server())) {
                for (String line : new String[] {"uno", "dos"}) {
                    try (SSLSocket s = Jsse.client(ctx, server.port(), null, null, null)) {
                        s.getOutputStream().write((line + "\n").getBytes(StandardCharsets.US_ASCII));
                        s.getOutputStream().flush();
                        BufferedReader r = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                        assertEquals(new StringBuilder(line).reverse().toString(), r.readLine());
                    }
                }
                assertFalse(server.next().isResumed());
                assertTrue(server.next().isResumed(), "JSSE offered its ticket and the tls4j server resumed");
            }
        });
    }

    @Test
    void tls4jClientResumesWithJsseServer() throws Throwable {
        InteropMatrix.run("JSSE SSLServerSocket", "tls4j client -> peer server", "resumption: second connection with a ticket",
                () -> {
                    SSLContext ctx = Jsse.context(pki, pki.leaf(InteropPki.LeafKind.EC_P256));
                    SSLServerSocket ss = (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket();
                    ss.bind(new InetSocketAddress(Ports.loopback(), 0), 2);
                    SSLParameters params = ss.getSSLParameters();
                    params.setProtocols(new String[] {"TLSv1.3"});
                    ss.setSSLParameters(params);
                    List<Throwable> failures = new ArrayList<>();
                    Thread t = new Thread(() -> {
                        for (int i = 0; i < 2; i++) {
                            try (SSLSocket s = (SSLSocket) ss.accept()) {
                                s.setSoTimeout(Jsse.TIMEOUT_MS);
                                BufferedReader r = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
                                String line = r.readLine();
                                OutputStream o = s.getOutputStream();
                                o.write((new StringBuilder(line).reverse() + "\n").getBytes(StandardCharsets.ISO_8859_1));
                                o.flush();
                                while (r.read() >= 0) {
                                    // until close_notify
                                }
                            } catch (Exception e) {
                                synchronized (failures) {
                                    failures.add(e);
                                }
                            }
                        }
                    }, "jsse-resumption-server");
                    t.setDaemon(true);
                    t.start();
                    try {
                        TlsConfig config = Tls4j.client(pki).build();
                        assertFalse(tls4jClient(config, ss.getLocalPort(), "eins").isResumed());
                        TlsSession second = tls4jClient(config, ss.getLocalPort(), "zwei");
                        assertTrue(second.isResumed(), second.toString());
                    } finally {
                        ss.close();
                        t.join(Jsse.TIMEOUT_MS);
                    }
                    synchronized (failures) {
                        assertTrue(failures.isEmpty(), failures.toString());
                    }
                });
    }
}
