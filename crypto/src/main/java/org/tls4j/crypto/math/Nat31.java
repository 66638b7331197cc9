package org.tls4j.crypto.math;

import org.tls4j.crypto.ct.ConstantTime;

/**
 * Constant-time arithmetic on natural numbers stored as little-endian arrays of 31-bit limbs.
 *
 * <p>A number of {@code len} limbs is {@code x[0] + x[1]·2^31 + ... + x[len-1]·2^(31(len-1))}; every limb
 * holds a value in {@code [0, 2^31)} (its top bit is always clear). With 31-bit limbs a limb product fits
 * in 62 bits, so a product plus two more limbs and a carry still fits in an unsigned 64-bit {@code long}
 * (Java 8 has no 64×64→128 multiply, so 32-bit limbs would need split products). This is the layout of
 * BearSSL's {@code i31} code, written here from the definitions.
 *
 * <p>The length {@code len} is always public (it comes from the size of a modulus). Every method runs
 * the same instructions and touches the same memory for every value of the limbs: loops run over the
 * whole length, and a conditional step is done with a mask (control values are 0 or 1, as in
 * {@link ConstantTime}). constant-time: yes.
 */
public final class Nat31 {
    /** Mask of the 31 value bits of a limb. */
    public static final int MASK = 0x7FFFFFFF;

    private Nat31() {}

    /** The number of 31-bit limbs needed for {@code bits} bits (at least 1). */
    public static int limbsForBits(int bits) {
        return Math.max(1, (bits + 30) / 31);
    }

    /**
     * Decodes {@code n} big-endian bytes into {@code len} limbs of {@code x}. Bits that do not fit in
     * {@code len} limbs are dropped; callers size {@code len} with {@link #limbsForBits} so none are.
     */
    public static void decode(int[] x, int len, byte[] src, int off, int n) {
        java.util.Arrays.fill(x, 0, len, 0);
        long acc = 0;
        int accBits = 0;
        int u = 0;
        for (int i = n - 1; i >= 0; i--) { // least significant byte first; public positions
            acc |= (long) (src[off + i] & 0xFF) << accBits;
            accBits += 8;
            if (accBits >= 31) {
                if (u < len) {
                    x[u] = (int) acc & MASK;
                }
                u++;
                acc >>>= 31;
                accBits -= 31;
            }
        }
        if (u < len) {
            x[u] = (int) acc & MASK;
        }
    }

    /** Encodes the low {@code 8n} bits of the {@code len}-limb number {@code x} as {@code n} big-endian bytes. */
    public static void encode(byte[] dst, int off, int n, int[] x, int len) {
        long acc = 0;
        int accBits = 0;
        int u = 0;
        for (int i = n - 1; i >= 0; i--) {
            if (accBits < 8) { // public: depends only on the position
                long w = u < len ? x[u] : 0;
                u++;
                acc |= w << accBits;
                accBits += 31;
            }
            dst[off + i] = (byte) acc;
            acc >>>= 8;
            accBits -= 8;
        }
    }

    /** If ctl is 1, {@code a += b} (both {@code len} limbs). Returns the carry out (0 or 1) either way. */
    public static int add(int[] a, int[] b, int len, int ctl) {
        int cc = 0;
        for (int i = 0; i < len; i++) {
            int aw = a[i];
            int naw = aw + b[i] + cc;
            cc = naw >>> 31;
            a[i] = ConstantTime.mux(ctl, naw & MASK, aw);
        }
        return cc;
    }

    /** If ctl is 1, {@code a -= b} (mod 2^(31 len)). Returns the borrow out (1 when a &lt; b) either way. */
    public static int sub(int[] a, int[] b, int len, int ctl) {
        int cc = 0;
        for (int i = 0; i < len; i++) {
            int aw = a[i];
            int naw = aw - b[i] - cc;
            cc = naw >>> 31;
            a[i] = ConstantTime.mux(ctl, naw & MASK, aw);
        }
        return cc;
    }

    /** 1 if {@code a < b}, else 0 (both {@code len} limbs). */
    public static int lt(int[] a, int[] b, int len) {
        int cc = 0;
        for (int i = 0; i < len; i++) {
            cc = (a[i] - b[i] - cc) >>> 31;
        }
        return cc;
    }

