package org.tls4j.handshake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.tls4j.record.AlertDescription;
import org.tls4j.record.TlsAlert;
import org.tls4j.testing.Hex;

class TlsReaderWriterTest {

    static void assertDecodeError(org.junit.jupiter.api.function.Executable e) {
        TlsAlert a = assertThrows(TlsAlert.class, e);
        assertEquals(AlertDescription.DECODE_ERROR, a.description(), a.getMessage());
    }

    @Test
    void readsIntegersBigEndian() throws TlsAlert {
        TlsReader r = new TlsReader(Hex.decode("01 0203 040506 0708090a".replace(" ", "")));
        assertEquals(1, r.u8());
        assertEquals(0x0203, r.u16());
        assertEquals(0x040506, r.u24());
        assertEquals(0x0708090aL, r.u32());
        r.expectEnd();
        assertEquals(0xffffffffL, new TlsReader(Hex.decode("ffffffff")).u32());
    }

    @Test
    void shortReadsAreDecodeErrors() {
        assertDecodeError(() -> new TlsReader(new byte[0]).u8());
        assertDecodeError(() -> new TlsReader(new byte[1]).u16());
        assertDecodeError(() -> new TlsReader(new byte[2]).u24());
        assertDecodeError(() -> new TlsReader(new byte[3]).u32());
        assertDecodeError(() -> new TlsReader(new byte[3]).bytes(4));
        assertDecodeError(() -> new TlsReader(Hex.decode("0301")).opaque8());
        assertDecodeError(() -> new TlsReader(Hex.decode("ffff00")).opaque16());
        assertDecodeError(() -> new TlsReader(Hex.decode("ffffff00")).opaque24());
        assertDecodeError(() -> new TlsReader(Hex.decode("0500")).sub8());
        assertDecodeError(() -> new TlsReader(Hex.decode("01")).expectEnd());
    }

    @Test
    void childReaderCannotReadPastItsVector() throws TlsAlert {
        TlsReader r = new TlsReader(Hex.decode("0002aabbcc"));
        TlsReader child = r.sub16();
        assertEquals(0xaabb, child.u16());
        assertDecodeError(child::u8);
        assertEquals(0xcc, r.u8());
        r.expectEnd();
    }

    @Test
    void boundedOpaqueChecksItsRange() throws TlsAlert {
        assertArrayEquals(new byte[] {7}, new TlsReader(Hex.decode("0107")).opaque8("x", 1, 1));
        assertDecodeError(() -> new TlsReader(Hex.decode("00")).opaque8("x", 1, 255));
        assertDecodeError(() -> new TlsReader(Hex.decode("0000")).opaque16("x", 1, 0xffff));
        assertDecodeError(() -> new TlsReader(Hex.decode("0100")).opaque8("legacy_session_id", 0, 0));
        assertDecodeError(() -> new TlsReader(new byte[0]).nonEmpty("list"));
    }

    /** A forged length larger than the input costs no allocation: the reader refuses first. */
    @Test
    void hugeLengthPrefixAllocatesNothing() {
        assertDecodeError(() -> new TlsReader(Hex.decode("ffffff")).opaque24());
    }

    @Test
    void writerBackPatchesNestedLengths() {
        TlsWriter w = new TlsWriter(1);
        int outer = w.begin24();
        w.u8(9);
        int inner = w.begin16();
        w.bytes(new byte[] {1, 2, 3});
        w.end16(inner);
        int tiny = w.begin8();
        w.end8(tiny);
        w.end24(outer);
        w.u32(0xfffffffeL);
        assertEquals("00000709000301020300fffffffe", Hex.encode(w.toByteArray()));
    }

    @Test
    void writerRefusesOverlongVectorsAndValues() {
        TlsWriter w = new TlsWriter();
        int m = w.begin8();
        w.bytes(new byte[256]);
        assertThrows(IllegalStateException.class, () -> w.end8(m));
        TlsWriter w2 = new TlsWriter();
        int m2 = w2.begin16();
        w2.bytes(new byte[0xffff]);
        assertThrows(IllegalStateException.class, () -> w2.end16(m2, 0xfffe));
        assertThrows(IllegalStateException.class, () -> new TlsWriter().u8(256));
        assertThrows(IllegalStateException.class, () -> new TlsWriter().u16(-1));
        assertThrows(IllegalStateException.class, () -> new TlsWriter().u24(1 << 24));
        assertThrows(IllegalStateException.class, () -> new TlsWriter().u32(1L << 32));
        assertThrows(IllegalStateException.class, () -> new TlsWriter().opaque8(new byte[256]));
    }

    @Property(tries = 200)
    void integersRoundTrip(@ForAll @IntRange(min = 0, max = 0xffffff) int v, @ForAll byte[] blob) throws TlsAlert {
        TlsWriter w = new TlsWriter();
        w.u8(v & 0xff).u16(v & 0xffff).u24(v).u32(v * 3L).opaque16(blob);
        TlsReader r = new TlsReader(w.toByteArray());
        assertEquals(v & 0xff, r.u8());
        assertEquals(v & 0xffff, r.u16());
        assertEquals(v, r.u24());
        assertEquals(v * 3L, r.u32());
        assertArrayEquals(blob, r.opaque16());
        assertTrue(r.atEnd());
    }
}
