package org.tls4j.crypto.ec;

import org.tls4j.crypto.sig.Verifier;

/**
 * Ed448 verification (RFC 8032, Section 5.2.7): canonical A, R and S required, cofactorless equation.
 *
 * <p>constant-time: no (all inputs are public).
 */
public final class Ed448Verifier implements Verifier {
    private final Ed448PublicKey key;
    private final byte[] context;

    public Ed448Verifier(Ed448PublicKey key) {
        this.key = key;
        this.context = new byte[0];
    }

    /** With a context of at most 255 bytes (longer ones throw CryptoException). */
    public Ed448Verifier(Ed448PublicKey key, byte[] context) throws org.tls4j.crypto.CryptoException {
        if (context.length > 255) {
            throw new org.tls4j.crypto.CryptoException("Ed448 context longer than 255 bytes");
        }
        this.key = key;
        this.context = context.clone();
    }

    @Override
    public String algorithm() {
        return "Ed448";
    }

    @Override
    public boolean verify(byte[] message, int mOff, int mLen, byte[] signature, int sOff, int sLen) {
        if (mOff < 0 || mLen < 0 || mOff > message.length - mLen
                || sOff < 0 || sLen != Ed448.SIGNATURE_LENGTH || sOff > signature.length - sLen) {
            return false;
        }
        return Ed448.verify(key.raw(), key.point, context,
                java.util.Arrays.copyOfRange(message, mOff, mOff + mLen),
                java.util.Arrays.copyOfRange(signature, sOff, sOff + sLen));
    }
}
