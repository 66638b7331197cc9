package org.tls4j.crypto.cipher;

import org.tls4j.crypto.CryptoException;

/**
 * AES-128, AES-192 and AES-256 (FIPS 197), bitsliced on {@code long} so that no table is ever indexed by
 * a secret. The idea is BearSSL's {@code aes_ct64} (Thomas Pornin); the layout below is our own and the
 * S-box is the 113-gate Boolean circuit of Boyar and Peralta ("A depth-16 circuit for the AES S-box",
 * IACR ePrint 2011/332). This class is not thread-safe: it keeps a small work area so that encrypting
 * allocates nothing.
 *
 * <p><b>constant-time: yes.</b> Every operation is a fixed sequence of AND, XOR, NOT, shifts and masks on
 * {@code long}s; there are no table lookups, no branches and no loop bounds that depend on the key or the
 * data.
 *
 * <h2>Why bitslicing</h2>
 * A classic ("table") AES looks up {@code S[x]} or {@code T0[x]} with {@code x} = plaintext XOR key. Which
 * cache line is touched then depends on the key, and cache-timing attacks (Bernstein 2005; Osvik, Shamir
 * and Tromer 2006) recover the key from that. Bitslicing instead computes the S-box as a Boolean circuit
 * on bits, so every input takes exactly the same instructions; and because a {@code long} holds 64 bits,
 * one circuit evaluation handles 64 bytes at once: four AES blocks.
 *
 * <h2>Bit layout</h2>
 * FIPS 197 (Section 3.4) fills the 4x4 state column by column: byte {@code i} of a block is row
 * {@code r = i % 4} of column {@code c = i / 4}. We process four blocks ({@code blk = 0..3}), i.e. 64
 * bytes, and give each of them a position
 * <pre>
 *     p = 16*r + 4*c + blk        (0..63)
 * </pre>
 * so that in a 64-bit word the four rows are the four 16-bit quarters, each column is a nibble inside
 * its row's quarter, and the four blocks are the four bits of that nibble. The state is eight longs
 * {@code q[0..7]}, and
 * <pre>
 *     bit p of q[b]  =  bit b of the byte at position p       (b = 0 is the least significant bit)
 * </pre>
 * So {@code q[7]} collects the top bit of all 64 bytes, {@code q[0]} the bottom bit.
 *
 * <h2>Getting in and out of the layout ("ortho")</h2>
 * {@link #load} gathers the 64 bytes in position order into eight longs {@code x[j]} (byte {@code k} of
 * {@code x[j]} is the byte at position {@code p = 8j + k}). An 8x8 bit-matrix transpose inside each
 * {@code x[j]} (rows = bytes, columns = bit numbers) makes byte {@code b} of {@code x[j]} hold bit
 * {@code b} of those eight bytes. An 8x8 <em>byte</em>-matrix transpose across the eight longs then
 * gathers byte {@code b} of every {@code x[j]} into {@code q[b]}. Both transposes are three rounds of masked
 * swaps (Hacker's Delight, Section 7-3) and both are their own inverse, so {@link #store} runs them again
 * in the other order and scatters the bytes back.
 *
 * <h2>The round functions as bit operations</h2>
 * <ul>
 * <li><b>AddRoundKey</b>: each round key is stored in the same layout, copied into all four blocks, so
 * it is eight XORs.</li>
 * <li><b>SubBytes</b>: the S-box of each byte depends only on the eight bits of that byte, and those sit
 * at the same position {@code p} in {@code q[0..7]}. Feeding {@code q[7]..q[0]} as the circuit inputs
 * {@code U0..U7} evaluates the circuit for all 64 bytes at once (113 gates, 32 of them AND).
 * The inverse S-box is {@code IA o S o IA}, with {@code IA} the inverse affine map of FIPS 197, Section
 * 5.3.2: since {@code S(x) = A(x^-1)}, we get {@code x^-1 = IA(S(x))} and
 * {@code S^-1(y) = (IA(y))^-1 = IA(S(IA(y)))}; {@code IA} is three XORs per output bit.</li>
 * <li><b>ShiftRows</b>: row {@code r} moves left by {@code r} columns, i.e. nibble {@code c + r} of the
 * row's quarter moves to nibble {@code c}: quarter {@code r} rotates right by {@code 4r} bits inside
 * itself. Seven masks, six shifts and six ORs per slice.</li>
 * <li><b>MixColumns</b>: every output byte is {@code 2*a[r] + 3*a[r+1] + a[r+2] + a[r+3]} within its
 * column. "Row {@code r+1} at the place of row {@code r}" is a rotation of the whole word by 16 bits, a
 * single instruction. With {@code t = a + rot16(a)} the output is
 * {@code xtime(t) + rot16(a) + rot32(t)}. {@code xtime} (multiply by x in GF(2^8)) only moves whole
 * slices: {@code q[b] <- q[b-1]}, and the old {@code q[7]} is XORed into slices 0, 1, 3, 4 (the polynomial
 * 0x11B). InvMixColumns uses the factorisation of its matrix polynomial (Daemen and Rijmen, "The Design of
 * Rijndael", Section 4.1.3): {@code {0B}x^3+{0D}x^2+{09}x+{0E} = ({03}x^3+{01}x^2+{01}x+{02}) *
 * ({04}x^2+{05})}, so it is {@code a + 4*(a + rot32(a))} followed by MixColumns.</li>
 * </ul>
 *
 * <p>Working on four blocks is what makes this fast: {@link #encryptBlocks} takes any number of blocks
 * and handles them four at a time. A single {@link #encryptBlock} costs as much as four; CBC encryption
 * cannot avoid that, but CTR, GCM, CCM's counter part and CBC decryption use the multi-block entry.
 */
