package org.tls4j.crypto.asn1;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;

/**
 * A strict, bounded reader of DER (ITU-T X.690, Section 10) over a byte array.
 *
 * <p>Strict: definite lengths only, in their shortest form (X.690, 10.1); minimal INTEGER encodings
 * (8.3.2); BOOLEAN only 0x00 or 0xFF (11.1); BIT STRING unused bits zero (11.2.1); exact tags, so a
 * wrong class, a constructed form of a primitive type or a high tag number are all rejected; and
 * {@link #expectEnd()} lets every parser refuse trailing bytes.
 *
 * <p>Bounded: a length is checked against the bytes actually present before anything is read, so a
 * hostile length never causes an allocation larger than the input; nesting deeper than
 * {@link #MAX_DEPTH} is refused. Every failure is a {@link DerException}, never an unchecked exception.
 *
 * <p>constant-time: no. It branches on tags and lengths, and validates values (INTEGER minimality reads
 * the first octets). It also reads private keys ({@code pem.PrivateKeyData}), whose structure and lengths
 * follow from the public key size; key bytes themselves are only copied.
 */
public final class DerReader {
    /** The deepest nesting accepted; X.509 certificates need about ten levels. */
    public static final int MAX_DEPTH = 32;

    private static final Charset UTF_8 = Charset.forName("UTF-8");
    private static final Charset UTF_16BE = Charset.forName("UTF-16BE");

    private final byte[] buf;
    private final int limit;
    private final int depth;
    private int pos;

    DerReader(byte[] buf, int off, int limit, int depth) throws DerException {
        if (depth > MAX_DEPTH) {
            throw new DerException("DER: nesting deeper than " + MAX_DEPTH + " levels");
        }
        this.buf = buf;
        this.pos = off;
        this.limit = limit;
        this.depth = depth;
    }

    /** A reader over all of {@code der} (not copied: do not modify it while reading). */
    public static DerReader of(byte[] der) {
        return of(der, 0, der.length);
    }

    public static DerReader of(byte[] der, int off, int len) {
        if (off < 0 || len < 0 || off > der.length - len) {
            throw new IndexOutOfBoundsException("off=" + off + " len=" + len + " length=" + der.length);
        }
        try {
            return new DerReader(der, off, off + len, 0);
        } catch (DerException e) {
            throw new AssertionError(e);
        }
    }

    /** Parses {@code der} as exactly one element of type {@code tag} with nothing after it. */
    public static DerValue single(byte[] der, int tag) throws DerException {
        DerReader r = of(der);
        DerValue v = r.next(tag);
        r.expectEnd();
        return v;
    }

    public boolean hasMore() {
        return pos < limit;
    }

    /** The identifier octet of the next element, or -1 at the end. */
    public int peekTag() {
        return pos < limit ? buf[pos] & 0xff : -1;
    }

    public boolean peek(int tag) {
        return peekTag() == tag;
    }

    /** Fails unless every byte has been consumed (no trailing data). */
    public void expectEnd() throws DerException {
        if (pos != limit) {
            throw new DerException("DER: " + (limit - pos) + " unexpected trailing bytes");
        }
    }

    /** Reads the next element of any tag. */
    public DerValue next() throws DerException {
        if (pos >= limit) {
            throw new DerException("DER: element expected, end of input");
        }
        int start = pos;
        int tag = buf[pos] & 0xff;
        if ((tag & 0x1f) == 0x1f) {
            throw new DerException("DER: high tag numbers are not used here (identifier 0x" + Integer.toHexString(tag) + ")");
        }
        if (tag == 0) {
            throw new DerException("DER: end-of-contents octets (indefinite length) are not DER");
        }
        int p = pos + 1;
        if (p >= limit) {
            throw new DerException("DER: truncated length");
        }
        int first = buf[p++] & 0xff;
        long len;
        if (first < 0x80) {
            len = first;
        } else if (first == 0x80) {
            throw new DerException("DER: indefinite length (X.690, 10.1)");
        } else {
            int n = first & 0x7f;
            if (n > 4) {
                throw new DerException("DER: length of " + n + " octets is larger than any input");
            }
            if (limit - p < n) {
                throw new DerException("DER: truncated length");
            }
            if (buf[p] == 0) {
                throw new DerException("DER: length with a leading zero octet (not minimal)");
            }
            len = 0;
            for (int i = 0; i < n; i++) {
                len = (len << 8) | (buf[p++] & 0xff);
            }
            if (len < 0x80) {
                throw new DerException("DER: long-form length below 128 (not minimal)");
            }
        }
        if (len > limit - p) {
            throw new DerException("DER: length " + len + " exceeds the " + (limit - p) + " bytes present");
        }
        pos = p + (int) len;
        return new DerValue(buf, tag, start, p, (int) len, depth);
    }

