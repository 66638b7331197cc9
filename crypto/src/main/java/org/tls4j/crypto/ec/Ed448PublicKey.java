package org.tls4j.crypto.ec;

import org.tls4j.crypto.CryptoException;

/** An Ed448 public key: the 57-byte encoding of RFC 8032, Section 5.2.5 (RFC 8410 SPKI content). Immutable. */
public final class Ed448PublicKey {
    private final byte[] encoded;
    final int[][] point;

    /**
     * @param raw the 57-byte encoding
     * @throws CryptoException wrong length, a non-canonical encoding, or not a curve point
     */
    public Ed448PublicKey(byte[] raw) throws CryptoException {
        if (raw.length != Ed448.KEY_LENGTH) {
            throw new CryptoException("Ed448 public key must be 57 bytes, got " + raw.length);
        }
        this.point = Ed448.decode(raw, 0);
        if (point == null) {
            throw new CryptoException("Ed448 public key is not a canonical point encoding");
        }
        this.encoded = raw.clone();
    }

    /** The 57-byte encoding (a copy). */
    public byte[] encoded() {
        return encoded.clone();
    }

    byte[] raw() {
        return encoded;
    }

    @Override
    public String toString() {
        return "Ed448PublicKey";
    }
}
