package org.tls4j.crypto.rsa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.tls4j.crypto.CryptoException;

/** Round trips and tamper detection on two generated 2048-bit keys shared by all properties. */
class RsaProperties {

    private static RsaHash hash(int i) {
        return new RsaHash[] {RsaHash.SHA256, RsaHash.SHA384, RsaHash.SHA512}[i];
    }

    @Property(tries = 25)
    void pkcs1SignVerifyAndTamper(@ForAll @Size(max = 300) byte[] msg, @ForAll @IntRange(min = 0, max = 2) int h,
            @ForAll @IntRange(min = 0, max = 10000) int pos) throws CryptoException {
        RsaPrivateKey key = TestKeys.rsa2048();
        RsaHash hh = hash(h);
        byte[] sig = new RsaPkcs1Signer(key, hh).sign(msg);
        RsaPkcs1Verifier v = new RsaPkcs1Verifier(key.publicKey(), hh);
        assertTrue(v.verify(msg, sig));
        byte[] badSig = sig.clone();
        badSig[pos % sig.length] ^= (byte) (1 << (pos % 8));
        assertFalse(v.verify(msg, badSig));
        byte[] badMsg = java.util.Arrays.copyOf(msg, msg.length + (msg.length == 0 ? 1 : 0));
        badMsg[pos % badMsg.length] ^= (byte) (1 << (pos % 8));
        assertFalse(v.verify(badMsg, sig));
        assertFalse(new RsaPkcs1Verifier(TestKeys.rsa2048b().publicKey(), hh).verify(msg, sig));
        assertFalse(new RsaPssVerifier(key.publicKey(), hh).verify(msg, sig));
    }

    @Property(tries = 25)
    void pssSignVerifyAndTamper(@ForAll @Size(max = 300) byte[] msg, @ForAll @IntRange(min = 0, max = 2) int h,
            @ForAll @IntRange(min = 0, max = 10000) int pos) throws CryptoException {
        RsaPrivateKey key = TestKeys.rsa2048();
        RsaHash hh = hash(h);
        RsaPssSigner s = new RsaPssSigner(key, hh, TestKeys.random());
        byte[] sig = s.sign(msg);
        RsaPssVerifier v = new RsaPssVerifier(key.publicKey(), hh);
        assertTrue(v.verify(msg, sig));
        assertFalse(java.util.Arrays.equals(sig, s.sign(msg)), "PSS is randomized");
        byte[] badSig = sig.clone();
        badSig[pos % sig.length] ^= (byte) (1 << (pos % 8));
        assertFalse(v.verify(msg, badSig));
        byte[] badMsg = java.util.Arrays.copyOf(msg, msg.length + (msg.length == 0 ? 1 : 0));
        badMsg[pos % badMsg.length] ^= (byte) (1 << (pos % 8));
        assertFalse(v.verify(badMsg, sig));
        assertFalse(new RsaPssVerifier(key.publicKey(), hh, hh, hh.length() - 1).verify(msg, sig));
        assertFalse(new RsaPkcs1Verifier(key.publicKey(), hh).verify(msg, sig));
    }

    @Property(tries = 25)
    void encryptDecryptRoundTrip(@ForAll @Size(max = 245) byte[] msg) throws CryptoException {
        RsaPrivateKey key = TestKeys.rsa2048();
        byte[] c = RsaPkcs1Encryption.encrypt(key.publicKey(), msg, TestKeys.random());
        assertEquals(256, c.length);
        assertArrayEquals(msg, RsaPkcs1Encryption.decrypt(key, c));
        byte[] out = new byte[msg.length];
        assertEquals(1, RsaPkcs1Encryption.decryptTls(key, c, 0, c.length, out, 0, msg.length));
        assertArrayEquals(msg, out);
        // the other key cannot decrypt it: the flag path says 0 (or, rarely, decodes garbage of another length)
        byte[] out2 = new byte[48];
        int f = RsaPkcs1Encryption.decryptTls(TestKeys.rsa2048b(), c, 0, c.length, out2, 0, 48);
        assertTrue(f == 0 || f == 1);
    }

    @Property(tries = 20)
    void privateOpMatchesBigInteger(@ForAll @Size(min = 256, max = 256) byte[] x) throws CryptoException {
        RsaPrivateKey key = TestKeys.rsa2048();
        RsaPublicKey pub = key.publicKey();
        BigInteger xi = new BigInteger(1, x).mod(pub.modulus());
        byte[] in = Rsa.i2osp(xi, 256);
        byte[] m = key.privateOp(in, 0, 256);
        assertEquals(xi, new BigInteger(1, m).modPow(pub.publicExponent(), pub.modulus()));
    }

