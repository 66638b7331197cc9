package org.tls4j.crypto.aead;

/**
 * GHASH (NIST SP 800-38D, Section 6.4): Y = (Y xor X) * H in GF(2^128) for each 16-byte block X.
 *
 * <p><b>constant-time: yes.</b> The multiplication is carry-less ("polynomial") multiplication done with
 * ordinary integer multiplications, following BearSSL's {@code ghash_ctmul64} idea: to multiply two
 * 64-bit polynomials, split each into four "sparse" words that keep only every fourth bit (bits 0, 4, 8...;
 * bits 1, 5, 9...; and so on). An integer product of two sparse words puts each partial product in a
 * column whose index has a known residue mod 4, and at most 15 partial products ever land in one column
 * of the low 64 bits, so the integer carries stay inside the three unused bits ("holes") above it and never
 * reach the next used column. XORing the right products and masking keeps exactly the carry-less
 * product's bits. No table is indexed by H or by data; Java's 64-bit multiply takes the same time for all
 * operands on the JVMs we target.
 *
 * <p>The high 64 bits of a 64x64 product come from the same routine on bit-reversed inputs
 * (rev(x) * rev(y) = rev(x * y) over 127 bits). A 128x128 product takes three 64x64 products (Karatsuba).
 *
 * <p>Bit order: GCM numbers the bits of a block from the most significant bit of byte 0 (coefficient of
 * x^0) down. We load a block as two big-endian longs, so the integer we hold is the bit-reversal of the
 * polynomial. The product of two reversed 128-bit values is the reversal of the true product over 255 bits;
 * one left shift makes it the reversal over 256 bits: coefficient i sits at bit 255 - i. Reduction by
 * x^128 = x^7 + x^2 + x + 1 then folds the words holding coefficients 128..255 back, where "times x^k"
 * is a right shift by k in this reversed order.
 */
final class Ghash {
    private long h0, h1, h0r, h1r, h2, h2r;
    private long y0, y1;

    /** Sets H (16 bytes, big-endian as in the spec) and clears the accumulator. */
    void init(byte[] h, int off) {
        h0 = be64(h, off);
        h1 = be64(h, off + 8);
        h2 = h0 ^ h1;
        h0r = Long.reverse(h0);
        h1r = Long.reverse(h1);
        h2r = Long.reverse(h2);
        y0 = 0;
        y1 = 0;
    }

    void reset() {
        y0 = 0;
        y1 = 0;
    }

    /** Absorbs {@code len} bytes, zero-padding the last partial block (GCM pads A and C separately). */
    void updatePadded(byte[] b, int off, int len) {
        int end = off + len;
        while (end - off >= 16) {
            y0 ^= be64(b, off);
            y1 ^= be64(b, off + 8);
            mulH();
            off += 16;
        }
        int rem = end - off;
        if (rem > 0) {
            long a = 0, c = 0;
            for (int i = 0; i < rem; i++) {
                long v = b[off + i] & 0xFFL;
                if (i < 8) {
                    a |= v << (56 - 8 * i);
                } else {
                    c |= v << (56 - 8 * (i - 8));
                }
            }
            y0 ^= a;
            y1 ^= c;
            mulH();
        }
    }

    /** Absorbs the final block len(A) || len(C), both in bits as 64-bit big-endian numbers. */
    void lengths(long aadBytes, long ctBytes) {
        y0 ^= aadBytes << 3;
        y1 ^= ctBytes << 3;
        mulH();
    }

    /** Writes the 16-byte GHASH value. */
    void result(byte[] out, int off) {
        put64(y0, out, off);
        put64(y1, out, off + 8);
    }

    void destroy() {
        h0 = h1 = h2 = h0r = h1r = h2r = y0 = y1 = 0;
    }

    private static final long M0 = 0x1111111111111111L;
    private static final long M1 = 0x2222222222222222L;
    private static final long M2 = 0x4444444444444444L;
    private static final long M3 = 0x8888888888888888L;

    /** The low 64 bits of the carry-less product of x and y (see the class comment). */
    static long bmul(long x, long y) {
        long x0 = x & M0, x1 = x & M1, x2 = x & M2, x3 = x & M3;
        long y0 = y & M0, y1 = y & M1, y2 = y & M2, y3 = y & M3;
        long z0 = (x0 * y0) ^ (x1 * y3) ^ (x2 * y2) ^ (x3 * y1);
        long z1 = (x0 * y1) ^ (x1 * y0) ^ (x2 * y3) ^ (x3 * y2);
        long z2 = (x0 * y2) ^ (x1 * y1) ^ (x2 * y0) ^ (x3 * y3);
        long z3 = (x0 * y3) ^ (x1 * y2) ^ (x2 * y1) ^ (x3 * y0);
        return (z0 & M0) | (z1 & M1) | (z2 & M2) | (z3 & M3);
    }

    /** y = y * H mod (x^128 + x^7 + x^2 + x + 1). */
    private void mulH() {
        long a0 = y0, a1 = y1, a2 = a0 ^ a1;
        long a0r = Long.reverse(a0), a1r = Long.reverse(a1), a2r = Long.reverse(a2);
        // three 64x64 carry-less products, each as (high, low)
        long hiL = bmul(a0, h0), hiH = Long.reverse(bmul(a0r, h0r)) >>> 1;   // a0*h0
        long loL = bmul(a1, h1), loH = Long.reverse(bmul(a1r, h1r)) >>> 1;   // a1*h1
        long miL = bmul(a2, h2), miH = Long.reverse(bmul(a2r, h2r)) >>> 1;   // (a0+a1)*(h0+h1)
        miL ^= hiL ^ loL;
        miH ^= hiH ^ loH;
        // 256-bit product z0:z1:z2:z3 (z0 most significant)
        long z0 = hiH;
        long z1 = hiL ^ miH;
        long z2 = loH ^ miL;
        long z3 = loL;
        // shift left by one: coefficient i moves to bit 255 - i
        z0 = (z0 << 1) | (z1 >>> 63);
        z1 = (z1 << 1) | (z2 >>> 63);
        z2 = (z2 << 1) | (z3 >>> 63);
        z3 <<= 1;
        // fold coefficients 192..255 (z3), then 128..191 (z2): x^128 = 1 + x + x^2 + x^7
        z1 ^= z3 ^ (z3 >>> 1) ^ (z3 >>> 2) ^ (z3 >>> 7);
        z2 ^= (z3 << 63) ^ (z3 << 62) ^ (z3 << 57);
        z0 ^= z2 ^ (z2 >>> 1) ^ (z2 >>> 2) ^ (z2 >>> 7);
        z1 ^= (z2 << 63) ^ (z2 << 62) ^ (z2 << 57);
        y0 = z0;
        y1 = z1;
    }

    static long be64(byte[] b, int off) {
        return (b[off] & 0xFFL) << 56 | (b[off + 1] & 0xFFL) << 48 | (b[off + 2] & 0xFFL) << 40
                | (b[off + 3] & 0xFFL) << 32 | (b[off + 4] & 0xFFL) << 24 | (b[off + 5] & 0xFFL) << 16
                | (b[off + 6] & 0xFFL) << 8 | (b[off + 7] & 0xFFL);
    }

    static void put64(long v, byte[] b, int off) {
        for (int i = 0; i < 8; i++) {
            b[off + i] = (byte) (v >>> (56 - 8 * i));
        }
    }
}
