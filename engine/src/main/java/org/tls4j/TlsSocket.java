package org.tls4j;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.tls4j.starttls.Upgrade;

/**
 * A TLS connection over a connected {@link Socket}: a {@link TlsEngine} plus the blocking I/O loop that
 * moves its records over the socket. Client or server side, made by {@link #connect}, {@link #client},
 * {@link #server}, {@link #upgrade} (STARTTLS) or {@link TlsServerSocket#accept()}.
 *
 * <p><b>Handshake.</b> {@link #startHandshake()} runs it explicitly; otherwise the first read or write
 * (or {@link #session()}) runs it. It is bounded by the handshake timeout ({@link #setHandshakeTimeout},
 * default 30 s; 0 waits forever) on top of the socket's read timeout. A handshake that fails or times
 * out closes the socket: it cannot be resumed. A failure is a {@link TlsException}; when the peer's first
 * bytes were not a TLS record (a plain SMTP greeting, an HTTP response, a plain HTTP request to a
 * server) its message is {@link PlainWords#fromServer} (client side) or {@link PlainWords#fromClient}
 * (server side), and the engine's own message is kept as the cause.
 *
 * <p><b>Reading.</b> {@link #getInputStream()} returns the peer's application data. It returns -1 after
 * the peer's close_notify (RFC 8446, Section 6.1). A TCP end of stream without close_notify is an
 * {@link IOException} (the data may have been cut short by an attacker), not a clean -1. The read timeout
 * is the socket's SO_TIMEOUT ({@link #setSoTimeout}): when it fires after the handshake the read throws
 * {@link SocketTimeoutException} and the connection stays usable (a partly received record is kept in
 * the engine); read again to continue.
 *
 * <p><b>Closing.</b> {@link #close()} sends close_notify (when the handshake completed and the writer is
 * not stuck) and closes the socket. {@link #shutdownOutput()} is the half-close: it sends close_notify and
 * shuts the TCP output down, while reading goes on until the peer's close_notify.
 *
 * <p><b>Threads.</b> One reader thread and one writer thread may use the connection at the same time.
 * Four locks, always taken in this order, never the other way round:
 * <ol>
 *   <li>{@code handshakeLock} is held while the handshake runs; a thread that needs the handshake waits
 *       on it before it takes any other lock, and a read or write takes it (briefly) only before its
 *       own lock, never while holding one;
 *   <li>{@code readLock} guards the inbound path: the socket's input stream, the buffer of received
 *       network bytes and the buffer of decrypted application data. Held for a whole read (including
 *       the blocking socket read);
 *   <li>{@code writeLock} guards the outbound path: the socket's output stream and the buffer of records
 *       to send. Held for a whole write (including the blocking socket write);
 *   <li>{@code engineLock} serializes every call into the engine (which is not thread-safe). Held only
 *       for the engine call itself, never during socket I/O.
 * </ol>
 * The handshake holds handshakeLock, readLock and writeLock, so neither direction moves until it is over. After the
 * handshake a read that makes the engine queue an answer (a KeyUpdate requesting one) only tries
 * writeLock: when the writer holds it, the writer sends the answer (its own records go out after
 * anything queued, and it checks once more after releasing the lock). A write never takes readLock. {@link #close()} tries
 * writeLock for at most one second to send close_notify and otherwise closes the socket without it (which
 * also wakes a reader or writer blocked in the socket).
 *
 * <p>Session resumption: a client socket offers tickets from the config's {@link SessionCache}, keyed by
 * the server name (or the host address) and port it connects to (see {@link TlsEngine#client(TlsConfig, String, int)}).
 */
public final class TlsSocket implements Closeable {
    /** The default handshake timeout, in milliseconds. */
    public static final int DEFAULT_HANDSHAKE_TIMEOUT_MILLIS = 30_000;
    /** How many of the peer's first bytes are kept to explain a failed handshake in plain words. */
    private static final int FIRST_BYTES = 256;

    private final Socket socket;
    private final TlsEngine engine;
    private final InputStream rawIn;
    private final OutputStream rawOut;

    private final Object handshakeLock = new Object();
    private final ReentrantLock readLock = new ReentrantLock();
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Object engineLock = new Object();