    @Test
    void inputChecks() throws CryptoException {
        RsaPrivateKey key = TestKeys.rsa2048();
        RsaPublicKey pub = key.publicKey();
        byte[] n = pub.modulusBytes();
        assertThrows(CryptoException.class, () -> key.privateOp(n, 0, n.length));
        assertThrows(CryptoException.class, () -> key.privateOp(new byte[255], 0, 255));
        assertThrows(CryptoException.class, () -> RsaPkcs1Encryption.decrypt(key, n));
        assertEquals(0, RsaPkcs1Encryption.decryptTls(key, n, 0, n.length, new byte[48], 0, 48));
        assertEquals(0, RsaPkcs1Encryption.decryptTls(key, new byte[10], 0, 10, new byte[48], 0, 48));
        assertThrows(CryptoException.class,
                () -> RsaPkcs1Encryption.encrypt(pub, new byte[246], TestKeys.random()));
        assertFalse(new RsaPkcs1Verifier(pub, RsaHash.SHA256).verify(new byte[1], n));
        assertFalse(new RsaPkcs1Verifier(pub, RsaHash.SHA256).verify(new byte[1], new byte[0]));
        assertFalse(new RsaPssVerifier(pub, RsaHash.SHA256).verify(new byte[1], new byte[300]));
        assertThrows(CryptoException.class, () -> new RsaPkcs1Signer(key, RsaHash.SHA1));
        assertThrows(CryptoException.class, () -> RsaPublicKey.of(BigInteger.valueOf(15), BigInteger.valueOf(3)));
        assertThrows(CryptoException.class, () -> RsaPublicKey.of(pub.modulus(), BigInteger.valueOf(4)));
        assertThrows(CryptoException.class, () -> RsaPublicKey.of(pub.modulus().add(BigInteger.ONE),
                BigInteger.valueOf(3)));
        assertThrows(CryptoException.class, () -> RsaPrivateKey.generate(1024, TestKeys.random()));
        assertEquals(2048, pub.bitLength());
        assertTrue(key.isCrt());
    }

    @Test
    void generates3072BitKeys() throws CryptoException {
        RsaPrivateKey k = RsaPrivateKey.generate(3072, TestKeys.random());
        assertEquals(3072, k.publicKey().bitLength());
        assertEquals(BigInteger.valueOf(65537), k.publicKey().publicExponent());
        byte[] sig = new RsaPssSigner(k, RsaHash.SHA384, TestKeys.random()).sign(new byte[] {9});
        assertTrue(new RsaPssVerifier(k.publicKey(), RsaHash.SHA384).verify(new byte[] {9}, sig));
        assertFalse(k.publicKey().equals(TestKeys.rsa2048().publicKey()));
    }

    @Test
    void destroyedKeyRefuses() throws CryptoException {
        RsaPrivateKey k = RsaPrivateKey.generate(2048, TestKeys.random());
        byte[] sig = new RsaPkcs1Signer(k, RsaHash.SHA256).sign(new byte[] {1});
        assertTrue(new RsaPkcs1Verifier(k.publicKey(), RsaHash.SHA256).verify(new byte[] {1}, sig));
        k.destroy();
        assertThrows(CryptoException.class, () -> new RsaPkcs1Signer(k, RsaHash.SHA256).sign(new byte[] {1}));
    }

    @Test
    void inconsistentCrtKeyIsRefused() throws CryptoException {
        RsaPrivateKey k = TestKeys.rsa2048();
        // Rebuild the key from its components with dp off by two: the self test (fault check) must refuse it.
        java.util.Random r = new java.util.Random(1);
        BigInteger e = BigInteger.valueOf(65537);
        BigInteger p = BigInteger.probablePrime(1024, r);
        BigInteger q = BigInteger.probablePrime(1024, r);
        while (!p.subtract(BigInteger.ONE).gcd(e).equals(BigInteger.ONE)) {
            p = p.nextProbablePrime();
        }
        while (!q.subtract(BigInteger.ONE).gcd(e).equals(BigInteger.ONE)) {
            q = q.nextProbablePrime();
        }
        BigInteger n = p.multiply(q);
        BigInteger phi = p.subtract(BigInteger.ONE).multiply(q.subtract(BigInteger.ONE));
        BigInteger d = e.modInverse(phi);
        byte[][] good = {Rsa.unsigned(n), Rsa.unsigned(e), Rsa.unsigned(d), Rsa.unsigned(p), Rsa.unsigned(q),
            Rsa.unsigned(d.mod(p.subtract(BigInteger.ONE))), Rsa.unsigned(d.mod(q.subtract(BigInteger.ONE))),
            Rsa.unsigned(q.modInverse(p))};
        RsaPrivateKey ok = RsaPrivateKey.ofCrt(good[0], good[1], good[2], good[3], good[4], good[5], good[6], good[7]);
        byte[] sig = new RsaPkcs1Signer(ok, RsaHash.SHA256).sign(new byte[] {7});
        assertTrue(new RsaPkcs1Verifier(ok.publicKey(), RsaHash.SHA256).verify(new byte[] {7}, sig));
        byte[] badDp = Rsa.unsigned(d.mod(p.subtract(BigInteger.ONE)).add(BigInteger.TWO));
        assertThrows(CryptoException.class,
                () -> RsaPrivateKey.ofCrt(good[0], good[1], good[2], good[3], good[4], badDp, good[6], good[7]));
        byte[] badN = Rsa.unsigned(n.add(BigInteger.TWO));
        assertThrows(CryptoException.class,
                () -> RsaPrivateKey.ofCrt(badN, good[1], good[2], good[3], good[4], good[5], good[6], good[7]));
        assertTrue(k.isCrt());
    }
}
