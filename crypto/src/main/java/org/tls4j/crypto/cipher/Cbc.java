package org.tls4j.crypto.cipher;

import java.util.Arrays;
import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.Destroyable;

/**
 * Cipher block chaining (NIST SP 800-38A, Section 6.2) over any {@link BlockCipher}, without padding:
 * lengths must be whole blocks. The TLS record layer adds and checks its own padding (RFC 5246, Section
 * 6.2.3.2) and keeps the IV chain itself (the explicit IV of TLS 1.1+, or the last ciphertext block of
 * the previous record in SSL 3.0 / TLS 1.0), so every call takes its IV.
 *
 * <p><b>constant-time:</b> as the underlying block cipher ({@link AesCt64}: yes). CBC itself only XORs.
 * With {@link AesCt64}, decryption runs four blocks per AES call (decryption has no chain dependency);
 * encryption is inherently one block at a time. Not thread-safe; allocates nothing per call. In place
 * ({@code in == out}, same offset) is allowed.
 */
public final class Cbc implements Destroyable {
    private final BlockCipher cipher;
    private boolean destroyed;
    private final AesCt64 aes;
    private final int bs;
    private final byte[] chain;
    private final byte[] buf;
    private final byte[] prev;

    /** CBC over {@code cipher}; {@link #destroy()} destroys the cipher too. */
    public Cbc(BlockCipher cipher) {
        this.cipher = cipher;
        this.aes = cipher instanceof AesCt64 ? (AesCt64) cipher : null;
        this.bs = cipher.blockSize();
        this.chain = new byte[bs];
        this.buf = new byte[4 * bs];
        this.prev = new byte[bs];
    }

    public int blockSize() {
        return bs;
    }

    /** The underlying block cipher's name with "-CBC", e.g. {@code AES-128-CBC}. */
    public String algorithm() {
        return cipher.algorithm() + "-CBC";
    }

    private void check(byte[] iv, int ivOff, byte[] in, int inOff, int len, byte[] out, int outOff)
            throws CryptoException {
        if (destroyed) {
            throw new CryptoException(algorithm() + ": key was destroyed");
        }
        if (iv == null || in == null || out == null) {
            throw new CryptoException("CBC: null argument");
        }
        if (len < 0 || len % bs != 0) {
            throw new CryptoException("CBC input length " + len + " is not a multiple of " + bs);
        }
        if (ivOff < 0 || ivOff > iv.length - bs || inOff < 0 || inOff > in.length - len || outOff < 0
                || outOff > out.length - len) {
            throw new CryptoException("CBC: range out of bounds");
        }
    }

    /** C_i = E(P_i xor C_{i-1}), C_0 = IV. */
    public void encrypt(byte[] iv, int ivOff, byte[] in, int inOff, int len, byte[] out, int outOff)
            throws CryptoException {
        check(iv, ivOff, in, inOff, len, out, outOff);
        System.arraycopy(iv, ivOff, chain, 0, bs);
        for (int off = 0; off < len; off += bs) {
            for (int i = 0; i < bs; i++) {
                chain[i] ^= in[inOff + off + i];
            }
            cipher.encryptBlock(chain, 0, chain, 0);
            System.arraycopy(chain, 0, out, outOff + off, bs);
        }
        Arrays.fill(chain, (byte) 0);
    }

    /** P_i = D(C_i) xor C_{i-1}, C_0 = IV. */
    public void decrypt(byte[] iv, int ivOff, byte[] in, int inOff, int len, byte[] out, int outOff)
            throws CryptoException {
        check(iv, ivOff, in, inOff, len, out, outOff);
        System.arraycopy(iv, ivOff, prev, 0, bs);
        int off = 0;
        while (off < len) {
            int n = aes == null ? 1 : Math.min(4, (len - off) / bs);
            int bytes = n * bs;
            // keep the ciphertext: with in == out, decrypting overwrites it
            System.arraycopy(in, inOff + off, buf, 0, bytes);
            if (aes != null) {
                aes.decryptBlocks(in, inOff + off, out, outOff + off, n);
            } else {
                cipher.decryptBlock(in, inOff + off, out, outOff + off);
            }
            for (int i = 0; i < bs; i++) {
                out[outOff + off + i] ^= prev[i];
            }
            for (int i = bs; i < bytes; i++) {
                out[outOff + off + i] ^= buf[i - bs];
            }
            System.arraycopy(buf, bytes - bs, prev, 0, bs);
            off += bytes;
        }
        Arrays.fill(buf, (byte) 0);
        Arrays.fill(prev, (byte) 0);
    }

    @Override
    public void destroy() {
        destroyed = true;
        cipher.destroy();
        Arrays.fill(chain, (byte) 0);
        Arrays.fill(buf, (byte) 0);
        Arrays.fill(prev, (byte) 0);
    }
}
