package org.tls4j.record;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Botan's {@code .vec} format: {@code [section]} lines, {@code Key = value} lines, blank lines
 * between entries, {@code #} comments. Each entry is the map of its keys; a section applies to the entries
 * after it. For {@code transcripts.vec}, whose entries have no blank lines between keys, an entry is a
 * whole section.
 */
final class VecFile {
    record Entry(String section, Map<String, String> values) {
        String get(String k) {
            String v = values.get(k);
            if (v == null) {
                throw new AssertionError("entry in [" + section + "] has no " + k + ": " + values.keySet());
            }
            return v.trim();
        }
    }

    private VecFile() {}

    static List<Entry> parse(String text, boolean blankLineEndsEntry) {
        List<Entry> out = new ArrayList<>();
        String section = "";
        Map<String, String> cur = new LinkedHashMap<>();
        for (String raw : text.split("\n")) {
            String line = raw.trim();
            if (line.startsWith("#")) {
                continue;
            }
            if (line.isEmpty()) {
                if (blankLineEndsEntry && !cur.isEmpty()) {
                    out.add(new Entry(section, cur));
                    cur = new LinkedHashMap<>();
                }
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                if (!cur.isEmpty()) {
                    out.add(new Entry(section, cur));
                    cur = new LinkedHashMap<>();
                }
                section = line.substring(1, line.length() - 1);
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new AssertionError("unparsable vector line: " + line);
            }
            cur.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
        }
        if (!cur.isEmpty()) {
            out.add(new Entry(section, cur));
        }
        return out;
    }
}