public final class AesCt64 implements BlockCipher {
    private final int rounds;
    private final int keyLength;
    /** (rounds + 1) round keys for encryption, 8 longs each, in the bitsliced layout (all four blocks). */
    private final long[] sk;
    private final long[] q = new long[8];
    private final long[] t = new long[8];
    private boolean destroyed;

    /**
     * Expands a 16-, 24- or 32-byte key (FIPS 197, Section 5.2).
     *
     * @throws CryptoException the key is not 16, 24 or 32 bytes long
     */
    public AesCt64(byte[] key) throws CryptoException {
        if (key == null || (key.length != 16 && key.length != 24 && key.length != 32)) {
            throw new CryptoException("AES key must be 16, 24 or 32 bytes");
        }
        this.keyLength = key.length;
        int nk = key.length / 4;
        this.rounds = nk + 6;
        int words = 4 * (rounds + 1);
        int[] w = new int[words];
        for (int i = 0; i < nk; i++) {
            w[i] = ((key[4 * i] & 0xFF) << 24) | ((key[4 * i + 1] & 0xFF) << 16)
                    | ((key[4 * i + 2] & 0xFF) << 8) | (key[4 * i + 3] & 0xFF);
        }
        int rcon = 1;
        for (int i = nk; i < words; i++) {
            int tmp = w[i - 1];
            if (i % nk == 0) {                 // public loop counter, not secret
                tmp = subWord((tmp << 8) | (tmp >>> 24)) ^ (rcon << 24);
                rcon = (rcon << 1) ^ ((rcon >>> 7) * 0x11B);
            } else if (nk > 6 && i % nk == 4) {
                tmp = subWord(tmp);
            }
            w[i] = w[i - nk] ^ tmp;
        }
        this.sk = new long[8 * (rounds + 1)];
        byte[] four = new byte[64];
        for (int r = 0; r <= rounds; r++) {
            for (int blk = 0; blk < 4; blk++) {
                for (int c = 0; c < 4; c++) {
                    int v = w[4 * r + c];
                    int o = 16 * blk + 4 * c;
                    four[o] = (byte) (v >>> 24);
                    four[o + 1] = (byte) (v >>> 16);
                    four[o + 2] = (byte) (v >>> 8);
                    four[o + 3] = (byte) v;
                }
            }
            load(four, 0, q);
            System.arraycopy(q, 0, sk, 8 * r, 8);
        }
        java.util.Arrays.fill(four, (byte) 0);
        java.util.Arrays.fill(w, 0);
        java.util.Arrays.fill(q, 0L);
    }

