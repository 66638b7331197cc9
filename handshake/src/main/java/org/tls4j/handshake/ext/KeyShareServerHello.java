package org.tls4j.handshake.ext;

import org.tls4j.handshake.ExtensionType;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.TlsWriter;
import org.tls4j.record.TlsAlert;

/**
 * key_share in ServerHello (RFC 8446, Section 4.2.8):
 *
 * <pre>
 * struct {
 *     KeyShareEntry server_share;
 * } KeyShareServerHello;
 * </pre>
 */
public final class KeyShareServerHello implements Extension {
    /** The server's share, in a group the client offered. */
    public final KeyShareEntry serverShare;

    public KeyShareServerHello(KeyShareEntry serverShare) {
        this.serverShare = serverShare;
    }

    /** Parses {@code extension_data}. */
    public static KeyShareServerHello read(TlsReader r) throws TlsAlert {
        KeyShareEntry e = KeyShareEntry.read(r);
        r.expectEnd();
        return new KeyShareServerHello(e);
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.KEY_SHARE;
    }

    @Override
    public void writeData(TlsWriter w) {
        serverShare.write(w);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyShareServerHello && ((KeyShareServerHello) o).serverShare.equals(serverShare);
    }

    @Override
    public int hashCode() {
        return serverShare.hashCode();
    }

    @Override
    public String toString() {
        return "key_share(" + serverShare + ")";
    }
}
