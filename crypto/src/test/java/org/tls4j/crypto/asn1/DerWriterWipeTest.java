package org.tls4j.crypto.asn1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.lang.reflect.Field;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** DerWriter leaves no copy of what it wrote behind: grown-out buffers and, on request, its own buffer. */
class DerWriterWipeTest {
    private static byte[] buffer(DerWriter w) throws ReflectiveOperationException {
        Field f = DerWriter.class.getDeclaredField("buf");
        f.setAccessible(true);
        return (byte[]) f.get(w);
    }

    private static byte[] secret(int n) {
        byte[] s = new byte[n];
        for (int i = 0; i < n; i++) {
            s[i] = (byte) (0x5a ^ i | 1);
        }
        return s;
    }

    @Test
    void growingZeroesTheOldBuffer() throws Exception {
        DerWriter w = new DerWriter().sequence().unsignedInteger(secret(200));
        byte[] before = buffer(w);
        assertEquals(true, countNonZero(before) > 200, "the secret is in the first buffer");
        w.unsignedInteger(secret(300)); // does not fit in 256 bytes: the buffer grows
        assertNotSame(before, buffer(w));
        assertEquals(0, countNonZero(before), "the dropped buffer was zeroed");
    }

    @Test
    void toByteArrayAndWipeReturnsTheEncodingAndZeroesTheWriter() throws Exception {
        DerWriter plain = new DerWriter().sequence().integer(0).unsignedInteger(secret(64)).end();
        DerWriter wiped = new DerWriter().sequence().integer(0).unsignedInteger(secret(64)).end();
        byte[] expected = plain.toByteArray();
        byte[] got = wiped.toByteArrayAndWipe();
        assertArrayEquals(expected, got);
        assertEquals(0, countNonZero(buffer(wiped)));
        // DER of SEQUENCE { INTEGER 0, INTEGER <64 bytes> }: 30 45 02 01 00 02 40 ...
        assertArrayEquals(new byte[] {0x30, 0x45, 0x02, 0x01, 0x00, 0x02, 0x40}, Arrays.copyOf(got, 7));
        assertEquals(0, wiped.toByteArray().length, "the writer is empty afterwards");
    }

    private static int countNonZero(byte[] b) {
        int n = 0;
        for (byte x : b) {
            n += x != 0 ? 1 : 0;
        }
        return n;
    }
}
