package org.tls4j.crypto.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tls4j.testing.Hex;

/**
 * NIST CAVP SHS vectors (byte-oriented) for SHA-1 and SHA-2: every ShortMsg, LongMsg and Monte Carlo
 * file in {@code nist-cavp/shs}.
 */
class ShsVectorTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "SHA1ShortMsg.rsp, SHA-1", "SHA1LongMsg.rsp, SHA-1",
        "SHA224ShortMsg.rsp, SHA-224", "SHA224LongMsg.rsp, SHA-224",
        "SHA256ShortMsg.rsp, SHA-256", "SHA256LongMsg.rsp, SHA-256",
        "SHA384ShortMsg.rsp, SHA-384", "SHA384LongMsg.rsp, SHA-384",
        "SHA512ShortMsg.rsp, SHA-512", "SHA512LongMsg.rsp, SHA-512",
    })
    void messages(String file, String alg) {
        List<CavpRecords.Rec> recs = CavpRecords.read("nist-cavp/shs/" + file);
        int n = 0;
        for (CavpRecords.Rec r : recs) {
            if (!r.fields().containsKey("Len")) {
                continue; // the [L = n] section header's own record
            }
            int bits = Integer.parseInt(r.get("Len"));
            assertEquals(0, bits % 8, "byte-oriented files only");
            byte[] msg = bits == 0 ? new byte[0] : Hex.decode(r.get("Msg"));
            assertEquals(bits / 8, msg.length, "line " + r.line());
            byte[] expected = Hex.decode(r.get("MD"));
            // One shot, and byte by byte, must both give the NIST digest.
            Digest d = DigestProperties.create(alg);
            d.update(msg);
            assertEquals(Hex.encode(expected), Hex.encode(d.digest()), file + " line " + r.line());
            for (byte b : msg) {
                d.update(b);
            }
            assertEquals(Hex.encode(expected), Hex.encode(d.digest()), file + " line " + r.line() + " bytewise");
            n++;
        }
        assertTrue(n > 0);
        System.out.printf("nist-cavp/shs/%s: %d messages checked%n", file, n);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "SHA1Monte.rsp, SHA-1", "SHA224Monte.rsp, SHA-224", "SHA256Monte.rsp, SHA-256",
        "SHA384Monte.rsp, SHA-384", "SHA512Monte.rsp, SHA-512",
    })
    void monteCarlo(String file, String alg) {
        List<CavpRecords.Rec> recs = CavpRecords.read("nist-cavp/shs/" + file);
        byte[] seed = null;
        int n = 0;
        Digest d = DigestProperties.create(alg);
        for (CavpRecords.Rec r : recs) {
            if (r.fields().containsKey("Seed")) {
                seed = Hex.decode(r.get("Seed"));
                continue;
            }
            if (!r.fields().containsKey("COUNT")) {
                continue;
            }
            // The CAVP SHA Monte Carlo procedure: MD0 = MD1 = MD2 = Seed; MDi = SHA(MDi-3 || MDi-2 || MDi-1).
            byte[] m0 = seed, m1 = seed, m2 = seed;
            for (int i = 3; i < 1003; i++) {
                d.update(m0);
                d.update(m1);
                d.update(m2);
                byte[] mi = d.digest();
                m0 = m1;
                m1 = m2;
                m2 = mi;
            }
            assertEquals(r.get("MD").toLowerCase(), Hex.encode(m2), file + " COUNT " + r.get("COUNT"));
            seed = m2;
            n++;
        }
        assertEquals(100, n);
        System.out.printf("nist-cavp/shs/%s: %d Monte Carlo checkpoints checked%n", file, n);
    }

    @org.junit.jupiter.api.Test
    void md5Rfc1321() {
        int n = 0;
        for (CavpRecords.Rec r : CavpRecords.read("pyca/hashes/MD5/rfc-1321.txt")) {
            int bits = Integer.parseInt(r.get("Len"));
            byte[] msg = bits == 0 ? new byte[0] : Hex.decode(r.get("Msg"));
            Digest d = new Md5();
            d.update(msg);
            assertEquals(r.get("MD"), Hex.encode(d.digest()), "line " + r.line());
            n++;
        }
        assertEquals(7, n);
        System.out.printf("pyca/hashes/MD5/rfc-1321.txt: %d messages checked%n", n);
    }
}
