package org.tls4j.handshake.msg;

import org.tls4j.handshake.HandshakeMessage;
import org.tls4j.handshake.HandshakeType;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.TlsWriter;
import org.tls4j.record.TlsAlert;

/**
 * EndOfEarlyData (RFC 8446, Section 4.5): an empty message the client sends, under the early traffic
 * keys, after its 0-RTT data.
 *
 * <pre>
 * struct {} EndOfEarlyData;
 * </pre>
 *
 * A non-empty body is refused with decode_error.
 */
public final class EndOfEarlyData implements HandshakeMessage {
    /** The only value. */
    public static final EndOfEarlyData INSTANCE = new EndOfEarlyData();

    private EndOfEarlyData() {}

    /** Parses the (empty) body. */
    public static EndOfEarlyData read(TlsReader r) throws TlsAlert {
        r.expectEnd();
        return INSTANCE;
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.END_OF_EARLY_DATA;
    }

    @Override
    public void write(TlsWriter w) {
        // struct {} : nothing to write
    }

    @Override
    public String toString() {
        return "EndOfEarlyData";
    }
}
