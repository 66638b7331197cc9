package org.tls4j.crypto.rsa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.RSAPublicKeySpec;
import javax.crypto.Cipher;
import org.junit.jupiter.api.Test;
import org.tls4j.crypto.CryptoException;

/** Cross-checks with the JDK's SunRsaSign and SunJCE (tests only; the library never uses the JCA). */
class RsaJdkCrossTest {

    private static PublicKey jdkPublic(RsaPublicKey k) throws Exception {
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(k.modulus(), k.publicExponent()));
    }

    @Test
    void jdkKeysSignAndVerifyBothWays() throws Exception {
        java.security.KeyPairGenerator kpg = java.security.KeyPairGenerator.getInstance("RSA");
        kpg.initialize(2048);
        java.security.KeyPair kp = kpg.generateKeyPair();
        RSAPrivateCrtKey jp = (RSAPrivateCrtKey) kp.getPrivate();
        RsaPrivateKey ours = RsaPrivateKey.ofCrt(u(jp.getModulus()), u(jp.getPublicExponent()),
                u(jp.getPrivateExponent()), u(jp.getPrimeP()), u(jp.getPrimeQ()), u(jp.getPrimeExponentP()),
                u(jp.getPrimeExponentQ()), u(jp.getCrtCoefficient()));
        byte[] msg = "tls4j cross-check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        // PKCS#1 v1.5 is deterministic: both must give the same bytes.
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(kp.getPrivate());
        s.update(msg);
        byte[] jdkSig = s.sign();
        assertArrayEquals(jdkSig, new RsaPkcs1Signer(ours, RsaHash.SHA256).sign(msg));
        assertTrue(new RsaPkcs1Verifier(ours.publicKey(), RsaHash.SHA256).verify(msg, jdkSig));

        for (RsaHash h : new RsaHash[] {RsaHash.SHA256, RsaHash.SHA384, RsaHash.SHA512}) {
            Signature pss = Signature.getInstance("RSASSA-PSS");
            pss.setParameter(new PSSParameterSpec(h.name(), "MGF1", new MGF1ParameterSpec(h.name()), h.length(), 1));
            pss.initSign(kp.getPrivate());
            pss.update(msg);
            byte[] jdkPss = pss.sign();
            assertTrue(new RsaPssVerifier(ours.publicKey(), h).verify(msg, jdkPss), h.name());
            byte[] ourPss = new RsaPssSigner(ours, h, TestKeys.random()).sign(msg);
            pss.initVerify(kp.getPublic());
            pss.update(msg);
            assertTrue(pss.verify(ourPss), h.name());
        }

        // PKCS#1 v1.5 encryption both ways.
        byte[] pms = new byte[48];
        pms[0] = 3;
        pms[1] = 3;
        Cipher c = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        c.init(Cipher.ENCRYPT_MODE, kp.getPublic());
        byte[] ct = c.doFinal(pms);
        byte[] out = new byte[48];
        assertTrue(RsaPkcs1Encryption.decryptTls(ours, ct, 0, ct.length, out, 0, 48) == 1);
        assertArrayEquals(pms, out);
        byte[] ct2 = RsaPkcs1Encryption.encrypt(ours.publicKey(), pms, TestKeys.random());
        c.init(Cipher.DECRYPT_MODE, kp.getPrivate());
        assertArrayEquals(pms, c.doFinal(ct2));
    }

    @Test
    void generatedKeyWorksInTheJdk() throws Exception {
        RsaPrivateKey k = TestKeys.rsa2048();
        PublicKey pub = jdkPublic(k.publicKey());
        assertTrue(((RSAPublicKey) pub).getModulus().bitLength() == 2048);
        byte[] msg = new byte[100];
        byte[] sig = new RsaPkcs1Signer(k, RsaHash.SHA512).sign(msg);
        Signature s = Signature.getInstance("SHA512withRSA");
        s.initVerify(pub);
        s.update(msg);
        assertTrue(s.verify(sig));
    }

    private static byte[] u(BigInteger v) throws CryptoException {
        return Rsa.unsigned(v);
    }

}
