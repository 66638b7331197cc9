package org.tls4j.handshake;

import java.util.LinkedHashMap;
import java.util.Map;

import org.tls4j.testing.Hex;
import org.tls4j.testing.Vectors;

/**
 * Loads {@code botan/tls_13_rfc8448/transcripts.vec} (see the vectors README): {@code [Section]}
 * headers, then {@code Key = hex} lines. A missing file or key fails the test.
 */
public final class Rfc8448Transcripts {
    public static final String FILE = "botan/tls_13_rfc8448/transcripts.vec";

    private final Map<String, Map<String, String>> sections = new LinkedHashMap<>();

    private Rfc8448Transcripts() {}

    public static Rfc8448Transcripts load() {
        Rfc8448Transcripts t = new Rfc8448Transcripts();
        Map<String, String> current = null;
        for (String raw : Vectors.text(FILE).split("\n")) {
            String line = raw.trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                current = new LinkedHashMap<>();
                t.sections.put(line.substring(1, line.length() - 1), current);
                continue;
            }
            int eq = line.indexOf('=');
            if (current == null || eq < 0) {
                throw new AssertionError("unexpected line in " + FILE + ": " + line);
            }
            current.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
        }
        return t;
    }

    public Map<String, Map<String, String>> sections() {
        return sections;
    }

    public byte[] hex(String section, String key) {
        Map<String, String> s = sections.get(section);
        if (s == null || !s.containsKey(key)) {
            throw new AssertionError(FILE + ": no " + key + " in [" + section + "]");
        }
        // One value in the file (Middlebox_Compatibility_Mode, Message_Server_CertificateVerify) has a
        // stray space inside its hex; whitespace carries no meaning, and the message's own length
        // field confirms the bytes.
        return Hex.decode(s.get(key).replaceAll("\\s", ""));
    }

    /** The payload of a plaintext handshake record (the 5-byte header stripped and checked). */
    public byte[] handshakeRecordPayload(String section, String key) {
        byte[] rec = hex(section, key);
        if (rec[0] != 22 || ((rec[3] & 0xff) << 8 | (rec[4] & 0xff)) != rec.length - 5) {
            throw new AssertionError(key + " is not one plaintext handshake record");
        }
        return java.util.Arrays.copyOfRange(rec, 5, rec.length);
    }
}
