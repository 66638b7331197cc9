package org.tls4j.starttls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tls4j.PythonPeers;
import org.tls4j.TlsConfig;
import org.tls4j.TlsSocket;
import org.tls4j.crypto.x509.TrustStore;
import org.tls4j.record.ProtocolVersion;
import org.tls4j.Transport;

/**
 * STARTTLS end to end against a real server (aiosmtpd, Debian python3-aiosmtpd): the SMTP preamble, TLS
 * 1.3 by tls4j's TlsSocket over the same socket (the aiosmtpd certificate as the only trust anchor, its
 * name checked), EHLO again over TLS, and a message sent.
 */
class SmtpStartTlsAiosmtpdTest {

    @Test
    void upgradesAndSendsAMessage(@TempDir Path dir) throws Exception {
        try (PythonPeers.Server smtp = PythonPeers.startTlsSmtp(dir);
                java.net.Socket plain = Transport.parse("tcp://127.0.0.1:" + smtp.port).openSocket(5000)) {
            plain.setSoTimeout(10_000);
            Upgrade u = SmtpStartTls.client(plain, "client.tls4j.test");
            assertEquals(0, u.leftover().length);
            assertTrue(u.capabilities().contains("STARTTLS"), u.capabilities().toString());
            assertEquals("S: 220 " + PythonPeers.SMTP_HOSTNAME + " " + PythonPeers.SMTP_IDENT, u.transcript().get(0));
            List<String> t = u.transcript();
            assertEquals("C: STARTTLS", t.get(t.size() - 2));
            assertTrue(t.get(t.size() - 1).startsWith("S: 220 "), t.get(t.size() - 1));

            TlsConfig config = TlsConfig.builder()
                    .trustAnchors(TrustStore.fromPemFile(dir.resolve("cert.pem").toFile()))
                    .serverName(PythonPeers.SMTP_HOSTNAME).build();
            TlsSocket tls = TlsSocket.upgrade(u, config, true);
            tls.setSoTimeout(10_000);
            tls.startHandshake();
            assertEquals(ProtocolVersion.TLS13, tls.session().version());
            InputStream in = tls.getInputStream();
            OutputStream out = tls.getOutputStream();
            List<String> after = SmtpStartTls.ehloAfterUpgrade(in, out, "client.tls4j.test");
            assertFalse(after.contains("STARTTLS"), "no STARTTLS offered over TLS: " + after);
            assertEquals("250", command(in, out, "MAIL FROM:<student@tls4j.test>").substring(0, 3));
            assertEquals("250", command(in, out, "RCPT TO:<teacher@tls4j.test>").substring(0, 3));
            assertEquals("354", command(in, out, "DATA").substring(0, 3));
            assertEquals("250", command(in, out, "Subject: hello\r\n\r\nsent after STARTTLS\r\n.").substring(0, 3));
            assertEquals("221", command(in, out, "QUIT").substring(0, 3));
            tls.close();
        }
    }

    @Test
    void plainServerWithoutStartTls(@TempDir Path dir) throws Exception {
        try (PythonPeers.Server smtp = PythonPeers.plainSmtp(dir);
                java.net.Socket plain = Transport.parse("tcp://127.0.0.1:" + smtp.port).openSocket(5000)) {
            plain.setSoTimeout(10_000);
            StartTlsException e = org.junit.jupiter.api.Assertions.assertThrows(StartTlsException.class,
                    () -> SmtpStartTls.client(plain, "client.tls4j.test"));
            assertTrue(e.getMessage().startsWith("the server does not offer STARTTLS (its EHLO answer lists "),
                    e.getMessage());
            assertTrue(e.getMessage().endsWith("): it cannot upgrade this connection to TLS; try port 465 (implicit TLS,"
                    + " tls://), or ask its operator to enable STARTTLS"), e.getMessage());
        }
    }

    private static String command(InputStream in, OutputStream out, String line) throws Exception {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            b.write(c);
        }
        return b.toString(StandardCharsets.US_ASCII);
    }
}
