package org.tls4j.crypto.hash;

import java.util.Arrays;

/**
 * SHA-1 (FIPS 180-4, Section 6.1): 20-byte output, 64-byte blocks.
 *
 * <p>SHA-1 is broken for collision resistance (SHAttered, 2017; chosen-prefix collisions, 2020), so it
 * must not be used for new signatures. TLS still needs it inside HMAC-SHA-1 record MACs, the TLS 1.0/1.1
 * PRF and the SSL 3.0 MAC, where collisions do not matter in the same way.
 *
 * <p>constant-time: yes. No branch or memory index depends on the data.
 */
public final class Sha1 extends BlockDigest {
    private final int[] h = new int[5];
    /** The message schedule W0..W79 (scratch; wiped on reset). */
    private final int[] w = new int[80];

    /** A fresh SHA-1 computation. */
    public Sha1() {
        super(64, 8, false);
        resetState();
    }

    @Override
    void compress(byte[] in, int off) {
        final int[] w = this.w;
        for (int t = 0; t < 16; t++) {
            w[t] = readIntBE(in, off + 4 * t);
        }
        for (int t = 16; t < 80; t++) {
            w[t] = Integer.rotateLeft(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
        }
        int a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
        // FIPS 180-4, Section 4.1.1: f is Ch for rounds 0-19, Parity for 20-39 and 60-79, Maj for 40-59.
        for (int t = 0; t < 20; t++) {
            int tmp = Integer.rotateLeft(a, 5) + ((b & c) | (~b & d)) + e + 0x5a827999 + w[t];
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = tmp;
        }
        for (int t = 20; t < 40; t++) {
            int tmp = Integer.rotateLeft(a, 5) + (b ^ c ^ d) + e + 0x6ed9eba1 + w[t];
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = tmp;
        }
        for (int t = 40; t < 60; t++) {
            int tmp = Integer.rotateLeft(a, 5) + ((b & c) | (b & d) | (c & d)) + e + 0x8f1bbcdc + w[t];
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = tmp;
        }
        for (int t = 60; t < 80; t++) {
            int tmp = Integer.rotateLeft(a, 5) + (b ^ c ^ d) + e + 0xca62c1d6 + w[t];
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = tmp;
        }
        h[0] += a;
        h[1] += b;
        h[2] += c;
        h[3] += d;
        h[4] += e;
    }

    @Override
    void output(byte[] out, int off) {
        for (int i = 0; i < 5; i++) {
            writeIntBE(h[i], out, off + 4 * i);
        }
    }

    @Override
    void resetState() {
        Arrays.fill(w, 0);
        h[0] = 0x67452301;
        h[1] = 0xefcdab89;
        h[2] = 0x98badcfe;
        h[3] = 0x10325476;
        h[4] = 0xc3d2e1f0;
    }

    @Override
    void copyStateFrom(BlockDigest other) {
        System.arraycopy(((Sha1) other).h, 0, h, 0, 5);
    }

    @Override
    BlockDigest newInstance() {
        return new Sha1();
    }

    @Override
    public String algorithm() {
        return "SHA-1";
    }

    @Override
    public int digestLength() {
        return 20;
    }
}
