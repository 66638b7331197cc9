package org.tls4j.starttls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmtpStartTlsTest {
    static final String CLIENT_HELLO_START = "\u0016\u0003\u0001\u0000\u0005\u0001\u0000\u0000\u0001\u0003";

    @Test
    void multiLineEhloThenStartTls() throws Exception {
        try (ScriptedServer srv = new ScriptedServer(p -> {
                p.send("220-mx.example.org ESMTP Postfix\r\n220 second greeting line\r\n");
                p.expect("EHLO client.test");
                p.send("250-mx.example.org\r\n250-PIPELINING\r\n250-SIZE 10240000\r\n250-STARTTLS\r\n250-ENHANCEDSTATUSCODES\r\n"
                        + "250 8BITMIME\r\n");
                p.expect("STARTTLS");
                p.send("220 2.0.0 Ready to start TLS\r\n");
                assertArrayEquals(CLIENT_HELLO_START.getBytes(StandardCharsets.ISO_8859_1), p.read(10));
            });
            Socket s = srv.connect()) {
            Upgrade u = SmtpStartTls.client(s, "client.test");
            assertEquals(0, u.leftover().length);
            assertEquals("SMTP", u.protocol());
            assertEquals(List.of("PIPELINING", "SIZE", "STARTTLS", "ENHANCEDSTATUSCODES", "8BITMIME"), u.capabilities());
            assertEquals(List.of("S: 220-mx.example.org ESMTP Postfix", "S: 220 second greeting line", "C: EHLO client.test",
                    "S: 250-mx.example.org", "S: 250-PIPELINING", "S: 250-SIZE 10240000", "S: 250-STARTTLS",
                    "S: 250-ENHANCEDSTATUSCODES", "S: 250 8BITMIME", "C: STARTTLS", "S: 220 2.0.0 Ready to start TLS"),
                    u.transcript());
            u.socket().getOutputStream().write(CLIENT_HELLO_START.getBytes(StandardCharsets.ISO_8859_1));
            srv.finish();
        }
    }

    @Test
    void defaultEhloNameIsOurAddressLiteral() throws Exception {
        try (ScriptedServer srv = new ScriptedServer(p -> {
                p.send("220 mx ESMTP\r\n");
                p.expect("EHLO [127.0.0.1]");
                p.send("250-mx\r\n250 STARTTLS\r\n");
                p.expect("STARTTLS");
                p.send("220 go ahead\r\n");
            });
            Socket s = srv.connect()) {
            assertEquals(List.of("STARTTLS"), SmtpStartTls.client(s).capabilities());
            srv.finish();
        }
    }

    private static String refusal(ScriptedServer.Script script) throws Exception {
        try (ScriptedServer srv = new ScriptedServer(script); Socket s = srv.connect()) {
            StartTlsException e = assertThrows(StartTlsException.class, () -> SmtpStartTls.client(s, "c.test"));
            s.close();
            srv.finish();
            return e.getMessage();
        }
    }

    @Test
    void noStartTlsOffered() throws Exception {
        assertEquals("the server does not offer STARTTLS (its EHLO answer lists PIPELINING, SIZE, 8BITMIME): it cannot"
                + " upgrade this connection to TLS; try port 465 (implicit TLS, tls://), or ask its operator to enable"
                + " STARTTLS", refusal(p -> {
                    p.send("220 mx ESMTP\r\n");
                    p.expect("EHLO c.test");
                    p.send("250-mx greets c.test\r\n250-PIPELINING\r\n250-SIZE 1000\r\n250 8BITMIME\r\n");
                    p.expectEnd();
                }));
    }

    @Test
    void startTlsRefused() throws Exception {
        assertEquals("the server refused STARTTLS: \"454 4.7.0 TLS not available due to temporary reason\" (454: TLS is"
                + " temporarily unavailable on the server; try again later)", refusal(p -> {
                    p.send("220 mx ESMTP\r\n");
                    p.expect("EHLO c.test");
                    p.send("250-mx\r\n250 STARTTLS\r\n");
                    p.expect("STARTTLS");
                    p.send("454 4.7.0 TLS not available due to temporary reason\r\n");
                    p.expectEnd();
                }));
    }

    @Test
    void greetingRefusedEhloRefusedAndNotSmtp() throws Exception {
        assertEquals("the server greeted with \"554 5.3.2 no service for you\" instead of 220: it does not accept our"
                + " connection", refusal(p -> p.send("554 5.3.2 no service for you\r\n")));
        assertEquals("the server answered EHLO with \"502 5.5.2 Command not recognized\": it does not speak ESMTP, so it"
                + " cannot offer STARTTLS", refusal(p -> {
                    p.send("220 old SMTP\r\n");
                    p.expect("EHLO c.test");
                    p.send("502 5.5.2 Command not recognized\r\n");
                }));
        assertEquals("the server answered \"* OK IMAP4rev1 ready\" while we waited for the SMTP greeting: that is not a"
                + " SMTP reply (three digits and a space); is this a SMTP server?",
                refusal(p -> p.send("* OK IMAP4rev1 ready\r\n")));
        assertEquals("the server's multi-line reply mixed codes 250 and \"251 STARTTLS\": that is not a valid SMTP reply",
                refusal(p -> {
                    p.send("220 mx\r\n");
                    p.expect("EHLO c.test");
                    p.send("250-mx\r\n251 STARTTLS\r\n");
                }));
        assertEquals("the server closed the connection while we waited for the answer to STARTTLS", refusal(p -> {
            p.send("220 mx\r\n");
            p.expect("EHLO c.test");
            p.send("250-mx\r\n250 STARTTLS\r\n");
            p.expect("STARTTLS");
        }));
    }

    @Test
    void bytesInjectedAfterTheGoAheadAreRefused() throws Exception {
        assertEquals("the server sent 19 more bytes right after its 220 answer to STARTTLS, before TLS began"
                + " (3235302d696e6a65637465640d0a3235302031): a server must wait for our ClientHello, so these bytes were"
                + " injected in plain text (STARTTLS response injection); refusing to continue", refusal(p -> {
                    p.send("220 mx\r\n");
                    p.expect("EHLO c.test");
                    p.send("250-mx\r\n250 STARTTLS\r\n");
                    p.expect("STARTTLS");
                    p.send("220 go ahead\r\n250-injected\r\n250 1");
                }));
    }

    @Test
    void silentServerTimesOut() throws Exception {
        try (ScriptedServer srv = new ScriptedServer(p -> p.expectEnd()); Socket s = srv.connect()) {
            s.setSoTimeout(200);
            StartTlsException e = assertThrows(StartTlsException.class, () -> SmtpStartTls.client(s, "c.test"));
            assertEquals("the server sent nothing for 200 ms while we waited for the SMTP greeting", e.getMessage());
            assertEquals(SocketTimeoutException.class, e.getCause().getClass());
            s.close();
            srv.finish();
        }
    }

    @Test
    void ehloAgainAfterTheUpgradeStep() throws Exception {
        // The post-upgrade step runs over any streams; here the plain socket stands in for the TLS streams.
        try (ScriptedServer srv = new ScriptedServer(p -> {
                p.expect("EHLO client.test");
                p.send("250-mx\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME\r\nMORE");
            });
            Socket s = srv.connect()) {
            assertEquals(List.of("AUTH", "8BITMIME"),
                    SmtpStartTls.ehloAfterUpgrade(s.getInputStream(), s.getOutputStream(), "client.test"));
            byte[] rest = new byte[4];
            int n = 0;
            InputStream in = s.getInputStream();
            while (n < 4) {
                n += in.read(rest, n, 4 - n);
            }
            assertEquals("MORE", new String(rest, StandardCharsets.US_ASCII), "nothing after the reply was consumed");
            srv.finish();
        }
    }

    @Test
    void serverSideHandsOverPipelinedBytes() throws Exception {
        byte[] hello = CLIENT_HELLO_START.getBytes(StandardCharsets.ISO_8859_1);
        try (java.net.ServerSocket ss = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            ss.setSoTimeout(ScriptedServer.TIMEOUT_MS);
            Thread client = new Thread(() -> {
                try (Socket c = new Socket("127.0.0.1", ss.getLocalPort())) {
                    c.setSoTimeout(ScriptedServer.TIMEOUT_MS);
                    ScriptedServer.Peer p = new ScriptedServer.Peer(c);
                    assertEquals("220 mx.tls4j.test ESMTP tls4j", p.line());
                    p.send("EHLO client.test\r\n");
                    assertEquals("250-mx.tls4j.test", p.line());
                    assertEquals("250-STARTTLS", p.line());
                    assertEquals("250-8BITMIME", p.line());
                    assertEquals("250 SIZE 10485760", p.line());
                    p.send("MAIL FROM:<a@b>\r\n");
                    assertEquals("530 5.7.0 Must issue a STARTTLS command first", p.line());
                    p.send("STARTTLS now\r\n");
                    assertEquals("501 5.5.4 Syntax error (no parameters allowed)", p.line());
                    p.send("XYZZY\r\n");
                    assertEquals("500 5.5.1 Command not recognized", p.line());
                    byte[] cmd = "STARTTLS\r\n".getBytes(StandardCharsets.US_ASCII);
                    byte[] both = new byte[cmd.length + hello.length];
                    System.arraycopy(cmd, 0, both, 0, cmd.length);
                    System.arraycopy(hello, 0, both, cmd.length, hello.length);
                    p.send(both);
                    assertEquals("220 2.0.0 Ready to start TLS", p.line());
                    p.expectEnd();
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            client.start();
            try (Socket s = ss.accept()) {
                s.setSoTimeout(ScriptedServer.TIMEOUT_MS);
                Upgrade u = SmtpStartTlsServer.accept(s, "mx.tls4j.test");
                // never lose a byte: what was buffered plus what is still on the socket is exactly the ClientHello
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                all.write(u.leftover());
                InputStream in = s.getInputStream();
                while (all.size() < hello.length) {
                    all.write(in.read());
                }
                assertArrayEquals(hello, all.toByteArray());
                assertEquals("C: STARTTLS", u.transcript().get(u.transcript().size() - 2));
                s.shutdownOutput();
                client.join(ScriptedServer.TIMEOUT_MS);
            }
        }
    }

    @Test
    void serverSideQuitAndTooManyCommands() throws Exception {
        try (ScriptedServer srv = new ScriptedServer(p -> {
                assertThrows(StartTlsException.class, () -> SmtpStartTlsServer.accept(p.socket, "mx"));
            }); Socket s = srv.connect()) {
            ScriptedServer.Peer c = new ScriptedServer.Peer(s);
            assertEquals("220 mx ESMTP tls4j", c.line());
            c.send("QUIT\r\n");
            assertEquals("221 2.0.0 Bye", c.line());
            srv.finish();
        }
        try (ScriptedServer srv = new ScriptedServer(p -> {
                StartTlsException e = assertThrows(StartTlsException.class, () -> SmtpStartTlsServer.accept(p.socket, "mx"));
                assertEquals("the client sent 20 commands without STARTTLS: it is not heading for TLS", e.getMessage());
            }); Socket s = srv.connect()) {
            ScriptedServer.Peer c = new ScriptedServer.Peer(s);
            assertEquals("220 mx ESMTP tls4j", c.line());
            for (int i = 0; i < 20; i++) {
                c.send("NOOP\r\n");
                assertEquals("250 2.0.0 OK", c.line());
            }
            assertEquals("421 4.7.0 Too many commands before STARTTLS, closing", c.line());
            srv.finish();
        }
    }
}
