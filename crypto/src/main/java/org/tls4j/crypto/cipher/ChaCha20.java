package org.tls4j.crypto.cipher;

import java.util.Arrays;
import org.tls4j.crypto.CryptoException;

/**
 * ChaCha20 as specified in RFC 8439, Section 2.3 (block function) and Section 2.4 (encryption): a 256-bit
 * key, a 96-bit nonce and a 32-bit block counter. As a {@link StreamCipher}, {@link #process} continues
 * the keystream from where the previous call stopped; {@link #init} sets a new nonce and counter.
 *
 * <p><b>constant-time: yes.</b> Only 32-bit additions, XORs and fixed rotations (ARX); no table, no
 * data-dependent branch.
 *
 * <p>The 16-word state is (Section 2.3): four constants "expand 32-byte k", the key as eight
 * little-endian words, the block counter, and the nonce as three little-endian words. A block is 20
 * rounds (10 "double rounds": four column quarter-rounds, then four diagonal ones) and the original
 * state added back in. The counter is 32 bits: a message may be at most 2^32 blocks (256 GiB) per
 * nonce, which is far above anything TLS encrypts under one nonce. Not thread-safe; allocates nothing
 * per call.
 */
public final class ChaCha20 implements StreamCipher {
    private static final int C0 = 0x61707865, C1 = 0x3320646e, C2 = 0x79622d32, C3 = 0x6b206574;
    private final int[] key = new int[8];
    private int n0, n1, n2;
    private int counter;
    private final byte[] ks = new byte[64];
    private int ksPos = 64;
    private boolean destroyed;

    /** ChaCha20 with a 32-byte key; call {@link #init} before {@link #process}. */
    public ChaCha20(byte[] key) throws CryptoException {
        if (key == null || key.length != 32) {
            throw new CryptoException("ChaCha20 key must be 32 bytes");
        }
        for (int i = 0; i < 8; i++) {
            this.key[i] = le32(key, 4 * i);
        }
    }

    /** Sets the 12-byte nonce at {@code nonce[off]} and the initial block counter. */
    public void init(byte[] nonce, int off, int initialCounter) throws CryptoException {
        if (destroyed) {
            throw new CryptoException("ChaCha20 key was destroyed");
        }
        if (nonce == null || off < 0 || off > nonce.length - 12) {
            throw new CryptoException("ChaCha20 nonce must be 12 bytes");
        }
        n0 = le32(nonce, off);
        n1 = le32(nonce, off + 4);
        n2 = le32(nonce, off + 8);
        counter = initialCounter;
        ksPos = 64;
    }

    @Override
    public String algorithm() {
        return "ChaCha20";
    }

    /** Writes the 64-byte block for {@code blockCounter} under the current nonce (Section 2.3). */
    public void block(int blockCounter, byte[] out, int off) {
        core(blockCounter, null, 0, out, off);
    }

    /**
     * Computes the block for {@code counter} (Section 2.3) and either writes it to {@code out} (when
     * {@code in} is null) or writes {@code in XOR block} (64 bytes; Section 2.4), without an intermediate
     * keystream buffer.
     */
    private void checkAlive() {
        if (destroyed) {
            throw new IllegalStateException("ChaCha20 key was destroyed");
        }
    }

