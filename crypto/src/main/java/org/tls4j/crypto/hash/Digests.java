package org.tls4j.crypto.hash;

import org.tls4j.crypto.CryptoException;

/** Creates the digests of this package by name. */
public final class Digests {
    private Digests() {}

    /**
     * A new, reset digest for {@code name}: {@code MD5}, {@code SHA-1}, {@code SHA-224}, {@code SHA-256},
     * {@code SHA-384}, {@code SHA-512}, {@code SHA3-224}, {@code SHA3-256}, {@code SHA3-384} or
     * {@code SHA3-512} (the names {@link Digest#algorithm()} returns).
     *
     * @throws CryptoException for any other name
     */
    public static Digest forName(String name) throws CryptoException {
        switch (name) {
            case "MD5":
                return new Md5();
            case "SHA-1":
                return new Sha1();
            case "SHA-224":
                return new Sha224();
            case "SHA-256":
                return new Sha256();
            case "SHA-384":
                return new Sha384();
            case "SHA-512":
                return new Sha512();
            case "SHA3-224":
                return new Sha3(224);
            case "SHA3-256":
                return new Sha3(256);
            case "SHA3-384":
                return new Sha3(384);
            case "SHA3-512":
                return new Sha3(512);
            default:
                throw new CryptoException("unknown digest " + name);
        }
    }
}
