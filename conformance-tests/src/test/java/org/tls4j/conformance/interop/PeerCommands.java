package org.tls4j.conformance.interop;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tls4j.testing.Peers;

/**
 * Starts the external peers with TLS 1.3 pinned and the parameters under test. Every server is
 * started on 127.0.0.1 (gnutls-serv cannot be told an address; it listens on all) and is ready once it
 * has printed its listening line; the caller closes the returned process.
 */
final class PeerCommands {
    static final Duration READY = Duration.ofSeconds(10);
    private static final Pattern OPENSSL_ACCEPT = Pattern.compile("(?m)^ACCEPT 127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern GNUTLS_LISTENING = Pattern.compile("listening on IPv4 [^ ]+ port (\\d+)\\.\\.\\.done");

    private PeerCommands() {}

    /** A started server and the port it listens on. */
    record Server(PeerProcess process, int port) implements AutoCloseable {
        @Override
        public void close() {
            process.close();
        }
    }

    static File openssl() {
        return Peers.require("openssl", "openssl");
    }

    static File gnutlsServ() {
        return Peers.require("gnutls-serv", "gnutls-bin");
    }

    static File gnutlsCli() {
        return Peers.require("gnutls-cli", "gnutls-bin");
    }

    /**
     * {@code openssl s_server} for one connection in {@code -rev} mode (each line received is sent back
     * reversed), TLS 1.3 only, with the leaf's chain and key. {@code suites} and {@code groups} are
     * OpenSSL list syntax or null for its defaults; {@code extra} is appended.
     */
    static Server opensslServer(File dir, InteropPki.Leaf leaf, String suites, String groups, List<String> extra)
            throws Exception {
        List<String> c = new ArrayList<>(List.of(openssl().getPath(), "s_server", "-accept", "127.0.0.1:0",
                "-naccept", "1", "-tls1_3", "-rev", "-cert", leaf.chainFile.getPath(), "-key", leaf.keyFile.getPath()));
        if (suites != null) {
            c.addAll(List.of("-ciphersuites", suites));
        }
        if (groups != null) {
            c.addAll(List.of("-groups", groups));
        }
        c.addAll(extra);
        PeerProcess p = PeerProcess.start("openssl s_server", dir, c);
        try {
            Matcher m = p.await(OPENSSL_ACCEPT, READY);
            return new Server(p, Integer.parseInt(m.group(1)));
        } catch (Throwable t) {
            p.close();
            throw t;
        }
    }

    /**
     * {@code gnutls-serv --echo} (each record received is sent back as is) with TLS 1.3 only through
     * {@code priority}; retried on a fresh port if the chosen one was taken meanwhile.
     */
    static Server gnutlsServer(File dir, InteropPki.Leaf leaf, String priority, List<String> extra) throws Exception {
        AssertionError last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            int port = Ports.free();
            List<String> c = new ArrayList<>(List.of(gnutlsServ().getPath(), "--echo", "--port", Integer.toString(port),
                    "--x509certfile", leaf.chainFile.getPath(), "--x509keyfile", leaf.keyFile.getPath(),
                    "--priority", priority));
            c.addAll(extra);
            PeerProcess p = PeerProcess.start("gnutls-serv", dir, c);
            try {
                Matcher m = p.await(GNUTLS_LISTENING, READY);
                return new Server(p, Integer.parseInt(m.group(1)));
            } catch (AssertionError e) {
                p.close();
                last = e;
                if (!p.transcript().contains("bind")) {
                    throw e;
                }
            } catch (Throwable t) {
                p.close();
                throw t;
            }
        }
        throw last;
    }

    /**
     * {@code openssl s_client} to 127.0.0.1:{@code port}, TLS 1.3 only, verifying the chain against
     * {@code ca} and the name {@code localhost} (failing the handshake otherwise).
     */
    static PeerProcess opensslClient(File dir, int port, File ca, String suites, String groups, String sigalgs,
            List<String> extra) throws Exception {
        return opensslClient(dir, port, ca, suites, groups, sigalgs, extra, null);
    }

    /** As above, with standard input read from {@code stdin}. */
    static PeerProcess opensslClient(File dir, int port, File ca, String suites, String groups, String sigalgs,
            List<String> extra, File stdin) throws Exception {
        List<String> c = new ArrayList<>(List.of(openssl().getPath(), "s_client", "-connect", "127.0.0.1:" + port,
                "-tls1_3", "-servername", "localhost", "-verify_hostname", "localhost", "-CAfile", ca.getPath(),
                "-verify_return_error", "-ign_eof"));
        if (suites != null) {
            c.addAll(List.of("-ciphersuites", suites));
        }
        if (groups != null) {
            c.addAll(List.of("-groups", groups));
        }
        if (sigalgs != null) {
            c.addAll(List.of("-sigalgs", sigalgs));
        }
        c.addAll(extra);
        return PeerProcess.start("openssl s_client", dir, c, stdin);
    }

    /** {@code gnutls-cli} to 127.0.0.1:{@code port}, verifying against {@code ca} and the name localhost. */
    static PeerProcess gnutlsClient(File dir, int port, File ca, String priority, List<String> extra) throws Exception {
        List<String> c = new ArrayList<>(List.of(gnutlsCli().getPath(), "--port", Integer.toString(port),
                "--verify-hostname", "localhost", "--sni-hostname", "localhost", "--x509cafile", ca.getPath(),
                "--priority", priority));
        c.addAll(extra);
        c.add("127.0.0.1");
        return PeerProcess.start("gnutls-cli", dir, c);
    }
}