    private void core(int blockCounter, byte[] in, int inOff, byte[] out, int off) {
        checkAlive();
        final int k0 = key[0], k1 = key[1], k2 = key[2], k3 = key[3];
        final int k4 = key[4], k5 = key[5], k6 = key[6], k7 = key[7];
        int x0 = C0, x1 = C1, x2 = C2, x3 = C3;
        int x4 = k0, x5 = k1, x6 = k2, x7 = k3;
        int x8 = k4, x9 = k5, x10 = k6, x11 = k7;
        int x12 = blockCounter, x13 = n0, x14 = n1, x15 = n2;
        for (int i = 0; i < 10; i++) {
            // column round: QUARTERROUND(0,4,8,12) (1,5,9,13) (2,6,10,14) (3,7,11,15)
            x0 += x4; x12 = Integer.rotateLeft(x12 ^ x0, 16); x8 += x12; x4 = Integer.rotateLeft(x4 ^ x8, 12);
            x0 += x4; x12 = Integer.rotateLeft(x12 ^ x0, 8); x8 += x12; x4 = Integer.rotateLeft(x4 ^ x8, 7);
            x1 += x5; x13 = Integer.rotateLeft(x13 ^ x1, 16); x9 += x13; x5 = Integer.rotateLeft(x5 ^ x9, 12);
            x1 += x5; x13 = Integer.rotateLeft(x13 ^ x1, 8); x9 += x13; x5 = Integer.rotateLeft(x5 ^ x9, 7);
            x2 += x6; x14 = Integer.rotateLeft(x14 ^ x2, 16); x10 += x14; x6 = Integer.rotateLeft(x6 ^ x10, 12);
            x2 += x6; x14 = Integer.rotateLeft(x14 ^ x2, 8); x10 += x14; x6 = Integer.rotateLeft(x6 ^ x10, 7);
            x3 += x7; x15 = Integer.rotateLeft(x15 ^ x3, 16); x11 += x15; x7 = Integer.rotateLeft(x7 ^ x11, 12);
            x3 += x7; x15 = Integer.rotateLeft(x15 ^ x3, 8); x11 += x15; x7 = Integer.rotateLeft(x7 ^ x11, 7);
            // diagonal round: QUARTERROUND(0,5,10,15) (1,6,11,12) (2,7,8,13) (3,4,9,14)
            x0 += x5; x15 = Integer.rotateLeft(x15 ^ x0, 16); x10 += x15; x5 = Integer.rotateLeft(x5 ^ x10, 12);
            x0 += x5; x15 = Integer.rotateLeft(x15 ^ x0, 8); x10 += x15; x5 = Integer.rotateLeft(x5 ^ x10, 7);
            x1 += x6; x12 = Integer.rotateLeft(x12 ^ x1, 16); x11 += x12; x6 = Integer.rotateLeft(x6 ^ x11, 12);
            x1 += x6; x12 = Integer.rotateLeft(x12 ^ x1, 8); x11 += x12; x6 = Integer.rotateLeft(x6 ^ x11, 7);
            x2 += x7; x13 = Integer.rotateLeft(x13 ^ x2, 16); x8 += x13; x7 = Integer.rotateLeft(x7 ^ x8, 12);
            x2 += x7; x13 = Integer.rotateLeft(x13 ^ x2, 8); x8 += x13; x7 = Integer.rotateLeft(x7 ^ x8, 7);
            x3 += x4; x14 = Integer.rotateLeft(x14 ^ x3, 16); x9 += x14; x4 = Integer.rotateLeft(x4 ^ x9, 12);
            x3 += x4; x14 = Integer.rotateLeft(x14 ^ x3, 8); x9 += x14; x4 = Integer.rotateLeft(x4 ^ x9, 7);
        }
        x0 += C0; x1 += C1; x2 += C2; x3 += C3;
        x4 += k0; x5 += k1; x6 += k2; x7 += k3;
        x8 += k4; x9 += k5; x10 += k6; x11 += k7;
        x12 += blockCounter; x13 += n0; x14 += n1; x15 += n2;
        if (in != null) { // public: which entry point was called
            x0 ^= le32(in, inOff); x1 ^= le32(in, inOff + 4); x2 ^= le32(in, inOff + 8);
            x3 ^= le32(in, inOff + 12); x4 ^= le32(in, inOff + 16); x5 ^= le32(in, inOff + 20);
            x6 ^= le32(in, inOff + 24); x7 ^= le32(in, inOff + 28); x8 ^= le32(in, inOff + 32);
            x9 ^= le32(in, inOff + 36); x10 ^= le32(in, inOff + 40); x11 ^= le32(in, inOff + 44);
            x12 ^= le32(in, inOff + 48); x13 ^= le32(in, inOff + 52); x14 ^= le32(in, inOff + 56);
            x15 ^= le32(in, inOff + 60);
        }
        put32(x0, out, off); put32(x1, out, off + 4); put32(x2, out, off + 8); put32(x3, out, off + 12);
        put32(x4, out, off + 16); put32(x5, out, off + 20); put32(x6, out, off + 24); put32(x7, out, off + 28);
        put32(x8, out, off + 32); put32(x9, out, off + 36); put32(x10, out, off + 40); put32(x11, out, off + 44);
        put32(x12, out, off + 48); put32(x13, out, off + 52); put32(x14, out, off + 56); put32(x15, out, off + 60);
    }

    /**
     * XORs the keystream into {@code in} (Section 2.4), continuing where the last call ended; the block
     * counter advances by one per 64 bytes. In place is allowed.
     */
    @Override
    public void process(byte[] in, int inOff, int len, byte[] out, int outOff) {
        int i = 0;
        while (i < len && ksPos < 64) {
            out[outOff + i] = (byte) (in[inOff + i] ^ ks[ksPos++]);
            i++;
        }
        while (len - i >= 64) {
            core(counter++, in, inOff + i, out, outOff + i);
            i += 64;
        }
        if (i < len) {
            block(counter++, ks, 0);
            ksPos = 0;
            while (i < len) {
                out[outOff + i] = (byte) (in[inOff + i] ^ ks[ksPos++]);
                i++;
            }
        }
    }

    @Override
    public void destroy() {
        Arrays.fill(key, 0);
        Arrays.fill(ks, (byte) 0);
        n0 = n1 = n2 = counter = 0;
        destroyed = true;
        ksPos = 0;
    }

    static int le32(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF) << 16 | (b[off + 3] & 0xFF) << 24;
    }

    static void put32(int v, byte[] b, int off) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
        b[off + 2] = (byte) (v >>> 16);
        b[off + 3] = (byte) (v >>> 24);
    }
}
