package org.tls4j.crypto.rsa;

import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.sig.Signer;

/**
 * RSASSA-PKCS1-v1_5 signing (RFC 8017, Section 8.2.1): {@code EM = 0x00 || 0x01 || 0xFF.. || 0x00 ||
 * DigestInfo(hash)} (EMSA-PKCS1-v1_5, Section 9.2), then the private operation. TLS 1.2 signatures
 * ({@code rsa_pkcs1_sha256} etc., RFC 5246, Section 4.7) and certificates use it; TLS 1.3 only allows it in
 * certificates (RFC 8446, Section 4.2.3).
 *
 * <p>Signing is deterministic. Every signature is verified with the public key before it is returned
 * (inside {@link RsaPrivateKey}'s private operation). constant-time: yes (the private operation; the
 * message and its hash are not secret).
 */
public final class RsaPkcs1Signer implements Signer {
    private final RsaPrivateKey key;
    private final RsaHash hash;

    /**
     * A signer with {@code key} and {@code hash}. SHA-1 is refused: it is only for verification of legacy
     * signatures.
     *
     * @throws CryptoException SHA-1, or a modulus too short for the DigestInfo (RFC 8017, Section 9.2, step 3)
     */
    public RsaPkcs1Signer(RsaPrivateKey key, RsaHash hash) throws CryptoException {
        this(key, hash, false);
    }

    RsaPkcs1Signer(RsaPrivateKey key, RsaHash hash, boolean allowSha1) throws CryptoException {
        if (hash == RsaHash.SHA1 && !allowSha1) {
            throw new CryptoException("RSA PKCS#1 v1.5: SHA-1 signing is not supported (legacy hash)");
        }
        if (key.byteLength() < hash.digestInfoPrefix().length + hash.length() + 11) {
            throw new CryptoException("RSA PKCS#1 v1.5: intended encoded message length too short");
        }
        this.key = key;
        this.hash = hash;
    }

    @Override
    public String algorithm() {
        return "RSA-PKCS1-" + hash.name().replace("-", "");
    }

    @Override
    public byte[] sign(byte[] message, int off, int len) throws CryptoException {
        byte[] em = RsaPkcs1Verifier.encode(hash, hash.hash(message, off, len), key.byteLength());
        return key.privateOp(em, 0, em.length);
    }

    /**
     * Nothing of its own to zero: the signer does not own the key (one long-lived server key serves many
     * signers); whoever created the {@link RsaPrivateKey} destroys it.
     */
    @Override
    public void destroy() {
        // The signer holds no copy of key material.
    }
}
