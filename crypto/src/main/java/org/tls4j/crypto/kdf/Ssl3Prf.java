package org.tls4j.crypto.kdf;

import java.util.Arrays;
import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.hash.Md5;
import org.tls4j.crypto.hash.Sha1;

/**
 * SSL 3.0 key derivation (RFC 6101, Sections 6.1 and 6.2.2). Both the master secret and the key block
 * are the concatenation of
 * <pre>
 * MD5(secret + SHA('A' + secret + seed)) + MD5(secret + SHA('BB' + secret + seed)) + MD5(secret + SHA('CCC' + secret + seed)) + ...
 * </pre>
 * with seed = ClientHello.random + ServerHello.random for the master secret (48 bytes, three steps),
 * and ServerHello.random + ClientHello.random for the key block.
 *
 * <p><b>Legacy.</b> SSL 3.0 is broken (POODLE, RFC 7568 prohibits it); this ad-hoc construction of MD5
 * and SHA-1 has no security analysis to speak of. tls4j keeps it only for studying and testing old
 * peers; SSL 3.0 is off by default.
 *
 * <p>constant-time: yes. No branch or index depends on the secret; the lengths are public.
 */
public final class Ssl3Prf {
    /** With the letters 'A'..'Z' the construction yields at most 26 MD5 outputs. */
    public static final int MAX_OUTPUT = 26 * 16;

    private Ssl3Prf() {}

    /**
     * The first {@code length} bytes of the construction above for the given secret and seed.
     *
     * @throws CryptoException if {@code length} is negative or above {@link #MAX_OUTPUT}
     */
    public static byte[] derive(byte[] secret, byte[] seed, int length) throws CryptoException {
        if (length < 0 || length > MAX_OUTPUT) {
            throw new CryptoException("SSL 3.0 key derivation: length " + length + " is outside 0.." + MAX_OUTPUT);
        }
        byte[] out = new byte[length];
        Md5 md5 = new Md5();
        Sha1 sha = new Sha1();
        byte[] inner = new byte[20];
        byte[] block = new byte[16];
        for (int i = 0; i * 16 < length; i++) {
            for (int j = 0; j <= i; j++) {
                sha.update((byte) ('A' + i)); // 'A', 'BB', 'CCC', ...
            }
            sha.update(secret, 0, secret.length);
            sha.update(seed, 0, seed.length);
            sha.digest(inner, 0);
            md5.update(secret, 0, secret.length);
            md5.update(inner, 0, inner.length);
            md5.digest(block, 0);
            System.arraycopy(block, 0, out, i * 16, Math.min(16, length - i * 16));
        }
        Arrays.fill(inner, (byte) 0);
        Arrays.fill(block, (byte) 0);
        return out;
    }

    /** master_secret (48 bytes) from the pre-master secret and the two hello randoms (RFC 6101, Section 6.1). */
    public static byte[] masterSecret(byte[] preMasterSecret, byte[] clientRandom, byte[] serverRandom)
            throws CryptoException {
        return derive(preMasterSecret, concat(clientRandom, serverRandom), 48);
    }

    /** key_block of {@code length} bytes (RFC 6101, Section 6.2.2); note the randoms' order. */
    public static byte[] keyBlock(byte[] masterSecret, byte[] serverRandom, byte[] clientRandom, int length)
            throws CryptoException {
        return derive(masterSecret, concat(serverRandom, clientRandom), length);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = new byte[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
