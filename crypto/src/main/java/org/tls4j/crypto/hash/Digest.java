package org.tls4j.crypto.hash;

/**
 * An incremental hash function. Implementations are not thread-safe.
 *
 * <p>{@link #copy()} returns an independent snapshot of the running state, cheaply: TLS takes
 * transcript-hash snapshots in the middle of a handshake and keeps hashing.
 */
public interface Digest {
    /** The algorithm name, e.g. {@code "SHA-256"}. */
    String algorithm();

    /** Output length in bytes. */
    int digestLength();

    /** Internal block length in bytes (what HMAC pads keys to). */
    int blockLength();

    void update(byte b);

    void update(byte[] in, int off, int len);

    default void update(byte[] in) {
        update(in, 0, in.length);
    }

    /** Writes the hash of everything fed so far to {@code out} at {@code off}, then resets. */
    void digest(byte[] out, int off);

    /** Returns the hash of everything fed so far, then resets. */
    default byte[] digest() {
        byte[] out = new byte[digestLength()];
        digest(out, 0);
        return out;
    }

    /** Back to the initial state. */
    void reset();

    /** An independent copy of the running state. */
    Digest copy();
}
