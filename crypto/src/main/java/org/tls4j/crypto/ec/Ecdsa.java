package org.tls4j.crypto.ec;

import org.tls4j.crypto.ct.ConstantTime;

/**
 * The ECDSA core shared by {@link EcdsaSigner} and {@link EcdsaVerifier} (FIPS 186-5, Section 6.4;
 * SEC 1 v2, Sections 4.1.3 and 4.1.4), plus the two signature encodings.
 */
final class Ecdsa {
    private Ecdsa() {}

    /**
     * r || s for the hash e (already bits2int-truncated, orderLength() bytes), private key d and nonce
     * k (both orderLength() bytes, in [1, n-1]), or null when r or s is zero (the caller draws a new k).
     * constant-time: yes in d and k.
     */
    static byte[] signRaw(EcCurve c, byte[] d, byte[] e, byte[] k) {
        MontField fn = c.fn;
        int[][] rp = c.newPoint();
        c.mulBase(rp, k, 0);
        byte[] x = new byte[c.fieldLength()];
        c.toAffine(rp, x, 0, null, 0);
        int[] r = fn.reduceWideToMont(x, 0, x.length); // r = x mod n
        int[] km = fn.create();
        fn.decode(km, k, 0);
        fn.toMont(km, km);
        int[] kinv = fn.create();
        fn.inv(kinv, km);
        int[] dm = fn.create();
        fn.decode(dm, d, 0);
        fn.toMont(dm, dm);
        int[] em = fn.reduceWideToMont(e, 0, e.length);
        int[] s = fn.create();
        fn.mul(s, r, dm);
        fn.add(s, s, em);
        fn.mul(s, s, kinv);
        int bad = fn.isZero(r) | fn.isZero(s);
        byte[] out = new byte[2 * c.orderLength()];
        fn.encode(out, 0, r);
        fn.encode(out, c.orderLength(), s);
        for (int[] t : new int[][] {km, kinv, dm, em, s, r}) {
            ConstantTime.zero(t);
        }
        for (int[] t : rp) {
            ConstantTime.zero(t);
        }
        return bad == 1 ? null : out; // r or s zero: public event of negligible probability
    }

    /** Verification on r || s (orderLength() bytes each) and the truncated hash e. Variable time (public data). */
    static boolean verifyRaw(EcCurve c, int[][] q, byte[] e, byte[] rs) {
        MontField fn = c.fn;
        int n = c.orderLength();
        int[] r = fn.create();
        int[] s = fn.create();
        byte[] rb = java.util.Arrays.copyOfRange(rs, 0, n);
        // r and s must be in [1, n-1] (FIPS 186-5, Section 6.4.2, step 2).
        if (fn.decode(r, rs, 0) == 0 || fn.decode(s, rs, n) == 0 || fn.isZero(r) == 1 || fn.isZero(s) == 1) {
            return false;
        }
        fn.toMont(r, r);
        fn.toMont(s, s);
        int[] w = fn.create();
        fn.invVartime(w, s); // s is public
        int[] em = fn.reduceWideToMont(e, 0, e.length);
        int[] u1 = fn.create();
        int[] u2 = fn.create();
        fn.mul(u1, em, w);
        fn.mul(u2, r, w);
        byte[] u1b = new byte[n];
        byte[] u2b = new byte[n];
        fn.encode(u1b, 0, u1);
        fn.encode(u2b, 0, u2);
        int[][] rp = c.newPoint();
        c.mulAddVartime(rp, u1b, u2b, q);
        if (c.isInfinity(rp) == 1) {
            return false;
        }
        byte[] x = new byte[c.fieldLength()];
        c.toAffineVartime(rp, x, 0);
        int[] v = fn.reduceWideToMont(x, 0, x.length);
        byte[] vb = new byte[n];
        fn.encode(vb, 0, v);
        return java.util.Arrays.equals(vb, rb);
    }

    // ------------------------------------------------------------- encodings

    /** DER SEQUENCE { INTEGER r, INTEGER s } with minimal integers (RFC 3279, Section 2.2.3). */
    static byte[] toDer(byte[] rs, int n) {
        byte[] r = derInteger(rs, 0, n);
        byte[] s = derInteger(rs, n, n);
        int body = r.length + s.length;
        int lenBytes = body < 128 ? 1 : 2; // at most 2·(2 + 67) = 138 < 256
        byte[] out = new byte[1 + lenBytes + body];
        out[0] = 0x30;
        if (body < 128) {
            out[1] = (byte) body;
        } else {
            out[1] = (byte) 0x81;
            out[2] = (byte) body;
        }
        System.arraycopy(r, 0, out, 1 + lenBytes, r.length);
        System.arraycopy(s, 0, out, 1 + lenBytes + r.length, s.length);
        return out;
    }

    private static byte[] derInteger(byte[] b, int off, int len) {
        int i = 0;
        while (i < len - 1 && b[off + i] == 0) { // the signature is public
            i++;
        }
        int pad = (b[off + i] & 0x80) != 0 ? 1 : 0;
        int vlen = len - i + pad;
        byte[] out = new byte[2 + vlen];
        out[0] = 0x02;
        out[1] = (byte) vlen;
        System.arraycopy(b, off + i, out, 2 + pad, len - i);
        return out;
    }

    /**
     * Strict DER parsing to r || s (n bytes each), or null: wrong tags, non-minimal or long-form lengths
     * where short form fits, negative or non-minimal integers, integers longer than n bytes, trailing data.
     */
    static byte[] fromDer(byte[] in, int off, int len, int n) {
        int end = off + len;
        int p = off;
        if (len < 2 || in[p++] != 0x30) {
            return null;
        }
        int seqLen;
        int b = in[p++] & 0xff;
        if (b < 0x80) {
            seqLen = b;
        } else if (b == 0x81) {
            if (p >= end) {
                return null;
            }
            seqLen = in[p++] & 0xff;
            if (seqLen < 0x80) {
                return null; // long form where short form fits: not DER
            }
        } else {
            return null; // signatures here are shorter than 256 bytes
        }
        if (seqLen != end - p) {
            return null; // trailing data or truncated
        }
        byte[] rs = new byte[2 * n];
        for (int which = 0; which < 2; which++) {
            if (end - p < 2 || in[p++] != 0x02) {
                return null;
            }
            int ilen = in[p++] & 0xff;
            if (ilen == 0 || ilen >= 0x80 || ilen > end - p) {
                return null;
            }
            if ((in[p] & 0x80) != 0) {
                return null; // negative
            }
            if (ilen > 1 && in[p] == 0 && (in[p + 1] & 0x80) == 0) {
                return null; // non-minimal
            }
            int start = p;
            int vlen = ilen;
            if (in[p] == 0 && ilen > 1) {
                start++;
                vlen--;
            }
            if (vlen > n) {
                return null;
            }
            System.arraycopy(in, start, rs, which * n + n - vlen, vlen);
            p += ilen;
        }
        return p == end ? rs : null;
    }
}
