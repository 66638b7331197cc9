package org.tls4j.handshake.tls12.ext;

import org.tls4j.handshake.Alerts;
import org.tls4j.handshake.ExtensionType;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.TlsWriter;
import org.tls4j.handshake.ext.Extension;
import org.tls4j.record.TlsAlert;

/**
 * max_fragment_length (RFC 6066, Section 4), in ClientHello and ServerHello:
 *
 * <pre>
 * enum{
 *     2^9(1), 2^10(2), 2^11(3), 2^12(4), (255)
 * } MaxFragmentLength;
 * </pre>
 *
 * "If a server receives a maximum fragment length negotiation request for a value other than the
 * allowed values, it MUST abort the handshake with an 'illegal_parameter' alert"; the client does the
 * same for a response that differs from its request (the state machine checks that).
 * record_size_limit (RFC 8449) supersedes this extension and takes precedence when both are offered.
 */
public final class MaxFragmentLength implements Extension {
    /** The code, 1..4. */
    public final int code;

    public MaxFragmentLength(int code) {
        if (code < 1 || code > 4) {
            throw new IllegalArgumentException("MaxFragmentLength must be 1..4");
        }
        this.code = code;
    }

    /** Parses {@code extension_data}. */
    public static MaxFragmentLength read(TlsReader r) throws TlsAlert {
        int c = r.u8();
        r.expectEnd();
        if (c < 1 || c > 4) {
            throw Alerts.illegalParameter("max_fragment_length " + c + " is not 1..4 (RFC 6066, Section 4)");
        }
        return new MaxFragmentLength(c);
    }

    /** The plaintext limit in bytes: 2^(8+code). */
    public int bytes() {
        return 1 << (8 + code);
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.MAX_FRAGMENT_LENGTH;
    }

    @Override
    public void writeData(TlsWriter w) {
        w.u8(code);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MaxFragmentLength && ((MaxFragmentLength) o).code == code;
    }

    @Override
    public int hashCode() {
        return code;
    }

    @Override
    public String toString() {
        return "max_fragment_length(" + bytes() + ")";
    }
}
