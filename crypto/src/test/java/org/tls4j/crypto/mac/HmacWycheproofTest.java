package org.tls4j.crypto.mac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tls4j.crypto.ct.ConstantTime;
import org.tls4j.crypto.hash.Digest;
import org.tls4j.testing.Wycheproof;

/**
 * Wycheproof {@code hmac_*_test.json}: a valid case must give exactly the (possibly truncated) tag, an
 * invalid case (a modified tag) must not verify. There are no acceptable cases in these files; if one
 * appears the test fails so that a decision gets written down.
 */
class HmacWycheproofTest {
    static Object[][] files() {
        return HmacDigests.FILES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void wycheproof(String file, Supplier<Digest> digest) {
        Wycheproof w = Wycheproof.load(file);
        int valid = 0;
        int invalid = 0;
        for (Wycheproof.Case c : w.cases()) {
            byte[] key = c.hex("key");
            byte[] msg = c.hex("msg");
            byte[] tag = c.hex("tag");
            int tagBytes = c.groupInt("tagSize") / 8;
            assertEquals(c.groupInt("keySize") / 8, key.length, c.toString());
            Hmac mac = new Hmac(digest.get(), key);
            mac.update(msg);
            byte[] full = mac.doFinal();
            mac.destroy();
            boolean ok = tag.length == tagBytes && tagBytes <= full.length
                    && ConstantTime.equals(full, 0, tag, 0, tag.length) == 1;
            switch (c.result) {
                case VALID -> {
                    assertTrue(ok, c.toString());
                    valid++;
                }
                case INVALID -> {
                    assertFalse(ok, c.toString());
                    invalid++;
                }
                default -> throw new AssertionError("no decision recorded for acceptable case " + c);
            }
        }
        Wycheproof.report(file, valid, invalid, 0, 0, 0);
    }
}
