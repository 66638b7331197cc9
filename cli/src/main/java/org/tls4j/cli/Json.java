package org.tls4j.cli;

import java.util.List;
import org.tls4j.handshake.trace.TraceNode;

/**
 * The JSON the command writes with {@code --json}: one object per line, built by hand (RFC 8259) so
 * the command needs no JSON library. Keys keep the order they were added in.
 */
final class Json {
    private final StringBuilder sb = new StringBuilder("{");
    private boolean first = true;

    /** A new object whose first member is {@code "event": event}. */
    static Json event(String event) {
        return new Json().put("event", event);
    }

    private Json key(String k) {
        if (!first) {
            sb.append(',');
        }
        first = false;
        quote(sb, k);
        sb.append(':');
        return this;
    }

    Json put(String k, String v) {
        key(k);
        if (v == null) {
            sb.append("null");
        } else {
            quote(sb, v);
        }
        return this;
    }

    Json put(String k, long v) {
        key(k).sb.append(v);
        return this;
    }

    Json put(String k, boolean v) {
        key(k).sb.append(v);
        return this;
    }

    /** A nested value already in JSON form (an object or array). */
    Json raw(String k, String json) {
        key(k).sb.append(json);
        return this;
    }

    Json putStrings(String k, List<String> v) {
        key(k).sb.append('[');
        for (int i = 0; i < v.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            quote(sb, v.get(i));
        }
        sb.append(']');
        return this;
    }

    @Override
    public String toString() {
        return sb.toString() + "}";
    }

    /** A trace node as {"name":..,"value":..,"section":..,"fields":[...]} (value/section/fields when present). */
    static String node(TraceNode n) {
        Json j = new Json().put("name", n.name);
        if (n.value != null) {
            j.put("value", n.value);
        }
        if (n.section != null) {
            j.put("section", n.section);
        }
        if (!n.children.isEmpty()) {
            j.raw("fields", nodes(n.children));
        }
        return j.toString();
    }

    /** A JSON array of trace nodes. */
    static String nodes(List<TraceNode> list) {
        StringBuilder a = new StringBuilder("[");
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                a.append(',');
            }
            a.append(node(list.get(i)));
        }
        return a.append(']').toString();
    }

    static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    sb.append("\\\"");
                    break;
                case '\\':
                    sb.append("\\\\");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\r':
                    sb.append("\\r");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                default:
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        sb.append('"');
    }
}
