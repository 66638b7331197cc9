package org.tls4j.crypto.ec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.kex.KeyExchange;
import org.tls4j.testing.Hex;
import org.tls4j.testing.Wycheproof;

/**
 * X25519 against RFC 7748 and Wycheproof.
 *
 * <p>Decision for Wycheproof "acceptable" cases: a result that is all zero (flag ZeroSharedSecret:
 * low-order peer values) is refused, as RFC 8446, Section 7.4.2 requires; every other acceptable case
 * (points on the twist, non-canonical u-coordinates) is accepted and must give exactly the expected
 * secret, as RFC 7748, Section 5 prescribes (mask the top bit, reduce non-canonical values).
 */
class X25519Test {
    static void runXdh(String file, KeyExchange kx, int keyLen) throws Exception {
        Wycheproof w = Wycheproof.load(file);
        int valid = 0, invalid = 0, accAccepted = 0, accRejected = 0;
        for (Wycheproof.Case c : w.cases()) {
            byte[] priv = c.hex("private");
            byte[] pub = c.hex("public");
            byte[] shared = c.hex("shared");
            KeyExchange.KeyShare share = kx instanceof X25519
                    ? ((X25519) kx).keyShare(priv) : ((X448) kx).keyShare(priv);
            boolean zero = c.flags.contains("ZeroSharedSecret");
            switch (c.result) {
                case VALID:
                    assertArrayEquals(shared, share.agree(pub, 0, pub.length), c.toString());
                    valid++;
                    break;
                case INVALID:
                    assertThrows(CryptoException.class, () -> share.agree(pub, 0, pub.length), c.toString());
                    invalid++;
                    break;
                case ACCEPTABLE:
                    if (zero || pub.length != keyLen) {
                        assertThrows(CryptoException.class, () -> share.agree(pub, 0, pub.length), c.toString());
                        accRejected++;
                    } else {
                        assertArrayEquals(shared, share.agree(pub, 0, pub.length), c.toString());
                        accAccepted++;
                    }
                    break;
                default:
                    throw new AssertionError(c.toString());
            }
            share.destroy();
        }
        Wycheproof.report(file, valid, invalid, accAccepted, accRejected, 0);
        assertEquals(w.cases().size(), valid + invalid + accAccepted + accRejected);
    }

    @Test
    void wycheproof() throws Exception {
        runXdh("x25519_test.json", new X25519(), 32);
    }

    /** RFC 7748, Section 5.2: the two single-step vectors. */
    @Test
    void rfc7748Vectors() throws Exception {
        assertArrayEquals(Hex.decode("c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552"),
                X25519.scalarMult(Hex.decode("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4"),
                        Hex.decode("e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c")));
        assertArrayEquals(Hex.decode("95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957"),
                X25519.scalarMult(Hex.decode("4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d"),
                        Hex.decode("e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493")));
    }

    /** RFC 7748, Section 5.2: iterating k = X25519(k, u), u = old k, 1 and 1000 times. */
    @Test
    void rfc7748Iterated() throws Exception {
        byte[] k = new byte[32];
        k[0] = 9;
        byte[] u = k.clone();
        for (int i = 1; i <= 1000; i++) {
            byte[] r = X25519.scalarMult(k, u);
            u = k;
            k = r;
            if (i == 1) {
                assertArrayEquals(Hex.decode("422c8e7a6227d7bca1350b3e2bb7279f7897b87bb6854b783c60e80311ae3079"), k);
            }
        }
        assertArrayEquals(Hex.decode("684cf59ba83309552800ef566f2f4d3c1c3887c49360e3875f2eb94d99532c51"), k);
    }

    /** RFC 7748, Section 6.1: Alice and Bob. */
    @Test
    void rfc7748DiffieHellman() throws Exception {
        X25519 x = new X25519();
        KeyExchange.KeyShare alice = x.keyShare(
                Hex.decode("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"));
        KeyExchange.KeyShare bob = x.keyShare(
                Hex.decode("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb"));
        assertArrayEquals(Hex.decode("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a"), alice.publicKey());
        assertArrayEquals(Hex.decode("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f"), bob.publicKey());
        byte[] k = Hex.decode("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
        byte[] bp = bob.publicKey();
        byte[] ap = alice.publicKey();
        assertArrayEquals(k, alice.agree(bp, 0, 32));
        assertArrayEquals(k, bob.agree(ap, 0, 32));
        assertThrows(CryptoException.class, () -> alice.agree(new byte[31], 0, 31));
        assertThrows(CryptoException.class, () -> alice.agree(new byte[32], 0, 32)); // u = 0: all-zero result
        assertThrows(CryptoException.class, () -> X25519.scalarMult(new byte[31], new byte[32]));
        assertThrows(CryptoException.class, () -> x.keyShare(new byte[33]));
        alice.destroy();
        assertThrows(CryptoException.class, () -> alice.agree(bp, 0, 32));
    }
}
