package org.tls4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tls4j.record.ProtocolVersion;
import org.tls4j.crypto.x509.TestPki;

/** TlsSocket client and TlsServerSocket over loopback. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TlsSocketTest {
    private ExecutorService pool;
    private TlsServerSocket server;

    @BeforeEach
    void start() throws IOException {
        pool = Executors.newCachedThreadPool();
        server = TlsServerSocket.loopback(TestCerts.server(TestPki.KeyKind.EC_P256).build());
        server.setSoTimeout(20_000);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(20, TimeUnit.SECONDS));
    }

    private TlsSocket connect() throws IOException {
        TlsSocket c = TlsSocket.connect("127.0.0.1", server.getLocalPort(), TestCerts.client().build(), 5000);
        c.setSoTimeout(20_000);
        return c;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        int n;
        while ((n = in.read(buf)) >= 0) {
            b.write(buf, 0, n);
        }
        return b.toByteArray();
    }

    /** Echoes everything until the client's close_notify, then says "bye" and closes. */
    private Future<byte[]> echoServer() {
        return pool.submit(() -> {
            try (TlsSocket s = server.accept()) {
                s.setSoTimeout(20_000);
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream();
                byte[] buf = new byte[20_000];
                int n;
                while ((n = in.read(buf)) >= 0) {
                    all.write(buf, 0, n);
                    out.write(buf, 0, n);
                }
                out.write(ascii("bye"));
                return all.toByteArray();
            }
        });
    }

    @Test
    void dataBothWaysHalfCloseAndCloseNotify() throws Exception {
        Future<byte[]> served = echoServer();
        try (TlsSocket c = connect()) {
            c.startHandshake();
            TlsSession session = c.session();
            assertEquals(ProtocolVersion.TLS13, session.version());
            assertEquals("localhost", session.serverName());
            c.getOutputStream().write(ascii("hello"));
            byte[] five = new byte[5];
            int got = 0;
            for (int i = 0; i < 5 && got < 5; i++) {
                got += c.getInputStream().read(five, got, 5 - got);
            }
            assertEquals("hello", new String(five, StandardCharsets.US_ASCII));
            // KeyUpdate asking the server to update too: its answer comes from its reading side, and
            // data keeps flowing both ways under the new keys
            c.requestKeyUpdate(true);
            c.getOutputStream().write(ascii("again"));
            got = 0;
            for (int i = 0; i < 5 && got < 5; i++) {
                got += c.getInputStream().read(five, got, 5 - got);
            }
            assertEquals("again", new String(five, StandardCharsets.US_ASCII));
            // half-close: the server sees -1 after our close_notify, and can still answer
            c.shutdownOutput();
            assertThrows(SocketException.class, () -> c.getOutputStream().write(1));
            assertEquals("bye", new String(readToEnd(c.getInputStream()), StandardCharsets.US_ASCII));
            assertEquals(-1, c.getInputStream().read(), "still the end after the peer's close_notify");
        }
        assertEquals("helloagain", new String(served.get(20, TimeUnit.SECONDS), StandardCharsets.US_ASCII));
    }

    @Test
    void closeSendsCloseNotify() throws Exception {
        Future<Integer> served = pool.submit(() -> {
            try (TlsSocket s = server.accept()) {
                s.setSoTimeout(20_000);
                return s.getInputStream().read();
            }
        });
        TlsSocket c = connect();
        c.startHandshake();
        c.close();
        assertTrue(c.isClosed());
        // -1 (not an exception about truncation) means the server received close_notify before TCP's FIN
        assertEquals(-1, served.get(20, TimeUnit.SECONDS));
        assertThrows(SocketException.class, () -> c.getOutputStream().write(1));
    }

    @Test
    void tcpEndWithoutCloseNotifyIsNotACleanEnd() throws Exception {
        Future<String> served = pool.submit(() -> {
            try (TlsSocket s = server.accept()) {
                s.setSoTimeout(20_000);
                return assertThrows(SocketException.class, () -> s.getInputStream().read()).getMessage();
            }
        });
        try (Socket raw = new Socket(InetAddress.getByName("127.0.0.1"), server.getLocalPort())) {
            TlsSocket c = TlsSocket.client(raw, TestCerts.client().build());
            c.startHandshake();
            raw.close(); // TCP FIN without close_notify
        }
        assertEquals("the peer closed the TCP connection without sending close_notify: the data may have been cut"
                + " short (RFC 8446, Section 6.1)", served.get(20, TimeUnit.SECONDS));
    }

    /** 16 MiB each way through the echo server, one writer and one reader thread on the client socket. */
    @Test
    void sixteenMebibytesWithConcurrentReaderAndWriter() throws Exception {
        Future<byte[]> served = echoServer();
        int total = 16 << 20;
        try (TlsSocket c = connect()) {
            CRC32 sentCrc = new CRC32();
            Future<Long> writer = pool.submit(() -> {
                Random r = new Random(42);
                byte[] chunk = new byte[50_000];
                int left = total;
                while (left > 0) {
                    int n = Math.min(left, chunk.length - r.nextInt(1000));
                    r.nextBytes(chunk);
                    c.getOutputStream().write(chunk, 0, n);
                    sentCrc.update(chunk, 0, n);
                    left -= n;
                }
                c.shutdownOutput();
                return sentCrc.getValue();
            });
            Future<long[]> reader = pool.submit(() -> {
                CRC32 crc = new CRC32();
                byte[] buf = new byte[30_000];
                long count = 0;
                InputStream in = c.getInputStream();
                int n;
                while (count < total && (n = in.read(buf, 0, (int) Math.min(buf.length, total - count))) >= 0) {
                    crc.update(buf, 0, n);
                    count += n;
                }
                return new long[] {count, crc.getValue()};
            });
            long sent = writer.get(100, TimeUnit.SECONDS);
            long[] got = reader.get(100, TimeUnit.SECONDS);
            assertEquals(total, got[0]);
            assertEquals(sent, got[1], "CRC-32 of the echoed 16 MiB");
            assertEquals("bye", new String(readToEnd(c.getInputStream()), StandardCharsets.US_ASCII));
        }
        byte[] all = served.get(20, TimeUnit.SECONDS);
        assertEquals(total, all.length);
        CRC32 crc = new CRC32();
        crc.update(all);
        Random r = new Random(42);
        CRC32 expect = new CRC32();
        byte[] chunk = new byte[50_000];
        int left = total;
        while (left > 0) {
            int n = Math.min(left, chunk.length - r.nextInt(1000));
            r.nextBytes(chunk);
            expect.update(chunk, 0, n);
            left -= n;
        }
        assertEquals(expect.getValue(), crc.getValue(), "CRC-32 of what the server received");
    }

    /**
     * A reader starts the handshake while a writer waits for it: the writer must not then queue behind
     * the reader's blocking socket read (it did once, when waiting for a handshake meant taking readLock).
     */
    @Test
    void writerWaitingForTheReadersHandshakeIsNotStarved() throws Exception {
        for (int round = 0; round < 8; round++) {
            int i = round;
            Future<byte[]> served = echoServer();
            try (TlsSocket c = connect()) {
                Future<Integer> reader = pool.submit(() -> c.getInputStream().read());
                Future<?> writer = pool.submit(() -> {
                    c.getOutputStream().write('a' + i);
                    return null;
                });
                writer.get(10, TimeUnit.SECONDS);
                assertEquals('a' + i, reader.get(10, TimeUnit.SECONDS));
                c.shutdownOutput();
                assertEquals("bye", new String(readToEnd(c.getInputStream()), StandardCharsets.US_ASCII));
            }
            assertEquals(1, served.get(20, TimeUnit.SECONDS).length);
        }
    }

    @Test
    void readTimeoutFiresAndTheConnectionStaysUsable() throws Exception {
        Future<byte[]> served = echoServer();
        try (TlsSocket c = connect()) {
            c.startHandshake();
            c.setSoTimeout(200);
            long t0 = System.nanoTime();
            assertThrows(SocketTimeoutException.class, () -> c.getInputStream().read());
            assertTrue(System.nanoTime() - t0 >= TimeUnit.MILLISECONDS.toNanos(150));
            assertFalse(c.isClosed());
            c.setSoTimeout(20_000);
            c.getOutputStream().write(ascii("x"));
            assertEquals('x', c.getInputStream().read());
            c.shutdownOutput();
            assertEquals("bye", new String(readToEnd(c.getInputStream()), StandardCharsets.US_ASCII));
        }
        assertEquals("x", new String(served.get(20, TimeUnit.SECONDS), StandardCharsets.US_ASCII));
    }

    @Test
    void clientHandshakeTimeoutAgainstASilentServer() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            silent.setSoTimeout(20_000);
            TlsSocket c = TlsSocket.connect("127.0.0.1", silent.getLocalPort(), TestCerts.client().build(), 5000);
            try (Socket peer = silent.accept()) {
                c.setHandshakeTimeout(300);
                SocketTimeoutException e = assertThrows(SocketTimeoutException.class, c::startHandshake);
                assertEquals("the TLS handshake did not complete within 300 ms: the server sent nothing (it may not speak"
                        + " TLS, or expect a STARTTLS command first)", e.getMessage());
                assertTrue(c.isClosed(), "a timed-out handshake closes the socket");
                assertThrows(SocketTimeoutException.class, c::startHandshake, "the same failure again");
            } finally {
                c.close();
            }
        }
    }

    @Test
    void handshakeStalledMidRecordAndReadTimeoutDuringHandshake() throws Exception {
        try (ServerSocket stalling = new ServerSocket(0, 2, InetAddress.getByName("127.0.0.1"))) {
            stalling.setSoTimeout(20_000);
            // a TLS record header announcing 16 bytes that never come
            TlsSocket c = TlsSocket.connect("127.0.0.1", stalling.getLocalPort(), TestCerts.client().build(), 5000);
            try (Socket peer = stalling.accept()) {
                peer.getOutputStream().write(new byte[] {22, 3, 3, 0, 16});
                c.setHandshakeTimeout(300);
                assertEquals("the TLS handshake did not complete within 300 ms: the peer stopped answering after 5 bytes",
                        assertThrows(SocketTimeoutException.class, c::startHandshake).getMessage());
            } finally {
                c.close();
            }
            // no handshake timeout: the socket's own read timeout ends the handshake, and says so
            TlsSocket d = TlsSocket.connect("127.0.0.1", stalling.getLocalPort(), TestCerts.client().build(), 5000);
            try (Socket peer = stalling.accept()) {
                d.setHandshakeTimeout(0);
                d.setSoTimeout(200);
                assertEquals("the read timeout (200 ms) passed during the TLS handshake: the server sent nothing (it may"
                        + " not speak TLS, or expect a STARTTLS command first)",
                        assertThrows(SocketTimeoutException.class, d::startHandshake).getMessage());
                assertTrue(d.isClosed());
            } finally {
                d.close();
            }
        }
    }

    /** accept() returns before the handshake; a silent client times out on the handshaking thread only. */
    @Test
    void serverHandshakeRunsOffTheAcceptThreadAndTimesOut() throws Exception {
        server.setHandshakeTimeout(300);
        try (Socket silent = new Socket(InetAddress.getByName("127.0.0.1"), server.getLocalPort());
                TlsSocket accepted = server.accept()) {
            assertFalse(accepted.isClientMode());
            // a second, real client is accepted and served while the first one is still silent
            Future<byte[]> served = echoServer();
            try (TlsSocket c = connect()) {
                c.getOutputStream().write(ascii("ok"));
                c.shutdownOutput();
                assertEquals("okbye", new String(readToEnd(c.getInputStream()), StandardCharsets.US_ASCII));
            }
            assertEquals("ok", new String(served.get(20, TimeUnit.SECONDS), StandardCharsets.US_ASCII));
            SocketTimeoutException e = assertThrows(SocketTimeoutException.class, accepted::startHandshake);
            assertEquals("the TLS handshake did not complete within 300 ms: the client sent nothing (it may not speak"
                    + " TLS, or wait for a plain-text greeting such as SMTP's 220)", e.getMessage());
        }
    }

    @Test
    void serverReceivingPlainHttpSaysSoInPlainWords() throws Exception {
        Future<String> served = pool.submit(() -> {
            try (TlsSocket s = server.accept()) {
                s.setSoTimeout(20_000);
                TlsException e = assertThrows(TlsException.class, s::startHandshake);
                assertNotNull(e.getCause());
                return e.getMessage();
            }
        });
        try (Socket plain = new Socket(InetAddress.getByName("127.0.0.1"), server.getLocalPort())) {
            plain.setSoTimeout(20_000);
            plain.getOutputStream().write(ascii("GET / HTTP/1.0\r\n\r\n"));
            assertEquals("the client sent an HTTP request in plain text (\"GET / HTTP/1.0\"): it is not speaking TLS, and"
                    + " this port expects TLS from the first byte; it should use https:// (tls:// with tls4j)",
                    served.get(20, TimeUnit.SECONDS));
        }
    }

    @Test
    void clientAgainstScriptedSmtpGreetingSaysSoInPlainWords() throws Exception {
        try (ServerSocket smtp = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            smtp.setSoTimeout(20_000);
            Future<?> greeter = pool.submit(() -> {
                try (Socket s = smtp.accept()) {
                    s.getOutputStream().write(ascii("220 mx.example.net ESMTP Postfix (Debian)\r\n"));
                    s.setSoTimeout(5_000);
                    s.getInputStream().read(new byte[4096]);
                    Thread.sleep(500);
                }
                return null;
            });
            try (TlsSocket c = TlsSocket.connect("127.0.0.1", smtp.getLocalPort(), TestCerts.client().build(), 5000)) {
                c.setSoTimeout(20_000);
                TlsException e = assertThrows(TlsException.class, () -> c.getOutputStream().write(1));
                assertEquals("the server sent an SMTP greeting (\"220 mx.example.net ESMTP Postfix (Debian)\") where a"
                        + " TLS record was expected: this port speaks plain SMTP; connect with tcp:// and upgrade with"
                        + " STARTTLS, or use port 465 for implicit TLS", e.getMessage());
            }
            greeter.get(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void leftoverBytesAreFedFirst() throws Exception {
        // The server side is given the client's first 7 bytes as "already read" (as a STARTTLS preamble
        // would): the handshake only succeeds if they come before the socket's bytes.
        try (ServerSocket plain = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            plain.setSoTimeout(20_000);
            Future<String> served = pool.submit(() -> {
                try (Socket s = plain.accept()) {
                    s.setSoTimeout(20_000);
                    byte[] first = new byte[7];
                    int got = 0;
                    for (int i = 0; i < 7 && got < 7; i++) {
                        got += s.getInputStream().read(first, got, 7 - got);
                    }
                    try (TlsSocket t = TlsSocket.over(s, TlsEngine.server(TestCerts.server(TestPki.KeyKind.EC_P256)
                            .build()), first)) {
                        byte[] b = new byte[2];
                        assertEquals(2, t.getInputStream().read(b));
                        return new String(b, StandardCharsets.US_ASCII);
                    }
                }
            });
            try (TlsSocket c = TlsSocket.connect("127.0.0.1", plain.getLocalPort(), TestCerts.client().build(), 5000)) {
                c.setSoTimeout(20_000);
                c.getOutputStream().write(ascii("hi"));
                assertEquals("hi", served.get(20, TimeUnit.SECONDS));
            }
        }
    }

    @Test
    void refusesUnconnectedSocketsAndServersWithoutCertificates() throws Exception {
        assertThrows(SocketException.class, () -> TlsSocket.client(new Socket(), TestCerts.client().build()));
        assertThrows(IllegalArgumentException.class, () -> TlsServerSocket.loopback(TestCerts.client().build()));
    }
}