    // Inbound state, guarded by readLock. netIn is kept flipped (position..limit: bytes not yet unwrapped);
    // appIn is kept flipped (position..limit: plaintext not yet read).
    private final ByteBuffer netIn;
    private final ByteBuffer appIn;
    private final byte[] firstBytes = new byte[FIRST_BYTES];
    private int firstCount;

    // Outbound state, guarded by writeLock.
    private final ByteBuffer netOut;
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private volatile boolean handshakeDone;
    private volatile IOException handshakeFailure;
    private volatile int handshakeTimeoutMillis = DEFAULT_HANDSHAKE_TIMEOUT_MILLIS;
    private volatile boolean closed;
    private volatile boolean outputShut;
    /** Set by the reader when the engine queued an answer it could not send at once (see answerIfNeeded). */
    private volatile boolean answerPending;

    private final InputStream in = new TlsInputStream();
    private final OutputStream out = new TlsOutputStream();

    private TlsSocket(Socket socket, TlsEngine engine, byte[] leftover) throws IOException {
        if (socket == null || !socket.isConnected() || socket.isClosed()) {
            throw new SocketException("TlsSocket needs a connected, open socket");
        }
        this.socket = socket;
        this.engine = engine;
        this.rawIn = socket.getInputStream();
        this.rawOut = socket.getOutputStream();
        netIn = ByteBuffer.allocate(Math.max(engine.packetBufferSize(), leftover.length));
        netIn.put(leftover);
        netIn.flip();
        record(leftover, 0, leftover.length);
        appIn = ByteBuffer.allocate(engine.applicationBufferSize());
        appIn.flip();
        netOut = ByteBuffer.allocate(engine.packetBufferSize());
    }

    /**
     * Connects to {@code host:port} within {@code connectTimeoutMillis} (0: forever) and returns the
     * client side, handshake not yet started. Set {@link TlsConfig.Builder#serverName} for SNI and the
     * certificate's name check ({@link Transport#open} does it from the URL).
     */
    public static TlsSocket connect(String host, int port, TlsConfig config, int connectTimeoutMillis) throws IOException {
        if (connectTimeoutMillis < 0) {
            throw new IllegalArgumentException("negative connect timeout");
        }
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
            return new TlsSocket(s, clientEngine(config, host, port), new byte[0]);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** The client side of TLS layered over an already connected socket (closing this closes it). */
    public static TlsSocket client(Socket connected, TlsConfig config) throws IOException {
        return new TlsSocket(connected, clientEngine(config, connected), new byte[0]);
    }

    /** {@link #clientEngine(TlsConfig, String, int)} for the peer of {@code s} (none when unconnected). */
    private static TlsEngine clientEngine(TlsConfig config, Socket s) {
        if (s.getInetAddress() == null) {
            return TlsEngine.client(config); // the constructor refuses the unconnected socket
        }
        return clientEngine(config, s.getInetAddress().getHostAddress(), s.getPort());
    }

    /**
     * A client engine whose session cache key is the server name (SNI) when set, else {@code host},
     * with the port: tickets are offered only to the server that issued them (RFC 8446, Section 2.2).
     */
    private static TlsEngine clientEngine(TlsConfig config, String host, int port) {
        return TlsEngine.client(config, config.serverName() != null ? config.serverName() : host, port);
    }

    /** The server side of TLS layered over an already connected (accepted) socket. */
    public static TlsSocket server(Socket connected, TlsConfig config) throws IOException {
        return new TlsSocket(connected, TlsEngine.server(config), new byte[0]);
    }

    /**
     * TLS after a STARTTLS preamble: over {@code u.socket()}, with {@code u.leftover()} fed to the record
     * layer before any byte of the socket (so a ClientHello pipelined behind the STARTTLS command is not
     * lost). Those bytes are only ever parsed as TLS records.
     */
    public static TlsSocket upgrade(Upgrade u, TlsConfig config, boolean clientMode) throws IOException {
        TlsEngine e = clientMode ? clientEngine(config, u.socket()) : TlsEngine.server(config);
        return new TlsSocket(u.socket(), e, u.leftover());
    }

    /** Package-private: over a given engine (tests with hooks). */
    static TlsSocket over(Socket connected, TlsEngine engine, byte[] leftover) throws IOException {
        return new TlsSocket(connected, engine, leftover);
    }

    /** True for the client side. */
    public boolean isClientMode() {
        return engine.isClient();
    }

    /** The handshake timeout in milliseconds (0: none). Applies to a handshake not yet started. */
    public void setHandshakeTimeout(int millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("negative handshake timeout");
        }
        handshakeTimeoutMillis = millis;
    }

