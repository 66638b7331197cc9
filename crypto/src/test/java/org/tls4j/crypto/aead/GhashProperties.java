package org.tls4j.crypto.aead;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The constant-time GHASH against NIST SP 800-38D, Section 6.3, Algorithm 1 (the bit-by-bit
 * multiplication in GF(2^128)) written on BigInteger, and the sparse-word carry-less product against a
 * plain shift-and-XOR one (test oracles only).
 */
class GhashProperties {
    static final BigInteger R = new BigInteger("E1", 16).shiftLeft(120);

    /** X * Y in GCM's bit order: bit 0 is the most significant bit of the 128-bit big-endian number. */
    static BigInteger mul(BigInteger x, BigInteger y) {
        BigInteger z = BigInteger.ZERO, v = y;
        for (int i = 0; i < 128; i++) {
            if (x.testBit(127 - i)) {
                z = z.xor(v);
            }
            v = v.testBit(0) ? v.shiftRight(1).xor(R) : v.shiftRight(1);
        }
        return z;
    }

    static byte[] ghashReference(byte[] h, byte[] data) {
        BigInteger hh = new BigInteger(1, h), y = BigInteger.ZERO;
        for (int off = 0; off < data.length; off += 16) {
            byte[] blk = Arrays.copyOfRange(data, off, off + 16); // zero-padded past the end
            y = mul(y.xor(new BigInteger(1, blk)), hh);
        }
        byte[] out = new byte[16];
        byte[] yb = y.toByteArray();
        int n = Math.min(16, yb.length);
        System.arraycopy(yb, yb.length - n, out, 16 - n, n);
        return out;
    }

    @Provide
    Arbitrary<byte[]> edgy16() {
        return Arbitraries.oneOf(Arbitraries.bytes().array(byte[].class).ofSize(16),
                Arbitraries.of((byte) 0xFF, (byte) 0x80, (byte) 0x01, (byte) 0).map(b -> {
                    byte[] r = new byte[16];
                    Arrays.fill(r, b);
                    return r;
                }));
    }

    @Property(tries = 300)
    void matchesAlgorithm1(@ForAll("edgy16") byte[] h, @ForAll("edgy16") byte[] a, @ForAll("edgy16") byte[] b) {
        byte[] data = new byte[40];
        System.arraycopy(a, 0, data, 0, 16);
        System.arraycopy(b, 0, data, 16, 16);
        System.arraycopy(a, 3, data, 32, 8);
        Ghash g = new Ghash();
        g.init(h, 0);
        g.updatePadded(data, 0, data.length);
        byte[] out = new byte[16];
        g.result(out, 0);
        assertArrayEquals(ghashReference(h, data), out);
    }

    @Property(tries = 1000)
    void bmulIsTheLowHalfOfTheCarrylessProduct(@ForAll long x, @ForAll long y) {
        long lo = 0;
        for (int i = 0; i < 64; i++) {
            if (((y >>> i) & 1) != 0) {
                lo ^= x << i;
            }
        }
        assertEquals(lo, Ghash.bmul(x, y));
        long ones = 0;
        for (int i = 0; i < 64; i++) {
            ones ^= -1L << i;
        }
        assertEquals(ones, Ghash.bmul(-1L, -1L));
    }
}
