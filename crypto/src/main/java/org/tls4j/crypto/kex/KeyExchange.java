package org.tls4j.crypto.kex;

import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.rand.RandomSource;

/**
 * A Diffie-Hellman style key agreement over one group (X25519, X448, P-256, P-384, P-521, an FFDHE
 * group, ...). Public values use the encoding TLS puts on the wire for that group.
 */
public interface KeyExchange {
    /** The group name as the TLS registry spells it, e.g. {@code "x25519"}, {@code "secp256r1"}, {@code "ffdhe2048"}. */
    String name();

    /** Length in bytes of an encoded public value. */
    int publicKeyLength();

    /** Length in bytes of the shared secret {@link KeyShare#agree} returns. */
    int sharedSecretLength();

    /** A fresh private key and its public value, drawn from {@code random}. */
    KeyShare generate(RandomSource random);

    /** One side's private key with its public value. */
    interface KeyShare extends org.tls4j.crypto.Destroyable {
        KeyExchange group();

        /** The encoded public value (a copy). */
        byte[] publicKey();

        /**
         * The shared secret with the peer's encoded public value, after validating that value (length,
         * encoding, on the curve / in range, not of small order); an all-zero result is refused.
         * Fixed length: {@link KeyExchange#sharedSecretLength()} bytes (FFDHE: left-padded to the size of p,
         * as TLS 1.3 uses it; TLS 1.2 strips the leading zeros itself).
         *
         * @throws CryptoException the peer's value is invalid, or the result is all zero
         */
        byte[] agree(byte[] peerPublic, int off, int len) throws CryptoException;
    }
}
