package org.tls4j.crypto.aead;

import java.util.Arrays;
import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.mac.Mac;

/**
 * Poly1305 (RFC 8439, Section 2.5): a one-time authenticator. The 32-byte key is (r, s); r is
 * "clamped", and for each 16-byte block (with a 1 byte appended, Section 2.5.1) the accumulator becomes
 * (acc + block) * r mod 2^130 - 5; the tag is (acc + s) mod 2^128. A key must authenticate one message
 * only: ChaCha20-Poly1305 derives a fresh one per nonce (Section 2.6).
 *
 * <p><b>constant-time: yes.</b> Numbers mod 2^130 - 5 are five 26-bit limbs in {@code long}s (the
 * "donna-32" representation), so every product of a limb and a key limb fits in 64 bits without needing
 * a 64x64->128 multiply (Java 8 has no {@code Math.multiplyHigh}). 2^130 = 5 mod p, so a carry out of the
 * top limb re-enters the bottom limb times 5, and r's limbs are pre-multiplied by 5 for the wrapped
 * products. The final reduction to [0, p) subtracts p and picks the result with a mask, not a branch.
 *
 * <p>{@link #init} re-keys without allocating (used by {@link ChaCha20Poly1305}). Not thread-safe.
 */
public final class Poly1305 implements Mac {
    private static final long M26 = 0x3FFFFFF;
    private long r0, r1, r2, r3, r4;
    private long s1, s2, s3, s4; // 5 * r_i
    private int k0, k1, k2, k3; // s, the second half of the key
    private long h0, h1, h2, h3, h4;
    private final byte[] buf = new byte[16];
    private int bufLen;
    private boolean destroyed;

    /** Poly1305 keyed with 32 bytes (r || s). */
    public Poly1305(byte[] key) throws CryptoException {
        if (key == null || key.length != 32) {
            throw new CryptoException("Poly1305 key must be 32 bytes");
        }
        init(key, 0);
    }

    /** Re-keys with {@code key[off .. off + 32)} and starts a new message. */
    public void init(byte[] key, int off) {
        if (destroyed) {
            throw new IllegalStateException("Poly1305 was destroyed");
        }
        // clamp r (Section 2.5.1): r &= 0x0ffffffc0ffffffc0ffffffc0fffffff, then split into 26-bit limbs
        int w0 = le32(key, off) & 0x0FFFFFFF;
        int w1 = le32(key, off + 4) & 0x0FFFFFFC;
        int w2 = le32(key, off + 8) & 0x0FFFFFFC;
        int w3 = le32(key, off + 12) & 0x0FFFFFFC;
        r0 = w0 & M26;
        r1 = ((w0 >>> 26) | (w1 << 6)) & M26;
        r2 = ((w1 >>> 20) | (w2 << 12)) & M26;
        r3 = ((w2 >>> 14) | (w3 << 18)) & M26;
        r4 = (w3 >>> 8) & 0xFFFFFFFFL;
        s1 = 5 * r1;
        s2 = 5 * r2;
        s3 = 5 * r3;
        s4 = 5 * r4;
        k0 = le32(key, off + 16);
        k1 = le32(key, off + 20);
        k2 = le32(key, off + 24);
        k3 = le32(key, off + 28);
        reset();
    }

    @Override
    public String algorithm() {
        return "Poly1305";
    }

    @Override
    public int macLength() {
        return 16;
    }

    @Override
    public void reset() {
        h0 = h1 = h2 = h3 = h4 = 0;
        bufLen = 0;
        Arrays.fill(buf, (byte) 0);
    }

    @Override
    public void update(byte b) {
        buf[bufLen++] = b;
        if (bufLen == 16) {
            blocks(buf, 0, 16, 1 << 24);
            bufLen = 0;
        }
    }

    @Override
    public void update(byte[] in, int off, int len) {
        if (bufLen > 0) {
            int n = Math.min(16 - bufLen, len);
            System.arraycopy(in, off, buf, bufLen, n);
            bufLen += n;
            off += n;
            len -= n;
            if (bufLen < 16) {
                return;
            }
            blocks(buf, 0, 16, 1 << 24);
            bufLen = 0;
        }
        int full = len & ~15;
        if (full > 0) {
            blocks(in, off, full, 1 << 24);
        }
        if (len > full) {
            System.arraycopy(in, off + full, buf, 0, len - full);
            bufLen = len - full;
        }
    }

    /**
     * Absorbs {@code len} bytes as if followed by zero bytes up to a multiple of 16: the "pad16" of RFC
     * 8439, Section 2.8. Only valid at a block boundary (nothing buffered).
     */
    void updatePadded(byte[] in, int off, int len) {
        int full = len & ~15;
        if (full > 0) {
            blocks(in, off, full, 1 << 24);
        }
        if (len > full) {
            Arrays.fill(buf, (byte) 0);
            System.arraycopy(in, off + full, buf, 0, len - full);
            blocks(buf, 0, 16, 1 << 24);
        }
    }

