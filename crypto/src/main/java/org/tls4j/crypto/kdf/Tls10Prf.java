package org.tls4j.crypto.kdf;

import java.nio.charset.StandardCharsets;
import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.hash.Md5;
import org.tls4j.crypto.hash.Sha1;

/**
 * The TLS 1.0 and 1.1 PRF (RFC 2246, Section 5; unchanged in RFC 4346, Section 5):
 * <pre>
 * PRF(secret, label, seed) = P_MD5(S1, label + seed) XOR P_SHA-1(S2, label + seed)
 * </pre>
 * where S1 is the first and S2 the last ceil(len/2) bytes of the secret (they share the middle byte
 * when the length is odd).
 *
 * <p><b>Legacy.</b> It rests on MD5 and SHA-1 (both broken for collisions; the PRF's strength relies on
 * HMAC and the XOR of the two, but it has no security proof comparable to HKDF's). TLS 1.0 and 1.1 are
 * deprecated by RFC 8996 and off by default in tls4j.
 *
 * <p>constant-time: yes (as {@link org.tls4j.crypto.mac.Hmac}); lengths and labels are public.
 */
public final class Tls10Prf {
    private Tls10Prf() {}

    /**
     * PRF(secret, label, seed) truncated to {@code length} bytes.
     *
     * @param label an ASCII label such as {@code "key expansion"}
     * @throws CryptoException if {@code length} is negative
     */
    public static byte[] derive(byte[] secret, String label, byte[] seed, int length) throws CryptoException {
        return derive(secret, label.getBytes(StandardCharsets.US_ASCII), seed, length);
    }

    /** As {@link #derive(byte[], String, byte[], int)}, with the label given as bytes. */
    public static byte[] derive(byte[] secret, byte[] label, byte[] seed, int length) throws CryptoException {
        if (length < 0) {
            throw new CryptoException("TLS 1.0 PRF: negative output length " + length);
        }
        int half = (secret.length + 1) / 2;
        byte[] s1 = new byte[half];
        byte[] s2 = new byte[half];
        System.arraycopy(secret, 0, s1, 0, half);
        System.arraycopy(secret, secret.length - half, s2, 0, half);
        byte[] out = new byte[length];
        PHash.compute(new Md5(), s1, label, seed, out, false);
        PHash.compute(new Sha1(), s2, label, seed, out, true);
        java.util.Arrays.fill(s1, (byte) 0);
        java.util.Arrays.fill(s2, (byte) 0);
        return out;
    }
}
