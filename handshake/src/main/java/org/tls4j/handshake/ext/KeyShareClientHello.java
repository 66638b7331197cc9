package org.tls4j.handshake.ext;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.tls4j.handshake.Alerts;
import org.tls4j.handshake.ExtensionType;
import org.tls4j.handshake.NamedGroup;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.TlsWriter;
import org.tls4j.record.TlsAlert;

/**
 * key_share in ClientHello (RFC 8446, Section 4.2.8):
 *
 * <pre>
 * struct {
 *     KeyShareEntry client_shares&lt;0..2^16-1&gt;;
 * } KeyShareClientHello;
 * </pre>
 *
 * The list may be empty (the client then asks the server to pick a group with HelloRetryRequest).
 * "Clients MUST NOT offer multiple KeyShareEntry values for the same group ... Servers MAY check for
 * violations of these rules and abort the handshake with an illegal_parameter alert": we do.
 */
public final class KeyShareClientHello implements Extension {
    /** The offered shares, in the client's order of preference. */
    public final List<KeyShareEntry> shares;

    public KeyShareClientHello(List<KeyShareEntry> shares) {
        this.shares = Collections.unmodifiableList(new ArrayList<KeyShareEntry>(shares));
    }

    /** Parses {@code extension_data}. */
    public static KeyShareClientHello read(TlsReader r) throws TlsAlert {
        TlsReader list = r.sub16();
        List<KeyShareEntry> shares = new ArrayList<KeyShareEntry>();
        Set<NamedGroup> seen = new HashSet<NamedGroup>();
        while (!list.atEnd()) {
            KeyShareEntry e = KeyShareEntry.read(list);
            if (!seen.add(e.group)) {
                throw Alerts.illegalParameter("key_share: two shares for group " + e.group
                        + " (RFC 8446, Section 4.2.8)");
            }
            shares.add(e);
        }
        r.expectEnd();
        return new KeyShareClientHello(shares);
    }

    /** The share for {@code group}, or null. */
    public KeyShareEntry shareFor(NamedGroup group) {
        for (KeyShareEntry e : shares) {
            if (e.group.equals(group)) {
                return e;
            }
        }
        return null;
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.KEY_SHARE;
    }

    @Override
    public void writeData(TlsWriter w) {
        int m = w.begin16();
        for (KeyShareEntry e : shares) {
            e.write(w);
        }
        w.end16(m);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyShareClientHello && ((KeyShareClientHello) o).shares.equals(shares);
    }

    @Override
    public int hashCode() {
        return shares.hashCode();
    }

    @Override
    public String toString() {
        return "key_share" + shares;
    }
}
