package org.tls4j.crypto.cipher.legacy;

import java.util.Arrays;
import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.cipher.BlockCipher;
import org.tls4j.crypto.ct.ConstantTime;

/**
 * Single DES (FIPS 46-3), for the SSL 2.0/3.0 and TLS 1.0-1.1 {@code DES_CBC} and export
 * {@code DES40_CBC} suites; also the building block of {@link Des3}.
 *
 * <p><b>Broken; TLS keeps it off by default.</b> The key has 56 effective bits: exhaustive search has been
 * practical since the EFF "Deep Crack" machine (1998, 56 hours) and today takes about a day on rented
 * hardware or FPGAs. The 40-bit export variant falls in seconds. The 64-bit block also makes it subject to
 * birthday attacks after about 2^32 blocks (SWEET32, see {@link Des3}). RFC 5469 deprecates DES in TLS;
 * tls4j enables it only for explicit legacy interop.
 *
 * <p><b>constant-time: yes.</b> The S-boxes are not looked up in arrays: each S-box row (16 four-bit
 * entries) is packed into one {@code long}; the row (two secret bits) is chosen with masks from
 * {@link ConstantTime#eq(int, int)}, and the column becomes a shift by {@code 4 * column} (a
 * variable shift by a register takes the same time for every amount on the CPUs the JVM runs on). All
 * permutations walk fixed public tables bit by bit. This is simple rather than fast: a few MB/s.
 *
 * <p>Bit numbering follows FIPS 46-3: bit 1 is the most significant bit of the first byte. The parity
 * bits (bit 8 of every key byte) are ignored; weak and semi-weak keys are not rejected (TLS derives DES
 * keys from the key block, so they are as likely as any other key).
 */
