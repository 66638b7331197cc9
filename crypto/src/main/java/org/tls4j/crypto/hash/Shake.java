package org.tls4j.crypto.hash;

/**
 * SHAKE128 and SHAKE256, the SHA-3 extendable-output functions (FIPS 202, Section 6.2): absorb any
 * amount of input, then squeeze any amount of output. ML-KEM (FIPS 203) and Ed448 (RFC 8032, Section
 * 5.2) use them.
 *
 * <pre>
 * Shake x = Shake.shake256();
 * x.absorb(data, 0, data.length);
 * x.squeeze(out, 0, 114);      // may be called again for more output
 * </pre>
 *
 * <p>The first {@link #squeeze} ends absorbing; absorbing after that is a programming error
 * (IllegalStateException). {@link #reset()} starts over. Not thread-safe.
 *
 * <p>constant-time: yes (see {@link Keccak}).
 */
public final class Shake implements Xof {
    private final int securityBits;
    private final Keccak k;

    private Shake(int securityBits) {
        this.securityBits = securityBits;
        this.k = new Keccak(200 - securityBits / 4, (byte) 0x1f);
    }

    /** SHAKE128: rate 168 bytes. */
    public static Shake shake128() {
        return new Shake(128);
    }

    /** SHAKE256: rate 136 bytes. */
    public static Shake shake256() {
        return new Shake(256);
    }

    /** {@code "SHAKE128"} or {@code "SHAKE256"}. */
    @Override
    public String algorithm() {
        return "SHAKE" + securityBits;
    }

    /** The sponge rate in bytes (168 or 136): the block size in which input is absorbed and output produced. */
    public int rate() {
        return k.rate;
    }

    @Override
    public void absorb(byte b) {
        checkAbsorbing();
        k.absorb(b);
    }

    @Override
    public void absorb(byte[] in, int off, int len) {
        checkAbsorbing();
        BlockDigest.checkRange(in, off, len);
        k.absorb(in, off, len);
    }

    /** Writes the next {@code len} output bytes to {@code out} at {@code off}. */
    @Override
    public void squeeze(byte[] out, int off, int len) {
        BlockDigest.checkRange(out, off, len);
        k.squeeze(out, off, len);
    }

    /** Back to the empty, absorbing state. */
    @Override
    public void reset() {
        k.reset();
    }

    /** An independent copy of the running state (absorbing or squeezing). */
    @Override
    public Shake copy() {
        Shake s = new Shake(securityBits);
        s.k.copyFrom(k);
        return s;
    }

    private void checkAbsorbing() {
        if (k.squeezing()) {
            throw new IllegalStateException(algorithm() + ": cannot absorb after squeezing; call reset()");
        }
    }

    @Override
    public String toString() {
        return algorithm();
    }
}
