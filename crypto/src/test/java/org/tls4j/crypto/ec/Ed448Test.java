package org.tls4j.crypto.ec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tls4j.crypto.CryptoException;
import org.tls4j.testing.Hex;
import org.tls4j.testing.Wycheproof;

/** Ed448 against RFC 8032, Section 7.4 and Wycheproof (no "acceptable" cases in the file). */
class Ed448Test {
    static boolean verify(byte[] pk, byte[] msg, byte[] sig) {
        try {
            return new Ed448Verifier(new Ed448PublicKey(pk)).verify(msg, sig);
        } catch (CryptoException e) {
            return false;
        }
    }

    @Test
    void wycheproof() {
        Wycheproof w = Wycheproof.load("ed448_test.json");
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
        Wycheproof.report("ed448_test.json", valid, invalid, 0, 0, 0);
        assertEquals(w.cases().size(), valid + invalid);
    }

    /** RFC 8032, Section 7.4, "-----Blank" and "1 octet". */
    @Test
    void rfc8032() throws Exception {
        Ed448PrivateKey k = new Ed448PrivateKey(Hex.decode("6c82a562cb808d10d632be89c8513ebf6c929f34ddfa8c9f63c9960e"
                + "f6e348a3528c8a3fcc2f044e39a3fc5b94492f8f032e7549a20098f95b"));
        assertArrayEquals(Hex.decode("5fd7449b59b461fd2ce787ec616ad46a1da1342485a70e1f8a0ea75d80e96778"
                + "edf124769b46c7061bd6783df1e50f6cd1fa1abeafe8256180"), k.publicKey().encoded());
        byte[] sig = new Ed448Signer(k).sign(new byte[0]);
        assertArrayEquals(Hex.decode("533a37f6bbe457251f023c0d88f976ae2dfb504a843e34d2074fd823d41a591f"
                + "2b233f034f628281f2fd7a22ddd47d7828c59bd0a21bfd3980ff0d2028d4b18a9df63e006c5d1c2d345b925d8dc00b4104852db9"
                + "9ac5c7cdda8530a113a0f4dbb61149f05a7363268c71d95808ff2e652600"), sig);
        assertTrue(new Ed448Verifier(k.publicKey()).verify(new byte[0], sig));
        // A context changes the signature and must match on verification (RFC 8032, Section 5.2).
        byte[] ctx = {1, 2, 3};
        byte[] sc = new Ed448Signer(k, ctx).sign(new byte[0]);
        assertFalse(java.util.Arrays.equals(sig, sc));
        assertTrue(new Ed448Verifier(k.publicKey(), ctx).verify(new byte[0], sc));
        assertFalse(new Ed448Verifier(k.publicKey()).verify(new byte[0], sc));
        org.junit.jupiter.api.Assertions.assertThrows(CryptoException.class, () -> new Ed448Signer(k, new byte[256]));
        sig[3] ^= 1;
        assertFalse(new Ed448Verifier(k.publicKey()).verify(new byte[0], sig));
    }
}
