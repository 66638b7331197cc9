package org.tls4j.crypto.cipher.legacy;

import java.util.Arrays;
import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.cipher.StreamCipher;

/**
 * RC4 (ARCFOUR), the stream cipher of the SSL 2.0/3.0 and TLS 1.0-1.2 {@code RC4_128} and export
 * {@code RC4_40} suites. Kept only so tls4j can talk to, and test against, very old peers.
 *
 * <p><b>Broken; TLS keeps it off by default.</b> RC4's keystream is biased: the second byte is 0 twice as
 * often as it should be (Mantin and Shamir, 2001) and many more single- and multi-byte biases exist in
 * the first 256 bytes and beyond (AlFardan, Bernstein, Paterson, Poettering and Schuldt, "On the
 * Security of RC4 in TLS", USENIX Security 2013; Vanhoef and Piessens, "RC4 NOMORE", 2015). With enough
 * encryptions of the same secret (a cookie, a password) an attacker recovers it. RFC 7465 prohibits RC4
 * in TLS; tls4j offers it only when explicitly enabled for legacy interop.
 *
 * <p><b>constant-time: no.</b> The 256-byte permutation is indexed by values derived from the key (RC4
 * is nothing but secret-indexed table lookups). A constant-time RC4 would have to scan the whole table
 * for every byte; since the cipher is broken anyway, we do not pay that price.
 *
 * <p>Keys of 1 to 256 bytes are accepted: 5 bytes for the 40-bit export key material before expansion
 * (the export suites then stretch it to 16 bytes with MD5 or the PRF, see the package documentation),
 * 16 bytes for RC4_128.
 */
public final class Rc4 implements StreamCipher {
    private final byte[] s = new byte[256];
    private int i;
    private int j;
    private boolean destroyed;

    /** The key scheduling algorithm (KSA) on a 1- to 256-byte key. */
    public Rc4(byte[] key) throws CryptoException {
        if (key == null || key.length < 1 || key.length > 256) {
            throw new CryptoException("RC4 key must be 1 to 256 bytes");
        }
        for (int k = 0; k < 256; k++) {
            s[k] = (byte) k;
        }
        int jj = 0;
        for (int k = 0; k < 256; k++) {
            jj = (jj + (s[k] & 0xFF) + (key[k % key.length] & 0xFF)) & 0xFF;
            byte t = s[k];
            s[k] = s[jj];
            s[jj] = t;
        }
    }

    @Override
    public String algorithm() {
        return "RC4";
    }

    /** The pseudo-random generation algorithm (PRGA), XORed into the data; continues across calls. */
    @Override
    public void process(byte[] in, int inOff, int len, byte[] out, int outOff) {
        if (destroyed) {
            throw new IllegalStateException("RC4 key was destroyed");
        }
        int x = i, y = j;
        byte[] st = s;
        for (int k = 0; k < len; k++) {
            x = (x + 1) & 0xFF;
            int sx = st[x] & 0xFF;
            y = (y + sx) & 0xFF;
            int sy = st[y] & 0xFF;
            st[x] = (byte) sy;
            st[y] = (byte) sx;
            out[outOff + k] = (byte) (in[inOff + k] ^ st[(sx + sy) & 0xFF]);
        }
        i = x;
        j = y;
    }

    @Override
    public void destroy() {
        Arrays.fill(s, (byte) 0);
        i = 0;
        j = 0;
        destroyed = true;
    }
}
