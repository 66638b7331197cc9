package org.tls4j.crypto.ec;

import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.Destroyable;
import org.tls4j.crypto.ct.ConstantTime;
import org.tls4j.crypto.rand.RandomSource;

/**
 * A private key d in [1, n-1] on a NIST curve, with its public key d·G. {@link #destroy()} zeroes d.
 *
 * <p>constant-time: yes (range check and scalar multiplication).
 */
public final class EcPrivateKey implements Destroyable {
    private final EcCurve curve;
    /** d, big-endian, exactly curve.orderLength() bytes. */
    private final byte[] d;
    private final EcPublicKey publicKey;
    private boolean destroyed;

    private EcPrivateKey(EcCurve curve, byte[] d) {
        this.curve = curve;
        this.d = d;
        int[][] q = curve.newPoint();
        curve.mulBase(q, d, 0);
        byte[] enc = curve.encodePoint(q);
        this.publicKey = new EcPublicKey(curve, enc, curve.decodePoint(enc, 0, enc.length));
    }

    /**
     * The key with private scalar d given big-endian (as in the privateKey OCTET STRING of RFC 5915,
     * Section 3, or a PKCS#8 ECPrivateKey). Shorter inputs are left-padded with zeros; longer inputs
     * may only have leading zero bytes.
     *
     * @throws CryptoException d is not in [1, n-1], or longer than the order
     */
    public static EcPrivateKey fromScalar(EcCurve curve, byte[] scalar) throws CryptoException {
        int n = curve.orderLength();
        byte[] d = new byte[n];
        int extra = scalar.length - n; // public length
        int high = 0;
        for (int i = 0; i < scalar.length; i++) {
            if (i < extra) {
                high |= scalar[i];
            } else {
                d[i - extra] = scalar[i];
            }
        }
        int ok = ConstantTime.isZero(high & 0xff) & inRange(curve, d);
        if (ok == 0) { // only whether the key is valid is revealed
            ConstantTime.zero(d);
            throw new CryptoException(curve + " private key not in [1, n-1]");
        }
        return new EcPrivateKey(curve, d);
    }

    /** 1 if 1 <= d <= n-1 (constant time). */
    static int inRange(EcCurve curve, byte[] d) {
        int[] t = curve.fn.create();
        int below = curve.fn.decode(t, d, 0);
        int nonZero = ConstantTime.not(curve.fn.isZero(t));
        ConstantTime.zero(t);
        return below & nonZero;
    }

    /**
     * A fresh key: candidates of orderBits() random bits until one lies in [1, n-1] (FIPS 186-5,
     * Appendix A.2.2, "rejection sampling"); only the number of rejected candidates is observable.
     */
    public static EcPrivateKey generate(EcCurve curve, RandomSource random) {
        int n = curve.orderLength();
        int topBits = curve.orderBits() - 8 * (n - 1);
        byte[] d = new byte[n];
        while (true) {
            random.nextBytes(d, 0, n);
            d[0] &= (byte) ((1 << topBits) - 1);
            if (inRange(curve, d) == 1) {
                return new EcPrivateKey(curve, d);
            }
        }
    }

    public EcCurve curve() {
        return curve;
    }

    public EcPublicKey publicKey() {
        return publicKey;
    }

    /** The scalar d, big-endian, orderLength() bytes (a copy; the caller should zero it). */
    public byte[] scalar() throws CryptoException {
        check();
        return d.clone();
    }

    byte[] d() throws CryptoException {
        check();
        return d;
    }

    private void check() throws CryptoException {
        if (destroyed) {
            throw new CryptoException("EC private key destroyed");
        }
    }

    @Override
    public void destroy() {
        ConstantTime.zero(d);
        destroyed = true;
    }

    @Override
    public String toString() {
        return "EcPrivateKey(" + curve + ")";
    }
}
