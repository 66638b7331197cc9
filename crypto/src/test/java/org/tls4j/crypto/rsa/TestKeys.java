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
