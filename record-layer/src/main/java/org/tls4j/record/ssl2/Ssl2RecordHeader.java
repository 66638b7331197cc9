package org.tls4j.record.ssl2;

/**
 * The SSL 2.0 record header (SSL 2.0 specification, "Record Header"; RFC 5246, Appendix E.2 for the
 * SSL 2.0-compatible ClientHello).
 *
 * <p>Two forms, told apart by the top bit of the first byte:
 * <pre>
 *   2-byte header (no padding):     1 | length[14..8] , length[7..0]             max length 32767
 *   3-byte header (with padding):   0 | escape | length[13..8] , length[7..0] , padding   max length 16383
 * </pre>
 * The record length counts the MAC, the data and the padding, not the header. In the 3-byte form the
 * second-highest bit is the "security escape" flag, which no implementation ever defined a use for.
 *
 * <p>This class parses and writes headers only; SSL 2.0 record encryption belongs to the SSL 2.0 issue.
 * SSL 2.0 is broken (DROWN, no handshake integrity, export ciphers) and tls4j keeps it off by default.
 */
public final class Ssl2RecordHeader {
    /** The largest record length the 2-byte form can carry. */
    public static final int MAX_LENGTH_2 = 0x7fff;
    /** The largest record length the 3-byte form can carry. */
    public static final int MAX_LENGTH_3 = 0x3fff;
    /** SSL 2.0 message type of CLIENT-HELLO. */
    public static final int MSG_CLIENT_HELLO = 1;

    /** 2 or 3. */
    public final int headerLength;
    /** Length of the record body (MAC, data and padding) after the header. */
    public final int recordLength;
    /** Padding bytes at the end of the body (3-byte form; 0 for the 2-byte form). */
    public final int padding;
    /** The security escape bit of the 3-byte form. */
    public final boolean escape;

    private Ssl2RecordHeader(int headerLength, int recordLength, int padding, boolean escape) {
        this.headerLength = headerLength;
        this.recordLength = recordLength;
        this.padding = padding;
        this.escape = escape;
    }

    /** The header length implied by the first byte: 2 when its top bit is set, else 3. */
    public static int headerLength(byte first) {
        return (first & 0x80) != 0 ? 2 : 3;
    }

    /**
     * Parses the header at {@code b[off]} from {@code avail} available bytes.
     *
     * @return the header, or {@code null} when fewer bytes than the header are available
     */
    public static Ssl2RecordHeader read(byte[] b, int off, int avail) {
        if (avail < 1) {
            return null;
        }
        int b0 = b[off] & 0xff;
        if ((b0 & 0x80) != 0) {
            if (avail < 2) {
                return null;
            }
            return new Ssl2RecordHeader(2, ((b0 & 0x7f) << 8) | (b[off + 1] & 0xff), 0, false);
        }
        if (avail < 3) {
            return null;
        }
        return new Ssl2RecordHeader(3, ((b0 & 0x3f) << 8) | (b[off + 1] & 0xff), b[off + 2] & 0xff,
                (b0 & 0x40) != 0);
    }

    /** Writes a 2-byte header (no padding) at {@code off}; returns 2. */
    public static int write2(byte[] out, int off, int recordLength) {
        if (recordLength < 0 || recordLength > MAX_LENGTH_2) {
            throw new IllegalArgumentException("SSL 2.0 2-byte header length out of range: " + recordLength);
        }
        out[off] = (byte) (0x80 | (recordLength >>> 8));
        out[off + 1] = (byte) recordLength;
        return 2;
    }

    /** Writes a 3-byte header at {@code off}; returns 3. */
    public static int write3(byte[] out, int off, int recordLength, int padding, boolean escape) {
        if (recordLength < 0 || recordLength > MAX_LENGTH_3) {
            throw new IllegalArgumentException("SSL 2.0 3-byte header length out of range: " + recordLength);
        }
        if (padding < 0 || padding > 0xff || padding > recordLength) {
            throw new IllegalArgumentException("SSL 2.0 padding out of range: " + padding);
        }
        out[off] = (byte) ((escape ? 0x40 : 0) | (recordLength >>> 8));
        out[off + 1] = (byte) recordLength;
        out[off + 2] = (byte) padding;
        return 3;
    }

    @Override
    public String toString() {
        return "SSLv2 header (" + headerLength + " bytes) length " + recordLength + " padding " + padding
                + (escape ? " escape" : "");
    }
}