    /** SubWord of the key schedule (FIPS 197, Section 5.2), through the bitsliced S-box. */
    private int subWord(int x) {
        long[] s = q;
        for (int b = 0; b < 8; b++) {
            long v = 0;
            for (int k = 0; k < 4; k++) {
                v |= (long) ((x >>> (24 - 8 * k + b)) & 1) << k;
            }
            s[b] = v;
        }
        sbox(s);
        int y = 0;
        for (int b = 0; b < 8; b++) {
            for (int k = 0; k < 4; k++) {
                y |= (int) ((s[b] >>> k) & 1) << (24 - 8 * k + b);
            }
        }
        return y;
    }

    @Override
    public String algorithm() {
        return "AES-" + (keyLength * 8);
    }

    @Override
    public int blockSize() {
        return 16;
    }

    /** The key length in bytes (16, 24 or 32). */
    public int keyLength() {
        return keyLength;
    }

    @Override
    public void encryptBlock(byte[] in, int inOff, byte[] out, int outOff) {
        encryptBlocks(in, inOff, out, outOff, 1);
    }

    @Override
    public void decryptBlock(byte[] in, int inOff, byte[] out, int outOff) {
        decryptBlocks(in, inOff, out, outOff, 1);
    }

    /**
     * Encrypts {@code blocks} consecutive 16-byte blocks (ECB), four at a time. {@code in} and {@code out}
     * may be the same range.
     */
    public void encryptBlocks(byte[] in, int inOff, byte[] out, int outOff, int blocks) {
        checkAlive();
        while (blocks > 0) {
            int n = Math.min(blocks, 4);
            loadPartial(in, inOff, n);
            encrypt(q);
            storePartial(out, outOff, n);
            inOff += 16 * n;
            outOff += 16 * n;
            blocks -= n;
        }
    }

    /** Decrypts {@code blocks} consecutive 16-byte blocks (ECB), four at a time; in place is allowed. */
    public void decryptBlocks(byte[] in, int inOff, byte[] out, int outOff, int blocks) {
        checkAlive();
        while (blocks > 0) {
            int n = Math.min(blocks, 4);
            loadPartial(in, inOff, n);
            decrypt(q);
            storePartial(out, outOff, n);
            inOff += 16 * n;
            outOff += 16 * n;
            blocks -= n;
        }
    }

    /**
     * Encrypts exactly four blocks given as 64 bytes (the fast path for CTR and GCM): {@code out} gets
     * AES(in[0..15]) || ... || AES(in[48..63]).
     */
    public void encrypt4(byte[] in, int inOff, byte[] out, int outOff) {
        checkAlive();
        load(in, inOff, q);
        encrypt(q);
        store(q, out, outOff);
    }

    private void checkAlive() {
        if (destroyed) {
            throw new IllegalStateException("AES key was destroyed");
        }
    }

    private final byte[] partial = new byte[64];

    private void loadPartial(byte[] in, int off, int n) {
        if (n == 4) {
            load(in, off, q);
        } else {
            System.arraycopy(in, off, partial, 0, 16 * n);
            load(partial, 0, q);
        }
    }

    private void storePartial(byte[] out, int off, int n) {
        if (n == 4) {
            store(q, out, off);
        } else {
            store(q, partial, 0);
            System.arraycopy(partial, 0, out, off, 16 * n);
            java.util.Arrays.fill(partial, (byte) 0);
        }
    }

    @Override
    public void destroy() {
        java.util.Arrays.fill(sk, 0L);
        java.util.Arrays.fill(q, 0L);
        java.util.Arrays.fill(t, 0L);
        java.util.Arrays.fill(partial, (byte) 0);
        destroyed = true;
    }

    // ---------------------------------------------------------------- the cipher (FIPS 197, Section 5.1)

    private void encrypt(long[] s) {
        addRoundKey(s, 0);
        for (int r = 1; r < rounds; r++) {
            sbox(s);
            shiftRows(s);
            mixColumns(s);
            addRoundKey(s, r);
        }
        sbox(s);
        shiftRows(s);
        addRoundKey(s, rounds);
    }

    /** The straightforward inverse cipher (FIPS 197, Section 5.3). */
    private void decrypt(long[] s) {
        addRoundKey(s, rounds);
        for (int r = rounds - 1; r > 0; r--) {
            invShiftRows(s);
            invSbox(s);
            addRoundKey(s, r);
            invMixColumns(s);
        }
        invShiftRows(s);
        invSbox(s);
        addRoundKey(s, 0);
    }

