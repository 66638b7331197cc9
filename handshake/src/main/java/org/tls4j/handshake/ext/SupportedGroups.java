package org.tls4j.handshake.ext;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.tls4j.handshake.ExtensionType;
import org.tls4j.handshake.NamedGroup;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.TlsWriter;
import org.tls4j.record.TlsAlert;

/**
 * supported_groups (RFC 8446, Section 4.2.7), in ClientHello and EncryptedExtensions:
 *
 * <pre>
 * struct {
 *     NamedGroup named_group_list&lt;2..2^16-1&gt;;
 * } NamedGroupList;
 * </pre>
 *
 * The list is in the sender's order of preference and may hold unknown and GREASE groups.
 */
public final class SupportedGroups implements Extension {
    /** The groups, most preferred first. */
    public final List<NamedGroup> groups;

    public SupportedGroups(List<NamedGroup> groups) {
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("named_group_list must not be empty");
        }
        this.groups = Collections.unmodifiableList(new ArrayList<NamedGroup>(groups));
    }

    /** Parses {@code extension_data}. */
    public static SupportedGroups read(TlsReader r) throws TlsAlert {
        TlsReader list = r.sub16().nonEmpty("named_group_list");
        List<NamedGroup> groups = new ArrayList<NamedGroup>();
        while (!list.atEnd()) {
            groups.add(NamedGroup.of(list.u16()));
        }
        r.expectEnd();
        return new SupportedGroups(groups);
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.SUPPORTED_GROUPS;
    }

    @Override
    public void writeData(TlsWriter w) {
        int m = w.begin16();
        for (NamedGroup g : groups) {
            w.u16(g.code);
        }
        w.end16(m);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SupportedGroups && ((SupportedGroups) o).groups.equals(groups);
    }

    @Override
    public int hashCode() {
        return groups.hashCode();
    }

    @Override
    public String toString() {
        return "supported_groups" + groups;
    }
}
