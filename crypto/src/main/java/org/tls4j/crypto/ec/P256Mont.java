package org.tls4j.crypto.ec;

/**
 * The Montgomery product of {@link MontField} specialised to the P-256 prime
 * p = 2^256 - 2^224 + 2^192 + 2^96 - 1: the same word-by-word (CIOS) algorithm, unrolled over the eight
 * 32-bit limbs with the limbs held in locals, and with the structure of p used in the reduction: the
 * Montgomery factor -p^-1 mod 2^32 is 1, so q is the low word itself, and p's words are 0xffffffff, 0
 * or 1, so q·p_j is a shift and a subtraction, q, or nothing. The straight-line code was generated from
 * the CIOS loop by a small script (term by term, no other change); the tests compare it with the generic
 * loop through every P-256 vector.
 *
 * <p>constant-time: yes (no branch at all; the final subtraction is selected by mask).
 */
final class P256Mont {
    private P256Mont() {}

    /** out = a·b·2^-256 mod p for a, b below p (one of them may be any value below 2^256). */
    static void mul(int[] out, int[] a, int[] b) {
        final long M = 0xffffffffL;
        long a0 = a[0] & M; long a1 = a[1] & M; long a2 = a[2] & M; long a3 = a[3] & M; long a4 = a[4] & M; long a5 = a[5] & M; long a6 = a[6] & M; long a7 = a[7] & M;
        long t0 = 0; long t1 = 0; long t2 = 0; long t3 = 0; long t4 = 0; long t5 = 0; long t6 = 0; long t7 = 0; long t8 = 0; long t9 = 0;
        long s, c, q, bi;
        // word 0 of b
        bi = b[0] & M;
        c = 0;
        s = t0 + a0 * bi + c; t0 = s & M; c = s >>> 32;
        s = t1 + a1 * bi + c; t1 = s & M; c = s >>> 32;
        s = t2 + a2 * bi + c; t2 = s & M; c = s >>> 32;
        s = t3 + a3 * bi + c; t3 = s & M; c = s >>> 32;
        s = t4 + a4 * bi + c; t4 = s & M; c = s >>> 32;
        s = t5 + a5 * bi + c; t5 = s & M; c = s >>> 32;
        s = t6 + a6 * bi + c; t6 = s & M; c = s >>> 32;
        s = t7 + a7 * bi + c; t7 = s & M; c = s >>> 32;
        s = t8 + c; t8 = s & M; t9 = s >>> 32;
        q = t0; // -p^-1 mod 2^32 = 1
        c = (t0 + ((q << 32) - q)) >>> 32;
        s = t1 + ((q << 32) - q) + c; t0 = s & M; c = s >>> 32;
        s = t2 + ((q << 32) - q) + c; t1 = s & M; c = s >>> 32;
        s = t3 + c; t2 = s & M; c = s >>> 32;
        s = t4 + c; t3 = s & M; c = s >>> 32;
        s = t5 + c; t4 = s & M; c = s >>> 32;
        s = t6 + q + c; t5 = s & M; c = s >>> 32;
        s = t7 + ((q << 32) - q) + c; t6 = s & M; c = s >>> 32;
        s = t8 + c; t7 = s & M; t8 = t9 + (s >>> 32);
        // word 1 of b
        bi = b[1] & M;
        c = 0;
        s = t0 + a0 * bi + c; t0 = s & M; c = s >>> 32;
        s = t1 + a1 * bi + c; t1 = s & M; c = s >>> 32;
        s = t2 + a2 * bi + c; t2 = s & M; c = s >>> 32;
        s = t3 + a3 * bi + c; t3 = s & M; c = s >>> 32;
        s = t4 + a4 * bi + c; t4 = s & M; c = s >>> 32;
        s = t5 + a5 * bi + c; t5 = s & M; c = s >>> 32;
        s = t6 + a6 * bi + c; t6 = s & M; c = s >>> 32;
        s = t7 + a7 * bi + c; t7 = s & M; c = s >>> 32;
        s = t8 + c; t8 = s & M; t9 = s >>> 32;
        q = t0; // -p^-1 mod 2^32 = 1
        c = (t0 + ((q << 32) - q)) >>> 32;
        s = t1 + ((q << 32) - q) + c; t0 = s & M; c = s >>> 32;
        s = t2 + ((q << 32) - q) + c; t1 = s & M; c = s >>> 32;
        s = t3 + c; t2 = s & M; c = s >>> 32;
        s = t4 + c; t3 = s & M; c = s >>> 32;
        s = t5 + c; t4 = s & M; c = s >>> 32;
        s = t6 + q + c; t5 = s & M; c = s >>> 32;
        s = t7 + ((q << 32) - q) + c; t6 = s & M; c = s >>> 32;
        s = t8 + c; t7 = s & M; t8 = t9 + (s >>> 32);
        // word 2 of b
        bi = b[2] & M;
        c = 0;
        s = t0 + a0 * bi + c; t0 = s & M; c = s >>> 32;
        s = t1 + a1 * bi + c; t1 = s & M; c = s >>> 32;
        s = t2 + a2 * bi + c; t2 = s & M; c = s >>> 32;
        s = t3 + a3 * bi + c; t3 = s & M; c = s >>> 32;
        s = t4 + a4 * bi + c; t4 = s & M; c = s >>> 32;
        s = t5 + a5 * bi + c; t5 = s & M; c = s >>> 32;
        s = t6 + a6 * bi + c; t6 = s & M; c = s >>> 32;
        s = t7 + a7 * bi + c; t7 = s & M; c = s >>> 32;
        s = t8 + c; t8 = s & M; t9 = s >>> 32;
        q = t0; // -p^-1 mod 2^32 = 1
        c = (t0 + ((q << 32) - q)) >>> 32;
        s = t1 + ((q << 32) - q) + c; t0 = s & M; c = s >>> 32;
        s = t2 + ((q << 32) - q) + c; t1 = s & M; c = s >>> 32;
        s = t3 + c; t2 = s & M; c = s >>> 32;
        s = t4 + c; t3 = s & M; c = s >>> 32;
        s = t5 + c; t4 = s & M; c = s >>> 32;
        s = t6 + q + c; t5 = s & M; c = s >>> 32;
        s = t7 + ((q << 32) - q) + c; t6 = s & M; c = s >>> 32;
        s = t8 + c; t7 = s & M; t8 = t9 + (s >>> 32);
        // word 3 of b
        bi = b[3] & M;
        c = 0;
        s = t0 + a0 * bi + c; t0 = s & M; c = s >>> 32;
        s = t1 + a1 * bi + c; t1 = s & M; c = s >>> 32;
        s = t2 + a2 * bi + c; t2 = s & M; c = s >>> 32;
        s = t3 + a3 * bi + c; t3 = s & M; c = s >>> 32;
        s = t4 + a4 * bi + c; t4 = s & M; c = s >>> 32;
        s = t5 + a5 * bi + c; t5 = s & M; c = s >>> 32;
        s = t6 + a6 * bi + c; t6 = s & M; c = s >>> 32;
        s = t7 + a7 * bi + c; t7 = s & M; c = s >>> 32;
        s = t8 + c; t8 = s & M; t9 = s >>> 32;
        q = t0; // -p^-1 mod 2^32 = 1
        c = (t0 + ((q << 32) - q)) >>> 32;
        s = t1 + ((q << 32) - q) + c; t0 = s & M; c = s >>> 32;
        s = t2 + ((q << 32) - q) + c; t1 = s & M; c = s >>> 32;
        s = t3 + c; t2 = s & M; c = s >>> 32;
        s = t4 + c; t3 = s & M; c = s >>> 32;
        s = t5 + c; t4 = s & M; c = s >>> 32;
        s = t6 + q + c; t5 = s & M; c = s >>> 32;
        s = t7 + ((q << 32) - q) + c; t6 = s & M; c = s >>> 32;
        s = t8 + c; t7 = s & M; t8 = t9 + (s >>> 32);
        // word 4 of b
        bi = b[4] & M;
        c = 0;
        s = t0 + a0 * bi + c; t0 = s & M; c = s >>> 32;
        s = t1 + a1 * bi + c; t1 = s & M; c = s >>> 32;
        s = t2 + a2 * bi + c; t2 = s & M; c = s >>> 32;
        s = t3 + a3 * bi + c; t3 = s & M; c = s >>> 32;
        s = t4 + a4 * bi + c; t4 = s & M; c = s >>> 32;
        s = t5 + a5 * bi + c; t5 = s & M; c = s >>> 32;
        s = t6 + a6 * bi + c; t6 = s & M; c = s >>> 32;
        s = t7 + a7 * bi + c; t7 = s & M; c = s >>> 32;
        s = t8 + c; t8 = s & M; t9 = s >>> 32;
        q = t0; // -p^-1 mod 2^32 = 1
        c = (t0 + ((q << 32) - q)) >>> 32;
        s = t1 + ((q << 32) - q) + c; t0 = s & M; c = s >>> 32;
        s = t2 + ((q << 32) - q) + c; t1 = s & M; c = s >>> 32;
        s = t3 + c; t2 = s & M; c = s >>> 32;
        s = t4 + c; t3 = s & M; c = s >>> 32;
        s = t5 + c; t4 = s & M; c = s >>> 32;
        s = t6 + q + c; t5 = s & M; c = s >>> 32;
        s = t7 + ((q << 32) - q) + c; t6 = s & M; c = s >>> 32;
        s = t8 + c; t7 = s & M; t8 = t9 + (s >>> 32);
        // word 5 of b
        bi = b[5] & M;
        c = 0;
        s = t0 + a0 * bi + c; t0 = s & M; c = s >>> 32;
        s = t1 + a1 * bi + c; t1 = s & M; c = s >>> 32;
        s = t2 + a2 * bi + c; t2 = s & M; c = s >>> 32;
        s = t3 + a3 * bi + c; t3 = s & M; c = s >>> 32;
        s = t4 + a4 * bi + c; t4 = s & M; c = s >>> 32;
        s = t5 + a5 * bi + c; t5 = s & M; c = s >>> 32;
        s = t6 + a6 * bi + c; t6 = s & M; c = s >>> 32;
        s = t7 + a7 * bi + c; t7 = s & M; c = s >>> 32;
        s = t8 + c; t8 = s & M; t9 = s >>> 32;
        q = t0; // -p^-1 mod 2^32 = 1
        c = (t0 + ((q << 32) - q)) >>> 32;
        s = t1 + ((q << 32) - q) + c; t0 = s & M; c = s >>> 32;
        s = t2 + ((q << 32) - q) + c; t1 = s & M; c = s >>> 32;
        s = t3 + c; t2 = s & M; c = s >>> 32;
        s = t4 + c; t3 = s & M; c = s >>> 32;
        s = t5 + c; t4 = s & M; c = s >>> 32;
        s = t6 + q + c; t5 = s & M; c = s >>> 32;
        s = t7 + ((q << 32) - q) + c; t6 = s & M; c = s >>> 32;
        s = t8 + c; t7 = s & M; t8 = t9 + (s >>> 32);
        // word 6 of b
        bi = b[6] & M;
        c = 0;
        s = t0 + a0 * bi + c; t0 = s & M; c = s >>> 32;
        s = t1 + a1 * bi + c; t1 = s & M; c = s >>> 32;
        s = t2 + a2 * bi + c; t2 = s & M; c = s >>> 32;
        s = t3 + a3 * bi + c; t3 = s & M; c = s >>> 32;
        s = t4 + a4 * bi + c; t4 = s & M; c = s >>> 32;
        s = t5 + a5 * bi + c; t5 = s & M; c = s >>> 32;
        s = t6 + a6 * bi + c; t6 = s & M; c = s >>> 32;
        s = t7 + a7 * bi + c; t7 = s & M; c = s >>> 32;
        s = t8 + c; t8 = s & M; t9 = s >>> 32;
        q = t0; // -p^-1 mod 2^32 = 1
        c = (t0 + ((q << 32) - q)) >>> 32;
        s = t1 + ((q << 32) - q) + c; t0 = s & M; c = s >>> 32;
        s = t2 + ((q << 32) - q) + c; t1 = s & M; c = s >>> 32;
        s = t3 + c; t2 = s & M; c = s >>> 32;
        s = t4 + c; t3 = s & M; c = s >>> 32;
        s = t5 + c; t4 = s & M; c = s >>> 32;
        s = t6 + q + c; t5 = s & M; c = s >>> 32;
        s = t7 + ((q << 32) - q) + c; t6 = s & M; c = s >>> 32;
        s = t8 + c; t7 = s & M; t8 = t9 + (s >>> 32);
        // word 7 of b
        bi = b[7] & M;
        c = 0;
        s = t0 + a0 * bi + c; t0 = s & M; c = s >>> 32;
        s = t1 + a1 * bi + c; t1 = s & M; c = s >>> 32;
        s = t2 + a2 * bi + c; t2 = s & M; c = s >>> 32;
        s = t3 + a3 * bi + c; t3 = s & M; c = s >>> 32;
        s = t4 + a4 * bi + c; t4 = s & M; c = s >>> 32;
        s = t5 + a5 * bi + c; t5 = s & M; c = s >>> 32;
        s = t6 + a6 * bi + c; t6 = s & M; c = s >>> 32;
        s = t7 + a7 * bi + c; t7 = s & M; c = s >>> 32;
        s = t8 + c; t8 = s & M; t9 = s >>> 32;
        q = t0; // -p^-1 mod 2^32 = 1
        c = (t0 + ((q << 32) - q)) >>> 32;
        s = t1 + ((q << 32) - q) + c; t0 = s & M; c = s >>> 32;
        s = t2 + ((q << 32) - q) + c; t1 = s & M; c = s >>> 32;
        s = t3 + c; t2 = s & M; c = s >>> 32;
        s = t4 + c; t3 = s & M; c = s >>> 32;
        s = t5 + c; t4 = s & M; c = s >>> 32;
        s = t6 + q + c; t5 = s & M; c = s >>> 32;
        s = t7 + ((q << 32) - q) + c; t6 = s & M; c = s >>> 32;
        s = t8 + c; t7 = s & M; t8 = t9 + (s >>> 32);
        // t < 2p: subtract p once unless that borrows past the top word
        long d, br = 0;
        d = t0 - 4294967295L - br; long u0 = d & M; br = d >>> 63;
        d = t1 - 4294967295L - br; long u1 = d & M; br = d >>> 63;
        d = t2 - 4294967295L - br; long u2 = d & M; br = d >>> 63;
        d = t3 - 0L - br; long u3 = d & M; br = d >>> 63;
        d = t4 - 0L - br; long u4 = d & M; br = d >>> 63;
        d = t5 - 0L - br; long u5 = d & M; br = d >>> 63;
        d = t6 - 1L - br; long u6 = d & M; br = d >>> 63;
        d = t7 - 4294967295L - br; long u7 = d & M; br = d >>> 63;
        long keep = -(((t8 - 1) >>> 63) & br); // all ones when t8 == 0 and the subtraction borrowed
        out[0] = (int) ((t0 & keep) | (u0 & ~keep));
        out[1] = (int) ((t1 & keep) | (u1 & ~keep));
        out[2] = (int) ((t2 & keep) | (u2 & ~keep));
        out[3] = (int) ((t3 & keep) | (u3 & ~keep));
        out[4] = (int) ((t4 & keep) | (u4 & ~keep));
        out[5] = (int) ((t5 & keep) | (u5 & ~keep));
        out[6] = (int) ((t6 & keep) | (u6 & ~keep));
        out[7] = (int) ((t7 & keep) | (u7 & ~keep));
    }
}