    private void addRoundKey(long[] s, int r) {
        int o = 8 * r;
        s[0] ^= sk[o];
        s[1] ^= sk[o + 1];
        s[2] ^= sk[o + 2];
        s[3] ^= sk[o + 3];
        s[4] ^= sk[o + 4];
        s[5] ^= sk[o + 5];
        s[6] ^= sk[o + 6];
        s[7] ^= sk[o + 7];
    }

    /** ShiftRows (FIPS 197, Section 5.1.2): quarter r (row r) rotates right by 4r bits inside itself. */
    private static void shiftRows(long[] s) {
        for (int b = 0; b < 8; b++) {
            long x = s[b];
            s[b] = (x & 0x000000000000FFFFL)
                    | ((x >>> 4) & 0x000000000FFF0000L) | ((x << 12) & 0x00000000F0000000L)
                    | ((x >>> 8) & 0x000000FF00000000L) | ((x << 8) & 0x0000FF0000000000L)
                    | ((x >>> 12) & 0x000F000000000000L) | ((x << 4) & 0xFFF0000000000000L);
        }
    }

    /** InvShiftRows (FIPS 197, Section 5.3.1): quarter r rotates left by 4r bits inside itself. */
    private static void invShiftRows(long[] s) {
        for (int b = 0; b < 8; b++) {
            long x = s[b];
            s[b] = (x & 0x000000000000FFFFL)
                    | ((x << 4) & 0x00000000FFF00000L) | ((x >>> 12) & 0x00000000000F0000L)
                    | ((x << 8) & 0x0000FF0000000000L) | ((x >>> 8) & 0x000000FF00000000L)
                    | ((x << 12) & 0xF000000000000000L) | ((x >>> 4) & 0x0FFF000000000000L);
        }
    }

    /** MixColumns (FIPS 197, Section 5.1.3): out = xtime(a + rot16 a) + rot16 a + rot32(a + rot16 a). */
    private void mixColumns(long[] s) {
        long[] u = t;
        for (int b = 0; b < 8; b++) {
            long r1 = Long.rotateRight(s[b], 16);        // row r+1 where row r is
            u[b] = s[b] ^ r1;                            // t = a + rot16(a)
            s[b] = r1 ^ Long.rotateRight(u[b], 32);      // rot16(a) + rot32(t); xtime(t) is added below
        }
        long hi = u[7];
        s[0] ^= hi;
        s[1] ^= u[0] ^ hi;
        s[2] ^= u[1];
        s[3] ^= u[2] ^ hi;
        s[4] ^= u[3] ^ hi;
        s[5] ^= u[4];
        s[6] ^= u[5];
        s[7] ^= u[6];
    }

    /** InvMixColumns (FIPS 197, Section 5.3.3) as a + 4*(a + rot32 a), then MixColumns. */
    private void invMixColumns(long[] s) {
        long[] u = t;
        for (int b = 0; b < 8; b++) {
            u[b] = s[b] ^ Long.rotateRight(s[b], 32);
        }
        // multiply u by 4 = x^2: two xtime steps on the slices.
        xtime(u);
        xtime(u);
        for (int b = 0; b < 8; b++) {
            s[b] ^= u[b];
        }
        mixColumns(s);
    }

    /** Multiplies every byte by x modulo x^8 + x^4 + x^3 + x + 1. */
    private static void xtime(long[] u) {
        long hi = u[7];
        u[7] = u[6];
        u[6] = u[5];
        u[5] = u[4];
        u[4] = u[3] ^ hi;
        u[3] = u[2] ^ hi;
        u[2] = u[1];
        u[1] = u[0] ^ hi;
        u[0] = hi;
    }

    /**
     * The inverse affine map of FIPS 197, Section 5.3.2, on the slices: bit i of the output is
     * bits i+2, i+5 and i+7 (mod 8) of the input, XORed with bit i of 0x05.
     */
    private static void invAffine(long[] s) {
        long a0 = s[0], a1 = s[1], a2 = s[2], a3 = s[3], a4 = s[4], a5 = s[5], a6 = s[6], a7 = s[7];
        s[0] = ~(a2 ^ a5 ^ a7);
        s[1] = a3 ^ a6 ^ a0;
        s[2] = ~(a4 ^ a7 ^ a1);
        s[3] = a5 ^ a0 ^ a2;
        s[4] = a6 ^ a1 ^ a3;
        s[5] = a7 ^ a2 ^ a4;
        s[6] = a0 ^ a3 ^ a5;
        s[7] = a1 ^ a4 ^ a6;
    }

