package org.tls4j.crypto.x509;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.pem.Pem;
import org.tls4j.crypto.pem.PemBlock;
import org.tls4j.crypto.pem.PrivateKeyData;
import org.tls4j.crypto.rsa.RsaHash;
import org.tls4j.crypto.rsa.RsaPkcs1Signer;
import org.tls4j.crypto.rsa.RsaPkcs1Verifier;
import org.tls4j.crypto.rsa.RsaPrivateKey;
import org.tls4j.crypto.rsa.RsaPublicKey;
import org.tls4j.crypto.sig.Signer;
import org.tls4j.testing.Peers;
import org.tls4j.testing.SeededRandomSource;

/**
 * RSA keys made by {@link TestPki} leave as PEM (PKCS#8 {@code PRIVATE KEY} and PKCS#1
 * {@code RSA PRIVATE KEY}) through {@link RsaPrivateKey#toPkcs1Der()}: tls4j's own PEM parser reads
 * them back into a key with the same components that signs for the same public key, the JDK's
 * KeyFactory reads the same components, and the openssl command checks the key, signs with it and
 * verifies a chain tls4j issued with it.
 */
class TestPkiRsaPemTest {
    @TempDir
    Path dir;

    /** The real clock: openssl verify checks validity against it. */
    static final long NOW = System.currentTimeMillis() / 1000;
    /** Seeded, so a failure reproduces; one RSA-2048 key generation for the whole class. */
    static TestPki pki;
    static TestPki.Key rsa;

    @BeforeAll
    static void generate() throws Exception {
        pki = new TestPki(new SeededRandomSource(0x7e57_9c1L), NOW - 86400, NOW + 86400);
        rsa = pki.generate(TestPki.KeyKind.RSA_2048);
    }

    private static RsaPublicKey rsaPublic(TestPki.Key k) throws Exception {
        return RsaPublicKey.of(k.publicKey().modulus(), k.publicKey().exponent());
    }

