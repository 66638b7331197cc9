package org.tls4j.crypto.ec;

import java.math.BigInteger;
import org.tls4j.crypto.ct.ConstantTime;

/**
 * A NIST prime curve y^2 = x^3 - 3x + b over GF(p) (FIPS 186-5 / SEC 2, Section 2.4): {@link #P256},
 * {@link #P384}, {@link #P521}, the TLS named groups {@code secp256r1}, {@code secp384r1},
 * {@code secp521r1} (RFC 8446, Section 4.2.7; RFC 8422, Section 5.1.1). All three have cofactor 1.
 *
 * <p>Points are handled in homogeneous projective coordinates (X : Y : Z), x = X/Z, y = Y/Z, with the
 * point at infinity (0 : 1 : 0). Addition uses the <em>complete</em> formulas of Renes, Costello and
 * Batina, "Complete addition formulas for prime order elliptic curves" (EUROCRYPT 2016), Algorithm 1
 * with a = -3: one formula, without any branch, for every pair of inputs, including P + P, P + (-P) and
 * the point at infinity. That removes the exceptional cases that make incomplete formulas leak or fail.
 *
 * <p>Scalar multiplication ({@link #mul}) is a fixed 4-bit window: the scalar's bit length is public
 * (the order's), each window doubles four times and adds one table entry picked by a full scan with
 * masks. Field elements live on {@link MontField} (Montgomery form on 32-bit limbs).
 *
 * <p>constant-time: yes for {@link #mul} and the field arithmetic; point decoding and the
 * {@code *Vartime} methods (used only on public data, as in ECDSA verification) are not.
 */
public final class EcCurve {
    /** NIST P-256, {@code secp256r1}. */
    public static final EcCurve P256 = new EcCurve("secp256r1", "P-256",
            "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff",
            "5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b",
            "6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296",
            "4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5",
            "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551");
    /** NIST P-384, {@code secp384r1}. */
    public static final EcCurve P384 = new EcCurve("secp384r1", "P-384",
            "fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffff",
            "b3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aef",
            "aa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a385502f25dbf55296c3a545e3872760ab7",
            "3617de4a96262c6f5d9e98bf9292dc29f8f41dbd289a147ce9da3113b5f0b8c00a60b1ce1d7e819d7a431d7c90ea0e5f",
            "ffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973");
    /** NIST P-521, {@code secp521r1}. */
    public static final EcCurve P521 = new EcCurve("secp521r1", "P-521",
            "01ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
            "0051953eb9618e1c9a1f929a21a0b68540eea2da725b99b315f3b8b489918ef109e156193951ec7e937b1652c0bd3bb1bf073573df883d2c34f1ef451fd46b503f00",
            "00c6858e06b70404e9cd9e3ecb662395b4429c648139053fb521f828af606b4d3dbaa14b5e77efe75928fe1dc127a2ffa8de3348b3c1856a429bf97e7e31c2e5bd66",
            "011839296a789a3bc0045c8a5fb42c7d1bd998f54449579b446817afbd17273e662c97ee72995ef42640c550b9013fad0761353c7086a272c24088be94769fd16650",
            "01fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409");

    private final String name;
    private final String nistName;
    /** The base field GF(p) and the scalar field Z/nZ. */
    final MontField fp;
    final MontField fn;
    final BigInteger order;
    /** b and 3b in Montgomery form. */
    private final int[] b;
    private final int[] b3;
    /** The base point in projective form. */
    private final int[][] g;
    /**
     * Comb table (public): gComb[i][j] = j·16^i·G for every 4-bit digit position i of a scalar and
     * j = 0..15, so k·G is one addition per digit and no doubling. Built on first use (a few hundred
     * point additions), so a program that never touches P-521 never pays for its table.
     */
    private volatile int[][][][] gComb;

    private EcCurve(String name, String nistName, String p, String b, String gx, String gy, String n) {
        this.name = name;
        this.nistName = nistName;
        this.fp = new MontField(new BigInteger(p, 16));
        this.order = new BigInteger(n, 16);
        this.fn = new MontField(order);
        BigInteger bb = new BigInteger(b, 16);
        this.b = fp.fromBigPublic(bb);
        this.b3 = fp.fromBigPublic(bb.multiply(BigInteger.valueOf(3)));
        this.g = new int[][] {fp.fromBigPublic(new BigInteger(gx, 16)), fp.fromBigPublic(new BigInteger(gy, 16)),
                fp.one.clone()};
    }

    /** The comb table, built once (double-checked locking on a volatile field publishes it safely). */
    private int[][][][] comb() {
        int[][][][] t = gComb;
        if (t == null) {
            synchronized (this) {
                t = gComb;
                if (t == null) {
                    t = buildComb();
                    gComb = t;
                }
            }
        }
        return t;
    }

