package org.tls4j.crypto.rsa;

import java.math.BigInteger;

/** Small shared helpers of the RSA package (integer/octet-string conversion, RFC 8017, Section 4). */
final class Rsa {
    private Rsa() {}

    /** I2OSP for a public value: x as exactly {@code len} big-endian bytes (x must fit). */
    static byte[] i2osp(BigInteger x, int len) {
        byte[] b = x.toByteArray();
        byte[] out = new byte[len];
        int start = 0;
        while (start < b.length - 1 && b[start] == 0) { // public value: strip sign/leading zero bytes
            start++;
        }
        int n = b.length - start;
        if (n > len) {
            throw new IllegalArgumentException("integer too large for " + len + " bytes");
        }
        System.arraycopy(b, start, out, len - n, n);
        return out;
    }

    /** The minimal unsigned big-endian encoding of a public positive value. */
    static byte[] unsigned(BigInteger x) {
        return i2osp(x, Math.max(1, (x.bitLength() + 7) / 8));
    }
}
