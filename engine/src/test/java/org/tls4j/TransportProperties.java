package org.tls4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/** Round trips of valid transport URLs, and junk that only ever yields TransportException. */
class TransportProperties {

    @Provide
    Arbitrary<String> hosts() {
        Arbitrary<String> label = Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(1).ofMaxLength(20)
                .filter(l -> !l.chars().allMatch(Character::isDigit));
        Arbitrary<String> dns = label.list().ofMinSize(1).ofMaxSize(4).map(l -> String.join(".", l));
        Arbitrary<String> ipv4 = Arbitraries.integers().between(0, 255).list().ofSize(4)
                .map(l -> l.get(0) + "." + l.get(1) + "." + l.get(2) + "." + l.get(3));
        Arbitrary<String> group = Arbitraries.integers().between(0, 0xffff).map(Integer::toHexString);
        Arbitrary<String> ipv6Full = group.list().ofSize(8).map(l -> String.join(":", l));
        Arbitrary<String> ipv6Short = Combinators.combine(group.list().ofMaxSize(3), group.list().ofMaxSize(3))
                .as((a, b) -> String.join(":", a) + "::" + String.join(":", b));
        Arbitrary<String> zoned = Combinators.combine(ipv6Short, Arbitraries.strings().alpha().numeric().ofMinLength(1)
                .ofMaxLength(8)).as((a, z) -> a + "%" + z);
        return Arbitraries.oneOf(dns, ipv4, ipv6Full, ipv6Short, zoned);
    }

    @Property(tries = 300)
    void parseOfFormatIsIdentity(@ForAll("hosts") String host, @ForAll TransportScheme scheme,
            @ForAll @IntRange(min = 1, max = 65535) int port) throws Exception {
        Transport t = Transport.of(scheme, host, port);
        assertEquals(host, t.host());
        assertEquals(port, t.port());
        assertEquals(scheme, t.scheme());
        Transport back = Transport.parse(t.format());
        assertEquals(t, back);
        assertEquals(t.format(), back.format());
        String shown = host.contains(":") ? "[" + host + "]" : host;
        assertEquals(scheme.prefix() + "://" + shown + ":" + port, t.format());
        if (scheme == TransportScheme.TCP) {
            assertEquals(t, Transport.parse(shown + ":" + port));
        }
    }

    @Property(tries = 1000)
    void junkOnlyEverGivesTransportException(@ForAll @StringLength(max = 60) String junk) {
        check(junk);
    }

    @Provide
    Arbitrary<String> urlish() {
        Arbitrary<Character> chars = Arbitraries.of(':', '/', '[', ']', '%', '.', '1', '9', 'a', 'f', 'x', '0', '-', '@',
                ' ', 'T', 's');
        return Arbitraries.oneOf(
                chars.list().ofMaxSize(30).map(l -> { StringBuilder b = new StringBuilder(); l.forEach(b::append); return b.toString(); }),
                Combinators.combine(Arbitraries.of(TransportScheme.values()), chars.list().ofMaxSize(25))
                        .as((s, l) -> { StringBuilder b = new StringBuilder(s.toString()); l.forEach(b::append); return b.toString(); }));
    }

    @Property(tries = 2000)
    void urlLikeJunkOnlyEverGivesTransportException(@ForAll("urlish") String junk) {
        check(junk);
    }

    private static void check(String s) {
        try {
            Transport t = Transport.parse(s);
            // whatever parses must format to something that parses back to the same transport
            assertEquals(t, Transport.parse(t.format()));
        } catch (TransportException expected) {
            if (expected.getMessage() == null || expected.getMessage().isEmpty()) {
                throw new AssertionError("empty message for " + s);
            }
        }
    }
}
