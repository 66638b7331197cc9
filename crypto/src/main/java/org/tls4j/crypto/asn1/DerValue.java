package org.tls4j.crypto.asn1;

import java.util.Arrays;

/**
 * One DER element (tag, length, content) inside a larger input, referenced by offsets: reading it
 * allocates nothing. Copies ({@link #content()}, {@link #encoded()}) are never larger than the input.
 */
public final class DerValue {
    private final byte[] buf;
    private final int tag;
    private final int start;
    private final int contentOffset;
    private final int contentLength;
    private final int depth;

    DerValue(byte[] buf, int tag, int start, int contentOffset, int contentLength, int depth) {
        this.buf = buf;
        this.tag = tag;
        this.start = start;
        this.contentOffset = contentOffset;
        this.contentLength = contentLength;
        this.depth = depth;
    }

    /** The identifier octet (see {@link Tag}). */
    public int tag() {
        return tag;
    }

    public int contentLength() {
        return contentLength;
    }

    /** A copy of the content octets. */
    public byte[] content() {
        return Arrays.copyOfRange(buf, contentOffset, contentOffset + contentLength);
    }

    /** A copy of the whole element: identifier, length and content octets. */
    public byte[] encoded() {
        return Arrays.copyOfRange(buf, start, contentOffset + contentLength);
    }

    /** A reader over the content octets, one nesting level deeper. */
    public DerReader reader() throws DerException {
        return new DerReader(buf, contentOffset, contentOffset + contentLength, depth + 1);
    }

    byte byteAt(int i) {
        return buf[contentOffset + i];
    }
}
