package org.tls4j.crypto.hash;

import java.util.Arrays;

/**
 * The Merkle–Damgård framing shared by MD5, SHA-1 and SHA-2: a block buffer, a byte counter, and the
 * padding "append 0x80, zeros, then the message length in bits" (FIPS 180-4, Section 5.1; RFC 1321,
 * Section 3.1–3.2). Subclasses supply the compression function and the chaining state.
 *
 * <p>Whole blocks are compressed straight from the caller's array; only a partial block is copied into
 * the buffer. Nothing is allocated per block.
 */
abstract class BlockDigest implements RestorableDigest {
    /** Block length in bytes: 64 or 128. */
    private final int blockLen;
    /** Length field size in bytes at the end of the last block: 8 (MD5, SHA-1, SHA-256) or 16 (SHA-512). */
    private final int lengthLen;
    /** MD5 stores the bit length little-endian; the SHA family big-endian. */
    private final boolean littleEndianLength;

    final byte[] buf;
    int bufLen;
    /** Bytes hashed so far; 2^64 bytes is far beyond any input this library sees. */
    long byteCount;

    BlockDigest(int blockLen, int lengthLen, boolean littleEndianLength) {
        this.blockLen = blockLen;
        this.lengthLen = lengthLen;
        this.littleEndianLength = littleEndianLength;
        this.buf = new byte[blockLen];
    }

    /** Compresses the block at {@code in[off .. off+blockLength)} into the chaining state. */
    abstract void compress(byte[] in, int off);

    /** Writes the chaining state as the hash output (possibly truncated). */
    abstract void output(byte[] out, int off);

    /** Sets the chaining state to the initial value and wipes any scratch space. */
    abstract void resetState();

    /** Copies the chaining state of {@code other} (same class) into this object. */
    abstract void copyStateFrom(BlockDigest other);

    /** A new, reset object of the same class (used by {@link #copy()}). */
    abstract BlockDigest newInstance();

    @Override
    public final int blockLength() {
        return blockLen;
    }

    @Override
    public final void update(byte b) {
        buf[bufLen++] = b;
        byteCount++;
        if (bufLen == blockLen) {
            compress(buf, 0);
            bufLen = 0;
        }
    }

    @Override
    public final void update(byte[] in, int off, int len) {
        checkRange(in, off, len);
        byteCount += len;
        if (bufLen > 0) {
            int n = Math.min(blockLen - bufLen, len);
            System.arraycopy(in, off, buf, bufLen, n);
            bufLen += n;
            off += n;
            len -= n;
            if (bufLen < blockLen) {
                return;
            }
            compress(buf, 0);
            bufLen = 0;
        }
        while (len >= blockLen) {
            compress(in, off);
            off += blockLen;
            len -= blockLen;
        }
        if (len > 0) {
            System.arraycopy(in, off, buf, 0, len);
            bufLen = len;
        }
    }

    @Override
    public final void digest(byte[] out, int off) {
        checkRange(out, off, digestLength());
        long bits = byteCount << 3;
        buf[bufLen++] = (byte) 0x80;
        if (bufLen > blockLen - lengthLen) {
            Arrays.fill(buf, bufLen, blockLen, (byte) 0);
            compress(buf, 0);
            bufLen = 0;
        }
        Arrays.fill(buf, bufLen, blockLen, (byte) 0);
        if (littleEndianLength) {
            for (int i = 0; i < 8; i++) {
                buf[blockLen - 8 + i] = (byte) (bits >>> (8 * i));
            }
        } else {
            // For SHA-384/512 the 128-bit length's upper half holds byteCount's top three bits.
            if (lengthLen == 16) {
                long hi = byteCount >>> 61;
                for (int i = 0; i < 8; i++) {
                    buf[blockLen - 16 + i] = (byte) (hi >>> (56 - 8 * i));
                }
            }
            for (int i = 0; i < 8; i++) {
                buf[blockLen - 8 + i] = (byte) (bits >>> (56 - 8 * i));
            }
        }
        compress(buf, 0);
        output(out, off);
        reset();
    }

    @Override
    public final void reset() {
        Arrays.fill(buf, (byte) 0);
        bufLen = 0;
        byteCount = 0;
        resetState();
    }

    @Override
    public final Digest copy() {
        BlockDigest d = newInstance();
        d.restore(this);
        return d;
    }

    @Override
    public final void restore(Digest snapshot) {
        if (snapshot.getClass() != getClass()) {
            throw new IllegalArgumentException("cannot restore a " + algorithm() + " state from "
                    + snapshot.algorithm());
        }
        BlockDigest o = (BlockDigest) snapshot;
        System.arraycopy(o.buf, 0, buf, 0, blockLen);
        bufLen = o.bufLen;
        byteCount = o.byteCount;
        copyStateFrom(o);
    }

    @Override
    public String toString() {
        return algorithm();
    }

    static void checkRange(byte[] a, int off, int len) {
        if (off < 0 || len < 0 || off > a.length - len) {
            throw new IndexOutOfBoundsException("range [" + off + ", " + off + " + " + len + ") outside an array of "
                    + a.length + " bytes");
        }
    }

    static int readIntBE(byte[] b, int i) {
        return (b[i] << 24) | ((b[i + 1] & 0xff) << 16) | ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
    }

    static int readIntLE(byte[] b, int i) {
        return (b[i] & 0xff) | ((b[i + 1] & 0xff) << 8) | ((b[i + 2] & 0xff) << 16) | (b[i + 3] << 24);
    }

    static long readLongBE(byte[] b, int i) {
        return ((long) readIntBE(b, i) << 32) | (readIntBE(b, i + 4) & 0xffffffffL);
    }

    static void writeIntBE(int v, byte[] b, int i) {
        b[i] = (byte) (v >>> 24);
        b[i + 1] = (byte) (v >>> 16);
        b[i + 2] = (byte) (v >>> 8);
        b[i + 3] = (byte) v;
    }

    static void writeIntLE(int v, byte[] b, int i) {
        b[i] = (byte) v;
        b[i + 1] = (byte) (v >>> 8);
        b[i + 2] = (byte) (v >>> 16);
        b[i + 3] = (byte) (v >>> 24);
    }

    static void writeLongBE(long v, byte[] b, int i) {
        writeIntBE((int) (v >>> 32), b, i);
        writeIntBE((int) v, b, i + 4);
    }
}
