package org.tls4j.crypto.ec;

import java.math.BigInteger;
import org.tls4j.crypto.ct.ConstantTime;
import org.tls4j.crypto.hash.Sha512;

/**
 * The Ed25519 engine (RFC 8032, Section 5.1): edwards25519 point arithmetic in extended coordinates
 * (X : Y : Z : T) with x = X/Z, y = Y/Z, xy = T/Z, the encodings, and signing and verification on raw
 * bytes. The public classes are {@link Ed25519PrivateKey}, {@link Ed25519PublicKey},
 * {@link Ed25519Signer} and {@link Ed25519Verifier}.
 *
 * <p>Addition and doubling are the formulas of RFC 8032, Section 5.1.4 (Hisil, Wong, Carter and
 * Dawson, "Twisted Edwards curves revisited", 2008), which are complete on this curve. Scalar
 * multiplication of the base point by a secret uses a signed 4-bit comb with masked table scans (see
 * {@link #mulBase}); verification uses a variable-time Straus/wNAF double multiplication on public data.
 *
 * <p><b>Verification rules</b> (see {@link #verify}): public key A and R must be canonical encodings
 * (y &lt; p, and no "negative zero" x), S must be canonical (S &lt; L, RFC 8032, Section 5.1.7), and the
 * check is the cofactorless equation [S]B = R + [k]A, evaluated as encode([S]B - [k]A) == R. Points of
 * small order are not blocklisted. This is the behaviour RFC 8032 and FIPS 186-5 require for
 * canonicity and allow for the equation; in the terms of the CCTV vectors: reject non_canonical_A,
 * non_canonical_R and low_order_residue, accept everything else.
 *
 * <p>constant-time: yes for signing and key generation; verification works on public data and is not.
 */
final class Ed25519 {
    private Ed25519() {}

    static final int KEY_LENGTH = 32;
    static final int SIGNATURE_LENGTH = 64;

