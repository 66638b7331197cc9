package org.tls4j.crypto.hash;

/**
 * An extendable-output function (FIPS 202, Section 6.2): absorb any amount of input, then squeeze any
 * amount of output. Once squeezing has started, absorbing is a programming error
 * (IllegalStateException) until {@link #reset()}. Implementations are not thread-safe.
 */
public interface Xof {
    /** The algorithm name, e.g. {@code "SHAKE256"}. */
    String algorithm();

    void absorb(byte b);

    void absorb(byte[] in, int off, int len);

    default void absorb(byte[] in) {
        absorb(in, 0, in.length);
    }

    /** Writes the next {@code len} output bytes to {@code out} at {@code off}; ends absorbing on first use. */
    void squeeze(byte[] out, int off, int len);

    /** The next {@code len} output bytes. */
    default byte[] squeeze(int len) {
        byte[] out = new byte[len];
        squeeze(out, 0, len);
        return out;
    }

    /** Back to the empty, absorbing state. */
    void reset();

    /** An independent copy of the running state (absorbing or squeezing). */
    Xof copy();
}
