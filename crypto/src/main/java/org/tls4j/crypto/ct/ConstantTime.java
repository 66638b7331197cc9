package org.tls4j.crypto.ct;

/**
 * Constant-time selection and comparison: the only way tls4j code chooses between or compares secret
 * values.
 *
 * <p>Every method here is a short run of arithmetic and bit operations with no branch, no loop whose
 * bound depends on data (array loops run over the whole public length), and no table index. A
 * <em>control</em> value ({@code ctl}) is always 0 or 1; methods returning a control return 0 or 1.
 * Passing anything else as a control is a bug. Masks are derived as {@code -ctl} (all ones or all zeros).
 *
 * <p>The JIT could in principle turn some of these into branches; keeping them tiny, branch-free and
 * free of boolean types makes that unlikely in practice, and it is the same discipline BearSSL's
 * {@code inner.h} and Go's {@code crypto/subtle} follow. constant-time: yes.
 */
public final class ConstantTime {
    private ConstantTime() {}

    /** 1 - ctl. */
    public static int not(int ctl) {
        return ctl ^ 1;
    }

    /** ctl ? a : b. */
    public static int mux(int ctl, int a, int b) {
        return b ^ (-ctl & (a ^ b));
    }

    /** ctl ? a : b, on longs ({@code ctl} is 0 or 1). */
    public static long mux(int ctl, long a, long b) {
        return b ^ (-(long) ctl & (a ^ b));
    }

    /** 1 if x == 0, else 0. */
    public static int isZero(int x) {
        // (x | -x) has its top bit set exactly when x != 0.
        return ((x | -x) >>> 31) ^ 1;
    }

    /** 1 if x == 0, else 0. */
    public static int isZero(long x) {
        return (int) (((x | -x) >>> 63) ^ 1);
    }

    /** 1 if x == y, else 0. */
    public static int eq(int x, int y) {
        return isZero(x ^ y);
    }

    /** 1 if x == y, else 0. */
    public static int eq(long x, long y) {
        return isZero(x ^ y);
    }

    /** 1 if x != y, else 0. */
    public static int neq(int x, int y) {
        return not(eq(x, y));
    }

    /** 1 if x < y as unsigned 32-bit values, else 0. */
    public static int lt(int x, int y) {
        // The borrow out of x - y, computed without a comparison: Hacker's Delight, 2-12.
        return (((~x & y) | ((~(x ^ y)) & (x - y))) >>> 31);
    }

    /** 1 if x < y as unsigned 64-bit values, else 0. */
    public static int lt(long x, long y) {
        return (int) ((((~x & y) | ((~(x ^ y)) & (x - y))) >>> 63));
    }

    /** 1 if x > y (unsigned 32-bit), else 0. */
    public static int gt(int x, int y) {
        return lt(y, x);
    }

    /** 1 if x <= y (unsigned 32-bit), else 0. */
    public static int le(int x, int y) {
        return not(lt(y, x));
    }

    /** 1 if x >= y (unsigned 32-bit), else 0. */
    public static int ge(int x, int y) {
        return not(lt(x, y));
    }

    /** 1 if x < y for signed 32-bit values with absolute value below 2^30 (lengths, indices). */
    public static int ltSmall(int x, int y) {
        return (x - y) >>> 31;
    }

    /**
     * Compares {@code len} bytes of {@code a} at {@code aOff} and {@code b} at {@code bOff}, always reading
     * every byte. Returns 1 if all are equal, else 0.
     */
    public static int equals(byte[] a, int aOff, byte[] b, int bOff, int len) {
        int d = 0;
        for (int i = 0; i < len; i++) {
            d |= a[aOff + i] ^ b[bOff + i];
        }
        return isZero(d & 0xff);
    }

    /**
     * True when both arrays have the same (public) length and the same contents; the contents are
     * compared in constant time. Arrays of different lengths differ (lengths are not secret).
     */
    public static boolean equals(byte[] a, byte[] b) {
        if (a.length != b.length) { // public length
            return false;
        }
        return equals(a, 0, b, 0, a.length) == 1;
    }

    /** If ctl is 1, copies {@code len} bytes from src to dst; if 0, leaves dst unchanged. Reads and writes both either way. */
    public static void ccopy(int ctl, byte[] dst, int dstOff, byte[] src, int srcOff, int len) {
        int m = -ctl;
        for (int i = 0; i < len; i++) {
            int d = dst[dstOff + i];
            dst[dstOff + i] = (byte) (d ^ (m & (d ^ src[srcOff + i])));
        }
    }

    /** If ctl is 1, swaps a and b over {@code len} ints; if 0, leaves both unchanged. */
    public static void cswap(int ctl, int[] a, int[] b, int len) {
        int m = -ctl;
        for (int i = 0; i < len; i++) {
            int t = m & (a[i] ^ b[i]);
            a[i] ^= t;
            b[i] ^= t;
        }
    }

    /** If ctl is 1, swaps a and b over {@code len} longs; if 0, leaves both unchanged. */
    public static void cswap(int ctl, long[] a, long[] b, int len) {
        long m = -(long) ctl;
        for (int i = 0; i < len; i++) {
            long t = m & (a[i] ^ b[i]);
            a[i] ^= t;
            b[i] ^= t;
        }
    }

    /** Zeroes an array (for destroy()). */
    public static void zero(byte[] a) {
        if (a != null) {
            java.util.Arrays.fill(a, (byte) 0);
        }
    }

    public static void zero(int[] a) {
        if (a != null) {
            java.util.Arrays.fill(a, 0);
        }
    }

    public static void zero(long[] a) {
        if (a != null) {
            java.util.Arrays.fill(a, 0L);
        }
    }
}
