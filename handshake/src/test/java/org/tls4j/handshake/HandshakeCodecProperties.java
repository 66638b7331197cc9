package org.tls4j.handshake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.tls4j.handshake.ext.Extension;
import org.tls4j.handshake.ext.ExtensionContext;
import org.tls4j.handshake.ext.Extensions;
import org.tls4j.handshake.msg.ClientHello;
import org.tls4j.handshake.msg.ServerHello;
import org.tls4j.handshake.msg.Tls13Messages;
import org.tls4j.record.TlsAlert;

/**
 * Properties of the codecs (the jqwik rules of CONVENTIONS.md "Tests"):
 * read(write(m)) equals m for every message and extension; no strict prefix of a body parses;
 * random and mutated bytes end only in TlsAlert, and whatever does parse re-encodes to exactly the
 * same bytes; the reassembler yields the same messages under any fragmentation.
 */
class HandshakeCodecProperties {

    static HandshakeMessage parse(byte[] encoded) throws TlsAlert {
        HandshakeReassembler r = new HandshakeReassembler(1 << 20);
        r.add(encoded);
        RawHandshakeMessage raw = r.next();
        assertNotNull(raw);
        assertTrue(r.isEmpty());
        return Tls13Messages.parse(raw, 32);
    }

    @Provide
    Arbitrary<HandshakeMessage> messages() {
        return HandshakeArbitraries.anyMessage();
    }

    @Property(tries = 400)
    void readOfWriteIsIdentity(@ForAll("messages") HandshakeMessage m) throws TlsAlert {
        byte[] enc = m.encode();
        HandshakeMessage back = parse(enc);
        assertEquals(m, back);
        assertEquals(m.getClass(), back.getClass());
        assertArrayEquals(enc, back.encode());
    }

    @Provide
    Arbitrary<Object[]> contextAndExtensions() {
        return Arbitraries.of(ExtensionContext.values())
                .flatMap(ctx -> HandshakeArbitraries.extensions(ctx).map(e -> new Object[] {ctx, e}));
    }

    @Property(tries = 400)
    void everyExtensionRoundTripsInItsContext(@ForAll("contextAndExtensions") Object[] p) throws TlsAlert {
        ExtensionContext ctx = (ExtensionContext) p[0];
        Extensions block = (Extensions) p[1];
        TlsWriter w = new TlsWriter();
        block.write(w);
        TlsReader r = new TlsReader(w.toByteArray());
        Extensions back = Extensions.read(r, ctx);
        r.expectEnd();
        assertEquals(block, back);
        for (int i = 0; i < block.size(); i++) {
            Extension e = block.list().get(i);
            assertEquals(e.getClass(), back.list().get(i).getClass(), e.type().name());
        }
    }

    /**
     * No strict prefix of an extension's data parses in its context. Two have no length of their own
     * and are excluded by design: padding (any run of zeros) and unknown extensions kept raw.
     */
    @Property(tries = 300)
    void noStrictPrefixOfExtensionDataParses(@ForAll("contextAndExtensions") Object[] p) {
        ExtensionContext ctx = (ExtensionContext) p[0];
        for (Extension e : ((Extensions) p[1]).list()) {
            if (e instanceof org.tls4j.handshake.ext.Padding || e instanceof org.tls4j.handshake.ext.RawExtension) {
                continue;
            }
            TlsWriter w = new TlsWriter();
            e.writeData(w);
            byte[] data = w.toByteArray();
            for (int k = 0; k < data.length; k++) {
                TlsWriter block = new TlsWriter();
                int m = block.begin16();
                block.u16(e.type().code).opaque16(Arrays.copyOf(data, k));
                block.end16(m);
                try {
                    Extensions got = Extensions.read(new TlsReader(block.toByteArray()), ctx);
                    fail("prefix of length " + k + " of " + e + " parsed as " + got);
                } catch (TlsAlert expected) {
                    // good
                }
            }
        }
    }

    /**
     * No strict prefix of a body parses. The one exception is the format's own: a ClientHello or
     * ServerHello may end right before its extension block (RFC 5246, Section 7.4.1.2), and then it
     * parses as a hello without extensions. At the message level the u24 length rules that out too.
     */
    @Property(tries = 150)
    void noStrictPrefixParses(@ForAll("messages") HandshakeMessage m) throws TlsAlert {
        TlsWriter w = new TlsWriter();
        m.write(w);
        byte[] body = w.toByteArray();
        for (int k = 0; k < body.length; k++) {
            byte[] prefix = Arrays.copyOf(body, k);
            HandshakeMessage got;
            try {
                got = Tls13Messages.parse(new RawHandshakeMessage(m.type(), prefix), 32);
            } catch (TlsAlert expected) {
                continue;
            }
            boolean helloWithoutExtensions = (got instanceof ClientHello && ((ClientHello) got).extensions == null)
                    || (got instanceof ServerHello && ((ServerHello) got).extensions == null);
            assertTrue(helloWithoutExtensions, "prefix of length " + k + " of " + m + " parsed as " + got);
            int extLen = body.length - k;
            assertTrue(extLen >= 2 && ((body[k] & 0xff) << 8 | (body[k + 1] & 0xff)) == extLen - 2,
                    "only the cut right before the extension block may parse");
        }
        // At message level (with the header) no strict prefix yields a message.
        byte[] enc = m.encode();
        for (int k = 0; k < enc.length; k++) {
            HandshakeReassembler r = new HandshakeReassembler();
            if (k > 0) {
                r.add(enc, 0, k);
            }
            assertNull(r.next());
        }
    }

