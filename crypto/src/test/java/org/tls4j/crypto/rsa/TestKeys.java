package org.tls4j.crypto.rsa;

import java.security.SecureRandom;
import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.rand.RandomSource;

/** A few RSA keys shared by the tests (2048-bit key generation costs ~0.1-1 s each; made once per JVM). */
public final class TestKeys {
    private static RsaPrivateKey k2048a;
    private static RsaPrivateKey k2048b;

    private TestKeys() {}

    /** A RandomSource over SecureRandom, for tests. */
    public static RandomSource random() {
        SecureRandom r = new SecureRandom();
        return (out, off, len) -> {
            byte[] b = new byte[len];
            r.nextBytes(b);
            System.arraycopy(b, 0, out, off, len);
        };
    }

    /**
     * A CRT key from (n, e, d): the primes are recovered with the classic randomized method (RFC 8017 notes
     * it; NIST SP 800-56B, Appendix C): {@code ed - 1 = 2^t·r}; for a random g, the sequence
     * {@code g^r, g^2r, ...} hits a non-trivial square root y of 1, and gcd(y - 1, n) is a prime. Test code
     * only (BigInteger on private values is fine here).
     */
    public static RsaPrivateKey crtFromExponent(byte[] nb, byte[] eb, byte[] db) throws CryptoException {
        java.math.BigInteger n = new java.math.BigInteger(1, nb);
        java.math.BigInteger e = new java.math.BigInteger(1, eb);
        java.math.BigInteger d = new java.math.BigInteger(1, db);
        java.math.BigInteger one = java.math.BigInteger.ONE;
        java.math.BigInteger k = e.multiply(d).subtract(one);
        int t = k.getLowestSetBit();
        java.math.BigInteger r = k.shiftRight(t);
        java.util.Random rnd = new java.util.Random(7);
        for (int attempt = 0; attempt < 200; attempt++) {
            java.math.BigInteger g = new java.math.BigInteger(n.bitLength() - 1, rnd).add(java.math.BigInteger.TWO);
            java.math.BigInteger y = g.modPow(r, n);
            for (int i = 0; i < t; i++) {
                java.math.BigInteger y2 = y.multiply(y).mod(n);
                if (y2.equals(one) && !y.equals(one) && !y.equals(n.subtract(one))) {
                    java.math.BigInteger p = y.subtract(one).gcd(n);
                    java.math.BigInteger q = n.divide(p);
                    if (p.compareTo(q) < 0) {
                        java.math.BigInteger tmp = p;
                        p = q;
                        q = tmp;
                    }
                    java.math.BigInteger p1 = p.subtract(one);
                    java.math.BigInteger q1 = q.subtract(one);
                    return RsaPrivateKey.ofCrt(nb, eb, db, Rsa.unsigned(p), Rsa.unsigned(q), Rsa.unsigned(d.mod(p1)),
                            Rsa.unsigned(d.mod(q1)), Rsa.unsigned(q.modInverse(p)));
                }
                y = y2;
            }
        }
        throw new AssertionError("could not factor n from (n, e, d)");
    }

    public static synchronized RsaPrivateKey rsa2048() throws CryptoException {
        if (k2048a == null) {
            k2048a = RsaPrivateKey.generate(2048, random());
        }
        return k2048a;
    }

    public static synchronized RsaPrivateKey rsa2048b() throws CryptoException {
        if (k2048b == null) {
            k2048b = RsaPrivateKey.generate(2048, random());
        }
        return k2048b;
    }
}
