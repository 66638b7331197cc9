package org.tls4j.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Round trips through Fragmenter → WriteState → wire → Deframer → ReadState for every protection type
 * and version, under any split of the byte stream into reads; and tampering: any flipped bit or
 * truncation gives the expected alert and nothing else (no other exception, no plaintext).
 */
class RecordRoundTripProperties {
    record Msg(ContentType type, byte[] data) {}

    @Provide
    Arbitrary<List<Msg>> messages() {
        Arbitrary<ContentType> types = Arbitraries.of(ContentType.HANDSHAKE, ContentType.APPLICATION_DATA,
                ContentType.ALERT);
        Arbitrary<Integer> lengths = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(0, 300)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(300, 3000)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(16380, 36000)));
        Arbitrary<Msg> msg = Combinators.combine(types, lengths, Arbitraries.integers()).as((t, n, seed) -> {
            int len = t.equals(ContentType.APPLICATION_DATA) ? n : Math.max(1, n);
            return new Msg(t, Suite.bytes(len, seed));
        });
        return msg.list().ofMinSize(1).ofMaxSize(5);
    }

    @Provide
    Arbitrary<List<Integer>> splits() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(1, 7)),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(1, 2000)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 70000))).list().ofMinSize(1).ofMaxSize(8);
    }

    static WriteState writer(Suite s) {
        WriteState ws = new WriteState();
        ws.setVersion(s.recordVersion());
        ws.setProtection(s.create());
        return ws;
    }

    static ReadState reader(Suite s) {
        ReadState rs = new ReadState();
        rs.setProtection(s.create());
        if (!s.version.equals(ProtocolVersion.TLS13)) {
            rs.setExpectedVersion(s.version);
        }
        return rs;
    }

    @Property(tries = 150)
    void roundTripUnderAnySplit(@ForAll Suite suite, @ForAll("messages") List<Msg> msgs,
            @ForAll("splits") List<Integer> splits, @ForAll boolean byteBuffers) throws Exception {
        WriteState ws = writer(suite);
        Fragmenter f = new Fragmenter(ws);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        ByteArrayOutputStream expectData = new ByteArrayOutputStream();
        ByteArrayOutputStream expectTypes = new ByteArrayOutputStream();
        int emptyAppData = 0;
        for (Msg m : msgs) {
            if (byteBuffers) {
                ByteBuffer src = ByteBuffer.allocateDirect(m.data.length);
                src.put(m.data).flip();
                ByteBuffer dst = ByteBuffer.allocateDirect(f.sealedLength(m.type, m.data.length));
                assertEquals(m.data.length, f.write(m.type, src, dst));
                assertFalse(dst.hasRemaining(), "sealedLength matches what was written");
                dst.flip();
                byte[] b = new byte[dst.remaining()];
                dst.get(b);
                wire.write(b);
            } else {
                int need = f.sealedLength(m.type, m.data.length);
                byte[] out = new byte[need + 3];
                assertEquals(need, f.write(m.type, m.data, 0, m.data.length, out, 3));
                wire.write(out, 3, need);
            }
            expectData.write(m.data);
            for (int i = 0; i < m.data.length; i++) {
                expectTypes.write(m.type.code);
            }
            if (m.data.length == 0) {
                emptyAppData++;
            }
        }
        byte[] w = wire.toByteArray();

        ReadState rs = reader(suite);
        Deframer d = new Deframer();
        Record rec = new Record();
        ByteArrayOutputStream gotData = new ByteArrayOutputStream();
        ByteArrayOutputStream gotTypes = new ByteArrayOutputStream();
        int gotEmpty = 0;
        int pos = 0;
        int k = 0;
        while (pos < w.length) {
            int chunk = Math.min(splits.get(k++ % splits.size()), w.length - pos);
            int end = pos + chunk;
            while (pos < end) {
                int took = byteBuffers ? d.feed(ByteBuffer.wrap(w, pos, end - pos)) : d.feed(w, pos, end - pos);
                pos += took;
                while (d.next(rs, rec)) {
                    assertTrue(rec.length() <= ws.maxFragmentLength());
                    gotData.write(rec.array(), rec.offset(), rec.length());
                    for (int i = 0; i < rec.length(); i++) {
                        gotTypes.write(rec.typeCode());
                    }
                    if (rec.length() == 0) {
                        assertEquals(ContentType.APPLICATION_DATA, rec.type());
                        gotEmpty++;
                    }
                }
            }
        }
        assertEquals(0, d.buffered(), "every byte consumed as records");
        assertArrayEquals(expectData.toByteArray(), gotData.toByteArray());
        assertArrayEquals(expectTypes.toByteArray(), gotTypes.toByteArray());
        assertEquals(emptyAppData, gotEmpty);
        assertEquals(ws.sequenceNumber(), rs.sequenceNumber());
        assertEquals(ws.bytesSealed(), rs.bytesOpened());
    }

    @Property(tries = 400)
    void tamperedRecordGivesOnlyTheExpectedAlert(@ForAll Suite suite, @ForAll @Size(max = 400) byte[] content,
            @ForAll @IntRange(min = 0, max = 100_000) int where, @ForAll @IntRange(min = 0, max = 7) int bit,
            @ForAll boolean truncate) throws Exception {
        if (suite == Suite.NULL) {
            return; // no integrity to test
        }
        WriteState ws = writer(suite);
        // A first, untouched record, so the tampered one is not the first under its key.
        byte[] first = new byte[ws.sealedRecordLength(ContentType.HANDSHAKE, 3)];
        ws.seal(ContentType.HANDSHAKE, new byte[] {1, 2, 3}, 0, 3, first, 0);
        byte[] rec = new byte[ws.sealedRecordLength(ContentType.APPLICATION_DATA, content.length)];
        ws.seal(ContentType.APPLICATION_DATA, content, 0, content.length, rec, 0);
        int p = where % rec.length;
        byte[] bad;
        if (truncate) {
            bad = java.util.Arrays.copyOf(rec, p);
        } else {
            bad = rec.clone();
            bad[p] ^= (byte) (1 << bit);
        }
        ReadState rs = reader(suite);
        Deframer d = new Deframer();
        Record r = new Record();
        d.feed(first, 0, first.length);
        assertTrue(d.next(rs, r));
        assertArrayEquals(new byte[] {1, 2, 3}, r.copy());
        assertEquals(bad.length, d.feed(bad, 0, bad.length));
        try {
            boolean got = d.next(rs, r);
            assertFalse(got, "a tampered record must not be returned: " + r);
            // Only an incomplete record may wait for more bytes: a truncation, or a length field made longer.
            assertTrue(truncate || (p == 3 || p == 4), "waiting is only right for truncation or a longer length field");
        } catch (TlsAlert e) {
            AlertDescription a = e.description();
            if (!truncate && p >= RecordHeader.LENGTH) {
                assertEquals(AlertDescription.BAD_RECORD_MAC, a, e.getMessage());
            } else if (!truncate && p == 0) {
                assertTrue(a.equals(AlertDescription.UNEXPECTED_MESSAGE) || a.equals(AlertDescription.BAD_RECORD_MAC),
                        e.getMessage());
            } else if (!truncate && (p == 1 || p == 2)) {
                // Up to TLS 1.2 the reader checks the negotiated version first (SSL 3.0 does not MAC it);
                // TLS 1.3 ignores the field but its AEAD authenticates it.
                assertEquals(suite.version.equals(ProtocolVersion.TLS13) ? AlertDescription.BAD_RECORD_MAC
                        : AlertDescription.DECODE_ERROR, a, e.getMessage());
            } else {
                assertTrue(a.equals(AlertDescription.BAD_RECORD_MAC) || a.equals(AlertDescription.RECORD_OVERFLOW),
                        e.getMessage());
            }
            assertFalse(e.isReceived());
        } catch (Throwable t) {
            fail("only TlsAlert may come out of the record layer, got " + t, t);
        }
    }

    @Property(tries = 60)
    void outgoingFragmentsRespectTheRecordSizeLimit(@ForAll Suite suite,
            @ForAll @IntRange(min = 64, max = 20000) int limit, @ForAll @IntRange(min = 0, max = 40000) int len)
            throws Exception {
        WriteState ws = writer(suite);
        boolean tls13 = suite.version.equals(ProtocolVersion.TLS13);
        ws.setRecordSizeLimit(limit, tls13);
        Fragmenter f = new Fragmenter(ws);
        byte[] data = Suite.bytes(len, len);
        byte[] out = new byte[f.sealedLength(ContentType.APPLICATION_DATA, len)];
        f.write(ContentType.APPLICATION_DATA, data, 0, len, out, 0);
        // Walk the records: each carries at most the limit's worth of TLSPlaintext (RFC 8449, Section 4).
        ReadState rs = reader(suite);
        Deframer d = new Deframer();
        Record r = new Record();
        List<Integer> sizes = new ArrayList<>();
        int pos = 0;
        while (pos < out.length) {
            pos += d.feed(out, pos, out.length - pos);
            while (d.next(rs, r)) {
                sizes.add(r.length());
            }
        }
        int maxContent = Math.min(1 << 14, tls13 ? limit - 1 : limit);
        for (int s : sizes) {
            assertTrue(s <= maxContent, s + " > " + maxContent);
        }
        assertEquals(len, sizes.stream().mapToInt(Integer::intValue).sum());
    }
}
