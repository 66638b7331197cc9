package org.tls4j.crypto.rsa;

import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.ct.ConstantTime;
import org.tls4j.crypto.hash.Md5;
import org.tls4j.crypto.hash.Sha1;

/**
 * The RSA signature of TLS 1.0 and 1.1 (RFC 2246 and RFC 4346, Section 4.7 and 7.4.3): PKCS#1 v1.5 block
 * type 1 over the 36-byte concatenation {@code MD5(m) || SHA-1(m)}, with no DigestInfo around it:
 * {@code EM = 0x00 || 0x01 || 0xFF.. || 0x00 || MD5(m) || SHA-1(m)}.
 *
 * <p><b>Legacy.</b> Its security rests on MD5 and SHA-1 together, both broken for collisions, and it is
 * used only by TLS 1.0/1.1, which RFC 8996 deprecates; tls4j's TLS layer uses it only when those versions
 * are enabled explicitly (they are off by default). constant-time: yes for signing (the private operation;
 * the message is public); verification handles public data only.
 */
public final class RsaPkcs1Md5Sha1 {
    /** The length of MD5 || SHA-1. */
    public static final int HASH_LENGTH = 36;

    private RsaPkcs1Md5Sha1() {}

    /** MD5(m) || SHA-1(m). */
    public static byte[] hash(byte[] m) {
        Md5 md5 = new Md5();
        md5.update(m);
        Sha1 sha = new Sha1();
        sha.update(m);
        byte[] out = new byte[HASH_LENGTH];
        System.arraycopy(md5.digest(), 0, out, 0, 16);
        System.arraycopy(sha.digest(), 0, out, 16, 20);
        return out;
    }

    private static byte[] encode(byte[] h, int k) {
        byte[] em = new byte[k];
        em[1] = 0x01;
        for (int i = 2; i < k - h.length - 1; i++) {
            em[i] = (byte) 0xFF;
        }
        System.arraycopy(h, 0, em, k - h.length, h.length);
        return em;
    }

    /** Signs {@code m}. */
    public static byte[] sign(RsaPrivateKey key, byte[] m) throws CryptoException {
        int k = key.byteLength();
        if (k < HASH_LENGTH + 11) {
            throw new CryptoException("RSA modulus too short for an MD5+SHA-1 signature");
        }
        byte[] em = encode(hash(m), k);
        return key.privateOp(em, 0, k);
    }

    /** True when {@code signature} is a valid signature of {@code m} under {@code key}. */
    public static boolean verify(RsaPublicKey key, byte[] m, byte[] signature) {
        int k = key.byteLength();
        if (signature.length != k || k < HASH_LENGTH + 11) {
            return false;
        }
        byte[] em = key.publicOp(signature, 0, k);
        return em != null && ConstantTime.equals(em, encode(hash(m), k));
    }
}
