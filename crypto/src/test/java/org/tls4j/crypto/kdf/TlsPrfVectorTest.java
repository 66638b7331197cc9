package org.tls4j.crypto.kdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.hash.Digest;
import org.tls4j.crypto.hash.Sha224;
import org.tls4j.crypto.hash.Sha256;
import org.tls4j.crypto.hash.Sha384;
import org.tls4j.crypto.hash.Sha512;
import org.tls4j.testing.Hex;
import org.tls4j.testing.Vectors;

/** Botan's {@code kdf/tls_prf.vec}: the TLS 1.0/1.1 PRF ([TLS-PRF]) and the TLS 1.2 PRF per hash. */
class TlsPrfVectorTest {
    @Test
    void botanTlsPrf() throws CryptoException {
        Map<String, Integer> counts = new TreeMap<>();
        String section = "";
        Map<String, String> rec = new java.util.HashMap<>();
        String[] lines = (Vectors.text("botan/kdf/tls_prf.vec") + "\n\n").split("\n", -1);
        for (String raw : lines) {
            String l = raw.trim();
            if (l.startsWith("#")) {
                continue;
            }
            if (l.isEmpty() || l.startsWith("[")) {
                if (!rec.isEmpty()) {
                    check(section, rec);
                    counts.merge(section, 1, Integer::sum);
                    rec.clear();
                }
                if (l.startsWith("[")) {
                    section = l.substring(1, l.length() - 1);
                }
                continue;
            }
            int eq = l.indexOf('=');
            rec.put(l.substring(0, eq).trim(), l.substring(eq + 1).trim());
        }
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("botan/kdf/tls_prf.vec: %d records checked %s%n", total, counts);
        assertEquals(36, total);
        assertEquals(32, counts.get("TLS-PRF"));
    }

    private static void check(String section, Map<String, String> rec) throws CryptoException {
        byte[] secret = Hex.decode(rec.get("Secret"));
        byte[] seed = Hex.decode(rec.get("Salt"));
        byte[] label = rec.containsKey("Label") ? Hex.decode(rec.get("Label")) : new byte[0];
        String expected = rec.get("Output").toLowerCase();
        int len = expected.length() / 2;
        byte[] got;
        if (section.equals("TLS-PRF")) {
            got = Tls10Prf.derive(secret, label, seed, len);
        } else {
            Digest d = switch (section) {
                case "TLS-12-PRF(HMAC(SHA-224))" -> new Sha224();
                case "TLS-12-PRF(HMAC(SHA-256))" -> new Sha256();
                case "TLS-12-PRF(HMAC(SHA-384))" -> new Sha384();
                case "TLS-12-PRF(HMAC(SHA-512))" -> new Sha512();
                default -> throw new AssertionError("unknown section " + section);
            };
            got = new Tls12Prf(d).derive(secret, label, seed, len);
        }
        assertEquals(expected, Hex.encode(got), section + " " + rec);
    }
}
