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
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Map;
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
    static File clientChain;
    static File clientKey;

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
        TestPki.Key ck = pki.generate(TestPki.KeyKind.EC_P256);
        clientChain = write("client.pem", TestPki.chainPem(root.clientLeaf(ck, "tls4j CLI client")));
        clientKey = write("client-key.pem", ck.privateKeyPem());
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
        return client(Map.of(), stdin, args);
    }

    static Run client(Map<String, String> env, String stdin, String... args) {
        Capture out = new Capture();
        Capture err = new Capture();
        int rc = Main.run(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.ISO_8859_1)), out.stream, err.stream,
                env, args);
        return new Run(rc, out.text(), err.text());
    }

    /** Asserts that {@code want} occur in {@code text} in this order. */
    static void inOrder(String text, String... want) {
        int at = 0;
        for (String w : want) {
            int i = text.indexOf(w, at);
            assertTrue(i >= 0, "'" + w + "' after position " + at + " in\n" + text);
            at = i + w.length();
        }
    }

    /**
     * One openssl s_server, three tls4j clients: the readable trace (every TLS 1.3 message with fields and
     * section, key-schedule steps, parameters, chain, validation line; key log to --keylog), then --json
     * (every line parses with gson; the expected events; SSLKEYLOGFILE from the environment honoured),
     * then --quiet (only the server's data).
     */
    @Test
    void clientTracesTheHandshakeAsTextAndJson() throws Exception {
        File keys = new File(dir, "client-trace.keys");
        File envKeys = new File(dir, "client-env.keys");
        try (OpensslPeer s = opensslServer("-naccept", "3")) {
            int port = port(s);
            Run r = client("ping\n", "client", "tls://127.0.0.1:" + port, "--cafile", ca.getPath(), "--servername",
                    "localhost", "--keylog", keys.getPath());
            assertEquals(0, r.rc(), r.toString());
            assertEquals("gnip\n", r.out(), "s_server -rev answers each line reversed");
            String t = r.err();
            inOrder(t, "WARNING: writing session secrets to the key log " + keys.getPath(),
                    "connecting to tls://127.0.0.1:" + port,
                    "-> sent ClientHello  [RFC 8446, Section 4.1.2; RFC 5246, Section 7.4.1.2]",
                    "     cipher_suites: TLS_AES_128_GCM_SHA256 (0x1301), ",
                    "         server_name_list: host_name (0) \"localhost\"",
                    "<- received ServerHello  [RFC 8446, Section 4.1.3",
                    "         selected_version: TLSv1.3 (0x0304)",
                    "Derive-Secret(Handshake Secret, \"c hs traffic\") = client_handshake_traffic_secret (32 bytes)  [RFC 8446, Section 7.1]",
                    "<- received EncryptedExtensions  [RFC 8446, Section 4.3.1]",
                    "<- received Certificate  [RFC 8446, Section 4.4.2]",
                    "           subject: CN=localhost",
                    "<- received CertificateVerify  [RFC 8446, Section 4.4.3]",
                    "     algorithm: ecdsa_secp256r1_sha256 (0x0403)",
                    "<- received Finished  [RFC 8446, Section 4.4.4",
                    "Derive-Secret(Master Secret, \"s ap traffic\") = server_application_traffic_secret_0",
                    "Derive-Secret(Master Secret, \"exp master\") = exporter_master_secret",
                    "-> sent Finished  [RFC 8446, Section 4.4.4",
                    "negotiated:", "  version:          TLSv1.3", "server certificate chain:", "0 s: CN=localhost",
                    "validation:       OK (chain to one of 1 trust anchors, name localhost matches)",
                    "--- the server closed the connection (5 bytes sent, 5 received)");
            assertTrue(!t.contains("SECRET "), "no secret values without --trace-secrets");
            List<String> labels = Files.readAllLines(keys.toPath()).stream().map(l -> l.split(" ")[0]).sorted().toList();
            assertEquals(List.of("CLIENT_HANDSHAKE_TRAFFIC_SECRET", "CLIENT_TRAFFIC_SECRET_0", "EXPORTER_SECRET",
                    "SERVER_HANDSHAKE_TRAFFIC_SECRET", "SERVER_TRAFFIC_SECRET_0"), labels);

            Run j = client(Map.of("SSLKEYLOGFILE", envKeys.getPath()), "pong\n", "client", "tls://127.0.0.1:" + port,
                    "--cafile", ca.getPath(), "--servername", "localhost", "--json");
            assertEquals(0, j.rc(), j.toString());
            List<String> events = new java.util.ArrayList<>();
            List<String> messages = new java.util.ArrayList<>();
            List<String> keyLabels = new java.util.ArrayList<>();
            for (String line : j.err().split("\n")) {
                JsonObject o = JsonParser.parseString(line).getAsJsonObject(); // every line is one JSON object
                String e = o.get("event").getAsString();
                events.add(e);
                if (e.equals("handshake_message")) {
                    messages.add(o.get("direction").getAsString() + " " + o.get("message").getAsString());
                    assertTrue(o.get("section").getAsString().startsWith("RFC "), line);
                    assertEquals("msg_type", o.getAsJsonArray("fields").get(0).getAsJsonObject().get("name").getAsString());
                } else if (e.equals("key_schedule")) {
                    assertTrue(!o.has("value"), "no secret values without --trace-secrets: " + line);
                    if (!o.get("label").isJsonNull()) {
                        keyLabels.add(o.get("label").getAsString());
                    }
                } else if (e.equals("negotiated")) {
                    assertEquals("TLSv1.3", o.get("version").getAsString());
                    assertEquals("TLS_AES_128_GCM_SHA256", o.get("cipher_suite").getAsString());
                } else if (e.equals("validation")) {
                    assertEquals("ok", o.get("result").getAsString());
                } else if (e.equals("connecting")) {
                    assertEquals(port, o.get("port").getAsInt());
                    assertTrue(o.get("starttls").isJsonNull(), line);
                } else if (e.equals("closed")) {
                    assertEquals(5, o.get("bytes_sent").getAsLong());
                    assertEquals(5, o.get("bytes_received").getAsLong());
                } else if (e.equals("certificate") && o.get("index").getAsInt() == 0) {
                    assertEquals(ChainPrinter.fingerprint(leaf), o.get("sha256").getAsString());
                }
            }
            assertEquals(List.of("sent ClientHello", "received ServerHello", "received EncryptedExtensions",
                    "received Certificate", "received CertificateVerify", "received Finished", "sent Finished"),
                    messages.subList(0, 7));
            assertTrue(keyLabels.containsAll(List.of("derived", "c hs traffic", "s hs traffic", "c ap traffic",
                    "s ap traffic", "exp master", "finished", "key", "iv")), keyLabels.toString());
            for (String e : List.of("warning", "connecting", "state", "negotiated", "certificate", "validation", "closed")) {
                assertTrue(events.contains(e), e + " in " + events);
            }
            assertEquals(5, Files.readAllLines(envKeys.toPath()).size(), "SSLKEYLOGFILE honoured");

            Run q = client("quiet\n", "client", "tls://127.0.0.1:" + port, "--cafile", ca.getPath(), "--servername",
                    "localhost", "--quiet");
            assertEquals(0, q.rc(), q.toString());
            assertEquals("teiuq\n", q.out());
            assertEquals("", q.err(), "--quiet: nothing but errors");
            assertTrue(s.waitFor(10), s.output());
        }
    }

    /** --cert/--key: client authentication against openssl s_server -Verify 1, which checks the chain. */
    @Test
    void clientCertificateForOpensslServerVerify() throws Exception {
        try (OpensslPeer s = opensslServer("-Verify", "1", "-CAfile", ca.getPath())) {
            Run r = client("hi\n", "client", "tls://127.0.0.1:" + port(s), "--cafile", ca.getPath(), "--servername",
                    "localhost", "--cert", clientChain.getPath(), "--key", clientKey.getPath());
            assertEquals(0, r.rc(), r.toString());
            assertEquals("ih\n", r.out());
            inOrder(r.err(), "<- received CertificateRequest  [RFC 8446, Section 4.3.2]",
                    "         supported_signature_algorithms: ", "-> sent Certificate  [RFC 8446, Section 4.4.2]",
                    "           subject: CN=tls4j CLI client", "-> sent CertificateVerify  [RFC 8446, Section 4.4.3]",
                    "-> sent Finished");
            s.await("depth=0 CN = tls4j CLI client", 10);
            s.await("verify return:1", 10);
        }
    }

    /** tls4j server --http --json answers curl --tlsv1.3 (curl is in CI); the connection line parses as JSON. */
    @Test
    void httpServerAnswersCurl() throws Exception {
        File curl = org.tls4j.testing.Peers.require("curl", "curl");
        Capture err = new Capture();
        int port = freePort();
        CompletableFuture<Integer> rc = server(err, port, 1, "--http", "--json", "--trace", "--cert", chain.getPath(),
                "--key", key.getPath());
        Process p = new ProcessBuilder(curl.getPath(), "-sS", "-k", "--tlsv1.3", "--max-time", "20",
                "https://127.0.0.1:" + port + "/").redirectErrorStream(true).start();
        String page = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), page);
        assertTrue(page.contains("<h1>tls4j</h1>"), page);
        assertTrue(page.contains("GET / HTTP/1.1"), page);
        assertEquals(0, rc.get(30, TimeUnit.SECONDS));
        JsonObject conn = null;
        List<String> messages = new java.util.ArrayList<>();
        for (String line : err.text().split("\n")) {
            JsonObject o = JsonParser.parseString(line).getAsJsonObject();
            if (o.get("event").getAsString().equals("connection")) {
                conn = o;
            } else if (o.get("event").getAsString().equals("handshake_message")) {
                assertEquals(1, o.get("conn").getAsInt(), line);
                messages.add(o.get("direction").getAsString() + " " + o.get("message").getAsString());
            }
        }
        assertTrue(conn != null, err.text());
        assertEquals("TLSv1.3", conn.get("version").getAsString());
        assertEquals("http 200 for GET / HTTP/1.1", conn.get("result").getAsString());
        assertTrue(conn.get("bytes_out").getAsLong() > 0, conn.toString());
        assertEquals(List.of("received ClientHello", "sent ServerHello", "sent EncryptedExtensions", "sent Certificate",
                "sent CertificateVerify", "sent Finished", "received Finished"), messages.subList(0, 7));
    }

    /** --verify-client required: an openssl s_client without a certificate is refused, one with is served. */
    @Test
    void serverRequiresAClientCertificate() throws Exception {
        Capture err = new Capture();
        int port = freePort();
        CompletableFuture<Integer> rc = server(err, port, 2, "--cert", chain.getPath(), "--key", key.getPath(),
                "--verify-client", "required", "--client-cafile", ca.getPath());
        try (OpensslPeer c = new OpensslPeer(dir, "s_client", "-connect", "127.0.0.1:" + port, "-CAfile", ca.getPath(),
                "-servername", "localhost", "-cert", clientChain.getPath(), "-key", clientKey.getPath())) {
            c.await("Verify return code: 0 \\(ok\\)", 15);
            c.send("with cert\n");
            // not anchored at the line start: s_client prints the server's session tickets as they arrive, and
            // its dump of the second ticket can share a line with the echoed data
            c.await("(?m)with cert$", 10);
            c.closeStdin(); // close_notify at the end of s_client's input
            assertTrue(c.waitFor(10), c.output());
        }
        try (OpensslPeer c = new OpensslPeer(dir, "s_client", "-connect", "127.0.0.1:" + port, "-CAfile", ca.getPath(),
                "-servername", "localhost")) {
            c.send("no cert\n");
            c.await("certificate required", 15);
        }
        assertEquals(0, rc.get(30, TimeUnit.SECONDS));
        String log = err.text();
        assertTrue(log.contains("client=CN=tls4j CLI client"), log);
        assertTrue(log.contains("failed: alert certificate_required sent to the peer"), log);
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
        while (!err.text().contains("listening on") && !err.text().contains("{\"event\":\"listening\"") && !rc.isDone()
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(err.text().contains("listening on 127.0.0.1:" + port)
                || err.text().contains("\"event\":\"listening\",\"address\":\"127.0.0.1\",\"port\":" + port), err.text());
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
        CompletableFuture<Integer> rc = server(err, port, 1, "--cert", chain.getPath(), "--key", key.getPath(), "--alpn", "h2",
                "--trace");
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
        inOrder(log, "conn 1: <- received ClientHello  [RFC 8446, Section 4.1.2", "conn 1: -> sent ServerHello",
                "conn 1:    key schedule: Derive-Secret(Handshake Secret, \"s hs traffic\")",
                "conn 1: -> sent EncryptedExtensions", "conn 1:          protocol_name_list: \"h2\"",
                "conn 1: -> sent Certificate", "conn 1: -> sent CertificateVerify", "conn 1: -> sent Finished",
                "conn 1:    state: ", "conn 1: <- received Finished", "conn 1 from 127.0.0.1:");
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
