package org.tls4j.crypto.ct;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class ConstantTimeProperties {
    @Property
    void comparisonsMatchJava(@ForAll int x, @ForAll int y) {
        assertEquals(x == y ? 1 : 0, ConstantTime.eq(x, y));
        assertEquals(x != y ? 1 : 0, ConstantTime.neq(x, y));
        assertEquals(Integer.compareUnsigned(x, y) < 0 ? 1 : 0, ConstantTime.lt(x, y));
        assertEquals(Integer.compareUnsigned(x, y) > 0 ? 1 : 0, ConstantTime.gt(x, y));
        assertEquals(Integer.compareUnsigned(x, y) <= 0 ? 1 : 0, ConstantTime.le(x, y));
        assertEquals(Integer.compareUnsigned(x, y) >= 0 ? 1 : 0, ConstantTime.ge(x, y));
        assertEquals(x == 0 ? 1 : 0, ConstantTime.isZero(x));
    }

    @Property
    void longComparisonsMatchJava(@ForAll long x, @ForAll long y) {
        assertEquals(x == y ? 1 : 0, ConstantTime.eq(x, y));
        assertEquals(Long.compareUnsigned(x, y) < 0 ? 1 : 0, ConstantTime.lt(x, y));
        assertEquals(x == 0 ? 1 : 0, ConstantTime.isZero(x));
    }

    @Property
    void smallSignedLt(@ForAll @IntRange(min = -(1 << 30) + 1, max = (1 << 30) - 1) int x,
            @ForAll @IntRange(min = -(1 << 30) + 1, max = (1 << 30) - 1) int y) {
        assertEquals(x < y ? 1 : 0, ConstantTime.ltSmall(x, y));
    }

    @Property
    void muxSelects(@ForAll int a, @ForAll int b, @ForAll long la, @ForAll long lb) {
        assertEquals(a, ConstantTime.mux(1, a, b));
        assertEquals(b, ConstantTime.mux(0, a, b));
        assertEquals(la, ConstantTime.mux(1, la, lb));
        assertEquals(lb, ConstantTime.mux(0, la, lb));
    }

    @Property
    void equalsMatchesArraysEquals(@ForAll byte[] a, @ForAll byte[] b) {
        assertEquals(Arrays.equals(a, b), ConstantTime.equals(a, b));
        assertEquals(true, ConstantTime.equals(a, a.clone()));
    }

    @Property
    void ccopyCopiesOnlyWhenAsked(@ForAll byte[] src, @ForAll @IntRange(min = 0, max = 1) int ctl) {
        byte[] dst = new byte[src.length];
        Arrays.fill(dst, (byte) 0x5a);
        byte[] before = dst.clone();
        ConstantTime.ccopy(ctl, dst, 0, src, 0, src.length);
        assertArrayEquals(ctl == 1 ? src : before, dst);
    }

    @Property
    void cswapSwapsOnlyWhenAsked(@ForAll long x, @ForAll long y, @ForAll @IntRange(min = 0, max = 1) int ctl) {
        long[] a = {x, y};
        long[] b = {y, x};
        ConstantTime.cswap(ctl, a, b, 2);
        assertArrayEquals(ctl == 1 ? new long[] {y, x} : new long[] {x, y}, a);
        int[] ia = {(int) x};
        int[] ib = {(int) y};
        ConstantTime.cswap(ctl, ia, ib, 1);
        assertEquals(ctl == 1 ? (int) y : (int) x, ia[0]);
    }
}
