package org.tls4j.crypto.ec;

import org.tls4j.crypto.sig.Verifier;

/**
 * Ed25519 verification (RFC 8032, Section 5.1.7) with the rules documented on the engine: canonical
 * A, R and S required; cofactorless equation [S]B = R + [k]A; no blocklist of small-order points.
 *
 * <p>constant-time: no (all inputs are public).
 */
public final class Ed25519Verifier implements Verifier {
    private final Ed25519PublicKey key;

    public Ed25519Verifier(Ed25519PublicKey key) {
        this.key = key;
    }

    @Override
    public String algorithm() {
        return "Ed25519";
    }

    @Override
    public boolean verify(byte[] message, int mOff, int mLen, byte[] signature, int sOff, int sLen) {
        if (mOff < 0 || mLen < 0 || mOff > message.length - mLen
                || sOff < 0 || sLen != Ed25519.SIGNATURE_LENGTH || sOff > signature.length - sLen) {
            return false;
        }
        return Ed25519.verify(key.raw(), key.point, message, mOff, mLen, signature, sOff);
    }
}
