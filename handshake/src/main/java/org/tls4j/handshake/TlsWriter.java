package org.tls4j.handshake;

import java.util.Arrays;

/**
 * Writes the TLS presentation language (RFC 8446, Section 3) into a growing byte array.
 *
 * <p>Length-prefixed vectors are written by back-patching: {@code int m = w.begin16();} reserves the
 * two length bytes, the contents are written, and {@code w.end16(m)} fills in the length. Each
 * {@code end} checks that the length fits its prefix (and an optional stated maximum). An over-long
 * vector is a bug in our own output, not a peer's fault, so it throws {@link IllegalStateException}
 * rather than an alert.
 */
public final class TlsWriter {
    private byte[] buf;
    private int len;

    /** An empty writer with a small initial buffer. */
    public TlsWriter() {
        this(256);
    }

    /** An empty writer; the buffer grows (doubling) as needed. */
    public TlsWriter(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    private void ensure(int n) {
        if (n > buf.length - len) {
            int cap = Math.max(buf.length * 2, len + n);
            buf = Arrays.copyOf(buf, cap);
        }
    }

    /** Bytes written so far. */
    public int length() {
        return len;
    }

    /** A copy of everything written. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }

    private static void checkRange(long v, long max, String what) {
        if (v < 0 || v > max) {
            throw new IllegalStateException(what + " out of range: " + v);
        }
    }

    /** uint8; a value outside 0..255 is a bug (IllegalStateException). */
    public TlsWriter u8(int v) {
        checkRange(v, 0xff, "uint8");
        ensure(1);
        buf[len++] = (byte) v;
        return this;
    }

    /** uint16, big-endian. */
    public TlsWriter u16(int v) {
        checkRange(v, 0xffff, "uint16");
        ensure(2);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
        return this;
    }

    /** uint24, big-endian. */
    public TlsWriter u24(int v) {
        checkRange(v, 0xffffff, "uint24");
        ensure(3);
        buf[len++] = (byte) (v >>> 16);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
        return this;
    }

    /** uint32, big-endian, from a non-negative long. */
    public TlsWriter u32(long v) {
        checkRange(v, 0xffffffffL, "uint32");
        ensure(4);
        buf[len++] = (byte) (v >>> 24);
        buf[len++] = (byte) (v >>> 16);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
        return this;
    }

    /** Raw bytes, no length prefix. */
    public TlsWriter bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    /** {@code n} raw bytes of {@code b} from {@code off}. */
    public TlsWriter bytes(byte[] b, int off, int n) {
        ensure(n);
        System.arraycopy(b, off, buf, len, n);
        len += n;
        return this;
    }

    /** {@code opaque x<0..2^8-1>}. */
    public TlsWriter opaque8(byte[] b) {
        checkRange(b.length, 0xff, "opaque8 length");
        return u8(b.length).bytes(b);
    }

    /** {@code opaque x<0..2^16-1>}. */
    public TlsWriter opaque16(byte[] b) {
        checkRange(b.length, 0xffff, "opaque16 length");
        return u16(b.length).bytes(b);
    }

    /** {@code opaque x<0..2^24-1>}. */
    public TlsWriter opaque24(byte[] b) {
        checkRange(b.length, 0xffffff, "opaque24 length");
        return u24(b.length).bytes(b);
    }

    /** Reserves a one-byte length; returns the mark to pass to {@link #end8(int)}. */
    public int begin8() {
        return reserve(1);
    }

    /** Reserves a two-byte length; returns the mark to pass to {@link #end16(int)}. */
    public int begin16() {
        return reserve(2);
    }

    /** Reserves a three-byte length; returns the mark to pass to {@link #end24(int)}. */
    public int begin24() {
        return reserve(3);
    }

    private int reserve(int n) {
        ensure(n);
        int mark = len;
        len += n;
        return mark;
    }

    /** Fills in the one-byte length reserved at {@code mark}. */
    public void end8(int mark) {
        patch(mark, 1, 0xff);
    }

    /** Fills in the two-byte length reserved at {@code mark}. */
    public void end16(int mark) {
        patch(mark, 2, 0xffff);
    }

    /** Fills in the three-byte length reserved at {@code mark}. */
    public void end24(int mark) {
        patch(mark, 3, 0xffffff);
    }

    /** Closes a vector and checks it against the RFC's stated maximum as well as its prefix. */
    public void end16(int mark, int max) {
        int n = len - mark - 2;
        if (n > max) {
            throw new IllegalStateException("vector of " + n + " bytes exceeds its maximum " + max);
        }
        end16(mark);
    }

    private void patch(int mark, int width, int max) {
        int n = len - mark - width;
        if (mark < 0 || n < 0) {
            throw new IllegalStateException("bad mark " + mark);
        }
        if (n > max) {
            throw new IllegalStateException("vector of " + n + " bytes does not fit a " + width
                    + "-byte length");
        }
        for (int i = width - 1; i >= 0; i--) {
            buf[mark + i] = (byte) (n >>> (8 * (width - 1 - i)));
        }
    }
}
