package org.tls4j.crypto.ec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.XECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPublicKeySpec;
import javax.crypto.KeyAgreement;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.tls4j.crypto.hash.Sha256;
import org.tls4j.crypto.hash.Sha384;
import org.tls4j.crypto.hash.Sha512;
import org.tls4j.crypto.kex.KeyExchange;
import org.tls4j.testing.SeededRandomSource;

/**
 * Properties of the EC primitives on random keys, and cross-checks against the JDK (SunEC) as a
 * test-only oracle: X25519/X448 and ECDH agree with KeyAgreement both ways, our ECDSA signatures verify
 * under SunEC and SunEC's under ours, Ed25519/Ed448 signatures are byte-identical to SunEC's
 * (both deterministic). Scalar-multiplication laws on random scalars. Tries are kept low: P-521 and
 * Ed448 run on the generic Montgomery field.
 */
class EcProperties {
    static final EcCurve[] CURVES = {EcCurve.P256, EcCurve.P384, EcCurve.P521};

    static byte[] le(BigInteger v, int len) {
        byte[] out = new byte[len];
        byte[] be = v.toByteArray();
        for (int i = 0; i < len && i < be.length; i++) {
            out[i] = be[be.length - 1 - i];
        }
        return out;
    }

    static BigInteger fromLe(byte[] b) {
        byte[] be = Ed25519.reverse(b, 0, b.length);
        return new BigInteger(1, be);
    }

    @Property(tries = 30)
    void xdhAgreesWithJdk(@ForAll long seed, @ForAll boolean x448) throws Exception {
        KeyExchange kx = x448 ? new X448() : new X25519();
        int len = kx.publicKeyLength();
        NamedParameterSpec spec = x448 ? NamedParameterSpec.X448 : NamedParameterSpec.X25519;
        KeyExchange.KeyShare ours = kx.generate(new SeededRandomSource(seed));
        KeyPairGenerator g = KeyPairGenerator.getInstance("XDH");
        g.initialize(spec);
        KeyPair jdk = g.generateKeyPair();
        byte[] jdkPub = le(((XECPublicKey) jdk.getPublic()).getU(), len);
        byte[] a = ours.agree(jdkPub, 0, len);
        KeyAgreement ka = KeyAgreement.getInstance("XDH");
        ka.init(jdk.getPrivate());
        PublicKey ourPub = KeyFactory.getInstance("XDH").generatePublic(
                new XECPublicKeySpec(spec, fromLe(ours.publicKey())));
        ka.doPhase(ourPub, true);
        assertArrayEquals(ka.generateSecret(), a);
        // Symmetry between two of our own shares.
        KeyExchange.KeyShare other = kx.generate(new SeededRandomSource(seed + 1));
        byte[] op = other.publicKey(), mp = ours.publicKey();
        assertArrayEquals(ours.agree(op, 0, len), other.agree(mp, 0, len));
    }

    static byte[] sec1(ECPoint p, int fl) {
        byte[] out = new byte[1 + 2 * fl];
        out[0] = 4;
        byte[] x = p.getAffineX().toByteArray(), y = p.getAffineY().toByteArray();
        int xn = Math.min(x.length, fl), yn = Math.min(y.length, fl);
        System.arraycopy(x, x.length - xn, out, 1 + fl - xn, xn);
        System.arraycopy(y, y.length - yn, out, 1 + 2 * fl - yn, yn);
        return out;
    }

