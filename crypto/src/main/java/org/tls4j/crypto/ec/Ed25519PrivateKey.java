package org.tls4j.crypto.ec;

import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.Destroyable;
import org.tls4j.crypto.ct.ConstantTime;
import org.tls4j.crypto.rand.RandomSource;

/**
 * An Ed25519 private key: the 32-byte seed of RFC 8032, Section 5.1.5 (what PKCS#8 holds for
 * id-Ed25519, RFC 8410, Section 7), with its public key. {@link #destroy()} zeroes the seed.
 *
 * <p>constant-time: yes.
 */
public final class Ed25519PrivateKey implements Destroyable {
    private final byte[] seed;
    private final Ed25519PublicKey publicKey;
    private boolean destroyed;

    /**
     * @param seed the 32-byte private key (copied)
     * @throws CryptoException wrong length
     */
    public Ed25519PrivateKey(byte[] seed) throws CryptoException {
        if (seed.length != Ed25519.KEY_LENGTH) {
            throw new CryptoException("Ed25519 private key must be 32 bytes, got " + seed.length);
        }
        this.seed = seed.clone();
        this.publicKey = new Ed25519PublicKey(Ed25519.publicFromSeed(this.seed));
    }

    /** A fresh key: 32 random bytes (RFC 8032, Section 5.1.5). */
    public static Ed25519PrivateKey generate(RandomSource random) {
        byte[] s = random.nextBytes(Ed25519.KEY_LENGTH);
        try {
            return new Ed25519PrivateKey(s);
        } catch (CryptoException e) {
            throw new IllegalStateException(e); // cannot happen: the length is right
        } finally {
            ConstantTime.zero(s);
        }
    }

    public Ed25519PublicKey publicKey() {
        return publicKey;
    }

    /** The seed (a copy; the caller should zero it). */
    public byte[] seed() throws CryptoException {
        return seedRef().clone();
    }

    byte[] seedRef() throws CryptoException {
        if (destroyed) {
            throw new CryptoException("Ed25519 private key destroyed");
        }
        return seed;
    }

    @Override
    public void destroy() {
        ConstantTime.zero(seed);
        destroyed = true;
    }

    @Override
    public String toString() {
        return "Ed25519PrivateKey";
    }
}
