package org.tls4j.crypto.ec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.hash.Digest;
import org.tls4j.crypto.hash.Sha1;
import org.tls4j.crypto.hash.Sha224;
import org.tls4j.crypto.hash.Sha256;
import org.tls4j.crypto.hash.Sha384;
import org.tls4j.crypto.hash.Sha512;
import org.tls4j.testing.Hex;
import org.tls4j.testing.Vectors;
import org.tls4j.testing.Wycheproof;

/**
 * ECDSA against Wycheproof (DER and P1363 files; no "acceptable" cases exist in them), NIST CAVP SigVer
 * and SigGen (with the given k), and the RFC 6979 deterministic nonces (Appendix A.2.5, P-256).
 */
class EcdsaTest {
    static Digest digest(String name) {
        switch (name.replace("-", "").toUpperCase(java.util.Locale.ROOT)) {
            case "SHA1": return new Sha1();
            case "SHA224": return new Sha224();
            case "SHA256": return new Sha256();
            case "SHA384": return new Sha384();
            case "SHA512": return new Sha512();
            default: return null;
        }
    }

    static final String[] FILES = {
        "ecdsa_secp256r1_sha256_test.json", "ecdsa_secp256r1_sha256_p1363_test.json",
        "ecdsa_secp256r1_sha512_test.json", "ecdsa_secp384r1_sha256_test.json",
        "ecdsa_secp384r1_sha384_test.json", "ecdsa_secp384r1_sha384_p1363_test.json",
        "ecdsa_secp384r1_sha512_test.json", "ecdsa_secp521r1_sha512_test.json",
        "ecdsa_secp521r1_sha512_p1363_test.json",
    };

    @Test
    void wycheproof() throws Exception {
        for (String file : FILES) {
            Wycheproof w = Wycheproof.load(file);
            SignatureEncoding enc = file.contains("p1363") ? SignatureEncoding.P1363 : SignatureEncoding.DER;
            int valid = 0, invalid = 0;
            for (Wycheproof.Case c : w.cases()) {
                JsonObject pk = c.group.getAsJsonObject("publicKey");
                EcCurve curve = EcdhTest.CURVES.get(pk.get("curve").getAsString());
                EcPublicKey key = EcPublicKey.fromSec1(curve, Hex.decode(pk.get("uncompressed").getAsString()));
                EcdsaVerifier v = new EcdsaVerifier(key, digest(c.groupStr("sha")), enc);
                boolean ok = v.verify(c.hex("msg"), c.hex("sig"));
                switch (c.result) {
                    case VALID:
                        assertTrue(ok, c.toString());
                        valid++;
                        break;
                    case INVALID:
                        assertFalse(ok, c.toString());
                        invalid++;
                        break;
                    default:
                        throw new AssertionError("no acceptable cases expected: " + c);
                }
            }
            Wycheproof.report(file, valid, invalid, 0, 0, 0);
            assertEquals(w.cases().size(), valid + invalid);
        }
    }

    /** Parses a CAVP ECDSA file into records with their section header ("P-256,SHA-256"). */
    static List<Map<String, String>> cavp(String path) {
        List<Map<String, String>> out = new ArrayList<>();
        String section = null;
        Map<String, String> rec = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>(List.of(Vectors.text(path).split("\r?\n")));
        lines.add("");
        for (String line : lines) {
            line = line.trim();
            if (line.startsWith("[")) {
                section = line.substring(1, line.length() - 1);
            } else if (line.contains(" = ")) {
                String[] kv = line.split(" = ", 2);
                rec.put(kv[0], kv[1]);
            } else if (line.isEmpty() && rec.containsKey("S")) {
                rec.put("section", section);
                out.add(rec);
                rec = new LinkedHashMap<>();
            }
        }
        return out;
    }

