package org.tls4j.conformance.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tls4j.cli.Main;
import org.tls4j.crypto.rand.HmacDrbg;
import org.tls4j.crypto.x509.TestPki;
import org.tls4j.testing.Peers;

/**
 * The {@code tls4j} command against real peers, in process ({@link Main#run}): {@code tls4j client
 * --starttls smtp} against aiosmtpd (Debian python3-aiosmtpd) with STARTTLS, sending a message after the
 * upgrade; and the key log {@code tls4j client --keylog} writes decrypts a loopback capture in tshark
 * (the capture approach of the engine's KeyLogPeersTest: retake an incomplete capture at most three
 * times; a whole capture that does not decrypt fails at once).
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class CliPeersTest {
    static final String SMTP_HOSTNAME = "mail.cli.tls4j.test";

    @TempDir
    Path dir;

    record Run(int rc, String out, String err) {}

    static Run tls4j(String stdin, String... args) {
        return tls4jUntil(stdin, null, args);
    }

    /**
     * Runs the command in process. With {@code endAfter}, stdin ends (close_notify) only once stdout shows
     * that text (at most 20 s), as a person would press Ctrl-D after the server's last answer: an SMTP
     * server that sees the end of input closes without answering what is still queued.
     */
    static Run tls4jUntil(String stdin, String endAfter, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        java.io.InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.ISO_8859_1)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                int n = super.read(b, off, len);
                if (n < 0 && endAfter != null) {
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                    while (!out.toString(StandardCharsets.UTF_8).contains(endAfter) && System.nanoTime() < deadline) {
                        try {
                            Thread.sleep(20);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            break;
                        }
                    }
                }
                return n;
            }
        };
        int rc = Main.run(in, outStream, new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), args);
        return new Run(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** A peer process with its output in a file; close() stops it. */
    static final class PeerProcess implements AutoCloseable {
        final Process process;
        final Path log;

        PeerProcess(List<String> cmd, Path dir, int port) throws Exception {
            log = dir.resolve("peer-" + port + ".log");
            process = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (true) {
                if (!process.isAlive()) {
                    throw new AssertionError("peer exited early: " + Files.readString(log));
                }
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                    return;
                } catch (IOException notYet) {
                    if (System.nanoTime() > deadline) {
                        close();
                        throw new AssertionError("peer did not listen on " + port + ": " + Files.readString(log));
                    }
                    Thread.sleep(100);
                }
            }
        }

        @Override
        public void close() throws Exception {
            try (OutputStream in = process.getOutputStream()) {
                in.flush();
            } catch (IOException ignored) {
                // gone
            }
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
        }
    }

    /** /usr/bin/python3 (Debian's, where python3-aiosmtpd lives) or the PATH's, whichever imports aiosmtpd. */
    static String pythonWithAiosmtpd() throws Exception {
        File onPath = Peers.require("python3", "python3-aiosmtpd");
        for (String c : List.of("/usr/bin/python3", onPath.getPath())) {
            if (!new File(c).canExecute()) {
                continue;
            }
            Process p = new ProcessBuilder(c, "-c", "import aiosmtpd").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
                return c;
            }
            p.destroyForcibly();
        }
        String why = "no python3 here can 'import aiosmtpd' (Debian package python3-aiosmtpd)";
        if (Peers.required()) {
            throw new AssertionError(why + " and -Dtls4j.requirePeers=true");
        }
        System.out.println("SKIPPED: " + why);
        Assumptions.abort(why);
        throw new AssertionError("unreachable");
    }

    /** tls4j client --starttls smtp: preamble, TLS 1.3 with the server's certificate checked, a message sent. */
    @Test
    void starttlsSmtpAgainstAiosmtpd() throws Exception {
        String python = pythonWithAiosmtpd();
        File openssl = Peers.require("openssl", "openssl");
        Path cert = dir.resolve("smtp-cert.pem");
        Path key = dir.resolve("smtp-key.pem");
        Process req = new ProcessBuilder(openssl.getPath(), "req", "-x509", "-newkey", "ec", "-pkeyopt",
                "ec_paramgen_curve:P-256", "-nodes", "-keyout", key.toString(), "-out", cert.toString(), "-days", "2",
                "-subj", "/CN=" + SMTP_HOSTNAME, "-addext", "subjectAltName=DNS:" + SMTP_HOSTNAME)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(req.waitFor(60, TimeUnit.SECONDS) && req.exitValue() == 0, "openssl req");
        Path script = dir.resolve("smtpd.py");
        Files.writeString(script, String.join("\n",
                "import ssl, sys",
                "from aiosmtpd.controller import Controller",
                "from aiosmtpd.handlers import Sink",
                "ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)",
                "ctx.load_cert_chain(sys.argv[2], sys.argv[3])",
                "c = Controller(Sink(), hostname='127.0.0.1', port=int(sys.argv[1]), server_hostname='" + SMTP_HOSTNAME
                        + "', tls_context=ctx, require_starttls=True)",
                "c.start()",
                "sys.stdin.read()",
                "c.stop()", ""));
        int port = freePort();
        try (PeerProcess smtp = new PeerProcess(List.of(python, script.toString(), String.valueOf(port), cert.toString(),
                key.toString()), dir, port)) {
            String session = "EHLO client.tls4j.test\r\nMAIL FROM:<student@tls4j.test>\r\nRCPT TO:<teacher@tls4j.test>\r\n"
                    + "DATA\r\nSubject: hello\r\n\r\nsent by tls4j client --starttls smtp\r\n.\r\nQUIT\r\n";
            Run r = tls4jUntil(session, "221 ", "client", "tcp://127.0.0.1:" + port, "--starttls", "smtp", "--servername",
                    SMTP_HOSTNAME, "--cafile", cert.toString());
            String err = r.err();
            assertTrue(err.contains("STARTTLS preamble (smtp), then TLS on the same connection:"), err);
            assertTrue(err.contains("  C: STARTTLS"), err);
            assertTrue(err.contains("-> sent ClientHello"), err);
            assertTrue(err.contains("server_name_list: host_name (0) \"" + SMTP_HOSTNAME + "\""), err);
            assertTrue(err.contains("validation:       OK (chain to one of 1 trust anchors, name " + SMTP_HOSTNAME
                    + " matches)"), err);
            // after the upgrade, over TLS: EHLO again (without STARTTLS now), the message, QUIT
            String out = r.out();
            assertTrue(out.contains("250-" + SMTP_HOSTNAME) || out.contains("250 " + SMTP_HOSTNAME), r.toString());
            assertFalse(out.contains("STARTTLS"), "no STARTTLS offered over TLS: " + out);
            assertTrue(out.contains("354 "), out);
            assertTrue(out.contains("250 OK"), out);
            assertTrue(out.contains("221 "), out);
            assertEquals(0, r.rc(), r.toString());
            System.out.println("interop: tls4j client --starttls smtp against aiosmtpd, message sent: ok");
        }
    }

    /** tls:// to a plain SMTP port: exit 1, the server's greeting quoted and explained in plain words. */
    @Test
    void plainSmtpPortIsExplained() throws Exception {
        String python = pythonWithAiosmtpd();
        Path script = dir.resolve("plain-smtpd.py");
        Files.writeString(script, String.join("\n",
                "import sys",
                "from aiosmtpd.controller import Controller",
                "from aiosmtpd.handlers import Sink",
                "c = Controller(Sink(), hostname='127.0.0.1', port=int(sys.argv[1]), server_hostname='" + SMTP_HOSTNAME
                        + "')",
                "c.start()",
                "sys.stdin.read()",
                "c.stop()", ""));
        int port = freePort();
        try (PeerProcess smtp = new PeerProcess(List.of(python, script.toString(), String.valueOf(port)), dir, port)) {
            Run r = tls4j("", "client", "tls://127.0.0.1:" + port, "--timeout", "10");
            assertEquals(1, r.rc(), r.toString());
            assertTrue(r.err().contains("the server sent an SMTP greeting (\"220 " + SMTP_HOSTNAME), r.err());
            assertTrue(r.err().contains("this port speaks plain SMTP; connect with tcp:// and upgrade with STARTTLS"),
                    r.err());
            assertTrue(r.err().contains("with this command: tls4j client tcp://127.0.0.1:" + port + " --starttls PROTOCOL"),
                    r.err());
        }
    }

    /** The key log the CLI writes lets tshark decrypt a loopback capture of the CLI's connection. */
    @Test
    void tsharkDecryptsTheCliKeyLog() throws Exception {
        File tshark = Peers.require("tshark", "tshark");
        File openssl = Peers.require("openssl", "openssl");
        long now = System.currentTimeMillis() / 1000;
        TestPki pki = new TestPki(HmacDrbg.fromSystem(), now - 3600, now + 86400);
        TestPki.Authority root = pki.root("tls4j CLI key log root", pki.generate(TestPki.KeyKind.EC_P256));
        TestPki.Key k = pki.generate(TestPki.KeyKind.EC_P256);
        Path chain = dir.resolve("chain.pem");
        Path key = dir.resolve("key.pem");
        Path ca = dir.resolve("ca.pem");
        Files.writeString(chain, TestPki.chainPem(root.serverLeaf(k, "localhost")));
        Files.writeString(key, k.privateKeyPem());
        Files.writeString(ca, TestPki.chainPem(root.certificate()));
        StringBuilder attempts = new StringBuilder();
        for (int attempt = 1; attempt <= 3; attempt++) {
            Path keylog = dir.resolve("cli-" + attempt + ".keys");
            Path pcap = dir.resolve("cli-" + attempt + ".pcap");
            Path tsharkLog = dir.resolve("tshark-" + attempt + ".log");
            String marker = "/tls4j-cli-keylog-" + Long.toHexString(System.nanoTime());
            int port = freePort();
            try (PeerProcess s = new PeerProcess(List.of(openssl.getPath(), "s_server", "-tls1_3", "-www", "-quiet",
                    "-accept", "127.0.0.1:" + port, "-cert", chain.toString(), "-key", key.toString()), dir, port)) {
                Process capture = new ProcessBuilder(tshark.getPath(), "-i", "lo", "-f", "tcp port " + port, "-w",
                        pcap.toString()).redirectErrorStream(true).redirectOutput(tsharkLog.toFile()).start();
                try {
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                    while (!Files.readString(tsharkLog).contains("Capturing on")) {
                        if (!capture.isAlive() || System.nanoTime() > deadline) {
                            throw new AssertionError("tshark did not start capturing (capturing on lo needs root): "
                                    + Files.readString(tsharkLog));
                        }
                        Thread.sleep(100);
                    }
                    Thread.sleep(1000);
                    Run r = tls4j("GET " + marker + " HTTP/1.0\r\n\r\n", "client", "tls://127.0.0.1:" + port, "--cafile",
                            ca.toString(), "--servername", "localhost", "--keylog", keylog.toString(), "--quiet");
                    assertTrue(r.out().startsWith("HTTP/1.0 200 ok"), r.toString());
                    Thread.sleep(1500);
                } finally {
                    capture.destroy();
                    assertTrue(capture.waitFor(20, TimeUnit.SECONDS), "tshark stopped");
                }
                String plain = tsharkFields(tshark, pcap, port, null, "http.request", "http.request.uri");
                String decrypted = tsharkFields(tshark, pcap, port, keylog, "http.request", "http.request.uri");
                assertFalse(plain.contains(marker), "without the key log nothing is readable: " + plain);
                if (decrypted.contains(marker)) {
                    System.out.println("interop: tshark decrypts a loopback capture with the key log of tls4j client"
                            + " --keylog: ok (attempt " + attempt + ")");
                    return;
                }
                String hs = tsharkFields(tshark, pcap, port, null, "tls.handshake.type", "tls.handshake.type");
                attempts.append("\nattempt ").append(attempt).append(": handshake types [").append(hs.trim())
                        .append("], decrypted [").append(decrypted.trim()).append("]");
                assertFalse(hs.contains("1") && hs.contains("2"),
                        "tshark saw the whole handshake but could not decrypt the request:" + attempts);
            }
        }
        throw new AssertionError("three captures were incomplete:" + attempts);
    }

    private static String tsharkFields(File tshark, Path pcap, int port, Path keylog, String filter, String field)
            throws Exception {
        List<String> cmd = new ArrayList<>(List.of(tshark.getPath(), "-r", pcap.toString(), "-d", "tcp.port==" + port + ",tls",
                "-Y", filter, "-T", "fields", "-e", field));
        if (keylog != null) {
            cmd.addAll(List.of("-o", "tls.keylog_file:" + keylog));
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
