package org.tls4j.crypto.hash;

/**
 * SHA-224 (FIPS 180-4, Section 6.3): SHA-256 with another initial value, truncated to 28 bytes.
 *
 * <p>constant-time: yes (as {@link Sha256}).
 */
public final class Sha224 extends Sha256Core {
    private static final int[] IV = {
        0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939, 0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4,
    };

    /** A fresh SHA-224 computation. */
    public Sha224() {
        super("SHA-224", 28, IV);
    }

    @Override
    BlockDigest newInstance() {
        return new Sha224();
    }
}
