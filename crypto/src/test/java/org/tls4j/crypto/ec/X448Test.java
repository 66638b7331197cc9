package org.tls4j.crypto.ec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.kex.KeyExchange;
import org.tls4j.testing.Hex;

/**
 * X448 against Wycheproof and RFC 7748. "acceptable" decision as for X25519 (see X25519Test): all-zero
 * results are refused, twist points and non-canonical values are accepted with the exact result. The
 * file's invalid cases are 57-byte public values, refused by the length check.
 */
class X448Test {
    @Test
    void wycheproof() throws Exception {
        X25519Test.runXdh("x448_test.json", new X448(), 56);
    }

    /** RFC 7748, Section 6.2: Alice and Bob. */
    @Test
    void rfc7748DiffieHellman() throws Exception {
        X448 x = new X448();
        KeyExchange.KeyShare alice = x.keyShare(Hex.decode("9a8f4925d1519f5775cf46b04b5800d4ee9ee8bae8bc5565d498c28d"
                + "d9c9baf574a9419744897391006382a6f127ab1d9ac2d8c0a598726b"));
        KeyExchange.KeyShare bob = x.keyShare(Hex.decode("1c306a7ac2a0e2e0990b294470cba339e6453772b075811d8fad0d1d"
                + "6927c120bb5ee8972b0d3e21374c9c921b09d1b0366f10b65173992d"));
        assertArrayEquals(Hex.decode("9b08f7cc31b7e3e67d22d5aea121074a273bd2b83de09c63faa73d2c22c5d9bb"
                + "c836647241d953d40c5b12da88120d53177f80e532c41fa0"), alice.publicKey());
        assertArrayEquals(Hex.decode("3eb7a829b0cd20f5bcfc0b599b6feccf6da4627107bdb0d4f345b43027d8b972"
                + "fc3e34fb4232a13ca706dcb57aec3dae07bdc1c67bf33609"), bob.publicKey());
        byte[] k = Hex.decode("07fff4181ac6cc95ec1c16a94a0f74d12da232ce40a77552281d282bb60c0b56"
                + "fd2464c335543936521c24403085d59a449a5037514a879d");
        byte[] ap = alice.publicKey(), bp = bob.publicKey();
        assertArrayEquals(k, alice.agree(bp, 0, 56));
        assertArrayEquals(k, bob.agree(ap, 0, 56));
        assertThrows(CryptoException.class, () -> alice.agree(new byte[56], 0, 56));
        assertThrows(CryptoException.class, () -> alice.agree(new byte[57], 0, 57));
    }
}