    /** Absorbs whole 16-byte blocks; {@code hibit} is the appended 1 bit (2^128) in limb 4's position. */
    private void blocks(byte[] m, int off, int len, long hibit) {
        if (destroyed) {
            throw new IllegalStateException("Poly1305 key was destroyed");
        }
        long h0 = this.h0, h1 = this.h1, h2 = this.h2, h3 = this.h3, h4 = this.h4;
        final long r0 = this.r0, r1 = this.r1, r2 = this.r2, r3 = this.r3, r4 = this.r4;
        final long s1 = this.s1, s2 = this.s2, s3 = this.s3, s4 = this.s4;
        int end = off + len;
        while (off < end) {
            int t0 = le32(m, off), t1 = le32(m, off + 4), t2 = le32(m, off + 8), t3 = le32(m, off + 12);
            h0 += t0 & M26;
            h1 += (((t0 & 0xFFFFFFFFL) >>> 26) | ((t1 & 0xFFFFFFFFL) << 6)) & M26;
            h2 += (((t1 & 0xFFFFFFFFL) >>> 20) | ((t2 & 0xFFFFFFFFL) << 12)) & M26;
            h3 += (((t2 & 0xFFFFFFFFL) >>> 14) | ((t3 & 0xFFFFFFFFL) << 18)) & M26;
            h4 += ((t3 & 0xFFFFFFFFL) >>> 8) | hibit;

            long d0 = h0 * r0 + h1 * s4 + h2 * s3 + h3 * s2 + h4 * s1;
            long d1 = h0 * r1 + h1 * r0 + h2 * s4 + h3 * s3 + h4 * s2;
            long d2 = h0 * r2 + h1 * r1 + h2 * r0 + h3 * s4 + h4 * s3;
            long d3 = h0 * r3 + h1 * r2 + h2 * r1 + h3 * r0 + h4 * s4;
            long d4 = h0 * r4 + h1 * r3 + h2 * r2 + h3 * r1 + h4 * r0;

            long c = d0 >>> 26; h0 = d0 & M26;
            d1 += c; c = d1 >>> 26; h1 = d1 & M26;
            d2 += c; c = d2 >>> 26; h2 = d2 & M26;
            d3 += c; c = d3 >>> 26; h3 = d3 & M26;
            d4 += c; c = d4 >>> 26; h4 = d4 & M26;
            h0 += c * 5; c = h0 >>> 26; h0 &= M26;
            h1 += c;
            off += 16;
        }
        this.h0 = h0;
        this.h1 = h1;
        this.h2 = h2;
        this.h3 = h3;
        this.h4 = h4;
    }

    @Override
    public void doFinal(byte[] out, int off) {
        if (destroyed) {
            throw new IllegalStateException("Poly1305 key was destroyed");
        }
        if (bufLen > 0) {
            // last partial block: append the 1 byte, pad with zeros, no 2^128 bit (Section 2.5.1)
            buf[bufLen] = 1;
            for (int i = bufLen + 1; i < 16; i++) {
                buf[i] = 0;
            }
            blocks(buf, 0, 16, 0);
        }
        // full carry
        long c = h1 >>> 26; h1 &= M26;
        h2 += c; c = h2 >>> 26; h2 &= M26;
        h3 += c; c = h3 >>> 26; h3 &= M26;
        h4 += c; c = h4 >>> 26; h4 &= M26;
        h0 += c * 5; c = h0 >>> 26; h0 &= M26;
        h1 += c;
        // g = h + 5 - 2^130; use g when it is not negative (h >= p)
        long g0 = h0 + 5; c = g0 >>> 26; g0 &= M26;
        long g1 = h1 + c; c = g1 >>> 26; g1 &= M26;
        long g2 = h2 + c; c = g2 >>> 26; g2 &= M26;
        long g3 = h3 + c; c = g3 >>> 26; g3 &= M26;
        long g4 = h4 + c - (1L << 26);
        long useG = (g4 >>> 63) - 1; // all ones when g4 >= 0
        h0 = (h0 & ~useG) | (g0 & useG);
        h1 = (h1 & ~useG) | (g1 & useG);
        h2 = (h2 & ~useG) | (g2 & useG);
        h3 = (h3 & ~useG) | (g3 & useG);
        h4 = (h4 & ~useG) | (g4 & useG);
        // to 128 bits and + s mod 2^128, by addition (so a limb of exactly 2^26 is still handled)
        long acc = h0 + (h1 << 26) + (k0 & 0xFFFFFFFFL);
        long f0 = acc;
        acc = (acc >>> 32) + (h2 << 20) + (k1 & 0xFFFFFFFFL);
        long f1 = acc;
        acc = (acc >>> 32) + (h3 << 14) + (k2 & 0xFFFFFFFFL);
        long f2 = acc;
        acc = (acc >>> 32) + (h4 << 8) + (k3 & 0xFFFFFFFFL);
        long f3 = acc;
        put32((int) f0, out, off);
        put32((int) f1, out, off + 4);
        put32((int) f2, out, off + 8);
        put32((int) f3, out, off + 12);
        reset();
    }

    @Override
    public void destroy() {
        r0 = r1 = r2 = r3 = r4 = s1 = s2 = s3 = s4 = 0;
        k0 = k1 = k2 = k3 = 0;
        reset();
        destroyed = true;
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