    @Provide
    Arbitrary<HandshakeType> tls13Types() {
        return Arbitraries.of(HandshakeType.CLIENT_HELLO, HandshakeType.SERVER_HELLO, HandshakeType.NEW_SESSION_TICKET,
                HandshakeType.END_OF_EARLY_DATA, HandshakeType.ENCRYPTED_EXTENSIONS, HandshakeType.CERTIFICATE,
                HandshakeType.CERTIFICATE_REQUEST, HandshakeType.CERTIFICATE_VERIFY, HandshakeType.FINISHED,
                HandshakeType.KEY_UPDATE, HandshakeType.of(0), HandshakeType.of(99));
    }

    /** Parses or alerts; any other exception fails. What parses must re-encode to the same bytes. */
    static boolean parsesCanonically(HandshakeType type, byte[] body) {
        HandshakeMessage m;
        try {
            m = Tls13Messages.parse(new RawHandshakeMessage(type, body), 32);
        } catch (TlsAlert expected) {
            return false;
        } catch (RuntimeException e) {
            throw new AssertionError("non-alert exception for " + type + " body " + Bytes.hex(body), e);
        }
        TlsWriter w = new TlsWriter();
        m.write(w);
        assertArrayEquals(body, w.toByteArray(), "parsed but re-encodes differently: " + m);
        return true;
    }

    @Property(tries = 1000)
    void randomBytesOnlyEverAlert(@ForAll("tls13Types") HandshakeType type,
            @ForAll @Size(max = 300) byte[] body) {
        parsesCanonically(type, body);
    }

    @Provide
    Arbitrary<byte[]> mutatedMessages() {
        return HandshakeArbitraries.anyMessage().flatMap(m -> {
            byte[] enc = m.encode();
            Arbitrary<Integer> pos = Arbitraries.integers().between(0, enc.length - 1);
            return Arbitraries.oneOf(
                    // flip one byte
                    Arbitraries.integers().between(1, 255).flatMap(x -> pos.map(i -> {
                        byte[] c = enc.clone();
                        c[i] ^= (byte) (int) x;
                        return c;
                    })),
                    // set one byte to an extreme (lengths become 0 or huge)
                    Arbitraries.of(0, 0xff, 0x01, 0x80).flatMap(x -> pos.map(i -> {
                        byte[] c = enc.clone();
                        c[i] = (byte) (int) x;
                        return c;
                    })),
                    // cut the body short, or append junk
                    pos.map(i -> Arrays.copyOf(enc, Math.max(4, i))),
                    HandshakeArbitraries.bytes(1, 8).map(tail -> {
                        byte[] c = Arrays.copyOf(enc, enc.length + tail.length);
                        System.arraycopy(tail, 0, c, enc.length, tail.length);
                        return c;
                    }));
        });
    }

    @Property(tries = 1000)
    void mutatedMessagesOnlyEverAlert(@ForAll("mutatedMessages") byte[] enc) {
        // Reframe: the body is everything after the 4-byte header (the header's own length is ignored,
        // so body-length mutations reach the parsers).
        byte[] body = Arrays.copyOfRange(enc, 4, enc.length);
        parsesCanonically(HandshakeType.of(enc[0] & 0xff), body);
    }

    @Property(tries = 200)
    void reassemblyIsIndependentOfFragmentation(@ForAll("fragmentedFlights") Object[] flight) throws TlsAlert {
        @SuppressWarnings("unchecked")
        List<HandshakeMessage> msgs = (List<HandshakeMessage>) flight[0];
        @SuppressWarnings("unchecked")
        List<Integer> cuts = (List<Integer>) flight[1];
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (HandshakeMessage m : msgs) {
            byte[] e = m.encode();
            all.write(e, 0, e.length);
        }
        byte[] stream = all.toByteArray();
        HandshakeReassembler r = new HandshakeReassembler();
        List<RawHandshakeMessage> got = new ArrayList<>();
        int from = 0;
        for (int cut : cuts) {
            int to = Math.min(stream.length, from + cut);
            if (to > from) {
                r.add(stream, from, to - from);
                for (RawHandshakeMessage m; (m = r.next()) != null; ) {
                    got.add(m);
                }
            }
            from = to;
        }
        if (from < stream.length) {
            r.add(stream, from, stream.length - from);
        }
        for (RawHandshakeMessage m; (m = r.next()) != null; ) {
            got.add(m);
        }
        assertTrue(r.isEmpty());
        assertEquals(msgs.size(), got.size());
        for (int i = 0; i < msgs.size(); i++) {
            assertArrayEquals(msgs.get(i).encode(), got.get(i).encoded());
            assertEquals(msgs.get(i), Tls13Messages.parse(got.get(i), 32));
        }
    }

    @Provide
    Arbitrary<Object[]> fragmentedFlights() {
        return net.jqwik.api.Combinators.combine(
                HandshakeArbitraries.anyMessage().list().ofMinSize(1).ofMaxSize(6),
                Arbitraries.integers().between(1, 300).list().ofMaxSize(40))
                .as((m, c) -> new Object[] {m, c});
    }

    @Property(tries = 100)
    void oversizedMessageIsRefusedBeforeItArrives(@ForAll @IntRange(min = 0, max = 5000) int limit,
            @ForAll @IntRange(min = 1, max = 100) int excess) {
        HandshakeReassembler r = new HandshakeReassembler(limit);
        int len = limit + excess;
        byte[] header = {1, (byte) (len >>> 16), (byte) (len >>> 8), (byte) len};
        try {
            r.add(header);
            fail("accepted a header announcing " + len + " bytes over a limit of " + limit);
        } catch (TlsAlert a) {
            assertEquals(org.tls4j.record.AlertDescription.DECODE_ERROR, a.description());
        }
    }
}
