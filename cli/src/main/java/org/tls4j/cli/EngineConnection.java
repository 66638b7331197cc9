package org.tls4j.cli;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import org.tls4j.TlsEngine;
import org.tls4j.TlsException;
import org.tls4j.TlsResult;
import org.tls4j.TlsSession;

/**
 * A blocking connection: one {@link TlsEngine} driven over one {@link Socket}. It is the smallest
 * correct loop around the sans-IO engine (handshake, read, write, close_notify, half-close). The
 * {@code tls4j} commands use {@code TlsSocket} now; this stays only for the interop harness in
 * conformance-tests, which still drives engines through it (to be moved to {@code TlsSocket}, then this
 * class goes). Reading and writing may happen from two threads (one each); the engine is only ever called
 * under one lock, and no lock is held while blocking on the socket.
 *
 * <p>Every loop is bounded: each step must consume or produce bytes or read from the socket, and the
 * socket's read timeout bounds every wait for the peer.
 */
public final class EngineConnection implements Closeable {
    private static final int MAX_IDLE_STEPS = 64;
    /** Records wrapped into one socket write at most (netOut holds this many whole records). */
    private static final int MAX_RECORDS_PER_FLUSH = 4;
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final TlsEngine engine;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Object engineLock = new Object();
    private final Object writeLock = new Object();
    private final Object readLock = new Object();
    /** Network bytes read and not yet unwrapped, in write mode (data in [0, position)). */
    private ByteBuffer netIn;
    /** Application bytes unwrapped and not yet read, in write mode. */
    private ByteBuffer appIn;
    private ByteBuffer netOut;
    private boolean inboundDone;
    private long bytesRead;
    private long bytesWritten;

    public EngineConnection(TlsEngine engine, Socket socket) throws IOException {
        this.engine = engine;
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.netIn = ByteBuffer.allocate(engine.packetBufferSize());
        this.appIn = ByteBuffer.allocate(engine.applicationBufferSize());
        this.netOut = ByteBuffer.allocate(engine.packetBufferSize() * MAX_RECORDS_PER_FLUSH);
    }

    public TlsEngine engine() {
        return engine;
    }

    public Socket socket() {
        return socket;
    }

    /** The negotiated session (after {@link #handshake()}). */
    public TlsSession session() {
        return engine.session();
    }

    /** Application bytes read and written so far. */
    public long bytesRead() {
        return bytesRead;
    }

    public long bytesWritten() {
        return bytesWritten;
    }

    /**
     * Runs the handshake to its end. A protocol failure is a {@link TlsException}; its alert is sent to
     * the peer before it is thrown.
     */
    public void handshake() throws IOException {
        int idle = 0;
        while (true) {
            TlsResult.HandshakeStatus hs;
            synchronized (engineLock) {
                hs = engine.handshakeStatus();
            }
            if (hs == TlsResult.HandshakeStatus.NEED_WRAP) {
                idle = wrapAndFlush(EMPTY) ? 0 : idle + 1;
            } else if (hs == TlsResult.HandshakeStatus.NEED_UNWRAP) {
                synchronized (readLock) {
                    if (inboundDone) {
                        throw new EOFException("the peer closed the connection during the handshake");
                    }
                    idle = unwrapOnce(true) ? 0 : idle + 1;
                }
            } else {
                return;
            }
            if (idle > MAX_IDLE_STEPS) {
                throw new IOException("the handshake makes no progress (engine reports " + hs + ")");
            }
        }
    }

    /**
     * Reads application data; blocks until some arrives. Returns -1 after the peer's close_notify (or
     * the end of the TCP stream).
     */
    public int read(byte[] b, int off, int len) throws IOException {
        synchronized (readLock) {
            int idle = 0;
            while (appIn.position() == 0 && !inboundDone) {
                idle = unwrapOnce(true) ? 0 : idle + 1;
                if (idle > MAX_IDLE_STEPS) {
                    throw new IOException("unwrap makes no progress");
                }
                flushPendingHandshake();
            }
            if (appIn.position() == 0) {
                return -1;
            }
            appIn.flip();
            int n = Math.min(len, appIn.remaining());
            appIn.get(b, off, n);
            appIn.compact();
            bytesRead += n;
            return n;
        }
    }

    /** Reads until {@code b} is full; throws EOFException if the peer closes first. */
    public void readFully(byte[] b) throws IOException {
        int off = 0;
        while (off < b.length) {
            int n = read(b, off, b.length - off);
            if (n < 0) {
                throw new EOFException("the peer closed after " + off + " of " + b.length + " bytes");
            }
            off += n;
        }
    }

    /** Writes all of {@code b[off..off+len)} as application data. */
    public void write(byte[] b, int off, int len) throws IOException {
        ByteBuffer src = ByteBuffer.wrap(b, off, len);
        int idle = 0;
        while (src.hasRemaining()) {
            idle = wrapAndFlush(src) ? 0 : idle + 1;
            if (idle > MAX_IDLE_STEPS) {
                throw new IOException("wrap makes no progress");
            }
        }
        bytesWritten += len;
    }

