package org.tls4j;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.tls4j.testing.Peers;

/**
 * Real servers for tests, run by Python on loopback: aiosmtpd (Debian python3-aiosmtpd), with or without
 * STARTTLS, and {@code python3 -m http.server}. A missing peer fails in CI and skips elsewhere, like
 * {@link Peers#require}.
 */
public final class PythonPeers {
    /** The banner host name and ident of our aiosmtpd, so greetings are the same on every machine. */
    public static final String SMTP_HOSTNAME = "mail.tls4j.test";
    public static final String SMTP_IDENT = "ESMTP tls4j-test";

    private static final String SMTPD_SCRIPT = String.join("\n",
            "import ssl, sys",
            "from aiosmtpd.controller import Controller",
            "from aiosmtpd.handlers import Sink",
            "port = int(sys.argv[1])",
            "kw = dict(hostname='127.0.0.1', port=port, server_hostname='" + SMTP_HOSTNAME + "', ident='" + SMTP_IDENT + "')",
            "if len(sys.argv) > 3:",
            "    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)",
            "    ctx.load_cert_chain(sys.argv[2], sys.argv[3])",
            "    kw.update(tls_context=ctx, require_starttls=True)",
            "c = Controller(Sink(), **kw)",
            "c.start()",
            "print('READY', flush=True)",
            "sys.stdin.read()",
            "c.stop()",
            "");

    private PythonPeers() {}

    private static void missing(String why) {
        if (Peers.required()) {
            throw new AssertionError(why + " and -Dtls4j.requirePeers=true: failing instead of skipping");
        }
        System.out.println("SKIPPED: " + why);
        Assumptions.abort(why);
    }

    /** A python3 that can import aiosmtpd: Debian's /usr/bin/python3 first, then the PATH's. */
    public static String pythonWithAiosmtpd() throws Exception {
        File onPath = Peers.require("python3", "python3-aiosmtpd");
        List<String> candidates = new ArrayList<>();
        candidates.add("/usr/bin/python3");
        candidates.add(onPath.getPath());
        for (String c : candidates) {
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
        missing("no python3 on this machine can 'import aiosmtpd' (Debian package python3-aiosmtpd; .ci/run installs it)");
        throw new AssertionError("unreachable");
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** A running server process; close() stops it and waits for it. */
    public static final class Server implements AutoCloseable {
        public final int port;
        private final Process process;
        private final Path log;
        private final boolean stopsWhenStdinCloses;

        public Server(List<String> command, Path dir, int port, boolean stopsWhenStdinCloses) throws Exception {
            this.port = port;
            this.stopsWhenStdinCloses = stopsWhenStdinCloses;
            this.log = dir.resolve("server-" + port + ".log");
            this.process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (true) {
                if (!process.isAlive()) {
                    throw new AssertionError("the server exited with " + process.exitValue() + " before listening: "
                            + Files.readString(log));
                }
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                    return;
                } catch (IOException notYet) {
                    if (System.nanoTime() > deadline) {
                        close();
                        throw new AssertionError("the server did not listen on port " + port + " within 20 s: "
                                + Files.readString(log));
                    }
                    Thread.sleep(100);
                }
            }
        }

        public String log() throws IOException {
            return Files.readString(log);
        }

        @Override
        public void close() throws Exception {
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.flush();
            } catch (IOException ignored) {
                // already gone
            }
            if (!stopsWhenStdinCloses || !process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroy();
                if (!stopsWhenStdinCloses || !process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
        }
    }

    /** aiosmtpd without TLS on 127.0.0.1. */
    public static Server plainSmtp(Path dir) throws Exception {
        String python = pythonWithAiosmtpd();
        Path script = dir.resolve("smtpd.py");
        Files.writeString(script, SMTPD_SCRIPT, StandardCharsets.US_ASCII);
        int port = freePort();
        return new Server(List.of(python, script.toString(), String.valueOf(port)), dir, port, true);
    }

    /** aiosmtpd with STARTTLS required, serving a fresh self-signed certificate for SMTP_HOSTNAME. */
    public static Server startTlsSmtp(Path dir) throws Exception {
        String python = pythonWithAiosmtpd();
        File openssl = Peers.require("openssl", "openssl");
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Process p = new ProcessBuilder(openssl.getPath(), "req", "-x509", "-newkey", "ec", "-pkeyopt",
                "ec_paramgen_curve:P-256", "-nodes", "-keyout", key.toString(), "-out", cert.toString(), "-days", "2",
                "-subj", "/CN=" + SMTP_HOSTNAME, "-addext", "subjectAltName=DNS:" + SMTP_HOSTNAME)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new AssertionError("openssl req failed to make a test certificate");
        }
        Path script = dir.resolve("smtpd.py");
        Files.writeString(script, SMTPD_SCRIPT, StandardCharsets.US_ASCII);
        int port = freePort();
        return new Server(List.of(python, script.toString(), String.valueOf(port), cert.toString(), key.toString()),
                dir, port, true);
    }

    /** python3 -m http.server on 127.0.0.1, serving an empty directory. */
    public static Server httpServer(Path dir) throws Exception {
        File python = Peers.require("python3", "python3");
        int port = freePort();
        Path root = Files.createDirectories(dir.resolve("www"));
        return new Server(List.of(python.getPath(), "-m", "http.server", "--bind", "127.0.0.1", "--directory",
                root.toString(), String.valueOf(port)), dir, port, false);
    }
}
