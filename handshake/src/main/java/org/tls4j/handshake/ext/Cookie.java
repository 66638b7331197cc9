package org.tls4j.handshake.ext;

import java.util.Arrays;

import org.tls4j.handshake.Bytes;
import org.tls4j.handshake.ExtensionType;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.TlsWriter;
import org.tls4j.record.TlsAlert;

/**
 * cookie (RFC 8446, Section 4.2.2), sent by the server in HelloRetryRequest and echoed by the client
 * in its second ClientHello:
 *
 * <pre>
 * struct {
 *     opaque cookie&lt;1..2^16-1&gt;;
 * } Cookie;
 * </pre>
 */
public final class Cookie implements Extension {
    private final byte[] cookie;

    public Cookie(byte[] cookie) {
        if (cookie.length == 0 || cookie.length > 0xffff) {
            throw new IllegalArgumentException("cookie must be 1..2^16-1 bytes");
        }
        this.cookie = cookie.clone();
    }

    /** Parses {@code extension_data}. */
    public static Cookie read(TlsReader r) throws TlsAlert {
        byte[] c = r.opaque16("cookie", 1, 0xffff);
        r.expectEnd();
        return new Cookie(c);
    }

    /** A copy of the cookie bytes. */
    public byte[] cookie() {
        return cookie.clone();
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.COOKIE;
    }

    @Override
    public void writeData(TlsWriter w) {
        w.opaque16(cookie);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cookie && Arrays.equals(((Cookie) o).cookie, cookie);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(cookie);
    }

    @Override
    public String toString() {
        return "cookie(" + Bytes.hex(cookie) + ")";
    }
}
