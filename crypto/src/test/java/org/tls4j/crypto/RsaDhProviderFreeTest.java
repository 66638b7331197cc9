package org.tls4j.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.Provider;
import java.security.Security;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tls4j.crypto.dh.FfdheGroup;
import org.tls4j.crypto.kex.KeyExchange;
import org.tls4j.crypto.rand.RandomSource;
import org.tls4j.crypto.rsa.RsaHash;
import org.tls4j.crypto.rsa.RsaPkcs1Encryption;
import org.tls4j.crypto.rsa.RsaPkcs1Signer;
import org.tls4j.crypto.rsa.RsaPkcs1Verifier;
import org.tls4j.crypto.rsa.RsaPrivateKey;
import org.tls4j.crypto.rsa.RsaPssSigner;
import org.tls4j.crypto.rsa.RsaPssVerifier;
import org.tls4j.testing.Hex;
import org.tls4j.testing.Wycheproof;

/**
 * RSA and FFDHE work with every JCA provider removed: known answers from the vector files (a Wycheproof
 * PKCS#1 v1.5 signature and decryption) and FFDHE against BigInteger, key generation included. Providers
 * are restored in finally.
 */
class RsaDhProviderFreeTest {

    @Test
    void worksWithoutProviders() throws Exception {
        // Load the vectors before removing providers (the JSON reader does not need them, but keep it simple).
        Wycheproof sigGen = Wycheproof.load("rsa_pkcs1_2048_sig_gen_test.json");
        Wycheproof dec = Wycheproof.load("rsa_pkcs1_2048_test.json");
        Provider[] saved = Security.getProviders();
        try {
            for (Provider p : saved) {
                Security.removeProvider(p.getName());
            }
            assertEquals(0, Security.getProviders().length);
            Random seeded = new Random(42);
            RandomSource random = (out, off, len) -> {
                byte[] b = new byte[len];
                seeded.nextBytes(b);
                System.arraycopy(b, 0, out, off, len);
            };

            Wycheproof.Case s = null;
            for (Wycheproof.Case c : sigGen.cases()) {
                if (c.result == Wycheproof.Result.VALID && c.groupStr("sha").equals("SHA-256")) {
                    s = c;
                    break;
                }
            }
            com.google.gson.JsonObject pk = s.group.getAsJsonObject("privateKey");
            RsaPrivateKey signKey = RsaPrivateKey.ofExponent(Hex.decode(pk.get("modulus").getAsString()),
                    Hex.decode(pk.get("publicExponent").getAsString()),
                    Hex.decode(pk.get("privateExponent").getAsString()));
            assertArrayEquals(s.hex("sig"), new RsaPkcs1Signer(signKey, RsaHash.SHA256).sign(s.hex("msg")));

            Wycheproof.Case d = dec.cases().get(0);
            com.google.gson.JsonObject dk = d.group.getAsJsonObject("privateKey");
            RsaPrivateKey decKey = RsaPrivateKey.ofCrt(h(dk, "modulus"), h(dk, "publicExponent"),
                    h(dk, "privateExponent"), h(dk, "prime1"), h(dk, "prime2"), h(dk, "exponent1"),
                    h(dk, "exponent2"), h(dk, "coefficient"));
            assertEquals(Wycheproof.Result.VALID, d.result);
            assertArrayEquals(d.hex("msg"), RsaPkcs1Encryption.decrypt(decKey, d.hex("ct")));

            RsaPrivateKey gen = RsaPrivateKey.generate(2048, random);
            byte[] msg = {1, 2, 3};
            byte[] pss = new RsaPssSigner(gen, RsaHash.SHA256, random).sign(msg);
            assertTrue(new RsaPssVerifier(gen.publicKey(), RsaHash.SHA256).verify(msg, pss));
            byte[] v15 = new RsaPkcs1Signer(gen, RsaHash.SHA384).sign(msg);
            assertTrue(new RsaPkcs1Verifier(gen.publicKey(), RsaHash.SHA384).verify(msg, v15));

            KeyExchange.KeyShare a = FfdheGroup.FFDHE2048.generate(random);
            KeyExchange.KeyShare b = FfdheGroup.FFDHE2048.generate(random);
            byte[] z = a.agree(b.publicKey(), 0, 256);
            assertArrayEquals(z, b.agree(a.publicKey(), 0, 256));
            assertTrue(new BigInteger(1, z).compareTo(FfdheGroup.FFDHE2048.prime()) < 0);
            assertEquals(0, Security.getProviders().length);
        } finally {
            for (Provider p : Security.getProviders()) {
                Security.removeProvider(p.getName());
            }
            for (int i = 0; i < saved.length; i++) {
                Security.insertProviderAt(saved[i], i + 1);
            }
        }
    }

    private static byte[] h(com.google.gson.JsonObject o, String f) {
        return Hex.decode(o.get(f).getAsString());
    }
}
