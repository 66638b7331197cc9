package org.tls4j.crypto.sig;

/** Verifies signatures with one public key and one fixed algorithm (hash, padding, encoding). */
public interface Verifier {
    String algorithm();

    /** True only for a valid signature; any malformed input gives false, never an exception. */
    boolean verify(byte[] message, int mOff, int mLen, byte[] signature, int sOff, int sLen);

    default boolean verify(byte[] message, byte[] signature) {
        return verify(message, 0, message.length, signature, 0, signature.length);
    }
}
