package org.tls4j.crypto.ec;

import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.sig.Signer;

/**
 * Ed25519 signing (RFC 8032, Section 5.1.6; TLS {@code ed25519}, RFC 8446, Section 4.2.3): pure
 * EdDSA over the whole message, deterministic. Each signature is verified before release.
 *
 * <p>constant-time: yes.
 */
public final class Ed25519Signer implements Signer {
    private final Ed25519PrivateKey key;

    public Ed25519Signer(Ed25519PrivateKey key) {
        this.key = key;
    }

    @Override
    public String algorithm() {
        return "Ed25519";
    }

    @Override
    public byte[] sign(byte[] message, int off, int len) throws CryptoException {
        Ed25519PublicKey pub = key.publicKey();
        byte[] sig = Ed25519.sign(key.seedRef(), pub.raw(), message, off, len);
        if (!Ed25519.verify(pub.raw(), pub.point, message, off, len, sig, 0)) {
            throw new CryptoException("Ed25519 signature failed its own verification (fault?)");
        }
        return sig;
    }

    @Override
    public void destroy() {
        key.destroy();
    }
}