    @Test
    void pkcs8AndPkcs1PemReadBackIntoTheSameKey() throws Exception {
        String pkcs8 = rsa.privateKeyPem();
        String pkcs1 = rsa.rsaPrivateKeyPem();
        assertTrue(pkcs8.startsWith("-----BEGIN PRIVATE KEY-----\n"), pkcs8.substring(0, 40));
        assertTrue(pkcs1.startsWith("-----BEGIN RSA PRIVATE KEY-----\n"), pkcs1.substring(0, 40));
        PrivateKeyData d8 = PrivateKeyData.fromPem(pkcs8);
        PrivateKeyData d1 = PrivateKeyData.fromPem(pkcs1);
        assertEquals(PrivateKeyData.Type.RSA, d8.type());
        assertEquals(PrivateKeyData.Type.RSA, d1.type());
        byte[][] c8 = d8.components();
        byte[][] c1 = d1.components();
        for (int i = 0; i < 8; i++) {
            assertArrayEquals(c8[i], c1[i], "component " + i);
        }
        // The PKCS#8 wrapper's inner octets are exactly the PKCS#1 block.
        PemBlock b1 = Pem.decode(pkcs1).get(0);
        RsaPrivateKey again8 = d8.toRsaPrivateKey();
        RsaPrivateKey again1 = d1.toRsaPrivateKey();
        assertArrayEquals(b1.data(), again8.toPkcs1Der());
        assertArrayEquals(b1.data(), again1.toPkcs1Der());
        // Same public key, and a signature by the re-read key verifies under the original public key.
        assertEquals(rsa.publicKey(), TestPki.Key.of(again8).publicKey());
        byte[] msg = "signed by the re-read key".getBytes(StandardCharsets.US_ASCII);
        Signer s = new RsaPkcs1Signer(again8, RsaHash.SHA256);
        byte[] sig = s.sign(msg, 0, msg.length);
        RsaPkcs1Verifier v = new RsaPkcs1Verifier(again1.publicKey(), RsaHash.SHA256);
        assertTrue(v.verify(msg, sig));
        byte[] sigOriginal = rsa.signer(SignatureAlgorithm.RSA_PKCS1_SHA256, null).sign(msg, 0, msg.length);
        assertArrayEquals(sigOriginal, sig, "PKCS#1 v1.5 signing is deterministic: same key, same signature");
        msg[0] ^= 1;
        assertFalse(v.verify(msg, sig));
        // The JDK reads the same components from the PKCS#8 DER (an independent DER parser).
        RSAPrivateCrtKey jdk = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Pem.decode(pkcs8).get(0).data()));
        BigInteger[] expect = {jdk.getModulus(), jdk.getPublicExponent(), jdk.getPrivateExponent(), jdk.getPrimeP(),
            jdk.getPrimeQ(), jdk.getPrimeExponentP(), jdk.getPrimeExponentQ(), jdk.getCrtCoefficient()};
        for (int i = 0; i < 8; i++) {
            assertEquals(expect[i], new BigInteger(1, c8[i]), "component " + i);
        }
        // p·q = n, e·d = 1 mod (p-1), qinv·q = 1 mod p: the exported values are a consistent key.
        assertEquals(expect[0], expect[3].multiply(expect[4]));
        assertEquals(BigInteger.ONE, expect[1].multiply(expect[5]).mod(expect[3].subtract(BigInteger.ONE)));
        assertEquals(BigInteger.ONE, expect[7].multiply(expect[4]).mod(expect[3]));
        d8.destroy();
        d1.destroy();
    }

    @Test
    void exportIsRefusedWhenItCannotBeDone() throws Exception {
        RsaPrivateKey k = PrivateKeyData.fromPem(rsa.privateKeyPem()).toRsaPrivateKey();
        byte[][] c = PrivateKeyData.fromPem(rsa.privateKeyPem()).components();
        assertTrue(k.isExportable());
        // Without d, PKCS#1 cannot be written.
        RsaPrivateKey noD = RsaPrivateKey.ofCrt(c[0], c[1], null, c[3], c[4], c[5], c[6], c[7]);
        assertFalse(noD.isExportable());
        assertThrows(CryptoException.class, noD::toPkcs1Der);
        // The (n, e, d) form has no primes to write.
        RsaPrivateKey ned = RsaPrivateKey.ofExponent(c[0], c[1], c[2]);
        assertFalse(ned.isExportable());
        assertThrows(CryptoException.class, ned::toPkcs1Der);
        // A destroyed key exports nothing.
        k.destroy();
        assertFalse(k.isExportable());
        assertThrows(CryptoException.class, k::toPkcs1Der);
        // Non-RSA keys have no PKCS#1 form.
        assertThrows(CryptoException.class, () -> pki.generate(TestPki.KeyKind.EC_P256).rsaPrivateKeyPem());
    }

    private String run(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Peers.require("openssl", "openssl").getPath());
        cmd.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "openssl timed out");
        assertEquals(0, p.exitValue(), () -> String.join(" ", cmd) + " failed:\n" + out);
        return out;
    }

    @Test
    void opensslAcceptsChecksAndSignsWithTheKey() throws Exception {
        Files.writeString(dir.resolve("key8.pem"), rsa.privateKeyPem());
        Files.writeString(dir.resolve("key1.pem"), rsa.rsaPrivateKeyPem());
        for (String f : List.of("key8.pem", "key1.pem")) {
            String out = run("pkey", "-in", f, "-check", "-noout");
            assertTrue(out.contains("Key is valid"), out);
            System.out.println("openssl pkey -check " + f + ": " + out.trim());
            // openssl derives the same public key.
            assertEquals(rsa.publicKey(), org.tls4j.crypto.pem.PublicKeys.fromPem(run("pkey", "-in", f, "-pubout")));
        }
        // openssl signs with the tls4j-written key; tls4j verifies, and gets the same bytes itself.
        byte[] msg = "openssl signs this with a tls4j key".getBytes(StandardCharsets.US_ASCII);
        Files.write(dir.resolve("msg.bin"), msg);
        run("dgst", "-sha256", "-sign", "key8.pem", "-out", "sig.bin", "msg.bin");
        byte[] sig = Files.readAllBytes(dir.resolve("sig.bin"));
        assertTrue(new RsaPkcs1Verifier(rsaPublic(rsa), RsaHash.SHA256).verify(msg, sig));
        assertArrayEquals(rsa.signer(SignatureAlgorithm.RSA_PKCS1_SHA256, null).sign(msg, 0, msg.length), sig);
        // A CSR signed by openssl with the key, which openssl then verifies.
        run("req", "-new", "-key", "key1.pem", "-subj", "/CN=tls4j RSA key", "-out", "req.pem");
        assertTrue(run("req", "-in", "req.pem", "-verify", "-noout").contains("verif"));

        // A tls4j RSA chain: RSA root (PKCS#1 v1.5), RSA-PSS-signed leaf on the same key pair kind.
        TestPki.Authority root = pki.root("tls4j RSA Root", rsa, SignatureAlgorithm.RSA_PKCS1_SHA256);
        TestPki.Authority pss = pki.authority(root.certificate(), rsa, SignatureAlgorithm.RSA_PSS_SHA256);
        Certificate leaf = root.serverLeaf(rsa, "rsa.example");
        Certificate pssLeaf = pss.serverLeaf(pki.generate(TestPki.KeyKind.EC_P256), "pss.example");
        Files.writeString(dir.resolve("root.pem"), TestPki.chainPem(root.certificate()));
        Files.writeString(dir.resolve("leaf.pem"), TestPki.chainPem(leaf));
        Files.writeString(dir.resolve("pss.pem"), TestPki.chainPem(pssLeaf));
        for (String[] c : new String[][] {{"leaf.pem", "rsa.example"}, {"pss.pem", "pss.example"}}) {
            String out = run("verify", "-x509_strict", "-purpose", "sslserver", "-verify_hostname", c[1],
                    "-CAfile", "root.pem", c[0]);
            assertTrue(out.contains(c[0] + ": OK"), out);
            System.out.println("openssl verify: " + out.trim());
        }
        // The written key matches the certificate openssl checked.
        assertTrue(run("x509", "-in", "leaf.pem", "-noout", "-pubkey").contains("BEGIN PUBLIC KEY"));
        assertEquals(run("pkey", "-in", "key8.pem", "-pubout"), run("x509", "-in", "leaf.pem", "-noout", "-pubkey"));
    }
}
