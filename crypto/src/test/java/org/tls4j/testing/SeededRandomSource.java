package org.tls4j.testing;

import org.tls4j.crypto.hash.Shake;
import org.tls4j.crypto.rand.RandomSource;

/**
 * A deterministic random source for tests: the SHAKE128 output stream of the seed. The same seed always
 * gives the same bytes, across runs and machines. Never use it outside tests.
 */
public final class SeededRandomSource implements RandomSource {
    private final Shake stream;

    public SeededRandomSource(long seed) {
        this(longBytes(seed));
    }

    public SeededRandomSource(byte[] seed) {
        stream = Shake.shake128();
        stream.absorb("tls4j test random".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        stream.absorb(seed);
    }

    @Override
    public synchronized void nextBytes(byte[] out, int off, int len) {
        stream.squeeze(out, off, len);
    }

    private static byte[] longBytes(long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (v >>> (56 - 8 * i));
        }
        return b;
    }
}
