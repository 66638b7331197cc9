package org.tls4j.handshake.tls12.ext;

import java.util.Arrays;

import org.tls4j.handshake.Bytes;
import org.tls4j.handshake.ExtensionType;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.TlsWriter;
import org.tls4j.handshake.ext.Extension;
import org.tls4j.record.TlsAlert;

/**
 * renegotiation_info (RFC 5746, Section 3.2), in ClientHello and ServerHello:
 *
 * <pre>
 * struct {
 *     opaque renegotiated_connection&lt;0..255&gt;;
 * } RenegotiationInfo;
 * </pre>
 *
 * Empty on an initial handshake; on a renegotiation the client sends its previous verify_data and the
 * server both sides' (Section 3.5, 3.7). Comparing the contents with the expected value is the state
 * machine's job, in constant time, with handshake_failure on a mismatch (Section 3.4).
 */
public final class RenegotiationInfo implements Extension {
    /** The initial-handshake value (empty renegotiated_connection). */
    public static final RenegotiationInfo EMPTY = new RenegotiationInfo(new byte[0]);

    private final byte[] renegotiatedConnection;

    public RenegotiationInfo(byte[] renegotiatedConnection) {
        if (renegotiatedConnection.length > 0xff) {
            throw new IllegalArgumentException("renegotiated_connection is at most 255 bytes");
        }
        this.renegotiatedConnection = renegotiatedConnection.clone();
    }

    /** Parses {@code extension_data}. */
    public static RenegotiationInfo read(TlsReader r) throws TlsAlert {
        byte[] v = r.opaque8();
        r.expectEnd();
        return new RenegotiationInfo(v);
    }

    /** A copy of renegotiated_connection. */
    public byte[] renegotiatedConnection() {
        return renegotiatedConnection.clone();
    }

    /** True on an initial handshake (empty value). */
    public boolean isEmpty() {
        return renegotiatedConnection.length == 0;
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.RENEGOTIATION_INFO;
    }

    @Override
    public void writeData(TlsWriter w) {
        w.opaque8(renegotiatedConnection);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RenegotiationInfo
                && Arrays.equals(((RenegotiationInfo) o).renegotiatedConnection, renegotiatedConnection);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(renegotiatedConnection);
    }

    @Override
    public String toString() {
        return "renegotiation_info(" + Bytes.hex(renegotiatedConnection) + ")";
    }
}
