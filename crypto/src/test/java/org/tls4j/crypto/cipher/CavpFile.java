package org.tls4j.crypto.cipher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tls4j.testing.Hex;
import org.tls4j.testing.Vectors;

/**
 * Reads a NIST CAVP-style response file (see the vectors README): {@code #} comments, {@code [SECTION]}
 * lines, and records of {@code Name = value} lines separated by blank lines. CRLF is tolerated.
 */
public final class CavpFile {
    /** One record with the section it appeared under. */
    public static final class Record {
        public final String section;
        public final Map<String, String> fields;

        Record(String section, Map<String, String> fields) {
            this.section = section;
            this.fields = fields;
        }

        public boolean has(String name) {
            return fields.containsKey(name);
        }

        public String str(String name) {
            String v = fields.get(name);
            if (v == null) {
                throw new AssertionError("record " + fields + " has no field " + name);
            }
            return v;
        }

        public byte[] hex(String name) {
            return Hex.decode(str(name));
        }

        @Override
        public String toString() {
            return "[" + section + "] " + fields;
        }
    }

    private CavpFile() {}

    /** Parses {@code relative} under the vectors folder; a missing file fails. */
    public static List<Record> read(String relative) {
        List<Record> out = new ArrayList<>();
        String section = "";
        Map<String, String> cur = new LinkedHashMap<>();
        for (String raw : Vectors.text(relative).split("\n")) {
            String line = raw.trim();
            if (line.isEmpty()) {
                if (!cur.isEmpty()) {
                    out.add(new Record(section, cur));
                    cur = new LinkedHashMap<>();
                }
                continue;
            }
            if (line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                if (!cur.isEmpty()) {
                    out.add(new Record(section, cur));
                    cur = new LinkedHashMap<>();
                }
                section = line.substring(1, line.length() - 1).trim();
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new AssertionError(relative + ": unexpected line: " + line);
            }
            cur.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
        }
        if (!cur.isEmpty()) {
            out.add(new Record(section, cur));
        }
        if (out.isEmpty()) {
            throw new AssertionError(relative + ": no records");
        }
        return out;
    }
}
