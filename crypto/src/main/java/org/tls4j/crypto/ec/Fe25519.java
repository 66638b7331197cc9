package org.tls4j.crypto.ec;

import org.tls4j.crypto.ct.ConstantTime;

/**
 * Arithmetic in GF(2^255 - 19) for X25519 and Ed25519, on ten signed limbs in radix 2^25.5: limb i
 * holds bits from position ceil(25.5·i), alternately 26 and 25 bits wide (the representation of
 * Bernstein's curve25519 paper, Section 4, and of the "ref10" code). Products of two limbs fit a
 * {@code long}; a product of two odd-indexed limbs counts twice because their positions add up to one
 * bit more than the target limb's; terms that pass 2^255 wrap around multiplied by 19 (2^255 = 19 mod p).
 *
 * <p>Bounds: {@link #carry} leaves every limb below 2^26 in absolute value; {@link #add} and
 * {@link #sub} of two carried elements stay below 2^27, and {@link #mul} accepts inputs up to 2^27
 * (ten terms of at most 38·2^54 each stay below 2^63). Results of {@code mul}, {@code sqr} and
 * {@code mul121665} are carried.
 *
 * <p>constant-time: yes. Every loop has a fixed count; selection is by mask.
 */
final class Fe25519 {
    private Fe25519() {}

    static final int LIMBS = 10;

    static int[] create() {
        return new int[LIMBS];
    }

    static int[] one() {
        int[] r = new int[LIMBS];
        r[0] = 1;
        return r;
    }

    static int[] of(int v) {
        int[] r = new int[LIMBS];
        r[0] = v;
        return r;
    }

    private static int width(int i) {
        return 26 - (i & 1);
    }

    /** Loads 32 little-endian bytes, ignoring the top bit (RFC 7748, Section 5; RFC 8032, Section 5.1.3). */
    static void fromBytes(int[] h, byte[] s, int off) {
        long acc = 0;
        int accBits = 0;
        int b = 0;
        for (int i = 0; i < LIMBS; i++) {
            int w = width(i);
            while (accBits < w) {
                acc |= (long) (s[off + b++] & 0xff) << accBits;
                accBits += 8;
            }
            h[i] = (int) (acc & ((1L << w) - 1));
            acc >>>= w;
            accBits -= w;
        }
    }

    /** Writes the canonical (fully reduced) little-endian 32-byte encoding. */
    static void toBytes(byte[] s, int off, int[] f) {
        int[] h = f.clone();
        reduce(h);
        long acc = 0;
        int accBits = 0;
        int b = 0;
        for (int i = 0; i < LIMBS; i++) {
            acc |= (long) h[i] << accBits;
            accBits += width(i);
            while (accBits >= 8) {
                s[off + b++] = (byte) acc;
                acc >>>= 8;
                accBits -= 8;
            }
        }
        s[off + b] = (byte) acc; // the last 7 bits (255 = 31·8 + 7)
        ConstantTime.zero(h);
    }

    /** Brings h to its unique representative in [0, p) with every limb in [0, 2^width). */
    private static void reduce(int[] h) {
        long[] t = new long[LIMBS];
        for (int i = 0; i < LIMBS; i++) {
            t[i] = h[i];
        }
        carryLong(t);
        carryLong(t);
        carryLong(t);
        // Now every limb is in [0, 2^width) except that limb 1 may exceed by a few bits, so the value V
        // is non-negative and below 2p. V >= p exactly when V + 19 reaches 2^255: find that carry q
        // first, then add 19·q and drop bit 255, which subtracts q·p.
        long c = 19;
        for (int i = 0; i < LIMBS; i++) {
            c = (t[i] + c) >> width(i);
        }
        c = 19 * c;
        for (int i = 0; i < LIMBS; i++) {
            long v = t[i] + c;
            h[i] = (int) (v & ((1L << width(i)) - 1));
            c = v >> width(i);
        }
    }

