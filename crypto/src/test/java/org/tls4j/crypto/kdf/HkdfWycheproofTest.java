package org.tls4j.crypto.kdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.hash.Digest;
import org.tls4j.crypto.hash.Sha1;
import org.tls4j.crypto.hash.Sha256;
import org.tls4j.crypto.hash.Sha384;
import org.tls4j.crypto.hash.Sha512;
import org.tls4j.testing.Hex;
import org.tls4j.testing.Wycheproof;

/**
 * Wycheproof {@code hkdf_*_test.json}: valid cases must give exactly {@code okm}; the invalid cases
 * ask for more than 255 * HashLen bytes and must be refused with a CryptoException.
 */
class HkdfWycheproofTest {
    static Object[][] files() {
        return new Object[][] {
            {"hkdf_sha1_test.json", (Supplier<Digest>) Sha1::new},
            {"hkdf_sha256_test.json", (Supplier<Digest>) Sha256::new},
            {"hkdf_sha384_test.json", (Supplier<Digest>) Sha384::new},
            {"hkdf_sha512_test.json", (Supplier<Digest>) Sha512::new},
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void wycheproof(String file, Supplier<Digest> digest) throws CryptoException {
        Wycheproof w = Wycheproof.load(file);
        Hkdf hkdf = new Hkdf(digest.get());
        int valid = 0;
        int invalid = 0;
        for (Wycheproof.Case c : w.cases()) {
            byte[] ikm = c.hex("ikm");
            byte[] salt = c.hex("salt");
            byte[] info = c.hex("info");
            int size = c.test.get("size").getAsInt();
            byte[] prk = hkdf.extract(salt, ikm);
            switch (c.result) {
                case VALID -> {
                    assertEquals(c.str("okm"), Hex.encode(hkdf.expand(prk, info, size)), c.toString());
                    valid++;
                }
                case INVALID -> {
                    assertThrows(CryptoException.class, () -> hkdf.expand(prk, info, size), c.toString());
                    invalid++;
                }
                default -> throw new AssertionError("no decision recorded for acceptable case " + c);
            }
        }
        Wycheproof.report(file, valid, invalid, 0, 0, 0);
    }
}
