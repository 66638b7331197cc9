package org.tls4j.handshake.ext;

import org.tls4j.handshake.ExtensionType;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.TlsWriter;
import org.tls4j.record.TlsAlert;

/**
 * pre_shared_key in ServerHello (RFC 8446, Section 4.2.11): the index of the identity the server
 * accepted.
 *
 * <pre>
 * uint16 selected_identity;
 * </pre>
 *
 * Whether the index is in range is for the client's state machine to check (illegal_parameter).
 */
public final class PreSharedKeyServerHello implements Extension {
    /** Zero-based index into the client's identities. */
    public final int selectedIdentity;

    public PreSharedKeyServerHello(int selectedIdentity) {
        if (selectedIdentity < 0 || selectedIdentity > 0xffff) {
            throw new IllegalArgumentException("selected_identity is a uint16");
        }
        this.selectedIdentity = selectedIdentity;
    }

    /** Parses {@code extension_data}. */
    public static PreSharedKeyServerHello read(TlsReader r) throws TlsAlert {
        int i = r.u16();
        r.expectEnd();
        return new PreSharedKeyServerHello(i);
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.PRE_SHARED_KEY;
    }

    @Override
    public void writeData(TlsWriter w) {
        w.u16(selectedIdentity);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PreSharedKeyServerHello
                && ((PreSharedKeyServerHello) o).selectedIdentity == selectedIdentity;
    }

    @Override
    public int hashCode() {
        return selectedIdentity;
    }

    @Override
    public String toString() {
        return "pre_shared_key(selected " + selectedIdentity + ")";
    }
}
