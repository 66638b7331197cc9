package org.tls4j.crypto.rsa;

import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.rand.RandomSource;
import org.tls4j.crypto.sig.Signer;

/**
 * RSASSA-PSS signing (RFC 8017, Section 8.1.1) with MGF1 over the same hash and a random salt as long as
 * the hash: the parameters TLS 1.3 requires for {@code rsa_pss_rsae_*} and {@code rsa_pss_pss_*}
 * (RFC 8446, Section 4.2.3). Every signature is verified with the public key before it is returned
 * (inside {@link RsaPrivateKey}'s private operation). constant-time: yes (the private operation).
 */
public final class RsaPssSigner implements Signer {
    private final RsaPrivateKey key;
    private final RsaHash hash;
    private final RsaHash mgfHash;
    private final int saltLen;
    private final RandomSource random;

    /**
     * A PSS signer with SHA-256, SHA-384 or SHA-512, MGF1 with the same hash and salt length = hash length.
     *
     * @throws CryptoException SHA-1/SHA-224 (not used by TLS for PSS), or a modulus too short
     */
    public RsaPssSigner(RsaPrivateKey key, RsaHash hash, RandomSource random) throws CryptoException {
        this(key, hash, hash, hash.length(), random);
        if (hash == RsaHash.SHA1 || hash == RsaHash.SHA224) {
            throw new CryptoException("RSA-PSS signing supports SHA-256, SHA-384 and SHA-512");
        }
    }

    /** Any hash, MGF1 hash and salt length: for the test vectors (NIST SigGenPSS uses several). */
    RsaPssSigner(RsaPrivateKey key, RsaHash hash, RsaHash mgfHash, int saltLen, RandomSource random)
            throws CryptoException {
        int emLen = (key.publicKey().bitLength() - 1 + 7) / 8;
        if (saltLen < 0 || emLen < hash.length() + saltLen + 2) {
            throw new CryptoException("RSA-PSS: modulus too short for " + hash + " with a " + saltLen
                    + "-byte salt");
        }
        this.key = key;
        this.hash = hash;
        this.mgfHash = mgfHash;
        this.saltLen = saltLen;
        this.random = random;
    }

    @Override
    public String algorithm() {
        return "RSA-PSS-" + hash.name().replace("-", "");
    }

    @Override
    public byte[] sign(byte[] message, int off, int len) throws CryptoException {
        byte[] salt = random.nextBytes(saltLen);
        return signWithSalt(message, off, len, salt);
    }

    /** Test hook: signs with the given salt (NIST SigGenPSS gives the salt of each record). */
    byte[] signWithSalt(byte[] message, int off, int len, byte[] salt) throws CryptoException {
        byte[] em = Pss.encode(hash, mgfHash, hash.hash(message, off, len), salt, key.publicKey().bitLength(),
                key.byteLength());
        if (em == null) {
            throw new CryptoException("RSA-PSS: encoding error (modulus too short)");
        }
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
