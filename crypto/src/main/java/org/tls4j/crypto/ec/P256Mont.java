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
 * {@link #add} and {@link #sub} are the loops of MontField unrolled the same way.
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

    /** out = a + b mod p (out may alias a or b). */
    static void add(int[] out, int[] a, int[] b) {
        final long M = 0xffffffffL;
        long v, c = 0;
        v = (a[0] & M) + (b[0] & M) + c; long s0 = v & M; c = v >>> 32;
        v = (a[1] & M) + (b[1] & M) + c; long s1 = v & M; c = v >>> 32;
        v = (a[2] & M) + (b[2] & M) + c; long s2 = v & M; c = v >>> 32;
        v = (a[3] & M) + (b[3] & M) + c; long s3 = v & M; c = v >>> 32;
        v = (a[4] & M) + (b[4] & M) + c; long s4 = v & M; c = v >>> 32;
        v = (a[5] & M) + (b[5] & M) + c; long s5 = v & M; c = v >>> 32;
        v = (a[6] & M) + (b[6] & M) + c; long s6 = v & M; c = v >>> 32;
        v = (a[7] & M) + (b[7] & M) + c; long s7 = v & M; c = v >>> 32;
        // subtract p, then keep the sum only if it was below p (no carry and the subtraction borrowed)
        long d, br = 0;
        d = s0 - 4294967295L - br; long u0 = d & M; br = d >>> 63;
        d = s1 - 4294967295L - br; long u1 = d & M; br = d >>> 63;
        d = s2 - 4294967295L - br; long u2 = d & M; br = d >>> 63;
        d = s3 - 0L - br; long u3 = d & M; br = d >>> 63;
        d = s4 - 0L - br; long u4 = d & M; br = d >>> 63;
        d = s5 - 0L - br; long u5 = d & M; br = d >>> 63;
        d = s6 - 1L - br; long u6 = d & M; br = d >>> 63;
        d = s7 - 4294967295L - br; long u7 = d & M; br = d >>> 63;
        long keep = -(br & (c ^ 1));
        out[0] = (int) ((s0 & keep) | (u0 & ~keep));
        out[1] = (int) ((s1 & keep) | (u1 & ~keep));
        out[2] = (int) ((s2 & keep) | (u2 & ~keep));
        out[3] = (int) ((s3 & keep) | (u3 & ~keep));
        out[4] = (int) ((s4 & keep) | (u4 & ~keep));
        out[5] = (int) ((s5 & keep) | (u5 & ~keep));
        out[6] = (int) ((s6 & keep) | (u6 & ~keep));
        out[7] = (int) ((s7 & keep) | (u7 & ~keep));
    }

    /** out = a - b mod p (out may alias a or b). */
    static void sub(int[] out, int[] a, int[] b) {
        final long M = 0xffffffffL;
        long d, br = 0;
        d = (a[0] & M) - (b[0] & M) - br; long s0 = d & M; br = d >>> 63;
        d = (a[1] & M) - (b[1] & M) - br; long s1 = d & M; br = d >>> 63;
        d = (a[2] & M) - (b[2] & M) - br; long s2 = d & M; br = d >>> 63;
        d = (a[3] & M) - (b[3] & M) - br; long s3 = d & M; br = d >>> 63;
        d = (a[4] & M) - (b[4] & M) - br; long s4 = d & M; br = d >>> 63;
        d = (a[5] & M) - (b[5] & M) - br; long s5 = d & M; br = d >>> 63;
        d = (a[6] & M) - (b[6] & M) - br; long s6 = d & M; br = d >>> 63;
        d = (a[7] & M) - (b[7] & M) - br; long s7 = d & M; br = d >>> 63;
        // add p back when the subtraction borrowed
        long mask = -br & M;
        long v, c = 0;
        v = s0 + mask + c; out[0] = (int) v; c = v >>> 32;
        v = s1 + mask + c; out[1] = (int) v; c = v >>> 32;
        v = s2 + mask + c; out[2] = (int) v; c = v >>> 32;
        v = s3 + c; out[3] = (int) v; c = v >>> 32;
        v = s4 + c; out[4] = (int) v; c = v >>> 32;
        v = s5 + c; out[5] = (int) v; c = v >>> 32;
        v = s6 + (mask & 1) + c; out[6] = (int) v; c = v >>> 32;
        v = s7 + mask + c; out[7] = (int) v; c = v >>> 32;
    }
}
