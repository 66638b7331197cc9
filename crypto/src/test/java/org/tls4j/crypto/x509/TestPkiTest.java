package org.tls4j.crypto.x509;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPairGenerator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tls4j.crypto.pem.Pem;
import org.tls4j.crypto.pem.PrivateKeyData;
import org.tls4j.crypto.rand.HmacDrbg;

/**
 * {@link TestPki} with every key type and signature algorithm: chains validate with tls4j's verifiers
 * and with the JDK's (so signatures are right, not merely self-consistent), and keys survive PEM.
 */
class TestPkiTest {
    static final long NOW = TestCa.NOW;
    static final ValidationPolicy POLICY = ValidationPolicy.defaults().withClock(TestCa.CLOCK);
    final TestPki pki = new TestPki(HmacDrbg.fromSystem(), NOW - 86400, NOW + 86400);

    static void validateBothWays(Certificate root, List<Certificate> chain, String host) throws Exception {
        for (VerifierFactory v : List.of(DefaultVerifiers.INSTANCE, JcaOracle.VERIFIERS)) {
            List<Certificate> path = new PathValidator(List.of(root), v).validate(chain, POLICY.withHostname(host));
            assertEquals(root, path.get(path.size() - 1));
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestPki.KeyKind.class, names = {"EC_P256", "EC_P384", "EC_P521", "ED25519", "ED448"})
    void chainsOfEachKeyKind(TestPki.KeyKind kind) throws Exception {
        TestPki.Authority root = pki.root("Root " + kind, pki.generate(kind));
        TestPki.Authority ca = root.intermediate("CA " + kind, pki.generate(kind));
        TestPki.Key leafKey = pki.generate(kind);
        Certificate leaf = ca.serverLeaf(leafKey, "host.example", "::1");
        validateBothWays(root.certificate(), List.of(leaf, ca.certificate()), "host.example");
        validateBothWays(root.certificate(), List.of(leaf, ca.certificate()), "[::1]");
        assertEquals(ca.key().defaultAlgorithm(), leaf.signatureAlgorithm());
        // The key's PEM reloads to the same public key.
        TestPki.Key again = TestPki.Key.fromPem(leafKey.privateKeyPem());
        assertEquals(leafKey.publicKey(), again.publicKey());
        // The chain's PEM reloads to the same certificates.
        assertEquals(List.of(leaf, ca.certificate()), Pem.certificates(TestPki.chainPem(leaf, ca.certificate())));
        System.out.println(kind + ": " + leaf);
    }

    @Test
    void everyRsaSignatureAlgorithm() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        TestPki.Key rsa = TestPki.Key.of(PrivateKeyData.fromPkcs8(g.generateKeyPair().getPrivate().getEncoded()).toRsaPrivateKey());
        TestPki.Key leafKey = pki.generate(TestPki.KeyKind.EC_P256);
        for (SignatureAlgorithm alg : List.of(SignatureAlgorithm.RSA_PKCS1_SHA256, SignatureAlgorithm.RSA_PKCS1_SHA384,
                SignatureAlgorithm.RSA_PKCS1_SHA512, SignatureAlgorithm.RSA_PSS_SHA256, SignatureAlgorithm.RSA_PSS_SHA384,
                SignatureAlgorithm.RSA_PSS_SHA512)) {
            TestPki.Authority root = pki.root("RSA Root " + alg, rsa, alg);
            Certificate leaf = root.serverLeaf(leafKey, "rsa.example");
            assertEquals(alg, leaf.signatureAlgorithm());
            assertTrue(leaf.permitsKeyUsage(KeyUsage.DIGITAL_SIGNATURE));
            validateBothWays(root.certificate(), List.of(leaf), "rsa.example");
        }
    }

    @Test
    void rsaKeyGeneration() throws Exception {
        long t = System.nanoTime();
        TestPki.Key rsa = pki.generate(TestPki.KeyKind.RSA_2048); // the one RSA key this class generates
        System.out.println("RSA-2048 key generation: " + (System.nanoTime() - t) / 1_000_000 + " ms");
        assertEquals(2048, rsa.publicKey().bits());
        TestPki.Authority root = pki.root("Generated RSA Root", rsa);
        Certificate leaf = root.serverLeaf(rsa, "gen.example");
        assertTrue(leaf.permitsKeyUsage(KeyUsage.KEY_ENCIPHERMENT));
        validateBothWays(root.certificate(), List.of(leaf), "gen.example");
    }

    @Test
    void ecdsaWithOtherHashes() throws Exception {
        TestPki.Key k = pki.generate(TestPki.KeyKind.EC_P256);
        TestPki.Key leafKey = pki.generate(TestPki.KeyKind.EC_P384);
        for (SignatureAlgorithm alg : List.of(SignatureAlgorithm.ECDSA_SHA384, SignatureAlgorithm.ECDSA_SHA512)) {
            TestPki.Authority root = pki.root("EC Root " + alg, k, alg);
            validateBothWays(root.certificate(), List.of(root.serverLeaf(leafKey, "ec.example")), "ec.example");
        }
    }
}
