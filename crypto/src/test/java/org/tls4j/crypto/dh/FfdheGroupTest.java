package org.tls4j.crypto.dh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.KeyAgreement;
import javax.crypto.interfaces.DHPublicKey;
import javax.crypto.spec.DHParameterSpec;
import javax.crypto.spec.DHPublicKeySpec;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import org.junit.jupiter.api.Test;
import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.kex.KeyExchange;
import org.tls4j.crypto.rsa.TestKeys;
import org.tls4j.testing.Peers;

class FfdheGroupTest {
    static final FfdheGroup[] ALL = {FfdheGroup.FFDHE2048, FfdheGroup.FFDHE3072, FfdheGroup.FFDHE4096,
        FfdheGroup.FFDHE6144, FfdheGroup.FFDHE8192};
    static final int[] BITS = {2048, 3072, 4096, 6144, 8192};
    /** X of RFC 7919, Appendix A: the smallest value making p a safe prime. */
    static final int[] X = {560316, 2625351, 5736041, 15705020, 10965728};

    /** floor(e · 2^bits), from the series e = sum 1/k!, with 64 guard bits. */
    static BigInteger eScaled(int bits) {
        BigInteger one = BigInteger.ONE.shiftLeft(bits + 64);
        BigInteger sum = BigInteger.ZERO;
        BigInteger term = one;
        for (int k = 1; term.signum() > 0; k++) {
            sum = sum.add(term);
            term = term.divide(BigInteger.valueOf(k));
        }
        return sum.shiftRight(64);
    }

    @Test
    void primesFollowTheRfcFormula() {
        for (int i = 0; i < ALL.length; i++) {
            int b = BITS[i];
            // p = 2^b - 2^{b-64} + {[2^{b-130} e] + X} * 2^64 - 1   (RFC 7919, Appendix A)
            BigInteger p = BigInteger.ONE.shiftLeft(b).subtract(BigInteger.ONE.shiftLeft(b - 64))
                    .add(eScaled(b - 130).add(BigInteger.valueOf(X[i])).shiftLeft(64)).subtract(BigInteger.ONE);
            assertEquals(p, ALL[i].prime(), ALL[i].name());
            assertEquals(BigInteger.TWO, ALL[i].generator());
            assertEquals(b, ALL[i].prime().bitLength());
            assertEquals(b / 8, ALL[i].publicKeyLength());
            assertEquals(ALL[i], FfdheGroup.byName("ffdhe" + b));
        }
    }

    @Test
    void primesAreSafePrimes() {
        for (FfdheGroup g : new FfdheGroup[] {FfdheGroup.FFDHE2048, FfdheGroup.FFDHE3072, FfdheGroup.FFDHE4096}) {
            BigInteger p = g.prime();
            assertTrue(p.isProbablePrime(20), g.name());
            assertTrue(p.shiftRight(1).isProbablePrime(20), g.name() + " (p-1)/2");
        }
        System.out.println("ffdhe: ffdhe2048/3072/4096 p and (p-1)/2 are probable primes; ffdhe6144/8192 checked"
                + " against the RFC formula and OpenSSL");
    }

