package org.tls4j.crypto.ec;

import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.ct.ConstantTime;
import org.tls4j.crypto.kex.KeyExchange;
import org.tls4j.crypto.rand.RandomSource;

/**
 * X25519 key agreement (RFC 7748, Sections 5 and 6.1), as TLS uses it for the {@code x25519} named group
 * (RFC 8446, Section 4.2.7; RFC 8422, Section 5.11 for TLS 1.2). Public values and shared secrets are
 * 32 little-endian bytes.
 *
 * <p>The scalar multiplication is the Montgomery ladder of RFC 7748, Section 5, on the x-coordinate
 * only, with a conditional swap ({@link ConstantTime#cswap}) in every one of the 255 steps, over the
 * radix-2^25.5 field of {@code Fe25519}. Private keys are clamped as the RFC prescribes. Peer values are
 * accepted in any 32-byte form (the top bit is masked, non-canonical values reduce, as RFC 7748,
 * Section 5 requires); a peer value of small order gives an all-zero secret, which {@link KeyShare#agree}
 * refuses (RFC 7748, Section 6.1; RFC 8446, Section 7.4.2).
 *
 * <p>constant-time: yes.
 */
public final class X25519 implements KeyExchange {
    /** Length of private keys, public values and shared secrets. */
    public static final int KEY_LENGTH = 32;

    private static final byte[] BASE_POINT = new byte[KEY_LENGTH];

    static {
        BASE_POINT[0] = 9;
    }

    /** The group; it holds no state, any instance will do. */
    public X25519() {}

    @Override
    public String name() {
        return "x25519";
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
     * A key share from a given 32-byte private key (for instance one injected by an RFC 8448 trace).
     * The key is copied; it is clamped when used.
     *
     * @throws CryptoException the key is not 32 bytes long
     */
    public KeyShare keyShare(byte[] privateKey) throws CryptoException {
        if (privateKey.length != KEY_LENGTH) {
            throw new CryptoException("X25519 private key must be 32 bytes, got " + privateKey.length);
        }
        return new Share(this, privateKey.clone());
    }

    /** The public value for a private key: X25519(k, 9). */
    public static byte[] publicKey(byte[] privateKey) throws CryptoException {
        return scalarMult(privateKey, BASE_POINT);
    }

    /**
     * The function X25519(k, u) of RFC 7748, Section 5: clamps {@code k}, decodes {@code u} (masking
     * its top bit) and returns the 32-byte u-coordinate of k·u. No check for an all-zero result:
     * {@link KeyShare#agree} does that.
     *
     * @param k 32 bytes
     * @param u 32 bytes
     */
    public static byte[] scalarMult(byte[] k, byte[] u) throws CryptoException {
        if (k.length != KEY_LENGTH || u.length != KEY_LENGTH) {
            throw new CryptoException("X25519 inputs are 32 bytes");
        }
        byte[] out = new byte[KEY_LENGTH];
        ladder(out, k, u, 0);
        return out;
    }

    /** RFC 7748, Section 5: decodeScalar25519. */
    static byte[] clamp(byte[] k) {
        byte[] e = k.clone();
        e[0] &= (byte) 248;
        e[31] &= 127;
        e[31] |= 64;
        return e;
    }

    static void ladder(byte[] out, byte[] k, byte[] u, int uOff) {
        byte[] e = clamp(k);
        int[] x1 = Fe25519.create();
        Fe25519.fromBytes(x1, u, uOff);
        int[] x2 = Fe25519.one();
        int[] z2 = Fe25519.create();
        int[] x3 = x1.clone();
        int[] z3 = Fe25519.one();
        int[] a = Fe25519.create();
        int[] aa = Fe25519.create();
        int[] b = Fe25519.create();
        int[] bb = Fe25519.create();
        int[] ee = Fe25519.create();
        int[] c = Fe25519.create();
        int[] d = Fe25519.create();
        int[] da = Fe25519.create();
        int[] cb = Fe25519.create();
        int swap = 0;
        for (int t = 254; t >= 0; t--) {
            int kt = (e[t >>> 3] >>> (t & 7)) & 1;
            swap ^= kt;
            Fe25519.cswap(swap, x2, x3);
            Fe25519.cswap(swap, z2, z3);
            swap = kt;
            Fe25519.add(a, x2, z2);
            Fe25519.sqr(aa, a);
            Fe25519.sub(b, x2, z2);
            Fe25519.sqr(bb, b);
            Fe25519.sub(ee, aa, bb);
            Fe25519.add(c, x3, z3);
            Fe25519.sub(d, x3, z3);
            Fe25519.mul(da, d, a);
            Fe25519.mul(cb, c, b);
            Fe25519.add(x3, da, cb);
            Fe25519.sqr(x3, x3);
            Fe25519.sub(z3, da, cb);
            Fe25519.sqr(z3, z3);
            Fe25519.mul(z3, z3, x1);
            Fe25519.mul(x2, aa, bb);
            Fe25519.mul121665(z2, ee);
            Fe25519.add(z2, z2, aa);
            Fe25519.mul(z2, z2, ee);
        }
        Fe25519.cswap(swap, x2, x3);
        Fe25519.cswap(swap, z2, z3);
        Fe25519.invert(z2, z2);
        Fe25519.mul(x2, x2, z2);
        Fe25519.toBytes(out, 0, x2);
        ConstantTime.zero(e);
        for (int[] f : new int[][] {x1, x2, z2, x3, z3, a, aa, b, bb, ee, c, d, da, cb}) {
            ConstantTime.zero(f);
        }
    }

    /** An X25519 private key with its public value. */
    private static final class Share implements KeyShare {
        private final X25519 group;
        private final byte[] priv;
        private final byte[] pub;
        private boolean destroyed;

        Share(X25519 group, byte[] priv) throws CryptoException {
            this.group = group;
            this.priv = priv;
            this.pub = X25519.publicKey(priv);
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
                throw new CryptoException("X25519 key share destroyed");
            }
            if (len != KEY_LENGTH || off < 0 || off > peerPublic.length - len) {
                throw new CryptoException("X25519 public value must be 32 bytes, got " + len);
            }
            byte[] out = new byte[KEY_LENGTH];
            ladder(out, priv, peerPublic, off);
            int zero = 0;
            for (int i = 0; i < KEY_LENGTH; i++) {
                zero |= out[i];
            }
            // RFC 7748, Section 6.1 / RFC 8446, Section 7.4.2: an all-zero secret means the peer sent a
            // small-order point. Whether the secret is zero is not secret (the peer chose the point).
            if (ConstantTime.isZero(zero & 0xff) == 1) {
                throw new CryptoException("X25519 shared secret is all zero (peer value of small order)");
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
