package org.tls4j.crypto.ec;

import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.ct.ConstantTime;
import org.tls4j.crypto.kex.KeyExchange;
import org.tls4j.crypto.rand.RandomSource;

/**
 * Elliptic-curve Diffie-Hellman on a NIST curve (SEC 1 v2, Section 3.3.1; NIST SP 800-56A, Section
 * 5.7.1.2), as TLS uses it: public values are uncompressed points {@code 0x04 || X || Y} (RFC 8446,
 * Section 4.2.8.2; RFC 8422, Section 5.4.1) and the shared secret is the x-coordinate of d·Q, fixed
 * length (RFC 8446, Section 7.4.2). Every peer point is validated (length, prefix, coordinates below
 * p, on the curve; the curves have cofactor 1, so a valid point has prime order and d·Q is never
 * infinity for d in [1, n-1]).
 *
 * <p>constant-time: yes in the private scalar; the peer's point is public.
 */
public final class Ecdh implements KeyExchange {
    public static final Ecdh P256 = new Ecdh(EcCurve.P256);
    public static final Ecdh P384 = new Ecdh(EcCurve.P384);
    public static final Ecdh P521 = new Ecdh(EcCurve.P521);

    private final EcCurve curve;

    public Ecdh(EcCurve curve) {
        this.curve = curve;
    }

    public EcCurve curve() {
        return curve;
    }

    @Override
    public String name() {
        return curve.name();
    }

    @Override
    public int publicKeyLength() {
        return curve.pointLength();
    }

    @Override
    public int sharedSecretLength() {
        return curve.fieldLength();
    }

    @Override
    public KeyShare generate(RandomSource random) {
        return new Share(this, EcPrivateKey.generate(curve, random));
    }

    /**
     * A key share around a given private key (which the share's destroy() destroys).
     *
     * @throws CryptoException the key is on another curve
     */
    public KeyShare keyShare(EcPrivateKey key) throws CryptoException {
        if (key.curve() != curve) {
            throw new CryptoException("ECDH: key is on " + key.curve() + ", not " + curve);
        }
        return new Share(this, key);
    }

    /**
     * The raw ECDH primitive: the x-coordinate of d·Q for a validated peer key.
     *
     * @throws CryptoException the key was destroyed or the result is the point at infinity
     */
    public static byte[] sharedSecret(EcPrivateKey key, EcPublicKey peer) throws CryptoException {
        EcCurve c = key.curve();
        if (peer.curve() != c) {
            throw new CryptoException("ECDH: peer key on " + peer.curve() + ", ours on " + c);
        }
        int[][] r = c.newPoint();
        c.mul(r, key.d(), 0, peer.point);
        if (c.isInfinity(r) == 1) { // impossible for a valid point of prime order; kept as a guard
            throw new CryptoException("ECDH result is the point at infinity");
        }
        byte[] x = new byte[c.fieldLength()];
        c.toAffine(r, x, 0, null, 0);
        for (int[] t : r) {
            ConstantTime.zero(t);
        }
        return x;
    }

    private static final class Share implements KeyShare {
        private final Ecdh group;
        private final EcPrivateKey key;

        Share(Ecdh group, EcPrivateKey key) {
            this.group = group;
            this.key = key;
        }

        @Override
        public KeyExchange group() {
            return group;
        }

        @Override
        public byte[] publicKey() {
            return key.publicKey().encoded();
        }

        @Override
        public byte[] agree(byte[] peerPublic, int off, int len) throws CryptoException {
            EcPublicKey peer = EcPublicKey.fromSec1(group.curve, peerPublic, off, len);
            return sharedSecret(key, peer);
        }

        @Override
        public void destroy() {
            key.destroy();
        }
    }

    @Override
    public String toString() {
        return "ECDH " + curve;
    }
}