    public int getHandshakeTimeout() {
        return handshakeTimeoutMillis;
    }

    /** The read timeout (SO_TIMEOUT of the socket) in milliseconds; 0 waits forever. */
    public void setSoTimeout(int millis) throws SocketException {
        socket.setSoTimeout(millis);
    }

    public int getSoTimeout() throws SocketException {
        return socket.getSoTimeout();
    }

    public SocketAddress getRemoteSocketAddress() {
        return socket.getRemoteSocketAddress();
    }

    public SocketAddress getLocalSocketAddress() {
        return socket.getLocalSocketAddress();
    }

    public boolean isClosed() {
        return closed;
    }

    /** The peer's application data; -1 after its close_notify. */
    public InputStream getInputStream() {
        return in;
    }

    /** Application data to the peer, one or more records per write (nothing is buffered: flush is a no-op). */
    public OutputStream getOutputStream() {
        return out;
    }

    /** What the handshake negotiated; runs the handshake first if it has not run yet. */
    public TlsSession session() throws IOException {
        startHandshake();
        synchronized (engineLock) {
            return engine.session();
        }
    }

    /**
     * Runs the handshake now (does nothing once it completed; throws the same failure again after one).
     *
     * @throws TlsException the handshake failed (the message says why in plain words)
     * @throws SocketTimeoutException the handshake or read timeout passed (the socket is then closed)
     */
    public void startHandshake() throws IOException {
        if (handshakeDone) {
            return;
        }
        // A thread that finds a handshake running waits here, holding neither readLock nor writeLock:
        // the other direction must not be able to take readLock first and block in a socket read.
        synchronized (handshakeLock) {
            if (handshakeDone) {
                return;
            }
            if (handshakeFailure != null) {
                throw handshakeFailure;
            }
            if (closed) {
                throw new SocketException("the TLS socket is closed");
            }
            readLock.lock();
            try {
                writeLock.lock();
                try {
                    handshake();
                    handshakeDone = true;
                } catch (IOException e) {
                    handshakeFailure = e;
                    closeSocketQuietly();
                    throw e;
                } finally {
                    writeLock.unlock();
                }
            } finally {
                readLock.unlock();
            }
        }
    }