    private static void invSbox(long[] s) {
        invAffine(s);
        sbox(s);
        invAffine(s);
    }

    /**
     * The AES S-box on all 64 bytes at once: the Boyar-Peralta circuit (ePrint 2011/332, Figure 2 of
     * the journal version). Inputs U0..U7 are the byte's bits from the most significant down, so
     * U0 = q[7] and U7 = q[0]; outputs S0..S7 likewise. "+" in the paper is XOR, "x" is AND and "#" is XNOR.
     */
    static void sbox(long[] q) {
        long u0 = q[7], u1 = q[6], u2 = q[5], u3 = q[4], u4 = q[3], u5 = q[2], u6 = q[1], u7 = q[0];
        // top linear layer
        long t1 = u0 ^ u3, t2 = u0 ^ u5, t3 = u0 ^ u6, t4 = u3 ^ u5, t5 = u4 ^ u6, t6 = t1 ^ t5;
        long t7 = u1 ^ u2, t8 = u7 ^ t6, t9 = u7 ^ t7, t10 = t6 ^ t7, t11 = u1 ^ u5, t12 = u2 ^ u5;
        long t13 = t3 ^ t4, t14 = t6 ^ t11, t15 = t5 ^ t11, t16 = t5 ^ t12, t17 = t9 ^ t16;
        long t18 = u3 ^ u7, t19 = t7 ^ t18, t20 = t1 ^ t19, t21 = u6 ^ u7, t22 = t7 ^ t21;
        long t23 = t2 ^ t22, t24 = t2 ^ t10, t25 = t20 ^ t17, t26 = t3 ^ t16, t27 = t1 ^ t12;
        // middle non-linear part: the inversion in GF(2^8) through GF(2^4)
        long m1 = t13 & t6, m2 = t23 & t8, m3 = t14 ^ m1, m4 = t19 & u7, m5 = m4 ^ m1;
        long m6 = t3 & t16, m7 = t22 & t9, m8 = t26 ^ m6, m9 = t20 & t17, m10 = m9 ^ m6;
        long m11 = t1 & t15, m12 = t4 & t27, m13 = m12 ^ m11, m14 = t2 & t10, m15 = m14 ^ m11;
        long m16 = m3 ^ m2, m17 = m5 ^ t24, m18 = m8 ^ m7, m19 = m10 ^ m15, m20 = m16 ^ m13;
        long m21 = m17 ^ m15, m22 = m18 ^ m13, m23 = m19 ^ t25, m24 = m22 ^ m23, m25 = m22 & m20;
        long m26 = m21 ^ m25, m27 = m20 ^ m21, m28 = m23 ^ m25, m29 = m28 & m27, m30 = m26 & m24;
        long m31 = m20 & m23, m32 = m27 & m31, m33 = m27 ^ m25, m34 = m21 & m22, m35 = m24 & m34;
        long m36 = m24 ^ m25, m37 = m21 ^ m29, m38 = m32 ^ m33, m39 = m23 ^ m30, m40 = m35 ^ m36;
        long m41 = m38 ^ m40, m42 = m37 ^ m39, m43 = m37 ^ m38, m44 = m39 ^ m40, m45 = m42 ^ m41;
        long m46 = m44 & t6, m47 = m40 & t8, m48 = m39 & u7, m49 = m43 & t16, m50 = m38 & t9;
        long m51 = m37 & t17, m52 = m42 & t15, m53 = m45 & t27, m54 = m41 & t10, m55 = m44 & t13;
        long m56 = m40 & t23, m57 = m39 & t19, m58 = m43 & t3, m59 = m38 & t22, m60 = m37 & t20;
        long m61 = m42 & t1, m62 = m45 & t4, m63 = m41 & t2;
        // bottom linear layer
        long l0 = m61 ^ m62, l1 = m50 ^ m56, l2 = m46 ^ m48, l3 = m47 ^ m55, l4 = m54 ^ m58;
        long l5 = m49 ^ m61, l6 = m62 ^ l5, l7 = m46 ^ l3, l8 = m51 ^ m59, l9 = m52 ^ m53;
        long l10 = m53 ^ l4, l11 = m60 ^ l2, l12 = m48 ^ m51, l13 = m50 ^ l0, l14 = m52 ^ m61;
        long l15 = m55 ^ l1, l16 = m56 ^ l0, l17 = m57 ^ l1, l18 = m58 ^ l8, l19 = m63 ^ l4;
        long l20 = l0 ^ l1, l21 = l1 ^ l7, l22 = l3 ^ l12, l23 = l18 ^ l2, l24 = l15 ^ l9;
        long l25 = l6 ^ l10, l26 = l7 ^ l9, l27 = l8 ^ l10, l28 = l11 ^ l14, l29 = l11 ^ l17;
        q[7] = l6 ^ l24;
        q[6] = ~(l16 ^ l26);
        q[5] = ~(l19 ^ l28);
        q[4] = l6 ^ l21;
        q[3] = l20 ^ l22;
        q[2] = l25 ^ l29;
        q[1] = ~(l13 ^ l27);
        q[0] = ~(l6 ^ l23);
    }

