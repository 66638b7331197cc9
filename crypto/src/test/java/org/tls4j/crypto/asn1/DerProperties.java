package org.tls4j.crypto.asn1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** DER round trips: whatever {@link DerWriter} writes, {@link DerReader} reads back identically. */
class DerProperties {
    /** A small value tree: INTEGER, OCTET STRING, BOOLEAN, OID, UTF8String or a SEQUENCE of those. */
    sealed interface V permits I, Os, B, O, S, Seq {}

    record I(BigInteger v) implements V {}

    record Os(byte[] v) implements V {}

    record B(boolean v) implements V {}

    record O(String dotted) implements V {}

    record S(String v) implements V {}

    record Seq(List<V> items) implements V {}

    @Provide
    Arbitrary<V> values() {
        return Arbitraries.lazyOf(
                () -> Arbitraries.bigIntegers().between(BigInteger.ONE.shiftLeft(300).negate(), BigInteger.ONE.shiftLeft(300)).map(I::new),
                () -> Arbitraries.bytes().array(byte[].class).ofMaxSize(300).map(Os::new),
                () -> Arbitraries.of(true, false).map(B::new),
                () -> Arbitraries.longs().between(0, Long.MAX_VALUE).list().ofMinSize(1).ofMaxSize(6)
                        .map(l -> {
                            StringBuilder sb = new StringBuilder("2");
                            for (long x : l) {
                                sb.append('.').append(x);
                            }
                            return new O(sb.toString());
                        }),
                () -> Arbitraries.strings().ofMaxLength(40).filter(s -> s.codePoints().noneMatch(c -> c >= 0xd800 && c <= 0xdfff))
                        .map(S::new),
                () -> values().list().ofMaxSize(4).map(Seq::new));
    }

    static void write(DerWriter w, V v) {
        if (v instanceof I i) {
            w.integer(i.v());
        } else if (v instanceof Os o) {
            w.octetString(o.v());
        } else if (v instanceof B b) {
            w.bool(b.v());
        } else if (v instanceof O o) {
            w.oid(Oid.of(o.dotted()));
        } else if (v instanceof S s) {
            w.string(Tag.UTF8_STRING, s.v());
        } else {
            w.sequence();
            for (V x : ((Seq) v).items()) {
                write(w, x);
            }
            w.end();
        }
    }

    static V read(DerReader r) throws DerException {
        switch (r.peekTag()) {
            case Tag.INTEGER:
                return new I(r.integer());
            case Tag.OCTET_STRING:
                return new Os(r.octetString());
            case Tag.BOOLEAN:
                return new B(r.bool());
            case Tag.OID:
                return new O(r.oid().toString());
            case Tag.UTF8_STRING:
                return new S(r.string());
            default:
                DerReader s = r.sequence();
                List<V> l = new ArrayList<>();
                while (s.hasMore()) {
                    l.add(read(s));
                }
                return new Seq(l);
        }
    }

    static void assertSame(V a, V b) {
        if (a instanceof Os x) {
            assertArrayEquals(x.v(), ((Os) b).v());
        } else if (a instanceof Seq x) {
            List<V> y = ((Seq) b).items();
            assertEquals(x.items().size(), y.size());
            for (int i = 0; i < y.size(); i++) {
                assertSame(x.items().get(i), y.get(i));
            }
        } else {
            assertEquals(a, b);
        }
    }

    @Property(tries = 300)
    void roundTrip(@ForAll("values") V v) throws Exception {
        DerWriter w = new DerWriter();
        write(w, v);
        byte[] der = w.toByteArray();
        DerReader r = DerReader.of(der);
        V back = read(r);
        r.expectEnd();
        assertSame(v, back);
        // Re-encoding what was read gives the same bytes (DER is canonical).
        DerWriter w2 = new DerWriter();
        write(w2, back);
        assertArrayEquals(der, w2.toByteArray());
    }

    @Property(tries = 300)
    void noStrictPrefixParses(@ForAll("values") V v) {
        DerWriter w = new DerWriter();
        write(w, v);
        byte[] der = w.toByteArray();
        for (int n = 0; n < der.length; n++) {
            byte[] prefix = java.util.Arrays.copyOf(der, n);
            try {
                DerReader r = DerReader.of(prefix);
                read(r);
                r.expectEnd();
                throw new AssertionError("a strict prefix of length " + n + " parsed");
            } catch (DerException expected) {
                // the only allowed outcome
            }
        }
    }
}
