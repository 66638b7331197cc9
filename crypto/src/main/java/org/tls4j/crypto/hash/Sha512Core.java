package org.tls4j.crypto.hash;

import java.util.Arrays;

/**
 * The SHA-512 compression function (FIPS 180-4, Section 6.4), shared by SHA-512 and SHA-384, which
 * differ only in the initial hash value and the output length (Section 6.5). 64-bit words, 128-byte
 * blocks, a 128-bit length field, 80 rounds run eight at a time with renamed working variables.
 */
abstract class Sha512Core extends BlockDigest {
    /** The 80 round constants K: the first 64 bits of the fractional parts of the cube roots of the first 80 primes. */
    private static final long[] K = {
        0x428a2f98d728ae22L, 0x7137449123ef65cdL, 0xb5c0fbcfec4d3b2fL, 0xe9b5dba58189dbbcL,
        0x3956c25bf348b538L, 0x59f111f1b605d019L, 0x923f82a4af194f9bL, 0xab1c5ed5da6d8118L,
        0xd807aa98a3030242L, 0x12835b0145706fbeL, 0x243185be4ee4b28cL, 0x550c7dc3d5ffb4e2L,
        0x72be5d74f27b896fL, 0x80deb1fe3b1696b1L, 0x9bdc06a725c71235L, 0xc19bf174cf692694L,
        0xe49b69c19ef14ad2L, 0xefbe4786384f25e3L, 0x0fc19dc68b8cd5b5L, 0x240ca1cc77ac9c65L,
        0x2de92c6f592b0275L, 0x4a7484aa6ea6e483L, 0x5cb0a9dcbd41fbd4L, 0x76f988da831153b5L,
        0x983e5152ee66dfabL, 0xa831c66d2db43210L, 0xb00327c898fb213fL, 0xbf597fc7beef0ee4L,
        0xc6e00bf33da88fc2L, 0xd5a79147930aa725L, 0x06ca6351e003826fL, 0x142929670a0e6e70L,
        0x27b70a8546d22ffcL, 0x2e1b21385c26c926L, 0x4d2c6dfc5ac42aedL, 0x53380d139d95b3dfL,
        0x650a73548baf63deL, 0x766a0abb3c77b2a8L, 0x81c2c92e47edaee6L, 0x92722c851482353bL,
        0xa2bfe8a14cf10364L, 0xa81a664bbc423001L, 0xc24b8b70d0f89791L, 0xc76c51a30654be30L,
        0xd192e819d6ef5218L, 0xd69906245565a910L, 0xf40e35855771202aL, 0x106aa07032bbd1b8L,
        0x19a4c116b8d2d0c8L, 0x1e376c085141ab53L, 0x2748774cdf8eeb99L, 0x34b0bcb5e19b48a8L,
        0x391c0cb3c5c95a63L, 0x4ed8aa4ae3418acbL, 0x5b9cca4f7763e373L, 0x682e6ff3d6b2b8a3L,
        0x748f82ee5defb2fcL, 0x78a5636f43172f60L, 0x84c87814a1f0ab72L, 0x8cc702081a6439ecL,
        0x90befffa23631e28L, 0xa4506cebde82bde9L, 0xbef9a3f7b2c67915L, 0xc67178f2e372532bL,
        0xca273eceea26619cL, 0xd186b8c721c0c207L, 0xeada7dd6cde0eb1eL, 0xf57d4f7fee6ed178L,
        0x06f067aa72176fbaL, 0x0a637dc5a2c898a6L, 0x113f9804bef90daeL, 0x1b710b35131c471bL,
        0x28db77f523047d84L, 0x32caab7b40c72493L, 0x3c9ebe0a15c9bebcL, 0x431d67c49c100d4cL,
        0x4cc5d4becb3e42b6L, 0x597f299cfc657e2aL, 0x5fcb6fab3ad6faecL, 0x6c44198c4a475817L,
    };

    /** The chaining value H0..H7. */
    final long[] h = new long[8];
    /** The message schedule W0..W79 (scratch; wiped on reset). */
    private final long[] w = new long[80];