    /** Reads the next element, which must have exactly the identifier octet {@code tag}. */
    public DerValue next(int tag) throws DerException {
        int t = peekTag();
        if (t != tag) {
            throw new DerException("DER: expected tag 0x" + Integer.toHexString(tag) + ", found "
                    + (t < 0 ? "end of input" : "0x" + Integer.toHexString(t)));
        }
        return next();
    }

    /** The next element if it has tag {@code tag}, else null (for OPTIONAL and DEFAULT fields). */
    public DerValue optional(int tag) throws DerException {
        return peek(tag) ? next() : null;
    }

    public DerReader sequence() throws DerException {
        return next(Tag.SEQUENCE).reader();
    }

    public DerReader set() throws DerException {
        return next(Tag.SET).reader();
    }

    /** The contents of an EXPLICIT {@code [n]} wrapper. */
    public DerReader explicit(int n) throws DerException {
        return next(Tag.contextConstructed(n)).reader();
    }

    /** INTEGER as a BigInteger (only for public values: serial numbers, RSA public keys). */
    public BigInteger integer() throws DerException {
        return new BigInteger(integerContent(next(Tag.INTEGER)));
    }

    /** A non-negative INTEGER no larger than {@code max}. */
    public int smallInt(int max) throws DerException {
        byte[] c = integerContent(next(Tag.INTEGER));
        if (c[0] < 0) {
            throw new DerException("DER: negative INTEGER where a count was expected");
        }
        if (c.length > 4) {
            throw new DerException("DER: INTEGER too large (max " + max + ")");
        }
        long v = 0;
        for (byte b : c) {
            v = (v << 8) | (b & 0xff);
        }
        if (v > max) {
            throw new DerException("DER: INTEGER " + v + " larger than " + max);
        }
        return (int) v;
    }

    /**
     * A positive INTEGER as big-endian magnitude bytes without the sign octet (for key components,
     * which must not pass through BigInteger when private).
     */
    public byte[] unsignedInteger() throws DerException {
        byte[] c = integerContent(next(Tag.INTEGER));
        if (c[0] < 0) {
            throw new DerException("DER: negative INTEGER where a positive one was expected");
        }
        if (c[0] == 0 && c.length > 1) {
            return java.util.Arrays.copyOfRange(c, 1, c.length);
        }
        return c;
    }

    /** Checks the minimal two's-complement encoding of X.690, Section 8.3.2. */
    static byte[] integerContent(DerValue v) throws DerException {
        int n = v.contentLength();
        if (n == 0) {
            throw new DerException("DER: empty INTEGER");
        }
        if (n > 1) {
            int a = v.byteAt(0) & 0xff;
            int b = v.byteAt(1) & 0x80;
            if ((a == 0 && b == 0) || (a == 0xff && b != 0)) {
                throw new DerException("DER: INTEGER not in its minimal encoding");
            }
        }
        return v.content();
    }

    public boolean bool() throws DerException {
        DerValue v = next(Tag.BOOLEAN);
        if (v.contentLength() != 1) {
            throw new DerException("DER: BOOLEAN must have one content octet");
        }
        int b = v.byteAt(0) & 0xff;
        if (b != 0 && b != 0xff) {
            throw new DerException("DER: BOOLEAN must be 0x00 or 0xFF (X.690, 11.1)");
        }
        return b == 0xff;
    }

    public void nul() throws DerException {
        if (next(Tag.NULL).contentLength() != 0) {
            throw new DerException("DER: NULL with content");
        }
    }

    public Oid oid() throws DerException {
        return Oid.fromContent(next(Tag.OID).content());
    }

    public byte[] octetString() throws DerException {
        return next(Tag.OCTET_STRING).content();
    }

    /** A BIT STRING with its unused-bit count (X.690, 8.6); unused bits must be zero (11.2.1). */
    public BitString bitString() throws DerException {
        return bitString(next(Tag.BIT_STRING));
    }

