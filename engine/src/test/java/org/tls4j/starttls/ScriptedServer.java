package org.tls4j.starttls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A one-connection server on 127.0.0.1 (port 0) that runs a script: it checks exactly what the client
 * sends and answers with canned replies. Every wait is bounded (10 s); {@link #finish()} rethrows what
 * the script found wrong; {@link #close()} stops everything.
 */
final class ScriptedServer implements AutoCloseable {
    static final int TIMEOUT_MS = 10_000;

    interface Script {
        void run(Peer p) throws Exception;
    }

    /** The server's side of the one connection. */
    static final class Peer {
        final Socket socket;
        final InputStream in;
        final OutputStream out;

        Peer(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        void send(String text) throws IOException {
            send(text.getBytes(StandardCharsets.ISO_8859_1));
        }

        void send(byte[] b) throws IOException {
            out.write(b);
            out.flush();
        }

        /** One line from the client, read byte by byte, without its CR LF. */
        String line() throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            while (true) {
                int c = in.read();
                if (c < 0) {
                    throw new IOException("client closed; partial line: " + b.toString(StandardCharsets.ISO_8859_1));
                }
                if (c == '\n') {
                    String s = b.toString(StandardCharsets.ISO_8859_1);
                    if (!s.endsWith("\r")) {
                        throw new AssertionError("line not ended by CR LF: " + s);
                    }
                    return s.substring(0, s.length() - 1);
                }
                b.write(c);
            }
        }

        void expect(String line) throws IOException {
            assertEquals(line, line());
        }

        byte[] read(int n) throws IOException {
            byte[] r = new byte[n];
            int got = 0;
            while (got < n) {
                int k = in.read(r, got, n - got);
                if (k < 0) {
                    throw new IOException("client closed after " + got + " of " + n + " bytes");
                }
                got += k;
            }
            return r;
        }

        /** Waits until the client closes, failing if it sends anything more. */
        void expectEnd() throws IOException {
            int c = in.read();
            assertEquals(-1, c, "the client sent more than expected");
        }
    }

    private final ServerSocket server;
    private final Thread thread;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile Socket accepted;

    ScriptedServer(Script script) throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        server.setSoTimeout(TIMEOUT_MS);
        thread = new Thread(() -> {
            try (Socket s = server.accept()) {
                accepted = s;
                s.setSoTimeout(TIMEOUT_MS);
                script.run(new Peer(s));
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "scripted-server");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** A client socket connected to this server, with a bounded read timeout. */
    Socket connect() throws IOException {
        Socket s = new Socket();
        s.connect(new java.net.InetSocketAddress("127.0.0.1", port()), TIMEOUT_MS);
        s.setSoTimeout(TIMEOUT_MS);
        return s;
    }

    /** Waits for the script to end and rethrows whatever it found wrong. */
    void finish() throws Exception {
        thread.join(TIMEOUT_MS);
        if (thread.isAlive()) {
            throw new AssertionError("the scripted server did not finish within " + TIMEOUT_MS + " ms");
        }
        Throwable t = failure.get();
        if (t instanceof Exception) {
            throw (Exception) t;
        }
        if (t instanceof Error) {
            throw (Error) t;
        }
    }

    @Override
    public void close() throws Exception {
        server.close();
        Socket s = accepted;
        if (s != null) {
            s.close();
        }
        thread.join(TIMEOUT_MS);
    }
}
