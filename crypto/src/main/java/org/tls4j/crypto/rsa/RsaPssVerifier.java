package org.tls4j.crypto.rsa;

import org.tls4j.crypto.sig.Verifier;

/**
 * RSASSA-PSS verification (RFC 8017, Section 8.1.2) with MGF1.
 *
 * <p>The salt length is fixed per verifier. For TLS ({@link #RsaPssVerifier(RsaPublicKey, RsaHash)}) it
 * is the hash length, with MGF1 over the same hash: RFC 8446, Section 4.2.3 says "the length of the Salt
 * MUST be equal to the length of the output of the digest algorithm", so a TLS peer's PSS signature with any
 * other salt length is rejected. The general constructor takes any hash, MGF1 hash and salt length (for
 * certificates with id-RSASSA-PSS parameters, and for the test vectors). constant-time: no need (all inputs
 * public).
 */
public final class RsaPssVerifier implements Verifier {
    private final RsaPublicKey key;
    private final RsaHash hash;
    private final RsaHash mgfHash;
    private final int saltLen;

    /** PSS as TLS uses it: MGF1 with the same hash, salt length = hash length. */
    public RsaPssVerifier(RsaPublicKey key, RsaHash hash) {
        this(key, hash, hash, hash.length());
    }

    /** PSS with explicit parameters (RSASSA-PSS-params, RFC 8017, Appendix A.2.3). */
    public RsaPssVerifier(RsaPublicKey key, RsaHash hash, RsaHash mgfHash, int saltLen) {
        this.key = key;
        this.hash = hash;
        this.mgfHash = mgfHash;
        this.saltLen = saltLen;
    }

    @Override
    public String algorithm() {
        return "RSA-PSS-" + hash.name().replace("-", "");
    }

    @Override
    public boolean verify(byte[] message, int mOff, int mLen, byte[] signature, int sOff, int sLen) {
        byte[] m = key.publicOp(signature, sOff, sLen);
        if (m == null) {
            return false;
        }
        return Pss.verify(hash, mgfHash, hash.hash(message, mOff, mLen), m, key.bitLength(), saltLen);
    }
}
