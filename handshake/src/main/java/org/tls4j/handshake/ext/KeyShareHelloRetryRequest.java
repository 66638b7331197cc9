package org.tls4j.handshake.ext;

import org.tls4j.handshake.ExtensionType;
import org.tls4j.handshake.NamedGroup;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.TlsWriter;
import org.tls4j.record.TlsAlert;

/**
 * key_share in HelloRetryRequest (RFC 8446, Section 4.2.8): the group the server wants a share for.
 *
 * <pre>
 * struct {
 *     NamedGroup selected_group;
 * } KeyShareHelloRetryRequest;
 * </pre>
 */
public final class KeyShareHelloRetryRequest implements Extension {
    /** The group the client must send a share for in its second ClientHello. */
    public final NamedGroup selectedGroup;

    public KeyShareHelloRetryRequest(NamedGroup selectedGroup) {
        this.selectedGroup = selectedGroup;
    }

    /** Parses {@code extension_data}. */
    public static KeyShareHelloRetryRequest read(TlsReader r) throws TlsAlert {
        int g = r.u16();
        r.expectEnd();
        return new KeyShareHelloRetryRequest(NamedGroup.of(g));
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.KEY_SHARE;
    }

    @Override
    public void writeData(TlsWriter w) {
        w.u16(selectedGroup.code);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyShareHelloRetryRequest
                && ((KeyShareHelloRetryRequest) o).selectedGroup.equals(selectedGroup);
    }

    @Override
    public int hashCode() {
        return selectedGroup.hashCode();
    }

    @Override
    public String toString() {
        return "key_share(selected " + selectedGroup + ")";
    }
}
