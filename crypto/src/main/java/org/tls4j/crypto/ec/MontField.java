package org.tls4j.crypto.ec;

import java.math.BigInteger;
import org.tls4j.crypto.ct.ConstantTime;

/**
 * Arithmetic modulo an odd prime (or odd modulus) {@code m} in Montgomery form, on fixed arrays of
 * 32-bit limbs held in {@code int[]} (little-endian, unsigned), with 64-bit {@code long} products.
 * One class serves the NIST field primes (P-256, P-384, P-521), the group orders n (ECDSA scalars),
 * the Ed25519 order L and the Goldilocks prime 2^448 - 2^224 - 1 with its order (X448, Ed448).
 *
 * <p>An element {@code a} is stored as {@code a·R mod m} with {@code R = 2^(32·len)}. Multiplication
 * is the word-by-word "CIOS" Montgomery product (Koç, Acar and Kaliski, "Analyzing and comparing
 * Montgomery multiplication algorithms", 1996), followed by one constant-time conditional subtraction.
 * Exception: for the P-256 prime R is 1 (elements are stored plain) and the arithmetic is
 * {@link P256Field}'s dedicated product and reduction; callers see the same interface.
 * Every loop runs over the public limb count; no branch or index depends on limb values.
 *
 * <p>The modulus and the constants derived from it are public; they are computed once with
 * {@link BigInteger} at class-initialisation time. BigInteger never touches an element.
 *
 * <p>constant-time: yes (all operations except {@link #powPublic} on a public exponent, which branches
 * only on the exponent's bits, and the explicitly variable-time helpers named {@code *Vartime}).
 */
final class MontField {
    /** Number of 32-bit limbs. */
    final int len;
    /** Modulus byte length (big-endian encodings use this many bytes). */
    final int byteLen;
    final BigInteger modulus;
    private final int[] m;
    /** -m^-1 mod 2^32. */
    private final int m0inv;
    /** R^2 mod m (to enter Montgomery form) and R mod m (the Montgomery form of one). */
    private final int[] r2;
    final int[] one;
    /**
     * True for the P-256 prime, which has its own arithmetic ({@link P256Field}) on elements in plain
     * form: for it R is 1 (so {@code one} = 1, {@code toMont} and {@code fromMont} only reduce).
     */
    private final boolean p256;
    /** The Montgomery form of 2^(32·len) (that is R^2 mod m, or 2^256 mod p for P-256). */
    private final int[] wordShift;
    /** m - 2, the Fermat inversion exponent (public). */
    private final int[] mMinus2;

