package org.tls4j;

import java.nio.ByteBuffer;
import java.util.function.IntUnaryOperator;

/**
 * Two engines connected in memory. {@link #handshake()} pumps bytes both ways until both are done or
 * one fails; {@code chunk} limits how many bytes move per step (to exercise fragmentation).
 */
final class EnginePair {
    final TlsEngine client;
    final TlsEngine server;
    final ByteBuffer c2s = ByteBuffer.allocate(1 << 20);
    final ByteBuffer s2c = ByteBuffer.allocate(1 << 20);
    TlsException clientFailure;
    TlsException serverFailure;
    boolean clientFinished;
    boolean serverFinished;

    EnginePair(TlsConfig clientConfig, TlsConfig serverConfig) {
        this(TlsEngine.client(clientConfig), TlsEngine.server(serverConfig));
    }

    EnginePair(TlsEngine client, TlsEngine server) {
        this.client = client;
        this.server = server;
    }

    /** Runs the handshake with whole buffers. True when both completed. */
    boolean handshake() {
        return handshake(n -> n);
    }

    /** Runs the handshake, moving at most {@code chunk.applyAsInt(available)} bytes per unwrap. */
    boolean handshake(IntUnaryOperator chunk) {
        ByteBuffer empty = ByteBuffer.allocate(0);
        ByteBuffer app = ByteBuffer.allocate(1 << 15);
        for (int round = 0; round < 100000; round++) {
            boolean progress = false;
            progress |= step(client, empty, c2s, true);
            progress |= step(server, empty, s2c, false);
            progress |= feed(c2s, server, app, chunk, false);
            progress |= feed(s2c, client, app, chunk, true);
            if (clientFailure != null && serverFailure != null) {
                return false;
            }
            boolean cDone = client.handshakeStatus() == TlsResult.HandshakeStatus.NOT_HANDSHAKING;
            boolean sDone = server.handshakeStatus() == TlsResult.HandshakeStatus.NOT_HANDSHAKING;
            if (cDone && sDone && c2s.position() == 0 && s2c.position() == 0) {
                return clientFailure == null && serverFailure == null && client.session() != null
                        && server.session() != null;
            }
            if (!progress) {
                return false;
            }
        }
        throw new AssertionError("handshake did not terminate");
    }

    private boolean step(TlsEngine e, ByteBuffer empty, ByteBuffer out, boolean isClient) {
        try {
            TlsResult r = e.wrap(empty, out);
            note(r, isClient);
            return r.bytesProduced() > 0;
        } catch (TlsException ex) {
            record(ex, isClient);
            return false;
        }
    }

    private boolean feed(ByteBuffer net, TlsEngine to, ByteBuffer app, IntUnaryOperator chunk, boolean isClient) {
        if (net.position() == 0 || (isClient ? clientFailure : serverFailure) != null) {
            return false;
        }
        net.flip();
        int n = Math.max(1, Math.min(net.remaining(), chunk.applyAsInt(net.remaining())));
        ByteBuffer slice = net.duplicate();
        slice.limit(slice.position() + n);
        boolean progress = false;
        try {
            TlsResult r = to.unwrap(slice, app);
            note(r, isClient);
            progress = r.bytesConsumed() > 0 || r.bytesProduced() > 0;
        } catch (TlsException ex) {
            record(ex, isClient);
            progress = true;
        }
        net.position(slice.position());
        net.compact();
        return progress;
    }

    private void note(TlsResult r, boolean isClient) {
        if (r.handshakeStatus() == TlsResult.HandshakeStatus.FINISHED) {
            if (isClient) {
                clientFinished = true;
            } else {
                serverFinished = true;
            }
        }
    }

    private void record(TlsException ex, boolean isClient) {
        if (isClient) {
            if (clientFailure == null) {
                clientFailure = ex;
            }
        } else if (serverFailure == null) {
            serverFailure = ex;
        }
    }

    /** Sends {@code data} from {@code from} and returns what the other engine reads. */
    byte[] transfer(TlsEngine from, TlsEngine to, byte[] data) throws TlsException {
        ByteBuffer src = ByteBuffer.wrap(data);
        ByteBuffer net = ByteBuffer.allocate(data.length + 64 * 1024);
        while (src.hasRemaining()) {
            TlsResult r = from.wrap(src, net);
            if (r.status() != TlsResult.Status.OK) {
                throw new AssertionError("wrap: " + r);
            }
        }
        net.flip();
        ByteBuffer app = ByteBuffer.allocate(data.length + 1);
        while (net.hasRemaining()) {
            TlsResult r = to.unwrap(net, app);
            if (r.status() != TlsResult.Status.OK) {
                throw new AssertionError("unwrap: " + r);
            }
        }
        app.flip();
        byte[] out = new byte[app.remaining()];
        app.get(out);
        return out;
    }
}
