package org.tls4j.crypto.hash;

/**
 * SHA-384 (FIPS 180-4, Section 6.5): SHA-512 with another initial value, truncated to 48 bytes. The
 * hash of TLS_AES_256_GCM_SHA384 and of the SHA-384 TLS 1.2 suites.
 *
 * <p>constant-time: yes (as {@link Sha512}).
 */
public final class Sha384 extends Sha512Core {
    private static final long[] IV = {
        0xcbbb9d5dc1059ed8L, 0x629a292a367cd507L, 0x9159015a3070dd17L, 0x152fecd8f70e5939L,
        0x67332667ffc00b31L, 0x8eb44a8768581511L, 0xdb0c2e0d64f98fa7L, 0x47b5481dbefa4fa4L,
    };

    /** A fresh SHA-384 computation. */
    public Sha384() {
        super("SHA-384", 48, IV);
    }

    @Override
    BlockDigest newInstance() {
        return new Sha384();
    }
}
