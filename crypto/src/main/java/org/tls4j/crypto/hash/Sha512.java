package org.tls4j.crypto.hash;

/**
 * SHA-512 (FIPS 180-4, Section 6.4): 64-byte output, 128-byte blocks.
 *
 * <p>constant-time: yes. No branch or memory index depends on the data; only the (public) input length
 * decides how many blocks are compressed.
 */
public final class Sha512 extends Sha512Core {
    private static final long[] IV = {
        0x6a09e667f3bcc908L, 0xbb67ae8584caa73bL, 0x3c6ef372fe94f82bL, 0xa54ff53a5f1d36f1L,
        0x510e527fade682d1L, 0x9b05688c2b3e6c1fL, 0x1f83d9abfb41bd6bL, 0x5be0cd19137e2179L,
    };

    /** A fresh SHA-512 computation. */
    public Sha512() {
        super("SHA-512", 64, IV);
    }

    @Override
    BlockDigest newInstance() {
        return new Sha512();
    }
}