    /** handshakeLock, readLock and writeLock held. */
    private void handshake() throws IOException {
        int timeout = handshakeTimeoutMillis;
        long deadline = timeout == 0 ? 0 : System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeout);
        int userTimeout = socket.getSoTimeout();
        try {
            // Each turn sends queued records or receives at least one byte: bounded by the deadline.
            while (true) {
                TlsResult.HandshakeStatus hs;
                synchronized (engineLock) {
                    hs = engine.handshakeStatus();
                }
                if (hs == TlsResult.HandshakeStatus.NEED_WRAP) {
                    flushLocked();
                } else if (hs == TlsResult.HandshakeStatus.NEED_UNWRAP) {
                    if (!unwrapOnce()) {
                        setReadTimeout(deadline, userTimeout, timeout);
                        if (!fill()) {
                            throw eofDuringHandshake();
                        }
                    }
                } else {
                    break;
                }
            }
        } catch (TlsException e) {
            sendAlertQuietly();
            throw explain(e);
        } catch (SocketTimeoutException e) {
            SocketTimeoutException t = new SocketTimeoutException(handshakeBound
                    ? "the TLS handshake did not complete within " + timeout + " ms: " + silence()
                    : "the read timeout (" + userTimeout + " ms) passed during the TLS handshake: " + silence());
            t.initCause(e);
            throw t;
        } finally {
            if (!socket.isClosed()) {
                socket.setSoTimeout(userTimeout);
            }
        }
        synchronized (engineLock) {
            if (engine.failure() != null) {
                throw engine.failure();
            }
            if (engine.session() == null) {
                throw new SocketException("the peer closed the connection (close_notify) before the handshake completed");
            }
        }
    }

    private String silence() {
        if (firstCount == 0) {
            return isClientMode() ? "the server sent nothing (it may not speak TLS, or expect a STARTTLS command first)"
                    : "the client sent nothing (it may not speak TLS, or wait for a plain-text greeting such as SMTP's 220)";
        }
        return "the peer stopped answering after " + firstCount + (firstCount == FIRST_BYTES ? "+" : "") + " bytes";
    }

    /** readLock held: true when the SO_TIMEOUT set for the current handshake read is the handshake's remaining time. */
    private boolean handshakeBound;

    private void setReadTimeout(long deadline, int userTimeout, int timeout) throws IOException {
        if (deadline == 0) {
            handshakeBound = false;
            return;
        }
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
            handshakeBound = true;
            throw new SocketTimeoutException("the TLS handshake did not complete within " + timeout + " ms: " + silence());
        }
        int t = (int) Math.min(Integer.MAX_VALUE, Math.max(1, left));
        handshakeBound = userTimeout == 0 || t <= userTimeout;
        socket.setSoTimeout(handshakeBound ? t : userTimeout);
    }

    /** The peer closed the TCP connection before the handshake completed. */
    private IOException eofDuringHandshake() {
        byte[] first = first();
        if (first.length == 0 || !looksLikeTls(first)) {
            return new SocketException(plainWords(first));
        }
        return new SocketException("the peer closed the connection in the middle of the TLS handshake without an"
                + " alert (" + (isClientMode() ? "server" : "client") + " sent " + firstCount + " bytes of TLS records first)");
    }

    /**
     * When the peer's first bytes were not TLS, the message says what they were instead; when the
     * versions did not match, what each side offered or selected (PlainWords.versionProblem).
     */
    private TlsException explain(TlsException e) {
        if (firstCount > 0 && looksLikeTls(first())) {
            String v = PlainWords.versionProblem(isClientMode(), engine.enabledVersions(), first(), e.alert(),
                    e.isAlertReceived());
            return v == null ? e : new TlsException(v, e);
        }
        if (firstCount == 0) {
            return e;
        }
        readMoreForTheQuote();
        return new TlsException(plainWords(first()), e);
    }

    private String plainWords(byte[] first) {
        return isClientMode() ? PlainWords.fromServer(first) : PlainWords.fromClient(first);
    }

    /** The first line of a plain-text answer may arrive in two segments: wait briefly for the rest. */
    private void readMoreForTheQuote() {
        for (int i = 0; i < firstCount; i++) {
            if (firstBytes[i] == '\n') {
                return;
            }
        }
        try {
            socket.setSoTimeout(250);
            byte[] b = new byte[FIRST_BYTES];
            int n = rawIn.read(b, 0, FIRST_BYTES - firstCount);
            if (n > 0) {
                record(b, 0, n);
            }
        } catch (IOException ignored) {
            // the quote stays as it is
        }
    }

    /** A TLS record header: content type 20..24 and major version 3; or an SSL 2.0 record (high bit). */
    private static boolean looksLikeTls(byte[] b) {
        if (b.length == 0) {
            return false;
        }
        int type = b[0] & 0xff;
        if (type >= 20 && type <= 24) {
            return b.length < 2 || b[1] == 3;
        }
        return false;
    }

    private byte[] first() {
        byte[] f = new byte[firstCount];
        System.arraycopy(firstBytes, 0, f, 0, firstCount);
        return f;
    }

    private void record(byte[] b, int off, int n) {
        int k = Math.min(n, FIRST_BYTES - firstCount);
        if (!handshakeDone && k > 0) {
            System.arraycopy(b, off, firstBytes, firstCount, k);
            firstCount += k;
        }
    }

    /**
     * readLock held, appIn empty. Unwraps one step from netIn. Returns false when netIn holds no whole
     * record (read more), true when the engine made progress (a record processed, data delivered).
     */
    private boolean unwrapOnce() throws IOException {
        if (!netIn.hasRemaining()) {
            return false;
        }
        TlsResult r;
        appIn.clear();
        try {
            synchronized (engineLock) {
                r = engine.unwrap(netIn, appIn);
            }
        } finally {
            appIn.flip();
        }
        if (r.status() == TlsResult.Status.BUFFER_UNDERFLOW) {
            return false;
        }
        // OK with nothing taken or given would loop: treat it as "needs more bytes"
        return r.status() != TlsResult.Status.OK || r.bytesConsumed() > 0 || r.bytesProduced() > 0;
    }

    /** readLock held. Reads from the socket into netIn; false at end of stream. */
    private boolean fill() throws IOException {
        netIn.compact();
        int n;
        try {
            n = rawIn.read(netIn.array(), netIn.arrayOffset() + netIn.position(), netIn.remaining());
            if (n > 0) {
                record(netIn.array(), netIn.arrayOffset() + netIn.position(), n);
                netIn.position(netIn.position() + n);
            }
        } finally {
            netIn.flip();
        }
        return n >= 0;
    }

    /** writeLock held. Sends whatever the engine has queued (handshake messages, alerts, close_notify). */
    private void flushLocked() throws IOException {
        // Each turn sends at least one byte or stops; the engine's queue is finite.
        while (true) {
            netOut.clear();
            TlsResult r;
            synchronized (engineLock) {
                r = engine.wrap(EMPTY, netOut);
            }
            if (r.bytesProduced() == 0) {
                return;
            }
            rawOut.write(netOut.array(), 0, netOut.position());
            rawOut.flush();
        }
    }

    /** After a failure: the engine's next wrap yields the alert; send it if the writer is free. */
    private void sendAlertQuietly() {
        boolean locked = writeLock.isHeldByCurrentThread();
        try {
            if (locked || writeLock.tryLock(1, TimeUnit.SECONDS)) {
                try {
                    flushLocked();
                } finally {
                    if (!locked) {
                        writeLock.unlock();
                    }
                }
            }
        } catch (IOException ignored) {
            // the failure being reported matters more than a lost alert
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** After the handshake: reads application data into b. */
    private int read(byte[] b, int off, int len) throws IOException {
        if (off < 0 || len < 0 || len > b.length - off) {
            throw new IndexOutOfBoundsException();
        }
        startHandshake();
        readLock.lock();
        try {
            if (len == 0) {
                return 0;
            }
            // Each turn processes a record or reads from the socket (bounded by SO_TIMEOUT and the peer).
            while (!appIn.hasRemaining()) {
                if (closed) {
                    throw new SocketException("the TLS socket is closed");
                }
                boolean inboundDone;
                synchronized (engineLock) {
                    inboundDone = engine.isInboundDone();
                }
                if (inboundDone) {
                    synchronized (engineLock) {
                        if (engine.failure() != null) {
                            throw engine.failure();
                        }
                    }
                    return -1;
                }
                boolean progress;
                try {
                    progress = unwrapOnce();
                } catch (TlsException e) {
                    sendAlertQuietly();
                    closeSocketQuietly();
                    throw e;
                }
                if (progress) {
                    answerIfNeeded();
                    continue;
                }
                if (!fill()) {
                    throw new SocketException("the peer closed the TCP connection without sending close_notify: the"
                            + " data may have been cut short (RFC 8446, Section 6.1)");
                }
            }
            int n = Math.min(len, appIn.remaining());
            appIn.get(b, off, n);
            return n;
        } finally {
            readLock.unlock();
        }
    }

    /**
     * readLock held: a record may have made the engine queue an answer (a KeyUpdate); send it. The reader
     * never waits for writeLock here (a writer blocked on a peer that waits for us to read would deadlock
     * it): it raises {@code answerPending} and tries the lock; if the writer holds it, the writer sends
     * the answer before or right after it lets go ({@link #sendPendingAnswer()}).
     */
    private void answerIfNeeded() throws IOException {
        boolean need;
        synchronized (engineLock) {
            need = engine.handshakeStatus() == TlsResult.HandshakeStatus.NEED_WRAP;
        }
        if (need && !outputShut) {
            answerPending = true;
            sendPendingAnswer();
        }
    }

    /** Sends queued answers if {@code answerPending} and writeLock is free; never blocks on the lock. */
    private void sendPendingAnswer() throws IOException {
        if (answerPending && writeLock.tryLock()) {
            try {
                answerPending = false;
                flushLocked();
            } finally {
                writeLock.unlock();
            }
        }
    }

    private void write(byte[] b, int off, int len) throws IOException {
        if (off < 0 || len < 0 || len > b.length - off) {
            throw new IndexOutOfBoundsException();
        }
        startHandshake();
        writeLock.lock();
        try {
            ByteBuffer src = ByteBuffer.wrap(b, off, len);
            // Each turn consumes up to one record of src or sends queued records.
            while (src.hasRemaining()) {
                if (closed) {
                    throw new SocketException("the TLS socket is closed");
                }
                netOut.clear();
                TlsResult r;
                synchronized (engineLock) {
                    r = engine.wrap(src, netOut);
                }
                if (netOut.position() > 0) {
                    rawOut.write(netOut.array(), 0, netOut.position());
                }
                if (r.status() == TlsResult.Status.CLOSED) {
                    synchronized (engineLock) {
                        if (engine.failure() != null) {
                            throw engine.failure();
                        }
                    }
                    throw new SocketException("the TLS connection is closed for writing (close_notify was sent)");
                }
                if (r.bytesConsumed() == 0 && r.bytesProduced() == 0) {
                    throw new IOException("the TLS engine took no data and produced nothing (" + r + ")");
                }
            }
            rawOut.flush();
        } finally {
            writeLock.unlock();
        }
        sendPendingAnswer();
    }

    /**
     * Sends a KeyUpdate now (RFC 8446, Section 4.6.3) and switches to the next write key; with
     * {@code requestPeerUpdate} the peer is asked to update its own key too (its answer is handled by
     * the reading side). Runs the handshake first if it has not run.
     */
    public void requestKeyUpdate(boolean requestPeerUpdate) throws IOException {
        startHandshake();
        writeLock.lock();
        try {
            if (outputShut || closed) {
                throw new SocketException("the TLS connection is closed for writing");
            }
            synchronized (engineLock) {
                engine.requestKeyUpdate(requestPeerUpdate);
            }
            flushLocked();
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Half-close: sends close_notify and shuts the TCP output down; reading continues until the peer's
     * close_notify. Runs the handshake first if it has not run.
     */
    public void shutdownOutput() throws IOException {
        startHandshake();
        writeLock.lock();
        try {
            if (outputShut) {
                return;
            }
            outputShut = true;
            synchronized (engineLock) {
                engine.closeOutbound();
            }
            flushLocked();
            socket.shutdownOutput();
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Sends close_notify (if the handshake completed, the output is not already shut, and the writer
     * releases its lock within one second) and closes the socket. Idempotent.
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (handshakeDone && !outputShut) {
                boolean locked = false;
                try {
                    locked = writeLock.tryLock(1, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (locked) {
                    try {
                        outputShut = true;
                        synchronized (engineLock) {
                            engine.closeOutbound();
                        }
                        flushLocked();
                    } catch (IOException ignored) {
                        // the peer may be gone already; closing the socket is what matters now
                    } finally {
                        writeLock.unlock();
                    }
                }
            }
        } finally {
            socket.close();
        }
    }

    private void closeSocketQuietly() {
        closed = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // already failing
        }
    }

    @Override
    public String toString() {
        return "TlsSocket[" + (isClientMode() ? "client" : "server") + ", " + socket.getLocalSocketAddress() + " -> "
                + socket.getRemoteSocketAddress() + (handshakeDone ? ", " + engineSession() : ", no handshake yet") + "]";
    }

    private Object engineSession() {
        synchronized (engineLock) {
            return engine.session();
        }
    }

    private final class TlsInputStream extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            // read(byte[],...) returns -1 or at least one byte for len 1
            int n = TlsSocket.this.read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return TlsSocket.this.read(b, off, len);
        }

        /** Decrypted bytes ready without blocking. */
        @Override
        public int available() {
            if (!readLock.tryLock()) {
                return 0;
            }
            try {
                return appIn.remaining();
            } finally {
                readLock.unlock();
            }
        }

        @Override
        public void close() throws IOException {
            TlsSocket.this.close();
        }
    }

    private final class TlsOutputStream extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            TlsSocket.this.write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            TlsSocket.this.write(b, off, len);
        }

        @Override
        public void flush() {
            // every write is sent at once
        }

        @Override
        public void close() throws IOException {
            TlsSocket.this.close();
        }
    }
}
