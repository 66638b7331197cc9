package org.tls4j.crypto.ec;

import java.math.BigInteger;
import org.tls4j.crypto.ct.ConstantTime;
import org.tls4j.crypto.hash.Shake;

/**
 * The Ed448 engine (RFC 8032, Section 5.2): the Edwards curve x^2 + y^2 = 1 - 39081·x^2·y^2 over
 * GF(2^448 - 2^224 - 1) in projective coordinates (X : Y : Z), on the generic {@link MontField}, with
 * the addition and doubling formulas of RFC 8032, Section 5.2.4 (complete on this curve, d being a
 * non-square). Hash: SHAKE256 with 114 bytes of output and the dom4 prefix (Section 5.2).
 *
 * <p>Verification rules, as for Ed25519: canonical A and R (y &lt; p, no negative zero, last octet
 * 0x00 or 0x80), canonical S &lt; L, cofactorless equation checked as encode([S]B - [k]A) == R.
 *
 * <p>constant-time: yes for signing and key generation (fixed 4-bit windows, masked table scan);
 * verification is not (public data).
 */
final class Ed448 {
    private Ed448() {}

    static final int KEY_LENGTH = 57;
    static final int SIGNATURE_LENGTH = 114;

    private static final MontField F = X448.F;
    static final BigInteger P = X448.P;
    static final BigInteger L = BigInteger.ONE.shiftLeft(446).subtract(
            new BigInteger("13818066809895115352007386748515426880336692474882178609894547503885"));
    static final MontField SCALARS = new MontField(L);
    private static final int[] D = F.fromBigPublic(BigInteger.valueOf(-39081));
    private static final int[] SQRT_EXP = F.exponent(P.subtract(BigInteger.valueOf(3)).shiftRight(2));
    static final int[][] B = new int[][] {
        F.fromBigPublic(new BigInteger("22458004029592430018760433409989603624678964163256413424612546168695"
                + "0415467406032909029192869357953282578032075146446173674602635247710")),
        F.fromBigPublic(new BigInteger("29881921007848149267601793044393067343754404015408024209592824137233"
                + "1506189835876003536878655418784733982303233503462500531545062832660")),
        F.one.clone()};
    private static final int[][][] B_TABLE;

    static {
        B_TABLE = new int[16][][];
        B_TABLE[0] = identity();
        B_TABLE[1] = new int[][] {B[0].clone(), B[1].clone(), B[2].clone()};
        for (int i = 2; i < 16; i++) {
            B_TABLE[i] = identity();
            add(B_TABLE[i], B_TABLE[i - 1], B);
        }
    }

    static int[][] identity() {
        return new int[][] {F.create(), F.one.clone(), F.one.clone()};
    }

    /** RFC 8032, Section 5.2.4, point addition. out may alias p or q. */
    static void add(int[][] out, int[][] p, int[][] q) {
        MontField f = F;
        int[] a = f.create(), b = f.create(), c = f.create(), d = f.create(), e = f.create();
        int[] ff = f.create(), g = f.create(), h = f.create(), t = f.create();
        f.mul(a, p[2], q[2]);
        f.sqr(b, a);
        f.mul(c, p[0], q[0]);
        f.mul(d, p[1], q[1]);
        f.mul(e, c, d);
        f.mul(e, e, D);
        f.sub(ff, b, e);
        f.add(g, b, e);
        f.add(h, p[0], p[1]);
        f.add(t, q[0], q[1]);
        f.mul(h, h, t);
        f.sub(h, h, c);
        f.sub(h, h, d);
        f.mul(t, a, ff);
        f.mul(out[0], t, h);
        f.sub(h, d, c);
        f.mul(t, a, g);
        f.mul(out[1], t, h);
        f.mul(out[2], ff, g);
    }

    /** RFC 8032, Section 5.2.4, point doubling. */
    static void dbl(int[][] out, int[][] p) {
        MontField f = F;
        int[] b = f.create(), c = f.create(), d = f.create(), e = f.create(), h = f.create(), j = f.create();
        f.add(b, p[0], p[1]);
        f.sqr(b, b);
        f.sqr(c, p[0]);
        f.sqr(d, p[1]);
        f.add(e, c, d);
        f.sqr(h, p[2]);
        f.add(h, h, h);
        f.sub(j, e, h);
        f.sub(b, b, e);
        f.mul(out[0], b, j);
        f.sub(c, c, d);
        f.mul(out[1], e, c);
        f.mul(out[2], e, j);
    }