    @Test
    void primesMatchOpenSsl() throws Exception {
        File openssl = Peers.require("openssl", "openssl");
        for (FfdheGroup g : ALL) {
            Process pr = new ProcessBuilder(openssl.getPath(), "genpkey", "-genparam", "-algorithm", "DH", "-pkeyopt",
                    "group:" + g.name()).redirectErrorStream(true).start();
            String pem = new String(pr.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertEquals(0, pr.waitFor(), pem);
            StringBuilder b64 = new StringBuilder();
            for (String l : pem.split("\n")) {
                if (!l.startsWith("-----") && !l.isBlank()) {
                    b64.append(l.trim());
                }
            }
            byte[] der = Base64.getDecoder().decode(b64.toString());
            // DHParameter ::= SEQUENCE { prime INTEGER, base INTEGER }; lengths in long form here.
            int i = 1;
            i += (der[i] & 0x80) != 0 ? 1 + (der[i] & 0x7F) : 1;
            assertEquals(2, der[i++]);
            int lenBytes = der[i] & 0x7F;
            int len = 0;
            for (int j = 0; j < lenBytes; j++) {
                len = (len << 8) | (der[i + 1 + j] & 0xFF);
            }
            i += 1 + lenBytes;
            BigInteger p = new BigInteger(1, java.util.Arrays.copyOfRange(der, i, i + len));
            assertEquals(p, g.prime(), g.name());
        }
    }

    @Test
    void agreementIsSymmetricInEveryGroup() throws CryptoException {
        for (FfdheGroup g : ALL) {
            KeyExchange.KeyShare a = g.generate(TestKeys.random());
            KeyExchange.KeyShare b = g.generate(TestKeys.random());
            byte[] pa = a.publicKey();
            byte[] pb = b.publicKey();
            assertEquals(g.publicKeyLength(), pa.length);
            byte[] s1 = a.agree(pb, 0, pb.length);
            byte[] s2 = b.agree(pa, 0, pa.length);
            assertArrayEquals(s1, s2, g.name());
            assertEquals(g.sharedSecretLength(), s1.length);
            // oracle: y_a^x_b mod p computed from the public values only cannot be checked without x; but the
            // public value itself must be in range
            BigInteger ya = new BigInteger(1, pa);
            assertTrue(ya.compareTo(BigInteger.ONE) > 0 && ya.compareTo(g.prime()) < 0);
            a.destroy();
            b.destroy();
            assertThrows(CryptoException.class, () -> a.agree(pb, 0, pb.length));
        }
    }

    @Test
    void agreementWorkDoesNotDependOnValues() throws CryptoException {
        FfdheGroup g = FfdheGroup.FFDHE2048;
        long[] counts = new long[4];
        BigInteger p = g.prime();
        byte[][] peers = {fixed(BigInteger.TWO, 256), fixed(p.subtract(BigInteger.TWO), 256),
            g.generate(TestKeys.random()).publicKey(), g.generate(TestKeys.random()).publicKey()};
        for (int i = 0; i < 4; i++) {
            KeyExchange.KeyShare a = g.generate(TestKeys.random()); // a fresh private exponent each time
            long before = org.tls4j.crypto.math.Modulus.montMulCount();
            a.agree(peers[i], 0, 256);
            counts[i] = org.tls4j.crypto.math.Modulus.montMulCount() - before;
        }
        for (int i = 1; i < 4; i++) {
            assertEquals(counts[0], counts[i], "Montgomery multiplications differ for peer " + i);
        }
    }

    @Test
    void peerValueIsChecked() throws CryptoException {
        FfdheGroup g = FfdheGroup.FFDHE2048;
        KeyExchange.KeyShare a = g.generate(TestKeys.random());
        BigInteger p = g.prime();
        for (BigInteger bad : new BigInteger[] {BigInteger.ZERO, BigInteger.ONE, p.subtract(BigInteger.ONE), p,
            p.add(BigInteger.ONE)}) {
            byte[] enc = fixed(bad, 256);
            assertThrows(CryptoException.class, () -> a.agree(enc, 0, enc.length), bad.toString(16));
        }
        byte[] tooLong = new byte[257];
        tooLong[256] = 2;
        assertThrows(CryptoException.class, () -> a.agree(tooLong, 0, tooLong.length));
        assertThrows(CryptoException.class, () -> a.agree(new byte[0], 0, 0));
        // a short encoding (TLS 1.2 style, leading zeros stripped) is the same value
        byte[] two = {2};
        byte[] s1 = a.agree(two, 0, 1);
        byte[] s2 = a.agree(fixed(BigInteger.TWO, 256), 0, 256);
        assertArrayEquals(s1, s2);
    }

    @Test
    void customGroupLimits() throws CryptoException {
        byte[] p2048 = fixed(FfdheGroup.FFDHE2048.prime(), 256);
        FfdheGroup c = FfdheGroup.custom(p2048, new byte[] {2});
        assertEquals("dhe_custom", c.name());
        assertEquals(2047, c.exponentBits());
        KeyExchange.KeyShare a = c.generate(TestKeys.random());
        KeyExchange.KeyShare b = FfdheGroup.FFDHE2048.generate(TestKeys.random());
        assertArrayEquals(a.agree(b.publicKey(), 0, 256), b.agree(a.publicKey(), 0, 256));
        byte[] p1024 = fixed(BigInteger.ONE.shiftLeft(1023).add(BigInteger.ONE), 128);
        assertThrows(CryptoException.class, () -> FfdheGroup.custom(p1024, new byte[] {2}));
        FfdheGroup small = FfdheGroup.custom(p1024, new byte[] {2}, 1024, 8192); // configurable minimum
        assertEquals(1024, small.prime().bitLength());
        byte[] huge = new byte[1100];
        huge[0] = 1;
        huge[1099] = 1;
        assertThrows(CryptoException.class, () -> FfdheGroup.custom(huge, new byte[] {2}));
        byte[] even = p2048.clone();
        even[255] &= (byte) 0xFE;
        assertThrows(CryptoException.class, () -> FfdheGroup.custom(even, new byte[] {2}));
        assertThrows(CryptoException.class, () -> FfdheGroup.custom(p2048, new byte[] {1}));
        byte[] pm1 = fixed(FfdheGroup.FFDHE2048.prime().subtract(BigInteger.ONE), 256);
        assertThrows(CryptoException.class, () -> FfdheGroup.custom(p2048, pm1));
    }

    @Test
    void agreesWithTheJdk() throws Exception {
        for (FfdheGroup g : new FfdheGroup[] {FfdheGroup.FFDHE2048, FfdheGroup.FFDHE3072}) {
            DHParameterSpec spec = new DHParameterSpec(g.prime(), g.generator());
            KeyPairGenerator kpg = KeyPairGenerator.getInstance("DH");
            kpg.initialize(spec);
            KeyPair jdk = kpg.generateKeyPair();
            KeyExchange.KeyShare ours = g.generate(TestKeys.random());
            BigInteger jdkY = ((DHPublicKey) jdk.getPublic()).getY();
            byte[] jdkPub = fixed(jdkY, g.publicKeyLength());
            byte[] s1 = ours.agree(jdkPub, 0, jdkPub.length);
            KeyAgreement ka = KeyAgreement.getInstance("DH");
            ka.init(jdk.getPrivate());
            KeyFactory kf = KeyFactory.getInstance("DH");
            ka.doPhase(kf.generatePublic(new DHPublicKeySpec(new BigInteger(1, ours.publicKey()), g.prime(),
                    g.generator())), true);
            byte[] s2 = ka.generateSecret();
            assertEquals(new BigInteger(1, s2), new BigInteger(1, s1), g.name());
            assertEquals(g.sharedSecretLength(), s1.length);
        }
    }

    static byte[] fixed(BigInteger v, int n) {
        byte[] b = v.toByteArray();
        byte[] out = new byte[n];
        int c = Math.min(n, b.length);
        System.arraycopy(b, b.length - c, out, n - c, c);
        return out;
    }
}