    private int[][][][] buildComb() {
        int digits = 2 * fn.byteLen;
        int[][][][] t = new int[digits][16][][];
        int[][] base = generator();
        for (int i = 0; i < digits; i++) {
            t[i][0] = newPoint();
            t[i][1] = new int[][] {base[0].clone(), base[1].clone(), base[2].clone()};
            for (int j = 2; j < 16; j++) {
                t[i][j] = newPoint();
                add(t[i][j], t[i][j - 1], base);
            }
            for (int d = 0; d < 4; d++) {
                dbl(base, base);
            }
        }
        return t;
    }

    /** The TLS NamedGroup name: {@code "secp256r1"}, {@code "secp384r1"}, {@code "secp521r1"}. */
    public String name() {
        return name;
    }

    /** The NIST name: {@code "P-256"}, ... */
    public String nistName() {
        return nistName;
    }

    /** Length in bytes of a field element (a coordinate): 32, 48, 66. */
    public int fieldLength() {
        return fp.byteLen;
    }

    /** Length in bytes of a scalar (the order n): 32, 48, 66. */
    public int orderLength() {
        return fn.byteLen;
    }

    /** Bit length of the order n: 256, 384, 521. */
    public int orderBits() {
        return order.bitLength();
    }

    /** Length of an uncompressed SEC1 point: 1 + 2·fieldLength(). */
    public int pointLength() {
        return 1 + 2 * fp.byteLen;
    }

