package org.tls4j.crypto.cipher;

import java.util.Arrays;
import org.tls4j.crypto.CryptoException;

/**
 * Counter mode (NIST SP 800-38A, Section 6.5) over any {@link BlockCipher}: the keystream is
 * E(T_1) || E(T_2) || ..., where T_1 is the initial counter block and T_{i+1} = T_i + 1 as a big-endian
 * integer over the whole block (modulo 2^(8 * blockSize)). Successive {@link #process} calls continue the
 * keystream; {@link #init} starts a new one.
 *
 * <p><b>constant-time:</b> as the underlying block cipher ({@link AesCt64}: yes); the counter increment
 * has no data-dependent branch. With {@link AesCt64} four counter blocks go through one AES call.
 * Not thread-safe; allocates nothing per call; in place is allowed.
 */
public final class Ctr implements StreamCipher {
    private final BlockCipher cipher;
    private boolean destroyed;
    private final AesCt64 aes;
    private final int bs;
    private final byte[] counter;
    private final byte[] blocks;
    private final byte[] ks;
    private int ksPos;
    private int ksLen;

    /** CTR over {@code cipher} starting at the counter block {@code iv} (one block long). */
    public Ctr(BlockCipher cipher, byte[] iv) throws CryptoException {
        this.cipher = cipher;
        this.aes = cipher instanceof AesCt64 ? (AesCt64) cipher : null;
        this.bs = cipher.blockSize();
        this.counter = new byte[bs];
        this.blocks = new byte[4 * bs];
        this.ks = new byte[4 * bs];
        init(iv, 0);
    }

    /** Restarts the keystream at the counter block {@code iv[off .. off + blockSize)}. */
    public void init(byte[] iv, int off) throws CryptoException {
        if (destroyed) {
            throw new CryptoException("CTR key was destroyed");
        }
        if (iv == null || off < 0 || off > iv.length - bs) {
            throw new CryptoException("CTR initial counter block must be " + bs + " bytes");
        }
        System.arraycopy(iv, off, counter, 0, bs);
        ksPos = 0;
        ksLen = 0;
    }

    @Override
    public String algorithm() {
        return cipher.algorithm() + "-CTR";
    }

    private void increment() {
        int carry = 1;
        for (int i = bs - 1; i >= 0; i--) {
            int v = (counter[i] & 0xFF) + carry;
            counter[i] = (byte) v;
            carry = v >>> 8;
        }
    }

    private void refill() {
        int n = aes == null ? 1 : 4;
        for (int b = 0; b < n; b++) {
            System.arraycopy(counter, 0, blocks, b * bs, bs);
            increment();
        }
        if (aes != null) {
            aes.encrypt4(blocks, 0, ks, 0);
        } else {
            cipher.encryptBlock(blocks, 0, ks, 0);
        }
        ksPos = 0;
        ksLen = n * bs;
    }

    @Override
    public void process(byte[] in, int inOff, int len, byte[] out, int outOff) {
        for (int i = 0; i < len; i++) {
            if (ksPos == ksLen) {
                refill();
            }
            out[outOff + i] = (byte) (in[inOff + i] ^ ks[ksPos++]);
        }
    }

    @Override
    public void destroy() {
        destroyed = true;
        cipher.destroy();
        Arrays.fill(counter, (byte) 0);
        Arrays.fill(blocks, (byte) 0);
        Arrays.fill(ks, (byte) 0);
        ksPos = 0;
        ksLen = 0;
    }
}
