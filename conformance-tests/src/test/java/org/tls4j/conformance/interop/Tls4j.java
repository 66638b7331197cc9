package org.tls4j.conformance.interop;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.tls4j.TlsConfig;
import org.tls4j.TlsEngine;
import org.tls4j.TlsSession;
import org.tls4j.cli.EngineConnection;
import org.tls4j.handshake.CipherSuite;
import org.tls4j.handshake.NamedGroup;
import org.tls4j.handshake.SignatureScheme;
import org.tls4j.handshake.tls13.CertifiedKey;

/**
 * tls4j's side of an interop case: a client or a one-connection server, each a {@link TlsEngine} over a
 * blocking socket through {@link EngineConnection}, with a read timeout on every socket.
 */
final class Tls4j {
    static final int TIMEOUT_MS = 15_000;

    private Tls4j() {}

    static CipherSuite suite(String name) {
        for (CipherSuite s : CipherSuite.known().values()) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException(name);
    }

    static NamedGroup group(String name) {
        for (NamedGroup g : NamedGroup.known().values()) {
            if (g.name().equals(name)) {
                return g;
            }
        }
        throw new IllegalArgumentException(name);
    }

    static SignatureScheme scheme(String name) {
        for (SignatureScheme s : SignatureScheme.known().values()) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException(name);
    }

    /** A client config trusting only the interop root and expecting the name localhost. */
    static TlsConfig.Builder client(InteropPki pki) {
        return TlsConfig.builder().trustAnchors(List.of(pki.root)).serverName("localhost");
    }

    /** A server config presenting {@code leaves}. */
    static TlsConfig.Builder server(InteropPki.Leaf... leaves) throws Exception {
        TlsConfig.Builder b = TlsConfig.builder();
        for (InteropPki.Leaf l : leaves) {
            b.certificate(new CertifiedKey(List.of(l.certificate), l.key()));
        }
        return b;
    }

    /** Enables CCM_8 when asked for (it is off by default) by listing exactly the suite under test. */
    static TlsConfig.Builder only(TlsConfig.Builder b, String suite, String group) {
        if (suite != null) {
            b.cipherSuites(suite(suite));
        }
        if (group != null) {
            b.groups(group(group));
        }
        return b;
    }

    /** A connected client that finished its handshake. */
    static EngineConnection connect(TlsConfig config, int port) throws IOException {
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(Ports.loopback(), port), TIMEOUT_MS);
            s.setSoTimeout(TIMEOUT_MS);
            EngineConnection c = new EngineConnection(TlsEngine.client(config), s);
            c.handshake();
            return c;
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** Reads up to and including the next '\n' (bounded by 64 KiB and the socket timeout); null at the end. */
    static String readLine(EngineConnection c) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] one = new byte[1];
        while (b.size() < 65536) {
            int n = c.read(one, 0, 1);
            if (n < 0) {
                return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
            }
            if (one[0] == '\n') {
                return b.toString(StandardCharsets.ISO_8859_1);
            }
            b.write(one[0]);
        }
        throw new IOException("line longer than 64 KiB");
    }

    /** What the tls4j server saw of its one connection. */
    record Served(TlsSession session, String received) {}

    /**
     * A tls4j server for one connection on 127.0.0.1: handshake, read one line, answer it reversed,
     * then wait for the client's close (bounded by the socket timeout) and close too.
     */
    static final class Server implements AutoCloseable {
        final ServerSocket socket;
        final CompletableFuture<Served> served = new CompletableFuture<>();
        /** How the connection ended: null after the client's close_notify, else what was thrown (also after the exchange). */
        final CompletableFuture<Throwable> ended = new CompletableFuture<>();
        private final Thread thread;

        Server(TlsConfig config) throws IOException {
            this(config, true);
        }

        /** With {@code exchange} false the server only does the handshake (for negative cases). */
        Server(TlsConfig config, boolean exchange) throws IOException {
            socket = new ServerSocket(0, 1, Ports.loopback());
            socket.setSoTimeout(TIMEOUT_MS);
            thread = new Thread(() -> {
                try (Socket s = socket.accept()) {
                    s.setSoTimeout(TIMEOUT_MS);
                    EngineConnection c = new EngineConnection(TlsEngine.server(config), s);
                    c.handshake();
                    if (!exchange) {
                        served.complete(new Served(c.session(), null));
                        ended.complete(null);
                        return;
                    }
                    String line = readLine(c);
                    c.write((new StringBuilder(line == null ? "" : line).reverse() + "\n").getBytes(StandardCharsets.ISO_8859_1));
                    served.complete(new Served(c.session(), line));
                    byte[] rest = new byte[4096];
                    while (c.read(rest, 0, rest.length) >= 0) {
                        // until the client's close_notify
                    }
                    c.closeOutbound();
                    ended.complete(null);
                } catch (Throwable t) {
                    served.completeExceptionally(t);
                    ended.complete(t);
                }
            }, "tls4j-interop-server");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        /** The session and line, or the server's failure (unwrapped from the future). */
        Served await() throws Throwable {
            try {
                return served.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause();
            }
        }

        @Override
        public void close() throws Exception {
            socket.close();
            thread.join(TIMEOUT_MS);
        }
    }
}
