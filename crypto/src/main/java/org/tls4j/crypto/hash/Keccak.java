package org.tls4j.crypto.hash;

import java.util.Arrays;

/**
 * The Keccak-f[1600] permutation and the sponge construction over it (FIPS 202, Sections 3 and 4),
 * the one core under {@link Sha3} and {@link Shake}.
 *
 * <p>The state is 25 lanes of 64 bits, lane (x, y) at index x + 5y; bytes enter and leave each lane
 * little-endian (FIPS 202, Section B.1). A sponge of rate r bytes absorbs input by XORing it into the
 * first r bytes, permuting after every r bytes; padding (pad10*1 after the domain-separation bits, here
 * merged into one suffix byte: 0x06 for SHA-3, 0x1F for SHAKE) ends absorbing; output is read from the
 * first r bytes, permuting between blocks.
 *
 * <p>constant-time: yes. The permutation has no data-dependent branch or index.
 */
final class Keccak {
    static final int ROUNDS = 24;
    /** Round constants RC[i] of the iota step (FIPS 202, Algorithm 5 and 6), computed in {@link #roundConstants()}. */
    static final long[] RC = roundConstants();
    /** The lane each step of the combined rho-pi walk writes to, and its rotation (FIPS 202, Sections 3.2.2-3.2.3). */
    static final int[] PI_LANE = new int[24];
    static final int[] RHO = new int[24];

    static {
        // pi moves lane (x, y) to (y, 2x + 3y mod 5); starting at (1, 0) this visits all 24 lanes other
        // than (0, 0). rho rotates the t-th lane of that walk by (t + 1)(t + 2)/2 mod 64 (Algorithm 2).
        int x = 1;
        int y = 0;
        for (int t = 0; t < 24; t++) {
            int nx = y;
            int ny = (2 * x + 3 * y) % 5;
            x = nx;
            y = ny;
            PI_LANE[t] = x + 5 * y;
            RHO[t] = ((t + 1) * (t + 2) / 2) % 64;
        }
    }

    /** RC[i] has bit 2^j - 1 set to rc(j + 7i) for j = 0..6, where rc is the LFSR x^8 + x^6 + x^5 + x^4 + 1. */
    private static long[] roundConstants() {
        long[] rc = new long[ROUNDS];
        int r = 1; // the LFSR state R = 10000000 of Algorithm 5, bit 0 first
        for (int i = 0; i < ROUNDS; i++) {
            long c = 0;
            for (int j = 0; j < 7; j++) {
                if ((r & 1) != 0) { // public constant computation, not secret-dependent
                    c |= 1L << ((1 << j) - 1);
                }
                // one LFSR step: shift, and feed the outgoing bit into positions 0, 4, 5, 6 (mod x^8+x^6+x^5+x^4+1)
                boolean high = (r & 0x80) != 0;
                r = (r << 1) & 0xff;
                if (high) {
                    r ^= 0x71;
                }
            }
            rc[i] = c;
        }
        return rc;
    }

