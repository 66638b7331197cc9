package org.tls4j.crypto.ec;

import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.Destroyable;
import org.tls4j.crypto.ct.ConstantTime;
import org.tls4j.crypto.rand.RandomSource;

/**
 * An Ed448 private key: the 57-byte seed of RFC 8032, Section 5.2.5 (PKCS#8 content for id-Ed448,
 * RFC 8410, Section 7), with its public key. {@link #destroy()} zeroes the seed.
 *
 * <p>constant-time: yes.
 */
public final class Ed448PrivateKey implements Destroyable {
    private final byte[] seed;
    private final Ed448PublicKey publicKey;
    private boolean destroyed;

    /**
     * @param seed the 57-byte private key (copied)
     * @throws CryptoException wrong length
     */
    public Ed448PrivateKey(byte[] seed) throws CryptoException {
        if (seed.length != Ed448.KEY_LENGTH) {
            throw new CryptoException("Ed448 private key must be 57 bytes, got " + seed.length);
        }
        this.seed = seed.clone();
        this.publicKey = new Ed448PublicKey(Ed448.publicFromSeed(this.seed));
    }

    /** A fresh key: 57 random bytes. */
    public static Ed448PrivateKey generate(RandomSource random) {
        byte[] s = random.nextBytes(Ed448.KEY_LENGTH);
        try {
            return new Ed448PrivateKey(s);
        } catch (CryptoException e) {
            throw new IllegalStateException(e); // cannot happen: the length is right
        } finally {
            ConstantTime.zero(s);
        }
    }

    public Ed448PublicKey publicKey() {
        return publicKey;
    }

    /** The seed (a copy; the caller should zero it). */
    public byte[] seed() throws CryptoException {
        return seedRef().clone();
    }

    byte[] seedRef() throws CryptoException {
        if (destroyed) {
            throw new CryptoException("Ed448 private key destroyed");
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
        return "Ed448PrivateKey";
    }
}
