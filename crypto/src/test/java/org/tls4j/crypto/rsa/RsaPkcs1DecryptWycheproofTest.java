package org.tls4j.crypto.rsa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tls4j.crypto.CryptoException;
import org.tls4j.testing.Hex;
import org.tls4j.testing.Wycheproof;

/**
 * Wycheproof RSAES-PKCS1-v1_5 decryption, through both the throwing {@link RsaPkcs1Encryption#decrypt} and
 * the TLS constant-time flag path {@link RsaPkcs1Encryption#decryptTls} (keys in CRT form). There are no
 * "acceptable" cases in these files.
 */
class RsaPkcs1DecryptWycheproofTest {

    static RsaPrivateKey key(JsonObject pk) throws CryptoException {
        return RsaPrivateKey.ofCrt(h(pk, "modulus"), h(pk, "publicExponent"), h(pk, "privateExponent"),
                h(pk, "prime1"), h(pk, "prime2"), h(pk, "exponent1"), h(pk, "exponent2"), h(pk, "coefficient"));
    }

    private static byte[] h(JsonObject o, String f) {
        return Hex.decode(o.get(f).getAsString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa_pkcs1_2048_test.json", "rsa_pkcs1_3072_test.json", "rsa_pkcs1_4096_test.json"})
    void decrypt(String file) throws CryptoException {
        Wycheproof w = Wycheproof.load(file);
        int valid = 0;
        int invalid = 0;
        RsaPrivateKey key = null;
        JsonObject keyGroup = null;
        for (Wycheproof.Case c : w.cases()) {
            if (c.group != keyGroup) {
                key = key(c.group.getAsJsonObject("privateKey"));
                keyGroup = c.group;
            }
            byte[] ct = c.hex("ct");
            byte[] msg = c.hex("msg");
            byte[] sentinel = new byte[key.byteLength()];
            Arrays.fill(sentinel, (byte) 0x5A);
            byte[] out48 = sentinel.clone();
            int flag48 = RsaPkcs1Encryption.decryptTls(key, ct, 0, ct.length, out48, 0, 48);
            if (c.result == Wycheproof.Result.VALID) {
                assertArrayEquals(msg, RsaPkcs1Encryption.decrypt(key, ct), c.toString());
                if (msg.length <= key.byteLength() - 11) {
                    byte[] out = new byte[msg.length + 3];
                    int flag = RsaPkcs1Encryption.decryptTls(key, ct, 0, ct.length, out, 3, msg.length);
                    assertEquals(1, flag, c.toString());
                    assertArrayEquals(msg, Arrays.copyOfRange(out, 3, out.length), c.toString());
                }
                // The plaintext has another length than 48, so the fixed-length path must say 0.
                assertEquals(msg.length == 48 ? 1 : 0, flag48, c.toString());
                valid++;
            } else {
                RsaPrivateKey kk = key;
                assertThrows(CryptoException.class, () -> RsaPkcs1Encryption.decrypt(kk, ct), c.toString());
                assertEquals(0, flag48, c.toString());
                byte[] outL = sentinel.clone();
                int flagL = RsaPkcs1Encryption.decryptTls(key, ct, 0, ct.length, outL, 0,
                        Math.min(msg.length, key.byteLength() - 11));
                assertEquals(0, flagL, c.toString());
                assertArrayEquals(sentinel, outL, "output must be untouched on bad padding: " + c);
                invalid++;
            }
            if (flag48 == 0) {
                assertArrayEquals(sentinel, out48, "output must be untouched on bad padding: " + c);
            }
        }
        Wycheproof.report(file, valid, invalid, 0, 0, 0);
    }
}
