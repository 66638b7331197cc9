package org.tls4j.crypto.math;

import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.Destroyable;
import org.tls4j.crypto.ct.ConstantTime;

/**
 * An odd modulus {@code m} prepared for constant-time Montgomery arithmetic on 31-bit limbs
 * ({@link Nat31}): the limbs of m, {@code -m^(-1) mod 2^31}, {@code R mod m} and {@code R^2 mod m} with
 * {@code R = 2^(31·len)}.
 *
 * <p>The modulus itself may be secret (an RSA prime): it is built and used without any branch, index or
 * loop bound that depends on its value; only its byte length (the public size) decides the number of
 * limbs and loop counts. Values "in Montgomery form" are {@code x·R mod m}; {@link #toMont} and
 * {@link #fromMont} convert. constant-time: yes.
 *
 * <p>Every method allocates its own scratch space, so one instance may be shared across threads.
 * {@link #destroy()} zeroes the limbs (for secret moduli).
 */
public final class Modulus implements Destroyable {
    /**
     * Number of Montgomery multiplications done by this class so far, by all threads (plain, unsynchronised;
     * each operation counts its own multiplications locally and adds them once at its end, so the hot loop
     * never touches this shared field). A diagnostic for tests that assert the code path of an operation,
     * for example that RSA decryption does the same work for good and bad padding; not exact under
     * concurrency and not used for anything else.
     */
    private static long montMulCount;

    private final int len;
    private final int byteLen;
    private final int[] m;
    private final int m0i;
    private final int[] one;
    private final int[] r2;

    private Modulus(int[] m, int len, int byteLen) {
        this.m = m;
        this.len = len;
        this.byteLen = byteLen;
        this.m0i = Nat31.ninv31(m[0]);
        // R mod m and R^2 mod m by doubling 1 modulo m, 31·len times each. A doubling is a shift plus a
        // masked subtraction, so this takes the same steps for every m of this length.
        int[] x = new int[len];
        x[0] = 1;
        for (int i = 0; i < 31 * len; i++) {
            dbl(x);
        }
        this.one = x.clone();
        for (int i = 0; i < 31 * len; i++) {
            dbl(x);
        }
        this.r2 = x;
    }

    /**
     * Prepares the odd modulus given as {@code n} big-endian bytes; {@code n} (not the value) sets the size.
     *
     * @throws CryptoException when the value is even or smaller than 3
     */
    public static Modulus of(byte[] be, int off, int n) throws CryptoException {
        if (n < 1) {
            throw new CryptoException("empty modulus");
        }
        int len = Nat31.limbsForBits(8 * n);
        int[] m = new int[len];
        Nat31.decode(m, len, be, off, n);
        // Oddness and "greater than 1" of a secret prime are public facts (every prime modulus has them).
        int[] three = new int[len];
        three[0] = 3;
        if ((m[0] & 1) == 0 || Nat31.lt(m, three, len) == 1) {
            throw new CryptoException("modulus must be odd and at least 3");
        }
        return new Modulus(m, len, n);
    }

    /** Shorthand for {@code of(be, 0, be.length)}. */
    public static Modulus of(byte[] be) throws CryptoException {
        return of(be, 0, be.length);
    }

    /** x = 2x mod m, for x &lt; m. */
    private void dbl(int[] x) {
        int carry = Nat31.add(x, x, len, 1);
        // 2x < 2m: subtract m when the doubling carried out of R or the truncated value is >= m.
        int geq = ConstantTime.not(Nat31.lt(x, m, len));
        Nat31.sub(x, m, len, carry | geq);
    }

    /** The diagnostic counter of Montgomery multiplications (see the field comment). */
    public static long montMulCount() {
        return montMulCount;
    }

    /** Number of 31-bit limbs of every value modulo m. */
    public int limbs() {
        return len;
    }

    /** Byte length of the modulus (the public size given at construction). */
    public int byteLength() {
        return byteLen;
    }

    /** A new zero value of the right size. */
    public int[] newValue() {
        return new int[len];
    }

    /** Montgomery product {@code x·y/R mod m} into a new array ({@code x < R}, {@code y < m}). */
    public int[] montMul(int[] x, int[] y) {
        int[] d = new int[len];
        Nat31.montMul(d, x, y, m, len, m0i);
        montMulCount++;
        return d;
    }

    /** {@code x·R mod m} for {@code x < R} (any len-limb value, reduced on the way). */
    public int[] toMont(int[] x) {
        return montMul(x, r2);
    }

    /** {@code x/R mod m}: from Montgomery form back to the plain residue. */
    public int[] fromMont(int[] xMont) {
        int[] unit = new int[len];
        unit[0] = 1;
        // montMul wants y < m: 1 < m always, and xMont < R.
        return montMul(xMont, unit);
    }

    /** {@code a = a + b mod m} for {@code a, b < m}. */
    public void modAdd(int[] a, int[] b) {
        int carry = Nat31.add(a, b, len, 1);
        int geq = ConstantTime.not(Nat31.lt(a, m, len));
        Nat31.sub(a, m, len, carry | geq);
    }