    private static void ccopy(int ctl, int[][] out, int[][] p) {
        for (int i = 0; i < 3; i++) {
            F.ccopy(ctl, out[i], p[i]);
        }
    }

    /** out = [k]B for a secret little-endian scalar of 56 bytes (fixed 4-bit windows). */
    static void mulBase(int[][] out, byte[] k) {
        int[][] acc = identity();
        int[][] sel = identity();
        for (int i = 111; i >= 0; i--) {
            int w = ((k[i >>> 1] & 0xff) >>> (4 * (i & 1))) & 15;
            if (i != 111) { // public position
                dbl(acc, acc);
                dbl(acc, acc);
                dbl(acc, acc);
                dbl(acc, acc);
            }
            for (int j = 0; j < 16; j++) {
                ccopy(ConstantTime.eq(j, w), sel, B_TABLE[j]);
            }
            add(acc, acc, sel);
        }
        for (int i = 0; i < 3; i++) {
            System.arraycopy(acc[i], 0, out[i], 0, F.len);
            ConstantTime.zero(acc[i]);
            ConstantTime.zero(sel[i]);
        }
    }

    /** out = [a]B + [b]q for public little-endian scalars of 57 bytes, variable time. */
    static void mulAddVartime(int[][] out, byte[] a, byte[] b, int[][] q) {
        int[][] bq = identity();
        add(bq, B, q);
        int[][] acc = identity();
        for (int i = 8 * a.length - 1; i >= 0; i--) {
            dbl(acc, acc);
            int x = (a[i >>> 3] >>> (i & 7)) & 1;
            int y = (b[i >>> 3] >>> (i & 7)) & 1;
            if (x == 1 && y == 1) {
                add(acc, acc, bq);
            } else if (x == 1) {
                add(acc, acc, B);
            } else if (y == 1) {
                add(acc, acc, q);
            }
        }
        for (int i = 0; i < 3; i++) {
            System.arraycopy(acc[i], 0, out[i], 0, F.len);
        }
    }

    /** RFC 8032, Section 5.2.2: 56 bytes of y, then an octet holding the low bit of x in its top bit. */
    static byte[] encode(int[][] p) {
        int[] zi = F.create(), x = F.create(), y = F.create();
        F.inv(zi, p[2]);
        F.mul(x, p[0], zi);
        F.mul(y, p[1], zi);
        byte[] out = new byte[KEY_LENGTH];
        X448.encodeLe(out, 0, y);
        byte[] xb = new byte[56];
        X448.encodeLe(xb, 0, x);
        out[56] = (byte) ((xb[0] & 1) << 7);
        return out;
    }

    /** RFC 8032, Section 5.2.3, or null when the encoding is not canonical or not a point. Variable time. */
    static int[][] decode(byte[] in, int off) {
        if ((in[off + 56] & 0x7f) != 0) {
            return null;
        }
        int sign = (in[off + 56] >>> 7) & 1;
        byte[] be = X448.reverse(in, off, 56);
        int[] y = F.create();
        if (F.decode(y, be, 0) == 0) {
            return null; // y >= p
        }
        F.toMont(y, y);
        int[] yy = F.create(), u = F.create(), v = F.create();
        F.sqr(yy, y);
        F.sub(u, yy, F.one); // u = y^2 - 1
        F.mul(v, yy, D);
        F.sub(v, v, F.one); // v = d y^2 - 1
        // x = u^3 v (u^5 v^3)^((p-3)/4)
        int[] u2 = F.create(), u3 = F.create(), u5 = F.create(), v3 = F.create(), t = F.create();
        F.sqr(u2, u);
        F.mul(u3, u2, u);
        F.mul(u5, u3, u2);
        F.sqr(v3, v);
        F.mul(v3, v3, v);
        F.mul(t, u5, v3);
        F.powPublic(t, t, SQRT_EXP);
        int[] x = F.create();
        F.mul(x, u3, v);
        F.mul(x, x, t);
        int[] chk = F.create();
        F.sqr(chk, x);
        F.mul(chk, chk, v);
        if (F.eq(chk, u) == 0) {
            return null;
        }
        byte[] xb = new byte[56];
        X448.encodeLe(xb, 0, x);
        if (F.isZero(x) == 1 && sign == 1) {
            return null;
        }
        if ((xb[0] & 1) != sign) {
            F.neg(x, x);
        }
        return new int[][] {x, y, F.one.clone()};
    }

