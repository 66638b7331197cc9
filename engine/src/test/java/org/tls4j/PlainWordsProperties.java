package org.tls4j;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** PlainWords never throws and always says something, for any bytes. */
class PlainWordsProperties {

    @Property(tries = 1000)
    void neverThrowsOnRandomBytes(@ForAll @Size(max = 300) byte[] b) {
        assertFalse(PlainWords.fromServer(b).isEmpty());
        assertFalse(PlainWords.fromClient(b).isEmpty());
    }

    @Provide
    Arbitrary<byte[]> nearMisses() {
        String[] prefixes = {"220 ", "220-", "HTTP/", "* OK", "+OK", "SSH-", "<?xml", "<stream:stream", "EHLO", "GET ",
            "\u0015\u0003\u0003\u0000\u0002", "\u0016\u0003", "\u0080", "\u0030", "E\u0000\u0000\u0000", "\u0000\u0000\u0000\u0008",
            "a1 ", "<html", "\u0030\u0084\u0000\u0000\u0000\u0010\u0002\u0004"};
        return Arbitraries.of(prefixes).flatMap(p -> Arbitraries.bytes().array(byte[].class).ofMaxSize(40).map(tail -> {
            byte[] head = p.getBytes(StandardCharsets.ISO_8859_1);
            byte[] all = new byte[head.length + tail.length];
            System.arraycopy(head, 0, all, 0, head.length);
            System.arraycopy(tail, 0, all, head.length, tail.length);
            return all;
        }));
    }

    @Property(tries = 600)
    void neverThrowsOnNearMissesOrTheirPrefixes(@ForAll("nearMisses") byte[] b) {
        for (int n = 0; n <= b.length; n++) {
            byte[] prefix = java.util.Arrays.copyOf(b, n);
            assertFalse(PlainWords.fromServer(prefix).isEmpty());
            assertFalse(PlainWords.fromClient(prefix).isEmpty());
        }
    }
}