    /** One carry pass over all limbs, folding the top carry back times 19, then limb 0 into limb 1. */
    private static void carryLong(long[] h) {
        for (int i = 0; i < LIMBS - 1; i++) {
            long c = h[i] >> width(i);
            h[i] -= c << width(i);
            h[i + 1] += c;
        }
        long c = h[9] >> 25;
        h[9] -= c << 25;
        h[0] += 19 * c;
        c = h[0] >> 26;
        h[0] -= c << 26;
        h[1] += c;
    }

    private static void carry(int[] out, long[] h) {
        carryLong(h);
        for (int i = 0; i < LIMBS; i++) {
            out[i] = (int) h[i];
        }
    }

    static void copy(int[] out, int[] a) {
        System.arraycopy(a, 0, out, 0, LIMBS);
    }

    static void add(int[] out, int[] a, int[] b) {
        for (int i = 0; i < LIMBS; i++) {
            out[i] = a[i] + b[i];
        }
    }

    static void sub(int[] out, int[] a, int[] b) {
        for (int i = 0; i < LIMBS; i++) {
            out[i] = a[i] - b[i];
        }
    }

    static void neg(int[] out, int[] a) {
        for (int i = 0; i < LIMBS; i++) {
            out[i] = -a[i];
        }
    }

    /** Brings an element produced by add/sub back to carried bounds. */
    static void carry(int[] a) {
        long[] h = new long[LIMBS];
        for (int i = 0; i < LIMBS; i++) {
            h[i] = a[i];
        }
        carry(a, h);
    }

