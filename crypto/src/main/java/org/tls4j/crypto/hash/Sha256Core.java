package org.tls4j.crypto.hash;

import java.util.Arrays;

/**
 * The SHA-256 compression function (FIPS 180-4, Section 6.2), shared by SHA-256 and SHA-224, which
 * differ only in the initial hash value and the output length (Section 6.3).
 *
 * <p>The message schedule lives in a field, so a block costs no allocation; the 64 rounds run eight at
 * a time with the working variables renamed instead of shifted (the usual trick, e.g. in Bouncy Castle
 * and OpenSSL), which saves seven register moves per round.
 */
abstract class Sha256Core extends BlockDigest {
    /** The 64 round constants K: the first 32 bits of the fractional parts of the cube roots of the first 64 primes. */
    private static final int[] K = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    };

    /** The chaining value H0..H7. */
    final int[] h = new int[8];
    /** The message schedule W0..W63 (scratch; wiped on reset). */
    private final int[] w = new int[64];

    /** What the subclass (the final hash) fixes; the compression function is the same for both. */
    private final String algorithm;
    private final int digestLength;
    /** H(0) of FIPS 180-4, Section 5.3.2 (SHA-224) or 5.3.3 (SHA-256). */
    private final int[] initialValue;

    Sha256Core(String algorithm, int digestLength, int[] initialValue) {
        super(64, 8, false);
        this.algorithm = algorithm;
        this.digestLength = digestLength;
        this.initialValue = initialValue;
        resetState();
    }

    @Override
    final void compress(byte[] in, int off) {
        final int[] w = this.w;
        for (int t = 0; t < 16; t++) {
            w[t] = readIntBE(in, off + 4 * t);
        }
        for (int t = 16; t < 64; t++) {
            int x = w[t - 2];
            int y = w[t - 15];
            int s1 = Integer.rotateRight(x, 17) ^ Integer.rotateRight(x, 19) ^ (x >>> 10);
            int s0 = Integer.rotateRight(y, 7) ^ Integer.rotateRight(y, 18) ^ (y >>> 3);
            w[t] = s1 + w[t - 7] + s0 + w[t - 16];
        }
        int a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
        // One round: T1 = h + Σ1(e) + Ch(e,f,g) + K[t] + W[t]; T2 = Σ0(a) + Maj(a,b,c);
        // Ch(e,f,g) = (e AND f) XOR (NOT e AND g) is computed as g XOR (e AND (f XOR g)), and
        // Maj(a,b,c) = (a AND b) XOR (a AND c) XOR (b AND c) as (a AND b) OR (c AND (a OR b)):
        // same values, fewer operations.
        // d += T1; h = T1 + T2. The next round then names (h,a,b,c,d,e,f,g) as (a,b,...,h).
        for (int t = 0; t < 64; t += 8) {
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

    /** Σ0 of FIPS 180-4, (4.4). */
    private static int sigma0(int x) {
        return Integer.rotateRight(x, 2) ^ Integer.rotateRight(x, 13) ^ Integer.rotateRight(x, 22);
    }

    /** Σ1 of FIPS 180-4, (4.5). */
    private static int sigma1(int x) {
        return Integer.rotateRight(x, 6) ^ Integer.rotateRight(x, 11) ^ Integer.rotateRight(x, 25);
    }

    @Override
    final void output(byte[] out, int off) {
        int words = digestLength() / 4;
        for (int i = 0; i < words; i++) {
            writeIntBE(h[i], out, off + 4 * i);
        }
    }

    @Override
    final void resetState() {
        Arrays.fill(w, 0);
        System.arraycopy(initialValue, 0, h, 0, 8);
    }

    @Override
    final void copyStateFrom(BlockDigest other) {
        System.arraycopy(((Sha256Core) other).h, 0, h, 0, 8);
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
