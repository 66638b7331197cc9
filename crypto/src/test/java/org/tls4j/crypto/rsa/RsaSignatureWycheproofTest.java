package org.tls4j.crypto.rsa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tls4j.crypto.CryptoException;
import org.tls4j.testing.Hex;
import org.tls4j.testing.Wycheproof;

/**
 * Wycheproof RSA signature files.
 *
 * <p>Decisions on "acceptable" cases: in the PKCS#1 v1.5 verification files the only acceptable case is a
 * DigestInfo without the NULL parameter ({@code MissingNull}); tls4j rejects it (it compares against the one
 * canonical encoding, RFC 8017, Section 8.2.2). In the sig_gen files the acceptable cases are weak keys or
 * SHA-1 ({@code SmallModulus}, {@code SmallPublicKey}, {@code WeakHash}); tls4j signs them (through the
 * test-only SHA-1 switch) and the signature must equal the file's.
 */
class RsaSignatureWycheproofTest {

    static RsaPublicKey publicKey(JsonObject pk) throws CryptoException {
        return RsaPublicKey.of(Hex.decode(pk.get("modulus").getAsString()),
                Hex.decode(pk.get("publicExponent").getAsString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa_signature_2048_sha256_test.json", "rsa_signature_2048_sha384_test.json",
        "rsa_signature_2048_sha512_test.json", "rsa_signature_3072_sha256_test.json",
        "rsa_signature_3072_sha384_test.json", "rsa_signature_3072_sha512_test.json",
        "rsa_signature_4096_sha256_test.json", "rsa_signature_4096_sha384_test.json",
        "rsa_signature_4096_sha512_test.json"})
    void pkcs1Verify(String file) throws CryptoException {
        Wycheproof w = Wycheproof.load(file);
        int valid = 0;
        int invalid = 0;
        int accRejected = 0;
        for (Wycheproof.Case c : w.cases()) {
            RsaPublicKey key = publicKey(c.group.getAsJsonObject("publicKey"));
            RsaHash h = RsaHash.byName(c.groupStr("sha"));
            boolean ok = new RsaPkcs1Verifier(key, h).verify(c.hex("msg"), c.hex("sig"));
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
                    assertEquals(java.util.List.of("MissingNull"), c.flags, c.toString());
                    assertFalse(ok, c.toString());
                    accRejected++;
            }
        }
        Wycheproof.report(file, valid, invalid, 0, accRejected, 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa_pkcs1_1024_sig_gen_test.json", "rsa_pkcs1_2048_sig_gen_test.json",
        "rsa_pkcs1_3072_sig_gen_test.json", "rsa_pkcs1_4096_sig_gen_test.json"})
    void pkcs1Sign(String file) throws CryptoException {
        Wycheproof w = Wycheproof.load(file);
        int valid = 0;
        int accAccepted = 0;
        Map<String, RsaPrivateKey> keys = new HashMap<>();
        for (Wycheproof.Case c : w.cases()) {
            JsonObject pk = c.group.getAsJsonObject("privateKey");
            String id = pk.get("modulus").getAsString() + pk.get("privateExponent").getAsString();
            RsaPrivateKey key = keys.get(id);
            if (key == null) {
                // CRT form, primes recovered from (n, e, d) by the test (the NIST runner covers the
                // (n, e, d) form of RsaPrivateKey).
                key = TestKeys.crtFromExponent(Hex.decode(pk.get("modulus").getAsString()),
                        Hex.decode(pk.get("publicExponent").getAsString()),
                        Hex.decode(pk.get("privateExponent").getAsString()));
                keys.put(id, key);
            }
            RsaHash h = RsaHash.byName(c.groupStr("sha"));
            byte[] sig = new RsaPkcs1Signer(key, h, true).sign(c.hex("msg"));
            assertTrue(c.result != Wycheproof.Result.INVALID, c.toString());
            assertTrue(key.isCrt());
            assertArrayEquals(c.hex("sig"), sig, c.toString());
            assertTrue(new RsaPkcs1Verifier(key.publicKey(), h).verify(c.hex("msg"), sig));
            if (c.result == Wycheproof.Result.VALID) {
                valid++;
            } else {
                accAccepted++;
            }
        }
        Wycheproof.report(file, valid, 0, accAccepted, 0, 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa_pss_2048_sha1_mgf1_20_test.json", "rsa_pss_2048_sha256_mgf1_0_test.json",
        "rsa_pss_2048_sha256_mgf1_32_params_test.json", "rsa_pss_2048_sha256_mgf1_32_test.json",
        "rsa_pss_2048_sha384_mgf1_48_test.json", "rsa_pss_3072_sha256_mgf1_32_params_test.json",
        "rsa_pss_3072_sha256_mgf1_32_test.json", "rsa_pss_4096_sha256_mgf1_32_test.json",
        "rsa_pss_4096_sha384_mgf1_48_test.json", "rsa_pss_4096_sha512_mgf1_64_params_test.json",
        "rsa_pss_4096_sha512_mgf1_64_test.json", "rsa_pss_misc_params_test.json", "rsa_pss_misc_test.json"})
    void pssVerify(String file) throws CryptoException {
        Wycheproof w = Wycheproof.load(file);
        int valid = 0;
        int invalid = 0;
        for (Wycheproof.Case c : w.cases()) {
            // In the *_params_* files the key is an id-RSASSA-PSS SPKI; its parameters are repeated in the
            // group fields, which this test uses (SPKI parsing is the certificates code's job).
            assertEquals("MGF1", c.groupStr("mgf"), c.toString());
            RsaPublicKey key = publicKey(c.group.getAsJsonObject("publicKey"));
            RsaHash h = RsaHash.byName(c.groupStr("sha"));
            RsaHash mgf = RsaHash.byName(c.groupStr("mgfSha"));
            boolean ok = new RsaPssVerifier(key, h, mgf, c.groupInt("sLen")).verify(c.hex("msg"), c.hex("sig"));
            if (c.result == Wycheproof.Result.VALID) {
                assertTrue(ok, c.toString());
                valid++;
            } else {
                assertEquals(Wycheproof.Result.INVALID, c.result, c.toString()); // no acceptable cases here
                assertFalse(ok, c.toString());
                invalid++;
            }
        }
        Wycheproof.report(file, valid, invalid, 0, 0, 0);
    }
}
