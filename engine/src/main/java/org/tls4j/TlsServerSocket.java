package org.tls4j;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;

/**
 * A listening TCP socket whose accepted connections speak TLS (server side). {@link #accept()} returns a
 * {@link TlsSocket} at once, before any TLS byte: the handshake runs later on the thread that first uses
 * the connection (or calls {@link TlsSocket#startHandshake()}), so a slow or silent client never holds up
 * the accepting thread. Each accepted socket gets the handshake timeout set here.
 *
 * <p>Thread-safe: {@link #accept()} may run on one thread while another calls {@link #close()}, which
 * makes the blocked accept throw a {@link SocketException}.
 */
public final class TlsServerSocket implements Closeable {
    private final ServerSocket listener;
    private final TlsConfig config;
    private volatile int handshakeTimeoutMillis = TlsSocket.DEFAULT_HANDSHAKE_TIMEOUT_MILLIS;

    private TlsServerSocket(ServerSocket listener, TlsConfig config) {
        this.listener = listener;
        this.config = config;
    }

    /**
     * Listens on {@code address:port} (port 0: any free port, see {@link #getLocalPort()}); a null address
     * listens on every interface. {@code config} must hold a certificate.
     */
    public static TlsServerSocket bind(InetAddress address, int port, TlsConfig config) throws IOException {
        if (config.certificates().isEmpty()) {
            throw new IllegalArgumentException("a TLS server needs a certificate: TlsConfig.builder().certificate(...)");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        ServerSocket s = new ServerSocket();
        try {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(address, port), 50);
            return new TlsServerSocket(s, config);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** Listens on 127.0.0.1 and a free port: the form tests and local tools use. */
    public static TlsServerSocket loopback(TlsConfig config) throws IOException {
        return bind(InetAddress.getByName("127.0.0.1"), 0, config);
    }

    public int getLocalPort() {
        return listener.getLocalPort();
    }

    public InetAddress getInetAddress() {
        return listener.getInetAddress();
    }

    /** How long accept() waits for a connection (0: forever; a timeout throws SocketTimeoutException). */
    public void setSoTimeout(int millis) throws SocketException {
        listener.setSoTimeout(millis);
    }

    /** The handshake timeout given to every socket accepted from now on (milliseconds; 0: none). */
    public void setHandshakeTimeout(int millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("negative handshake timeout");
        }
        handshakeTimeoutMillis = millis;
    }

    /** Waits for a connection and returns its server side, handshake not yet run. */
    public TlsSocket accept() throws IOException {
        Socket s = listener.accept();
        try {
            TlsSocket t = TlsSocket.server(s, config);
            t.setHandshakeTimeout(handshakeTimeoutMillis);
            return t;
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    public boolean isClosed() {
        return listener.isClosed();
    }

    /** Stops listening; sockets already accepted stay open. */
    @Override
    public void close() throws IOException {
        listener.close();
    }

    @Override
    public String toString() {
        return "TlsServerSocket[" + listener.getLocalSocketAddress() + "]";
    }
}
