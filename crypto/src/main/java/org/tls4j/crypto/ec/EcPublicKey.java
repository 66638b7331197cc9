package org.tls4j.crypto.ec;

import org.tls4j.crypto.CryptoException;

/**
 * A public key on a NIST curve: a validated point (on the curve, coordinates reduced, not infinity).
 * Immutable.
 */
public final class EcPublicKey {
    private final EcCurve curve;
    private final byte[] encoded;
    final int[][] point;

    EcPublicKey(EcCurve curve, byte[] encoded, int[][] point) {
        this.curve = curve;
        this.encoded = encoded;
        this.point = point;
    }

    /**
     * Decodes an uncompressed SEC1 point {@code 0x04 || X || Y} (SEC 1 v2, Section 2.3.4), the form TLS
     * sends (RFC 8446, Section 4.2.8.2) and the content of the BIT STRING in a SubjectPublicKeyInfo
     * (RFC 5480, Section 2.2).
     *
     * @throws CryptoException wrong length or prefix (compressed points are not supported), a coordinate
     *     not below p, or a point not on the curve
     */
    public static EcPublicKey fromSec1(EcCurve curve, byte[] encoded) throws CryptoException {
        return fromSec1(curve, encoded, 0, encoded.length);
    }

    /** As {@link #fromSec1(EcCurve, byte[])} on {@code in[off .. off+len)}. */
    public static EcPublicKey fromSec1(EcCurve curve, byte[] in, int off, int len) throws CryptoException {
        if (off < 0 || len < 0 || off > in.length - len) {
            throw new CryptoException("EC point: bad offset or length");
        }
        int[][] p = curve.decodePoint(in, off, len);
        if (p == null) {
            throw new CryptoException(curve + " point invalid: need 0x04 || X || Y of " + curve.pointLength()
                    + " bytes with X, Y < p on the curve (got " + len + " bytes)");
        }
        byte[] enc = new byte[len];
        System.arraycopy(in, off, enc, 0, len);
        return new EcPublicKey(curve, enc, p);
    }

    public EcCurve curve() {
        return curve;
    }

    /** The uncompressed SEC1 encoding {@code 0x04 || X || Y} (a copy). */
    public byte[] encoded() {
        return encoded.clone();
    }

    @Override
    public String toString() {
        return "EcPublicKey(" + curve + ")";
    }
}
