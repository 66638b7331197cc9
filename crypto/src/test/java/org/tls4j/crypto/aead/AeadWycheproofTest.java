package org.tls4j.crypto.aead;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tls4j.crypto.AuthenticationException;
import org.tls4j.crypto.CryptoException;
import org.tls4j.testing.Hex;
import org.tls4j.testing.Wycheproof;

/**
 * Wycheproof AEAD vectors (AeadTest schema): AES-GCM, AES-CCM and ChaCha20-Poly1305.
 *
 * <ul>
 * <li>valid: seal gives exactly ct || tag, and open of ct || tag gives msg;</li>
 * <li>invalid: either the parameters are refused when the object is built (e.g. a 0-byte GCM nonce, an
 * odd CCM tag length) with {@link CryptoException}, or open throws {@link AuthenticationException}
 * with the output zeroed, and seal of msg does not produce ct || tag.</li>
 * </ul>
 * None of these files has {@code acceptable} cases; the runner fails if one appears.
 */
class AeadWycheproofTest {
    interface Factory {
        Aead create(byte[] key, int nonceLen, int tagLen) throws CryptoException;
    }

    static Factory factory(String file) {
        switch (file) {
            case "aes_gcm_test.json":
                return (k, n, t) -> {
                    if (t != 16) {
                        throw new CryptoException("GCM tag must be 16 bytes");
                    }
                    return new AesGcm(k, n);
                };
            case "aes_ccm_test.json":
                return (k, n, t) -> new AesCcm(k, t, n);
            case "chacha20_poly1305_test.json":
                return (k, n, t) -> {
                    if (t != 16 || n != 12) {
                        throw new CryptoException("ChaCha20-Poly1305 takes a 12-byte nonce and a 16-byte tag");
                    }
                    return new ChaCha20Poly1305(k);
                };
            default:
                throw new AssertionError(file);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"aes_gcm_test.json", "aes_ccm_test.json", "chacha20_poly1305_test.json"})
    void vectors(String file) throws Exception {
        Wycheproof w = Wycheproof.load(file);
        Factory f = factory(file);
        int valid = 0, invalid = 0, refusedAtConstruction = 0;
        for (Wycheproof.Case c : w.cases()) {
            byte[] key = c.hex("key");
            byte[] iv = c.hex("iv");
            byte[] aad = c.hex("aad");
            byte[] msg = c.hex("msg");
            byte[] ct = c.hex("ct");
            byte[] tag = c.hex("tag");
            int tagLen = c.groupInt("tagSize") / 8;
            byte[] ctTag = concat(ct, tag);
            Aead a;
            try {
                a = f.create(key, iv.length, tagLen);
            } catch (CryptoException e) {
                if (c.result != Wycheproof.Result.INVALID) {
                    fail(c + ": parameters refused: " + e.getMessage());
                }
                invalid++;
                refusedAtConstruction++;
                continue;
            }
            assertEquals(iv.length, a.nonceLength(), c.toString());
            switch (c.result) {
                case VALID: {
                    byte[] out = new byte[msg.length + a.tagLength()];
                    assertEquals(out.length, a.seal(iv, 0, aad, 0, aad.length, msg, 0, msg.length, out, 0));
                    assertArrayEquals(ctTag, out, () -> c + " seal gave " + Hex.encode(out));
                    byte[] pt = new byte[ctTag.length - a.tagLength()];
                    assertEquals(pt.length, a.open(iv, 0, aad, 0, aad.length, ctTag, 0, ctTag.length, pt, 0));
                    assertArrayEquals(msg, pt, c.toString());
                    valid++;
                    break;
                }
                case INVALID: {
                    if (ctTag.length >= a.tagLength()) {
                        byte[] pt = new byte[ctTag.length - a.tagLength()];
                        Arrays.fill(pt, (byte) 0x55);
                        assertThrows(AuthenticationException.class,
                                () -> a.open(iv, 0, aad, 0, aad.length, ctTag, 0, ctTag.length, pt, 0), c.toString());
                        assertArrayEquals(new byte[pt.length], pt, c + ": output not zeroed");
                    } else {
                        assertThrows(CryptoException.class,
                                () -> a.open(iv, 0, aad, 0, aad.length, ctTag, 0, ctTag.length, new byte[0], 0));
                    }
                    byte[] out = new byte[msg.length + a.tagLength()];
                    a.seal(iv, 0, aad, 0, aad.length, msg, 0, msg.length, out, 0);
                    assertFalse(Arrays.equals(ctTag, out), c + ": seal produced the invalid output");
                    invalid++;
                    break;
                }
                default:
                    fail(c + ": unexpected acceptable case; no decision documented");
            }
            a.destroy();
        }
        Wycheproof.report(file, valid, invalid, 0, 0, 0);
        System.out.printf("  (%s: %d of the invalid cases were refused when building the object)%n", file,
                refusedAtConstruction);
        assertEquals(w.cases().size(), valid + invalid);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
