package org.tls4j.crypto.asn1;

import java.math.BigInteger;
import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * Writes DER. Constructed elements nest by back-patching: {@code w.begin(Tag.SEQUENCE); ...; w.end();}
 * writes the content first and inserts the minimal length octets when the element is closed, so no
 * length is ever computed by hand.
 *
 * <p>Private keys are written with this class too (PKCS#1, SEC1, PKCS#8), so it leaves no copies
 * behind: when the buffer grows, the old one is zeroed before it is dropped, and
 * {@link #toByteArrayAndWipe()} hands out the encoding and zeroes the writer's own buffer.
 */
public final class DerWriter {
    private byte[] buf = new byte[256];
    private int len;
    private int[] open = new int[8];
    private int depth;

    /** Opens a constructed element with identifier {@code tag}. */
    public DerWriter begin(int tag) {
        if ((tag & Tag.CONSTRUCTED) == 0) {
            throw new IllegalArgumentException("begin() needs a constructed tag, got 0x" + Integer.toHexString(tag));
        }
        ensure(1);
        buf[len++] = (byte) tag;
        if (depth == open.length) {
            open = Arrays.copyOf(open, depth * 2);
        }
        open[depth++] = len;
        return this;
    }

    /** Closes the innermost open element, inserting its length. */
    public DerWriter end() {
        if (depth == 0) {
            throw new IllegalStateException("end() without begin()");
        }
        int contentStart = open[--depth];
        int n = len - contentStart;
        byte[] l = lengthOctets(n);
        ensure(l.length);
        System.arraycopy(buf, contentStart, buf, contentStart + l.length, n);
        System.arraycopy(l, 0, buf, contentStart, l.length);
        len += l.length;
        return this;
    }

    public DerWriter sequence() {
        return begin(Tag.SEQUENCE);
    }

    /** A primitive element with the given content. */
    public DerWriter primitive(int tag, byte[] content) {
        return primitive(tag, content, 0, content.length);
    }

    public DerWriter primitive(int tag, byte[] content, int off, int n) {
        byte[] l = lengthOctets(n);
        ensure(1 + l.length + n);
        buf[len++] = (byte) tag;
        System.arraycopy(l, 0, buf, len, l.length);
        len += l.length;
        System.arraycopy(content, off, buf, len, n);
        len += n;
        return this;
    }

    /** Already-encoded DER, copied as is. */
    public DerWriter raw(byte[] der) {
        ensure(der.length);
        System.arraycopy(der, 0, buf, len, der.length);
        len += der.length;
        return this;
    }

    public DerWriter integer(BigInteger v) {
        return primitive(Tag.INTEGER, v.toByteArray());
    }

    public DerWriter integer(long v) {
        return integer(BigInteger.valueOf(v));
    }

    /** A non-negative INTEGER from big-endian magnitude bytes (leading zeros removed, sign octet added). */
    public DerWriter unsignedInteger(byte[] magnitude) {
        int i = 0;
        while (i < magnitude.length - 1 && magnitude[i] == 0) {
            i++;
        }
        boolean pad = magnitude.length == 0 || (magnitude[i] & 0x80) != 0;
        byte[] c = new byte[magnitude.length - i + (pad ? 1 : 0)];
        System.arraycopy(magnitude, i, c, pad ? 1 : 0, magnitude.length - i);
        primitive(Tag.INTEGER, c);
        Arrays.fill(c, (byte) 0); // private-key components pass through here
        return this;
    }

    public DerWriter bool(boolean b) {
        return primitive(Tag.BOOLEAN, new byte[] {b ? (byte) 0xff : 0});
    }

    public DerWriter nul() {
        return primitive(Tag.NULL, new byte[0]);
    }

    public DerWriter oid(Oid oid) {
        byte[] c = new byte[oid.contentLength()];
        oid.copyContent(c, 0);
        return primitive(Tag.OID, c);
    }

    public DerWriter octetString(byte[] b) {
        return primitive(Tag.OCTET_STRING, b);
    }

    public DerWriter bitString(byte[] octets) {
        return bitString(new BitString(octets, 0));
    }

    public DerWriter bitString(BitString b) {
        byte[] o = b.bytes();
        byte[] c = new byte[o.length + 1];
        c[0] = (byte) b.unusedBits();
        System.arraycopy(o, 0, c, 1, o.length);
        return primitive(Tag.BIT_STRING, c);
    }

    /** A character string of the given tag (UTF8String, PrintableString, IA5String). */
    public DerWriter string(int tag, String s) {
        Charset cs = Charset.forName(tag == Tag.UTF8_STRING ? "UTF-8" : tag == Tag.BMP_STRING ? "UTF-16BE" : "US-ASCII");
        return primitive(tag, s.getBytes(cs));
    }

    /**
     * A certificate time: UTCTime for years 1950-2049, GeneralizedTime otherwise, as RFC 5280,
     * Section 4.1.2.5 requires.
     */
    public DerWriter time(long epochSeconds) {
        String g = Asn1Time.formatGeneralized(epochSeconds);
        int year = Integer.parseInt(g.substring(0, 4));
        if (year >= 1950 && year <= 2049) {
            return string(Tag.UTC_TIME, g.substring(2));
        }
        return string(Tag.GENERALIZED_TIME, g);
    }

    /** The encoding written so far; every element must be closed. */
    public byte[] toByteArray() {
        if (depth != 0) {
            throw new IllegalStateException(depth + " element(s) still open");
        }
        return Arrays.copyOf(buf, len);
    }

    /**
     * The encoding written so far, like {@link #toByteArray()}, then zeroes this writer's buffer and
     * empties it: for encodings that hold secrets. The caller owns (and zeroes) the returned array.
     */
    public byte[] toByteArrayAndWipe() {
        byte[] out = toByteArray();
        Arrays.fill(buf, (byte) 0);
        len = 0;
        return out;
    }

    static byte[] lengthOctets(int n) {
        if (n < 0x80) {
            return new byte[] {(byte) n};
        }
        int bytes = n > 0xffffff ? 4 : n > 0xffff ? 3 : n > 0xff ? 2 : 1;
        byte[] l = new byte[bytes + 1];
        l[0] = (byte) (0x80 | bytes);
        for (int i = 0; i < bytes; i++) {
            l[bytes - i] = (byte) (n >>> (8 * i));
        }
        return l;
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) {
            byte[] old = buf;
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
            Arrays.fill(old, (byte) 0); // it may hold key material (class comment)
        }
    }
}
