package org.tls4j.crypto.ec;

import java.math.BigInteger;
import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.ct.ConstantTime;
import org.tls4j.crypto.kex.KeyExchange;
import org.tls4j.crypto.rand.RandomSource;

/**
 * X448 key agreement (RFC 7748, Sections 5 and 6.2) for the TLS {@code x448} named group. Public
 * values and shared secrets are 56 little-endian bytes.
 *
 * <p>The Montgomery ladder of RFC 7748, Section 5 (448 steps, a conditional swap in each) runs over
 * GF(2^448 - 2^224 - 1) on the generic {@link MontField} (fourteen 32-bit limbs in Montgomery form).
 * Non-canonical peer values (u &gt;= p) are reduced, as RFC 7748, Section 5 requires; an all-zero shared
 * secret (a small-order peer value) is refused (RFC 7748, Section 6.2; RFC 8446, Section 7.4.2).
 *
 * <p>constant-time: yes.
 */
public final class X448 implements KeyExchange {
    /** Length of private keys, public values and shared secrets. */
    public static final int KEY_LENGTH = 56;

    static final BigInteger P = BigInteger.ONE.shiftLeft(448).subtract(BigInteger.ONE.shiftLeft(224))
            .subtract(BigInteger.ONE);
    static final MontField F = new MontField(P);
    /** (A - 2) / 4 = 39081 for curve448 (RFC 7748, Section 5). */
    private static final int[] A24 = F.fromBigPublic(BigInteger.valueOf(39081));

    /** The group; it holds no state, any instance will do. */
    public X448() {}

    @Override
    public String name() {
        return "x448";
    }

    @Override
    public int publicKeyLength() {
        return KEY_LENGTH;
    }

    @Override
    public int sharedSecretLength() {
        return KEY_LENGTH;
    }

    @Override
    public KeyShare generate(RandomSource random) {
        byte[] k = random.nextBytes(KEY_LENGTH);
        try {
            return keyShare(k);
        } catch (CryptoException e) {
            throw new IllegalStateException(e); // cannot happen: the length is right
        } finally {
            ConstantTime.zero(k);
        }
    }

    /**
     * A key share from a given 56-byte private key (copied; clamped when used).
     *
     * @throws CryptoException the key is not 56 bytes long
     */
    public KeyShare keyShare(byte[] privateKey) throws CryptoException {
        if (privateKey.length != KEY_LENGTH) {
            throw new CryptoException("X448 private key must be 56 bytes, got " + privateKey.length);
        }
        return new Share(this, privateKey.clone());
    }

    /** The public value for a private key: X448(k, 5). */
    public static byte[] publicKey(byte[] privateKey) throws CryptoException {
        byte[] base = new byte[KEY_LENGTH];
        base[0] = 5;
        return scalarMult(privateKey, base);
    }

    /** The function X448(k, u) of RFC 7748, Section 5 (56-byte inputs), without the all-zero check. */
    public static byte[] scalarMult(byte[] k, byte[] u) throws CryptoException {
        if (k.length != KEY_LENGTH || u.length != KEY_LENGTH) {
            throw new CryptoException("X448 inputs are 56 bytes");
        }
        byte[] out = new byte[KEY_LENGTH];
        ladder(out, k, u, 0);
        return out;
    }

    /** The len bytes at off in reverse order (little-endian to big-endian and back). */
    static byte[] reverse(byte[] a, int off, int len) {
        byte[] r = new byte[len];
        for (int i = 0; i < len; i++) {
            r[i] = a[off + len - 1 - i];
        }
        return r;
    }

    /** Little-endian 56 bytes into a Montgomery-form element (reduced mod p). */
    static int[] decodeLe(byte[] in, int off) {
        byte[] be = reverse(in, off, KEY_LENGTH);
        int[] x = F.create();
        F.decode(x, be, 0);
        F.toMont(x, x); // inputs up to 2^448 - 1 reduce here
        ConstantTime.zero(be);
        return x;
    }