public final class Des implements BlockCipher {
    // FIPS 46-3 tables (1-based bit positions)
    private static final int[] IP = {
        58, 50, 42, 34, 26, 18, 10, 2, 60, 52, 44, 36, 28, 20, 12, 4,
        62, 54, 46, 38, 30, 22, 14, 6, 64, 56, 48, 40, 32, 24, 16, 8,
        57, 49, 41, 33, 25, 17, 9, 1, 59, 51, 43, 35, 27, 19, 11, 3,
        61, 53, 45, 37, 29, 21, 13, 5, 63, 55, 47, 39, 31, 23, 15, 7};
    private static final int[] FP = new int[64]; // IP^-1, computed from IP below
    private static final int[] E = {
        32, 1, 2, 3, 4, 5, 4, 5, 6, 7, 8, 9, 8, 9, 10, 11, 12, 13, 12, 13, 14, 15, 16, 17,
        16, 17, 18, 19, 20, 21, 20, 21, 22, 23, 24, 25, 24, 25, 26, 27, 28, 29, 28, 29, 30, 31, 32, 1};
    private static final int[] P = {
        16, 7, 20, 21, 29, 12, 28, 17, 1, 15, 23, 26, 5, 18, 31, 10,
        2, 8, 24, 14, 32, 27, 3, 9, 19, 13, 30, 6, 22, 11, 4, 25};
    private static final int[] PC1 = {
        57, 49, 41, 33, 25, 17, 9, 1, 58, 50, 42, 34, 26, 18,
        10, 2, 59, 51, 43, 35, 27, 19, 11, 3, 60, 52, 44, 36,
        63, 55, 47, 39, 31, 23, 15, 7, 62, 54, 46, 38, 30, 22,
        14, 6, 61, 53, 45, 37, 29, 21, 13, 5, 28, 20, 12, 4};
    private static final int[] PC2 = {
        14, 17, 11, 24, 1, 5, 3, 28, 15, 6, 21, 10, 23, 19, 12, 4, 26, 8,
        16, 7, 27, 20, 13, 2, 41, 52, 31, 37, 47, 55, 30, 40, 51, 45, 33, 48,
        44, 49, 39, 56, 34, 53, 46, 42, 50, 36, 29, 32};
    private static final int[] SHIFTS = {1, 1, 2, 2, 2, 2, 2, 2, 1, 2, 2, 2, 2, 2, 2, 1};
    private static final int[][] SBOX = {
        {14, 4, 13, 1, 2, 15, 11, 8, 3, 10, 6, 12, 5, 9, 0, 7,
         0, 15, 7, 4, 14, 2, 13, 1, 10, 6, 12, 11, 9, 5, 3, 8,
         4, 1, 14, 8, 13, 6, 2, 11, 15, 12, 9, 7, 3, 10, 5, 0,
         15, 12, 8, 2, 4, 9, 1, 7, 5, 11, 3, 14, 10, 0, 6, 13},
        {15, 1, 8, 14, 6, 11, 3, 4, 9, 7, 2, 13, 12, 0, 5, 10,
         3, 13, 4, 7, 15, 2, 8, 14, 12, 0, 1, 10, 6, 9, 11, 5,
         0, 14, 7, 11, 10, 4, 13, 1, 5, 8, 12, 6, 9, 3, 2, 15,
         13, 8, 10, 1, 3, 15, 4, 2, 11, 6, 7, 12, 0, 5, 14, 9},
        {10, 0, 9, 14, 6, 3, 15, 5, 1, 13, 12, 7, 11, 4, 2, 8,
         13, 7, 0, 9, 3, 4, 6, 10, 2, 8, 5, 14, 12, 11, 15, 1,
         13, 6, 4, 9, 8, 15, 3, 0, 11, 1, 2, 12, 5, 10, 14, 7,
         1, 10, 13, 0, 6, 9, 8, 7, 4, 15, 14, 3, 11, 5, 2, 12},
        {7, 13, 14, 3, 0, 6, 9, 10, 1, 2, 8, 5, 11, 12, 4, 15,
         13, 8, 11, 5, 6, 15, 0, 3, 4, 7, 2, 12, 1, 10, 14, 9,
         10, 6, 9, 0, 12, 11, 7, 13, 15, 1, 3, 14, 5, 2, 8, 4,
         3, 15, 0, 6, 10, 1, 13, 8, 9, 4, 5, 11, 12, 7, 2, 14},
        {2, 12, 4, 1, 7, 10, 11, 6, 8, 5, 3, 15, 13, 0, 14, 9,
         14, 11, 2, 12, 4, 7, 13, 1, 5, 0, 15, 10, 3, 9, 8, 6,
         4, 2, 1, 11, 10, 13, 7, 8, 15, 9, 12, 5, 6, 3, 0, 14,
         11, 8, 12, 7, 1, 14, 2, 13, 6, 15, 0, 9, 10, 4, 5, 3},
        {12, 1, 10, 15, 9, 2, 6, 8, 0, 13, 3, 4, 14, 7, 5, 11,
         10, 15, 4, 2, 7, 12, 9, 5, 6, 1, 13, 14, 0, 11, 3, 8,
         9, 14, 15, 5, 2, 8, 12, 3, 7, 0, 4, 10, 1, 13, 11, 6,
         4, 3, 2, 12, 9, 5, 15, 10, 11, 14, 1, 7, 6, 0, 8, 13},
        {4, 11, 2, 14, 15, 0, 8, 13, 3, 12, 9, 7, 5, 10, 6, 1,
         13, 0, 11, 7, 4, 9, 1, 10, 14, 3, 5, 12, 2, 15, 8, 6,
         1, 4, 11, 13, 12, 3, 7, 14, 10, 15, 6, 8, 0, 5, 9, 2,
         6, 11, 13, 8, 1, 4, 10, 7, 9, 5, 0, 15, 14, 2, 3, 12},
        {13, 2, 8, 4, 6, 15, 11, 1, 10, 9, 3, 14, 5, 0, 12, 7,
         1, 15, 13, 8, 10, 3, 7, 4, 12, 5, 6, 11, 0, 14, 9, 2,
         7, 11, 4, 1, 9, 12, 14, 2, 0, 6, 10, 13, 15, 3, 5, 8,
         2, 1, 14, 7, 4, 10, 8, 13, 15, 12, 9, 0, 3, 5, 6, 11}};
    /** SROW[box][row]: the 16 four-bit entries of one S-box row, entry c in bits 4c..4c+3. */
    private static final long[][] SROW = new long[8][4];

