package org.tls4j.crypto;

/**
 * A checked failure of a cryptographic operation: a bad length, a malformed or invalid input, a key
 * that cannot be used. It never carries secret data in its message.
 */
public class CryptoException extends Exception {
    private static final long serialVersionUID = 1L;

    public CryptoException(String message) {
        super(message);
    }

    public CryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}