    static void encodeLe(byte[] out, int off, int[] x) {
        byte[] be = new byte[KEY_LENGTH];
        F.encode(be, 0, x);
        for (int i = 0; i < KEY_LENGTH; i++) {
            out[off + i] = be[KEY_LENGTH - 1 - i];
        }
        ConstantTime.zero(be);
    }

    static void ladder(byte[] out, byte[] k, byte[] u, int uOff) {
        byte[] e = k.clone();
        e[0] &= (byte) 252; // RFC 7748, Section 5: decodeScalar448
        e[55] |= (byte) 128;
        MontField f = F;
        int[] x1 = decodeLe(u, uOff);
        int[] x2 = f.one.clone();
        int[] z2 = f.create();
        int[] x3 = x1.clone();
        int[] z3 = f.one.clone();
        int[] a = f.create(), aa = f.create(), b = f.create(), bb = f.create(), ee = f.create();
        int[] c = f.create(), d = f.create(), da = f.create(), cb = f.create();
        int swap = 0;
        for (int t = 447; t >= 0; t--) {
            int kt = (e[t >>> 3] >>> (t & 7)) & 1;
            swap ^= kt;
            ConstantTime.cswap(swap, x2, x3, f.len);
            ConstantTime.cswap(swap, z2, z3, f.len);
            swap = kt;
            f.add(a, x2, z2);
            f.sqr(aa, a);
            f.sub(b, x2, z2);
            f.sqr(bb, b);
            f.sub(ee, aa, bb);
            f.add(c, x3, z3);
            f.sub(d, x3, z3);
            f.mul(da, d, a);
            f.mul(cb, c, b);
            f.add(x3, da, cb);
            f.sqr(x3, x3);
            f.sub(z3, da, cb);
            f.sqr(z3, z3);
            f.mul(z3, z3, x1);
            f.mul(x2, aa, bb);
            f.mul(z2, A24, ee);
            f.add(z2, z2, aa);
            f.mul(z2, z2, ee);
        }
        ConstantTime.cswap(swap, x2, x3, f.len);
        ConstantTime.cswap(swap, z2, z3, f.len);
        f.inv(z2, z2);
        f.mul(x2, x2, z2);
        encodeLe(out, 0, x2);
        ConstantTime.zero(e);
        for (int[] v : new int[][] {x1, x2, z2, x3, z3, a, aa, b, bb, ee, c, d, da, cb}) {
            ConstantTime.zero(v);
        }
    }

    private static final class Share implements KeyShare {
        private final X448 group;
        private final byte[] priv;
        private final byte[] pub;
        private boolean destroyed;

        Share(X448 group, byte[] priv) throws CryptoException {
            this.group = group;
            this.priv = priv;
            this.pub = X448.publicKey(priv);
        }

        @Override
        public KeyExchange group() {
            return group;
        }

        @Override
        public byte[] publicKey() {
            return pub.clone();
        }

        @Override
        public byte[] agree(byte[] peerPublic, int off, int len) throws CryptoException {
            if (destroyed) {
                throw new CryptoException("X448 key share destroyed");
            }
            if (len != KEY_LENGTH || off < 0 || off > peerPublic.length - len) {
                throw new CryptoException("X448 public value must be 56 bytes, got " + len);
            }
            byte[] out = new byte[KEY_LENGTH];
            ladder(out, priv, peerPublic, off);
            int zero = 0;
            for (int i = 0; i < KEY_LENGTH; i++) {
                zero |= out[i];
            }
            if (ConstantTime.isZero(zero & 0xff) == 1) { // RFC 7748, Section 6.2; the peer chose the point
                throw new CryptoException("X448 shared secret is all zero (peer value of small order)");
            }
            return out;
        }

        @Override
        public void destroy() {
            ConstantTime.zero(priv);
            destroyed = true;
        }
    }
}
