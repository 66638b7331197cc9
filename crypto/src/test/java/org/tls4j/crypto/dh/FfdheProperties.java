package org.tls4j.crypto.dh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.kex.KeyExchange;
import org.tls4j.crypto.rand.RandomSource;

/** FFDHE agreement: symmetric, and equal to BigInteger's g^(ab) mod p with the same exponents (test oracle). */
class FfdheProperties {

    private static RandomSource seeded(long seed) {
        Random r = new Random(seed);
        return (out, off, len) -> {
            byte[] b = new byte[len];
            r.nextBytes(b);
            System.arraycopy(b, 0, out, off, len);
        };
    }

    @Property(tries = 12)
    void agreementIsSymmetricAndMatchesBigInteger(@ForAll long seedA, @ForAll long seedB) throws CryptoException {
        FfdheGroup g = FfdheGroup.FFDHE2048;
        KeyExchange.KeyShare a = g.generate(seeded(seedA));
        KeyExchange.KeyShare b = g.generate(seeded(seedB));
        byte[] sa = a.agree(b.publicKey(), 0, 256);
        byte[] sb = b.agree(a.publicKey(), 0, 256);
        assertArrayEquals(sa, sb);
        // Re-derive the private exponents the way generate() draws them, and compare with BigInteger.
        BigInteger xa = exponent(seedA, g.exponentBits());
        BigInteger xb = exponent(seedB, g.exponentBits());
        BigInteger p = g.prime();
        assertEquals(BigInteger.TWO.modPow(xa, p), new BigInteger(1, a.publicKey()));
        assertEquals(BigInteger.TWO.modPow(xa.multiply(xb), p), new BigInteger(1, sa));
    }

    private static BigInteger exponent(long seed, int bits) {
        byte[] x = seeded(seed).nextBytes((bits + 7) / 8);
        int extra = 8 * x.length - bits;
        x[0] &= (byte) (0xFF >>> extra);
        x[0] |= (byte) (0x80 >>> extra);
        return new BigInteger(1, x);
    }
}
