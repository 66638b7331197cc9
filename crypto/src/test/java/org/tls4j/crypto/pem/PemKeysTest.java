package org.tls4j.crypto.pem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tls4j.crypto.asn1.DerException;
import org.tls4j.crypto.ec.EcdsaSigner;
import org.tls4j.crypto.ec.SignatureEncoding;
import org.tls4j.crypto.hash.Sha256;
import org.tls4j.crypto.x509.PublicKeyInfo;
import org.tls4j.testing.Peers;

/** Private and public keys in PEM: PKCS#8, PKCS#1, SEC1 and SPKI, checked against the JDK and openssl. */
class PemKeysTest {
    static final KeyPair RSA;

    static {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            RSA = g.generateKeyPair();
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    static byte[] unsigned(BigInteger v) {
        byte[] b = v.toByteArray();
        return b[0] == 0 && b.length > 1 ? Arrays.copyOfRange(b, 1, b.length) : b;
    }

    @Test
    void rsaPkcs8MatchesTheJdk() throws Exception {
        RSAPrivateCrtKey k = (RSAPrivateCrtKey) RSA.getPrivate();
        PrivateKeyData d = PrivateKeyData.fromPem(Pem.encode("PRIVATE KEY", k.getEncoded()));
        assertEquals(PrivateKeyData.Type.RSA, d.type());
        byte[][] c = d.components();
        BigInteger[] want = {k.getModulus(), k.getPublicExponent(), k.getPrivateExponent(), k.getPrimeP(), k.getPrimeQ(),
            k.getPrimeExponentP(), k.getPrimeExponentQ(), k.getCrtCoefficient()};
        for (int i = 0; i < want.length; i++) {
            assertArrayEquals(unsigned(want[i]), c[i], "component " + i);
        }
        // The key works: tls4j signs, the JDK verifies.
        byte[] msg = "pem".getBytes(StandardCharsets.US_ASCII);
        byte[] sig = new org.tls4j.crypto.rsa.RsaPkcs1Signer(d.toRsaPrivateKey(), org.tls4j.crypto.rsa.RsaHash.SHA256).sign(msg);
        Signature v = Signature.getInstance("SHA256withRSA");
        v.initVerify(RSA.getPublic());
        v.update(msg);
        assertTrue(v.verify(sig));
        d.destroy();
        assertArrayEquals(new byte[c[2].length], d.components()[2], "destroy() zeroes the components");
        // SPKI: the public key as PEM.
        PublicKeyInfo p = PublicKeys.fromPem(Pem.encode("PUBLIC KEY", RSA.getPublic().getEncoded()));
        assertEquals(k.getModulus(), p.modulus());
        assertEquals(PublicKeys.toPem(p), Pem.encode("PUBLIC KEY", RSA.getPublic().getEncoded()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"secp256r1", "secp384r1", "secp521r1"})
    void ecPkcs8MatchesTheJdk(String curve) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec(curve));
        KeyPair kp = g.generateKeyPair();
        PrivateKeyData d = PrivateKeyData.fromPkcs8(kp.getPrivate().getEncoded());
        BigInteger s = ((ECPrivateKey) kp.getPrivate()).getS();
        assertEquals(s, new BigInteger(1, d.components()[0]));
        byte[] msg = {1, 2, 3};
        byte[] sig = new EcdsaSigner(d.toEcPrivateKey(), new Sha256(), SignatureEncoding.DER).sign(msg);
        Signature v = Signature.getInstance("SHA256withECDSA");
        v.initVerify(kp.getPublic());
        v.update(msg);
        assertTrue(v.verify(sig));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ed25519", "Ed448", "X25519", "X448", "RSASSA-PSS"})
    void otherPkcs8Keys(String alg) throws Exception {
        KeyPair kp = alg.equals("RSASSA-PSS") ? pss() : KeyPairGenerator.getInstance(alg).generateKeyPair();
        PrivateKeyData d = PrivateKeyData.fromPkcs8(kp.getPrivate().getEncoded());
        assertEquals(alg.equals("RSASSA-PSS") ? "RSA_PSS" : alg.toUpperCase(), d.type().name());
        PublicKeyInfo p = PublicKeyInfo.parse(kp.getPublic().getEncoded());
        assertEquals(d.type().name(), p.type().name());
        if (!alg.equals("RSASSA-PSS")) {
            // Writing the raw key back gives the JDK's PKCS#8 encoding byte for byte.
            assertArrayEquals(kp.getPrivate().getEncoded(), PrivateKeyData.rawPkcs8(p.algorithm(), d.components()[0]));
        }
    }

    static KeyPair pss() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSASSA-PSS");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    @TempDir
    Path dir;

    @Test
    void traditionalPkcs1AndSec1FromOpenssl() throws Exception {
        String openssl = Peers.require("openssl", "openssl").getPath();
        for (String[] k : new String[][] {{"RSA", "rsa_keygen_bits:2048", "RSA PRIVATE KEY"},
            {"EC", "ec_paramgen_curve:P-384", "EC PRIVATE KEY"}}) {
            run(openssl, "genpkey", "-algorithm", k[0], "-pkeyopt", k[1], "-out", "k8.pem");
            run(openssl, "pkey", "-in", "k8.pem", "-traditional", "-out", "k1.pem");
            String trad = Files.readString(dir.resolve("k1.pem"));
            assertTrue(trad.contains("BEGIN " + k[2]), trad);
            PrivateKeyData a = PrivateKeyData.fromPem(Files.readString(dir.resolve("k8.pem")));
            PrivateKeyData b = PrivateKeyData.fromPem(trad);
            assertEquals(a.type(), b.type());
            assertTrue(Arrays.deepEquals(a.components(), b.components()));
            System.out.println("openssl " + k[2] + " and PKCS#8 agree: " + a.type());
        }
    }

    private void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
    }

    @Test
    void malformedPem() throws Exception {
        String good = Pem.encode("CERTIFICATE", new byte[] {0x30, 0});
        assertEquals(1, Pem.decode("junk before\n" + good + "junk after\n").size());
        assertThrows(PemException.class, () -> Pem.decode(good.replace("END CERTIFICATE", "END X509")));
        assertThrows(PemException.class, () -> Pem.decode(good.replace("MAA=", "M@A=")));
        assertThrows(PemException.class, () -> Pem.decode(good.replace("\n-----END CERTIFICATE-----\n", "\n")));
        assertThrows(PemException.class, () -> Pem.decode("-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n"
                + "MAA=\n-----END RSA PRIVATE KEY-----\n"));
        assertThrows(PemException.class, () -> PrivateKeyData.fromPem(Pem.encode("ENCRYPTED PRIVATE KEY", new byte[] {0x30, 0})));
        assertThrows(DerException.class, () -> Pem.certificates(good));
        assertEquals(List.of(), Pem.certificates("no pem here"));
    }
}
