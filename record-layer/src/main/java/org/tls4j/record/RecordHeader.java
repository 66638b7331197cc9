package org.tls4j.record;

/**
 * The 5-byte SSL 3.0/TLS record header and the record size limits (RFC 8446, Section 5.1; RFC 5246,
 * Section 6.2; RFC 6101, Section 5.2).
 *
 * <pre>
 *   struct {
 *       ContentType type;                  // 1 byte
 *       ProtocolVersion legacy_record_version;  // 2 bytes
 *       uint16 length;                     // of the fragment that follows
 *       opaque fragment[length];
 *   } TLSPlaintext / TLSCiphertext;
 * </pre>
 *
 * The static methods read and write headers in caller-supplied arrays and allocate nothing; the
 * instance form ({@link #read}) is a convenience for tracing and tests.
 */
public final class RecordHeader {
    /** The header length in bytes. */
    public static final int LENGTH = 5;
    /** Maximum plaintext fragment: 2^14 (RFC 8446, Section 5.1; RFC 5246, Section 6.2.1). */
    public static final int MAX_PLAINTEXT = 1 << 14;
    /**
     * Maximum TLSCiphertext fragment for SSL 3.0 to TLS 1.2: 2^14 + 2048 (RFC 5246, Section 6.2.3);
     * longer gives record_overflow.
     */
    public static final int MAX_CIPHERTEXT_TLS12 = (1 << 14) + 2048;
    /** Maximum TLSCiphertext fragment for TLS 1.3: 2^14 + 256 (RFC 8446, Section 5.2). */
    public static final int MAX_CIPHERTEXT_TLS13 = (1 << 14) + 256;
    /** The largest whole record any version may produce: header plus {@link #MAX_CIPHERTEXT_TLS12}. */
    public static final int MAX_RECORD = LENGTH + MAX_CIPHERTEXT_TLS12;

    public final ContentType type;
    public final ProtocolVersion version;
    public final int length;

    public RecordHeader(ContentType type, ProtocolVersion version, int length) {
        if (length < 0 || length > 0xffff) {
            throw new IllegalArgumentException("record length out of uint16 range: " + length);
        }
        this.type = type;
        this.version = version;
        this.length = length;
    }

    /** Parses the 5 header bytes at {@code off} (the caller has checked that 5 bytes are there). */
    public static RecordHeader read(byte[] b, int off) {
        return new RecordHeader(ContentType.of(type(b, off)), ProtocolVersion.of(version(b, off)), length(b, off));
    }

    /** Writes this header at {@code off}. */
    public void write(byte[] out, int off) {
        write(out, off, type.code, version.code, length);
    }

    /** The content type byte of the header at {@code off}. */
    public static int type(byte[] b, int off) {
        return b[off] & 0xff;
    }

    /** The version field of the header at {@code off}. */
    public static int version(byte[] b, int off) {
        return ((b[off + 1] & 0xff) << 8) | (b[off + 2] & 0xff);
    }

    /** The length field of the header at {@code off}. */
    public static int length(byte[] b, int off) {
        return ((b[off + 3] & 0xff) << 8) | (b[off + 4] & 0xff);
    }

    /** Writes a header at {@code off}. */
    public static void write(byte[] out, int off, int type, int version, int length) {
        out[off] = (byte) type;
        out[off + 1] = (byte) (version >>> 8);
        out[off + 2] = (byte) version;
        out[off + 3] = (byte) (length >>> 8);
        out[off + 4] = (byte) length;
    }

    @Override
    public String toString() {
        return type + " " + version + " length " + length;
    }
}
