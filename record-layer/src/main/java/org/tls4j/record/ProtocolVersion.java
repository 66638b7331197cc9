package org.tls4j.record;

/**
 * A protocol version as it appears on the wire: SSL 2.0 ({@code 0x0002}), SSL 3.0 ({@code 0x0300}),
 * TLS 1.0-1.3 ({@code 0x0301}-{@code 0x0304}; RFC 2246, 4346, 5246, 8446), and the two DTLS versions
 * whose codes appear in the CBC record test vectors.
 *
 * <p>A wire enum: a value type around the {@code uint16} code, so an unknown version round-trips and
 * prints in hex. TLS 1.3 records carry {@code 0x0303} in their header (RFC 8446, Section 5.1); the real
 * version is negotiated in the handshake.
 */
public final class ProtocolVersion implements Comparable<ProtocolVersion> {
    public static final ProtocolVersion SSL2 = new ProtocolVersion(0x0002, "SSLv2");
    public static final ProtocolVersion SSL3 = new ProtocolVersion(0x0300, "SSLv3");
    public static final ProtocolVersion TLS10 = new ProtocolVersion(0x0301, "TLSv1.0");
    public static final ProtocolVersion TLS11 = new ProtocolVersion(0x0302, "TLSv1.1");
    public static final ProtocolVersion TLS12 = new ProtocolVersion(0x0303, "TLSv1.2");
    public static final ProtocolVersion TLS13 = new ProtocolVersion(0x0304, "TLSv1.3");
    /** DTLS 1.0 (RFC 4347); not implemented, named so its code prints readably. */
    public static final ProtocolVersion DTLS10 = new ProtocolVersion(0xfeff, "DTLSv1.0");
    /** DTLS 1.2 (RFC 6347); not implemented, named so its code prints readably. */
    public static final ProtocolVersion DTLS12 = new ProtocolVersion(0xfefd, "DTLSv1.2");

    private static final ProtocolVersion[] KNOWN = {SSL2, SSL3, TLS10, TLS11, TLS12, TLS13, DTLS10, DTLS12};

    /** The uint16 code on the wire (major in the high byte). */
    public final int code;
    private final String name;

    private ProtocolVersion(int code, String name) {
        this.code = code;
        this.name = name;
    }

    /** The version for a wire code (0..65535). */
    public static ProtocolVersion of(int code) {
        if (code < 0 || code > 0xffff) {
            throw new IllegalArgumentException("protocol version out of uint16 range: " + code);
        }
        for (ProtocolVersion v : KNOWN) {
            if (v.code == code) {
                return v;
            }
        }
        return new ProtocolVersion(code, null);
    }

    /** The version for a (major, minor) pair. */
    public static ProtocolVersion of(int major, int minor) {
        if ((major & ~0xff) != 0 || (minor & ~0xff) != 0) {
            throw new IllegalArgumentException("version bytes out of range: " + major + "." + minor);
        }
        return of((major << 8) | minor);
    }

    public int major() {
        return code >>> 8;
    }

    public int minor() {
        return code & 0xff;
    }

    public boolean isKnown() {
        return name != null;
    }

    /** DTLS codes count down from 0xfeff; they are not ordered with TLS codes. */
    public boolean isDtls() {
        return major() == 0xfe;
    }

    /** True for SSL 3.0 and every TLS version (major byte 3), including ones newer than TLS 1.3. */
    public boolean isSsl3OrTls() {
        return major() == 3;
    }

    /** True when this SSL 3.0/TLS version is at least {@code other} (compares the codes). */
    public boolean atLeast(ProtocolVersion other) {
        return code >= other.code;
    }

    /** TLS 1.1 and later, and DTLS, carry an explicit CBC IV in each record (RFC 4346, Section 6.2.3.2). */
    public boolean hasExplicitCbcIv() {
        return isDtls() || (isSsl3OrTls() && code >= TLS11.code);
    }

    @Override
    public int compareTo(ProtocolVersion o) {
        return Integer.compare(code, o.code);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProtocolVersion && ((ProtocolVersion) o).code == code;
    }

    @Override
    public int hashCode() {
        return code;
    }

    @Override
    public String toString() {
        return name != null ? name : String.format("unknown_version(0x%04x)", code);
    }
}