    static void mul(int[] out, int[] f, int[] g) {
        // Generated term table: h_k = sum over i + j = k (mod 10) of f_i·g_j, times 2 when i and j are
        // both odd, times 19 when i + j >= 10. The constants are folded into g.
        long f0 = f[0], f1 = f[1], f2 = f[2], f3 = f[3], f4 = f[4];
        long f5 = f[5], f6 = f[6], f7 = f[7], f8 = f[8], f9 = f[9];
        long g0 = g[0], g1 = g[1], g2 = g[2], g3 = g[3], g4 = g[4];
        long g5 = g[5], g6 = g[6], g7 = g[7], g8 = g[8], g9 = g[9];
        long g1_2 = 2 * g1;
        long g1_38 = 38 * g1;
        long g2_19 = 19 * g2;
        long g3_2 = 2 * g3;
        long g3_19 = 19 * g3;
        long g3_38 = 38 * g3;
        long g4_19 = 19 * g4;
        long g5_2 = 2 * g5;
        long g5_19 = 19 * g5;
        long g5_38 = 38 * g5;
        long g6_19 = 19 * g6;
        long g7_2 = 2 * g7;
        long g7_19 = 19 * g7;
        long g7_38 = 38 * g7;
        long g8_19 = 19 * g8;
        long g9_19 = 19 * g9;
        long g9_38 = 38 * g9;
        long h0 = f0 * g0 + f1 * g9_38 + f2 * g8_19 + f3 * g7_38 + f4 * g6_19 + f5 * g5_38 + f6 * g4_19 + f7 * g3_38 + f8 * g2_19 + f9 * g1_38;
        long h1 = f0 * g1 + f1 * g0 + f2 * g9_19 + f3 * g8_19 + f4 * g7_19 + f5 * g6_19 + f6 * g5_19 + f7 * g4_19 + f8 * g3_19 + f9 * g2_19;
        long h2 = f0 * g2 + f1 * g1_2 + f2 * g0 + f3 * g9_38 + f4 * g8_19 + f5 * g7_38 + f6 * g6_19 + f7 * g5_38 + f8 * g4_19 + f9 * g3_38;
        long h3 = f0 * g3 + f1 * g2 + f2 * g1 + f3 * g0 + f4 * g9_19 + f5 * g8_19 + f6 * g7_19 + f7 * g6_19 + f8 * g5_19 + f9 * g4_19;
        long h4 = f0 * g4 + f1 * g3_2 + f2 * g2 + f3 * g1_2 + f4 * g0 + f5 * g9_38 + f6 * g8_19 + f7 * g7_38 + f8 * g6_19 + f9 * g5_38;
        long h5 = f0 * g5 + f1 * g4 + f2 * g3 + f3 * g2 + f4 * g1 + f5 * g0 + f6 * g9_19 + f7 * g8_19 + f8 * g7_19 + f9 * g6_19;
        long h6 = f0 * g6 + f1 * g5_2 + f2 * g4 + f3 * g3_2 + f4 * g2 + f5 * g1_2 + f6 * g0 + f7 * g9_38 + f8 * g8_19 + f9 * g7_38;
        long h7 = f0 * g7 + f1 * g6 + f2 * g5 + f3 * g4 + f4 * g3 + f5 * g2 + f6 * g1 + f7 * g0 + f8 * g9_19 + f9 * g8_19;
        long h8 = f0 * g8 + f1 * g7_2 + f2 * g6 + f3 * g5_2 + f4 * g4 + f5 * g3_2 + f6 * g2 + f7 * g1_2 + f8 * g0 + f9 * g9_38;
        long h9 = f0 * g9 + f1 * g8 + f2 * g7 + f3 * g6 + f4 * g5 + f5 * g4 + f6 * g3 + f7 * g2 + f8 * g1 + f9 * g0;
        // Carry in two interleaved chains (limbs 0.. and 4..) so the processor can overlap them; every
        // limb ends below 2^26 in absolute value (limbs 1 and 5 at most slightly above 2^25).
        long c, d;
        c = h0 >> 26; h0 -= c << 26; h1 += c;
        d = h4 >> 26; h4 -= d << 26; h5 += d;
        c = h1 >> 25; h1 -= c << 25; h2 += c;
        d = h5 >> 25; h5 -= d << 25; h6 += d;
        c = h2 >> 26; h2 -= c << 26; h3 += c;
        d = h6 >> 26; h6 -= d << 26; h7 += d;
        c = h3 >> 25; h3 -= c << 25; h4 += c;
        d = h7 >> 25; h7 -= d << 25; h8 += d;
        c = h4 >> 26; h4 -= c << 26; h5 += c;
        d = h8 >> 26; h8 -= d << 26; h9 += d;
        c = h9 >> 25; h9 -= c << 25; h0 += 19 * c;
        c = h0 >> 26; h0 -= c << 26; h1 += c;
        out[0] = (int) h0;
        out[1] = (int) h1;
        out[2] = (int) h2;
        out[3] = (int) h3;
        out[4] = (int) h4;
        out[5] = (int) h5;
        out[6] = (int) h6;
        out[7] = (int) h7;
        out[8] = (int) h8;
        out[9] = (int) h9;
    }

