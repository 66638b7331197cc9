package org.tls4j.handshake.ext;

import org.tls4j.handshake.Alerts;
import org.tls4j.handshake.ExtensionType;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.TlsWriter;
import org.tls4j.record.TlsAlert;

/**
 * record_size_limit (RFC 8449, Section 4), in ClientHello and EncryptedExtensions:
 *
 * <pre>
 * uint16 RecordSizeLimit;
 * </pre>
 *
 * "An endpoint MUST treat receipt of a smaller value [than 64] as a fatal error and generate an
 * illegal_parameter alert." Upper bounds depend on the protocol version and are the engine's to apply.
 */
public final class RecordSizeLimit implements Extension {
    /** The smallest value a peer may send (RFC 8449, Section 4). */
    public static final int MINIMUM = 64;

    /** The largest record plaintext the sender is willing to receive. */
    public final int limit;

    public RecordSizeLimit(int limit) {
        if (limit < MINIMUM || limit > 0xffff) {
            throw new IllegalArgumentException("record_size_limit must be 64..65535");
        }
        this.limit = limit;
    }

    /** Parses {@code extension_data}. */
    public static RecordSizeLimit read(TlsReader r) throws TlsAlert {
        int limit = r.u16();
        r.expectEnd();
        if (limit < MINIMUM) {
            throw Alerts.illegalParameter("record_size_limit " + limit + " is below 64 (RFC 8449, Section 4)");
        }
        return new RecordSizeLimit(limit);
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.RECORD_SIZE_LIMIT;
    }

    @Override
    public void writeData(TlsWriter w) {
        w.u16(limit);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordSizeLimit && ((RecordSizeLimit) o).limit == limit;
    }

    @Override
    public int hashCode() {
        return limit;
    }

    @Override
    public String toString() {
        return "record_size_limit(" + limit + ")";
    }
}
