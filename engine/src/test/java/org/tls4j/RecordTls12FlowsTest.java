package org.tls4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tls4j.testing.Peers;

/**
 * Re-records {@code src/test/resources/recorded12/*.flow}: runs each {@link Tls12Flow#SPECS} flow's tls4j
 * engine (seeded randomness, clock fixed at the recording's start) over TCP against a real
 * {@code openssl s_server} (tls4j client flows) or {@code openssl s_client} (tls4j server flows), and
 * writes every record each way plus the application data exchanged. Off by default (the committed flows
 * are the fixture; {@link ReplayTls12FlowsTest} needs no OpenSSL). To re-record, from the repository root:
 *
 * <pre>
 * mvn -B -q verify -pl engine -am -Dtest='RecordTls12Flows*' -Dsurefire.failIfNoSpecifiedTests=false -Dtls4j.rerecord12=true
 * </pre>
 *
 * <p>Re-recording changes OpenSSL's side (its randomness), hence every byte after the first flight; the
 * replay test then checks the new files. The certificates and keys in that directory are kept.
 */
@EnabledIfSystemProperty(named = "tls4j.rerecord12", matches = "true")
class RecordTls12FlowsTest {
    private static final Path DIR = Paths.get("src/test/resources/recorded12");
    static final String CLIENT_LINE = "GET / tls4j recorded TLS 1.2 client\n";
    static final String S_CLIENT_LINE = "hello from openssl s_client\n";
    static final String SERVER_REPLY = "tls4j recorded TLS 1.2 server says hello back\n";

    static List<String> names() {
        List<String> out = new ArrayList<>();
        for (Tls12Flow.Spec s : Tls12Flow.SPECS) {
            out.add(s.name());
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("names")
    void record(String name) throws Exception {
        File openssl = Peers.require("openssl", "openssl");
        Tls12Flow.Spec spec = Tls12Flow.spec(name);
        long clock = Instant.now().truncatedTo(ChronoUnit.SECONDS).toEpochMilli();
        TlsConfig config = Tls12Flow.config(spec, clock);
        List<Tls12Flow.Event> events = new ArrayList<>();
        List<String> command;
        String version = run(openssl.getPath(), "version");
        if (spec.tls4jIsClient()) {
            command = recordAgainstServer(openssl, spec, config, events);
        } else {
            command = recordAgainstClient(openssl, spec, config, events);
        }
        Map<String, String> header = new LinkedHashMap<>();
        header.put("name", spec.name());
        header.put("tls4j_is_client", Boolean.toString(spec.tls4jIsClient()));
        header.put("suite", spec.suite().name());
        header.put("seed", Long.toString(spec.seed()));
        header.put("clock", Long.toString(clock));
        List<String> comments = List.of(
                "Recorded " + Instant.ofEpochMilli(clock) + " by org.tls4j.RecordTls12FlowsTest (format: README.md here).",
                "Peer: " + version.trim(),
                "Peer command (run in src/test/resources/recorded12): " + String.join(" ", command),
                "tls4j side: " + (spec.tls4jIsClient() ? "client" : "server") + ", TLS 1.2 only, " + spec.suite().name()
                        + ", SeededRandomSource(seed), clock fixed at clock (epoch ms)");
        Files.writeString(DIR.resolve(name + ".flow"), Tls12Flow.format(comments, header, events));
    }

    /** tls4j client against {@code openssl s_server -rev} (which answers each line reversed). */
    private static List<String> recordAgainstServer(File openssl, Tls12Flow.Spec spec, TlsConfig config,
            List<Tls12Flow.Event> events) throws Exception {
        int port = freePort();
        List<String> cmd = List.of("openssl", "s_server", "-accept", "127.0.0.1:" + port, "-naccept", "1", "-tls1_2",
                "-cert", spec.certificate() + "-cert.pem", "-key", spec.certificate() + "-key.pem",
                "-cert_chain", "ca-cert.pem", "-cipher", spec.opensslCipher(), "-rev");
        List<String> argv = new ArrayList<>(cmd);
        argv.set(0, openssl.getPath());
        Process p = new ProcessBuilder(argv).directory(DIR.toFile()).redirectErrorStream(true).start();
        StringBuffer log = drain(p.getInputStream());
        try {
            waitFor(log, "ACCEPT", p);
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                s.setSoTimeout(10000);
                TlsEngine e = TlsEngine.client(config);
                DataInputStream in = new DataInputStream(s.getInputStream());
                OutputStream out = s.getOutputStream();
                ByteArrayOutputStream app = new ByteArrayOutputStream();
                handshake(e, in, out, events, app);
                byte[] line = CLIENT_LINE.getBytes(StandardCharsets.US_ASCII);
                events.add(new Tls12Flow.Event("write", line));
                send(Tls12Flow.wrap(e, ByteBuffer.wrap(line)), out, events);
                // s_server -rev answers the line reversed, newline last.
                while (app.size() < line.length) {
                    receive(e, in, events, app);
                }
                events.add(new Tls12Flow.Event("read", app.toByteArray()));
                app.reset();
                e.closeOutbound();
                events.add(new Tls12Flow.Event("close", new byte[0]));
                send(Tls12Flow.wrap(e, ByteBuffer.allocate(0)), out, events);
                while (!e.isInboundDone() && receive(e, in, events, app) != null) {
                    // the server's close_notify, if it sends one before closing
                }
                assertEquals(0, app.size());
            }
            assertTrue(p.waitFor(10, TimeUnit.SECONDS), log::toString);
        } finally {
            p.destroy();
        }
        return cmd;
    }

    /** tls4j server against {@code openssl s_client}: one line each way, then s_client's stdin closes. */
    private static List<String> recordAgainstClient(File openssl, Tls12Flow.Spec spec, TlsConfig config,
            List<Tls12Flow.Event> events) throws Exception {
        try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ss.setSoTimeout(10000);
            List<String> cmd = List.of("openssl", "s_client", "-connect", "127.0.0.1:" + ss.getLocalPort(), "-tls1_2",
                    "-cipher", spec.opensslCipher(), "-CAfile", "ca-cert.pem", "-servername", "localhost");
            List<String> argv = new ArrayList<>(cmd);
            argv.set(0, openssl.getPath());
            Process p = new ProcessBuilder(argv).directory(DIR.toFile()).redirectErrorStream(true).start();
            StringBuffer log = drain(p.getInputStream());
            OutputStream stdin = p.getOutputStream();
            try (Socket s = ss.accept()) {
                s.setSoTimeout(10000);
                TlsEngine e = TlsEngine.server(config);
                DataInputStream in = new DataInputStream(s.getInputStream());
                OutputStream out = s.getOutputStream();
                ByteArrayOutputStream app = new ByteArrayOutputStream();
                handshake(e, in, out, events, app);
                waitFor(log, "Verify return code", p);
                stdin.write(S_CLIENT_LINE.getBytes(StandardCharsets.US_ASCII));
                stdin.flush();
                while (app.size() < S_CLIENT_LINE.length()) {
                    receive(e, in, events, app);
                }
                events.add(new Tls12Flow.Event("read", app.toByteArray()));
                app.reset();
                byte[] reply = SERVER_REPLY.getBytes(StandardCharsets.US_ASCII);
                events.add(new Tls12Flow.Event("write", reply));
                send(Tls12Flow.wrap(e, ByteBuffer.wrap(reply)), out, events);
                waitFor(log, SERVER_REPLY.trim(), p);
                stdin.close(); // s_client: end of input sends close_notify and exits
                while (!e.isInboundDone() && receive(e, in, events, app) != null) {
                    // until s_client's close_notify
                }
                assertEquals(0, app.size());
                e.closeOutbound();
                events.add(new Tls12Flow.Event("close", new byte[0]));
                byte[] close = Tls12Flow.wrap(e, ByteBuffer.allocate(0));
                events.add(new Tls12Flow.Event("out", close));
                try {
                    out.write(close);
                } catch (IOException gone) {
                    // s_client may already have closed the connection; the record is still what tls4j wrote
                }
                assertTrue(p.waitFor(10, TimeUnit.SECONDS), log::toString);
            } finally {
                p.destroy();
            }
            return cmd;
        }
    }

