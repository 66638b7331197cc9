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
 * masks. Multiplication of the base point ({@link #mulBase}) uses a signed 4-bit comb of affine
 * points with complete mixed additions and no doubling. ECDSA verification ({@link #mulAddVartime})
 * uses Straus' double multiplication with wNAF in Jacobian coordinates, variable time on public data.
 * Field elements live on {@link MontField} (Montgomery form on 32-bit limbs; plain form with a
 * dedicated reduction for P-256, {@link P256Field}).
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
     * Signed comb table (public): gComb[i][j - 1] = j·16^i·G as affine {x, y} (Montgomery form) for
     * every position i of a signed 4-bit digit of a scalar (one more than the scalar's nibbles, for the
     * final carry) and j = 1..8, so k·G is one mixed addition per digit and no doubling. Built on first
     * use (a few hundred point additions and one inversion per position), so a program that never
     * touches P-521 never pays for its table.
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
        int positions = 2 * fn.byteLen + 1;
        int[][][][] t = new int[positions][][][];
        int[][] base = generator();
        for (int i = 0; i < positions; i++) {
            int[][][] pts = new int[8][][];
            pts[0] = new int[][] {base[0].clone(), base[1].clone(), base[2].clone()};
            for (int j = 1; j < 8; j++) {
                pts[j] = newPoint();
                add(pts[j], pts[j - 1], base);
            }
            // one inversion for the eight Z (Montgomery's trick), then x = X/Z, y = Y/Z
            int[][] prefix = new int[8][];
            prefix[0] = pts[0][2].clone();
            for (int j = 1; j < 8; j++) {
                prefix[j] = fp.create();
                fp.mul(prefix[j], prefix[j - 1], pts[j][2]);
            }
            int[] inv = fp.create();
            fp.inv(inv, prefix[7]);
            int[] zi = fp.create();
            t[i] = new int[8][][];
            for (int j = 7; j >= 0; j--) {
                if (j > 0) {
                    fp.mul(zi, inv, prefix[j - 1]);
                    fp.mul(inv, inv, pts[j][2]);
                } else {
                    System.arraycopy(inv, 0, zi, 0, fp.len);
                }
                int[] x = fp.create();
                int[] y = fp.create();
                fp.mul(x, pts[j][0], zi);
                fp.mul(y, pts[j][1], zi);
                t[i][j] = new int[][] {x, y};
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

    /**
     * out = p + (qx, qy) for an affine (finite) q: Algorithm 1 of Renes, Costello and Batina with Z2 = 1
     * (their mixed Algorithm 5 for a = -3), 11 multiplications; complete for every p, including
     * infinity. out may alias p.
     */
    void addAffine(int[][] out, int[][] p, int[] x2, int[] y2) {
        MontField f = fp;
        int[] x1 = p[0], y1 = p[1], z1 = p[2];
        int[] t0 = f.create(), t1 = f.create(), t3 = f.create(), t4 = f.create();
        int[] t5 = f.create(), x3 = f.create(), y3 = f.create(), z3 = f.create();
        f.mul(t0, x1, x2);
        f.mul(t1, y1, y2);
        int[] t2 = z1; // Z1·Z2 = Z1 (read only)
        f.add(t3, x1, y1);
        f.add(t4, x2, y2);
        f.mul(t3, t3, t4);
        f.add(t4, t0, t1);
        f.sub(t3, t3, t4); // X1Y2 + X2Y1
        f.mul(t4, x2, z1);
        f.add(t4, t4, x1); // X1 + X2Z1
        f.mul(t5, y2, z1);
        f.add(t5, t5, y1); // Y1 + Y2Z1
        mulA(z3, t4);
        f.mul(x3, b3, t2);
        f.add(z3, x3, z3);
        f.sub(x3, t1, z3);
        f.add(z3, t1, z3);
        f.mul(y3, x3, z3);
        f.add(t1, t0, t0);
        f.add(t1, t1, t0);
        int[] t2a = f.create();
        mulA(t2a, t2);
        f.mul(t4, b3, t4);
        f.add(t1, t1, t2a);
        f.sub(t2a, t0, t2a);
        mulA(t2a, t2a);
        f.add(t4, t4, t2a);
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
        fp.mulSmall(s, t, 3);
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
     * out = k·G for a secret big-endian scalar of orderLength() bytes (any value). The scalar is
     * rewritten as signed 4-bit digits e_i in [-8, 8) (the last, a final carry, in [0, 1]) with
     * k = sum e_i·16^i; each position adds |e_i|·16^i·G from the comb table, found by a masked scan of
     * all eight entries and negated by mask (y to -y), with one complete mixed addition whose result is
     * kept by mask only when e_i is not zero. No branch, index or loop bound depends on k.
     */
    void mulBase(int[][] out, byte[] k, int off) {
        int[][][][] gComb = comb();
        int nibbles = 2 * fn.byteLen;
        int[] e = new int[nibbles + 1];
        for (int i = 0; i < nibbles; i++) { // digit i counts from the least significant end
            int byteVal = k[off + fn.byteLen - 1 - (i >>> 1)] & 0xff;
            e[i] = (byteVal >>> (4 * (i & 1))) & 15;
        }
        int carry = 0;
        for (int i = 0; i < nibbles; i++) { // e_i + carry in [0, 16]; move [8, 16] down by 16
            int v = e[i] + carry;
            carry = (v + 8) >> 4;
            e[i] = v - (carry << 4);
        }
        e[nibbles] = carry;
        int[][] acc = newPoint();
        int[][] sum = newPoint();
        int[] sx = fp.create();
        int[] sy = fp.create();
        int[] ny = fp.create();
        for (int i = 0; i <= nibbles; i++) {
            int v = e[i];
            int neg = (v >>> 31) & 1;
            int abs = v - ((-neg & v) << 1);
            for (int j = 1; j <= 8; j++) {
                int ctl = ConstantTime.eq(abs, j);
                fp.ccopy(ctl, sx, gComb[i][j - 1][0]);
                fp.ccopy(ctl, sy, gComb[i][j - 1][1]);
            }
            fp.neg(ny, sy);
            fp.ccopy(neg, sy, ny);
            addAffine(sum, acc, sx, sy); // computed for every digit; discarded by mask when e_i = 0
            ccopy(ConstantTime.neq(abs, 0), acc, sum);
        }
        copy(out, acc);
        for (int t = 0; t < 3; t++) {
            ConstantTime.zero(acc[t]);
            ConstantTime.zero(sum[t]);
        }
        ConstantTime.zero(sx);
        ConstantTime.zero(sy);
        ConstantTime.zero(ny);
        java.util.Arrays.fill(e, 0);
    }

    /**
     * Projective (X : Y : Z) to Jacobian (X·Z : Y·Z^2 : Z) in place, constant-time; the point at
     * infinity (Z = 0) becomes (1 : 1 : 0), which the Jacobian doubling keeps.
     */
    private void toJacobian(int[][] p, int[] t) {
        int inf = fp.isZero(p[2]);
        fp.mul(p[0], p[0], p[2]);
        fp.sqr(t, p[2]);
        fp.mul(p[1], p[1], t);
        fp.ccopy(inf, p[0], fp.one);
        fp.ccopy(inf, p[1], fp.one);
    }

    /** Jacobian (X : Y : Z) back to projective (X·Z : Y : Z^3) in place; (1 : 1 : 0) becomes (0 : 1 : 0). */
    private void fromJacobian(int[][] p, int[] t) {
        fp.mul(p[0], p[0], p[2]);
        fp.sqr(t, p[2]);
        fp.mul(p[2], p[2], t);
    }

    private void mulWithTable(int[][] out, byte[] k, int off, int[][][] table) {
        int[][] scratch = scratch();
        int[][] acc = newPoint();
        int[][] sel = newPoint();
        int nibbles = 2 * fn.byteLen;
        for (int i = 0; i < nibbles; i++) {
            int byteVal = k[off + (i >>> 1)] & 0xff;
            int w = (i & 1) == 0 ? byteVal >>> 4 : byteVal & 15; // i is a public position
            if (i != 0) {
                // 16·acc: four Jacobian doublings (3M + 5S each instead of the 8M + 3S of the complete
                // projective doubling), with one conversion each way
                toJacobian(acc, scratch[0]);
                jacDbl(acc, acc, scratch);
                jacDbl(acc, acc, scratch);
                jacDbl(acc, acc, scratch);
                jacDbl(acc, acc, scratch);
                fromJacobian(acc, scratch[0]);
            }
            for (int j = 0; j < 16; j++) {
                ccopy(ConstantTime.eq(j, w), sel, table[j]);
            }
            add(acc, acc, sel);
        }
        copy(out, acc);
        for (int[] c : scratch) {
            ConstantTime.zero(c);
        }
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

    /** As {@link #toAffine} for a <em>public</em> point (verification): variable-time inversion. */
    void toAffineVartime(int[][] p, byte[] x, int xOff) {
        int[] zi = fp.create();
        int[] t = fp.create();
        fp.invVartime(zi, p[2]);
        fp.mul(t, p[0], zi);
        fp.encode(x, xOff, t);
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

    // ------------------------------------------- variable time, public data only (ECDSA verification)

    /** wNAF window widths for the variable point (8 precomputed odd multiples) and for G (32). */
    private static final int WQ = 5;
    private static final int WG = 7;

    /** Affine odd multiples 1·G, 3·G, ..., (2^(WG-1) - 1)·G as {x, y} (public), built on first use. */
    private volatile int[][][] gOdd;

    private int[][][] gOdd() {
        int[][][] t = gOdd;
        if (t == null) {
            synchronized (this) {
                t = gOdd;
                if (t == null) {
                    int count = 1 << (WG - 2);
                    t = new int[count][][];
                    int[][] g2 = newPoint();
                    dbl(g2, generator());
                    int[][] cur = generator();
                    int[] zi = fp.create();
                    for (int i = 0; i < count; i++) {
                        if (i > 0) {
                            add(cur, cur, g2);
                        }
                        fp.inv(zi, cur[2]);
                        int[] x = fp.create();
                        int[] y = fp.create();
                        fp.mul(x, cur[0], zi);
                        fp.mul(y, cur[1], zi);
                        t[i] = new int[][] {x, y};
                    }
                    gOdd = t;
                }
            }
        }
        return t;
    }

    /**
     * The width-w non-adjacent form of a public big-endian scalar: digits[i] is 0 or odd with
     * |digits[i]| &lt; 2^(w-1), sum digits[i]·2^i = k, and any w consecutive digits hold at most one
     * non-zero (Hankerson, Menezes and Vanstone, "Guide to Elliptic Curve Cryptography", Algorithm 3.35,
     * here scanning the bits with a carry instead of subtracting from k). Variable time.
     */
    static int[] wnafVartime(byte[] k, int w) {
        int bits = 8 * k.length + 1;
        int[] digits = new int[bits];
        int carry = 0;
        int bit = 0;
        while (bit < bits) {
            if (bitAt(k, bit) == carry) {
                bit++;
                continue;
            }
            int now = Math.min(w, bits - bit);
            int word = carry;
            for (int j = 0; j < now; j++) {
                word += bitAt(k, bit + j) << j;
            }
            carry = (word >>> (w - 1)) & 1;
            word -= carry << w;
            digits[bit] = word;
            bit += now;
        }
        return digits;
    }

    private static int bitAt(byte[] bigEndian, int i) {
        int byteIdx = bigEndian.length - 1 - (i >>> 3);
        return byteIdx < 0 ? 0 : (bigEndian[byteIdx] >>> (i & 7)) & 1;
    }

    /** Scratch registers for the Jacobian formulas (one set per verification). */
    private int[][] scratch() {
        int[][] t = new int[10][];
        for (int i = 0; i < t.length; i++) {
            t[i] = fp.create();
        }
        return t;
    }

    /**
     * r = 2p in Jacobian coordinates (X : Y : Z), x = X/Z^2, y = Y/Z^3, with a = -3: the "dbl-2001-b"
     * formulas of the Explicit-Formulas Database (Bernstein and Lange), 3M + 5S. No branch: it serves
     * the constant-time ladder too (a prime-order curve has no point with y = 0, so the formula has no
     * exceptional input). Z = 0 (infinity) stays
     * Z = 0. r may alias p.
     */
    private void jacDbl(int[][] r, int[][] p, int[][] t) {
        MontField f = fp;
        int[] delta = t[0], gamma = t[1], beta = t[2], alpha = t[3], u = t[4];
        f.sqr(delta, p[2]);
        f.sqr(gamma, p[1]);
        f.mul(beta, p[0], gamma);
        f.sub(alpha, p[0], delta);
        f.add(u, p[0], delta);
        f.mul(alpha, alpha, u);
        f.mulSmall(alpha, alpha, 3); // 3(X - delta)(X + delta)
        f.add(u, p[1], p[2]);
        f.sqr(u, u);
        f.sub(u, u, gamma);
        f.sub(r[2], u, delta); // Z3 = (Y + Z)^2 - gamma - delta
        f.mulSmall(beta, beta, 4); // 4 beta
        f.sqr(u, alpha);
        f.sub(u, u, beta);
        f.sub(r[0], u, beta); // X3 = alpha^2 - 8 beta
        f.sub(beta, beta, r[0]);
        f.mul(beta, alpha, beta);
        f.sqr(gamma, gamma);
        f.mulSmall(gamma, gamma, 8); // 8 gamma^2
        f.sub(r[1], beta, gamma); // Y3 = alpha(4 beta - X3) - 8 gamma^2
    }

    /**
     * r = p + q, p Jacobian, q affine {x, y} (negated when {@code negate}): "madd-2007-bl", 7M + 4S.
     * Variable time: the exceptional cases (p at infinity, p = ±q) are branched on, which is fine for
     * public points only. r may alias p.
     */
    private void jacAddAffineVartime(int[][] r, int[][] p, int[] qx, int[] qy0, boolean negate, int[][] t) {
        MontField f = fp;
        int[] qy = t[9];
        if (negate) {
            f.neg(qy, qy0);
        } else {
            System.arraycopy(qy0, 0, qy, 0, f.len);
        }
        if (f.isZero(p[2]) == 1) {
            System.arraycopy(qx, 0, r[0], 0, f.len);
            System.arraycopy(qy, 0, r[1], 0, f.len);
            System.arraycopy(f.one, 0, r[2], 0, f.len);
            return;
        }
        int[] z1z1 = t[0], u2 = t[1], s2 = t[2], h = t[3], hh = t[4], i4 = t[5], j = t[6], rr = t[7], v = t[8];
        f.sqr(z1z1, p[2]);
        f.mul(u2, qx, z1z1);
        f.mul(s2, qy, p[2]);
        f.mul(s2, s2, z1z1);
        f.sub(h, u2, p[0]);
        f.sub(rr, s2, p[1]);
        if (f.isZero(h) == 1) {
            if (f.isZero(rr) == 1) { // p = q
                int[][] q = new int[][] {qx.clone(), qy.clone(), f.one.clone()};
                jacDbl(r, q, t);
            } else { // p = -q
                System.arraycopy(f.one, 0, r[0], 0, f.len);
                System.arraycopy(f.one, 0, r[1], 0, f.len);
                java.util.Arrays.fill(r[2], 0);
            }
            return;
        }
        f.add(rr, rr, rr);
        f.sqr(hh, h);
        f.mulSmall(i4, hh, 4);
        f.mul(j, h, i4);
        f.mul(v, p[0], i4);
        // Z3 = (Z1 + H)^2 - Z1Z1 - HH (before p[2] is overwritten)
        f.add(u2, p[2], h);
        f.sqr(u2, u2);
        f.sub(u2, u2, z1z1);
        f.sub(r[2], u2, hh);
        // Y1·J, then X3 and Y3
        f.mul(s2, p[1], j);
        f.add(s2, s2, s2);
        f.sqr(u2, rr);
        f.sub(u2, u2, j);
        f.sub(u2, u2, v);
        f.sub(r[0], u2, v);
        f.sub(v, v, r[0]);
        f.mul(v, rr, v);
        f.sub(r[1], v, s2);
    }

    /**
     * r = p + q for Jacobian p and q: "add-2007-bl", 11M + 5S. Variable time (exceptional cases are
     * branched on; public points only). r may alias p (not q).
     */
    private void jacAddVartime(int[][] r, int[][] p, int[][] q, int[][] t) {
        MontField f = fp;
        if (f.isZero(p[2]) == 1) {
            copy(r, q);
            return;
        }
        if (f.isZero(q[2]) == 1) {
            copy(r, p);
            return;
        }
        int[] z1z1 = t[0], z2z2 = t[1], u1 = t[2], u2 = t[3], s1 = t[4], s2 = t[5], h = t[6], i = t[7];
        int[] rr = t[8], v = t[9];
        f.sqr(z1z1, p[2]);
        f.sqr(z2z2, q[2]);
        f.mul(u1, p[0], z2z2);
        f.mul(u2, q[0], z1z1);
        f.mul(s1, p[1], q[2]);
        f.mul(s1, s1, z2z2);
        f.mul(s2, q[1], p[2]);
        f.mul(s2, s2, z1z1);
        f.sub(h, u2, u1);
        f.sub(rr, s2, s1);
        if (f.isZero(h) == 1) {
            if (f.isZero(rr) == 1) { // p = q
                jacDbl(r, p, t);
            } else { // p = -q
                System.arraycopy(f.one, 0, r[0], 0, f.len);
                System.arraycopy(f.one, 0, r[1], 0, f.len);
                java.util.Arrays.fill(r[2], 0);
            }
            return;
        }
        f.add(rr, rr, rr);
        f.add(i, h, h);
        f.sqr(i, i);
        int[] j = u2; // U2 is no longer needed
        f.mul(j, h, i);
        f.mul(v, u1, i);
        // Z3 = ((Z1 + Z2)^2 - Z1Z1 - Z2Z2)·H
        f.add(i, p[2], q[2]);
        f.sqr(i, i);
        f.sub(i, i, z1z1);
        f.sub(i, i, z2z2);
        f.mul(r[2], i, h);
        f.mul(s1, s1, j);
        f.add(s1, s1, s1); // 2·S1·J
        f.sqr(i, rr);
        f.sub(i, i, j);
        f.sub(i, i, v);
        f.sub(r[0], i, v);
        f.sub(v, v, r[0]);
        f.mul(v, rr, v);
        f.sub(r[1], v, s1);
    }

    /**
     * out = u1·G + u2·q for public scalars (ECDSA verification), variable time: Straus' simultaneous
     * multiplication (one shared chain of doublings) in Jacobian coordinates, with the width-5 NAF of u2
     * over eight odd multiples of q and the width-7 NAF of u1 over 32 precomputed affine odd multiples of
     * G (mixed additions). u1 and u2 are big-endian, orderLength() bytes; q is projective; out is
     * projective (X·Z : Y : Z^3 of the Jacobian result), infinity has Z = 0.
     */
    void mulAddVartime(int[][] out, byte[] u1, byte[] u2, int[][] q) {
        MontField f = fp;
        int[][] t = scratch();
        // q from projective (X : Y : Z) to Jacobian (X·Z : Y·Z^2 : Z)
        int[][] qj = newPoint();
        f.mul(qj[0], q[0], q[2]);
        f.sqr(qj[1], q[2]);
        f.mul(qj[1], qj[1], q[1]);
        System.arraycopy(q[2], 0, qj[2], 0, f.len);
        int[][][] qt = new int[1 << (WQ - 2)][][];
        qt[0] = qj;
        int[][] q2 = newPoint();
        jacDbl(q2, qj, t);
        for (int i = 1; i < qt.length; i++) {
            qt[i] = newPoint();
            jacAddVartime(qt[i], qt[i - 1], q2, t);
        }
        int[][][] gt = gOdd();
        int[] n1 = wnafVartime(u1, WG);
        int[] n2 = wnafVartime(u2, WQ);
        int[][] acc = newPoint();
        java.util.Arrays.fill(acc[2], 0); // infinity
        int[][] neg = newPoint();
        boolean started = false;
        for (int i = n1.length - 1; i >= 0; i--) {
            if (started) {
                jacDbl(acc, acc, t);
            }
            int d = n2[i];
            if (d != 0) {
                int[][] e = qt[Math.abs(d) >>> 1];
                if (d < 0) {
                    copy(neg, e);
                    f.neg(neg[1], e[1]);
                    e = neg;
                }
                jacAddVartime(acc, acc, e, t);
                started = true;
            }
            d = n1[i];
            if (d != 0) {
                int[][] e = gt[Math.abs(d) >>> 1];
                jacAddAffineVartime(acc, acc, e[0], e[1], d < 0, t);
                started = true;
            }
        }
        // Jacobian (X : Y : Z) to projective (X·Z : Y : Z^3)
        f.mul(out[0], acc[0], acc[2]);
        System.arraycopy(acc[1], 0, out[1], 0, f.len);
        f.sqr(out[2], acc[2]);
        f.mul(out[2], out[2], acc[2]);
    }
}
