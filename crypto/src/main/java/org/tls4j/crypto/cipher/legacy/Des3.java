package org.tls4j.crypto.cipher.legacy;

import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.cipher.BlockCipher;

/**
 * Triple DES, DES-EDE3 (NIST SP 800-67): C = E_K3(D_K2(E_K1(P))), with three independent 8-byte keys
 * K1 || K2 || K3 as in TLS's {@code 3DES_EDE_CBC} suites (RFC 5246, Appendix C: 24 bytes of key).
 *
 * <p><b>Weak; TLS keeps it off by default.</b> The 64-bit block is the problem: after about 2^32 blocks
 * (32 GiB) under one key, two ciphertext blocks collide with good probability, and in CBC a collision
 * reveals the XOR of two plaintext blocks. Bhargavan and Leurent's SWEET32 attack (CCS 2016) recovered
 * HTTP cookies from long-lived 3DES TLS connections this way. NIST withdrew 3DES for encryption after
 * 2023 (SP 800-131A Rev. 2). tls4j enables it only for explicit legacy interop, and a record layer using
 * it should rekey long before 2^32 blocks.
 *
 * <p><b>constant-time: yes</b> (three {@link Des} operations; see there). Slow: three single-block DES
 * operations per 8 bytes.
 */
public final class Des3 implements BlockCipher {
    private final Des k1;
    private final Des k2;
    private final Des k3;

    /**
     * DES-EDE3 with a 24-byte key K1 || K2 || K3 (parity bits ignored). Keys with K1 = K2 or K2 = K3
     * degenerate to single DES; they are accepted because the NIST test files use them, and TLS derives
     * the key from the key block, where such equalities do not occur by chance.
     */
    public Des3(byte[] key) throws CryptoException {
        if (key == null || key.length != 24) {
            throw new CryptoException("3DES (DES-EDE3) key must be 24 bytes");
        }
        k1 = new Des(key, 0);
        k2 = new Des(key, 8);
        k3 = new Des(key, 16);
    }

    @Override
    public String algorithm() {
        return "DESede";
    }

    @Override
    public int blockSize() {
        return 8;
    }

    @Override
    public void encryptBlock(byte[] in, int inOff, byte[] out, int outOff) {
        long v = Des.load(in, inOff);
        v = k3.crypt(k2.crypt(k1.crypt(v, false), true), false);
        Des.store(v, out, outOff);
    }

    @Override
    public void decryptBlock(byte[] in, int inOff, byte[] out, int outOff) {
        long v = Des.load(in, inOff);
        v = k1.crypt(k2.crypt(k3.crypt(v, true), false), true);
        Des.store(v, out, outOff);
    }

    @Override
    public void destroy() {
        k1.destroy();
        k2.destroy();
        k3.destroy();
    }
}
