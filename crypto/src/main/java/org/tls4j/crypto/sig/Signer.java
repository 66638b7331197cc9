package org.tls4j.crypto.sig;

import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.Destroyable;

/**
 * Produces signatures with one private key and one fixed algorithm (hash, padding, encoding).
 * Implementations verify each signature with the public key before releasing it (fault attacks).
 */
public interface Signer extends Destroyable {
    /** The algorithm, e.g. {@code "ECDSA-P256-SHA256"}, {@code "RSA-PSS-SHA256"}, {@code "Ed25519"}. */
    String algorithm();

    byte[] sign(byte[] message, int off, int len) throws CryptoException;

    default byte[] sign(byte[] message) throws CryptoException {
        return sign(message, 0, message.length);
    }
}
