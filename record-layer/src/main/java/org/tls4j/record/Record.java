package org.tls4j.record;

/**
 * A view of one record: its content type, the version from its header, and its fragment as a range of
 * an array the record layer owns (or the caller supplied). Mutable and reused, so that reading a record
 * allocates nothing: {@link Deframer#next} fills it, {@link RecordProtection#open} replaces the
 * protected fragment by the plaintext in place.
 *
 * <p>The range stays valid until the next call into the {@link Deframer} that produced it. Callers who
 * keep the bytes copy them ({@link #copy()}).
 */
public final class Record {
    private int type;
    private int version;
    private byte[] array;
    private int offset;
    private int length;
    private boolean ssl2;

    /** An empty view, to be filled by {@link Deframer#next} or {@link #set}. */
    public Record() {}

    /** Points this view at {@code array[offset .. offset+length)} with the given header fields. */
    public Record set(int type, int version, byte[] array, int offset, int length) {
        if (offset < 0 || length < 0 || offset > array.length - length) {
            throw new IllegalArgumentException("range outside the array");
        }
        this.type = type;
        this.version = version;
        this.array = array;
        this.offset = offset;
        this.length = length;
        this.ssl2 = false;
        return this;
    }

    void setSsl2(boolean ssl2) {
        this.ssl2 = ssl2;
    }

    /** Replaces the fragment range and the type after decryption (both within the same array). */
    void setPlaintext(int type, int offset, int length) {
        this.type = type;
        this.offset = offset;
        this.length = length;
    }

    /** The content type code (for TLS 1.3 protected records, the inner type once opened). */
    public int typeCode() {
        return type;
    }

    public ContentType type() {
        return ContentType.of(type);
    }

    /** The version field of the record header (TLS 1.3 records carry 0x0303). */
    public int versionCode() {
        return version;
    }

    public ProtocolVersion version() {
        return ProtocolVersion.of(version);
    }

    public byte[] array() {
        return array;
    }

    public int offset() {
        return offset;
    }

    public int length() {
        return length;
    }

    /**
     * True when this record arrived in the SSL 2.0 record format (an SSL 2.0-compatible ClientHello,
     * RFC 5246, Appendix E.2); the fragment is then the SSL 2.0 message, starting with its type byte.
     */
    public boolean isSsl2() {
        return ssl2;
    }

    /** A copy of the fragment. */
    public byte[] copy() {
        byte[] b = new byte[length];
        System.arraycopy(array, offset, b, 0, length);
        return b;
    }

    @Override
    public String toString() {
        return (ssl2 ? "SSLv2 " : "") + type() + " " + version() + " length " + length;
    }
}
