package org.tls4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tls4j.crypto.pem.Pem;
import org.tls4j.crypto.rand.HmacDrbg;
import org.tls4j.crypto.x509.Certificate;
import org.tls4j.crypto.x509.TestPki;

/**
 * {@code tls4j client} against {@code openssl s_server}, and {@code openssl s_client} against
 * {@code tls4j server} (echo and --http), in process through {@link Main#run(InputStream, PrintStream, PrintStream, String...)}.
 */
@Timeout(60)
class ClientServerCommandTest {
    @TempDir
    static File dir;
    static File ca;
    static File chain;
    static File key;
    static Certificate leaf;

    @BeforeAll
    static void pki() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        TestPki pki = new TestPki(HmacDrbg.fromSystem(), now - 3600, now + 86400);
        TestPki.Authority root = pki.root("tls4j CLI Test Root", pki.generate(TestPki.KeyKind.EC_P256));
        TestPki.Key k = pki.generate(TestPki.KeyKind.EC_P256);
        leaf = root.serverLeaf(k, "localhost", "127.0.0.1");
        ca = write("ca.pem", TestPki.chainPem(root.certificate()));
        chain = write("chain.pem", TestPki.chainPem(leaf));
        key = write("key.pem", k.privateKeyPem());
    }

    static File write(String name, String text) throws Exception {
        File f = new File(dir, name);
        Files.write(f.toPath(), text.getBytes(StandardCharsets.US_ASCII));
        return f;
    }

    /** A stream anyone may write to from any thread; read as text. */
    static final class Capture {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    record Run(int rc, String out, String err) {}

    static Run client(String stdin, String... args) {
        Capture out = new Capture();
        Capture err = new Capture();
        int rc = Main.run(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.ISO_8859_1)), out.stream, err.stream, args);
        return new Run(rc, out.text(), err.text());
    }

    static OpensslPeer opensslServer(String... extra) throws Exception {
        List<String> a = new java.util.ArrayList<>(List.of("s_server", "-accept", "127.0.0.1:0", "-naccept", "1", "-tls1_3",
                "-rev", "-cert", chain.getPath(), "-key", key.getPath()));
        a.addAll(List.of(extra));
        return new OpensslPeer(dir, a.toArray(new String[0]));
    }

    static int port(OpensslPeer s) throws Exception {
        Matcher m = s.await("ACCEPT 127\\.0\\.0\\.1:(\\d+)", 10);
        return Integer.parseInt(m.group(1));
    }

    @Test
    void clientShowsTheSessionAndPipesData() throws Exception {
        try (OpensslPeer s = opensslServer("-alpn", "http/1.1")) {
            Run r = client("hello tls4j\n", "client", "tls://127.0.0.1:" + port(s), "--cafile", ca.getPath(),
                    "--servername", "localhost", "--alpn", "h2,http/1.1", "--groups", "secp256r1");
            assertEquals(0, r.rc(), r.toString());
            assertTrue(r.out().contains("j4slt olleh"), "s_server -rev answers reversed: " + r);
            for (String want : List.of("version:          TLSv1.3", "cipher suite:     TLS_AES_128_GCM_SHA256",
                    "group:            secp256r1", "signature scheme: ecdsa_secp256r1_sha256", "ALPN:             http/1.1",
                    "0 s: CN=localhost", "i: CN=tls4j CLI Test Root", "sha256: " + ChainPrinter.fingerprint(leaf),
                    "validation:       OK")) {
                assertTrue(r.err().contains(want), want + " in\n" + r.err());
            }
            assertTrue(s.waitFor(10), "s_server ends after its one connection:\n" + s.output());
        }
    }

    @Test
    void insecureClientWarnsAndStillReportsTheValidation() throws Exception {
        try (OpensslPeer s = opensslServer()) {
            Run r = client("x\n", "client", "tls://127.0.0.1:" + port(s), "--servername", "localhost", "--insecure");
            assertEquals(0, r.rc(), r.toString());
            assertTrue(r.err().contains("WARNING: --insecure"), r.err());
            assertTrue(r.err().contains("validation:       FAILED and ignored (--insecure)"), r.err());
        }
    }

    @Test
    void failedHandshakeExitsOneWithTheAlert() throws Exception {
        try (OpensslPeer s = opensslServer("-ciphersuites", "TLS_AES_256_GCM_SHA384")) {
            Run r = client("", "client", "tls://127.0.0.1:" + port(s), "--cafile", ca.getPath(), "--servername",
                    "localhost", "--ciphers", "TLS_CHACHA20_POLY1305_SHA256");
            assertEquals(1, r.rc(), r.toString());
            assertTrue(r.err().contains("alert handshake_failure received from the peer"), r.err());
            s.await("no shared cipher", 10);
        }
    }

    @Test
    void failedValidationExitsOneWithTheAlertSent() throws Exception {
        try (OpensslPeer s = opensslServer()) {
            Run r = client("", "client", "tls://127.0.0.1:" + port(s), "--servername", "localhost"); // system anchors only
            assertEquals(1, r.rc(), r.toString());
            assertTrue(r.err().contains("alert unknown_ca sent to the peer"), r.err());
            s.await("alert unknown ca", 10);
        }
    }

    /** Starts {@code tls4j server} on a free port for {@code connections} connections. */
    static CompletableFuture<Integer> server(Capture err, int port, int connections, String... extra) throws Exception {
        List<String> a = new java.util.ArrayList<>(List.of("server", "--port", Integer.toString(port),
                "--max-connections", Integer.toString(connections), "--timeout", "15"));
        a.addAll(List.of(extra));
        CompletableFuture<Integer> rc = CompletableFuture.supplyAsync(
                () -> Main.run(new ByteArrayInputStream(new byte[0]), err.stream, err.stream, a.toArray(new String[0])));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!err.text().contains("listening on") && !rc.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(err.text().contains("listening on 127.0.0.1:" + port), err.text());
        return rc;
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void serverEchoesToOpensslClient() throws Exception {
        Capture err = new Capture();
        int port = freePort();
        CompletableFuture<Integer> rc = server(err, port, 1, "--cert", chain.getPath(), "--key", key.getPath(), "--alpn", "h2");
        try (OpensslPeer c = new OpensslPeer(dir, "s_client", "-connect", "127.0.0.1:" + port, "-CAfile", ca.getPath(),
                "-servername", "localhost", "-verify_hostname", "localhost", "-verify_return_error", "-alpn", "h2")) {
            c.await("Verify return code: 0 \\(ok\\)", 15);
            c.await("ALPN protocol: h2", 5);
            c.send("echo me\n");
            c.await("(?m)^echo me$", 10);
            c.closeStdin(); // s_client sends close_notify at the end of its input
            assertEquals(0, rc.get(30, TimeUnit.SECONDS));
        }
        String log = err.text();
        assertTrue(log.matches("(?s).*conn 1 from 127\\.0\\.0\\.1:\\d+: TLSv1\\.3 TLS_AES_128_GCM_SHA256 \\S+ ecdsa_secp256r1_sha256"
                + " alpn=h2 sni=localhost, 8 bytes in, 8 out, echoed, closed by the client.*"), log);
    }

    @Test
    void httpServerAnswersGetFromOpensslClient() throws Exception {
        Capture err = new Capture();
        int port = freePort();
        CompletableFuture<Integer> rc = server(err, port, 1, "--http"); // self-signed
        Matcher fp = java.util.regex.Pattern.compile("leaf   SHA-256 fingerprint ((?:[0-9A-F]{2}:){31}[0-9A-F]{2})").matcher(err.text());
        assertTrue(fp.find(), err.text());
        try (OpensslPeer c = new OpensslPeer(dir, "s_client", "-connect", "127.0.0.1:" + port, "-servername", "localhost",
                "-ign_eof")) {
            c.await("Verify return code", 15);
            c.send("GET /index.html HTTP/1.0\r\n\r\n");
            c.await("</html>", 10);
            String out = c.output();
            assertTrue(out.contains("HTTP/1.0 200 ok"), out);
            assertTrue(out.contains("GET /index.html HTTP/1.0"), out);
            // the certificate s_client received is the one whose fingerprint the server printed
            List<Certificate> got = Pem.certificates(out.substring(out.indexOf("-----BEGIN CERTIFICATE-----"),
                    out.indexOf("-----END CERTIFICATE-----") + 25));
            assertEquals(fp.group(1), ChainPrinter.fingerprint(got.get(0)));
            assertEquals(0, rc.get(30, TimeUnit.SECONDS));
        }
        assertTrue(err.text().contains("http 200 for GET /index.html HTTP/1.0"), err.text());
    }
}