    /** {@code a = a - b mod m} for {@code a, b < m}. */
    public void modSub(int[] a, int[] b) {
        int borrow = Nat31.sub(a, b, len, 1);
        Nat31.add(a, m, len, borrow);
    }

    /** 1 if {@code x < m}, else 0 (x has {@link #limbs()} limbs). */
    public int isReduced(int[] x) {
        return Nat31.lt(x, m, len);
    }

    /**
     * Reduces a number of any (public) size, given as {@code vlen} limbs, modulo m and returns it in
     * Montgomery form ({@code v·R mod m}). The number is cut into chunks of {@code len} limbs,
     * {@code v = c_0 + c_1·R + ... + c_k·R^k}, and folded from the top by Horner's rule in Montgomery form:
     * {@code acc <- acc·R + c_i·R}, each step being two Montgomery products by {@code R^2} and a modular
     * addition. This is constant-time: the number of steps depends only on {@code vlen}.
     */
    public int[] reduceToMont(int[] v, int vlen) {
        int chunks = (vlen + len - 1) / len;
        int[] c = new int[len];
        int[] acc = new int[len];
        for (int i = chunks - 1; i >= 0; i--) {
            java.util.Arrays.fill(c, 0);
            int start = i * len;
            int n = Math.min(len, vlen - start);
            System.arraycopy(v, start, c, 0, n);
            int[] accR = montMul(acc, r2); // acc·R (acc holds value·R, so this is value·R·R)
            int[] cR = montMul(c, r2); // c < R is fine as the left operand
            modAdd(accR, cR);
            ConstantTime.zero(acc);
            acc = accR;
            ConstantTime.zero(cR);
        }
        ConstantTime.zero(c);
        return acc;
    }

    /** Reduces a big-endian byte string of any (public) length modulo m; the result is in Montgomery form. */
    public int[] reduceToMont(byte[] be, int off, int n) {
        int vlen = Nat31.limbsForBits(8 * n);
        int[] v = new int[vlen];
        Nat31.decode(v, vlen, be, off, n);
        int[] r = reduceToMont(v, vlen);
        ConstantTime.zero(v);
        return r;
    }

    /**
     * Modular exponentiation in Montgomery form: returns {@code base^e · R mod m} for {@code baseMont =
     * base·R mod m} and the exponent {@code e} given as {@code eLen} big-endian bytes.
     *
     * <p>Fixed 4-bit window: a table of {@code base^0 .. base^15}, then for every nibble of e, from the top,
     * four squarings and one multiplication by the table entry selected with a full constant-time scan of
     * the table. The number of operations is {@code 4·2·eLen} squarings, {@code 2·eLen} multiplications
     * and {@code 14} table products: it depends only on the public length of the exponent, never on its
     * bits, and no table index is a secret.
     */
    public int[] modPow(int[] baseMont, byte[] e, int eOff, int eLen) {
        int[][] table = new int[16][];
        table[0] = one.clone();
        table[1] = baseMont.clone();
        for (int i = 2; i < 16; i++) {
            table[i] = montMul(table[i - 1], baseMont);
        }
        int[] acc = one.clone();
        int[] tmp = new int[len];
        int[] t = new int[len];
        long ops = 0;
        for (int i = 0; i < 2 * eLen; i++) {
            int b = e[eOff + (i >>> 1)] & 0xFF;
            int nib = (b >>> (4 - 4 * (i & 1))) & 0xF; // high nibble first; shift depends on the position
            for (int s = 0; s < 4; s++) {
                Nat31.montMul(tmp, acc, acc, m, len, m0i);
                ops++;
                int[] sw = acc;
                acc = tmp;
                tmp = sw;
            }
            for (int k = 0; k < 16; k++) {
                Nat31.ccopy(ConstantTime.eq(k, nib), t, table[k], len);
            }
            Nat31.montMul(tmp, acc, t, m, len, m0i);
            ops++;
            int[] sw = acc;
            acc = tmp;
            tmp = sw;
        }
        montMulCount += ops;
        for (int[] row : table) {
            ConstantTime.zero(row);
        }
        ConstantTime.zero(tmp);
        ConstantTime.zero(t);
        return acc;
    }

    /**
     * {@code base^e mod m} on big-endian byte strings: base of any length (reduced first), exponent of
     * {@code eLen} bytes, result as {@link #byteLength()} bytes. Constant-time in base, exponent and m.
     */
    public byte[] modPow(byte[] base, byte[] e) {
        int[] b = reduceToMont(base, 0, base.length);
        int[] r = fromMont(modPow(b, e, 0, e.length));
        byte[] out = new byte[byteLen];
        Nat31.encode(out, 0, byteLen, r, len);
        ConstantTime.zero(b);
        ConstantTime.zero(r);
        return out;
    }

    /** The modulus as {@link #byteLength()} big-endian bytes (a copy). */
    public byte[] toBytes() {
        byte[] out = new byte[byteLen];
        Nat31.encode(out, 0, byteLen, m, len);
        return out;
    }

    /** Zeroes the modulus and its constants. */
    @Override
    public void destroy() {
        ConstantTime.zero(m);
        ConstantTime.zero(one);
        ConstantTime.zero(r2);
    }
}