    /** Wrap whenever there is something to send, otherwise read one record, until the handshake is done. */
    static void handshake(TlsEngine e, DataInputStream in, OutputStream out, List<Tls12Flow.Event> events,
            ByteArrayOutputStream app) throws IOException {
        while (e.handshakeStatus() != TlsResult.HandshakeStatus.NOT_HANDSHAKING) {
            byte[] flight = Tls12Flow.wrap(e, ByteBuffer.allocate(0));
            if (flight.length > 0) {
                send(flight, out, events);
                continue;
            }
            if (receive(e, in, events, app) == null) {
                throw new EOFException("the peer closed during the handshake");
            }
        }
        assertEquals(0, app.size(), "no application data during the handshake");
        assertEquals(null, e.failure());
    }

    private static void send(byte[] bytes, OutputStream out, List<Tls12Flow.Event> events) throws IOException {
        events.add(new Tls12Flow.Event("out", bytes));
        out.write(bytes);
        out.flush();
    }

    /** Reads one record (null at a clean end of stream), records it and unwraps it. */
    private static byte[] receive(TlsEngine e, DataInputStream in, List<Tls12Flow.Event> events,
            ByteArrayOutputStream app) throws IOException {
        int first = in.read();
        if (first < 0) {
            return null;
        }
        byte[] header = new byte[5];
        header[0] = (byte) first;
        in.readFully(header, 1, 4);
        byte[] record = new byte[5 + ((header[3] & 0xff) << 8 | (header[4] & 0xff))];
        System.arraycopy(header, 0, record, 0, 5);
        in.readFully(record, 5, record.length - 5);
        events.add(new Tls12Flow.Event("in", record));
        Tls12Flow.unwrapRecord(e, record, app);
        return record;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static StringBuffer drain(InputStream in) {
        StringBuffer sb = new StringBuffer();
        Thread t = new Thread(() -> {
            byte[] buf = new byte[4096];
            try {
                for (int n; (n = in.read(buf)) > 0;) {
                    sb.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
        t.setDaemon(true);
        t.start();
        return sb;
    }

    private static void waitFor(StringBuffer log, String text, Process p) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (log.indexOf(text) < 0) {
            if (System.nanoTime() > end) {
                throw new AssertionError("openssl did not print \"" + text + "\": " + log + (p.isAlive() ? "" : " (exited)"));
            }
            Thread.sleep(20);
        }
    }

    private static String run(String... argv) throws Exception {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