    /** What the subclass (the final hash) fixes; the compression function is the same for both. */
    private final String algorithm;
    private final int digestLength;
    /** H(0) of FIPS 180-4, Section 5.3.4 (SHA-384) or 5.3.5 (SHA-512). */
    private final long[] initialValue;

    Sha512Core(String algorithm, int digestLength, long[] initialValue) {
        super(128, 16, false);
        this.algorithm = algorithm;
        this.digestLength = digestLength;
        this.initialValue = initialValue;
        resetState();
    }

    @Override
    final void compress(byte[] in, int off) {
        final long[] w = this.w;
        for (int t = 0; t < 16; t++) {
            w[t] = readLongBE(in, off + 8 * t);
        }
        for (int t = 16; t < 80; t++) {
            long x = w[t - 2];
            long y = w[t - 15];
            long s1 = Long.rotateRight(x, 19) ^ Long.rotateRight(x, 61) ^ (x >>> 6);
            long s0 = Long.rotateRight(y, 1) ^ Long.rotateRight(y, 8) ^ (y >>> 7);
            w[t] = s1 + w[t - 7] + s0 + w[t - 16];
        }
        long a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
        // Same renaming scheme as Sha256Core: eight rounds per iteration, no variable shuffling.
        for (int t = 0; t < 80; t += 8) {
            hh += sigma1(e) + (g ^ (e & (f ^ g))) + K[t] + w[t];
            d += hh;
            hh += sigma0(a) + ((a & b) | (c & (a | b)));

            g += sigma1(d) + (f ^ (d & (e ^ f))) + K[t + 1] + w[t + 1];
            c += g;
            g += sigma0(hh) + ((hh & a) | (b & (hh | a)));

            f += sigma1(c) + (e ^ (c & (d ^ e))) + K[t + 2] + w[t + 2];
            b += f;
            f += sigma0(g) + ((g & hh) | (a & (g | hh)));

            e += sigma1(b) + (d ^ (b & (c ^ d))) + K[t + 3] + w[t + 3];
            a += e;
            e += sigma0(f) + ((f & g) | (hh & (f | g)));

            d += sigma1(a) + (c ^ (a & (b ^ c))) + K[t + 4] + w[t + 4];
            hh += d;
            d += sigma0(e) + ((e & f) | (g & (e | f)));

            c += sigma1(hh) + (b ^ (hh & (a ^ b))) + K[t + 5] + w[t + 5];
            g += c;
            c += sigma0(d) + ((d & e) | (f & (d | e)));

            b += sigma1(g) + (a ^ (g & (hh ^ a))) + K[t + 6] + w[t + 6];
            f += b;
            b += sigma0(c) + ((c & d) | (e & (c | d)));

            a += sigma1(f) + (hh ^ (f & (g ^ hh))) + K[t + 7] + w[t + 7];
            e += a;
            a += sigma0(b) + ((b & c) | (d & (b | c)));
        }
        h[0] += a;
        h[1] += b;
        h[2] += c;
        h[3] += d;
        h[4] += e;
        h[5] += f;
        h[6] += g;
        h[7] += hh;
    }

    /** Σ0 of FIPS 180-4, (4.10). */
    private static long sigma0(long x) {
        return Long.rotateRight(x, 28) ^ Long.rotateRight(x, 34) ^ Long.rotateRight(x, 39);
    }

    /** Σ1 of FIPS 180-4, (4.11). */
    private static long sigma1(long x) {
        return Long.rotateRight(x, 14) ^ Long.rotateRight(x, 18) ^ Long.rotateRight(x, 41);
    }

    @Override
    final void output(byte[] out, int off) {
        int words = digestLength() / 8;
        for (int i = 0; i < words; i++) {
            writeLongBE(h[i], out, off + 8 * i);
        }
    }

    @Override
    final void resetState() {
        Arrays.fill(w, 0L);
        System.arraycopy(initialValue, 0, h, 0, 8);
    }

    @Override
    final void copyStateFrom(BlockDigest other) {
        System.arraycopy(((Sha512Core) other).h, 0, h, 0, 8);
    }

    @Override
    public final String algorithm() {
        return algorithm;
    }

    @Override
    public final int digestLength() {
        return digestLength;
    }
}
