package org.tls4j.handshake.tls12.ext;

import java.util.Arrays;

import org.tls4j.handshake.Bytes;
import org.tls4j.handshake.ExtensionType;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.TlsWriter;
import org.tls4j.handshake.ext.Extension;
import org.tls4j.record.TlsAlert;

/**
 * ec_point_formats (RFC 8422, Section 5.1.2), in ClientHello and ServerHello:
 *
 * <pre>
 * enum { uncompressed (0), deprecated (1..2), reserved (248..255) } ECPointFormat;
 * struct {
 *     ECPointFormat ec_point_format_list&lt;1..2^8-1&gt;;
 * } ECPointFormatList;
 * </pre>
 *
 * RFC 8422 allows only uncompressed points; whether the list contains it ({@link #hasUncompressed()})
 * is checked by the state machine ("If the ec_point_formats extension is present, [it] MUST contain
 * the value 0 (uncompressed)", with illegal_parameter otherwise, Section 5.1.2).
 */
public final class EcPointFormats implements Extension {
    /** ECPointFormat uncompressed. */
    public static final int UNCOMPRESSED = 0;
    /** The list tls4j sends: uncompressed only. */
    public static final EcPointFormats UNCOMPRESSED_ONLY = new EcPointFormats(new byte[] {UNCOMPRESSED});

    private final byte[] formats;

    public EcPointFormats(byte[] formats) {
        if (formats.length < 1 || formats.length > 0xff) {
            throw new IllegalArgumentException("ec_point_format_list must have 1..255 entries");
        }
        this.formats = formats.clone();
    }

    /** Parses {@code extension_data}. */
    public static EcPointFormats read(TlsReader r) throws TlsAlert {
        byte[] f = r.opaque8("ec_point_format_list", 1, 0xff);
        r.expectEnd();
        return new EcPointFormats(f);
    }

    /** A copy of the list. */
    public byte[] formats() {
        return formats.clone();
    }

    /** True when the list contains uncompressed (0). */
    public boolean hasUncompressed() {
        for (byte b : formats) {
            if (b == UNCOMPRESSED) {
                return true;
            }
        }
        return false;
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.EC_POINT_FORMATS;
    }

    @Override
    public void writeData(TlsWriter w) {
        w.opaque8(formats);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EcPointFormats && Arrays.equals(((EcPointFormats) o).formats, formats);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(formats);
    }

    @Override
    public String toString() {
        return "ec_point_formats(" + Bytes.hex(formats) + ")";
    }
}
