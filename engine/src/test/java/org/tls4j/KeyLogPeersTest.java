package org.tls4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tls4j.crypto.x509.Certificate;
import org.tls4j.crypto.x509.TestPki;
import org.tls4j.handshake.tls13.CertifiedKey;
import org.tls4j.testing.Peers;
import org.tls4j.testing.SeededRandomSource;

/**
 * The key log against real tools: a tls4j client's {@link KeyLogWriter} lines equal the lines {@code
 * openssl s_server -keylogfile} writes for the same connection, and tshark decrypts a loopback capture
 * of a tls4j connection with them (tshark from Debian; capturing on {@code lo} needs root).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class KeyLogPeersTest {
    static TestPki.Authority root;
    static CertifiedKey serverChain;

    @TempDir
    Path dir;

    @BeforeAll
    static void pki() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        TestPki pki = new TestPki(new SeededRandomSource(23), now - 3600, now + 86400);
        root = pki.root("tls4j key log root", TestCerts.key(TestPki.KeyKind.EC_P384));
        TestPki.Key k = TestCerts.key(TestPki.KeyKind.EC_P256);
        serverChain = new CertifiedKey(Arrays.asList(root.serverLeaf(k, "localhost"), root.certificate()), k);
    }

    /** openssl s_server -www writing its own key log to {@code keylog}. */
    private PythonPeers.Server opensslServer(Path keylog) throws Exception {
        File openssl = Peers.require("openssl", "openssl");
        Path cert = dir.resolve("server.pem");
        Path key = dir.resolve("server-key.pem");
        Files.write(cert, TestPki.chainPem(serverChain.chain().toArray(new Certificate[0])).getBytes(StandardCharsets.US_ASCII));
        Files.write(key, TestCerts.key(TestPki.KeyKind.EC_P256).privateKeyPem().getBytes(StandardCharsets.US_ASCII));
        int port = PythonPeers.freePort();
        return new PythonPeers.Server(List.of(openssl.getPath(), "s_server", "-tls1_3", "-www", "-quiet", "-accept",
                "127.0.0.1:" + port, "-cert", cert.toString(), "-key", key.toString(), "-keylogfile", keylog.toString()),
                dir, port, false);
    }

    /** GET {@code path} through a tls4j client that logs its secrets to {@code keylog}; returns the page. */
    private static String get(int port, Path keylog, String path) throws Exception {
        try (KeyLogWriter w = new KeyLogWriter(keylog.toString());
                TlsSocket c = TlsSocket.connect("127.0.0.1", port, TlsConfig.builder()
                        .trustAnchors(List.of(root.certificate())).serverName("localhost").listener(w).build(), 5000)) {
            c.setSoTimeout(20_000);
            c.getOutputStream().write(("GET " + path + " HTTP/1.0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new String(c.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    /** The key lines of a key log file (comments dropped), waiting up to 10 s for {@code n} of them. */
    private static TreeSet<String> lines(Path f, int n) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            TreeSet<String> s = Files.exists(f) ? Files.readAllLines(f).stream().filter(l -> !l.startsWith("#"))
                    .collect(Collectors.toCollection(TreeSet::new)) : new TreeSet<>();
            if (s.size() >= n || System.nanoTime() > deadline) {
                return s;
            }
            Thread.sleep(100);
        }
    }

    @Test
    void tls4jKeyLogEqualsOpensslKeyLog() throws Exception {
        Path ours = dir.resolve("tls4j.keys");
        Path theirs = dir.resolve("openssl.keys");
        try (PythonPeers.Server s = opensslServer(theirs)) {
            String page = get(s.port, ours, "/");
            assertTrue(page.startsWith("HTTP/1.0 200 ok"), page);
        }
        TreeSet<String> a = lines(ours, 5);
        TreeSet<String> b = lines(theirs, 5);
        assertEquals(5, a.size(), a.toString());
        assertEquals(b, a);
        assertEquals(new TreeSet<>(KeyLogTest.LABELS), a.stream().map(l -> l.split(" ")[0])
                .collect(Collectors.toCollection(TreeSet::new)));
        System.out.println("interop: tls4j client key log == openssl s_server -keylogfile (5 lines): ok");
    }

    @Test
    void tsharkDecryptsALoopbackCaptureWithTheKeyLog() throws Exception {
        File tshark = Peers.require("tshark", "tshark");
        // A loaded machine can make dumpcap miss the first or last packets of a capture (it reports
        // "Capturing on" slightly before its filter sees traffic). So a capture that holds no complete
        // connection is taken again, at most three times; a capture that is whole but cannot be
        // decrypted fails at once.
        StringBuilder attempts = new StringBuilder();
        for (int attempt = 1; attempt <= 3; attempt++) {
            Path keylog = dir.resolve("tls4j-" + attempt + ".keys");
            Path pcap = dir.resolve("capture-" + attempt + ".pcap");
            Path tsharkLog = dir.resolve("tshark-" + attempt + ".log");
            String marker = "/tls4j-keylog-" + Long.toHexString(System.nanoTime());
            try (PythonPeers.Server s = opensslServer(dir.resolve("unused-" + attempt + ".keys"))) {
                Process capture = new ProcessBuilder(tshark.getPath(), "-i", "lo", "-f", "tcp port " + s.port, "-w",
                        pcap.toString()).redirectErrorStream(true).redirectOutput(tsharkLog.toFile()).start();
                try {
                    waitForCapture(capture, tsharkLog);
                    Thread.sleep(1000); // let the capture filter settle before the connection starts
                    String page = get(s.port, keylog, marker);
                    assertTrue(page.startsWith("HTTP/1.0 200 ok"), page);
                    Thread.sleep(1500); // let dumpcap see the last packets
                } finally {
                    capture.destroy(); // SIGTERM: tshark finishes the file
                    assertTrue(capture.waitFor(20, TimeUnit.SECONDS), "tshark stopped");
                }
                String plain = decode(tshark, pcap, keylog, s.port, false);
                String decrypted = decode(tshark, pcap, keylog, s.port, true);
                assertFalse(plain.contains(marker), "without the key log the request is not readable: " + plain);
                if (decrypted.contains("GET\t" + marker)) {
                    System.out.println("interop: tshark decrypts a tls4j loopback capture with the KeyLogWriter file:"
                            + " ok (attempt " + attempt + ")");
                    return;
                }
                String handshakes = handshakeTypes(tshark, pcap, s.port);
                attempts.append("\nattempt ").append(attempt).append(": handshake messages seen: [")
                        .append(handshakes.trim()).append("], decrypted: [").append(decrypted.trim()).append("]");
                // Both hellos captured means the whole connection is there: a decryption failure is real.
                assertFalse(handshakes.contains("1") && handshakes.contains("2"),
                        "tshark saw the whole handshake but could not decrypt the request:" + attempts);
            }
        }
        throw new AssertionError("three captures were incomplete:" + attempts);
    }

    /** The TLS handshake message types (1 = ClientHello, 2 = ServerHello) tshark sees in the capture. */
    private static String handshakeTypes(File tshark, Path pcap, int port) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(tshark.getPath(), "-r", pcap.toString(), "-d", "tcp.port==" + port + ",tls",
                "-Y", "tls.handshake.type", "-T", "fields", "-e", "tls.handshake.type").redirectErrorStream(true)
                .start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "tshark -r finished");
        return new String(out, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void waitForCapture(Process p, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.readString(log).contains("Capturing on")) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroy();
                throw new AssertionError("tshark did not start capturing (capturing on lo needs root): "
                        + Files.readString(log));
            }
            Thread.sleep(100);
        }
    }

    /** The HTTP request fields tshark reads from the capture, with or without the key log. */
    private static String decode(File tshark, Path pcap, Path keylog, int port, boolean withKeys)
            throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of(tshark.getPath(), "-r", pcap.toString(), "-d",
                "tcp.port==" + port + ",tls", "-Y", "http.request", "-T", "fields", "-e", "http.request.method",
                "-e", "http.request.uri"));
        if (withKeys) {
            cmd.addAll(List.of("-o", "tls.keylog_file:" + keylog));
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
