package org.tls4j.crypto.aead;

import org.tls4j.crypto.CryptoException;

/** Argument checks shared by the AEADs: every range is checked before any byte is touched. */
final class AeadChecks {
    private AeadChecks() {}

    static void alive(boolean destroyed, Aead aead) throws CryptoException {
        if (destroyed) {
            throw new CryptoException(aead.algorithm() + ": key was destroyed");
        }
    }

    static void range(String what, byte[] a, int off, int len) throws CryptoException {
        if (a == null) {
            if (len == 0) {
                return;
            }
            throw new CryptoException(what + " is null");
        }
        if (off < 0 || len < 0 || off > a.length - len) {
            throw new CryptoException(what + " range out of bounds (offset " + off + ", length " + len
                    + ", array " + a.length + ")");
        }
    }

    /** Checks the arguments of {@code seal}; {@code outLen} is {@code len + tagLength}. */
    static void seal(Aead aead, byte[] nonce, int nonceOff, byte[] aad, int aadOff, int aadLen,
            byte[] in, int inOff, int len, byte[] out, int outOff) throws CryptoException {
        range("nonce", nonce, nonceOff, aead.nonceLength());
        range("aad", aad, aadOff, aadLen);
        range("input", in, inOff, len);
        if (len > Integer.MAX_VALUE - aead.tagLength()) {
            throw new CryptoException("message too long");
        }
        range("output", out, outOff, len + aead.tagLength());
    }

    /** Checks the arguments of {@code open}; {@code len} includes the tag. */
    static void open(Aead aead, byte[] nonce, int nonceOff, byte[] aad, int aadOff, int aadLen,
            byte[] in, int inOff, int len, byte[] out, int outOff) throws CryptoException {
        range("nonce", nonce, nonceOff, aead.nonceLength());
        range("aad", aad, aadOff, aadLen);
        range("input", in, inOff, len);
        if (len < aead.tagLength()) {
            throw new CryptoException("ciphertext shorter than the " + aead.tagLength() + "-byte tag");
        }
        range("output", out, outOff, len - aead.tagLength());
    }
}
