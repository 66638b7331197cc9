package org.tls4j.handshake.ext;

import org.tls4j.handshake.ExtensionType;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.TlsWriter;
import org.tls4j.record.TlsAlert;

/**
 * early_data (RFC 8446, Section 4.2.10):
 *
 * <pre>
 * struct {} Empty;
 *
 * struct {
 *     select (Handshake.msg_type) {
 *         case new_session_ticket:   uint32 max_early_data_size;
 *         case client_hello:         Empty;
 *         case encrypted_extensions: Empty;
 *     };
 * } EarlyDataIndication;
 * </pre>
 */
public final class EarlyData implements Extension {
    /** The empty form of ClientHello and EncryptedExtensions. */
    public static final EarlyData EMPTY = new EarlyData(-1);

    private final long maxEarlyDataSize;

    private EarlyData(long maxEarlyDataSize) {
        this.maxEarlyDataSize = maxEarlyDataSize;
    }

    /** The NewSessionTicket form. */
    public static EarlyData ofMaxSize(long maxEarlyDataSize) {
        if (maxEarlyDataSize < 0 || maxEarlyDataSize > 0xffffffffL) {
            throw new IllegalArgumentException("max_early_data_size is a uint32");
        }
        return new EarlyData(maxEarlyDataSize);
    }

    /** Parses the empty form (ClientHello, EncryptedExtensions). */
    public static EarlyData readEmpty(TlsReader r) throws TlsAlert {
        r.expectEnd();
        return EMPTY;
    }

    /** Parses the NewSessionTicket form. */
    public static EarlyData readTicket(TlsReader r) throws TlsAlert {
        long max = r.u32();
        r.expectEnd();
        return ofMaxSize(max);
    }

    /** True for the NewSessionTicket form. */
    public boolean hasMaxSize() {
        return maxEarlyDataSize >= 0;
    }

    /** max_early_data_size; only meaningful when {@link #hasMaxSize()}. */
    public long maxEarlyDataSize() {
        if (!hasMaxSize()) {
            throw new IllegalStateException("the empty form has no max_early_data_size");
        }
        return maxEarlyDataSize;
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.EARLY_DATA;
    }

    @Override
    public void writeData(TlsWriter w) {
        if (hasMaxSize()) {
            w.u32(maxEarlyDataSize);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EarlyData && ((EarlyData) o).maxEarlyDataSize == maxEarlyDataSize;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(maxEarlyDataSize);
    }

    @Override
    public String toString() {
        return hasMaxSize() ? "early_data(max " + maxEarlyDataSize + ")" : "early_data";
    }
}
