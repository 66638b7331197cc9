package org.tls4j.handshake.ext;

import org.tls4j.handshake.Alerts;
import org.tls4j.handshake.ExtensionType;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.TlsWriter;
import org.tls4j.record.TlsAlert;

/**
 * padding (RFC 7685, Section 3), in ClientHello only: {@code extension_data} is a run of zero bytes
 * that makes the ClientHello a chosen size (to work around servers that mishandle ClientHellos of
 * 256 to 511 bytes).
 *
 * <p>"The client MUST fill the padding extension completely with zero bytes." We keep only the
 * length, so a non-zero byte would not re-encode as received: it is refused with decode_error.
 */
public final class Padding implements Extension {
    /** Number of zero bytes. */
    public final int length;

    public Padding(int length) {
        if (length < 0 || length > 0xffff) {
            throw new IllegalArgumentException("padding length must be 0..65535");
        }
        this.length = length;
    }

    /** Parses {@code extension_data}. */
    public static Padding read(TlsReader r) throws TlsAlert {
        int n = r.remaining();
        int nonZero = 0;
        for (int i = 0; i < n; i++) {
            nonZero |= r.u8();
        }
        if (nonZero != 0) {
            throw Alerts.decodeError("padding extension holds non-zero bytes (RFC 7685, Section 3)");
        }
        return new Padding(n);
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.PADDING;
    }

    @Override
    public void writeData(TlsWriter w) {
        w.bytes(new byte[length]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Padding && ((Padding) o).length == length;
    }

    @Override
    public int hashCode() {
        return length;
    }

    @Override
    public String toString() {
        return "padding(" + length + ")";
    }
}
