package org.tls4j.crypto.ec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.tls4j.crypto.CryptoException;
import org.tls4j.testing.Hex;
import org.tls4j.testing.Vectors;
import org.tls4j.testing.Wycheproof;

/**
 * Ed25519 against RFC 8032, Wycheproof and the CCTV edge cases.
 *
 * <p>CCTV decision (documented on {@code Ed25519}): RFC 8032 canonicity is enforced for A and R, and the
 * equation is cofactorless. So a vector is accepted exactly when it has none of the flags
 * {@code non_canonical_A}, {@code non_canonical_R}, {@code low_order_residue}; low-order points as such
 * ({@code low_order_A}, {@code low_order_R}, {@code low_order_component_*}) are not blocklisted, and
 * {@code reencoded_k} only ever appears together with a non-canonical point, which is rejected.
 */
class Ed25519Test {
    static boolean verify(byte[] pk, byte[] msg, byte[] sig) {
        Ed25519PublicKey key;
        try {
            key = new Ed25519PublicKey(pk);
        } catch (CryptoException e) {
            return false;
        }
        return new Ed25519Verifier(key).verify(msg, sig);
    }

    @Test
    void rfc8032Test1And2() throws Exception {
        Ed25519PrivateKey k = new Ed25519PrivateKey(
                Hex.decode("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        assertArrayEquals(Hex.decode("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"),
                k.publicKey().encoded());
        byte[] sig = new Ed25519Signer(k).sign(new byte[0]);
        assertArrayEquals(Hex.decode("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"), sig);
        assertTrue(new Ed25519Verifier(k.publicKey()).verify(new byte[0], sig));
        Ed25519PrivateKey k2 = new Ed25519PrivateKey(
                Hex.decode("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb"));
        assertArrayEquals(Hex.decode("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c"),
                k2.publicKey().encoded());
        assertArrayEquals(Hex.decode("92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
                + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"),
                new Ed25519Signer(k2).sign(new byte[] {0x72}));
        k.destroy();
        org.junit.jupiter.api.Assertions.assertThrows(CryptoException.class, () -> k.seed());
    }

    @Test
    void wycheproof() {
        Wycheproof w = Wycheproof.load("ed25519_test.json");
        int valid = 0, invalid = 0;
        for (Wycheproof.Case c : w.cases()) {
            byte[] pk = Hex.decode(c.group.getAsJsonObject("publicKey").get("pk").getAsString());
            boolean ok = verify(pk, c.hex("msg"), c.hex("sig"));
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
        Wycheproof.report("ed25519_test.json", valid, invalid, 0, 0, 0);
        assertEquals(w.cases().size(), valid + invalid);
    }

    @Test
    void cctvEdgeCases() {
        JsonArray all = JsonParser.parseString(Vectors.text("cctv/ed25519/ed25519vectors.json")).getAsJsonArray();
        int accepted = 0, rejected = 0;
        TreeMap<String, int[]> perFlag = new TreeMap<>();
        for (JsonElement e : all) {
            JsonObject v = e.getAsJsonObject();
            List<String> flags = new ArrayList<>();
            if (v.has("flags") && !v.get("flags").isJsonNull()) {
                for (JsonElement f : v.getAsJsonArray("flags")) {
                    flags.add(f.getAsString());
                }
            }
            boolean expected = !flags.contains("non_canonical_A") && !flags.contains("non_canonical_R")
                    && !flags.contains("low_order_residue");
            boolean ok = verify(Hex.decode(v.get("key").getAsString()),
                    v.get("msg").getAsString().getBytes(StandardCharsets.UTF_8), Hex.decode(v.get("sig").getAsString()));
            assertEquals(expected, ok, "CCTV vector " + v.get("number") + " flags " + flags);
            if (ok) {
                accepted++;
            } else {
                rejected++;
            }
            for (String f : flags) {
                perFlag.computeIfAbsent(f, x -> new int[2])[ok ? 0 : 1]++;
            }
        }
        StringBuilder sb = new StringBuilder();
        perFlag.forEach((f, n) -> sb.append(String.format(" %s: %d accepted/%d rejected;", f, n[0], n[1])));
        System.out.println("cctv ed25519vectors.json: " + all.size() + " vectors, " + accepted + " accepted, "
                + rejected + " rejected; per flag:" + sb);
        assertEquals(all.size(), accepted + rejected);
    }
}
