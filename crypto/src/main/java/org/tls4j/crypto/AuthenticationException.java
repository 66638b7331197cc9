package org.tls4j.crypto;

/**
 * An authentication tag, MAC or signature did not verify. The operation produced no output: an AEAD
 * open that throws this has not released any plaintext.
 */
public class AuthenticationException extends CryptoException {
    private static final long serialVersionUID = 1L;

    public AuthenticationException(String message) {
        super(message);
    }
}
