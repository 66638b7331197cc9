package org.tls4j.starttls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tls4j.TlsConfig;
import org.tls4j.TlsSocket;
import org.tls4j.record.ProtocolVersion;
import org.tls4j.testing.Peers;

/**
 * {@code openssl s_client -starttls smtp} against the tls4j SMTP server preamble and then tls4j's
 * server-side TlsSocket, fed with {@link Upgrade#leftover()} first: this proves the socket and the
 * leftover bytes are handed over at exactly the first TLS byte.
 */
class SmtpStartTlsServerOpensslTest {

    private static void run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new AssertionError("failed: " + cmd);
        }
    }

    @Test
    void opensslClientUpgradesThroughOurPreamble(@TempDir Path dir) throws Exception {
        String openssl = Peers.require("openssl", "openssl").getPath();
        Path key = dir.resolve("key.pem");
        Path cert = dir.resolve("cert.pem");
        run(List.of(openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout",
                key.toString(), "-out", cert.toString(), "-days", "2", "-subj", "/CN=mx.tls4j.test"));
        TlsConfig config = TlsConfig.builder().certificate(Files.readString(cert), Files.readString(key)).build();

        Path out = dir.resolve("s_client.out");
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            server.setSoTimeout(20_000);
            Process client = new ProcessBuilder(openssl, "s_client", "-starttls", "smtp", "-connect",
                    "127.0.0.1:" + server.getLocalPort(), "-servername", "mx.tls4j.test", "-brief")
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            try (Socket s = server.accept()) {
                s.setSoTimeout(20_000);
                Upgrade u = SmtpStartTlsServer.accept(s, "mx.tls4j.test");
                List<String> t = u.transcript();
                assertEquals("S: 220 mx.tls4j.test ESMTP tls4j", t.get(0));
                assertTrue(t.get(1).startsWith("C: EHLO "), t.get(1));
                assertEquals("C: STARTTLS", t.get(t.size() - 2));
                assertEquals("S: 220 2.0.0 Ready to start TLS", t.get(t.size() - 1));

                TlsSocket tls = TlsSocket.upgrade(u, config, false);
                tls.startHandshake();
                assertEquals(ProtocolVersion.TLS13, tls.session().version());
                assertEquals("mx.tls4j.test", tls.session().serverName());
                OutputStream o = tls.getOutputStream();
                o.write("250 hello over TLS\r\n".getBytes(StandardCharsets.US_ASCII));
                o.flush();
                tls.close();
            } finally {
                client.getOutputStream().close();
                if (!client.waitFor(20, TimeUnit.SECONDS)) {
                    client.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
            String printed = Files.readString(out);
            assertTrue(printed.contains("CONNECTION ESTABLISHED"), printed);
            assertTrue(printed.contains("250 hello over TLS"), printed);
        }
    }
}
