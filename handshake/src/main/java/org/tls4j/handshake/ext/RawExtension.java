package org.tls4j.handshake.ext;

import java.util.Arrays;

import org.tls4j.handshake.Bytes;
import org.tls4j.handshake.ExtensionType;
import org.tls4j.handshake.TlsWriter;

/**
 * An extension this package does not parse, kept as (type, bytes) so that it round-trips unchanged.
 * RFC 8446, Section 4.2: a recipient ignores extensions it does not recognise (GREASE included,
 * RFC 8701).
 */
public final class RawExtension implements Extension {
    private final ExtensionType type;
    private final byte[] data;

    public RawExtension(ExtensionType type, byte[] data) {
        this.type = type;
        this.data = data.clone();
        if (data.length > 0xffff) {
            throw new IllegalArgumentException("extension_data longer than 2^16-1");
        }
    }

    @Override
    public ExtensionType type() {
        return type;
    }

    /** A copy of {@code extension_data}. */
    public byte[] data() {
        return data.clone();
    }

    @Override
    public void writeData(TlsWriter w) {
        w.bytes(data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawExtension && ((RawExtension) o).type.equals(type)
                && Arrays.equals(((RawExtension) o).data, data);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return type + "(raw " + Bytes.hex(data) + ")";
    }
}
