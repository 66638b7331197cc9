package org.tls4j.testing;

import org.tls4j.crypto.rand.RandomSource;

/**
 * A random source for tests that hands out a given byte sequence, in order, and fails the test
 * (AssertionError) when asked for more than it holds. RFC 8448 traces inject their randomness with it.
 */
public final class FixedRandomSource implements RandomSource {
    private final byte[] bytes;
    private int pos;

    public FixedRandomSource(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    /** From hex, e.g. the {@code Client_RNG_Pool} of a Botan transcript. */
    public static FixedRandomSource ofHex(String hex) {
        return new FixedRandomSource(Hex.decode(hex));
    }

    @Override
    public synchronized void nextBytes(byte[] out, int off, int len) {
        if (len > bytes.length - pos) {
            throw new AssertionError("FixedRandomSource exhausted: asked for " + len + " bytes, " + (bytes.length - pos)
                    + " of " + bytes.length + " left");
        }
        System.arraycopy(bytes, pos, out, off, len);
        pos += len;
    }

    /** How many bytes have been handed out. */
    public synchronized int consumed() {
        return pos;
    }

    /** How many bytes are left. */
    public synchronized int remaining() {
        return bytes.length - pos;
    }
}