    /** out = f^2: the products of {@link #mul} with the symmetric pairs f_i·f_j (i != j) counted once, doubled. */
    static void sqr(int[] out, int[] f) {
        long f0 = f[0], f1 = f[1], f2 = f[2], f3 = f[3], f4 = f[4];
        long f5 = f[5], f6 = f[6], f7 = f[7], f8 = f[8], f9 = f[9];
        long f1_2 = 2 * f1;
        long f2_2 = 2 * f2;
        long f3_2 = 2 * f3;
        long f3_4 = 4 * f3;
        long f4_2 = 2 * f4;
        long f5_2 = 2 * f5;
        long f5_4 = 4 * f5;
        long f5_38 = 38 * f5;
        long f6_2 = 2 * f6;
        long f6_19 = 19 * f6;
        long f6_38 = 38 * f6;
        long f7_2 = 2 * f7;
        long f7_4 = 4 * f7;
        long f7_38 = 38 * f7;
        long f7_76 = 76 * f7;
        long f8_2 = 2 * f8;
        long f8_19 = 19 * f8;
        long f8_38 = 38 * f8;
        long f9_2 = 2 * f9;
        long f9_38 = 38 * f9;
        long f9_76 = 76 * f9;
        long h0 = f0 * f0 + f1 * f9_76 + f2 * f8_38 + f3 * f7_76 + f4 * f6_38 + f5 * f5_38;
        long h1 = f0 * f1_2 + f2 * f9_38 + f3 * f8_38 + f4 * f7_38 + f5 * f6_38;
        long h2 = f0 * f2_2 + f1 * f1_2 + f3 * f9_76 + f4 * f8_38 + f5 * f7_76 + f6 * f6_19;
        long h3 = f0 * f3_2 + f1 * f2_2 + f4 * f9_38 + f5 * f8_38 + f6 * f7_38;
        long h4 = f0 * f4_2 + f1 * f3_4 + f2 * f2 + f5 * f9_76 + f6 * f8_38 + f7 * f7_38;
        long h5 = f0 * f5_2 + f1 * f4_2 + f2 * f3_2 + f6 * f9_38 + f7 * f8_38;
        long h6 = f0 * f6_2 + f1 * f5_4 + f2 * f4_2 + f3 * f3_2 + f7 * f9_76 + f8 * f8_19;
        long h7 = f0 * f7_2 + f1 * f6_2 + f2 * f5_2 + f3 * f4_2 + f8 * f9_38;
        long h8 = f0 * f8_2 + f1 * f7_4 + f2 * f6_2 + f3 * f5_4 + f4 * f4 + f9 * f9_38;
        long h9 = f0 * f9_2 + f1 * f8_2 + f2 * f7_2 + f3 * f6_2 + f4 * f5_2;
        // Carry in two interleaved chains (limbs 0.. and 4..) so the processor can overlap them; every
        // limb ends below 2^26 in absolute value (limbs 1 and 5 at most slightly above 2^25).
        long c, d;
        c = h0 >> 26; h0 -= c << 26; h1 += c;
        d = h4 >> 26; h4 -= d << 26; h5 += d;
        c = h1 >> 25; h1 -= c << 25; h2 += c;
        d = h5 >> 25; h5 -= d << 25; h6 += d;
        c = h2 >> 26; h2 -= c << 26; h3 += c;
        d = h6 >> 26; h6 -= d << 26; h7 += d;
        c = h3 >> 25; h3 -= c << 25; h4 += c;
        d = h7 >> 25; h7 -= d << 25; h8 += d;
        c = h4 >> 26; h4 -= c << 26; h5 += c;
        d = h8 >> 26; h8 -= d << 26; h9 += d;
        c = h9 >> 25; h9 -= c << 25; h0 += 19 * c;
        c = h0 >> 26; h0 -= c << 26; h1 += c;
        out[0] = (int) h0;
        out[1] = (int) h1;
        out[2] = (int) h2;
        out[3] = (int) h3;
        out[4] = (int) h4;
        out[5] = (int) h5;
        out[6] = (int) h6;
        out[7] = (int) h7;
        out[8] = (int) h8;
        out[9] = (int) h9;
    }

    /** out = f·121665 (the X25519 ladder constant a24 = (486662 - 2) / 4, RFC 7748, Section 5). */
    static void mul121665(int[] out, int[] f) {
        long h0 = f[0] * 121665L, h1 = f[1] * 121665L, h2 = f[2] * 121665L, h3 = f[3] * 121665L;
        long h4 = f[4] * 121665L, h5 = f[5] * 121665L, h6 = f[6] * 121665L, h7 = f[7] * 121665L;
        long h8 = f[8] * 121665L, h9 = f[9] * 121665L;
        long c;
        c = h0 >> 26; h0 -= c << 26; h1 += c;
        c = h1 >> 25; h1 -= c << 25; h2 += c;
        c = h2 >> 26; h2 -= c << 26; h3 += c;
        c = h3 >> 25; h3 -= c << 25; h4 += c;
        c = h4 >> 26; h4 -= c << 26; h5 += c;
        c = h5 >> 25; h5 -= c << 25; h6 += c;
        c = h6 >> 26; h6 -= c << 26; h7 += c;
        c = h7 >> 25; h7 -= c << 25; h8 += c;
        c = h8 >> 26; h8 -= c << 26; h9 += c;
        c = h9 >> 25; h9 -= c << 25; h0 += 19 * c;
        c = h0 >> 26; h0 -= c << 26; h1 += c;
        out[0] = (int) h0; out[1] = (int) h1; out[2] = (int) h2; out[3] = (int) h3; out[4] = (int) h4;
        out[5] = (int) h5; out[6] = (int) h6; out[7] = (int) h7; out[8] = (int) h8; out[9] = (int) h9;
    }