    // --------------------------------------------------------------- hashing

    /** SHAKE256(dom4(0, context) || parts..., 114) (RFC 8032, Section 5.2). */
    static byte[] hashDom(byte[] context, byte[]... parts) {
        Shake s = Shake.shake256();
        s.absorb("SigEd448".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        s.absorb((byte) 0);
        s.absorb((byte) context.length);
        s.absorb(context);
        for (byte[] p : parts) {
            s.absorb(p);
        }
        return s.squeeze(114);
    }

    static byte[] expand(byte[] seed) {
        Shake s = Shake.shake256();
        s.absorb(seed);
        return s.squeeze(114);
    }

    /** RFC 8032, Section 5.2.5: the low 57 bytes, two low bits cleared, bit 447 set, last octet zero. */
    static byte[] clampedScalar(byte[] h) {
        byte[] s = new byte[57];
        System.arraycopy(h, 0, s, 0, 57);
        s[0] &= (byte) 252;
        s[55] |= (byte) 0x80;
        s[56] = 0;
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

    static int[] scalarFromLe(byte[] le) {
        byte[] be = X448.reverse(le, 0, le.length);
        int[] r = SCALARS.reduceWideToMont(be, 0, be.length);
        ConstantTime.zero(be);
        return r;
    }

    /** 57-byte little-endian encoding of a Montgomery-form scalar (the top octet is zero). */
    static byte[] scalarToLe(int[] s) {
        byte[] be = new byte[56];
        SCALARS.encode(be, 0, s);
        byte[] le = new byte[57];
        for (int i = 0; i < 56; i++) {
            le[i] = be[55 - i];
        }
        ConstantTime.zero(be);
        return le;
    }

    /** RFC 8032, Section 5.2.6 (pure Ed448, phflag 0). */
    static byte[] sign(byte[] seed, byte[] pub, byte[] context, byte[] m) {
        byte[] h = expand(seed);
        byte[] s = clampedScalar(h);
        byte[] prefix = java.util.Arrays.copyOfRange(h, 57, 114);
        byte[] rh = hashDom(context, prefix, m);
        int[] r = scalarFromLe(rh);
        byte[] rb = scalarToLe(r);
        int[][] rp = identity();
        mulBase(rp, rb);
        byte[] rEnc = encode(rp);
        int[] k = scalarFromLe(hashDom(context, rEnc, pub, m));
        int[] sm = scalarFromLe(s);
        int[] sum = SCALARS.create();
        SCALARS.mul(sum, k, sm);
        SCALARS.add(sum, sum, r);
        byte[] sig = new byte[SIGNATURE_LENGTH];
        System.arraycopy(rEnc, 0, sig, 0, 57);
        System.arraycopy(scalarToLe(sum), 0, sig, 57, 57);
        for (byte[] z : new byte[][] {h, s, prefix, rh, rb}) {
            ConstantTime.zero(z);
        }
        ConstantTime.zero(r);
        ConstantTime.zero(sm);
        ConstantTime.zero(sum);
        return sig;
    }

    /** RFC 8032, Section 5.2.7 with the rules in the class comment. */
    static boolean verify(byte[] pub, int[][] a, byte[] context, byte[] m, byte[] sig) {
        // R is not decoded: it is compared with the canonical encoding of [S]B - [k]A, which a
        // non-canonical R or a non-point can never equal.
        if (sig[113] != 0) {
            return false; // S >= 2^448 > L
        }
        byte[] sBe = X448.reverse(sig, 57, 56);
        int[] sv = SCALARS.create();
        if (SCALARS.decode(sv, sBe, 0) == 0) {
            return false; // S >= L
        }
        byte[] rEnc = java.util.Arrays.copyOfRange(sig, 0, 57);
        byte[] k = scalarToLe(scalarFromLe(hashDom(context, rEnc, pub, m)));
        int[][] negA = identity();
        F.neg(negA[0], a[0]);
        System.arraycopy(a[1], 0, negA[1], 0, F.len);
        System.arraycopy(a[2], 0, negA[2], 0, F.len);
        int[][] r = identity();
        mulAddVartime(r, java.util.Arrays.copyOfRange(sig, 57, 114), k, negA);
        return java.util.Arrays.equals(encode(r), rEnc);
    }
}
