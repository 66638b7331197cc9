package org.tls4j.crypto.kdf;

import java.util.Arrays;
import org.tls4j.crypto.hash.Digest;
import org.tls4j.crypto.mac.Hmac;

/** P_hash, the data expansion function of RFC 2246 and RFC 5246, Section 5. */
final class PHash {
    private PHash() {}

    /**
     * Fills {@code out} with P_hash(secret, label + seed), or XORs it into {@code out} when {@code xor}
     * is set (the TLS 1.0 PRF combines P_MD5 and P_SHA-1 that way).
     */
    static void compute(Digest prototype, byte[] secret, byte[] label, byte[] seed, byte[] out, boolean xor) {
        Hmac mac = new Hmac(prototype, secret);
        int hLen = mac.macLength();
        byte[] a = new byte[hLen];
        byte[] block = new byte[hLen];
        // A(1) = HMAC(secret, A(0)) with A(0) = label + seed.
        mac.update(label, 0, label.length);
        mac.update(seed, 0, seed.length);
        mac.doFinal(a, 0);
        int done = 0;
        while (done < out.length) {
            mac.update(a, 0, hLen);
            mac.update(label, 0, label.length);
            mac.update(seed, 0, seed.length);
            mac.doFinal(block, 0);
            int n = Math.min(hLen, out.length - done);
            for (int i = 0; i < n; i++) {
                out[done + i] = xor ? (byte) (out[done + i] ^ block[i]) : block[i];
            }
            done += n;
            // A(i+1) = HMAC(secret, A(i)).
            mac.update(a, 0, hLen);
            mac.doFinal(a, 0);
        }
        Arrays.fill(a, (byte) 0);
        Arrays.fill(block, (byte) 0);
        mac.destroy();
    }
}