    /** 1 if {@code a == b}, else 0. */
    public static int eq(int[] a, int[] b, int len) {
        int d = 0;
        for (int i = 0; i < len; i++) {
            d |= a[i] ^ b[i];
        }
        return ConstantTime.isZero(d);
    }

    /** 1 if {@code a == 0}, else 0. */
    public static int isZero(int[] a, int len) {
        int d = 0;
        for (int i = 0; i < len; i++) {
            d |= a[i];
        }
        return ConstantTime.isZero(d);
    }

    /** If ctl is 1, copies {@code len} limbs of src into dst; reads and writes both either way. */
    public static void ccopy(int ctl, int[] dst, int[] src, int len) {
        int m = -ctl;
        for (int i = 0; i < len; i++) {
            int d = dst[i];
            dst[i] = d ^ (m & (d ^ src[i]));
        }
    }

    /**
     * {@code d = a · b} (schoolbook): {@code d} gets {@code alen + blen} limbs and must not overlap a or b.
     * Each carry fits a limb: with limbs below 2^31, {@code d + a·b + carry <= 2^62 - 1}.
     */
    public static void mul(int[] d, int[] a, int alen, int[] b, int blen) {
        java.util.Arrays.fill(d, 0, alen + blen, 0);
        for (int i = 0; i < alen; i++) {
            long ai = a[i];
            long r = 0;
            for (int j = 0; j < blen; j++) {
                long z = d[i + j] + ai * b[j] + r;
                d[i + j] = (int) z & MASK;
                r = z >>> 31;
            }
            d[i + blen] = (int) r;
        }
    }

    /**
     * {@code -m0^(-1) mod 2^31} for an odd limb {@code m0} (the Montgomery constant). Newton's iteration
     * {@code y = y(2 - m0·y)} doubles the number of correct low bits; {@code m0·m0 = 1 mod 8} gives 3 to
     * start with, so four steps give 48 bits.
     */
    public static int ninv31(int m0) {
        int y = m0;
        y *= 2 - m0 * y;
        y *= 2 - m0 * y;
        y *= 2 - m0 * y;
        y *= 2 - m0 * y;
        return -y & MASK;
    }

    /**
     * Montgomery multiplication: {@code d = x·y / R mod m} with {@code R = 2^(31 len)}, for an odd modulus
     * {@code m < R}, {@code x < R} and {@code y < m}; the result is fully reduced ({@code d < m}).
     * {@code d} must not be the same array as x, y or m. {@code m0i} is {@link #ninv31}{@code (m[0])}.
     *
     * <p>This is the word-by-word (CIOS) method: for each limb of x, add {@code x[u]·y} and the multiple
     * {@code f·m} that makes the lowest limb zero, then shift down one limb. The running value stays
     * below {@code 2m}, so one conditional subtraction at the end finishes the reduction.
     */
    public static void montMul(int[] d, int[] x, int[] y, int[] m, int len, int m0i) {
        java.util.Arrays.fill(d, 0, len, 0);
        long dh = 0;
        long y0 = y[0];
        long m0 = m[0];
        for (int u = 0; u < len; u++) {
            long xu = x[u];
            int f = (int) (d[0] + xu * y0) * m0i & MASK;
            long fl = f;
            long z = d[0] + xu * y0 + fl * m0; // low 31 bits are zero by the choice of f
            long r = z >>> 31;
            for (int v = 1; v < len; v++) {
                z = d[v] + xu * y[v] + fl * m[v] + r; // < 2^31 + 2·(2^31-1)^2 + 2^33 < 2^64 (unsigned)
                r = z >>> 31;
                d[v - 1] = (int) z & MASK;
            }
            long zh = dh + r;
            d[len - 1] = (int) zh & MASK;
            dh = zh >>> 31;
        }
        // d + dh·R < 2m: subtract m once when dh != 0 or d >= m.
        int geq = ConstantTime.not(lt(d, m, len));
        sub(d, m, len, ConstantTime.neq((int) dh, 0) | geq);
    }
}
