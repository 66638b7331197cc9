package org.tls4j.handshake;

import org.tls4j.record.TlsAlert;

/**
 * Reads the TLS presentation language (RFC 8446, Section 3) from a byte array, between an offset and a
 * limit.
 *
 * <p>Every read checks the remaining length first and throws {@code TlsAlert(decode_error)} when the
 * input is too short, so the parsers built on it do no length arithmetic of their own. A
 * length-prefixed vector is read either as bytes ({@link #opaque8()}, {@link #opaque16()},
 * {@link #opaque24()}) or as a bounded child reader ({@link #sub8()}, {@link #sub16()},
 * {@link #sub24()}) that cannot read past the vector's end; a parser finishes each child with
 * {@link #expectEnd()} so trailing bytes are refused.
 *
 * <p>No read allocates more than the input still holds: a length prefix is checked against
 * {@link #remaining()} before any array is made, so a forged length costs nothing.
 *
 * <p>A reader is a cursor over a shared array: it does not copy the input, and the arrays it returns
 * are fresh copies.
 */
public final class TlsReader {
    private final byte[] buf;
    private int pos;
    private final int limit;

    /** A reader over all of {@code buf}. */
    public TlsReader(byte[] buf) {
        this(buf, 0, buf.length);
    }

    /** A reader over {@code buf[off .. off+len)}. */
    public TlsReader(byte[] buf, int off, int len) {
        if (off < 0 || len < 0 || off > buf.length - len) {
            throw new IndexOutOfBoundsException("off=" + off + " len=" + len + " size=" + buf.length);
        }
        this.buf = buf;
        this.pos = off;
        this.limit = off + len;
    }

    /** Bytes left before the limit. */
    public int remaining() {
        return limit - pos;
    }

    /** The absolute position in the underlying array (for callers that keep raw encodings). */
    public int position() {
        return pos;
    }

    private void need(int n, String what) throws TlsAlert {
        if (n > limit - pos) {
            throw Alerts.decodeError("short read: " + what + " needs " + n + " bytes, " + (limit - pos)
                    + " left");
        }
    }

    /** uint8. */
    public int u8() throws TlsAlert {
        need(1, "uint8");
        return buf[pos++] & 0xff;
    }

    /** uint16, big-endian. */
    public int u16() throws TlsAlert {
        need(2, "uint16");
        int v = (buf[pos] & 0xff) << 8 | (buf[pos + 1] & 0xff);
        pos += 2;
        return v;
    }

    /** uint24, big-endian. */
    public int u24() throws TlsAlert {
        need(3, "uint24");
        int v = (buf[pos] & 0xff) << 16 | (buf[pos + 1] & 0xff) << 8 | (buf[pos + 2] & 0xff);
        pos += 3;
        return v;
    }

    /** uint32, big-endian, as a non-negative long. */
    public long u32() throws TlsAlert {
        need(4, "uint32");
        long v = (long) (buf[pos] & 0xff) << 24 | (buf[pos + 1] & 0xff) << 16
                | (buf[pos + 2] & 0xff) << 8 | (buf[pos + 3] & 0xff);
        pos += 4;
        return v;
    }

    /** A fixed-length field of {@code n} bytes, copied. */
    public byte[] bytes(int n) throws TlsAlert {
        if (n < 0) {
            throw new IllegalArgumentException("negative length " + n);
        }
        need(n, n + "-byte field");
        byte[] out = new byte[n];
        System.arraycopy(buf, pos, out, 0, n);
        pos += n;
        return out;
    }

    /** {@code opaque x<0..2^8-1>}: a one-byte length, then that many bytes. */
    public byte[] opaque8() throws TlsAlert {
        return bytes(u8());
    }

    /** {@code opaque x<0..2^16-1>}: a two-byte length, then that many bytes. */
    public byte[] opaque16() throws TlsAlert {
        return bytes(u16());
    }

    /** {@code opaque x<0..2^24-1>}: a three-byte length, then that many bytes. */
    public byte[] opaque24() throws TlsAlert {
        return bytes(u24());
    }

    /**
     * A vector with a one-byte length whose length must lie in {@code [min, max]} (the RFC's
     * {@code <min..max>}); decode_error otherwise.
     */
    public byte[] opaque8(String what, int min, int max) throws TlsAlert {
        return bounded(opaque8(), what, min, max);
    }

    /** As {@link #opaque8(String, int, int)} with a two-byte length. */
    public byte[] opaque16(String what, int min, int max) throws TlsAlert {
        return bounded(opaque16(), what, min, max);
    }

    /** As {@link #opaque8(String, int, int)} with a three-byte length. */
    public byte[] opaque24(String what, int min, int max) throws TlsAlert {
        return bounded(opaque24(), what, min, max);
    }

    private static byte[] bounded(byte[] v, String what, int min, int max) throws TlsAlert {
        if (v.length < min || v.length > max) {
            throw Alerts.decodeError(what + " has length " + v.length + ", allowed " + min + ".." + max);
        }
        return v;
    }

    /** A child reader over the next {@code n} bytes; this reader skips past them. */
    public TlsReader sub(int n) throws TlsAlert {
        need(n, n + "-byte vector");
        TlsReader child = new TlsReader(buf, pos, n);
        pos += n;
        return child;
    }

    /** A child reader over a vector with a one-byte length prefix. */
    public TlsReader sub8() throws TlsAlert {
        return sub(u8());
    }

    /** A child reader over a vector with a two-byte length prefix. */
    public TlsReader sub16() throws TlsAlert {
        return sub(u16());
    }

    /** A child reader over a vector with a three-byte length prefix. */
    public TlsReader sub24() throws TlsAlert {
        return sub(u24());
    }

    /** Fails with decode_error unless every byte has been read ("trailing data"). */
    public void expectEnd() throws TlsAlert {
        if (pos != limit) {
            throw Alerts.decodeError((limit - pos) + " unexpected trailing bytes");
        }
    }

    /** Fails with decode_error when the vector read so far was empty: for {@code <1..>}-style bounds. */
    public TlsReader nonEmpty(String what) throws TlsAlert {
        if (pos == limit) {
            throw Alerts.decodeError(what + " must not be empty");
        }
        return this;
    }

    /** True when nothing is left. */
    public boolean atEnd() {
        return pos == limit;
    }
}
