package org.tls4j.handshake.tls13;

import java.util.Arrays;

import org.tls4j.crypto.hash.Digest;
import org.tls4j.handshake.HandshakeType;
import org.tls4j.handshake.RawHandshakeMessage;

/**
 * The running transcript hash of a TLS 1.3 handshake (RFC 8446, Section 4.4.1):
 * {@code Transcript-Hash(M1, M2, ... Mn) = Hash(M1 || M2 || ... || Mn)}, over whole handshake messages
 * (header included, record framing excluded).
 *
 * <p>The hash is the negotiated suite's, which a client learns only from ServerHello (or
 * HelloRetryRequest). Until {@link #start(Digest)} is called, messages are buffered; then they are fed
 * to the hash in order. {@link #hash()} hashes a snapshot ({@link Digest#copy()}), so the transcript
 * keeps running: Derive-Secret needs the hash at several points of one handshake.
 *
 * <p>After a HelloRetryRequest the first ClientHello is replaced by a synthetic message
 * ({@link #replaceWithMessageHash()}):
 * <pre>
 * Transcript-Hash(ClientHello1, HelloRetryRequest, ... Mn) =
 *     Hash(message_hash ||        /* Handshake type *&#47;
 *          00 00 Hash.length  ||  /* Handshake message length (bytes) *&#47;
 *          Hash(ClientHello1) ||  /* Hash of ClientHello1 *&#47;
 *          HelloRetryRequest  || ... || Mn)
 * </pre>
 *
 * The transcript is public data (every byte was on the wire or is derived from what was), so nothing
 * here needs to be constant-time.
 */
public final class Transcript {
    private Digest digest;
    private byte[] pending = new byte[0];

    /** A transcript whose hash is not known yet: messages are buffered until {@link #start}. */
    public Transcript() {}

    /** A transcript hashed with {@code digest} (which is reset first). */
    public Transcript(Digest digest) {
        start(digest);
    }

    /** Chooses the hash and feeds it everything buffered so far. May be called once. */
    public void start(Digest d) {
        if (digest != null) {
            throw new IllegalStateException("the transcript hash is already chosen");
        }
        d.reset();
        d.update(pending);
        pending = null;
        digest = d;
    }

    /** True once the hash is chosen. */
    public boolean isStarted() {
        return digest != null;
    }

    /** Adds one whole handshake message (header and body). */
    public void add(byte[] encodedMessage) {
        if (digest != null) {
            digest.update(encodedMessage);
        } else {
            byte[] p = Arrays.copyOf(pending, pending.length + encodedMessage.length);
            System.arraycopy(encodedMessage, 0, p, pending.length, encodedMessage.length);
            pending = p;
        }
    }

    /** Adds a message exactly as it was received. */
    public void add(RawHandshakeMessage m) {
        add(m.encoded());
    }

    /** Transcript-Hash of everything added so far; the transcript keeps running. */
    public byte[] hash() {
        requireStarted();
        return digest.copy().digest();
    }

    /** An independent copy (for example to compute a hash "up to here" later). */
    public Transcript copy() {
        requireStarted();
        Transcript t = new Transcript();
        t.pending = null;
        t.digest = digest.copy();
        return t;
    }

    /**
     * Replaces the transcript so far, which must be exactly ClientHello1, by the synthetic
     * {@code message_hash} message of RFC 8446, Section 4.4.1. Call it when the HelloRetryRequest arrives
     * (client) or is sent (server), before adding the HelloRetryRequest itself.
     */
    public void replaceWithMessageHash() {
        requireStarted();
        byte[] h = digest.digest(); // also resets
        digest.update(messageHash(h));
    }

    /**
     * The synthetic handshake message {@code message_hash(254) || 00 00 Hash.length || Hash(ClientHello1)}
     * (RFC 8446, Section 4.4.1). A stateless server rebuilds the transcript from it.
     */
    public static byte[] messageHash(byte[] clientHello1Hash) {
        if (clientHello1Hash.length > 0xff) {
            throw new IllegalArgumentException("hash too long");
        }
        byte[] m = new byte[4 + clientHello1Hash.length];
        m[0] = (byte) HandshakeType.MESSAGE_HASH.code;
        m[3] = (byte) clientHello1Hash.length;
        System.arraycopy(clientHello1Hash, 0, m, 4, clientHello1Hash.length);
        return m;
    }

    private void requireStarted() {
        if (digest == null) {
            throw new IllegalStateException("the transcript hash is not chosen yet");
        }
    }
}
