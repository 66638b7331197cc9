package org.tls4j.crypto.mac;

import java.util.Arrays;
import org.tls4j.crypto.hash.Digest;
import org.tls4j.crypto.hash.RestorableDigest;

/**
 * The machinery shared by the two nested-hash MACs of this package, {@link Hmac} and {@link Ssl3Mac}:
 * {@code tag = H(outerPrefix || H(innerPrefix || message))}. The subclasses differ only in how the two
 * key-dependent prefixes are built (HMAC: the key block XORed with ipad/opad; SSL 3.0: the secret
 * followed by pad_1/pad_2); everything after that is here.
 *
 * <p>The prefixes are absorbed once, in {@link #init}: the digest states after them are kept as
 * snapshots ({@link Digest#copy()}), and each message starts from them. With the digests of this library
 * ({@link RestorableDigest}) that restart copies a few words and allocates nothing.
 *
 * <p>constant-time: yes. No branch depends on the key or the data; the message length is public.
 */
abstract class NestedMac implements Mac {
    /** Set once by {@link #init}, from the subclass constructor, and never changed afterwards. */
    private String algorithm;
    private int macLength;
    /** The state after the inner prefix, and after the outer prefix: never updated after {@link #init}. */
    private Digest innerKeyed;
    private Digest outerKeyed;
    /** The running inner hash of the current message, and a scratch digest for the outer hash. */
    private Digest inner;
    private Digest outer;
    private byte[] innerHash;
    private boolean destroyed;

    /**
     * Keys this MAC; each subclass constructor calls it exactly once.
     *
     * @param algorithm the name reported by {@link #algorithm()}
     * @param hash a reset digest of the hash to use (consumed: it is left reset)
     * @param innerPrefix the key-dependent bytes hashed before the message; zeroed here
     * @param outerPrefix the key-dependent bytes hashed before the inner hash; zeroed here
     */
    final void init(String algorithm, Digest hash, byte[] innerPrefix, byte[] outerPrefix) {
        this.algorithm = algorithm;
        this.macLength = hash.digestLength();
        innerKeyed = hash.copy();
        innerKeyed.update(innerPrefix, 0, innerPrefix.length);
        outerKeyed = hash.copy();
        outerKeyed.update(outerPrefix, 0, outerPrefix.length);
        Arrays.fill(innerPrefix, (byte) 0);
        Arrays.fill(outerPrefix, (byte) 0);
        hash.reset();
        inner = innerKeyed.copy();
        outer = outerKeyed.copy();
        innerHash = new byte[macLength];
    }

    @Override
    public final String algorithm() {
        return algorithm;
    }

    @Override
    public final int macLength() {
        return macLength;
    }

    @Override
    public final void update(byte b) {
        checkAlive();
        inner.update(b);
    }

    @Override
    public final void update(byte[] in, int off, int len) {
        checkAlive();
        inner.update(in, off, len);
    }

    @Override
    public final void doFinal(byte[] out, int off) {
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
    public final void reset() {
        checkAlive();
        inner = restart(inner, innerKeyed);
    }

    /**
     * Zeroes the keyed states; the object cannot be used afterwards. Resetting a digest of this library
     * wipes its chaining value, buffer and scratch space (the buffer matters for SSL 3.0, whose secret
     * is not a whole block and so stays buffered in the keyed states).
     */
    @Override
    public final void destroy() {
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
    public final String toString() {
        return algorithm;
    }
}
