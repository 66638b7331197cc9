package org.tls4j.crypto.hash;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tls4j.testing.Vectors;

/**
 * Reads the NIST CAVP layout ({@code # comments}, {@code [section]} lines, {@code Name = value} records
 * separated by blank lines), also used by the Keccak and pyca files. CRLF line ends are trimmed.
 */
final class CavpRecords {
    /** One record: its fields in file order, and the section it sits in. */
    record Rec(String section, Map<String, String> fields, int line) {
        String get(String name) {
            String v = fields.get(name);
            if (v == null) {
                throw new AssertionError("record at line " + line + " has no field " + name + ": " + fields);
            }
            return v;
        }
    }

    private CavpRecords() {}

    static List<Rec> read(String relative) {
        List<Rec> out = new ArrayList<>();
        String section = "";
        Map<String, String> cur = new LinkedHashMap<>();
        int start = 0;
        String[] lines = Vectors.text(relative).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].trim();
            if (l.startsWith("#")) {
                continue;
            }
            if (l.isEmpty() || l.startsWith("[")) {
                if (!cur.isEmpty()) {
                    out.add(new Rec(section, cur, start));
                    cur = new LinkedHashMap<>();
                }
                if (l.startsWith("[")) {
                    section = l.substring(1, l.indexOf(']'));
                }
                continue;
            }
            int eq = l.indexOf('=');
            if (eq < 0) {
                throw new AssertionError(relative + " line " + (i + 1) + ": not a Name = value line: " + l);
            }
            if (cur.isEmpty()) {
                start = i + 1;
            }
            cur.put(l.substring(0, eq).trim(), l.substring(eq + 1).trim());
        }
        if (!cur.isEmpty()) {
            out.add(new Rec(section, cur, start));
        }
        return out;
    }
}
