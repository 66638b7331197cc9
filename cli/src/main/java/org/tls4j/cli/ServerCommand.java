package org.tls4j.cli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.tls4j.KeyLogWriter;
import org.tls4j.TlsConfig;
import org.tls4j.TlsServerSocket;
import org.tls4j.TlsSession;
import org.tls4j.TlsSocket;
import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.pem.Pem;
import org.tls4j.crypto.rand.HmacDrbg;
import org.tls4j.crypto.x509.Certificate;
import org.tls4j.crypto.x509.TestPki;
import org.tls4j.crypto.x509.TrustStore;
import org.tls4j.handshake.HandshakeMessage;
import org.tls4j.handshake.tls13.CertifiedKey;
import org.tls4j.handshake.tls13.ClientAuth;
import org.tls4j.handshake.tls13.KeyScheduleStep;
import org.tls4j.handshake.tls13.TlsListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tls4j server}, like {@code openssl s_server}: accepts TLS connections ({@link TlsServerSocket})
 * and echoes what each client sends, or with {@code --http} answers each GET with a small HTTP/1.0 page
 * (in one ApplicationData record, like {@code openssl s_server -www}). Without {@code --cert}/{@code --key}
 * it makes an ECDSA P-256 chain for localhost and 127.0.0.1 with {@link TestPki} and prints the
 * fingerprints. One line per connection goes to stderr (a JSON object with {@code --json}); with
 * {@code --trace} each connection's handshake is traced too, every line prefixed with the connection
 * number. Each connection runs (and handshakes) on its own thread; the server runs until stopped (or,
 * for tests, until {@code --max-connections} have been served).
 */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Serve TLS: echo (default) or a small HTTP page (--http); one line per connection.")
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

    @Option(names = "--verify-client", paramLabel = "MODE",
            description = "Ask for a client certificate: optional (validated if sent) or required (certificate_required alert without one). Needs --client-cafile.")
    String verifyClient;

    @Option(names = "--client-cafile", paramLabel = "PEM", description = "Trust anchors (PEM) for client certificates.")
    File clientCafile;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30", description = "Per-connection handshake and read timeout (default ${DEFAULT-VALUE}).")
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

    @Option(names = "--ems-optional", description = "TLS 1.0-1.2: also serve clients without extended_master_secret"
            + " (RFC 7627; by default they are refused with handshake_failure).")
    boolean emsOptional;

    @Mixin
    CommonOptions common = new CommonOptions();

    private final AtomicInteger connections = new AtomicInteger();

    ServerCommand(Io io) {
        this.io = io;
    }

    /**
     * The configuration's one listener: secrets to the key log, everything else to the tracer of the
     * connection whose thread is handshaking (each connection handshakes on its own thread).
     */
    private static final class PerConnection implements TlsListener {
        final ThreadLocal<Tracer> current = new ThreadLocal<Tracer>();
        final KeyLogWriter keyLog;

        PerConnection(KeyLogWriter keyLog) {
            this.keyLog = keyLog;
        }

        @Override
        public void onSecret(String label, byte[] clientRandom, byte[] secret) {
            if (keyLog != null) {
                keyLog.onSecret(label, clientRandom, secret);
            }
        }

        @Override
        public void onHandshakeMessage(boolean sent, HandshakeMessage m) {
            Tracer t = current.get();
            if (t != null) {
                t.onHandshakeMessage(sent, m);
            }
        }

        @Override
        public void onKeyScheduleStep(KeyScheduleStep step) {
            Tracer t = current.get();
            if (t != null) {
                t.onKeyScheduleStep(step);
            }
        }

        @Override
        public void onStateChange(String from, String to) {
            Tracer t = current.get();
            if (t != null) {
                t.onStateChange(from, to);
            }
        }
    }

    @Override
    public Integer call() {
        TlsConfig config;
        KeyLogWriter keyLog = null;
        Tracer base;
        PerConnection listener;
        try {
            if (common.quiet && (common.trace || common.traceSecrets)) {
                throw new IllegalArgumentException("--quiet contradicts --trace and --trace-secrets");
            }
            TlsConfig.Builder b = TlsConfig.builder();
            common.apply(b);
            if (verifyClient != null) {
                ClientAuth mode;
                if (verifyClient.equalsIgnoreCase("optional")) {
                    mode = ClientAuth.OPTIONAL;
                } else if (verifyClient.equalsIgnoreCase("required")) {
                    mode = ClientAuth.REQUIRED;
                } else {
                    throw new IllegalArgumentException("--verify-client takes optional or required, not '" + verifyClient + "'");
                }
                if (clientCafile == null) {
                    throw new IllegalArgumentException("--verify-client needs --client-cafile (the CAs that issue client certificates)");
                }
                b.clientAuth(mode);
            }
            if (clientCafile != null) {
                if (verifyClient == null) {
                    throw new IllegalArgumentException("--client-cafile without --verify-client optional|required asks for nothing");
                }
                b.trustAnchors(TrustStore.fromPemFile(clientCafile));
            }
            b.requireExtendedMasterSecret(!emsOptional);
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
            keyLog = common.openKeyLog(io, io.err);
            listener = new PerConnection(keyLog);
            b.listener(listener);
            base = new Tracer(io.err, common.json, common.trace ? Tracer.Level.TRACE : Tracer.Level.QUIET,
                    common.traceSecrets, null, "");
            config = b.build();
        } catch (IllegalArgumentException | IOException | CryptoException e) {
            closeQuietly(keyLog);
            io.err.println(common.json ? Json.event("error").put("message", e.getMessage()).put("exit_code", 2).toString()
                    : "tls4j server: " + e.getMessage());
            return 2;
        }
        try (TlsServerSocket ss = TlsServerSocket.bind(InetAddress.getByName(bind), port, config)) {
            ss.setHandshakeTimeout(timeoutSeconds * 1000);
            base.secretsWarning();
            String mode = http ? "http" : "echo";
            if (common.json) {
                io.err.println(Json.event("listening").put("address", bind).put("port", ss.getLocalPort())
                        .put("mode", mode).toString());
            } else {
                io.err.println("tls4j server: listening on " + bind + ":" + ss.getLocalPort() + " (" + mode + ")");
            }
            io.err.flush();
            Thread[] workers = new Thread[Math.max(maxConnections, 0)];
            for (int served = 0; maxConnections == 0 || served < maxConnections; served++) {
                TlsSocket s = ss.accept();
                int id = connections.incrementAndGet();
                Tracer tracer = base.forConnection(id);
                Thread t = new Thread(() -> serve(id, s, listener, tracer), "tls4j-server-" + id);
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
        } catch (IOException | IllegalArgumentException e) {
            io.err.println("tls4j server: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            closeQuietly(keyLog);
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
        if (common.json) {
            io.err.println(Json.event("generated_certificate").put("names", "localhost, 127.0.0.1")
                    .put("leaf_sha256", ChainPrinter.fingerprint(leaf))
                    .put("issuer_sha256", ChainPrinter.fingerprint(self.certificate())).toString());
        } else {
            io.err.println("tls4j server: no --cert/--key: generated a certificate for localhost and 127.0.0.1");
            io.err.println("  leaf   SHA-256 fingerprint " + ChainPrinter.fingerprint(leaf));
            io.err.println("  issuer SHA-256 fingerprint " + ChainPrinter.fingerprint(self.certificate())
                    + " (CN=localhost, self-signed, trust it to verify)");
        }
        return new CertifiedKey(java.util.Arrays.asList(leaf, self.certificate()), leafKey);
    }

    /** Counts what passes through a connection's streams. */
    private static final class Counted {
        long in;
        long out;
    }

    private void serve(int id, TlsSocket s, PerConnection listener, Tracer tracer) {
        String peer = String.valueOf(s.getRemoteSocketAddress()).replaceFirst("^/", "");
        Counted n = new Counted();
        listener.current.set(tracer);
        try {
            s.setSoTimeout(timeoutSeconds * 1000);
            s.startHandshake();
            TlsSession session = s.session();
            String how = http ? http(s, session, n) : echo(s, n);
            line(id, peer, session, n, how, null);
        } catch (IOException | RuntimeException e) {
            line(id, peer, null, n, null, Failures.describe(e).replace("\n", " "));
        } finally {
            listener.current.remove();
            closeQuietly(s);
        }
    }

    /** The one line per connection: text, or {"event":"connection",...} with --json. */
    private void line(int id, String peer, TlsSession session, Counted n, String how, String failure) {
        String client = null;
        if (session != null) {
            List<Certificate> cc = session.peerCertificates();
            client = cc == null || cc.isEmpty() ? null : cc.get(0).subject().toString();
        }
        String text;
        if (common.json) {
            Json j = Json.event("connection").put("id", id).put("peer", peer);
            if (session != null) {
                j.put("version", session.version().toString()).put("cipher_suite", session.cipherSuite().name())
                        .put("group", session.group() == null ? null : session.group().name())
                        .put("signature_scheme", session.signatureScheme() == null ? null : session.signatureScheme().name())
                        .put("alpn", session.applicationProtocol()).put("server_name", session.serverName())
                        .put("client_certificate", client);
            }
            j.put("bytes_in", n.in).put("bytes_out", n.out);
            if (failure != null) {
                j.put("failure", failure);
            } else {
                j.put("result", how);
            }
            text = j.toString();
        } else if (failure != null) {
            text = "conn " + id + " from " + peer + ": failed: " + failure;
        } else {
            text = "conn " + id + " from " + peer + ": " + SessionPrinter.oneLine(session)
                    + (client != null ? " client=" + client : "") + ", " + n.in + " bytes in, " + n.out + " out, " + how;
        }
        synchronized (io.err) {
            io.err.println(text);
            io.err.flush();
        }
    }

    private static String echo(TlsSocket s, Counted n) throws IOException {
        InputStream in = s.getInputStream();
        OutputStream out = s.getOutputStream();
        byte[] buf = new byte[16384];
        int r;
        while ((r = in.read(buf, 0, buf.length)) >= 0) {
            n.in += r;
            out.write(buf, 0, r);
            n.out += r;
        }
        s.shutdownOutput();
        return "echoed, closed by the client";
    }

    /** Reads one request head (bounded), answers a GET with a page, anything else with 400; then closes. */
    private static String http(TlsSocket s, TlsSession session, Counted n) throws IOException {
        StringBuilder req = new StringBuilder();
        byte[] buf = new byte[4096];
        InputStream in = s.getInputStream();
        while (req.indexOf("\r\n\r\n") < 0 && req.indexOf("\n\n") < 0 && req.length() < MAX_REQUEST) {
            int r = in.read(buf, 0, buf.length);
            if (r < 0) {
                break;
            }
            n.in += r;
            req.append(new String(buf, 0, r, StandardCharsets.ISO_8859_1));
        }
        if (req.length() == 0) {
            // The client closed without sending anything: answer its close_notify with ours, no 400 page
            // (as openssl s_server -www does; tlsfuzzer's scripts expect exactly that).
            s.shutdownOutput();
            return "closed by the client without a request";
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
        byte[] b = response.getBytes(StandardCharsets.ISO_8859_1);
        s.getOutputStream().write(b); // one write, under 16 KiB: one record
        n.out += b.length;
        s.shutdownOutput();
        return how;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void closeQuietly(java.io.Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