    static byte[] point(EcCurve c, Map<String, String> r) {
        return EcdhTest.concat(new byte[] {4}, EcdhTest.fixed(r.get("Qx"), c.fieldLength()),
                EcdhTest.fixed(r.get("Qy"), c.fieldLength()));
    }

    @Test
    void nistSigVer() throws Exception {
        Map<String, int[]> counts = new LinkedHashMap<>();
        int notApplicable = 0;
        for (Map<String, String> r : cavp("nist-cavp/ecdsa/SigVer.rsp")) {
            String[] sec = r.get("section").split(",");
            EcCurve c = EcCurve.byName(sec[0]);
            if (c == null) {
                notApplicable++;
                continue;
            }
            int n = c.orderLength();
            byte[] sig = EcdhTest.concat(EcdhTest.fixed(r.get("R"), n), EcdhTest.fixed(r.get("S"), n));
            boolean expected = r.get("Result").startsWith("P");
            boolean ok;
            try {
                EcPublicKey key = EcPublicKey.fromSec1(c, point(c, r));
                ok = new EcdsaVerifier(key, digest(sec[1]), SignatureEncoding.P1363).verify(Hex.decode(r.get("Msg")), sig);
            } catch (CryptoException e) {
                ok = false; // "Q changed" cases may give points off the curve
            }
            assertEquals(expected, ok, r.toString());
            counts.computeIfAbsent(r.get("section"), k -> new int[2])[expected ? 0 : 1]++;
        }
        StringBuilder sb = new StringBuilder();
        counts.forEach((k, v) -> sb.append(String.format(" [%s] %d pass/%d fail;", k, v[0], v[1])));
        System.out.println("nist-cavp SigVer.rsp:" + sb + " " + notApplicable + " on other curves not applicable");
        assertEquals(15, counts.size());
    }

    @Test
    void nistSigGenWithGivenK() throws Exception {
        Map<String, Integer> counts = new LinkedHashMap<>();
        int notApplicable = 0;
        for (Map<String, String> r : cavp("nist-cavp/ecdsa/SigGen.txt")) {
            String[] sec = r.get("section").split(",");
            EcCurve c = EcCurve.byName(sec[0]);
            if (c == null) {
                notApplicable++;
                continue;
            }
            int n = c.orderLength();
            EcPrivateKey key = EcPrivateKey.fromScalar(c, EcdhTest.fixed(r.get("d"), n));
            assertArrayEquals(point(c, r), key.publicKey().encoded(), r.toString());
            byte[] msg = Hex.decode(r.get("Msg"));
            byte[] rs = EcdsaSigner.signWithNonce(key, digest(sec[1]), msg, EcdhTest.fixed(r.get("k"), n));
            assertNotNull(rs);
            assertArrayEquals(EcdhTest.concat(EcdhTest.fixed(r.get("R"), n), EcdhTest.fixed(r.get("S"), n)), rs,
                    r.toString());
            assertTrue(new EcdsaVerifier(key.publicKey(), digest(sec[1]), SignatureEncoding.P1363).verify(msg, rs));
            counts.merge(r.get("section"), 1, Integer::sum);
        }
        System.out.println("nist-cavp SigGen.txt: " + counts + "; " + notApplicable + " on other curves not applicable");
        assertEquals(15, counts.size());
        counts.values().forEach(v -> assertEquals(15, v));
    }