    static BitString bitString(DerValue v) throws DerException {
        int n = v.contentLength();
        if (n == 0) {
            throw new DerException("DER: BIT STRING without the unused-bits octet");
        }
        int unused = v.byteAt(0) & 0xff;
        if (unused > 7 || (n == 1 && unused != 0)) {
            throw new DerException("DER: bad BIT STRING unused-bit count " + unused);
        }
        if (n > 1 && (v.byteAt(n - 1) & ((1 << unused) - 1)) != 0) {
            throw new DerException("DER: BIT STRING unused bits are not zero");
        }
        byte[] c = v.content();
        return new BitString(java.util.Arrays.copyOfRange(c, 1, c.length), unused);
    }

    /** A BIT STRING holding whole octets (keys, signatures). */
    public byte[] bitStringOctets() throws DerException {
        BitString b = bitString();
        if (b.unusedBits() != 0) {
            throw new DerException("DER: BIT STRING must hold whole octets here");
        }
        return b.bytes();
    }

    /** UTCTime or GeneralizedTime as seconds since 1970-01-01T00:00:00Z, under the rules of RFC 5280, Section 4.1.2.5. */
    public long time() throws DerException {
        int t = peekTag();
        if (t == Tag.UTC_TIME) {
            return Asn1Time.parseUtcTime(next().content());
        }
        if (t == Tag.GENERALIZED_TIME) {
            return Asn1Time.parseGeneralizedTime(next().content());
        }
        throw new DerException("DER: expected UTCTime or GeneralizedTime");
    }

    /** Any of the ASN.1 character string types X.509 names use, decoded strictly. */
    public String string() throws DerException {
        return decodeString(next());
    }

    /** Decodes a character string element, checking its character set. */
    public static String decodeString(DerValue v) throws DerException {
        byte[] c = v.content();
        switch (v.tag()) {
            case Tag.UTF8_STRING:
                return decode(c, UTF_8, "UTF8String");
            case Tag.PRINTABLE_STRING:
                for (byte b : c) {
                    if (!isPrintable(b)) {
                        throw new DerException("DER: character 0x" + Integer.toHexString(b & 0xff) + " not allowed in PrintableString");
                    }
                }
                return ascii(c);
            case Tag.IA5_STRING:
                for (byte b : c) {
                    if (b < 0) {
                        throw new DerException("DER: non-ASCII octet in IA5String");
                    }
                }
                return ascii(c);
            case Tag.VISIBLE_STRING:
                for (byte b : c) {
                    if (b < 0x20 || b > 0x7e) {
                        throw new DerException("DER: character not allowed in VisibleString");
                    }
                }
                return ascii(c);
            case Tag.T61_STRING:
                // TeletexString: historically ISO 8859-1 in practice (RFC 5280, Section 4.1.2.4 discourages it).
                char[] l = new char[c.length];
                for (int i = 0; i < c.length; i++) {
                    l[i] = (char) (c[i] & 0xff);
                }
                return new String(l);
            case Tag.BMP_STRING:
                if ((c.length & 1) != 0) {
                    throw new DerException("DER: BMPString of odd length");
                }
                return decode(c, UTF_16BE, "BMPString");
            case Tag.UNIVERSAL_STRING: {
                if ((c.length & 3) != 0) {
                    throw new DerException("DER: UniversalString length not a multiple of 4");
                }
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < c.length; i += 4) {
                    int cp = ((c[i] & 0xff) << 24) | ((c[i + 1] & 0xff) << 16) | ((c[i + 2] & 0xff) << 8) | (c[i + 3] & 0xff);
                    if (cp < 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
                        throw new DerException("DER: invalid code point in UniversalString");
                    }
                    sb.appendCodePoint(cp);
                }
                return sb.toString();
            }
            default:
                throw new DerException("DER: tag 0x" + Integer.toHexString(v.tag()) + " is not a character string");
        }
    }

    /** The PrintableString character set (X.680, Section 41.4). */
    static boolean isPrintable(byte b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
                || " '()+,-./:=?".indexOf(b) >= 0;
    }

    private static String ascii(byte[] c) {
        char[] a = new char[c.length];
        for (int i = 0; i < c.length; i++) {
            a[i] = (char) c[i];
        }
        return new String(a);
    }

    private static String decode(byte[] c, Charset cs, String what) throws DerException {
        try {
            return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(c)).toString();
        } catch (CharacterCodingException e) {
            throw new DerException("DER: malformed " + what, e);
        }
    }
}
