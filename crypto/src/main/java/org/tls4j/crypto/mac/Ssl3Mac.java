package org.tls4j.crypto.mac;

import java.util.Arrays;
import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.hash.Digest;
import org.tls4j.crypto.hash.RestorableDigest;

/**
 * The SSL 3.0 record MAC (RFC 6101, Section 5.2.3.1), a pre-HMAC nested construction:
 * <pre>
 * hash(MAC_write_secret + pad_2 + hash(MAC_write_secret + pad_1 + seq_num + SSLCompressed.type +
 *      SSLCompressed.length + SSLCompressed.fragment))
 * </pre>
 * where pad_1 is 0x36 and pad_2 is 0x5c, repeated 48 times for MD5 and 40 times for SHA-1. The caller
 * feeds seq_num (8 bytes), type (1), length (2) and the fragment through {@link #update}.
 *
 * <p><b>Legacy.</b> SSL 3.0 is broken (POODLE; prohibited by RFC 7568). This MAC is not HMAC (the secret
 * is appended, not XORed into a full block) and has no proof of security; it exists only so tls4j can
 * talk to and test SSL 3.0 peers, which is off by default.
 *
 * <p>constant-time: yes (no branch on the secret or the data; lengths are public).
 */
public final class Ssl3Mac implements Mac {
    private final String algorithm;
    private final int macLength;
    private final Digest innerKeyed;
    private final Digest outerKeyed;
    private Digest inner;
    private Digest outer;
    private final byte[] innerHash;
    private boolean destroyed;

    /**
     * @param prototype MD5 or SHA-1 (copied and reset)
     * @param macSecret the MAC_write_secret (not kept)
     * @throws CryptoException for any other hash
     */
    public Ssl3Mac(Digest prototype, byte[] macSecret) throws CryptoException {
        Digest d = prototype.copy();
        d.reset();
        int padLen;
        if ("MD5".equals(d.algorithm())) {
            padLen = 48;
        } else if ("SHA-1".equals(d.algorithm())) {
            padLen = 40;
        } else {
            throw new CryptoException("SSL 3.0 MAC is defined for MD5 and SHA-1 only, not " + d.algorithm());
        }
        this.algorithm = "SSLv3-MAC-" + d.algorithm();
        this.macLength = d.digestLength();
        byte[] pad = new byte[padLen];
        innerKeyed = d.copy();
        innerKeyed.update(macSecret, 0, macSecret.length);
        Arrays.fill(pad, (byte) 0x36);
        innerKeyed.update(pad, 0, padLen);
        outerKeyed = d.copy();
        outerKeyed.update(macSecret, 0, macSecret.length);
        Arrays.fill(pad, (byte) 0x5c);
        outerKeyed.update(pad, 0, padLen);
        inner = innerKeyed.copy();
        outer = outerKeyed.copy();
        innerHash = new byte[macLength];
    }

    @Override
    public String algorithm() {
        return algorithm;
    }

    @Override
    public int macLength() {
        return macLength;
    }

    @Override
    public void update(byte b) {
        checkAlive();
        inner.update(b);
    }

    @Override
    public void update(byte[] in, int off, int len) {
        checkAlive();
        inner.update(in, off, len);
    }

    @Override
    public void doFinal(byte[] out, int off) {
        checkAlive();
        if (off < 0 || off > out.length - macLength) {
            throw new IndexOutOfBoundsException("no room for a " + macLength + "-byte tag at offset " + off);
        }
        inner.digest(innerHash, 0);
        outer = restart(outer, outerKeyed);
        outer.update(innerHash, 0, macLength);
        outer.digest(out, off);
        Arrays.fill(innerHash, (byte) 0);
        inner = restart(inner, innerKeyed);
    }

    @Override
    public void reset() {
        checkAlive();
        inner = restart(inner, innerKeyed);
    }

    /**
     * Wipes the keyed states. Note that the digests' buffers held the secret (it is not a whole block
     * here); resetting a digest of this library zeroes its buffer.
     */
    @Override
    public void destroy() {
        innerKeyed.reset();
        outerKeyed.reset();
        inner.reset();
        outer.reset();
        Arrays.fill(innerHash, (byte) 0);
        destroyed = true;
    }

    private void checkAlive() {
        if (destroyed) {
            throw new IllegalStateException(algorithm + " key was destroyed");
        }
    }

    private static Digest restart(Digest d, Digest keyed) {
        if (d instanceof RestorableDigest) {
            ((RestorableDigest) d).restore(keyed);
            return d;
        }
        return keyed.copy();
    }

    @Override
    public String toString() {
        return algorithm;
    }
}
