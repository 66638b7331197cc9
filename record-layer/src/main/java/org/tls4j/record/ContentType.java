package org.tls4j.record;

/**
 * The record content type (RFC 8446, Section 5.1; RFC 5246, Section 6.2.1; RFC 6101, Section 5.2.1).
 *
 * <pre>
 *   enum { invalid(0), change_cipher_spec(20), alert(21), handshake(22), application_data(23), (255) } ContentType;
 * </pre>
 *
 * A wire enum: a value type around the {@code uint8} code, so an unknown type read off the wire is kept
 * and printed in hex rather than lost.
 */
public final class ContentType {
    public static final ContentType INVALID = new ContentType(0, "invalid");
    public static final ContentType CHANGE_CIPHER_SPEC = new ContentType(20, "change_cipher_spec");
    public static final ContentType ALERT = new ContentType(21, "alert");
    public static final ContentType HANDSHAKE = new ContentType(22, "handshake");
    public static final ContentType APPLICATION_DATA = new ContentType(23, "application_data");
    /** RFC 6520; tls4j never sends it and rejects it on receipt. */
    public static final ContentType HEARTBEAT = new ContentType(24, "heartbeat");

    private static final ContentType[] KNOWN = {INVALID, CHANGE_CIPHER_SPEC, ALERT, HANDSHAKE, APPLICATION_DATA, HEARTBEAT};

    /** The uint8 code on the wire. */
    public final int code;
    private final String name;

    private ContentType(int code, String name) {
        this.code = code;
        this.name = name;
    }

    /** The type for a wire code (0..255): a named constant when known, a new value otherwise. */
    public static ContentType of(int code) {
        if (code < 0 || code > 0xff) {
            throw new IllegalArgumentException("content type out of uint8 range: " + code);
        }
        for (ContentType t : KNOWN) {
            if (t.code == code) {
                return t;
            }
        }
        return new ContentType(code, null);
    }

    /** True for the four types TLS 1.0-1.3 records may carry (20..23). */
    public static boolean isRecordType(int code) {
        return code >= 20 && code <= 23;
    }

    /** True when this is one of the named constants. */
    public boolean isKnown() {
        return name != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContentType && ((ContentType) o).code == code;
    }

    @Override
    public int hashCode() {
        return code;
    }

    @Override
    public String toString() {
        return name != null ? name : String.format("unknown_content_type(0x%02x)", code);
    }
}
