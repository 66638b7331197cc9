package org.tls4j.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.Provider;
import java.security.Security;
import org.junit.jupiter.api.Test;
import org.tls4j.crypto.ec.EcCurve;
import org.tls4j.crypto.ec.EcPrivateKey;
import org.tls4j.crypto.ec.EcdsaSigner;
import org.tls4j.crypto.ec.EcdsaVerifier;
import org.tls4j.crypto.ec.Ecdh;
import org.tls4j.crypto.ec.Ed25519PrivateKey;
import org.tls4j.crypto.ec.Ed25519Signer;
import org.tls4j.crypto.ec.Ed25519Verifier;
import org.tls4j.crypto.ec.Ed448PrivateKey;
import org.tls4j.crypto.ec.Ed448Signer;
import org.tls4j.crypto.ec.SignatureEncoding;
import org.tls4j.crypto.ec.X25519;
import org.tls4j.crypto.ec.X448;
import org.tls4j.crypto.hash.Sha256;
import org.tls4j.crypto.kex.KeyExchange;
import org.tls4j.testing.Hex;

/**
 * The elliptic-curve primitives with every JCA provider removed, against published known answers
 * (RFC 7748 Sections 6.1/6.2, NIST CAVP ECC CDH P-256 COUNT 0, RFC 6979 A.2.5, RFC 8032 Sections 7.1
 * and 7.4). Providers are restored in order in {@code finally}.
 */
class EcProviderFreeTest {
    @Test
    void ecPrimitivesWithoutProviders() throws Exception {
        Provider[] saved = Security.getProviders();
        try {
            for (Provider p : saved) {
                Security.removeProvider(p.getName());
            }
            assertEquals(0, Security.getProviders().length);

            KeyExchange.KeyShare alice = new X25519().keyShare(
                    Hex.decode("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"));
            byte[] bob = Hex.decode("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
            assertArrayEquals(Hex.decode("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742"),
                    alice.agree(bob, 0, 32));

            KeyExchange.KeyShare a448 = new X448().keyShare(Hex.decode("9a8f4925d1519f5775cf46b04b5800d4ee9ee8ba"
                    + "e8bc5565d498c28dd9c9baf574a9419744897391006382a6f127ab1d9ac2d8c0a598726b"));
            byte[] b448 = Hex.decode("3eb7a829b0cd20f5bcfc0b599b6feccf6da4627107bdb0d4f345b43027d8b972"
                    + "fc3e34fb4232a13ca706dcb57aec3dae07bdc1c67bf33609");
            assertArrayEquals(Hex.decode("07fff4181ac6cc95ec1c16a94a0f74d12da232ce40a77552281d282bb60c0b56"
                    + "fd2464c335543936521c24403085d59a449a5037514a879d"), a448.agree(b448, 0, 56));

            EcPrivateKey d = EcPrivateKey.fromScalar(EcCurve.P256,
                    Hex.decode("7d7dc5f71eb29ddaf80d6214632eeae03d9058af1fb6d22ed80badb62bc1a534"));
            byte[] peer = Hex.decode("04700c48f77f56584c5cc632ca65640db91b6bacce3a4df6b42ce7cc838833d287"
                    + "db71e509e3fd9b060ddb20ba5c51dcc5948d46fbf640dfe0441782cab85fa4ac");
            assertArrayEquals(Hex.decode("46fc62106420ff012e54a434fbdd2d25ccc5852060561e68040dd7778997bd7b"),
                    Ecdh.P256.keyShare(d).agree(peer, 0, peer.length));

            EcPrivateKey k6979 = EcPrivateKey.fromScalar(EcCurve.P256,
                    Hex.decode("c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721"));
            byte[] sample = "sample".getBytes(StandardCharsets.US_ASCII);
            byte[] sig = new EcdsaSigner(k6979, new Sha256(), SignatureEncoding.P1363).sign(sample);
            assertArrayEquals(Hex.decode("efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716"
                    + "f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8"), sig);
            assertTrue(new EcdsaVerifier(k6979.publicKey(), new Sha256(), SignatureEncoding.P1363).verify(sample, sig));

            Ed25519PrivateKey e = new Ed25519PrivateKey(
                    Hex.decode("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
            byte[] es = new Ed25519Signer(e).sign(new byte[0]);
            assertArrayEquals(Hex.decode("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                    + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"), es);
            assertTrue(new Ed25519Verifier(e.publicKey()).verify(new byte[0], es));

            Ed448PrivateKey e448 = new Ed448PrivateKey(Hex.decode("6c82a562cb808d10d632be89c8513ebf6c929f34ddfa8c9f"
                    + "63c9960ef6e348a3528c8a3fcc2f044e39a3fc5b94492f8f032e7549a20098f95b"));
            assertArrayEquals(Hex.decode("533a37f6bbe457251f023c0d88f976ae2dfb504a843e34d2074fd823d41a591f"
                    + "2b233f034f628281f2fd7a22ddd47d7828c59bd0a21bfd3980ff0d2028d4b18a9df63e006c5d1c2d345b925d8dc00b4104852db9"
                    + "9ac5c7cdda8530a113a0f4dbb61149f05a7363268c71d95808ff2e652600"), new Ed448Signer(e448).sign(new byte[0]));
        } finally {
            for (Provider p : Security.getProviders()) {
                Security.removeProvider(p.getName());
            }
            for (int i = 0; i < saved.length; i++) {
                Security.insertProviderAt(saved[i], i + 1);
            }
        }
    }
}
