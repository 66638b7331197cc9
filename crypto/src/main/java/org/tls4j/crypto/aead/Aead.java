package org.tls4j.crypto.aead;

import org.tls4j.crypto.AuthenticationException;
import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.Destroyable;

/**
 * Authenticated encryption with associated data, keyed at construction. After keying, seal and open
 * allocate nothing. Input and output may be the same array at the same offset (in place).
 *
 * <p>{@code seal} writes {@code len} bytes of ciphertext followed by the tag:
 * {@code len + tagLength()} bytes. {@code open} takes ciphertext followed by the tag and writes
 * {@code len - tagLength()} bytes of plaintext only when the tag verifies; when it does not, it throws
 * {@link AuthenticationException} and leaves no plaintext in {@code out} (the output range is zeroed).
 */
public interface Aead extends Destroyable {
    String algorithm();

    int keyLength();

    /** The nonce length in bytes this instance takes. */
    int nonceLength();

    int tagLength();

    /** Returns the number of bytes written ({@code len + tagLength()}). */
    int seal(byte[] nonce, int nonceOff, byte[] aad, int aadOff, int aadLen,
            byte[] in, int inOff, int len, byte[] out, int outOff) throws CryptoException;

    /**
     * Returns the number of plaintext bytes written ({@code len - tagLength()}).
     *
     * @throws AuthenticationException the tag did not verify; nothing was released
     * @throws CryptoException {@code len} is shorter than the tag, or the nonce length is wrong
     */
    int open(byte[] nonce, int nonceOff, byte[] aad, int aadOff, int aadLen,
            byte[] in, int inOff, int len, byte[] out, int outOff) throws CryptoException;
}