    public void write(byte[] b) throws IOException {
        write(b, 0, b.length);
    }

    /** Sends close_notify (RFC 8446, Section 6.1) and shuts down the socket's output: a half-close. */
    public void closeOutbound() throws IOException {
        synchronized (engineLock) {
            engine.closeOutbound();
        }
        for (int i = 0; i < MAX_IDLE_STEPS && wrapAndFlush(EMPTY); i++) {
            // flush close_notify
        }
        if (!socket.isOutputShutdown() && !socket.isClosed()) {
            socket.shutdownOutput();
        }
    }

    /** Whether the peer has closed its side (close_notify or end of stream). */
    public boolean isInboundDone() {
        synchronized (readLock) {
            return inboundDone;
        }
    }

    /** Closes the socket (without close_notify if {@link #closeOutbound()} was not called). */
    @Override
    public void close() throws IOException {
        socket.close();
    }

    /**
     * Wraps {@code src} into netOut (several records while it has room for one more, so a large write
     * goes out in few socket writes) and flushes; true if anything was consumed or produced.
     */
    private boolean wrapAndFlush(ByteBuffer src) throws IOException {
        synchronized (writeLock) {
            boolean progress = false;
            synchronized (engineLock) {
                int packet = engine.packetBufferSize();
                for (int i = 0; i < MAX_RECORDS_PER_FLUSH; i++) {
                    TlsResult r;
                    try {
                        r = engine.wrap(src, netOut);
                    } catch (TlsException e) {
                        flushQuietly();
                        throw e;
                    }
                    if (r.status() == TlsResult.Status.BUFFER_OVERFLOW && r.bytesProduced() == 0) {
                        if (netOut.position() > 0) {
                            break; // flush what is there, the caller comes back
                        }
                        netOut = enlarge(netOut, packet);
                        continue;
                    }
                    boolean did = r.bytesConsumed() > 0 || r.bytesProduced() > 0;
                    progress |= did;
                    if (!did || !src.hasRemaining() || netOut.remaining() < packet) {
                        break;
                    }
                }
            }
            flush();
            return progress;
        }
    }

    private void flush() throws IOException {
        if (netOut.position() > 0) {
            out.write(netOut.array(), 0, netOut.position());
            out.flush();
            netOut.clear();
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (IOException ignored) {
            // the peer may be gone already; the failure being reported matters more
        }
    }

    /** After unwrap the engine may have something to send (an alert, a KeyUpdate answer). */
    private void flushPendingHandshake() throws IOException {
        TlsResult.HandshakeStatus hs;
        synchronized (engineLock) {
            hs = engine.handshakeStatus();
        }
        if (hs == TlsResult.HandshakeStatus.NEED_WRAP) {
            wrapAndFlush(EMPTY);
        }
    }

    /**
     * One unwrap of what netIn holds; on underflow reads more from the socket (if {@code mayRead}).
     * True if anything was consumed, produced or read. Called with readLock held.
     */
    private boolean unwrapOnce(boolean mayRead) throws IOException {
        TlsResult r;
        try {
            synchronized (engineLock) {
                netIn.flip();
                try {
                    r = engine.unwrap(netIn, appIn);
                } finally {
                    netIn.compact();
                }
            }
        } catch (TlsException e) {
            sendAlertAfterFailure();
            throw e;
        }
        switch (r.status()) {
            case OK:
                return r.bytesConsumed() > 0 || r.bytesProduced() > 0;
            case CLOSED:
                inboundDone = true;
                return true;
            case BUFFER_OVERFLOW:
                appIn = enlarge(appIn, engine.applicationBufferSize());
                return true;
            case BUFFER_UNDERFLOW:
            default:
                if (!mayRead) {
                    return false;
                }
                if (!netIn.hasRemaining()) {
                    netIn = enlarge(netIn, engine.packetBufferSize());
                }
                int n = in.read(netIn.array(), netIn.arrayOffset() + netIn.position(), netIn.remaining());
                if (n < 0) {
                    inboundDone = true;
                    return true;
                }
                netIn.position(netIn.position() + n);
                return true;
        }
    }

    /** The engine queues the alert for the next wrap (TlsEngine's contract): send it, ignore errors. */
    private void sendAlertAfterFailure() {
        synchronized (writeLock) {
            try {
                synchronized (engineLock) {
                    engine.wrap(EMPTY, netOut);
                }
            } catch (IOException ignored) {
                // the engine reports the failure again; the alert bytes (if any) are in netOut
            }
            flushQuietly();
        }
    }

    private static ByteBuffer enlarge(ByteBuffer b, int hint) {
        ByteBuffer n = ByteBuffer.allocate(Math.max(hint, b.capacity() * 2));
        b.flip();
        n.put(b);
        return n;
    }
}
