package org.tls4j.crypto.hash;

import java.util.Arrays;

/**
 * MD5 (RFC 1321): 16-byte output, 64-byte blocks, little-endian words.
 *
 * <p><b>Legacy.</b> MD5 is broken: collisions take seconds (Wang et al., 2004) and chosen-prefix
 * collisions forged a CA certificate in 2008, so it must never be used for signatures or certificates.
 * tls4j has it only because the TLS 1.0/1.1 PRF (RFC 2246, Section 5), HMAC-MD5 record MACs and the
 * SSL 3.0 MAC and key derivation (RFC 6101) are defined with it; the suites and versions that need it
 * are off by default.
 *
 * <p>constant-time: yes. No branch or memory index depends on the data.
 */
public final class Md5 extends BlockDigest {
    /** Per-step left-rotation amounts (RFC 1321, Section 3.4), four per round. */
    private static final int[] S = {7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21};

    /** T[i] = floor(2^32 * |sin(i + 1)|) (RFC 1321, Section 3.4). */
    private static final int[] T = {
        0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
        0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
        0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
        0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
        0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
        0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
        0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
        0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
    };

    private final int[] h = new int[4];
    /** The 16 words of the current block (scratch; wiped on reset). */
    private final int[] x = new int[16];

    /** A fresh MD5 computation. */
    public Md5() {
        super(64, 8, true);
        resetState();
    }

    @Override
    void compress(byte[] in, int off) {
        final int[] x = this.x;
        for (int i = 0; i < 16; i++) {
            x[i] = readIntLE(in, off + 4 * i);
        }
        int a = h[0], b = h[1], c = h[2], d = h[3];
        // 64 steps: a = b + ((a + f(b,c,d) + X[k] + T[i]) <<< s), then rotate (a,b,c,d) -> (d,a,b,c).
        // The word index k and the function f change per round of 16 (RFC 1321, Section 3.4).
        for (int i = 0; i < 64; i++) {
            int f;
            int k;
            if (i < 16) {
                f = (b & c) | (~b & d);
                k = i;
            } else if (i < 32) {
                f = (b & d) | (c & ~d);
                k = (5 * i + 1) & 15;
            } else if (i < 48) {
                f = b ^ c ^ d;
                k = (3 * i + 5) & 15;
            } else {
                f = c ^ (b | ~d);
                k = (7 * i) & 15;
            }
            int tmp = d;
            d = c;
            c = b;
            b = b + Integer.rotateLeft(a + f + x[k] + T[i], S[((i >>> 4) << 2) | (i & 3)]);
            a = tmp;
        }
        h[0] += a;
        h[1] += b;
        h[2] += c;
        h[3] += d;
    }

    @Override
    void output(byte[] out, int off) {
        for (int i = 0; i < 4; i++) {
            writeIntLE(h[i], out, off + 4 * i);
        }
    }

    @Override
    void resetState() {
        Arrays.fill(x, 0);
        h[0] = 0x67452301;
        h[1] = 0xefcdab89;
        h[2] = 0x98badcfe;
        h[3] = 0x10325476;
    }

    @Override
    void copyStateFrom(BlockDigest other) {
        System.arraycopy(((Md5) other).h, 0, h, 0, 4);
    }

    @Override
    BlockDigest newInstance() {
        return new Md5();
    }

    @Override
    public String algorithm() {
        return "MD5";
    }

    @Override
    public int digestLength() {
        return 16;
    }
}