    // ---------------------------------------------------------------- layout conversion

    /** Transposes the 8x8 bit matrix held in x (row k = byte k, column b = bit b). */
    private static long transposeBits(long x) {
        long v = (x ^ (x >>> 7)) & 0x00AA00AA00AA00AAL;
        x ^= v ^ (v << 7);
        v = (x ^ (x >>> 14)) & 0x0000CCCC0000CCCCL;
        x ^= v ^ (v << 14);
        v = (x ^ (x >>> 28)) & 0x00000000F0F0F0F0L;
        x ^= v ^ (v << 28);
        return x;
    }

    /** Transposes the 8x8 byte matrix s[j] byte b, in place (its own inverse). */
    private static void transposeBytes(long[] s) {
        for (int j = 0; j < 8; j += 2) {
            long v = ((s[j] >>> 8) ^ s[j + 1]) & 0x00FF00FF00FF00FFL;
            s[j + 1] ^= v;
            s[j] ^= v << 8;
        }
        for (int j = 0; j < 8; j += 4) {
            for (int k = j; k < j + 2; k++) {
                long v = ((s[k] >>> 16) ^ s[k + 2]) & 0x0000FFFF0000FFFFL;
                s[k + 2] ^= v;
                s[k] ^= v << 16;
            }
        }
        for (int k = 0; k < 4; k++) {
            long v = ((s[k] >>> 32) ^ s[k + 4]) & 0x00000000FFFFFFFFL;
            s[k + 4] ^= v;
            s[k] ^= v << 32;
        }
    }

    /**
     * Where the byte at position {@code p = 8j + k} comes from in the 64 input bytes: position
     * {@code p = 16*r + 4*c + blk} is byte {@code r + 4c} of block {@code blk}.
     */
    private static final int[] SRC = new int[64];

    static {
        for (int p = 0; p < 64; p++) {
            int r = p >>> 4, c = (p >>> 2) & 3, blk = p & 3;
            SRC[p] = 16 * blk + r + 4 * c;
        }
    }

    /** 64 bytes (four blocks) to the bitsliced state: bit p of s[b] = bit b of the byte at position p. */
    static void load(byte[] in, int off, long[] s) {
        for (int j = 0; j < 8; j++) {
            long x = 0;
            for (int k = 7; k >= 0; k--) {
                x = (x << 8) | (in[off + SRC[8 * j + k]] & 0xFFL);
            }
            s[j] = transposeBits(x);
        }
        transposeBytes(s);
    }

    /** The inverse of {@link #load}; leaves {@code s} scrambled. */
    static void store(long[] s, byte[] out, int off) {
        transposeBytes(s);
        for (int j = 0; j < 8; j++) {
            long x = transposeBits(s[j]);
            for (int k = 0; k < 8; k++) {
                out[off + SRC[8 * j + k]] = (byte) x;
                x >>>= 8;
            }
        }
    }
}