    /** out = z^(2^255 - 21) = z^-1 (Fermat), with the usual addition chain; zero maps to zero. */
    static void invert(int[] out, int[] z) {
        int[] t = create();
        int[] z11 = create();
        int[] z250 = create();
        pow2250(z250, z11, z);
        sqrN(t, z250, 5); // 2^255 - 2^5
        mul(out, t, z11); // + 11 = 2^255 - 21
    }

    /** out = z^((p-5)/8) = z^(2^252 - 3), used for square roots (RFC 8032, Section 5.1.3). */
    static void pow22523(int[] out, int[] z) {
        int[] t = create();
        int[] z11 = create();
        int[] z250 = create();
        pow2250(z250, z11, z);
        sqrN(t, z250, 2); // 2^252 - 4
        mul(out, t, z); // 2^252 - 3
    }

    /** z250 = z^(2^250 - 1) and z11 = z^11. */
    private static void pow2250(int[] z250, int[] z11, int[] z) {
        int[] z2 = create();
        int[] t = create();
        int[] z9 = create();
        sqr(z2, z); // 2
        sqrN(t, z2, 2); // 8
        mul(z9, t, z); // 9
        mul(z11, z9, z2); // 11
        sqr(t, z11); // 22
        int[] a5 = create();
        mul(a5, t, z9); // 31 = 2^5 - 1
        int[] a10 = create();
        sqrN(t, a5, 5);
        mul(a10, t, a5); // 2^10 - 1
        int[] a20 = create();
        sqrN(t, a10, 10);
        mul(a20, t, a10); // 2^20 - 1
        sqrN(t, a20, 20);
        mul(t, t, a20); // 2^40 - 1
        sqrN(t, t, 10);
        int[] a50 = create();
        mul(a50, t, a10); // 2^50 - 1
        sqrN(t, a50, 50);
        int[] a100 = create();
        mul(a100, t, a50); // 2^100 - 1
        sqrN(t, a100, 100);
        mul(t, t, a100); // 2^200 - 1
        sqrN(t, t, 50);
        mul(z250, t, a50); // 2^250 - 1
    }

    private static void sqrN(int[] out, int[] a, int n) {
        sqr(out, a);
        for (int i = 1; i < n; i++) {
            sqr(out, out);
        }
    }

    /** If ctl is 1, swaps a and b. */
    static void cswap(int ctl, int[] a, int[] b) {
        ConstantTime.cswap(ctl, a, b, LIMBS);
    }

    /** out = ctl ? a : out. */
    static void cmov(int ctl, int[] out, int[] a) {
        int m = -ctl;
        for (int i = 0; i < LIMBS; i++) {
            out[i] ^= m & (out[i] ^ a[i]);
        }
    }

    /** 1 if f = 0 mod p. */
    static int isZero(int[] f) {
        byte[] s = new byte[32];
        toBytes(s, 0, f);
        int d = 0;
        for (int i = 0; i < 32; i++) {
            d |= s[i];
        }
        return ConstantTime.isZero(d & 0xff);
    }

    /** The low bit of the canonical value ("negative" in RFC 8032, Section 5.1.2). */
    static int isNegative(int[] f) {
        byte[] s = new byte[32];
        toBytes(s, 0, f);
        return s[0] & 1;
    }

    static int eq(int[] a, int[] b) {
        int[] d = create();
        sub(d, a, b);
        return isZero(d);
    }
}
