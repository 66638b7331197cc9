package org.tls4j.crypto.ec;

import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.sig.Signer;

/**
 * Ed448 signing (RFC 8032, Section 5.2.6; TLS {@code ed448}, RFC 8446, Section 4.2.3), pure Ed448 with
 * an optional context (empty in TLS). Deterministic; each signature is verified before release.
 *
 * <p>constant-time: yes.
 */
public final class Ed448Signer implements Signer {
    private final Ed448PrivateKey key;
    private final byte[] context;

    /** Pure Ed448 with an empty context (what TLS uses). */
    public Ed448Signer(Ed448PrivateKey key) {
        this.key = key;
        this.context = new byte[0];
    }

    /** Pure Ed448 with a context of at most 255 bytes (RFC 8032, Section 5.2); longer ones throw CryptoException. */
    public Ed448Signer(Ed448PrivateKey key, byte[] context) throws org.tls4j.crypto.CryptoException {
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
    public byte[] sign(byte[] message, int off, int len) throws CryptoException {
        byte[] m = java.util.Arrays.copyOfRange(message, off, off + len);
        Ed448PublicKey pub = key.publicKey();
        byte[] sig = Ed448.sign(key.seedRef(), pub.raw(), context, m);
        if (!Ed448.verify(pub.raw(), pub.point, context, m, sig)) {
            throw new CryptoException("Ed448 signature failed its own verification (fault?)");
        }
        return sig;
    }

    @Override
    public void destroy() {
        key.destroy();
    }
}
