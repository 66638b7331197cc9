package org.tls4j.crypto.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.tls4j.crypto.CryptoException;

/** The constant-time core against BigInteger as the oracle. */
class ModulusProperties {

    static byte[] fixed(BigInteger v, int n) {
        byte[] b = v.toByteArray();
        byte[] out = new byte[n];
        int copy = Math.min(n, b.length);
        System.arraycopy(b, b.length - copy, out, n - copy, copy);
        return out;
    }

    static BigInteger randomOdd(Random r, int bits) {
        return new BigInteger(bits, r).setBit(bits - 1).setBit(0);
    }

    @Property(tries = 200)
    void decodeEncodeRoundTrip(@ForAll long seed, @ForAll @IntRange(min = 1, max = 300) int n) {
        Random r = new Random(seed);
        byte[] b = new byte[n];
        r.nextBytes(b);
        int len = Nat31.limbsForBits(8 * n);
        int[] x = new int[len];
        Nat31.decode(x, len, b, 0, n);
        byte[] back = new byte[n];
        Nat31.encode(back, 0, n, x, len);
        assertArrayEquals(b, back);
        BigInteger v = new BigInteger(1, b);
        for (int i = 0; i < len; i++) {
            assertEquals(v.shiftRight(31 * i).intValue() & Nat31.MASK, x[i]);
        }
    }

    @Property(tries = 60)
    void modPowEqualsBigInteger(@ForAll long seed, @ForAll @IntRange(min = 2, max = 1100) int bits,
            @ForAll @IntRange(min = 1, max = 40) int expBytes) throws CryptoException {
        Random r = new Random(seed);
        BigInteger m = randomOdd(r, bits);
        int n = (bits + 7) / 8;
        BigInteger base = new BigInteger(bits + 40, r); // larger than m: exercises the reduction
        BigInteger e = new BigInteger(8 * expBytes, r);
        Modulus mod = Modulus.of(fixed(m, n));
        byte[] got = mod.modPow(fixed(base, (bits + 40 + 7) / 8), fixed(e, expBytes));
        assertArrayEquals(fixed(base.modPow(e, m), n), got);
    }

    @Property(tries = 60)
    void montMulAndModAddSub(@ForAll long seed, @ForAll @IntRange(min = 2, max = 2100) int bits)
            throws CryptoException {
        Random r = new Random(seed);
        BigInteger m = randomOdd(r, bits);
        int n = (bits + 7) / 8;
        Modulus mod = Modulus.of(fixed(m, n));
        BigInteger a = new BigInteger(bits, r).mod(m);
        BigInteger b = new BigInteger(bits, r).mod(m);
        int len = mod.limbs();
        int[] ai = new int[len];
        int[] bi = new int[len];
        Nat31.decode(ai, len, fixed(a, n), 0, n);
        Nat31.decode(bi, len, fixed(b, n), 0, n);
        BigInteger rInv = BigInteger.ONE.shiftLeft(31 * len).modInverse(m);
        assertEquals(a.multiply(b).multiply(rInv).mod(m), toBig(mod.montMul(ai, bi)));
        assertEquals(a, toBig(mod.fromMont(mod.toMont(ai))));
        int[] s = ai.clone();
        mod.modAdd(s, bi);
        assertEquals(a.add(b).mod(m), toBig(s));
        int[] d = ai.clone();
        mod.modSub(d, bi);
        assertEquals(a.subtract(b).mod(m), toBig(d));
        assertEquals(a.compareTo(b) < 0 ? 1 : 0, Nat31.lt(ai, bi, len));
        assertEquals(a.equals(b) ? 1 : 0, Nat31.eq(ai, bi, len));
        assertEquals(1, Nat31.eq(ai, ai.clone(), len));
    }

    @Property(tries = 60)
    void reduceLargerValue(@ForAll long seed, @ForAll @IntRange(min = 2, max = 1100) int bits,
            @ForAll @IntRange(min = 1, max = 600) int vBytes) throws CryptoException {
        Random r = new Random(seed);
        BigInteger m = randomOdd(r, bits);
        int n = (bits + 7) / 8;
        Modulus mod = Modulus.of(fixed(m, n));
        BigInteger v = new BigInteger(8 * vBytes, r);
        int[] red = mod.fromMont(mod.reduceToMont(fixed(v, vBytes), 0, vBytes));
        assertEquals(v.mod(m), toBig(red));
    }

    @Property(tries = 60)
    void plainMultiply(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int alen,
            @ForAll @IntRange(min = 1, max = 40) int blen) {
        Random r = new Random(seed);
        int[] a = new int[alen];
        int[] b = new int[blen];
        for (int i = 0; i < alen; i++) {
            a[i] = r.nextInt() & Nat31.MASK;
        }
        for (int i = 0; i < blen; i++) {
            b[i] = r.nextInt() & Nat31.MASK;
        }
        int[] d = new int[alen + blen];
        Nat31.mul(d, a, alen, b, blen);
        assertEquals(toBig(a).multiply(toBig(b)), toBig(d));
    }

    @Property(tries = 20)
    void modPowWorkDependsOnlyOnLengths(@ForAll long seed, @ForAll @IntRange(min = 1, max = 64) int expBytes)
            throws CryptoException {
        Random r = new Random(seed);
        Modulus mod = Modulus.of(fixed(randomOdd(r, 1024), 128));
        byte[] base = new byte[128];
        r.nextBytes(base);
        byte[] random = new byte[expBytes];
        r.nextBytes(random);
        byte[] ones = new byte[expBytes];
        java.util.Arrays.fill(ones, (byte) 0xFF);
        long[] counts = new long[3];
        byte[][] exps = {new byte[expBytes], ones, random};
        for (int i = 0; i < 3; i++) {
            long before = Modulus.montMulCount();
            mod.modPow(base, exps[i]);
            counts[i] = Modulus.montMulCount() - before;
        }
        assertEquals(counts[0], counts[1], "all-zero vs all-one exponent");
        assertEquals(counts[0], counts[2], "all-zero vs random exponent");
        // 14 table products, 5 per nibble, plus the conversions in and out
        assertEquals(14 + 10L * expBytes, counts[0] - conversions(mod, base));
    }

    private static long conversions(Modulus mod, byte[] base) {
        long before = Modulus.montMulCount();
        mod.fromMont(mod.reduceToMont(base, 0, base.length));
        return Modulus.montMulCount() - before;
    }

    @Test
    void rejectsEvenOrTinyModulus() {
        assertThrows(CryptoException.class, () -> Modulus.of(new byte[] {0x10}));
        assertThrows(CryptoException.class, () -> Modulus.of(new byte[] {0x01}));
        assertThrows(CryptoException.class, () -> Modulus.of(new byte[0]));
    }

    static BigInteger toBig(int[] x) {
        BigInteger v = BigInteger.ZERO;
        for (int i = x.length - 1; i >= 0; i--) {
            v = v.shiftLeft(31).or(BigInteger.valueOf(x[i] & 0xFFFFFFFFL));
        }
        return v;
    }
}
