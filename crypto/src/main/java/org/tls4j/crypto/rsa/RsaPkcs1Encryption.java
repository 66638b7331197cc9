package org.tls4j.crypto.rsa;

import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.ct.ConstantTime;
import org.tls4j.crypto.rand.RandomSource;

/**
 * RSAES-PKCS1-v1_5 (RFC 8017, Section 7.2): the encryption of TLS 1.2's RSA key exchange
 * (RFC 5246, Section 7.4.7.1).
 *
 * <p>PKCS#1 v1.5 decryption is the textbook padding oracle (Bleichenbacher, CRYPTO 1998; ROBOT, 2017;
 * Marvin, 2023): whoever learns whether a ciphertext had valid padding can decrypt any ciphertext. So
 * {@link #decryptTls} never branches, indexes or throws on the padding: it computes a 0/1 flag with
 * {@link ConstantTime} and copies the fixed-length result only under that flag; the handshake then
 * substitutes its random premaster secret with {@link ConstantTime#ccopy} and carries on as RFC 5246,
 * Section 7.4.7.1 requires, so good and bad padding look the same from outside. {@link #decrypt} is for
 * non-TLS use: it throws on bad padding, which is an oracle by itself if its caller shows the failure.
 *
 * <p>constant-time: yes for decryption (the private operation and the padding check). Encryption is
 * public (BigInteger).
 */
public final class RsaPkcs1Encryption {
    /**
     * Diagnostic for tests: every step of the padding check of {@link #decryptTls} adds one. A test compares
     * this counter and {@link org.tls4j.crypto.math.Modulus#montMulCount()} across good and bad padding to
     * show both take the same code path. Not synchronised; not used for anything else.
     */
    static long tlsSteps;

    private RsaPkcs1Encryption() {}

    /**
     * RSAES-PKCS1-V1_5-ENCRYPT (RFC 8017, Section 7.2.1): {@code EM = 0x00 || 0x02 || PS || 0x00 || M} with
     * PS at least 8 random non-zero bytes, then {@code EM^e mod n}; the result has k bytes.
     *
     * @throws CryptoException when {@code len > k - 11} ("message too long")
     */
    public static byte[] encrypt(RsaPublicKey key, byte[] msg, int off, int len, RandomSource random)
            throws CryptoException {
        int k = key.byteLength();
        if (len < 0 || len > k - 11) {
            throw new CryptoException("RSA PKCS#1 v1.5: message too long (" + len + " bytes, at most " + (k - 11)
                    + ")");
        }
        byte[] em = new byte[k];
        em[1] = 0x02;
        int psLen = k - len - 3;
        byte[] one = new byte[1];
        for (int i = 0; i < psLen; i++) {
            // Redraw zero bytes: PS must be non-zero. The loop ends with overwhelming probability; a source
            // that keeps returning zeros is broken and is reported instead of looping forever.
            int tries = 0;
            do {
                if (++tries > 1000) {
                    throw new CryptoException("RSA PKCS#1 v1.5: the random source returns only zero bytes");
                }
                random.nextBytes(one, 0, 1);
            } while (one[0] == 0);
            em[2 + i] = one[0];
        }
        System.arraycopy(msg, off, em, k - len, len);
        byte[] c = key.publicOp(em, 0, k);
        ConstantTime.zero(em);
        return c;
    }

    /** Shorthand for {@code encrypt(key, msg, 0, msg.length, random)}. */
    public static byte[] encrypt(RsaPublicKey key, byte[] msg, RandomSource random) throws CryptoException {
        return encrypt(key, msg, 0, msg.length, random);
    }

