package org.tls4j.cli;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.tls4j.TlsConfig;
import org.tls4j.TlsEngine;
import org.tls4j.TlsSession;
import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.pem.Pem;
import org.tls4j.crypto.rand.HmacDrbg;
import org.tls4j.crypto.x509.Certificate;
import org.tls4j.crypto.x509.TestPki;
import org.tls4j.handshake.tls13.CertifiedKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tls4j server}: accepts TLS connections and echoes what each client sends, or with
 * {@code --http} answers each GET with a small HTTP/1.0 page (in one ApplicationData record, like
 * {@code openssl s_server -www}). Without {@code --cert}/{@code --key} it makes a self-signed ECDSA
 * P-256 certificate for localhost and 127.0.0.1 with {@link TestPki} and prints its SHA-256 fingerprint.
 * One line per connection goes to stderr. Each connection runs on its own thread; the server runs until
 * stopped (or, for tests, until {@code --max-connections} have been served).
 */
@Command(name = "server", mixinStandardHelpOptions = true, description = "Serve TLS: echo (default) or a small HTTP page (--http).")
final class ServerCommand implements Callable<Integer> {
    private static final int MAX_REQUEST = 16 * 1024;

    private final Io io;

    @Option(names = "--port", paramLabel = "N", defaultValue = "4433", description = "TCP port (default ${DEFAULT-VALUE}; 0 picks a free one and prints it).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1", description = "Address to listen on (default ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--cert", paramLabel = "PEM", description = "Certificate chain, leaf first (PEM).")
    File cert;

    @Option(names = "--key", paramLabel = "PEM", description = "The leaf's private key (PEM: PKCS#8, PKCS#1 or SEC1).")
    File key;

    @Option(names = "--http", description = "Answer GET requests with an HTTP/1.0 200 page instead of echoing.")
    boolean http;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30", description = "Per-connection read timeout (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--max-connections", paramLabel = "N", defaultValue = "0", hidden = true,
            description = "Stop after N connections (0: serve until stopped).")
    int maxConnections;

    @Option(names = "--psk-modes", paramLabel = "MODES", split = ",", defaultValue = "psk_dhe_ke",
            description = "PSK key exchange modes for resumption, in preference order: psk_dhe_ke, psk_ke (default ${DEFAULT-VALUE}).")
    List<String> pskModes;

    @Option(names = "--tickets", paramLabel = "N", defaultValue = "2",
            description = "NewSessionTickets sent after each handshake (default ${DEFAULT-VALUE}; 0: none).")
    int tickets;

    @Mixin
    CommonOptions common = new CommonOptions();

    private final AtomicInteger connections = new AtomicInteger();

    ServerCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        TlsConfig config;
        try {
            TlsConfig.Builder b = TlsConfig.builder();
            common.apply(b);
            b.certificate(identity());
            b.sessionTickets(tickets);
            List<Integer> modes = new java.util.ArrayList<Integer>();
            for (String m : pskModes) {
                if (m.equals("psk_dhe_ke")) {
                    modes.add(org.tls4j.handshake.ext.PskKeyExchangeModes.PSK_DHE_KE);
                } else if (m.equals("psk_ke")) {
                    modes.add(org.tls4j.handshake.ext.PskKeyExchangeModes.PSK_KE);
                } else {
                    throw new IllegalArgumentException("unknown PSK mode " + m + " (psk_dhe_ke, psk_ke)");
                }
            }
            b.pskKeyExchangeModes(modes.toArray(new Integer[0]));
            config = b.build();
        } catch (IllegalArgumentException | IOException | CryptoException e) {
            io.err.println("tls4j server: " + e.getMessage());
            return 2;
        }
        try (ServerSocket ss = new ServerSocket()) {
            ss.setReuseAddress(true);
            ss.bind(new InetSocketAddress(InetAddress.getByName(bind), port), 50);
            io.err.println("tls4j server: listening on " + bind + ":" + ss.getLocalPort() + (http ? " (http)" : " (echo)"));
            io.err.flush();
            Thread[] workers = new Thread[Math.max(maxConnections, 0)];
            for (int served = 0; maxConnections == 0 || served < maxConnections; served++) {
                Socket s = ss.accept();
                int id = connections.incrementAndGet();
                Thread t = new Thread(() -> serve(id, s, config), "tls4j-server-" + id);
                t.setDaemon(true);
                t.start();
                if (maxConnections > 0) {
                    workers[served] = t;
                }
            }
            for (Thread t : workers) {
                t.join((timeoutSeconds + 5) * 1000L);
            }
            return 0;
        } catch (IOException e) {
            io.err.println("tls4j server: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private CertifiedKey identity() throws IOException, CryptoException {
        if ((cert == null) != (key == null)) {
            throw new IllegalArgumentException("--cert and --key go together");
        }
        if (cert != null) {
            return CertifiedKey.fromPem(Pem.read(cert), Pem.read(key));
        }
        long now = System.currentTimeMillis() / 1000;
        TestPki pki = new TestPki(HmacDrbg.fromSystem(), now - 3600, now + 30L * 86400);
        TestPki.Key k = pki.generate(TestPki.KeyKind.EC_P256);
        TestPki.Authority self = pki.root("localhost", k);
        // a self-signed CA cannot also be the TLS leaf under RFC 5280 rules clients apply, so issue a leaf from it
        TestPki.Key leafKey = pki.generate(TestPki.KeyKind.EC_P256);
        Certificate leaf = self.serverLeaf(leafKey, "localhost", "127.0.0.1");
        io.err.println("tls4j server: no --cert/--key: generated a certificate for localhost and 127.0.0.1");
        io.err.println("  leaf   SHA-256 fingerprint " + ChainPrinter.fingerprint(leaf));
        io.err.println("  issuer SHA-256 fingerprint " + ChainPrinter.fingerprint(self.certificate())
                + " (CN=localhost, self-signed, trust it to verify)");
        return new CertifiedKey(java.util.Arrays.asList(leaf, self.certificate()), leafKey);
    }

    private void serve(int id, Socket s, TlsConfig config) {
        String peer = s.getInetAddress().getHostAddress() + ":" + s.getPort();
        EngineConnection c = null;
        try {
            s.setSoTimeout(timeoutSeconds * 1000);
            c = new EngineConnection(TlsEngine.server(config), s);
            c.handshake();
            TlsSession session = c.session();
            String how = http ? http(c, session) : echo(c);
            io.err.println("conn " + id + " from " + peer + ": " + SessionPrinter.oneLine(session) + ", "
                    + c.bytesRead() + " bytes in, " + c.bytesWritten() + " out, " + how);
        } catch (IOException | RuntimeException e) {
            io.err.println("conn " + id + " from " + peer + ": failed: " + Failures.describe(e).replace("\n", " "));
        } finally {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private static String echo(EngineConnection c) throws IOException {
        byte[] buf = new byte[16384];
        int n;
        while ((n = c.read(buf, 0, buf.length)) >= 0) {
            c.write(buf, 0, n);
        }
        c.closeOutbound();
        return "echoed, closed by the client";
    }

    /** Reads one request head (bounded), answers a GET with a page, anything else with 400; then closes. */
    private static String http(EngineConnection c, TlsSession session) throws IOException {
        StringBuilder req = new StringBuilder();
        byte[] buf = new byte[4096];
        while (req.indexOf("\r\n\r\n") < 0 && req.indexOf("\n\n") < 0 && req.length() < MAX_REQUEST) {
            int n = c.read(buf, 0, buf.length);
            if (n < 0) {
                break;
            }
            req.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
        }
        String line = req.indexOf("\n") >= 0 ? req.substring(0, req.indexOf("\n")).trim() : req.toString().trim();
        String response;
        String how;
        if (line.startsWith("GET ")) {
            String body = "<html><body><h1>tls4j</h1><pre>\n" + escape(line) + "\n" + escape(SessionPrinter.oneLine(session))
                    + "\n</pre></body></html>\n";
            response = "HTTP/1.0 200 ok\r\nContent-Type: text/html\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
            how = "http 200 for " + line;
        } else {
            response = "HTTP/1.0 400 Bad Request\r\nContent-Length: 0\r\n\r\n";
            how = "http 400 for '" + line + "'";
        }
        c.write(response.getBytes(StandardCharsets.ISO_8859_1)); // one write, under 16 KiB: one record
        c.closeOutbound();
        return how;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
