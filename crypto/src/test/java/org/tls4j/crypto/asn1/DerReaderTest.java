package org.tls4j.crypto.asn1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tls4j.testing.Hex;

/** Every strictness and bound rule of {@link DerReader}, one input each. */
class DerReaderTest {
    static DerReader r(String hex) {
        return DerReader.of(Hex.decode(hex));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({
        "3080020101 0000, indefinite length",
        "30810302 0101, long form for a length below 128",
        "3082000302 0101, long-form length with leading zero",
        "0203, truncated content",
        "3005020101, length beyond the input",
        "3084ffffffff00, hostile 4 GB length",
        "308500000000010000, length of 5 octets",
        "30, missing length",
        "1f2001 00, high tag number",
        "0000, end-of-contents octets",
    })
    void badLengthsAndTags(String hex, String why) {
        assertThrows(DerException.class, () -> r(hex.replace(" ", "")).next(), why);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0202007f", "0202ff80", "0200", "020300007f"})
    void nonMinimalOrEmptyIntegers(String hex) {
        assertThrows(DerException.class, r(hex)::integer);
    }

    @Test
    void minimalIntegers() throws Exception {
        assertEquals(BigInteger.valueOf(128), r("02020080").integer());
        assertEquals(BigInteger.valueOf(-128), r("020180").integer());
        assertEquals(BigInteger.ZERO, r("020100").integer());
        assertArrayEquals(new byte[] {(byte) 0x80}, r("02020080").unsignedInteger());
        assertThrows(DerException.class, () -> r("0201ff").unsignedInteger());
        assertThrows(DerException.class, () -> r("020500ffffffff").smallInt(Integer.MAX_VALUE));
    }

    @Test
    void booleans() throws Exception {
        assertTrue(r("0101ff").bool());
        assertThrows(DerException.class, () -> r("010101").bool());
        assertThrows(DerException.class, () -> r("01020000").bool());
    }

    @Test
    void bitStrings() throws Exception {
        assertEquals(7, r("03020780").bitString().unusedBits());
        assertTrue(r("03020780").bitString().bit(0));
        assertThrows(DerException.class, () -> r("03020781").bitString(), "unused bit set");
        assertThrows(DerException.class, () -> r("03020880").bitString(), "8 unused bits");
        assertThrows(DerException.class, () -> r("030101").bitString(), "unused bits in an empty string");
        assertThrows(DerException.class, () -> r("0300").bitString(), "no unused-bits octet");
        assertThrows(DerException.class, () -> r("03020180").bitStringOctets(), "not whole octets");
    }

    @Test
    void tagClassesAreChecked() {
        // [0] context-specific where a universal INTEGER is expected, and a constructed INTEGER.
        assertThrows(DerException.class, () -> r("800101").integer());
        assertThrows(DerException.class, () -> r("2203020101").integer());
        assertThrows(DerException.class, () -> r("a0023000").sequence());
    }

    @Test
    void trailingBytes() throws Exception {
        assertThrows(DerException.class, () -> DerReader.single(Hex.decode("050000"), Tag.NULL));
        DerReader d = r("3003020101").sequence();
        d.integer();
        d.expectEnd();
        DerReader e = r("3006020101020102").sequence();
        e.integer();
        assertThrows(DerException.class, e::expectEnd);
    }

    @Test
    void nestingDepthIsCapped() throws Exception {
        int depth = DerReader.MAX_DEPTH + 2;
        byte[] der = new byte[2 * depth];
        for (int i = 0; i < depth; i++) {
            der[2 * i] = 0x30;
            der[2 * i + 1] = (byte) (2 * (depth - i - 1));
        }
        DerReader d = DerReader.of(der);
        DerException e = assertThrows(DerException.class, () -> {
            DerReader cur = d;
            while (true) {
                cur = cur.sequence();
            }
        });
        assertTrue(e.getMessage().contains("nesting"), e.getMessage());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "170d3439313233313233353935395a, 2524607999",
        "170d3530303130313030303030305a, -631152000",
        "170d3730303130313030303030305a, 0",
        "180f32303530303130313030303030305a, 2524608000",
        "180f32303030303232393132303030305a, 951825600",
    })
    void times(String hex, long epoch) throws Exception {
        assertEquals(epoch, r(hex).time());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "170b373030313031303030305a",         // UTCTime without seconds
        "1711373030313031303030303030302b30303030", // with an offset
        "170d3730303133323030303030305a",     // day 32
        "170d3730303232393030303030305a",     // 29 February 1970
        "170d3730303130313234303030305a",     // hour 24
        "1813323030303031303130303030303030302e315a", // fractional seconds
        "180f31393730303130313030303030305b",  // no Z
        "170d37303031303130303030302b5a",      // non-digit
    })
    void badTimes(String hex) {
        assertThrows(DerException.class, () -> r(hex).time());
    }

    @Test
    void timesRoundTripThroughTheWriter() throws Exception {
        for (long t : new long[] {-631152000L, 0, 951825600L, 2524607999L, 2524608000L, 253402300799L}) {
            assertEquals(t, DerReader.of(new DerWriter().time(t).toByteArray()).time());
        }
        // RFC 5280, Section 4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050.
        assertEquals(Tag.UTC_TIME, new DerWriter().time(2524607999L).toByteArray()[0]);
        assertEquals(Tag.GENERALIZED_TIME, new DerWriter().time(2524608000L).toByteArray()[0]);
    }

    @Test
    void oids() throws Exception {
        assertEquals("1.2.840.113549.1.1.11", r("06092a864886f70d01010b").oid().toString());
        assertEquals("2.999.3", r("0603883703").oid().toString());
        assertArrayEquals(Hex.decode("2a864886f70d01010b"), Oid.of("1.2.840.113549.1.1.11").content());
        assertEquals(Oid.of("2.999.3"), r("0603883703").oid());
        assertThrows(DerException.class, () -> r("0603808001").oid(), "non-minimal arc");
        assertThrows(DerException.class, () -> r("06022a86").oid(), "truncated arc");
        assertThrows(DerException.class, () -> r("0600").oid(), "empty");
    }

    @Test
    void strings() throws Exception {
        assertEquals("Ab 1", r("130441622031").string());
        assertThrows(DerException.class, () -> r("130140").string(), "@ is not printable");
        assertEquals("é", r("0c02c3a9").string());
        assertThrows(DerException.class, () -> r("0c02c328").string(), "malformed UTF-8");
        assertThrows(DerException.class, () -> r("160180").string(), "non-ASCII IA5");
        assertEquals("é", r("1e0200e9").string());
        assertThrows(DerException.class, () -> r("1e0100").string(), "odd BMPString");
        assertThrows(DerException.class, () -> r("0201 01".replace(" ", "")).string());
    }

    @Test
    void writerEncodesMinimalLengths() {
        byte[] big = new byte[300];
        byte[] enc = new DerWriter().octetString(big).toByteArray();
        assertArrayEquals(Hex.decode("04 82 01 2c".replace(" ", "")), java.util.Arrays.copyOf(enc, 4));
        assertArrayEquals(Hex.decode("3003020100"), new DerWriter().sequence().integer(0).end().toByteArray());
        assertArrayEquals(Hex.decode("02020080"), new DerWriter().unsignedInteger(new byte[] {0, 0, (byte) 0x80}).toByteArray());
    }
}