    /**
     * Decrypts a TLS RSA key-exchange ciphertext whose plaintext must be exactly {@code expectedLen} bytes
     * (48 for the premaster secret), in constant time (RFC 5246, Section 7.4.7.1).
     *
     * <p>The padding is checked as a whole: {@code EM[0] = 0}, {@code EM[1] = 2}, {@code EM[2 .. k-L-2]}
     * all non-zero, {@code EM[k-L-1] = 0}, with {@code L = expectedLen}; each test is folded into one 0/1
     * flag without a branch. When the flag is 1 the last L bytes of EM are copied to {@code out}; when it is
     * 0, {@code out} is left exactly as it was (it is written either way, with {@link ConstantTime#ccopy}).
     * A caller that wants RFC 5246's behaviour either pre-fills {@code out} with its random premaster or
     * substitutes it afterwards with {@code ccopy(1 - flag, ...)}. The version check of the premaster
     * (client_version) is the handshake's job.
     *
     * <p>A ciphertext of the wrong length or not below n gives 0 without the private operation: those are
     * public properties of what the peer sent.
     *
     * @return 1 when the padding was good, else 0
     * @throws CryptoException only for a caller error ({@code expectedLen} too large for k), a destroyed
     *     key or a failed fault check; never for bad padding
     */
    public static int decryptTls(RsaPrivateKey key, byte[] c, int off, int len, byte[] out, int outOff,
            int expectedLen) throws CryptoException {
        int k = key.byteLength();
        if (expectedLen < 0 || expectedLen > k - 11) {
            throw new CryptoException("RSA PKCS#1 v1.5: expected length " + expectedLen + " too large for a "
                    + k + "-byte modulus");
        }
        if (len != k || !key.publicKey().isBelowModulus(c, off, len)) { // public facts about the input
            return 0;
        }
        byte[] em = key.privateOp(c, off, len);
        int sep = k - expectedLen - 1; // index of the 0x00 separator
        int good = ConstantTime.isZero(em[0]) & ConstantTime.eq(em[1], 2);
        tlsSteps += 2;
        for (int i = 2; i < sep; i++) {
            good &= ConstantTime.not(ConstantTime.isZero(em[i] & 0xFF));
            tlsSteps++;
        }
        good &= ConstantTime.isZero(em[sep] & 0xFF);
        ConstantTime.ccopy(good, out, outOff, em, sep + 1, expectedLen);
        tlsSteps += 2;
        ConstantTime.zero(em);
        return good;
    }

    /**
     * RSAES-PKCS1-V1_5-DECRYPT (RFC 8017, Section 7.2.2) for non-TLS use: the plaintext of any length.
     * The padding is checked with the same constant-time scan (the first zero byte after {@code EM[1]} is
     * located without a branch), but a bad padding then throws: do not use this where a peer can observe
     * the failure (use {@link #decryptTls}).
     *
     * @throws CryptoException "decryption error" for a wrong length, a value not below n or bad padding
     */
    public static byte[] decrypt(RsaPrivateKey key, byte[] c, int off, int len) throws CryptoException {
        int k = key.byteLength();
        if (len != k || k < 11 || !key.publicKey().isBelowModulus(c, off, len)) {
            throw new CryptoException("RSA PKCS#1 v1.5: decryption error");
        }
        byte[] em = key.privateOp(c, off, len);
        int good = ConstantTime.isZero(em[0]) & ConstantTime.eq(em[1], 2);
        int found = 0;
        int sep = 0;
        for (int i = 2; i < k; i++) {
            int z = ConstantTime.isZero(em[i] & 0xFF);
            int first = z & ConstantTime.not(found);
            sep = ConstantTime.mux(first, i, sep);
            found |= z;
        }
        good &= found & ConstantTime.not(ConstantTime.ltSmall(sep, 10)); // PS is at least 8 bytes
        if (good != 1) {
            ConstantTime.zero(em);
            throw new CryptoException("RSA PKCS#1 v1.5: decryption error");
        }
        byte[] m = new byte[k - sep - 1];
        System.arraycopy(em, sep + 1, m, 0, m.length);
        ConstantTime.zero(em);
        return m;
    }

    /** Shorthand for {@code decrypt(key, c, 0, c.length)}. */
    public static byte[] decrypt(RsaPrivateKey key, byte[] c) throws CryptoException {
        return decrypt(key, c, 0, c.length);
    }
}
