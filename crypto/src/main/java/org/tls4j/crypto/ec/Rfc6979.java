package org.tls4j.crypto.ec;

import org.tls4j.crypto.ct.ConstantTime;
import org.tls4j.crypto.hash.Digest;
import org.tls4j.crypto.mac.Hmac;

/**
 * Deterministic ECDSA nonces: the HMAC-DRBG of RFC 6979, Section 3.2 (steps b to h), optionally with
 * additional data k' mixed into steps d and f as RFC 6979, Section 3.6 allows ("hedged" nonces).
 *
 * <p>constant-time: yes, apart from the rejection of a candidate k outside [1, n-1] (probability about
 * 2^-32 for P-256's order and less for the others; it reveals only that a discarded value was rejected).
 */
final class Rfc6979 {
    private final Digest proto;
    private final EcCurve curve;
    private byte[] k;
    private byte[] v;

    /**
     * @param x the private key, orderLength() bytes big-endian (int2octets(x))
     * @param h1 the message hash H(m)
     * @param extra additional data k' (Section 3.6), or null
     */
    Rfc6979(Digest proto, EcCurve curve, byte[] x, byte[] h1, byte[] extra) {
        this.proto = proto;
        this.curve = curve;
        int hlen = proto.digestLength();
        v = new byte[hlen];
        java.util.Arrays.fill(v, (byte) 1); // step b
        k = new byte[hlen]; // step c
        byte[] h = bits2octets(h1);
        for (int round = 0; round < 2; round++) { // steps d-e and f-g
            Hmac mac = new Hmac(proto, k);
            mac.update(v);
            mac.update((byte) round);
            mac.update(x);
            mac.update(h);
            if (extra != null) {
                mac.update(extra);
            }
            byte[] nk = mac.doFinal();
            mac.destroy();
            ConstantTime.zero(k);
            k = nk;
            v = hmac(v);
        }
        ConstantTime.zero(h);
    }

    private byte[] hmac(byte[] data) {
        Hmac mac = new Hmac(proto, k);
        mac.update(data);
        byte[] out = mac.doFinal();
        mac.destroy();
        return out;
    }

    /** bits2octets(h1) = int2octets(bits2int(h1) mod n) (Section 2.3.4). */
    private byte[] bits2octets(byte[] h1) {
        byte[] z = bits2int(curve, h1);
        int[] t = curve.fn.reduceWideToMont(z, 0, z.length);
        byte[] out = new byte[curve.orderLength()];
        curve.fn.encode(out, 0, t);
        ConstantTime.zero(t);
        return out;
    }

    /**
     * bits2int (Section 2.3.2): the leftmost qlen bits of b as an integer, written as orderLength()
     * bytes big-endian (left-padded when b is shorter).
     */
    static byte[] bits2int(EcCurve curve, byte[] b) {
        int n = curve.orderLength();
        int qlen = curve.orderBits();
        byte[] out = new byte[n];
        if (8 * b.length <= qlen) {
            System.arraycopy(b, 0, out, n - b.length, b.length);
            return out;
        }
        System.arraycopy(b, 0, out, 0, n);
        int shift = 8 * n - qlen; // 0..7; public
        if (shift != 0) {
            for (int i = n - 1; i >= 0; i--) {
                int hi = i > 0 ? (out[i - 1] & 0xff) : 0;
                out[i] = (byte) (((out[i] & 0xff) >>> shift) | (hi << (8 - shift)));
            }
        }
        return out;
    }

    /** The next candidate k in [1, n-1] (step h), orderLength() bytes big-endian. */
    byte[] next() {
        int qlen = curve.orderBits();
        while (true) {
            byte[] t = new byte[0];
            while (8 * t.length < qlen) {
                v = hmac(v);
                byte[] nt = new byte[t.length + v.length];
                System.arraycopy(t, 0, nt, 0, t.length);
                System.arraycopy(v, 0, nt, t.length, v.length);
                ConstantTime.zero(t);
                t = nt;
            }
            byte[] cand = bits2int(curve, t);
            ConstantTime.zero(t);
            int ok = EcPrivateKey.inRange(curve, cand);
            if (ok == 1) {
                // Prepare the state for a further call (a retry after r = 0 or s = 0), as step h.3 does.
                advance();
                return cand;
            }
            ConstantTime.zero(cand);
            advance();
        }
    }

    private void advance() {
        Hmac mac = new Hmac(proto, k);
        mac.update(v);
        mac.update((byte) 0);
        byte[] nk = mac.doFinal();
        mac.destroy();
        ConstantTime.zero(k);
        k = nk;
        v = hmac(v);
    }

    void destroy() {
        ConstantTime.zero(k);
        ConstantTime.zero(v);
    }
}