    static final BigInteger P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));
    /** The group order L = 2^252 + 27742317777372353535851937790883648493. */
    static final BigInteger L = BigInteger.ONE.shiftLeft(252)
            .add(new BigInteger("27742317777372353535851937790883648493"));
    static final MontField SCALARS = new MontField(L);

    private static final int[] D = feConst(BigInteger.valueOf(-121665)
            .multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P));
    private static final int[] D2 = feConst(BigInteger.valueOf(-121665)
            .multiply(BigInteger.valueOf(121666).modInverse(P)).shiftLeft(1).mod(P));
    /** sqrt(-1) = 2^((p-1)/4) mod p. */
    private static final int[] SQRT_M1 = feConst(BigInteger.valueOf(2)
            .modPow(P.subtract(BigInteger.ONE).shiftRight(2), P));
    /** The base point B (RFC 8032, Section 5.1): y = 4/5, x even. */
    static final int[][] B;
    /**
     * Signed comb table (public): B_NIELS[i][j - 1] = j·16^i·B for the 64 4-bit digit positions of a
     * scalar and j = 1..8, in affine "precomputed" form {y + x, y - x, 2d·x·y} (the form of the "ref10"
     * code), so each digit costs one 7-multiplication mixed addition and an 8-entry scan.
     */
    private static final int[][][][] B_NIELS;

    static {
        byte[] enc = new byte[32];
        BigInteger y = BigInteger.valueOf(4).multiply(BigInteger.valueOf(5).modInverse(P)).mod(P);
        byte[] be = y.toByteArray();
        for (int i = 0; i < be.length && i < 32; i++) {
            enc[i] = be[be.length - 1 - i];
        }
        B = decode(enc, 0);
        B_NIELS = new int[64][][][];
        int[][] base = copyOf(B);
        for (int i = 0; i < 64; i++) {
            B_NIELS[i] = nielsTable(base);
            for (int d = 0; d < 4; d++) {
                dbl(base, base);
            }
        }
    }

    /**
     * {1·p, ..., 8·p} in affine precomputed form {y + x, y - x, 2d·x·y}; the eight Z coordinates are
     * inverted together (Montgomery's trick: one inversion and 3·7 multiplications). Public data.
     */
    private static int[][][] nielsTable(int[][] p) {
        int[][][] pts = new int[8][][];
        pts[0] = copyOf(p);
        for (int j = 1; j < 8; j++) {
            pts[j] = identity();
            add(pts[j], pts[j - 1], p);
        }
        int[][] prefix = new int[8][];
        prefix[0] = pts[0][2].clone();
        for (int j = 1; j < 8; j++) {
            prefix[j] = Fe25519.create();
            Fe25519.mul(prefix[j], prefix[j - 1], pts[j][2]);
        }
        int[] inv = Fe25519.create();
        Fe25519.invert(inv, prefix[7]); // 1 / (Z_0 ... Z_7)
        int[][][] out = new int[8][][];
        int[] zi = Fe25519.create(), x = Fe25519.create(), y = Fe25519.create();
        for (int j = 7; j >= 0; j--) {
            if (j > 0) {
                Fe25519.mul(zi, inv, prefix[j - 1]); // 1 / Z_j
                Fe25519.mul(inv, inv, pts[j][2]); // 1 / (Z_0 ... Z_(j-1))
            } else {
                Fe25519.copy(zi, inv);
            }
            Fe25519.mul(x, pts[j][0], zi);
            Fe25519.mul(y, pts[j][1], zi);
            int[] ypx = Fe25519.create(), ymx = Fe25519.create(), xy2d = Fe25519.create();
            Fe25519.add(ypx, y, x);
            Fe25519.carry(ypx);
            Fe25519.sub(ymx, y, x);
            Fe25519.carry(ymx);
            Fe25519.mul(xy2d, x, y);
            Fe25519.mul(xy2d, xy2d, D2);
            out[j] = new int[][] {ypx, ymx, xy2d};
        }
        return out;
    }

    private static int[] feConst(BigInteger v) {
        byte[] le = new byte[32];
        byte[] be = v.toByteArray();
        for (int i = 0; i < be.length && i < 32; i++) {
            le[i] = be[be.length - 1 - i];
        }
        int[] f = Fe25519.create();
        Fe25519.fromBytes(f, le, 0);
        return f;
    }

    // ---------------------------------------------------------------- points

    static int[][] identity() {
        return new int[][] {Fe25519.create(), Fe25519.one(), Fe25519.one(), Fe25519.create()};
    }

    /** out = p + q (RFC 8032, Section 5.1.4, "point addition"). out may alias p or q. */
    static void add(int[][] out, int[][] p, int[][] q) {
        int[] a = Fe25519.create(), b = Fe25519.create(), c = Fe25519.create(), d = Fe25519.create();
        int[] t = Fe25519.create(), u = Fe25519.create();
        Fe25519.sub(t, p[1], p[0]);
        Fe25519.sub(u, q[1], q[0]);
        Fe25519.mul(a, t, u);
        Fe25519.add(t, p[1], p[0]);
        Fe25519.add(u, q[1], q[0]);
        Fe25519.mul(b, t, u);
        Fe25519.mul(c, p[3], D2);
        Fe25519.mul(c, c, q[3]);
        Fe25519.mul(d, p[2], q[2]);
        Fe25519.add(d, d, d);
        Fe25519.carry(d);
        int[] e = Fe25519.create(), f = Fe25519.create(), g = Fe25519.create(), h = Fe25519.create();
        Fe25519.sub(e, b, a);
        Fe25519.sub(f, d, c);
        Fe25519.add(g, d, c);
        Fe25519.add(h, b, a);
        Fe25519.mul(out[0], e, f);
        Fe25519.mul(out[1], g, h);
        Fe25519.mul(out[3], e, h);
        Fe25519.mul(out[2], f, g);
    }

    /** out = 2p (RFC 8032, Section 5.1.4, "point doubling"). */
    static void dbl(int[][] out, int[][] p) {
        dbl(out, p, true);
    }

    /** out = 2p; without {@code withT} the T coordinate is left stale (for a doubling that follows). */
    static void dbl(int[][] out, int[][] p, boolean withT) {
        int[] a = Fe25519.create(), b = Fe25519.create(), c = Fe25519.create(), h = Fe25519.create();
        int[] e = Fe25519.create(), g = Fe25519.create(), f = Fe25519.create(), t = Fe25519.create();
        Fe25519.sqr(a, p[0]);
        Fe25519.sqr(b, p[1]);
        Fe25519.sqr(c, p[2]);
        Fe25519.add(c, c, c);
        Fe25519.carry(c);
        Fe25519.add(h, a, b);
        Fe25519.add(t, p[0], p[1]);
        Fe25519.sqr(t, t);
        Fe25519.sub(e, h, t);
        Fe25519.carry(e); // h is an unreduced sum: keep mul's input bound (2^27 per limb)
        Fe25519.sub(g, a, b);
        Fe25519.add(f, c, g);
        Fe25519.carry(f);
        Fe25519.mul(out[0], e, f);
        Fe25519.mul(out[1], g, h);
        if (withT) { // public flag
            Fe25519.mul(out[3], e, h);
        }
        Fe25519.mul(out[2], f, g);
    }

    static void neg(int[][] out, int[][] p) {
        Fe25519.neg(out[0], p[0]);
        Fe25519.copy(out[1], p[1]);
        Fe25519.copy(out[2], p[2]);
        Fe25519.neg(out[3], p[3]);
    }

    static int[][] copyOf(int[][] p) {
        return new int[][] {p[0].clone(), p[1].clone(), p[2].clone(), p[3].clone()};
    }

    /**
     * out = [k]B for a secret 32-byte little-endian scalar k below 2^255 (clamped secret scalars and
     * values reduced mod L both are). k is rewritten as 64 signed 4-bit digits e_i in [-8, 8) (the top
     * one in [0, 8]) with k = sum e_i·16^i; each position adds sign(e_i)·|e_i|·16^i·B, the entry found by
     * a masked scan of all eight candidates of {@link #B_NIELS} (the identity {1, 1, 0} when e_i = 0) and
     * negated by mask. No branch, index or loop bound depends on k.
     */
    static void mulBase(int[][] out, byte[] k) {
        byte[] e = new byte[64];
        for (int i = 0; i < 32; i++) {
            e[2 * i] = (byte) (k[i] & 15);
            e[2 * i + 1] = (byte) ((k[i] >>> 4) & 15);
        }
        int carry = 0;
        for (int i = 0; i < 63; i++) { // e_i + carry in [0, 16]; move [8, 16] down by 16
            int v = e[i] + carry;
            carry = (v + 8) >> 4;
            e[i] = (byte) (v - (carry << 4));
        }
        e[63] += (byte) carry;
        int[][] acc = identity();
        int[] ypx = Fe25519.create(), ymx = Fe25519.create(), xy2d = Fe25519.create(), t = Fe25519.create();
        int[][] sel = {ypx, ymx, xy2d};
        int[][] s = new int[8][];
        for (int i = 0; i < s.length; i++) {
            s[i] = Fe25519.create();
        }
        for (int i = 0; i < 64; i++) {
            int v = e[i];
            int neg = (v >>> 31) & 1;
            int abs = v - ((-neg & v) << 1);
            java.util.Arrays.fill(ypx, 0);
            java.util.Arrays.fill(ymx, 0);
            java.util.Arrays.fill(xy2d, 0);
            ypx[0] = 1;
            ymx[0] = 1;
            for (int j = 1; j <= 8; j++) {
                int ctl = ConstantTime.eq(abs, j);
                int[][] entry = B_NIELS[i][j - 1];
                Fe25519.cmov(ctl, ypx, entry[0]);
                Fe25519.cmov(ctl, ymx, entry[1]);
                Fe25519.cmov(ctl, xy2d, entry[2]);
            }
            // -(x, y) = (-x, y): swap y + x and y - x, negate 2d·x·y
            Fe25519.cswap(neg, ypx, ymx);
            Fe25519.neg(t, xy2d);
            Fe25519.cmov(neg, xy2d, t);
            addNiels(acc, acc, sel, s);
        }
        for (int i = 0; i < 4; i++) {
            Fe25519.copy(out[i], acc[i]);
            ConstantTime.zero(acc[i]);
        }
        for (int[] f : new int[][] {ypx, ymx, xy2d, t}) {
            ConstantTime.zero(f);
        }
        for (int[] f : s) {
            ConstantTime.zero(f);
        }
        ConstantTime.zero(e);
    }

    /**
     * out = p + q for q in affine precomputed form {y + x, y - x, 2d·x·y}: the addition of
     * {@link #add} with Z2 = 1 and the factors of q precomputed, 7 multiplications, complete like it.
     * Constant-time. out may alias p; {@code s} holds eight scratch elements.
     */
    private static void addNiels(int[][] out, int[][] p, int[][] q, int[][] s) {
        int[] a = s[0], b = s[1], c = s[2], d = s[3], e = s[4], f = s[5], g = s[6], h = s[7];
        Fe25519.sub(e, p[1], p[0]);
        Fe25519.mul(a, e, q[1]);
        Fe25519.add(e, p[1], p[0]);
        Fe25519.mul(b, e, q[0]);
        Fe25519.mul(c, p[3], q[2]);
        Fe25519.add(d, p[2], p[2]);
        Fe25519.carry(d);
        Fe25519.sub(e, b, a);
        Fe25519.sub(f, d, c);
        Fe25519.add(g, d, c);
        Fe25519.add(h, b, a);
        Fe25519.mul(out[0], e, f);
        Fe25519.mul(out[1], g, h);
        Fe25519.mul(out[3], e, h);
        Fe25519.mul(out[2], f, g);
    }

    // ----------------------------------- variable time, public data only (verification)

    /** wNAF widths: 8 odd multiples of the variable point, 32 of the base point. */
    private static final int WQ = 5;
    private static final int WB = 7;

    /**
     * Odd multiples B, 3B, ..., 63B in affine "precomputed" form {y + x, y - x, 2d·x·y} (public), built
     * the first time a signature is verified (holder-class idiom).
     */
    private static final class BOdd {
        static final int[][][] T = build();

        private static int[][][] build() {
            int[][][] t = new int[1 << (WB - 2)][][];
            int[][] b2 = identity();
            dbl(b2, B);
            int[][] cur = copyOf(B);
            int[] zi = Fe25519.create(), x = Fe25519.create(), y = Fe25519.create();
            for (int i = 0; i < t.length; i++) {
                if (i > 0) {
                    add(cur, cur, b2);
                }
                Fe25519.invert(zi, cur[2]);
                Fe25519.mul(x, cur[0], zi);
                Fe25519.mul(y, cur[1], zi);
                int[] ypx = Fe25519.create(), ymx = Fe25519.create(), xy2d = Fe25519.create();
                Fe25519.add(ypx, y, x);
                Fe25519.carry(ypx);
                Fe25519.sub(ymx, y, x);
                Fe25519.carry(ymx);
                Fe25519.mul(xy2d, x, y);
                Fe25519.mul(xy2d, xy2d, D2);
                t[i] = new int[][] {ypx, ymx, xy2d};
            }
            return t;
        }
    }

    /** The "cached" form {Y + X, Y - X, 2Z, 2d·T} of an extended point, for repeated additions. */
    private static int[][] cached(int[][] p) {
        int[] ypx = Fe25519.create(), ymx = Fe25519.create(), z2 = Fe25519.create(), t2d = Fe25519.create();
        Fe25519.add(ypx, p[1], p[0]);
        Fe25519.carry(ypx);
        Fe25519.sub(ymx, p[1], p[0]);
        Fe25519.carry(ymx);
        Fe25519.add(z2, p[2], p[2]);
        Fe25519.carry(z2);
        Fe25519.mul(t2d, p[3], D2);
        return new int[][] {ypx, ymx, z2, t2d};
    }

    /**
     * out = p ± q for q in cached form (8M) or, when {@code q.length == 3}, in affine precomputed form
     * (7M; its Z is 1). The same formulas as {@link #add} with the constant factors of q precomputed.
     * The sign is a branch: public data only. out may alias p. {@code s} holds eight scratch elements.
     */
    private static void addPrecomputedVartime(int[][] out, int[][] p, int[][] q, boolean negate, int[][] s) {
        int[] a = s[0], b = s[1], c = s[2], d = s[3], e = s[4], f = s[5], g = s[6], h = s[7];
        Fe25519.sub(e, p[1], p[0]);
        Fe25519.mul(a, e, negate ? q[0] : q[1]);
        Fe25519.add(e, p[1], p[0]);
        Fe25519.mul(b, e, negate ? q[1] : q[0]);
        if (q.length == 3) {
            Fe25519.mul(c, p[3], q[2]);
            Fe25519.add(d, p[2], p[2]);
            Fe25519.carry(d);
        } else {
            Fe25519.mul(c, p[3], q[3]);
            Fe25519.mul(d, p[2], q[2]);
        }
        if (negate) {
            Fe25519.neg(c, c);
        }
        Fe25519.sub(e, b, a);
        Fe25519.sub(f, d, c);
        Fe25519.add(g, d, c);
        Fe25519.add(h, b, a);
        Fe25519.mul(out[0], e, f);
        Fe25519.mul(out[1], g, h);
        Fe25519.mul(out[3], e, h);
        Fe25519.mul(out[2], f, g);
    }

    /**
     * out = [a]B + [b]q for public little-endian 32-byte scalars (verification), variable time:
     * Straus' simultaneous multiplication (one chain of doublings) with the width-5 NAF of b over eight
     * cached odd multiples of q and the width-7 NAF of a over 32 precomputed odd multiples of B; a
     * doubling skips T when no addition follows it.
     */
    static void mulAddVartime(int[][] out, byte[] a, byte[] b, int[][] q) {
        int[][] s = new int[8][];
        for (int i = 0; i < s.length; i++) {
            s[i] = Fe25519.create();
        }
        int[][][] qt = new int[1 << (WQ - 2)][][];
        int[][] q2 = identity();
        dbl(q2, q);
        int[][] q2c = cached(q2);
        int[][] cur = copyOf(q);
        qt[0] = cached(cur);
        for (int i = 1; i < qt.length; i++) {
            addPrecomputedVartime(cur, cur, q2c, false, s);
            qt[i] = cached(cur);
        }
        int[][][] bt = BOdd.T;
        int[] na = EcCurve.wnafVartime(reverse(a, 0, 32), WB);
        int[] nb = EcCurve.wnafVartime(reverse(b, 0, 32), WQ);
        int[][] acc = identity();
        boolean started = false;
        for (int i = na.length - 1; i >= 0; i--) {
            int da = na[i];
            int db = nb[i];
            if (started) {
                dbl(acc, acc, da != 0 || db != 0 || i == 0);
            }
            if (db != 0) {
                addPrecomputedVartime(acc, acc, qt[Math.abs(db) >>> 1], db < 0, s);
                started = true;
            }
            if (da != 0) {
                addPrecomputedVartime(acc, acc, bt[Math.abs(da) >>> 1], da < 0, s);
                started = true;
            }
        }
        for (int i = 0; i < 4; i++) {
            Fe25519.copy(out[i], acc[i]);
        }
    }

    /** RFC 8032, Section 5.1.2: y with the low bit of x in the top bit. */
    static byte[] encode(int[][] p) {
        int[] zi = Fe25519.create();
        int[] x = Fe25519.create();
        int[] y = Fe25519.create();
        Fe25519.invert(zi, p[2]);
        Fe25519.mul(x, p[0], zi);
        Fe25519.mul(y, p[1], zi);
        byte[] out = new byte[32];
        Fe25519.toBytes(out, 0, y);
        out[31] |= (byte) (Fe25519.isNegative(x) << 7);
        return out;
    }

    /**
     * RFC 8032, Section 5.1.3: decodes a point, or returns null if the encoding is not canonical
     * (y &gt;= p, or x = 0 with the sign bit set) or y does not belong to a curve point. Variable time
     * (public keys and R are public).
     */
    static int[][] decode(byte[] in, int off) {
        // y must be below p: compare the 255-bit value with 2^255 - 19.
        byte[] yb = new byte[32];
        System.arraycopy(in, off, yb, 0, 32);
        int sign = (yb[31] >>> 7) & 1;
        yb[31] &= 0x7f;
        if (!belowP(yb)) {
            return null;
        }
        int[] y = Fe25519.create();
        Fe25519.fromBytes(y, yb, 0);
        int[] u = Fe25519.create();
        int[] v = Fe25519.create();
        int[] yy = Fe25519.create();
        Fe25519.sqr(yy, y);
        Fe25519.sub(u, yy, Fe25519.one()); // u = y^2 - 1
        Fe25519.carry(u);
        Fe25519.mul(v, yy, D);
        Fe25519.add(v, v, Fe25519.one()); // v = d y^2 + 1
        Fe25519.carry(v);
        // x = u v^3 (u v^7)^((p-5)/8)
        int[] v3 = Fe25519.create();
        Fe25519.sqr(v3, v);
        Fe25519.mul(v3, v3, v);
        int[] v7 = Fe25519.create();
        Fe25519.sqr(v7, v3);
        Fe25519.mul(v7, v7, v);
        int[] t = Fe25519.create();
        Fe25519.mul(t, u, v7);
        Fe25519.pow22523(t, t);
        int[] x = Fe25519.create();
        Fe25519.mul(x, u, v3);
        Fe25519.mul(x, x, t);
        int[] vxx = Fe25519.create();
        Fe25519.sqr(vxx, x);
        Fe25519.mul(vxx, vxx, v);
        int[] negU = Fe25519.create();
        Fe25519.neg(negU, u);
        if (Fe25519.eq(vxx, u) == 1) {
            // x is a root
        } else if (Fe25519.eq(vxx, negU) == 1) {
            Fe25519.mul(x, x, SQRT_M1);
        } else {
            return null;
        }
        int xIsZero = Fe25519.isZero(x);
        if (xIsZero == 1 && sign == 1) {
            return null; // "negative zero": not canonical
        }
        if (Fe25519.isNegative(x) != sign) {
            Fe25519.neg(x, x);
            Fe25519.carry(x);
        }
        int[] tt = Fe25519.create();
        Fe25519.mul(tt, x, y);
        return new int[][] {x, y, Fe25519.one(), tt};
    }

    /** Is the little-endian 255-bit value below p = 2^255 - 19? */
    private static boolean belowP(byte[] y) {
        // p = ed ff .. ff 7f (little-endian). Compare from the top byte down.
        for (int i = 31; i >= 0; i--) {
            int pb = i == 31 ? 0x7f : (i == 0 ? 0xed : 0xff);
            int yb = y[i] & 0xff;
            if (yb != pb) {
                return yb < pb;
            }
        }
        return false; // equal to p
    }

    // --------------------------------------------------------------- scalars

    static byte[] reverse(byte[] a, int off, int len) {
        byte[] r = new byte[len];
        for (int i = 0; i < len; i++) {
            r[i] = a[off + len - 1 - i];
        }
        return r;
    }

    /** A little-endian byte string of any length reduced mod L, as a Montgomery-form scalar. */
    static int[] scalarFromLe(byte[] le, int off, int len) {
        byte[] be = reverse(le, off, len);
        int[] s = SCALARS.reduceWideToMont(be, 0, len);
        ConstantTime.zero(be);
        return s;
    }

    /** The 32-byte little-endian encoding of a Montgomery-form scalar. */
    static byte[] scalarToLe(int[] s) {
        byte[] be = new byte[32];
        SCALARS.encode(be, 0, s);
        byte[] le = reverse(be, 0, 32);
        ConstantTime.zero(be);
        return le;
    }

    // ------------------------------------------------------ sign and verify

    /** RFC 8032, Section 5.1.5: the clamped scalar s (32 bytes, little-endian) and the prefix, from SHA-512(seed). */
    static byte[] expand(byte[] seed) {
        Sha512 md = new Sha512();
        md.update(seed, 0, seed.length);
        return md.digest();
    }

    static byte[] clampedScalar(byte[] h) {
        byte[] s = new byte[32];
        System.arraycopy(h, 0, s, 0, 32);
        s[0] &= (byte) 248;
        s[31] &= 127;
        s[31] |= 64;
        return s;
    }

    static byte[] publicFromSeed(byte[] seed) {
        byte[] h = expand(seed);
        byte[] s = clampedScalar(h);
        int[][] a = identity();
        mulBase(a, s);
        ConstantTime.zero(h);
        ConstantTime.zero(s);
        return encode(a);
    }

    /** RFC 8032, Section 5.1.6. */
    static byte[] sign(byte[] seed, byte[] pub, byte[] m, int off, int len) {
        byte[] h = expand(seed);
        byte[] s = clampedScalar(h);
        Sha512 md = new Sha512();
        md.update(h, 32, 32);
        md.update(m, off, len);
        byte[] rh = md.digest();
        int[] r = scalarFromLe(rh, 0, 64);
        byte[] rb = scalarToLe(r);
        int[][] rp = identity();
        mulBase(rp, rb);
        byte[] rEnc = encode(rp);
        md.update(rEnc, 0, 32);
        md.update(pub, 0, 32);
        md.update(m, off, len);
        int[] k = scalarFromLe(md.digest(), 0, 64);
        int[] sm = scalarFromLe(s, 0, 32);
        int[] sum = SCALARS.create();
        SCALARS.mul(sum, k, sm);
        SCALARS.add(sum, sum, r);
        byte[] sig = new byte[64];
        System.arraycopy(rEnc, 0, sig, 0, 32);
        System.arraycopy(scalarToLe(sum), 0, sig, 32, 32);
        ConstantTime.zero(h);
        ConstantTime.zero(s);
        ConstantTime.zero(rh);
        ConstantTime.zero(rb);
        ConstantTime.zero(r);
        ConstantTime.zero(sm);
        ConstantTime.zero(sum);
        return sig;
    }

    /** RFC 8032, Section 5.1.7 with the rules in the class comment. a is a decoded public key. */
    static boolean verify(byte[] pub, int[][] a, byte[] m, int mOff, int mLen, byte[] sig, int sOff) {
        // R is not decoded: the final comparison is with the canonical encoding of [S]B - [k]A, so an R
        // that is non-canonical or not a point can never match.
        byte[] sBe = reverse(sig, sOff + 32, 32);
        int[] sv = SCALARS.create();
        if (SCALARS.decode(sv, sBe, 0) == 0) {
            return false; // S >= L
        }
        Sha512 md = new Sha512();
        md.update(sig, sOff, 32);
        md.update(pub, 0, 32);
        md.update(m, mOff, mLen);
        byte[] k = scalarToLe(scalarFromLe(md.digest(), 0, 64));
        int[][] negA = identity();
        neg(negA, a);
        int[][] r = identity();
        mulAddVartime(r, reverse(sBe, 0, 32), k, negA);
        byte[] rEnc = encode(r);
        return ConstantTime.equals(sig, sOff, rEnc, 0, 32) == 1;
    }
}
