package org.tls4j.crypto.cipher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.tls4j.crypto.CryptoException;
import org.tls4j.testing.Hex;
import org.tls4j.testing.Wycheproof;

/**
 * Wycheproof aes_cbc_pkcs5_test.json (IndCpaTest schema) through {@link Cbc} over {@link AesCt64}. The
 * PKCS#5 padding lives here, in the test, because the library's CBC has no padding: the TLS record layer
 * pads and checks padding itself (RFC 5246, Section 6.2.3.2). Valid: CBC(pad(msg)) is exactly ct, and
 * decrypting ct and removing the padding gives msg. Invalid (bad padding or a length that is not a
 * multiple of 16): decryption followed by the padding check rejects.
 */
class AesCbcWycheproofTest {
    static byte[] pad(byte[] m) {
        int p = 16 - m.length % 16;
        byte[] r = Arrays.copyOf(m, m.length + p);
        Arrays.fill(r, m.length, r.length, (byte) p);
        return r;
    }

    /** Returns the unpadded message, or null when the PKCS#5 padding is wrong. */
    static byte[] unpad(byte[] m) {
        if (m.length == 0) {
            return null;
        }
        int p = m[m.length - 1] & 0xFF;
        if (p < 1 || p > 16 || p > m.length) {
            return null;
        }
        for (int i = m.length - p; i < m.length; i++) {
            if ((m[i] & 0xFF) != p) {
                return null;
            }
        }
        return Arrays.copyOf(m, m.length - p);
    }

    @Test
    void vectors() throws Exception {
        String file = "aes_cbc_pkcs5_test.json";
        Wycheproof w = Wycheproof.load(file);
        int valid = 0, invalid = 0;
        for (Wycheproof.Case c : w.cases()) {
            byte[] key = c.hex("key");
            byte[] iv = c.hex("iv");
            byte[] msg = c.hex("msg");
            byte[] ct = c.hex("ct");
            Cbc cbc = new Cbc(new AesCt64(key));
            switch (c.result) {
                case VALID: {
                    byte[] p = pad(msg);
                    byte[] out = new byte[p.length];
                    cbc.encrypt(iv, 0, p, 0, p.length, out, 0);
                    assertArrayEquals(ct, out, () -> c + " got " + Hex.encode(out));
                    byte[] back = new byte[ct.length];
                    cbc.decrypt(iv, 0, ct, 0, ct.length, back, 0);
                    assertArrayEquals(msg, unpad(back), c.toString());
                    valid++;
                    break;
                }
                case INVALID: {
                    byte[] back = new byte[ct.length];
                    try {
                        cbc.decrypt(iv, 0, ct, 0, ct.length, back, 0);
                        assertNull(unpad(back), c + ": bad padding accepted");
                    } catch (CryptoException e) {
                        // a length that is not a multiple of the block size: rejected by Cbc itself
                    }
                    invalid++;
                    break;
                }
                default:
                    fail(c + ": unexpected acceptable case");
            }
            cbc.destroy();
        }
        Wycheproof.report(file, valid, invalid, 0, 0, 0);
        assertEquals(w.cases().size(), valid + invalid);
    }
}
