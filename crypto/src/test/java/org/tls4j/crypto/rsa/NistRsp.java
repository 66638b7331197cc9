package org.tls4j.crypto.rsa;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tls4j.testing.Vectors;

/**
 * Reads a NIST CAVP RSA response file: blank-line separated blocks of {@code name = value}. Blocks that
 * carry {@code n}, {@code e}, {@code d} (outside a record) set the key for the records after them; a block
 * with {@code Msg} is a record, merged with the current key fields (a record's own e/d win).
 */
final class NistRsp {
    private NistRsp() {}

    static List<Map<String, String>> records(String rel) {
        String text = Vectors.text(rel);
        List<Map<String, String>> out = new ArrayList<>();
        Map<String, String> current = new LinkedHashMap<>();
        Map<String, String> block = new LinkedHashMap<>();
        for (String raw : (text + "\n\n").split("\n")) {
            String line = raw.trim();
            if (line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                current.put("section", line);
                continue;
            }
            if (line.isEmpty()) {
                if (block.containsKey("Msg")) {
                    Map<String, String> rec = new LinkedHashMap<>(current);
                    rec.putAll(block);
                    out.add(rec);
                } else {
                    current.putAll(block);
                }
                block = new LinkedHashMap<>();
                continue;
            }
            int eq = line.indexOf('=');
            block.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
        }
        return out;
    }

    /** An unsigned hex integer of possibly odd length as exactly {@code len} bytes (leading zeros dropped or added). */
    static byte[] fixed(String hex, int len) {
        java.math.BigInteger v = new java.math.BigInteger(hex, 16);
        return Rsa.i2osp(v, len);
    }

    static byte[] hex(String hex) {
        String h = hex.length() % 2 == 1 ? "0" + hex : hex;
        return org.tls4j.testing.Hex.decode(h);
    }
}
