package org.tls4j.crypto.rand;

/**
 * Where every random byte tls4j uses comes from. Production code uses the HMAC-DRBG seeded from
 * {@code SecureRandom}; tests replace it with a fixed sequence (RFC 8448 traces need exact randomness).
 */
public interface RandomSource {
    /** Fills {@code out[off .. off+len)} with random bytes. */
    void nextBytes(byte[] out, int off, int len);

    default byte[] nextBytes(int len) {
        byte[] b = new byte[len];
        nextBytes(b, 0, len);
        return b;
    }
}