    /** RFC 6979, Appendix A.2.5: P-256 key and deterministic signatures of "sample" and "test". */
    @Test
    void rfc6979P256() throws Exception {
        EcPrivateKey key = EcPrivateKey.fromScalar(EcCurve.P256,
                Hex.decode("c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721"));
        assertArrayEquals(Hex.decode("0460fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6"
                + "7903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462299"), key.publicKey().encoded());
        EcdsaSigner s = new EcdsaSigner(key, new Sha256(), SignatureEncoding.P1363);
        assertArrayEquals(Hex.decode("efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716"
                + "f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8"),
                s.sign("sample".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        assertArrayEquals(Hex.decode("f1abb023518351cd71d881567b1ea663ed3efcf6c5132b354f28d3b0b7d38367"
                + "019f4113742a2b14bd25926b49c649155f267e60d3814b4c0cc84250e46f0083"),
                s.sign("test".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        EcdsaSigner s512 = new EcdsaSigner(key, new Sha512(), SignatureEncoding.P1363);
        assertArrayEquals(Hex.decode("8496a60b5e9b47c825488827e0495b0e3fa109ec4568fd3f8d1097678eb97f00"
                + "2362ab1adbe2b8adf9cb9edab740ea6049c028114f2460f96554f61fae3302fe"),
                s512.sign("sample".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }

    /** Key range checks, destroy(), and the deterministic versus hedged nonce choice. */
    @Test
    void keysNoncesAndDestroy() throws Exception {
        for (EcCurve c : EcdhTest.CURVES.values()) {
            java.math.BigInteger n = c.order;
            org.junit.jupiter.api.Assertions.assertThrows(CryptoException.class,
                    () -> EcPrivateKey.fromScalar(c, new byte[c.orderLength()]));
            org.junit.jupiter.api.Assertions.assertThrows(CryptoException.class,
                    () -> EcPrivateKey.fromScalar(c, EcProperties.be(n, c.orderLength())));
            org.junit.jupiter.api.Assertions.assertThrows(CryptoException.class,
                    () -> EcPrivateKey.fromScalar(c, EcdhTest.concat(new byte[] {1}, new byte[c.orderLength()])));
            // n - 1 is the largest key; a leading zero byte (DER INTEGER style) is accepted.
            EcPrivateKey top = EcPrivateKey.fromScalar(c,
                    EcdhTest.concat(new byte[] {0}, EcProperties.be(n.subtract(java.math.BigInteger.ONE), c.orderLength())));
            // (n-1)·G = -G: same x as G.
            EcPrivateKey one = EcPrivateKey.fromScalar(c, new byte[] {1});
            assertArrayEquals(java.util.Arrays.copyOfRange(one.publicKey().encoded(), 1, 1 + c.fieldLength()),
                    java.util.Arrays.copyOfRange(top.publicKey().encoded(), 1, 1 + c.fieldLength()));
            org.tls4j.testing.SeededRandomSource rnd = new org.tls4j.testing.SeededRandomSource(7);
            EcPrivateKey k = EcPrivateKey.generate(c, rnd);
            byte[] m = {1, 2, 3};
            Digest md = digest("SHA-256");
            byte[] d1 = new EcdsaSigner(k, md, SignatureEncoding.DER).sign(m);
            byte[] d2 = new EcdsaSigner(k, md, SignatureEncoding.DER).sign(m);
            assertArrayEquals(d1, d2); // deterministic by default
            byte[] h1 = new EcdsaSigner(k, md, SignatureEncoding.DER, rnd).sign(m);
            byte[] h2 = new EcdsaSigner(k, md, SignatureEncoding.DER, rnd).sign(m);
            assertFalse(java.util.Arrays.equals(h1, h2)); // hedged: fresh randomness each time
            EcdsaVerifier v = new EcdsaVerifier(k.publicKey(), md, SignatureEncoding.DER);
            assertTrue(v.verify(m, h1) && v.verify(m, h2) && v.verify(m, d1));
            // Trailing garbage and a P1363 signature given to a DER verifier are rejected.
            assertFalse(v.verify(m, EcdhTest.concat(d1, new byte[] {0})));
            byte[] p = new EcdsaSigner(k, md, SignatureEncoding.P1363).sign(m);
            assertFalse(v.verify(m, p));
            EcdsaSigner s = new EcdsaSigner(k, md, SignatureEncoding.DER);
            s.destroy();
            org.junit.jupiter.api.Assertions.assertThrows(CryptoException.class, () -> s.sign(m));
        }
    }
}