    /** The curve with the given TLS name, or null. */
    public static EcCurve byName(String name) {
        for (EcCurve c : new EcCurve[] {P256, P384, P521}) {
            if (c.name.equals(name) || c.nistName.equals(name)) {
                return c;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return nistName;
    }

    // ---------------------------------------------------------------- points

    int[][] newPoint() {
        return new int[][] {fp.create(), fp.one.clone(), fp.create()};
    }

    int[][] generator() {
        return new int[][] {g[0].clone(), g[1].clone(), g[2].clone()};
    }

    static void copy(int[][] out, int[][] p) {
        for (int i = 0; i < 3; i++) {
            System.arraycopy(p[i], 0, out[i], 0, p[i].length);
        }
    }

    /** out = ctl ? p : out. */
    void ccopy(int ctl, int[][] out, int[][] p) {
        for (int i = 0; i < 3; i++) {
            fp.ccopy(ctl, out[i], p[i]);
        }
    }

    /**
     * out = p + q with the complete formula for projective coordinates (Renes, Costello, Batina 2016,
     * Algorithm 1, with a = -3 and b3 = 3b). out may alias p or q.
     */
    void add(int[][] out, int[][] p, int[][] q) {
        MontField f = fp;
        int[] x1 = p[0], y1 = p[1], z1 = p[2];
        int[] x2 = q[0], y2 = q[1], z2 = q[2];
        int[] t0 = f.create(), t1 = f.create(), t2 = f.create(), t3 = f.create(), t4 = f.create();
        int[] t5 = f.create(), x3 = f.create(), y3 = f.create(), z3 = f.create();
        f.mul(t0, x1, x2);
        f.mul(t1, y1, y2);
        f.mul(t2, z1, z2);
        f.add(t3, x1, y1);
        f.add(t4, x2, y2);
        f.mul(t3, t3, t4);
        f.add(t4, t0, t1);
        f.sub(t3, t3, t4); // X1Y2 + X2Y1
        f.add(t4, x1, z1);
        f.add(t5, x2, z2);
        f.mul(t4, t4, t5);
        f.add(t5, t0, t2);
        f.sub(t4, t4, t5); // X1Z2 + X2Z1
        f.add(t5, y1, z1);
        f.add(x3, y2, z2);
        f.mul(t5, t5, x3);
        f.add(x3, t1, t2);
        f.sub(t5, t5, x3); // Y1Z2 + Y2Z1
        mulA(z3, t4);
        f.mul(x3, b3, t2);
        f.add(z3, x3, z3);
        f.sub(x3, t1, z3);
        f.add(z3, t1, z3);
        f.mul(y3, x3, z3);
        f.add(t1, t0, t0);
        f.add(t1, t1, t0);
        mulA(t2, t2);
        f.mul(t4, b3, t4);
        f.add(t1, t1, t2);
        f.sub(t2, t0, t2);
        mulA(t2, t2);
        f.add(t4, t4, t2);
        f.mul(t0, t1, t4);
        f.add(y3, y3, t0);
        f.mul(t0, t5, t4);
        f.mul(x3, t3, x3);
        f.sub(x3, x3, t0);
        f.mul(t0, t3, t1);
        f.mul(z3, t5, z3);
        f.add(z3, z3, t0);
        System.arraycopy(x3, 0, out[0], 0, f.len);
        System.arraycopy(y3, 0, out[1], 0, f.len);
        System.arraycopy(z3, 0, out[2], 0, f.len);
    }

    /** out = a·t with a = -3. */
    private void mulA(int[] out, int[] t) {
        int[] s = fp.create();
        fp.add(s, t, t);
        fp.add(s, s, t);
        fp.neg(out, s);
    }

    /**
     * out = 2p with the exception-free doubling formula of Renes, Costello and Batina 2016 (Algorithm 3,
     * here with a = -3); it agrees with {@code add(p, p)} for every p, including infinity.
     */
    void dbl(int[][] out, int[][] p) {
        MontField f = fp;
        int[] x1 = p[0], y1 = p[1], z1 = p[2];
        int[] t0 = f.create(), t1 = f.create(), t2 = f.create(), t3 = f.create();
        int[] x3 = f.create(), y3 = f.create(), z3 = f.create();
        f.sqr(t0, x1);
        f.sqr(t1, y1);
        f.sqr(t2, z1);
        f.mul(t3, x1, y1);
        f.add(t3, t3, t3);
        f.mul(z3, x1, z1);
        f.add(z3, z3, z3);
        mulA(x3, z3);
        f.mul(y3, b3, t2);
        f.add(y3, x3, y3);
        f.sub(x3, t1, y3);
        f.add(y3, t1, y3);
        f.mul(y3, x3, y3);
        f.mul(x3, t3, x3);
        f.mul(z3, b3, z3);
        mulA(t2, t2);
        f.sub(t3, t0, t2);
        mulA(t3, t3);
        f.add(t3, t3, z3);
        f.add(z3, t0, t0);
        f.add(t0, z3, t0);
        f.add(t0, t0, t2);
        f.mul(t0, t0, t3);
        f.add(y3, y3, t0);
        f.mul(t2, y1, z1);
        f.add(t2, t2, t2);
        f.mul(t0, t2, t3);
        f.sub(x3, x3, t0);
        f.mul(z3, t2, t1);
        f.add(z3, z3, z3);
        f.add(z3, z3, z3);
        System.arraycopy(x3, 0, out[0], 0, f.len);
        System.arraycopy(y3, 0, out[1], 0, f.len);
        System.arraycopy(z3, 0, out[2], 0, f.len);
    }

    /**
     * out = k·p for a secret scalar k given big-endian in {@code k[off .. off+orderLength())} (any value
     * below 2^(8·orderLength())). Fixed 4-bit windows from the top; table entries chosen by a masked scan.
     */
    void mul(int[][] out, byte[] k, int off, int[][] p) {
        int[][][] table = new int[16][][];
        table[0] = newPoint();
        table[1] = new int[][] {p[0].clone(), p[1].clone(), p[2].clone()};
        for (int i = 2; i < 16; i++) {
            table[i] = newPoint();
            add(table[i], table[i - 1], p);
        }
        mulWithTable(out, k, off, table);
        for (int[][] e : table) {
            for (int[] c : e) {
                ConstantTime.zero(c);
            }
        }
    }

    /**
     * out = k·G for a secret big-endian scalar of orderLength() bytes: one complete addition per 4-bit
     * digit from the comb table, each entry chosen by a masked scan of all 16 candidates.
     */
    void mulBase(int[][] out, byte[] k, int off) {
        int[][][][] gComb = comb();
        int[][] acc = newPoint();
        int[][] sel = newPoint();
        int digits = 2 * fn.byteLen;
        for (int i = 0; i < digits; i++) {
            // digit i counts from the least significant end
            int byteVal = k[off + fn.byteLen - 1 - (i >>> 1)] & 0xff;
            int w = (byteVal >>> (4 * (i & 1))) & 15;
            for (int j = 0; j < 16; j++) {
                ccopy(ConstantTime.eq(j, w), sel, gComb[i][j]);
            }
            add(acc, acc, sel);
        }
        copy(out, acc);
        for (int t = 0; t < 3; t++) {
            ConstantTime.zero(acc[t]);
            ConstantTime.zero(sel[t]);
        }
    }

    private void mulWithTable(int[][] out, byte[] k, int off, int[][][] table) {
        int[][] acc = newPoint();
        int[][] sel = newPoint();
        int nibbles = 2 * fn.byteLen;
        for (int i = 0; i < nibbles; i++) {
            int byteVal = k[off + (i >>> 1)] & 0xff;
            int w = (i & 1) == 0 ? byteVal >>> 4 : byteVal & 15; // i is a public position
            if (i != 0) {
                dbl(acc, acc);
                dbl(acc, acc);
                dbl(acc, acc);
                dbl(acc, acc);
            }
            for (int j = 0; j < 16; j++) {
                ccopy(ConstantTime.eq(j, w), sel, table[j]);
            }
            add(acc, acc, sel);
        }
        copy(out, acc);
        for (int[] c : sel) {
            ConstantTime.zero(c);
        }
        for (int[] c : acc) {
            ConstantTime.zero(c);
        }
    }

    /** 1 if p is the point at infinity (Z = 0). */
    int isInfinity(int[][] p) {
        return fp.isZero(p[2]);
    }

    /** Writes the affine x and y (big-endian, fieldLength() bytes each) of a finite point. */
    void toAffine(int[][] p, byte[] x, int xOff, byte[] y, int yOff) {
        int[] zi = fp.create();
        int[] t = fp.create();
        fp.inv(zi, p[2]);
        if (x != null) {
            fp.mul(t, p[0], zi);
            fp.encode(x, xOff, t);
        }
        if (y != null) {
            fp.mul(t, p[1], zi);
            fp.encode(y, yOff, t);
        }
        ConstantTime.zero(zi);
        ConstantTime.zero(t);
    }

    /**
     * Decodes an uncompressed SEC1 point (SEC 1 v2, Section 2.3.4; RFC 8446, Section 4.2.8.2;
     * RFC 8422, Section 5.4.1): 0x04 || X || Y, coordinates below p, on the curve. Returns null for any
     * other input: a wrong length or prefix (compressed and hybrid forms are not accepted), coordinates
     * not reduced, or a point not on the curve. The point at infinity has no such encoding. Variable
     * time: the point is public.
     */
    int[][] decodePoint(byte[] in, int off, int len) {
        if (len != pointLength() || in[off] != 0x04) {
            return null;
        }
        int[] x = fp.create();
        int[] y = fp.create();
        if (fp.decode(x, in, off + 1) == 0 || fp.decode(y, in, off + 1 + fp.byteLen) == 0) {
            return null;
        }
        fp.toMont(x, x);
        fp.toMont(y, y);
        if (!isOnCurve(x, y)) {
            return null;
        }
        return new int[][] {x, y, fp.one.clone()};
    }

    /** y^2 == x^3 - 3x + b for Montgomery-form affine coordinates. */
    boolean isOnCurve(int[] x, int[] y) {
        int[] l = fp.create();
        int[] r = fp.create();
        int[] t = fp.create();
        fp.sqr(l, y);
        fp.sqr(r, x);
        fp.mul(r, r, x);
        mulA(t, x);
        fp.add(r, r, t);
        fp.add(r, r, b);
        return fp.eq(l, r) == 1;
    }

    /** Encodes a finite point uncompressed: 0x04 || X || Y. */
    byte[] encodePoint(int[][] p) {
        byte[] out = new byte[pointLength()];
        out[0] = 4;
        toAffine(p, out, 1, out, 1 + fp.byteLen);
        return out;
    }

    /**
     * out = u1·G + u2·q for public scalars (ECDSA verification), variable time: 4-bit windows for u2·q,
     * the comb table for u1·G. u1 and u2 are big-endian, orderLength() bytes.
     */
    void mulAddVartime(int[][] out, byte[] u1, byte[] u2, int[][] q) {
        int n = fn.byteLen;
        int[][][] qt = new int[16][][];
        qt[0] = newPoint();
        qt[1] = new int[][] {q[0].clone(), q[1].clone(), q[2].clone()};
        for (int j = 2; j < 16; j++) {
            qt[j] = newPoint();
            add(qt[j], qt[j - 1], q);
        }
        int[][] acc = newPoint();
        for (int i = 0; i < 2 * n; i++) { // u2·q, 4-bit windows from the top
            int w = ((u2[i >>> 1] & 0xff) >>> (4 * (1 - (i & 1)))) & 15;
            if (i != 0) {
                dbl(acc, acc);
                dbl(acc, acc);
                dbl(acc, acc);
                dbl(acc, acc);
            }
            if (w != 0) { // public scalar
                add(acc, acc, qt[w]);
            }
        }
        int[][][][] gComb = comb();
        for (int i = 0; i < 2 * n; i++) { // u1·G from the comb table
            int w = ((u1[n - 1 - (i >>> 1)] & 0xff) >>> (4 * (i & 1))) & 15;
            if (w != 0) {
                add(acc, acc, gComb[i][w]);
            }
        }
        copy(out, acc);
    }
}