    static {
        for (int i = 0; i < 64; i++) {
            FP[IP[i] - 1] = i + 1;
        }
        for (int b = 0; b < 8; b++) {
            for (int r = 0; r < 4; r++) {
                long v = 0;
                for (int c = 0; c < 16; c++) {
                    v |= (long) SBOX[b][16 * r + c] << (4 * c);
                }
                SROW[b][r] = v;
            }
        }
    }

    private final long[] subkeys = new long[16];
    private boolean destroyed;

    /** DES with an 8-byte key (parity bits ignored). */
    public Des(byte[] key) throws CryptoException {
        this(key, 0);
    }

    Des(byte[] key, int off) throws CryptoException {
        if (key == null || off < 0 || off > key.length - 8) {
            throw new CryptoException("DES key must be 8 bytes");
        }
        long k = 0;
        for (int i = 0; i < 8; i++) {
            k = (k << 8) | (key[off + i] & 0xFFL);
        }
        long cd = permute(k, 64, PC1);               // 56 bits: C (high 28) || D (low 28)
        int c = (int) (cd >>> 28) & 0x0FFFFFFF;
        int d = (int) cd & 0x0FFFFFFF;
        for (int round = 0; round < 16; round++) {
            int s = SHIFTS[round];
            c = ((c << s) | (c >>> (28 - s))) & 0x0FFFFFFF;
            d = ((d << s) | (d >>> (28 - s))) & 0x0FFFFFFF;
            subkeys[round] = permute(((long) c << 28) | d, 56, PC2);
        }
    }

    /** Output bit i (from the left) is input bit table[i] of an {@code inBits}-bit value. */
    private static long permute(long in, int inBits, int[] table) {
        long out = 0;
        for (int t : table) {
            out = (out << 1) | ((in >>> (inBits - t)) & 1);
        }
        return out;
    }

    /** The cipher function f(R, K) of FIPS 46-3: P(S(E(R) xor K)). */
    private static int f(int r, long k) {
        long x = permute(r & 0xFFFFFFFFL, 32, E) ^ k;
        int s = 0;
        for (int b = 0; b < 8; b++) {
            int six = (int) (x >>> (42 - 6 * b)) & 0x3F;
            int row = ((six >>> 4) & 2) | (six & 1);
            int col = (six >>> 1) & 0xF;
            long[] rows = SROW[b];
            long sel = (rows[0] & -(long) ConstantTime.eq(row, 0)) | (rows[1] & -(long) ConstantTime.eq(row, 1))
                    | (rows[2] & -(long) ConstantTime.eq(row, 2)) | (rows[3] & -(long) ConstantTime.eq(row, 3));
            s = (s << 4) | (int) ((sel >>> (4 * col)) & 0xF);
        }
        return (int) permute(s & 0xFFFFFFFFL, 32, P);
    }

    long crypt(long block, boolean decrypt) {
        if (destroyed) {
            throw new IllegalStateException("DES key was destroyed");
        }
        long x = permute(block, 64, IP);
        int l = (int) (x >>> 32);
        int r = (int) x;
        for (int round = 0; round < 16; round++) {
            long k = subkeys[decrypt ? 15 - round : round];
            int t = r;
            r = l ^ f(r, k);
            l = t;
        }
        return permute(((long) r << 32) | (l & 0xFFFFFFFFL), 64, FP);
    }

    static long load(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[off + i] & 0xFFL);
        }
        return v;
    }

    static void store(long v, byte[] b, int off) {
        for (int i = 7; i >= 0; i--) {
            b[off + i] = (byte) v;
            v >>>= 8;
        }
    }

    @Override
    public String algorithm() {
        return "DES";
    }

    @Override
    public int blockSize() {
        return 8;
    }

    @Override
    public void encryptBlock(byte[] in, int inOff, byte[] out, int outOff) {
        store(crypt(load(in, inOff), false), out, outOff);
    }

    @Override
    public void decryptBlock(byte[] in, int inOff, byte[] out, int outOff) {
        store(crypt(load(in, inOff), true), out, outOff);
    }

    @Override
    public void destroy() {
        Arrays.fill(subkeys, 0L);
        destroyed = true;
    }
}
