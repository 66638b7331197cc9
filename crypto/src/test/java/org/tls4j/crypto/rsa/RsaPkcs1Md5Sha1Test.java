package org.tls4j.crypto.rsa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;

import org.junit.jupiter.api.Test;

/**
 * The TLS 1.0/1.1 RSA signature (PKCS#1 block type 1 over MD5 || SHA-1, no DigestInfo) against the JDK's
 * "NONEwithRSA", which pads the given bytes the same way (tests only; the library never uses the JCA).
 */
class RsaPkcs1Md5Sha1Test {
    /** Unsigned big-endian bytes of {@code v}. */
    private static byte[] u(java.math.BigInteger v) {
        byte[] b = v.toByteArray();
        return b[0] == 0 && b.length > 1 ? java.util.Arrays.copyOfRange(b, 1, b.length) : b;
    }

    @Test
    void matchesTheJdkBothWaysAndRejectsTampering() throws Exception {
        java.security.KeyPairGenerator kpg = java.security.KeyPairGenerator.getInstance("RSA");
        kpg.initialize(2048);
        java.security.KeyPair kp = kpg.generateKeyPair();
        RSAPrivateCrtKey jp = (RSAPrivateCrtKey) kp.getPrivate();
        RsaPrivateKey ours = RsaPrivateKey.ofCrt(u(jp.getModulus()), u(jp.getPublicExponent()),
                u(jp.getPrivateExponent()), u(jp.getPrimeP()), u(jp.getPrimeQ()),
                u(jp.getPrimeExponentP()), u(jp.getPrimeExponentQ()),
                u(jp.getCrtCoefficient()));
        byte[] msg = "client_random + server_random + params".getBytes(StandardCharsets.US_ASCII);

        byte[] md5sha1 = new byte[36];
        System.arraycopy(MessageDigest.getInstance("MD5").digest(msg), 0, md5sha1, 0, 16);
        System.arraycopy(MessageDigest.getInstance("SHA-1").digest(msg), 0, md5sha1, 16, 20);
        assertArrayEquals(md5sha1, RsaPkcs1Md5Sha1.hash(msg));

        Signature none = Signature.getInstance("NONEwithRSA");
        none.initSign(kp.getPrivate());
        none.update(md5sha1);
        byte[] jdkSig = none.sign();
        // Deterministic padding: the same bytes.
        assertArrayEquals(jdkSig, RsaPkcs1Md5Sha1.sign(ours, msg));
        assertTrue(RsaPkcs1Md5Sha1.verify(ours.publicKey(), msg, jdkSig));

        Signature v = Signature.getInstance("NONEwithRSA");
        v.initVerify(kp.getPublic());
        v.update(md5sha1);
        assertTrue(v.verify(RsaPkcs1Md5Sha1.sign(ours, msg)));

        byte[] bad = jdkSig.clone();
        bad[bad.length - 1] ^= 1;
        assertFalse(RsaPkcs1Md5Sha1.verify(ours.publicKey(), msg, bad));
        assertFalse(RsaPkcs1Md5Sha1.verify(ours.publicKey(), "other".getBytes(StandardCharsets.US_ASCII), jdkSig));
        assertFalse(RsaPkcs1Md5Sha1.verify(ours.publicKey(), msg, new byte[10]));
    }
}
