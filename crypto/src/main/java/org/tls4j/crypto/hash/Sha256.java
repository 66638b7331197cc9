package org.tls4j.crypto.hash;

/**
 * SHA-256 (FIPS 180-4, Section 6.2): 32-byte output, 64-byte blocks. The hash of TLS 1.2's PRF and of
 * most TLS 1.3 cipher suites (RFC 8446, Section 7.1).
 *
 * <p>constant-time: yes. The computation has no branch or memory index that depends on the data; only
 * the (public) input length decides how many blocks are compressed.
 */
public final class Sha256 extends Sha256Core {
    private static final int[] IV = {
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    };

    /** A fresh SHA-256 computation. */
    public Sha256() {
        super("SHA-256", 32, IV);
    }

    @Override
    BlockDigest newInstance() {
        return new Sha256();
    }

    /** SHA-256 of {@code data} in one call. */
    public static byte[] hash(byte[] data) {
        Sha256 d = new Sha256();
        d.update(data, 0, data.length);
        return d.digest();
    }
}
