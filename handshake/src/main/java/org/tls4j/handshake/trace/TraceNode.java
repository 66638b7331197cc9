package org.tls4j.handshake.trace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One node of a described handshake message: a named field with its decoded value, or a message or
 * extension with the RFC section that defines it, and the fields inside it in wire order. Field names
 * are those of the RFC's struct definitions ({@code legacy_session_id}, {@code cipher_suites},
 * {@code key_exchange}); values are printable text ({@code TLS_AES_128_GCM_SHA256 (0x1301)},
 * {@code 32 bytes: e5a7...}).
 *
 * <p>Immutable. {@link #render()} gives the indented text form the {@code tls4j} command prints.
 */
public final class TraceNode {
    /** The field, message or extension name, e.g. {@code cipher_suites} or {@code ClientHello}. */
    public final String name;
    /** The decoded value, or null for a node that only groups children (a message, a struct). */
    public final String value;
    /** Where the message or extension is defined, e.g. {@code RFC 8446, Section 4.1.2}; null for plain fields. */
    public final String section;
    /** The fields inside this one, in wire order (read-only, maybe empty). */
    public final List<TraceNode> children;

    TraceNode(String name, String value, String section, List<TraceNode> children) {
        this.name = name;
        this.value = value;
        this.section = section;
        this.children = Collections.unmodifiableList(new ArrayList<TraceNode>(children));
    }

    /** A leaf field. */
    static TraceNode field(String name, String value) {
        return new TraceNode(name, value, null, Collections.<TraceNode>emptyList());
    }

    /** The first direct child named {@code name}, or null. */
    public TraceNode child(String name) {
        for (TraceNode c : children) {
            if (c.name.equals(name)) {
                return c;
            }
        }
        return null;
    }

    /**
     * The node at a path of child names, e.g. {@code find("extensions", "key_share", "server_share",
     * "group")}; a name matches a child whose name is equal to it or starts with it followed by a space
     * (so {@code "key_share"} finds {@code "key_share (51)"}). Null when there is none.
     */
    public TraceNode find(String... path) {
        TraceNode n = this;
        for (String p : path) {
            TraceNode next = null;
            for (TraceNode c : n.children) {
                if (c.name.equals(p) || c.name.startsWith(p + " ")) {
                    next = c;
                    break;
                }
            }
            if (next == null) {
                return null;
            }
            n = next;
        }
        return n;
    }

    /** The indented text form: one line per node, two spaces per level, the section in brackets. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        render(sb, "");
        return sb.toString();
    }

    /** Appends the text form, each line starting with {@code indent}. */
    public void render(StringBuilder sb, String indent) {
        sb.append(indent).append(name);
        if (value != null) {
            sb.append(": ").append(value);
        }
        if (section != null) {
            sb.append("  [").append(section).append(']');
        }
        sb.append('\n');
        for (TraceNode c : children) {
            c.render(sb, indent + "  ");
        }
    }

    @Override
    public String toString() {
        return render();
    }
}
