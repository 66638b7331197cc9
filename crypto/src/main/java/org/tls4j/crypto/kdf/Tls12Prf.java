package org.tls4j.crypto.kdf;

import java.nio.charset.StandardCharsets;
import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.hash.Digest;
import org.tls4j.crypto.hash.Sha256;
import org.tls4j.crypto.hash.Sha384;

/**
 * The TLS 1.2 PRF (RFC 5246, Section 5): PRF(secret, label, seed) = P_hash(secret, label + seed), with
 * <pre>
 * P_hash(secret, seed) = HMAC_hash(secret, A(1) + seed) + HMAC_hash(secret, A(2) + seed) + ...
 * A(0) = seed, A(i) = HMAC_hash(secret, A(i-1))
 * </pre>
 * The hash is SHA-256 unless the cipher suite names another (SHA-384 for the *_SHA384 suites).
 *
 * <p>Holds no key material; safe to share between threads.
 *
 * <p>constant-time: yes (as {@link org.tls4j.crypto.mac.Hmac}); lengths and labels are public.
 */
public final class Tls12Prf {
    private final Digest prototype;

    /** The PRF over HMAC with {@code prototype}'s hash (copied and reset). */
    public Tls12Prf(Digest prototype) {
        Digest d = prototype.copy();
        d.reset();
        this.prototype = d;
    }

    /** P_SHA256, the default TLS 1.2 PRF. */
    public static Tls12Prf sha256() {
        return new Tls12Prf(new Sha256());
    }

    /** P_SHA384, for the *_SHA384 cipher suites (RFC 5289, Section 3.2). */
    public static Tls12Prf sha384() {
        return new Tls12Prf(new Sha384());
    }

    /** The hash's name, e.g. {@code "SHA-256"}. */
    public String hashAlgorithm() {
        return prototype.algorithm();
    }

    /**
     * PRF(secret, label, seed) truncated to {@code length} bytes.
     *
     * @param label an ASCII label such as {@code "master secret"}
     * @throws CryptoException if {@code length} is negative
     */
    public byte[] derive(byte[] secret, String label, byte[] seed, int length) throws CryptoException {
        return derive(secret, label.getBytes(StandardCharsets.US_ASCII), seed, length);
    }

    /** As {@link #derive(byte[], String, byte[], int)}, with the label given as bytes. */
    public byte[] derive(byte[] secret, byte[] label, byte[] seed, int length) throws CryptoException {
        if (length < 0) {
            throw new CryptoException("TLS 1.2 PRF: negative output length " + length);
        }
        byte[] out = new byte[length];
        PHash.compute(prototype, secret, label, seed, out, false);
        return out;
    }
}
