package org.tls4j.crypto.ec;

import org.tls4j.crypto.CryptoException;

/**
 * An Ed25519 public key: the 32-byte encoding of RFC 8032, Section 5.1.5, as TLS and X.509 carry it
 * (the BIT STRING of an id-Ed25519 SubjectPublicKeyInfo, RFC 8410, Section 4). Immutable.
 */
public final class Ed25519PublicKey {
    private final byte[] encoded;
    final int[][] point;

    /**
     * @param raw the 32-byte encoding
     * @throws CryptoException wrong length, a non-canonical encoding, or not a curve point
     */
    public Ed25519PublicKey(byte[] raw) throws CryptoException {
        if (raw.length != Ed25519.KEY_LENGTH) {
            throw new CryptoException("Ed25519 public key must be 32 bytes, got " + raw.length);
        }
        this.point = Ed25519.decode(raw, 0);
        if (point == null) {
            throw new CryptoException("Ed25519 public key is not a canonical point encoding");
        }
        this.encoded = raw.clone();
    }

    /** The 32-byte encoding (a copy). */
    public byte[] encoded() {
        return encoded.clone();
    }

    byte[] raw() {
        return encoded;
    }

    @Override
    public String toString() {
        return "Ed25519PublicKey";
    }
}
