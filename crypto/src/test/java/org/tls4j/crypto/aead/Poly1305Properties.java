package org.tls4j.crypto.aead;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.math.BigInteger;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Poly1305 against the pseudocode of RFC 8439, Section 2.5.1, run on BigInteger (test oracle only). Keys
 * and messages are biased towards all-ones bytes, where the limb carries and the final reduction are at
 * their limits.
 */
class Poly1305Properties {
    static final BigInteger P = BigInteger.ONE.shiftLeft(130).subtract(BigInteger.valueOf(5));

    static BigInteger le(byte[] b, int off, int len) {
        byte[] be = new byte[len + 1];
        for (int i = 0; i < len; i++) {
            be[len - i] = b[off + i];
        }
        return new BigInteger(be);
    }

    static byte[] reference(byte[] key, byte[] msg) {
        byte[] rb = Arrays.copyOf(key, 16);
        rb[3] &= 15; rb[7] &= 15; rb[11] &= 15; rb[15] &= 15;
        rb[4] &= (byte) 252; rb[8] &= (byte) 252; rb[12] &= (byte) 252;
        BigInteger r = le(rb, 0, 16);
        BigInteger s = le(key, 16, 16);
        BigInteger a = BigInteger.ZERO;
        for (int off = 0; off < msg.length; off += 16) {
            int n = Math.min(16, msg.length - off);
            BigInteger block = le(msg, off, n).setBit(8 * n);
            a = a.add(block).multiply(r).mod(P);
        }
        a = a.add(s);
        byte[] out = new byte[16];
        for (int i = 0; i < 16; i++) {
            out[i] = a.shiftRight(8 * i).byteValue();
        }
        return out;
    }

    @Provide
    Arbitrary<byte[]> edgy() {
        return Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(200),
                Arbitraries.integers().between(0, 200).map(n -> {
                    byte[] b = new byte[n];
                    Arrays.fill(b, (byte) 0xFF);
                    return b;
                }));
    }

    @Property(tries = 400)
    void matchesBigIntegerReference(@ForAll("edgy") byte[] keySeed, @ForAll("edgy") byte[] msg,
            @ForAll @IntRange(min = 0, max = 200) int split) throws Exception {
        byte[] key = new byte[32];
        for (int i = 0; i < 32; i++) {
            key[i] = keySeed.length == 0 ? (byte) 0xFF : keySeed[i % keySeed.length];
        }
        Poly1305 p = new Poly1305(key);
        int s = Math.min(split, msg.length);
        p.update(msg, 0, s);
        p.update(msg, s, msg.length - s);
        assertArrayEquals(reference(key, msg), p.doFinal());
    }

    @Property(tries = 100)
    void reinitEqualsFresh(@ForAll @Size(value = 32) byte[] k1, @ForAll @Size(value = 32) byte[] k2,
            @ForAll @Size(max = 100) byte[] msg) throws Exception {
        Poly1305 p = new Poly1305(k1);
        p.update(msg, 0, msg.length);
        p.init(k2, 0);
        p.update(msg, 0, msg.length);
        assertArrayEquals(reference(k2, msg), p.doFinal());
    }
}