    /** Keccak-f[1600] on {@code a} in place (FIPS 202, Algorithm 7 with Rnd = iota∘chi∘pi∘rho∘theta). */
    static void permute(long[] a) {
        for (int round = 0; round < ROUNDS; round++) {
            // theta: XOR every lane with the parities of two neighbouring columns.
            long c0 = a[0] ^ a[5] ^ a[10] ^ a[15] ^ a[20];
            long c1 = a[1] ^ a[6] ^ a[11] ^ a[16] ^ a[21];
            long c2 = a[2] ^ a[7] ^ a[12] ^ a[17] ^ a[22];
            long c3 = a[3] ^ a[8] ^ a[13] ^ a[18] ^ a[23];
            long c4 = a[4] ^ a[9] ^ a[14] ^ a[19] ^ a[24];
            long d0 = c4 ^ Long.rotateLeft(c1, 1);
            long d1 = c0 ^ Long.rotateLeft(c2, 1);
            long d2 = c1 ^ Long.rotateLeft(c3, 1);
            long d3 = c2 ^ Long.rotateLeft(c4, 1);
            long d4 = c3 ^ Long.rotateLeft(c0, 1);
            for (int i = 0; i < 25; i += 5) {
                a[i] ^= d0;
                a[i + 1] ^= d1;
                a[i + 2] ^= d2;
                a[i + 3] ^= d3;
                a[i + 4] ^= d4;
            }
            // rho and pi together: carry each lane along the pi cycle, rotating it by its rho offset.
            long cur = a[1];
            for (int t = 0; t < 24; t++) {
                int j = PI_LANE[t];
                long next = a[j];
                a[j] = Long.rotateLeft(cur, RHO[t]);
                cur = next;
            }
            // chi: the only non-linear step, row by row.
            for (int i = 0; i < 25; i += 5) {
                long b0 = a[i], b1 = a[i + 1], b2 = a[i + 2], b3 = a[i + 3], b4 = a[i + 4];
                a[i] = b0 ^ (~b1 & b2);
                a[i + 1] = b1 ^ (~b2 & b3);
                a[i + 2] = b2 ^ (~b3 & b4);
                a[i + 3] = b3 ^ (~b4 & b0);
                a[i + 4] = b4 ^ (~b0 & b1);
            }
            // iota
            a[0] ^= RC[round];
        }
    }

    /** The sponge state: lanes, rate in bytes, suffix byte, position in the current block, phase. */
    final long[] state = new long[25];
    final int rate;
    private final byte suffix;
    private int pos;
    private boolean squeezing;

    Keccak(int rate, byte suffix) {
        this.rate = rate;
        this.suffix = suffix;
    }

    void copyFrom(Keccak o) {
        System.arraycopy(o.state, 0, state, 0, 25);
        pos = o.pos;
        squeezing = o.squeezing;
    }

    void reset() {
        Arrays.fill(state, 0L);
        pos = 0;
        squeezing = false;
    }

    boolean squeezing() {
        return squeezing;
    }

    void absorb(byte b) {
        state[pos >>> 3] ^= (b & 0xffL) << ((pos & 7) << 3);
        if (++pos == rate) {
            permute(state);
            pos = 0;
        }
    }

    void absorb(byte[] in, int off, int len) {
        // Byte-wise until lane-aligned, then whole lanes, then the tail byte-wise.
        while (len > 0 && (pos & 7) != 0) {
            absorb(in[off++]);
            len--;
        }
        while (len >= 8) {
            state[pos >>> 3] ^= readLongLE(in, off);
            off += 8;
            len -= 8;
            pos += 8;
            if (pos == rate) {
                permute(state);
                pos = 0;
            }
        }
        while (len > 0) {
            absorb(in[off++]);
            len--;
        }
    }

    /** Ends absorbing: the suffix (domain bits and the first padding 1) at pos, the final padding 1 at rate - 1. */
    void pad() {
        state[pos >>> 3] ^= (suffix & 0xffL) << ((pos & 7) << 3);
        state[(rate - 1) >>> 3] ^= 0x80L << (((rate - 1) & 7) << 3);
        permute(state);
        pos = 0;
        squeezing = true;
    }

    void squeeze(byte[] out, int off, int len) {
        if (!squeezing) {
            pad();
        }
        int i = 0;
        while (i < len) {
            if (pos == rate) {
                permute(state);
                pos = 0;
            }
            if ((pos & 7) == 0 && len - i >= 8) {
                // A whole lane at once (the rate is a multiple of 8, so the lane lies inside it).
                long lane = state[pos >>> 3];
                for (int j = 0; j < 8; j++) {
                    out[off + i + j] = (byte) (lane >>> (8 * j));
                }
                i += 8;
                pos += 8;
            } else {
                out[off + i] = (byte) (state[pos >>> 3] >>> ((pos & 7) << 3));
                i++;
                pos++;
            }
        }
    }

    static long readLongLE(byte[] b, int i) {
        return (BlockDigest.readIntLE(b, i) & 0xffffffffL) | ((long) BlockDigest.readIntLE(b, i + 4) << 32);
    }
}
