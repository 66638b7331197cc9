package org.tls4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tls4j.crypto.x509.TestPki;
import org.tls4j.starttls.ImapStartTls;
import org.tls4j.starttls.SmtpStartTlsServer;
import org.tls4j.starttls.Upgrade;

/**
 * STARTTLS with tls4j on both sides, and a client that pipelines its ClientHello right behind the
 * STARTTLS command: the server's preamble has then read part of the ClientHello already, and
 * {@link TlsSocket#upgrade} must give those bytes to TLS first.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TlsSocketStartTlsTest {

    @Test
    void pipelinedClientHelloIsNotLost() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            listener.setSoTimeout(20_000);
            Future<String[]> served = pool.submit(() -> {
                try (Socket s = listener.accept()) {
                    s.setSoTimeout(20_000);
                    Upgrade u = SmtpStartTlsServer.accept(s, "mx.tls4j.test");
                    int leftover = u.leftover().length;
                    try (TlsSocket tls = TlsSocket.upgrade(u, TestCerts.server(TestPki.KeyKind.EC_P256).build(), false)) {
                        tls.startHandshake();
                        tls.getOutputStream().write("250 over TLS\r\n".getBytes(StandardCharsets.US_ASCII));
                        return new String[] {String.valueOf(leftover), tls.session().serverName()};
                    }
                }
            });
            try (Socket plain = new Socket(InetAddress.getByName("127.0.0.1"), listener.getLocalPort())) {
                plain.setSoTimeout(20_000);
                // The ClientHello comes from the engine the TlsSocket will use afterwards.
                TlsEngine engine = TlsEngine.client(TestCerts.client().build());
                ByteBuffer hello = ByteBuffer.allocate(engine.packetBufferSize());
                engine.wrap(ByteBuffer.allocate(0), hello);
                hello.flip();
                ByteArrayOutputStream pipelined = new ByteArrayOutputStream();
                pipelined.write("EHLO client.tls4j.test\r\nSTARTTLS\r\n".getBytes(StandardCharsets.US_ASCII));
                pipelined.write(hello.array(), 0, hello.limit());
                plain.getOutputStream().write(pipelined.toByteArray());
                // The plain answers, read byte by byte so no TLS byte is taken: greeting, EHLO lines, 220.
                InputStream in = plain.getInputStream();
                String line = "";
                for (int i = 0; i < 10 && !line.startsWith("220 2.0.0"); i++) {
                    ByteArrayOutputStream b = new ByteArrayOutputStream();
                    int c;
                    for (int k = 0; k < 512 && (c = in.read()) >= 0 && c != '\n'; k++) {
                        b.write(c);
                    }
                    line = b.toString(StandardCharsets.US_ASCII).trim();
                }
                assertEquals("220 2.0.0 Ready to start TLS", line);
                try (TlsSocket tls = TlsSocket.over(plain, engine, new byte[0])) {
                    tls.setSoTimeout(20_000);
                    ByteArrayOutputStream got = new ByteArrayOutputStream();
                    int c;
                    for (int k = 0; k < 100 && (c = tls.getInputStream().read()) >= 0 && c != '\n'; k++) {
                        got.write(c);
                    }
                    assertEquals("250 over TLS\r", got.toString(StandardCharsets.US_ASCII));
                }
            }
            String[] r = served.get(20, TimeUnit.SECONDS);
            assertTrue(Integer.parseInt(r[0]) > 0, "the preamble read part of the ClientHello: " + r[0] + " bytes");
            assertEquals("localhost", r[1]);
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(20, TimeUnit.SECONDS));
        }
    }

    /** IMAP STARTTLS (RFC 3501, Section 6.2.1): a scripted plain-text server, then TLS by tls4j on both sides. */
    @Test
    void imapClientUpgradesWithTlsSocket() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            listener.setSoTimeout(20_000);
            Future<String> served = pool.submit(() -> {
                try (Socket s = listener.accept()) {
                    s.setSoTimeout(20_000);
                    s.getOutputStream().write("* OK [CAPABILITY IMAP4rev1 STARTTLS] ready\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    String cmd = readLine(s.getInputStream());
                    String tag = cmd.substring(0, cmd.indexOf(' '));
                    s.getOutputStream().write((tag + " OK Begin TLS negotiation now\r\n").getBytes(StandardCharsets.US_ASCII));
                    try (TlsSocket tls = TlsSocket.server(s, TestCerts.server(TestPki.KeyKind.EC_P256).build())) {
                        String over = readLine(tls.getInputStream());
                        tls.getOutputStream().write("* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n".getBytes(StandardCharsets.US_ASCII));
                        return cmd + " | " + over;
                    }
                }
            });
            try (Socket plain = new Socket(InetAddress.getByName("127.0.0.1"), listener.getLocalPort())) {
                plain.setSoTimeout(20_000);
                Upgrade u = ImapStartTls.client(plain);
                assertEquals(0, u.leftover().length);
                try (TlsSocket tls = TlsSocket.upgrade(u, TestCerts.client().build(), true)) {
                    tls.getOutputStream().write("a3 CAPABILITY\r\n".getBytes(StandardCharsets.US_ASCII));
                    assertEquals("* CAPABILITY IMAP4rev1 AUTH=PLAIN", readLine(tls.getInputStream()));
                }
            }
            String got = served.get(20, TimeUnit.SECONDS);
            assertTrue(got.matches("a\\d+ STARTTLS \\| a3 CAPABILITY"), got);
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(20, TimeUnit.SECONDS));
        }
    }

    private static String readLine(InputStream in) throws java.io.IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        for (int k = 0; k < 1000 && (c = in.read()) >= 0 && c != '\n'; k++) {
            b.write(c);
        }
        return b.toString(StandardCharsets.US_ASCII).trim();
    }
}
