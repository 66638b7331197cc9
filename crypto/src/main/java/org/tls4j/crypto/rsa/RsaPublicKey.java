package org.tls4j.crypto.rsa;

import java.math.BigInteger;
import org.tls4j.crypto.CryptoException;

/**
 * An RSA public key (n, e), RFC 8017, Section 3.1.
 *
 * <p>Everything done with a public key is public, so this class uses {@link BigInteger}: the public
 * operation {@code s^e mod n} (RSAVP1, RSAEP; RFC 8017, Sections 5.2.2 and 5.1.1). constant-time: no,
 * and it need not be: n, e, signatures and ciphertexts are all public.
 *
 * <p>Accepted keys: n odd, 512 to 16384 bits; e odd with {@code 3 <= e < n}. Minimum sizes for TLS
 * (2048 bits) are a policy of the handshake, not of this class, so that the legacy 1024-bit test
 * vectors can still be checked.
 */
public final class RsaPublicKey {
    /** Smallest modulus accepted, in bits. */
    public static final int MIN_BITS = 512;
    /** Largest modulus accepted, in bits. */
    public static final int MAX_BITS = 16384;

    private final BigInteger n;
    private final BigInteger e;
    private final int bits;
    private final int k;

    private RsaPublicKey(BigInteger n, BigInteger e) {
        this.n = n;
        this.e = e;
        this.bits = n.bitLength();
        this.k = (bits + 7) / 8;
    }

    /**
     * A public key from its modulus and exponent.
     *
     * @throws CryptoException when n or e is out of the accepted ranges (see the class comment)
     */
    public static RsaPublicKey of(BigInteger n, BigInteger e) throws CryptoException {
        if (n == null || e == null) {
            throw new CryptoException("RSA public key: missing modulus or exponent");
        }
        if (n.signum() <= 0 || !n.testBit(0) || n.bitLength() < MIN_BITS || n.bitLength() > MAX_BITS) {
            throw new CryptoException("RSA public key: modulus must be odd and " + MIN_BITS + " to " + MAX_BITS
                    + " bits, got " + n.bitLength() + " bits");
        }
        if (!e.testBit(0) || e.compareTo(BigInteger.valueOf(3)) < 0 || e.compareTo(n) >= 0) {
            throw new CryptoException("RSA public key: exponent must be odd, at least 3 and below n");
        }
        return new RsaPublicKey(n, e);
    }

    /**
     * A public key from the unsigned big-endian encodings of n and e (leading zero bytes allowed), as they
     * appear in an RSAPublicKey structure (RFC 8017, Appendix A.1.1) or a JWK.
     */
    public static RsaPublicKey of(byte[] modulus, byte[] exponent) throws CryptoException {
        if (modulus == null || exponent == null || modulus.length == 0 || exponent.length == 0) {
            throw new CryptoException("RSA public key: empty modulus or exponent");
        }
        return of(new BigInteger(1, modulus), new BigInteger(1, exponent));
    }

    /** The modulus n. */
    public BigInteger modulus() {
        return n;
    }

    /** The public exponent e. */
    public BigInteger publicExponent() {
        return e;
    }

    /** The size of n in bits. */
    public int bitLength() {
        return bits;
    }

    /** k, the size of n in bytes: the length of every signature and ciphertext (RFC 8017, Section 2). */
    public int byteLength() {
        return k;
    }

    /** n as k big-endian bytes. */
    public byte[] modulusBytes() {
        return Rsa.i2osp(n, k);
    }

    /**
     * RSAVP1/RSAEP: {@code x^e mod n} for an input of exactly k bytes whose value is below n; the result is
     * k bytes. Returns null when the input has the wrong length or is not below n (callers treat that as
     * an invalid signature or ciphertext).
     */
    byte[] publicOp(byte[] in, int off, int len) {
        if (len != k) {
            return null;
        }
        byte[] b = new byte[len];
        System.arraycopy(in, off, b, 0, len);
        BigInteger x = new BigInteger(1, b);
        if (x.compareTo(n) >= 0) {
            return null;
        }
        return Rsa.i2osp(x.modPow(e, n), k);
    }

    /** True when {@code len == k} and the big-endian value is below n (public inputs only). */
    boolean isBelowModulus(byte[] in, int off, int len) {
        if (len != k) {
            return false;
        }
        byte[] b = new byte[len];
        System.arraycopy(in, off, b, 0, len);
        return new BigInteger(1, b).compareTo(n) < 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RsaPublicKey && ((RsaPublicKey) o).n.equals(n) && ((RsaPublicKey) o).e.equals(e);
    }

    @Override
    public int hashCode() {
        return n.hashCode() * 31 + e.hashCode();
    }

    @Override
    public String toString() {
        return "RsaPublicKey(" + bits + " bits, e=" + e + ")";
    }
}
