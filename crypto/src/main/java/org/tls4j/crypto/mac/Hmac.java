package org.tls4j.crypto.mac;

import java.util.Arrays;
import org.tls4j.crypto.hash.Digest;
import org.tls4j.crypto.hash.RestorableDigest;

/**
 * HMAC over any {@link Digest} (RFC 2104; FIPS 198-1):
 * {@code HMAC(K, m) = H((K0 ^ opad) || H((K0 ^ ipad) || m))}, where K0 is the key hashed if it is longer
 * than the block, then padded with zeros to the block length B; ipad = 0x36 and opad = 0x5c repeated B
 * times.
 *
 * <p>The key is processed once, in the constructor: the states after absorbing {@code K0 ^ ipad} and
 * {@code K0 ^ opad} are kept as snapshots ({@link Digest#copy()}), and each message starts from them.
 * With the digests of this library ({@link RestorableDigest}) that restart copies a few words and
 * allocates nothing.
 *
 * <p>constant-time: yes. The only branch on the key is on its length (public: all TLS MAC keys have a
 * fixed length per cipher suite); the message length is public.
 */
public final class Hmac implements Mac {
    private static final byte IPAD = 0x36;
    private static final byte OPAD = 0x5c;

    private final String algorithm;
    private final int macLength;
    /** The state after (K0 ^ ipad), and after (K0 ^ opad): never updated after the constructor. */
    private final Digest innerKeyed;
    private final Digest outerKeyed;
    /** The running inner hash of the current message, and a scratch digest for the outer hash. */
    private Digest inner;
    private Digest outer;
    private final byte[] innerHash;
    private boolean destroyed;

    /**
     * Keys an HMAC.
     *
     * @param prototype the hash to use; only its algorithm matters (it is copied and reset, never changed)
     * @param key the key, of any length (RFC 2104, Section 3 recommends at least the hash length); the
     *     array is not kept
     */
    public Hmac(Digest prototype, byte[] key) {
        if (prototype == null || key == null) {
            throw new NullPointerException("HMAC needs a digest and a key");
        }
        Digest d = prototype.copy();
        d.reset();
        int blockLen = d.blockLength();
        this.algorithm = "HMAC-" + d.algorithm();
        this.macLength = d.digestLength();

        byte[] k0 = new byte[blockLen];
        if (key.length > blockLen) {
            d.update(key, 0, key.length);
            d.digest(k0, 0); // leaves d reset; the rest of k0 stays zero
        } else {
            System.arraycopy(key, 0, k0, 0, key.length);
        }
        byte[] pad = new byte[blockLen];
        for (int i = 0; i < blockLen; i++) {
            pad[i] = (byte) (k0[i] ^ IPAD);
        }
        innerKeyed = d.copy();
        innerKeyed.update(pad, 0, blockLen);
        for (int i = 0; i < blockLen; i++) {
            pad[i] = (byte) (k0[i] ^ OPAD);
        }
        outerKeyed = d.copy();
        outerKeyed.update(pad, 0, blockLen);
        Arrays.fill(k0, (byte) 0);
        Arrays.fill(pad, (byte) 0);
        d.reset();

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

    /** Zeroes the keyed states; the object cannot be used afterwards. */
    @Override
    public void destroy() {
        // Resetting a digest of this library wipes its chaining value, buffer and scratch space.
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

    /** Puts {@code d} back into the keyed state {@code keyed}; returns the digest to use from now on. */
    private static Digest restart(Digest d, Digest keyed) {
        if (d instanceof RestorableDigest) {
            ((RestorableDigest) d).restore(keyed);
            return d;
        }
        // A digest from outside this library: take a fresh snapshot instead (one allocation).
        return keyed.copy();
    }

    @Override
    public String toString() {
        return algorithm;
    }
}
