package org.tls4j.starttls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tls4j.testing.Peers;

/**
 * {@code openssl s_client -starttls smtp} against the tls4j SMTP server preamble. The TLS handshake after
 * the preamble is run by the JDK's server-side SSLSocket in this test only (until the tls4j engine lands),
 * fed with {@link Upgrade#leftover()} first: this proves the socket and the leftover bytes are handed
 * over at exactly the first TLS byte.
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
        Path p12 = dir.resolve("server.p12");
        run(List.of(openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout",
                key.toString(), "-out", cert.toString(), "-days", "2", "-subj", "/CN=mx.tls4j.test"));
        run(List.of(openssl, "pkcs12", "-export", "-in", cert.toString(), "-inkey", key.toString(), "-out", p12.toString(),
                "-passout", "pass:test", "-name", "server"));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            ks.load(in, "test".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "test".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);

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

                SSLSocket tls = (SSLSocket) ctx.getSocketFactory().createSocket(s,
                        new ByteArrayInputStream(u.leftover()), true);
                tls.setUseClientMode(false);
                tls.startHandshake();
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
