package org.tls4j.crypto.x509;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.math.BigInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tls4j.crypto.pem.PublicKeys;
import org.tls4j.testing.Hex;
import org.tls4j.testing.Wycheproof;

/**
 * Every public key of the Wycheproof signature files, as DER SubjectPublicKeyInfo and as PEM, parses into
 * exactly the components the file states: EC points, EdDSA keys, RSA modulus and exponent, and the
 * RSASSA-PSS parameters of id-RSASSA-PSS keys. (The signature cases themselves are run by the EC and RSA
 * tests; this checks the key formats the certificate code reads.)
 */
class WycheproofSpkiTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "ecdsa_secp256r1_sha256_test.json", "ecdsa_secp384r1_sha384_test.json", "ecdsa_secp521r1_sha512_test.json",
        "ed25519_test.json", "ed448_test.json",
        "rsa_signature_2048_sha256_test.json", "rsa_signature_4096_sha512_test.json",
        "rsa_pss_2048_sha256_mgf1_32_params_test.json", "rsa_pss_3072_sha256_mgf1_32_params_test.json",
        "rsa_pss_4096_sha512_mgf1_64_params_test.json", "rsa_pss_misc_params_test.json",
    })
    void publicKeysParse(String file) throws Exception {
        Wycheproof w = Wycheproof.load(file);
        int groups = 0;
        for (JsonElement e : w.root().getAsJsonArray("testGroups")) {
            JsonObject g = e.getAsJsonObject();
            byte[] der = Hex.decode(g.get("publicKeyDer").getAsString());
            PublicKeyInfo k = PublicKeyInfo.parse(der);
            assertArrayEquals(der, k.encoded());
            assertEquals(k, PublicKeys.fromPem(g.get("publicKeyPem").getAsString()));
            JsonObject pk = g.getAsJsonObject("publicKey");
            String type = g.get("type").getAsString();
            switch (type) {
                case "EcdsaVerify" -> {
                    assertArrayEquals(Hex.decode(pk.get("uncompressed").getAsString()), k.keyBytes());
                    assertEquals(pk.get("curve").getAsString(), switch (k.type()) {
                        case EC_P256 -> "secp256r1";
                        case EC_P384 -> "secp384r1";
                        default -> "secp521r1";
                    });
                }
                case "EddsaVerify" -> {
                    assertArrayEquals(Hex.decode(pk.get("pk").getAsString()), k.keyBytes());
                    assertEquals(pk.get("curve").getAsString().equals("edwards25519") ? PublicKeyInfo.KeyType.ED25519
                            : PublicKeyInfo.KeyType.ED448, k.type());
                }
                default -> {
                    assertEquals(new BigInteger(1, Hex.decode(pk.get("modulus").getAsString())), k.modulus());
                    assertEquals(new BigInteger(1, Hex.decode(pk.get("publicExponent").getAsString())), k.exponent());
                    if (type.equals("RsassaPssWithParametersVerify")) {
                        assertEquals(PublicKeyInfo.KeyType.RSA_PSS, k.type());
                        SignatureAlgorithm p = k.pssRestriction();
                        assertEquals(g.get("sha").getAsString(), p.hash());
                        assertEquals(g.get("mgfSha").getAsString(), p.mgfHash());
                        assertEquals(g.get("sLen").getAsInt(), p.saltLength());
                    } else {
                        assertEquals(PublicKeyInfo.KeyType.RSA, k.type());
                        assertNull(k.pssRestriction());
                    }
                }
            }
            groups++;
        }
        System.out.println("wycheproof " + file + ": " + groups + " public keys (DER and PEM) parsed and matched");
    }
}