    static PublicKey jdkPublic(EcPublicKey k, ECParameterSpec params) throws Exception {
        int fl = k.curve().fieldLength();
        byte[] e = k.encoded();
        ECPoint p = new ECPoint(new BigInteger(1, java.util.Arrays.copyOfRange(e, 1, 1 + fl)),
                new BigInteger(1, java.util.Arrays.copyOfRange(e, 1 + fl, 1 + 2 * fl)));
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(p, params));
    }

    @Property(tries = 30)
    void ecdhAgreesWithJdk(@ForAll long seed, @ForAll @IntRange(min = 0, max = 2) int ci) throws Exception {
        EcCurve c = CURVES[ci];
        Ecdh kx = new Ecdh(c);
        KeyExchange.KeyShare ours = kx.generate(new SeededRandomSource(seed));
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec(c.name()));
        KeyPair jdk = g.generateKeyPair();
        ECParameterSpec params = ((ECPublicKey) jdk.getPublic()).getParams();
        byte[] jdkPub = sec1(((ECPublicKey) jdk.getPublic()).getW(), c.fieldLength());
        byte[] a = ours.agree(jdkPub, 0, jdkPub.length);
        KeyAgreement ka = KeyAgreement.getInstance("ECDH");
        ka.init(jdk.getPrivate());
        ka.doPhase(jdkPublic(EcPublicKey.fromSec1(c, ours.publicKey()), params), true);
        assertArrayEquals(ka.generateSecret(), a);
    }

    @Property(tries = 30)
    void ecdsaInteroperatesWithJdk(@ForAll long seed, @ForAll @IntRange(min = 0, max = 2) int ci,
            @ForAll @Size(max = 200) byte[] msg, @ForAll boolean hedged) throws Exception {
        EcCurve c = CURVES[ci];
        org.tls4j.crypto.hash.Digest md = ci == 0 ? new Sha256() : ci == 1 ? new Sha384() : new Sha512();
        String jdkAlg = ci == 0 ? "SHA256withECDSA" : ci == 1 ? "SHA384withECDSA" : "SHA512withECDSA";
        SeededRandomSource rnd = new SeededRandomSource(seed);
        EcPrivateKey key = EcPrivateKey.generate(c, rnd);
        EcdsaSigner signer = hedged ? new EcdsaSigner(key, md, SignatureEncoding.DER, rnd)
                : new EcdsaSigner(key, md, SignatureEncoding.DER);
        byte[] sig = signer.sign(msg);
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec(c.name()));
        KeyPair jdk = g.generateKeyPair();
        ECParameterSpec params = ((ECPublicKey) jdk.getPublic()).getParams();
        Signature v = Signature.getInstance(jdkAlg);
        v.initVerify(jdkPublic(key.publicKey(), params));
        v.update(msg);
        assertTrue(v.verify(sig));
        Signature s = Signature.getInstance(jdkAlg);
        s.initSign(jdk.getPrivate());
        s.update(msg);
        byte[] jdkSig = s.sign();
        EcPublicKey jdkPub = EcPublicKey.fromSec1(c, sec1(((ECPublicKey) jdk.getPublic()).getW(), c.fieldLength()));
        assertTrue(new EcdsaVerifier(jdkPub, md, SignatureEncoding.DER).verify(msg, jdkSig));
        // Our own round trip, and tampering fails.
        EcdsaVerifier ov = new EcdsaVerifier(key.publicKey(), md, SignatureEncoding.DER);
        assertTrue(ov.verify(msg, sig));
        byte[] bad = sig.clone();
        bad[bad.length - 1 - (int) (Math.abs(seed % 8))] ^= (byte) (1 << (int) Math.abs(seed % 7));
        assertFalse(ov.verify(msg, bad));
        byte[] msg2 = java.util.Arrays.copyOf(msg, msg.length + 1);
        assertFalse(ov.verify(msg2, sig));
        // P1363 round trip.
        byte[] p = new EcdsaSigner(key, md, SignatureEncoding.P1363).sign(msg);
        assertTrue(new EcdsaVerifier(key.publicKey(), md, SignatureEncoding.P1363).verify(msg, p));
    }

    @Property(tries = 30)
    void eddsaMatchesJdk(@ForAll long seed, @ForAll boolean ed448, @ForAll @Size(max = 200) byte[] msg,
            @ForAll @IntRange(min = 0, max = 1000) int flip) throws Exception {
        SeededRandomSource rnd = new SeededRandomSource(seed);
        byte[] sig;
        byte[] seedBytes;
        boolean ok;
        boolean tamperedSig;
        boolean tamperedMsg;
        if (ed448) {
            Ed448PrivateKey k = Ed448PrivateKey.generate(rnd);
            seedBytes = k.seed();
            sig = new Ed448Signer(k).sign(msg);
            Ed448Verifier v = new Ed448Verifier(k.publicKey());
            ok = v.verify(msg, sig);
            byte[] bad = sig.clone();
            bad[flip % bad.length] ^= (byte) (1 << (flip % 8));
            tamperedSig = v.verify(msg, bad);
            tamperedMsg = v.verify(java.util.Arrays.copyOf(msg, msg.length + 1), sig);
        } else {
            Ed25519PrivateKey k = Ed25519PrivateKey.generate(rnd);
            seedBytes = k.seed();
            sig = new Ed25519Signer(k).sign(msg);
            Ed25519Verifier v = new Ed25519Verifier(k.publicKey());
            ok = v.verify(msg, sig);
            byte[] bad = sig.clone();
            bad[flip % bad.length] ^= (byte) (1 << (flip % 8));
            tamperedSig = v.verify(msg, bad);
            tamperedMsg = v.verify(java.util.Arrays.copyOf(msg, msg.length + 1), sig);
        }
        assertTrue(ok);
        assertFalse(tamperedSig);
        assertFalse(tamperedMsg);
        String alg = ed448 ? "Ed448" : "Ed25519";
        PrivateKey jk = KeyFactory.getInstance(alg).generatePrivate(
                new EdECPrivateKeySpec(ed448 ? NamedParameterSpec.ED448 : NamedParameterSpec.ED25519, seedBytes));
        Signature s = Signature.getInstance(alg);
        s.initSign(jk);
        s.update(msg);
        assertArrayEquals(s.sign(), sig);
    }

    static BigInteger randomScalar(SeededRandomSource r, BigInteger n) {
        return new BigInteger(1, r.nextBytes(n.bitLength() / 8 + 8)).mod(n);
    }

    static byte[] be(BigInteger v, int len) {
        byte[] out = new byte[len];
        byte[] b = v.toByteArray();
        int k = Math.min(b.length, len);
        System.arraycopy(b, b.length - k, out, len - k, k);
        return out;
    }

    /**
     * The variable-time Straus/wNAF double multiplication of ECDSA verification against the
     * constant-time single multiplications: u1·G + u2·Q for random u1, u2 and a random Q = d·G, plus the
     * exceptional cases of the Jacobian formulas: a sum that is the point at infinity (u1·G = -u2·Q) and
     * two equal halves (u1·G = u2·Q, the doubling branch).
     */
    @Property(tries = 30)
    void nistMulAddVartimeMatchesConstantTime(@ForAll long seed, @ForAll @IntRange(min = 0, max = 2) int ci) {
        EcCurve c = CURVES[ci];
        SeededRandomSource r = new SeededRandomSource(seed);
        BigInteger n = c.order;
        int len = c.orderLength();
        BigInteger d = randomScalar(r, n).max(BigInteger.ONE);
        BigInteger u1 = randomScalar(r, n), u2 = randomScalar(r, n);
        int[][] q = c.newPoint();
        c.mulBase(q, be(d, len), 0);
        // the public key as the verifier sees it: decoded from its encoding (Z = 1)
        byte[] qEnc = c.encodePoint(q);
        int[][] qp = c.decodePoint(qEnc, 0, qEnc.length);
        int[][] expect = c.newPoint(), a = c.newPoint(), b = c.newPoint(), got = c.newPoint();
        c.mulBase(a, be(u1, len), 0);
        c.mul(b, be(u2, len), 0, qp);
        c.add(expect, a, b);
        c.mulAddVartime(got, be(u1, len), be(u2, len), qp);
        assertArrayEquals(c.encodePoint(expect), c.encodePoint(got));
        // also with a projective q whose Z is not 1
        c.mulAddVartime(got, be(u1, len), be(u2, len), q);
        assertArrayEquals(c.encodePoint(expect), c.encodePoint(got));
        // u1 = -u2·d: the sum is infinity
        BigInteger neg = u2.multiply(d).negate().mod(n);
        c.mulAddVartime(got, be(neg, len), be(u2, len), qp);
        assertTrue(c.isInfinity(got) == 1);
        // u1 = u2·d: both halves equal, the sum is 2·u1·G
        BigInteger same = u2.multiply(d).mod(n);
        c.mulAddVartime(got, be(same, len), be(u2, len), qp);
        c.mulBase(expect, be(same.shiftLeft(1).mod(n), len), 0);
        if (same.signum() != 0) {
            assertArrayEquals(c.encodePoint(expect), c.encodePoint(got));
        }
        // zero scalars
        c.mulAddVartime(got, be(BigInteger.ZERO, len), be(u2, len), qp);
        assertArrayEquals(c.encodePoint(b), c.encodePoint(got));
        c.mulAddVartime(got, be(u1, len), be(BigInteger.ZERO, len), qp);
        assertArrayEquals(c.encodePoint(a), c.encodePoint(got));
    }

    /**
     * Ed25519's variable-time Straus/wNAF [a]B + [b]Q (verification) against the constant-time comb:
     * with Q = [c]B the result is [a + bc]B; with Q = -[c]B and a = bc it is the identity; zero scalars.
     */
    @Property(tries = 40)
    void ed25519MulAddVartimeMatchesComb(@ForAll long seed) {
        SeededRandomSource r = new SeededRandomSource(seed);
        BigInteger l = Ed25519.L;
        BigInteger a = randomScalar(r, l), b = randomScalar(r, l), c = randomScalar(r, l);
        int[][] q = Ed25519.identity(), got = Ed25519.identity(), expect = Ed25519.identity();
        Ed25519.mulBase(q, le(c, 32));
        int[][] qd = Ed25519.decode(Ed25519.encode(q), 0); // as the verifier sees it (Z = 1)
        Ed25519.mulAddVartime(got, le(a, 32), le(b, 32), qd);
        Ed25519.mulBase(expect, le(a.add(b.multiply(c)).mod(l), 32));
        assertArrayEquals(Ed25519.encode(expect), Ed25519.encode(got));
        Ed25519.mulAddVartime(got, le(a, 32), le(b, 32), q); // projective Z != 1
        assertArrayEquals(Ed25519.encode(expect), Ed25519.encode(got));
        int[][] negQ = Ed25519.identity();
        Ed25519.neg(negQ, qd);
        Ed25519.mulAddVartime(got, le(b.multiply(c).mod(l), 32), le(b, 32), negQ);
        assertArrayEquals(Ed25519.encode(Ed25519.identity()), Ed25519.encode(got));
        Ed25519.mulAddVartime(got, le(BigInteger.ZERO, 32), le(b, 32), qd);
        Ed25519.mulBase(expect, le(b.multiply(c).mod(l), 32));
        assertArrayEquals(Ed25519.encode(expect), Ed25519.encode(got));
        // a full 256-bit scalar (not reduced), as S could be before the S < L check
        byte[] big = new byte[32];
        java.util.Arrays.fill(big, (byte) 0xff);
        Ed25519.mulAddVartime(got, big, le(BigInteger.ZERO, 32), qd);
        Ed25519.mulBase(expect, le(BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE).mod(l), 32));
        assertArrayEquals(Ed25519.encode(expect), Ed25519.encode(got));
    }

    /**
     * Ed25519's signed-digit comb (secret scalars) against the variable-time Straus path on any scalar
     * below 2^255, and on the digit edge cases (all nibbles 8, all 15, zero).
     */
    @Property(tries = 60)
    void ed25519SignedCombMatchesStraus(@ForAll @Size(32) byte[] k) {
        k[31] &= 0x7f;
        byte[][] cases = {k, new byte[32], new byte[32], new byte[32]};
        java.util.Arrays.fill(cases[2], (byte) 0x88);
        cases[2][31] = 0x78;
        java.util.Arrays.fill(cases[3], (byte) 0xff);
        cases[3][31] = 0x7f;
        for (byte[] c : cases) {
            int[][] viaComb = Ed25519.identity(), viaStraus = Ed25519.identity();
            Ed25519.mulBase(viaComb, c);
            Ed25519.mulAddVartime(viaStraus, c, new byte[32], Ed25519.B);
            assertArrayEquals(Ed25519.encode(viaStraus), Ed25519.encode(viaComb));
        }
    }

    /**
     * The NIST signed-digit comb (mulBase) against the 4-bit window ladder (mul) with G, on random
     * scalars of the full byte length (not reduced) and the digit edge cases: zero, all nibbles 8, all
     * nibbles 15 (every digit carries), n - 1.
     */
    @Property(tries = 30)
    void nistSignedCombMatchesLadder(@ForAll @Size(66) byte[] raw, @ForAll @IntRange(min = 0, max = 2) int ci) {
        EcCurve c = CURVES[ci];
        int len = c.orderLength();
        byte[] k = java.util.Arrays.copyOf(raw, len);
        byte[] eights = new byte[len], ones = new byte[len];
        java.util.Arrays.fill(eights, (byte) 0x88);
        java.util.Arrays.fill(ones, (byte) 0xff);
        byte[][] cases = {k, new byte[len], eights, ones, be(c.order.subtract(BigInteger.ONE), len)};
        for (byte[] sc : cases) {
            int[][] viaComb = c.newPoint(), viaLadder = c.newPoint();
            c.mulBase(viaComb, sc, 0);
            c.mul(viaLadder, sc, 0, c.generator());
            assertEquals(c.isInfinity(viaLadder), c.isInfinity(viaComb));
            if (c.isInfinity(viaLadder) == 0) {
                assertArrayEquals(c.encodePoint(viaLadder), c.encodePoint(viaComb));
            }
        }
    }

    /** The width-w NAF: digits odd or zero, below 2^(w-1) in absolute value, isolated, summing to k. */
    @Property(tries = 200)
    void wnafRecodesTheScalar(@ForAll @Size(max = 66) byte[] k, @ForAll @IntRange(min = 2, max = 8) int w) {
        int[] digits = EcCurve.wnafVartime(k, w);
        BigInteger sum = BigInteger.ZERO;
        int lastNonZero = -w;
        for (int i = 0; i < digits.length; i++) {
            int dg = digits[i];
            if (dg != 0) {
                assertTrue((dg & 1) == 1 && Math.abs(dg) < (1 << (w - 1)), "digit " + dg);
                assertTrue(i - lastNonZero >= w, "two non-zero digits within a window");
                lastNonZero = i;
                sum = sum.add(BigInteger.valueOf(dg).shiftLeft(i));
            }
        }
        assertEquals(new BigInteger(1, k), sum);
    }

    @Property(tries = 30)
    void nistScalarLaws(@ForAll long seed, @ForAll @IntRange(min = 0, max = 2) int ci) {
        EcCurve c = CURVES[ci];
        SeededRandomSource r = new SeededRandomSource(seed);
        BigInteger n = c.order;
        BigInteger a = randomScalar(r, n), b = randomScalar(r, n);
        int len = c.orderLength();
        int[][] aG = c.newPoint(), bG = c.newPoint(), sum = c.newPoint(), abG = c.newPoint(), viaMul = c.newPoint();
        c.mulBase(aG, be(a, len), 0);
        c.mulBase(bG, be(b, len), 0);
        c.add(sum, aG, bG);
        c.mulBase(abG, be(a.add(b).mod(n), len), 0);
        assertArrayEquals(c.encodePoint(abG), c.encodePoint(sum));
        c.mul(viaMul, be(a, len), 0, bG);
        c.mulBase(abG, be(a.multiply(b).mod(n), len), 0);
        assertArrayEquals(c.encodePoint(abG), c.encodePoint(viaMul));
        // The doubling formula agrees with the addition formula, on a point and on infinity.
        int[][] d1 = c.newPoint(), d2 = c.newPoint();
        c.dbl(d1, aG);
        c.add(d2, aG, aG);
        assertArrayEquals(c.encodePoint(d2), c.encodePoint(d1));
        c.dbl(d1, c.newPoint());
        assertTrue(c.isInfinity(d1) == 1);
        // n·G is the point at infinity; (n-1)·G = -G.
        int[][] t = c.newPoint();
        c.mulBase(t, be(n.subtract(BigInteger.ONE), len), 0);
        c.add(t, t, c.generator());
        assertTrue(c.isInfinity(t) == 1);
    }

    @Property(tries = 30)
    void ed25519ScalarLaws(@ForAll long seed) {
        SeededRandomSource r = new SeededRandomSource(seed);
        BigInteger l = Ed25519.L;
        BigInteger a = randomScalar(r, l), b = randomScalar(r, l);
        int[][] aB = Ed25519.identity(), bB = Ed25519.identity(), s = Ed25519.identity();
        Ed25519.mulBase(aB, le(a, 32));
        Ed25519.mulBase(bB, le(b, 32));
        Ed25519.add(s, aB, bB);
        int[][] ab = Ed25519.identity();
        Ed25519.mulBase(ab, le(a.add(b).mod(l), 32));
        assertArrayEquals(Ed25519.encode(ab), Ed25519.encode(s));
        // Doubling agrees with addition.
        int[][] d1 = Ed25519.identity(), d2 = Ed25519.identity();
        Ed25519.dbl(d1, aB);
        Ed25519.add(d2, aB, aB);
        assertArrayEquals(Ed25519.encode(d1), Ed25519.encode(d2));
    }

    /** The generic Montgomery field against BigInteger, for every modulus it serves. */
    @Property(tries = 100)
    void montFieldMatchesBigInteger(@ForAll @Size(80) byte[] x, @ForAll @Size(80) byte[] y,
            @ForAll @IntRange(min = 0, max = 8) int which) {
        MontField[] fields = {EcCurve.P256.fp, EcCurve.P256.fn, EcCurve.P384.fp, EcCurve.P384.fn,
            EcCurve.P521.fp, EcCurve.P521.fn, X448.F, Ed448.SCALARS, Ed25519.SCALARS};
        MontField f = fields[which];
        BigInteger m = f.modulus;
        BigInteger bx = new BigInteger(1, x).mod(m), by = new BigInteger(1, y).mod(m);
        int[] a = f.fromBigPublic(bx), b = f.fromBigPublic(by), o = f.create();
        f.mul(o, a, b);
        assertTrue(f.toBigVartime(o).equals(bx.multiply(by).mod(m)));
        f.add(o, a, b);
        assertTrue(f.toBigVartime(o).equals(bx.add(by).mod(m)));
        f.sub(o, a, b);
        assertTrue(f.toBigVartime(o).equals(bx.subtract(by).mod(m)));
        f.neg(o, a);
        assertTrue(f.toBigVartime(o).equals(bx.negate().mod(m)));
        for (int k : new int[] {1, 2, 3, 4, 8, 19, 65535}) {
            f.mulSmall(o, a, k);
            assertTrue(f.toBigVartime(o).equals(bx.multiply(BigInteger.valueOf(k)).mod(m)));
        }
        f.inv(o, a);
        assertTrue(f.toBigVartime(o).equals(bx.signum() == 0 ? BigInteger.ZERO : bx.modInverse(m)));
        int[] o2 = f.create();
        f.invVartime(o2, a);
        assertArrayEquals(o, o2);
        // Reduction of a wide big-endian string (hash outputs) and the plain encoding.
        int[] r = f.reduceWideToMont(x, 0, x.length);
        assertTrue(f.toBigVartime(r).equals(new BigInteger(1, x).mod(m)));
        byte[] enc = new byte[f.byteLen];
        f.encode(enc, 0, r);
        assertTrue(new BigInteger(1, enc).equals(new BigInteger(1, x).mod(m)));
    }

    /**
     * The P-256 field (plain form, product scanning and fast reduction) against BigInteger: mul, sqr,
     * add and sub on random inputs, including unreduced inputs up to 2^256 - 1 for mul and sqr.
     */
    @Property(tries = 500)
    void p256FieldMatchesBigInteger(@ForAll @Size(32) byte[] x, @ForAll @Size(32) byte[] y) {
        MontField f = EcCurve.P256.fp;
        BigInteger p = f.modulus;
        BigInteger bx = new BigInteger(1, x), by = new BigInteger(1, y);
        int[] a = MontField.fromBig(bx, 8), b = MontField.fromBig(by, 8); // raw, possibly >= p
        int[] o1 = f.create();
        P256Field.mul(o1, a, b);
        assertTrue(plain(o1).equals(bx.multiply(by).mod(p)));
        P256Field.sqr(o1, a);
        assertTrue(plain(o1).equals(bx.multiply(bx).mod(p)));
        for (int k : new int[] {1, 3, 4, 8, 65535}) {
            P256Field.mulSmall(o1, a, k);
            assertTrue(plain(o1).equals(bx.multiply(BigInteger.valueOf(k)).mod(p)));
        }
        bx = bx.mod(p);
        by = by.mod(p);
        a = f.fromBigPublic(bx);
        b = f.fromBigPublic(by);
        f.mul(o1, a, b);
        assertTrue(f.toBigVartime(o1).equals(bx.multiply(by).mod(p)));
        f.add(o1, a, b);
        assertTrue(f.toBigVartime(o1).equals(bx.add(by).mod(p)));
        f.sub(o1, a, b);
        assertTrue(f.toBigVartime(o1).equals(bx.subtract(by).mod(p)));
    }

    /** P-256 field edge values: 0, 1, p - 1, 2^256 - 1 and words of all ones or zeros. */
    @Example
    void p256FieldEdges() {
        MontField f = EcCurve.P256.fp;
        BigInteger p = f.modulus;
        BigInteger[] vals = {BigInteger.ZERO, BigInteger.ONE, p.subtract(BigInteger.ONE), p,
            BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(224),
            BigInteger.ONE.shiftLeft(255), p.shiftRight(1), BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE)};
        int[] o = f.create();
        for (BigInteger u : vals) {
            for (BigInteger v : vals) {
                P256Field.mul(o, MontField.fromBig(u, 8), MontField.fromBig(v, 8));
                assertEquals(u.multiply(v).mod(p), plain(o), u + " * " + v);
            }
            P256Field.sqr(o, MontField.fromBig(u, 8));
            assertEquals(u.multiply(u).mod(p), plain(o), u + "^2");
        }
        int[] pm1 = f.fromBigPublic(p.subtract(BigInteger.ONE));
        f.add(o, pm1, pm1);
        assertEquals(p.subtract(BigInteger.valueOf(2)), f.toBigVartime(o));
        f.sub(o, f.create(), pm1);
        assertEquals(BigInteger.ONE, f.toBigVartime(o));
    }

    private static BigInteger plain(int[] w) {
        BigInteger v = BigInteger.ZERO;
        for (int i = w.length - 1; i >= 0; i--) {
            v = v.shiftLeft(32).or(BigInteger.valueOf(w[i] & 0xffffffffL));
        }
        return v;
    }

    /** The radix-2^25.5 field against BigInteger on random 255-bit inputs (including values >= p). */
    @Property(tries = 200)
    void fe25519MatchesBigInteger(@ForAll @Size(32) byte[] x, @ForAll @Size(32) byte[] y) {
        BigInteger p = Ed25519.P;
        x[31] &= 0x7f;
        y[31] &= 0x7f;
        BigInteger bx = fromLe(x), by = fromLe(y);
        int[] fx = Fe25519.create(), fy = Fe25519.create(), o = Fe25519.create();
        Fe25519.fromBytes(fx, x, 0);
        Fe25519.fromBytes(fy, y, 0);
        byte[] out = new byte[32];
        Fe25519.mul(o, fx, fy);
        Fe25519.toBytes(out, 0, o);
        assertArrayEquals(le(bx.multiply(by).mod(p), 32), out);
        Fe25519.sub(o, fx, fy);
        Fe25519.toBytes(out, 0, o);
        assertArrayEquals(le(bx.subtract(by).mod(p), 32), out);
        Fe25519.add(o, fx, fy);
        Fe25519.mul(o, o, o);
        Fe25519.toBytes(out, 0, o);
        assertArrayEquals(le(bx.add(by).pow(2).mod(p), 32), out);
        Fe25519.invert(o, fx);
        Fe25519.toBytes(out, 0, o);
        assertArrayEquals(le(bx.mod(p).signum() == 0 ? BigInteger.ZERO : bx.modInverse(p), 32), out);
    }
}
