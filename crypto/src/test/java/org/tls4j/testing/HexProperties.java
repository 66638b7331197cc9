package org.tls4j.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class HexProperties {
    @Property
    void decodeInvertsEncode(@ForAll byte[] data) {
        String s = Hex.encode(data);
        assertEquals(2 * data.length, s.length());
        assertArrayEquals(data, Hex.decode(s));
        assertArrayEquals(data, Hex.decode(s.toUpperCase(java.util.Locale.ROOT)));
    }
}