    MontField(BigInteger modulus) {
        this.modulus = modulus;
        int bits = modulus.bitLength();
        this.len = (bits + 31) / 32;
        this.byteLen = (bits + 7) / 8;
        this.m = fromBig(modulus, len);
        // Newton iteration for the inverse of m[0] modulo 2^32.
        int x = m[0];
        int inv = x; // correct to 3 bits for odd x
        for (int i = 0; i < 5; i++) {
            inv *= 2 - x * inv;
        }
        this.m0inv = -inv;
        this.p256 = modulus.equals(BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE.shiftLeft(224))
                .add(BigInteger.ONE.shiftLeft(192)).add(BigInteger.ONE.shiftLeft(96)).subtract(BigInteger.ONE));
        BigInteger words = BigInteger.ONE.shiftLeft(32 * len);
        BigInteger r = p256 ? BigInteger.ONE : words;
        this.one = fromBig(r.mod(modulus), len);
        this.r2 = fromBig(r.multiply(r).mod(modulus), len);
        this.wordShift = fromBig(words.multiply(r).mod(modulus), len);
        this.mMinus2 = fromBig(modulus.subtract(BigInteger.valueOf(2)), len);
    }

    static int[] fromBig(BigInteger v, int len) {
        int[] out = new int[len];
        for (int i = 0; i < len; i++) {
            out[i] = v.shiftRight(32 * i).intValue();
        }
        return out;
    }

    /** For tests and public constants only: the plain (non-Montgomery) value as a BigInteger. */
    BigInteger toBigVartime(int[] a) {
        int[] t = new int[len];
        fromMont(t, a);
        BigInteger v = BigInteger.ZERO;
        for (int i = len - 1; i >= 0; i--) {
            v = v.shiftLeft(32).or(BigInteger.valueOf(t[i] & 0xffffffffL));
        }
        return v;
    }

    /** For public constants only: the Montgomery form of a BigInteger below m. */
    int[] fromBigPublic(BigInteger v) {
        int[] t = fromBig(v.mod(modulus), len);
        toMont(t, t);
        return t;
    }

    int[] create() {
        return new int[len];
    }

    /** out = a·b·R^-1 mod m. Inputs must be below m (one of them may be any value below 2^(32·len)). */
    void mul(int[] out, int[] a, int[] b) {
        if (p256) { // public property of the modulus
            P256Field.mul(out, a, b);
            return;
        }
        mulGeneric(out, a, b);
    }

    /** The CIOS loop: the Montgomery product for any modulus but P-256 (which uses plain form). */
    private void mulGeneric(int[] out, int[] a, int[] b) {
        final int n = len;
        long[] t = new long[n + 2];
        for (int i = 0; i < n; i++) {
            long bi = b[i] & 0xffffffffL;
            long c = 0;
            for (int j = 0; j < n; j++) {
                long s = t[j] + (a[j] & 0xffffffffL) * bi + c;
                t[j] = s & 0xffffffffL;
                c = s >>> 32;
            }
            long s = t[n] + c;
            t[n] = s & 0xffffffffL;
            t[n + 1] = s >>> 32;
            long q = ((int) t[0] * m0inv) & 0xffffffffL;
            s = t[0] + q * (m[0] & 0xffffffffL);
            c = s >>> 32;
            for (int j = 1; j < n; j++) {
                s = t[j] + q * (m[j] & 0xffffffffL) + c;
                t[j - 1] = s & 0xffffffffL;
                c = s >>> 32;
            }
            s = t[n] + c;
            t[n - 1] = s & 0xffffffffL;
            t[n] = t[n + 1] + (s >>> 32);
        }
        // t < 2m: subtract m once if t >= m.
        long borrow = 0;
        for (int j = 0; j < n; j++) {
            long d = t[j] - (m[j] & 0xffffffffL) - borrow;
            out[j] = (int) d;
            borrow = (d >>> 63);
        }
        // Keep the difference unless it borrowed past the extra top word.
        // useT = 1 when t < m: no extra top word and the subtraction borrowed.
        int useT = ConstantTime.isZero(t[n]) & (int) borrow;
        int mask = -useT;
        for (int j = 0; j < n; j++) {
            out[j] = (out[j] & ~mask) | ((int) t[j] & mask);
        }
    }

    void sqr(int[] out, int[] a) {
        if (p256) {
            P256Field.sqr(out, a);
            return;
        }
        mulGeneric(out, a, a);
    }

    /** out = a + b mod m (out may alias a or b). */
    void add(int[] out, int[] a, int[] b) {
        if (p256) {
            P256Field.add(out, a, b);
            return;
        }
        final int n = len;
        long c = 0;
        for (int j = 0; j < n; j++) {
            long v = (a[j] & 0xffffffffL) + (b[j] & 0xffffffffL) + c;
            out[j] = (int) v;
            c = v >>> 32;
        }
        // Does subtracting m borrow (sum < m)? Compute the borrow without storing the difference.
        long borrow = 0;
        for (int j = 0; j < n; j++) {
            long d = (out[j] & 0xffffffffL) - (m[j] & 0xffffffffL) - borrow;
            borrow = d >>> 63;
        }
        // Subtract m unless the sum (with its carry c) was below m.
        int subtract = (int) (c | (borrow ^ 1));
        long mask = -(long) subtract & 0xffffffffL;
        borrow = 0;
        for (int j = 0; j < n; j++) {
            long d = (out[j] & 0xffffffffL) - (m[j] & mask) - borrow;
            out[j] = (int) d;
            borrow = d >>> 63;
        }
    }

    /** out = k·a mod m for a small public constant 0 &lt; k &lt; 2^16 (out may alias a). */
    void mulSmall(int[] out, int[] a, int k) {
        if (p256) {
            P256Field.mulSmall(out, a, k);
            return;
        }
        int[] base = a.clone();
        int top = 31 - Integer.numberOfLeadingZeros(k);
        System.arraycopy(base, 0, out, 0, len);
        for (int i = top - 1; i >= 0; i--) { // double-and-add on the public constant
            add(out, out, out);
            if (((k >>> i) & 1) != 0) {
                add(out, out, base);
            }
        }
    }

    /** out = a - b mod m. */
    void sub(int[] out, int[] a, int[] b) {
        if (p256) {
            P256Field.sub(out, a, b);
            return;
        }
        subGeneric(out, a, b);
    }

    void subGeneric(int[] out, int[] a, int[] b) {
        final int n = len;
        long borrow = 0;
        for (int j = 0; j < n; j++) {
            long d = (a[j] & 0xffffffffL) - (b[j] & 0xffffffffL) - borrow;
            out[j] = (int) d;
            borrow = d >>> 63;
        }
        long mask = -borrow & 0xffffffffL;
        long c = 0;
        for (int j = 0; j < n; j++) {
            long v = (out[j] & 0xffffffffL) + (m[j] & mask) + c;
            out[j] = (int) v;
            c = v >>> 32;
        }
    }

    /** out = -a mod m. */
    void neg(int[] out, int[] a) {
        final int n = len;
        long borrow = 0;
        for (int j = 0; j < n; j++) {
            long d = -(a[j] & 0xffffffffL) - borrow;
            out[j] = (int) d;
            borrow = d >>> 63;
        }
        long mask = -borrow & 0xffffffffL;
        long c = 0;
        for (int j = 0; j < n; j++) {
            long v = (out[j] & 0xffffffffL) + (m[j] & mask) + c;
            out[j] = (int) v;
            c = v >>> 32;
        }
    }

    /** out = a·R mod m: a plain value (any value below R) into Montgomery form, reduced mod m. */
    void toMont(int[] out, int[] a) {
        mul(out, a, r2);
    }

    /** out = a·R^-1 mod m: from Montgomery form back to the plain value. */
    void fromMont(int[] out, int[] a) {
        int[] o = new int[len];
        o[0] = 1;
        mul(out, a, o);
    }

    /**
     * Reduces a big-endian byte string of any public length modulo m and returns it in Montgomery
     * form. Used for hash outputs (EdDSA's 64- and 114-byte digests, ECDSA's truncated digest).
     */
    int[] reduceWideToMont(byte[] in, int off, int blen) {
        int chunkBytes = 4 * len;
        int chunks = (blen + chunkBytes - 1) / chunkBytes;
        int[] acc = new int[len];
        int[] c = new int[len];
        int[] t = new int[len];
        // value = sum c_k W^k with W = 2^(32·len); its Montgomery form is value·R = sum mul(c_k, W^k·R^2):
        // rpow starts at R^2 and is multiplied (Montgomery product) by W·R each chunk.
        int[] rpow = r2.clone();
        for (int k = 0; k < chunks; k++) {
            // chunk k holds the bytes [blen - (k+1)·chunkBytes, blen - k·chunkBytes)
            java.util.Arrays.fill(c, 0);
            int end = blen - k * chunkBytes;
            int start = Math.max(0, end - chunkBytes);
            for (int i = start; i < end; i++) {
                int pos = end - 1 - i; // byte index from the little end of the chunk
                c[pos >>> 2] |= (in[off + i] & 0xff) << (8 * (pos & 3));
            }
            mul(t, c, rpow);
            add(acc, acc, t);
            mul(rpow, rpow, wordShift);
        }
        ConstantTime.zero(c);
        ConstantTime.zero(t);
        return acc;
    }

    /** Decodes a big-endian value of exactly byteLen bytes (no reduction); returns 1 if it is below m. */
    int decode(int[] out, byte[] in, int off) {
        java.util.Arrays.fill(out, 0);
        for (int i = 0; i < byteLen; i++) {
            int pos = byteLen - 1 - i;
            out[pos >>> 2] |= (in[off + i] & 0xff) << (8 * (pos & 3));
        }
        long borrow = 0;
        for (int j = 0; j < len; j++) {
            long d = (out[j] & 0xffffffffL) - (m[j] & 0xffffffffL) - borrow;
            borrow = d >>> 63;
        }
        return (int) borrow;
    }

    /** Writes the plain value of a canonical (non-Montgomery) element, big-endian, byteLen bytes. */
    void encodePlain(byte[] out, int off, int[] plain) {
        for (int i = 0; i < byteLen; i++) {
            int pos = byteLen - 1 - i;
            out[off + i] = (byte) (plain[pos >>> 2] >>> (8 * (pos & 3)));
        }
    }

    /** Writes the value of a Montgomery-form element, big-endian, byteLen bytes. */
    void encode(byte[] out, int off, int[] a) {
        int[] t = new int[len];
        fromMont(t, a);
        encodePlain(out, off, t);
        ConstantTime.zero(t);
    }

    /** 1 if a is zero (a is reduced, so zero has one representation), else 0. */
    int isZero(int[] a) {
        int d = 0;
        for (int j = 0; j < len; j++) {
            d |= a[j];
        }
        return ConstantTime.isZero(d);
    }

    /** 1 if a == b, else 0. */
    int eq(int[] a, int[] b) {
        int d = 0;
        for (int j = 0; j < len; j++) {
            d |= a[j] ^ b[j];
        }
        return ConstantTime.isZero(d);
    }

    /** out = ctl ? a : out. */
    void ccopy(int ctl, int[] out, int[] a) {
        int mask = -ctl;
        for (int j = 0; j < len; j++) {
            out[j] ^= mask & (out[j] ^ a[j]);
        }
    }

    /**
     * out = a^e, e a public exponent given as little-endian 32-bit limbs: fixed 4-bit windows from the
     * top (four squarings, then one multiplication by a^w from a 16-entry table when the window w is not
     * zero). Branches and table indices depend on e only; the sequence of operations is the same for
     * every a, so the method is constant-time in a.
     */
    void powPublic(int[] out, int[] a, int[] e) {
        int[][] t = new int[16][];
        t[0] = one.clone();
        t[1] = a.clone();
        for (int i = 2; i < 16; i++) {
            t[i] = new int[len];
            mul(t[i], t[i - 1], a);
        }
        int[] r = one.clone();
        boolean started = false;
        for (int i = e.length * 8 - 1; i >= 0; i--) {
            int w = (e[i >>> 3] >>> (4 * (i & 7))) & 15;
            if (started) {
                sqr(r, r);
                sqr(r, r);
                sqr(r, r);
                sqr(r, r);
            }
            if (w != 0) { // public exponent digit
                mul(r, r, t[w]);
                started = true;
            }
        }
        System.arraycopy(r, 0, out, 0, len);
        for (int[] x : t) {
            ConstantTime.zero(x);
        }
        ConstantTime.zero(r);
    }

    /** out = a^-1 (a^(m-2), Fermat; m prime). Zero maps to zero. constant-time in a. */
    void inv(int[] out, int[] a) {
        powPublic(out, a, mMinus2);
    }

    /**
     * out = a^-1 for a <em>public</em> element (zero maps to zero), through BigInteger's extended
     * Euclidean algorithm: variable time, several times faster than {@link #inv}. Only for verification.
     */
    void invVartime(int[] out, int[] a) {
        BigInteger v = toBigVartime(a);
        int[] r = fromBigPublic(v.signum() == 0 ? BigInteger.ZERO : v.modInverse(modulus));
        System.arraycopy(r, 0, out, 0, len);
    }

    int[] exponent(BigInteger e) {
        return fromBig(e, (e.bitLength() + 32) / 32);
    }
}
