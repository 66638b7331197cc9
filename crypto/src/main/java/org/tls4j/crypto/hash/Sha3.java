package org.tls4j.crypto.hash;

/**
 * SHA3-224, SHA3-256, SHA3-384 and SHA3-512 (FIPS 202, Section 6.1): Keccak[c = 2d] with the suffix
 * bits 01, rate 200 - 2d/8 bytes. SHA-3 is not used by TLS cipher suites; it is here for HMAC-SHA3
 * tests, ML-KEM (FIPS 203 uses SHA3-256 and SHA3-512) and completeness.
 *
 * <p>constant-time: yes (see {@link Keccak}).
 */
public final class Sha3 implements RestorableDigest {
    private final int digestLen;
    private final Keccak k;

    /**
     * A fresh SHA-3 computation.
     *
     * @param bits the output size: 224, 256, 384 or 512
     * @throws IllegalArgumentException for any other size (a programming error, never input data)
     */
    public Sha3(int bits) {
        if (bits != 224 && bits != 256 && bits != 384 && bits != 512) {
            throw new IllegalArgumentException("SHA-3 output size must be 224, 256, 384 or 512 bits, not " + bits);
        }
        this.digestLen = bits / 8;
        this.k = new Keccak(200 - 2 * digestLen, (byte) 0x06);
    }

    /** SHA3-256 of {@code data} in one call. */
    public static byte[] sha3_256(byte[] data) {
        Sha3 d = new Sha3(256);
        d.update(data, 0, data.length);
        return d.digest();
    }

    /** SHA3-512 of {@code data} in one call. */
    public static byte[] sha3_512(byte[] data) {
        Sha3 d = new Sha3(512);
        d.update(data, 0, data.length);
        return d.digest();
    }

    @Override
    public String algorithm() {
        return "SHA3-" + (digestLen * 8);
    }

    @Override
    public int digestLength() {
        return digestLen;
    }

    /** The sponge rate, which is what HMAC uses as the block size (FIPS 202, Table 3 and NIST's HMAC-SHA3). */
    @Override
    public int blockLength() {
        return k.rate;
    }

    @Override
    public void update(byte b) {
        k.absorb(b);
    }

    @Override
    public void update(byte[] in, int off, int len) {
        BlockDigest.checkRange(in, off, len);
        k.absorb(in, off, len);
    }

    @Override
    public void digest(byte[] out, int off) {
        BlockDigest.checkRange(out, off, digestLen);
        k.squeeze(out, off, digestLen);
        k.reset();
    }

    @Override
    public void reset() {
        k.reset();
    }

    @Override
    public Digest copy() {
        Sha3 d = new Sha3(digestLen * 8);
        d.k.copyFrom(k);
        return d;
    }

    @Override
    public void restore(Digest snapshot) {
        if (!(snapshot instanceof Sha3) || ((Sha3) snapshot).digestLen != digestLen) {
            throw new IllegalArgumentException("cannot restore a " + algorithm() + " state from "
                    + snapshot.algorithm());
        }
        k.copyFrom(((Sha3) snapshot).k);
    }

    @Override
    public String toString() {
        return algorithm();
    }
}
