package org.tls4j.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.tls4j.record.ssl2.Ssl2RecordHeader;
import org.tls4j.testing.Hex;

/** Framing rules, limits, key changes and the wire vocabulary, one rule per test. */
class RecordLayerTest {
    static byte[] record(int type, int version, int len) {
        byte[] b = new byte[5 + len];
        RecordHeader.write(b, 0, type, version, len);
        for (int i = 0; i < len; i++) {
            b[5 + i] = (byte) i;
        }
        return b;
    }

    static TlsAlert deframeFails(ReadState rs, byte[] wire) {
        Deframer d = new Deframer();
        d.feed(wire, 0, wire.length);
        return assertThrows(TlsAlert.class, () -> d.next(rs, new Record()));
    }

    @Test
    void wireEnumsKeepUnknownValuesAndPrintThemInHex() {
        assertSame(ContentType.HANDSHAKE, ContentType.of(22));
        assertEquals("unknown_content_type(0x63)", ContentType.of(0x63).toString());
        assertEquals(ContentType.of(0x63), ContentType.of(0x63));
        assertFalse(ContentType.of(0x63).isKnown());
        assertSame(ProtocolVersion.TLS13, ProtocolVersion.of(3, 4));
        assertEquals("unknown_version(0x7f1c)", ProtocolVersion.of(0x7f1c).toString());
        assertEquals(0x7f1c, ProtocolVersion.of(0x7f1c).code);
        assertTrue(ProtocolVersion.TLS12.atLeast(ProtocolVersion.TLS11));
        assertFalse(ProtocolVersion.TLS10.hasExplicitCbcIv());
        assertTrue(ProtocolVersion.TLS11.hasExplicitCbcIv());
        assertSame(AlertDescription.BAD_RECORD_MAC, AlertDescription.of(20));
        assertEquals("record_overflow", AlertDescription.of(22).toString());
        assertEquals("unknown_alert(0xfe)", AlertDescription.of(0xfe).toString());
        assertSame(AlertLevel.FATAL, AlertLevel.of(2));
        assertEquals("unknown_alert_level(0x07)", AlertLevel.of(7).toString());
        assertThrows(IllegalArgumentException.class, () -> ContentType.of(256));
        assertThrows(IllegalArgumentException.class, () -> ProtocolVersion.of(-1));
    }

    @Test
    void tlsAlertCarriesDescriptionDirectionDetailAndCause() {
        IOException cause = new IOException("inner");
        TlsAlert a = new TlsAlert(AlertDescription.DECODE_ERROR, "ServerHello too short", cause);
        assertEquals(AlertDescription.DECODE_ERROR, a.description());
        assertFalse(a.isReceived());
        assertSame(cause, a.getCause());
        assertTrue(a.getMessage().startsWith("decode_error: ServerHello too short"), a.getMessage());
        TlsAlert r = TlsAlert.received(AlertLevel.FATAL, AlertDescription.HANDSHAKE_FAILURE);
        assertTrue(r.isReceived());
        assertEquals(AlertLevel.FATAL, r.level());
        assertTrue(r instanceof IOException);
    }

    @Test
    void headerRoundTrips() {
        byte[] b = new byte[5];
        new RecordHeader(ContentType.ALERT, ProtocolVersion.TLS12, 0x1234).write(b, 0);
        assertEquals("1503031234", Hex.encode(b));
        RecordHeader h = RecordHeader.read(b, 0);
        assertEquals(ContentType.ALERT, h.type);
        assertEquals(ProtocolVersion.TLS12, h.version);
        assertEquals(0x1234, h.length);
    }

    @Test
    void plaintextRecordsOverTwoToTheFourteenAreRecordOverflow() throws Exception {
        ReadState rs = new ReadState();
        assertEquals(AlertDescription.RECORD_OVERFLOW, deframeFails(rs, record(22, 0x0303, (1 << 14) + 1)).description());
        Deframer d = new Deframer();
        byte[] ok = record(22, 0x0303, 1 << 14);
        assertEquals(ok.length, d.feed(ok, 0, ok.length));
        Record r = new Record();
        assertTrue(d.next(rs, r));
        assertEquals(1 << 14, r.length());
    }

    @Test
    void overflowIsDetectedFromTheHeaderAlone() {
        // Only the header arrives: the limit is checked without waiting for 18 KB.
        Deframer d = new Deframer();
        byte[] h = new byte[5];
        RecordHeader.write(h, 0, 23, 0x0303, RecordHeader.MAX_CIPHERTEXT_TLS13 + 1);
        d.feed(h, 0, 5);
        ReadState rs = new ReadState();
        rs.setProtection(Suite.TLS13_AES128_GCM.create());
        TlsAlert a = assertThrows(TlsAlert.class, () -> d.next(rs, new Record()));
        assertEquals(AlertDescription.RECORD_OVERFLOW, a.description());
        // The deframer stays failed.
        assertSame(a, assertThrows(TlsAlert.class, () -> d.next(rs, new Record())));
    }

    @Test
    void ciphertextLimitsPerVersion() {
        ReadState tls12 = new ReadState();
        tls12.setProtection(Suite.TLS12_AES128_GCM.create());
        assertEquals((1 << 14) + 2048, tls12.maxCiphertextLength());
        assertEquals(AlertDescription.RECORD_OVERFLOW,
                deframeFails(tls12, record(23, 0x0303, (1 << 14) + 2049)).description());
        // Exactly at the limit the header passes and the AEAD decides.
        assertEquals(AlertDescription.BAD_RECORD_MAC,
                deframeFails(tls12, record(23, 0x0303, (1 << 14) + 2048)).description());
        ReadState tls13 = new ReadState();
        tls13.setProtection(Suite.TLS13_AES128_GCM.create());
        assertEquals(AlertDescription.RECORD_OVERFLOW,
                deframeFails(tls13, record(23, 0x0303, (1 << 14) + 257)).description());
        assertEquals(AlertDescription.BAD_RECORD_MAC,
                deframeFails(tls13, record(23, 0x0303, (1 << 14) + 256)).description());
    }

    @Test
    void unknownContentTypeIsUnexpectedMessage() {
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, deframeFails(new ReadState(), record(24, 0x0303, 3)).description());
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, deframeFails(new ReadState(), record(0x80, 0x0303, 3)).description());
    }

    @Test
    void zeroLengthRecordsOnlyForApplicationData() throws Exception {
        Deframer d = new Deframer();
        byte[] empty = record(23, 0x0303, 0);
        d.feed(empty, 0, empty.length);
        Record r = new Record();
        assertTrue(d.next(new ReadState(), r));
        assertEquals(0, r.length());
        assertEquals(ContentType.APPLICATION_DATA, r.type());
        for (int t : new int[] {20, 21, 22}) {
            assertEquals(AlertDescription.UNEXPECTED_MESSAGE, deframeFails(new ReadState(), record(t, 0x0303, 0)).description());
        }
        WriteState ws = new WriteState();
        byte[] out = new byte[64];
        assertEquals(AlertDescription.INTERNAL_ERROR,
                assertThrows(TlsAlert.class, () -> ws.seal(ContentType.HANDSHAKE, out, 0, 0, out, 0)).description());
        assertEquals(5, ws.seal(ContentType.APPLICATION_DATA, out, 0, 0, out, 0));
    }

    @Test
    void severalRecordsInOneReadAndNeverMoreThanGiven() throws Exception {
        byte[] a = record(22, 0x0301, 3);
        byte[] b = record(21, 0x0303, 2);
        byte[] wire = new byte[a.length + b.length + 2];
        System.arraycopy(a, 0, wire, 0, a.length);
        System.arraycopy(b, 0, wire, a.length, b.length);
        wire[wire.length - 2] = 22; // the start of a third record
        wire[wire.length - 1] = 3;
        Deframer d = new Deframer();
        assertEquals(wire.length, d.feed(wire, 0, wire.length));
        Record r = new Record();
        ReadState rs = new ReadState();
        assertTrue(d.next(rs, r));
        assertEquals(ContentType.HANDSHAKE, r.type());
        assertEquals(ProtocolVersion.TLS10, r.version());
        assertTrue(d.next(rs, r));
        assertEquals(ContentType.ALERT, r.type());
        assertFalse(d.next(rs, r));
        assertEquals(3, d.wanted(), "the rest of the third header");
        assertEquals(2, d.buffered());
        byte[] rest = new byte[5];
        assertEquals(2, d.drain(rest, 1, 4));
        assertArrayEquals(new byte[] {0, 22, 3, 0, 0}, rest);
        assertEquals(0, d.buffered());
    }

    @Test
    void feedTakesOnlyWhatFits() {
        Deframer d = new Deframer();
        byte[] big = new byte[RecordHeader.MAX_RECORD + 100];
        assertEquals(RecordHeader.MAX_RECORD, d.feed(big, 0, big.length));
        assertEquals(0, d.feed(big, 0, 10));
    }

    @Test
    void changeCipherSpecSwitchesToPendingKeysAndResetsSequenceNumbers() throws Exception {
        WriteState ws = new WriteState();
        ReadState rs = new ReadState();
        ws.setVersion(ProtocolVersion.TLS12);
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE,
                assertThrows(TlsAlert.class, rs::changeCipherSpec).description());
        byte[] out = new byte[200];
        byte[] msg = {1, 2, 3, 4};
        int n = ws.seal(ContentType.HANDSHAKE, msg, 0, 4, out, 0);
        Deframer d = new Deframer();
        d.feed(out, 0, n);
        Record r = new Record();
        assertTrue(d.next(rs, r));
        assertEquals(1, ws.sequenceNumber());
        assertEquals(1, rs.sequenceNumber());

        ws.setPending(Suite.TLS12_AES128_GCM.create());
        rs.setPending(Suite.TLS12_AES128_GCM.create());
        assertTrue(ws.hasPending());
        n = ws.seal(ContentType.CHANGE_CIPHER_SPEC, new byte[] {1}, 0, 1, out, 0);
        ws.changeCipherSpec();
        assertEquals(0, ws.sequenceNumber());
        n += ws.seal(ContentType.HANDSHAKE, msg, 0, 4, out, n);
        d.feed(out, 0, n);
        assertTrue(d.next(rs, r));
        assertEquals(ContentType.CHANGE_CIPHER_SPEC, r.type());
        rs.changeCipherSpec();
        assertEquals(0, rs.sequenceNumber());
        assertTrue(d.next(rs, r));
        assertArrayEquals(msg, r.copy());
        assertEquals(1, rs.sequenceNumber());
        assertEquals(1, rs.recordsOpened());
    }

    @Test
    void ourRecordSizeLimitRefusesLongerRecordsWithRecordOverflow() throws Exception {
        // RFC 8449, Section 4: in TLS 1.3 the limit counts the TLSInnerPlaintext (content + type + padding)
        for (int content : new int[] {99, 100}) {
            WriteState ws = new WriteState();
            ws.setProtection(Suite.TLS13_AES128_GCM.create());
            byte[] out = new byte[200];
            int n = ws.seal(ContentType.APPLICATION_DATA, new byte[content], 0, content, out, 0);
            ReadState rs = new ReadState();
            rs.setRecordSizeLimit(100); // set before the keys: it applies to every key installed later
            rs.setProtection(Suite.TLS13_AES128_GCM.create());
            Record r = new Record().set(23, 0x0303, out, 5, n - 5);
            if (content + 1 <= 100) {
                rs.open(r);
                assertEquals(content, r.length());
            } else {
                assertEquals(AlertDescription.RECORD_OVERFLOW, assertThrows(TlsAlert.class, () -> rs.open(r)).description());
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new ReadState().setRecordSizeLimit(63));
    }

    @Test
    void sequenceNumbersNeverWrap() throws Exception {
        WriteState ws = new WriteState();
        ws.setProtection(Suite.TLS13_AES128_GCM.create());
        ws.setSequenceNumberForTest(-2L); // 2^64 - 2: one record left
        byte[] out = new byte[100];
        ws.seal(ContentType.APPLICATION_DATA, new byte[1], 0, 1, out, 0);
        assertEquals(-1L, ws.sequenceNumber());
        assertEquals(AlertDescription.INTERNAL_ERROR, assertThrows(TlsAlert.class,
                () -> ws.seal(ContentType.APPLICATION_DATA, new byte[1], 0, 1, out, 0)).description());
        ReadState rs = new ReadState();
        rs.setProtection(Suite.TLS13_AES128_GCM.create());
        rs.setSequenceNumberForTest(-1L);
        byte[] rec = new byte[40];
        RecordHeader.write(rec, 0, 23, 0x0303, 35);
        assertEquals(AlertDescription.INTERNAL_ERROR,
                assertThrows(TlsAlert.class, () -> rs.open(new Record().set(23, 0x0303, rec, 5, 35))).description());
    }

    @Test
    void keyUpdateIsDueBeforeTheAeadLimit() throws Exception {
        WriteState ws = new WriteState();
        ws.setProtection(Suite.TLS13_AES128_GCM.create());
        assertEquals(Aead13Protection.LIMIT_AES, ws.protection().recordLimit());
        assertFalse(ws.keyUpdateDue());
        long trigger = Aead13Protection.LIMIT_AES - Aead13Protection.LIMIT_AES / 8;
        ws.setRecordsSealedForTest(trigger - 1);
        assertFalse(ws.keyUpdateDue());
        byte[] out = new byte[64];
        ws.seal(ContentType.APPLICATION_DATA, new byte[3], 0, 3, out, 0);
        assertEquals(trigger, ws.recordsSealed());
        assertTrue(ws.keyUpdateDue());
        // A KeyUpdate installs a new key: the counters start again.
        ws.setProtection(Suite.TLS13_AES128_GCM.create());
        assertEquals(0, ws.recordsSealed());
        assertEquals(0, ws.bytesSealed());
        assertFalse(ws.keyUpdateDue());
        WriteState chacha = new WriteState();
        chacha.setProtection(Suite.TLS13_CHACHA20.create());
        assertEquals(1L << 48, chacha.protection().recordLimit());
        assertFalse(chacha.keyUpdateDue());
    }

    @Test
    void aCapLowersTheLimitForEveryKeyAndLeavesRoomForTheKeyUpdate() throws Exception {
        WriteState ws = new WriteState();
        ws.capRecordsPerKey(4);
        ws.setProtection(Suite.TLS13_CHACHA20.create());
        byte[] out = new byte[64];
        for (int i = 0; i < 3; i++) {
            assertFalse(ws.keyUpdateDue());
            ws.seal(ContentType.APPLICATION_DATA, new byte[3], 0, 3, out, 0);
        }
        assertTrue(ws.keyUpdateDue(), "3 of 4 used: the 4th record is the KeyUpdate");
        ws.setProtection(Suite.TLS13_AES128_GCM.create());
        assertFalse(ws.keyUpdateDue());
        ReadState rs = new ReadState();
        rs.capRecordsPerKey(2);
        assertFalse(rs.peerKeyUpdateWanted());
        assertThrows(IllegalArgumentException.class, () -> ws.capRecordsPerKey(0));
    }

    @Test
    void tls13ChangeCipherSpecStaysUnprotectedAndUsesNoSequenceNumber() throws Exception {
        ReadState rs = new ReadState();
        rs.setProtection(Suite.TLS13_AES128_GCM.create());
        Deframer d = new Deframer();
        byte[] ccs = {20, 3, 3, 0, 1, 1};
        d.feed(ccs, 0, ccs.length);
        Record r = new Record();
        assertTrue(d.next(rs, r));
        assertEquals(ContentType.CHANGE_CIPHER_SPEC, r.type());
        assertArrayEquals(new byte[] {1}, r.copy());
        assertEquals(0, rs.sequenceNumber());
        // A protected handshake-type outer record is refused.
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, deframeFails(rs, record(22, 0x0303, 40)).description());
    }

    @Test
    void tls13InnerPlaintextRules() throws Exception {
        Aead13Protection w = (Aead13Protection) Suite.TLS13_AES128_GCM.create();
        // All-zero inner plaintext: seal "content" of zeros with type byte 0 (ContentType INVALID).
        byte[] out = new byte[100];
        int n = w.seal(ContentType.INVALID, ProtocolVersion.TLS12, 0, new byte[3], 0, 3, out, 0);
        ReadState rs = new ReadState();
        rs.setProtection(Suite.TLS13_AES128_GCM.create());
        byte[] rec = java.util.Arrays.copyOf(out, n);
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, deframeFails(rs, rec).description());
        // A protected ChangeCipherSpec is refused (RFC 8446, Section 5).
        Aead13Protection w2 = (Aead13Protection) Suite.TLS13_AES128_GCM.create();
        n = w2.seal(ContentType.CHANGE_CIPHER_SPEC, ProtocolVersion.TLS12, 0, new byte[] {1}, 0, 1, out, 0);
        ReadState rs2 = new ReadState();
        rs2.setProtection(Suite.TLS13_AES128_GCM.create());
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, deframeFails(rs2, java.util.Arrays.copyOf(out, n)).description());
    }

    @Test
    void tls13PaddingPolicyAndRecordSizeLimit() throws Exception {
        WriteState ws = new WriteState();
        ws.setVersion(ProtocolVersion.TLS12);
        ws.setProtection(Suite.TLS13_AES128_GCM_PADDED.create()); // pads inner plaintext to multiples of 256
        assertEquals(5 + 256 + 16, ws.sealedRecordLength(ContentType.APPLICATION_DATA, 10));
        ws.setRecordSizeLimit(100, true); // RFC 8449: at most 100 bytes of inner plaintext
        assertEquals(99, ws.maxFragmentLength());
        assertEquals(5 + 100 + 16, ws.sealedRecordLength(ContentType.APPLICATION_DATA, 10), "padding clipped to the limit");
        byte[] out = new byte[200];
        byte[] data = Suite.bytes(10, 1);
        int n = ws.seal(ContentType.APPLICATION_DATA, data, 0, 10, out, 0);
        ReadState rs = new ReadState();
        rs.setProtection(Suite.TLS13_AES128_GCM_PADDED.create());
        Deframer d = new Deframer();
        d.feed(out, 0, n);
        Record r = new Record();
        assertTrue(d.next(rs, r));
        assertArrayEquals(data, r.copy());
        assertThrows(IllegalArgumentException.class, () -> ws.setRecordSizeLimit(63, true));
    }

    @Test
    void tls10CbcSplitsApplicationDataOneAndNMinusOne() throws Exception {
        WriteState ws = new WriteState();
        ws.setVersion(ProtocolVersion.TLS10);
        ws.setProtection(Suite.TLS10_AES_SHA_MTE.create());
        assertTrue(ws.protection().splitsFirstByte());
        Fragmenter f = new Fragmenter(ws);
        byte[] data = Suite.bytes(100, 3);
        byte[] out = new byte[f.sealedLength(ContentType.APPLICATION_DATA, 100)];
        f.write(ContentType.APPLICATION_DATA, data, 0, 100, out, 0);
        assertEquals(2, ws.sequenceNumber(), "two records: 1 byte, then 99");
        ReadState rs = new ReadState();
        rs.setProtection(Suite.TLS10_AES_SHA_MTE.create());
        Deframer d = new Deframer();
        d.feed(out, 0, out.length);
        Record r = new Record();
        assertTrue(d.next(rs, r));
        assertEquals(1, r.length());
        assertTrue(d.next(rs, r));
        assertEquals(99, r.length());
        // Handshake data is not split, and TLS 1.1+ never splits.
        byte[] hs = new byte[f.sealedLength(ContentType.HANDSHAKE, 100)];
        f.write(ContentType.HANDSHAKE, data, 0, 100, hs, 0);
        assertEquals(3, ws.sequenceNumber());
        assertFalse(Suite.TLS11_AES_SHA_MTE.create().splitsFirstByte());
    }

    @Test
    void ssl2ClientHelloIsReadWhenAccepted() throws Exception {
        // A 2-byte header SSL 2.0 CLIENT-HELLO (RFC 5246, Appendix E.2): msg type 1, version 3.1, ...
        byte[] body = Hex.decode("0103010003000000100000040102030405060708090a0b0c0d0e0f10");
        byte[] wire = new byte[2 + body.length];
        Ssl2RecordHeader.write2(wire, 0, body.length);
        System.arraycopy(body, 0, wire, 2, body.length);
        Deframer d = new Deframer();
        d.setAcceptSsl2ClientHello(true);
        Record r = new Record();
        d.feed(wire, 0, 1);
        assertFalse(d.next(new ReadState(), r));
        d.feed(wire, 1, wire.length - 1);
        assertTrue(d.next(new ReadState(), r));
        assertTrue(r.isSsl2());
        assertEquals(ProtocolVersion.SSL2, r.version());
        assertArrayEquals(body, r.copy());
        // Without acceptance the same bytes are not a record.
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, deframeFails(new ReadState(), wire).description());
    }

    @Test
    void ssl2HeaderForms() {
        byte[] b = new byte[3];
        assertEquals(2, Ssl2RecordHeader.write2(b, 0, 0x1234));
        Ssl2RecordHeader h = Ssl2RecordHeader.read(b, 0, 2);
        assertEquals(2, h.headerLength);
        assertEquals(0x1234, h.recordLength);
        assertEquals(3, Ssl2RecordHeader.write3(b, 0, 0x0234, 7, true));
        h = Ssl2RecordHeader.read(b, 0, 3);
        assertEquals(3, h.headerLength);
        assertEquals(0x0234, h.recordLength);
        assertEquals(7, h.padding);
        assertTrue(h.escape);
        assertEquals(null, Ssl2RecordHeader.read(b, 0, 2));
        assertThrows(IllegalArgumentException.class, () -> Ssl2RecordHeader.write3(b, 0, 0x4000, 0, false));
    }

    @Test
    void tls10ImplicitIvChainsAcrossRecords() throws Exception {
        // Two records: the second decrypts only if the IV chains from the first record's last block.
        WriteState ws = new WriteState();
        ws.setVersion(ProtocolVersion.TLS10);
        ws.setProtection(Suite.TLS10_AES_SHA_ETM.create());
        byte[] out = new byte[400];
        int n = ws.seal(ContentType.HANDSHAKE, Suite.bytes(40, 1), 0, 40, out, 0);
        int n2 = ws.seal(ContentType.HANDSHAKE, Suite.bytes(40, 2), 0, 40, out, n);
        ReadState rs = new ReadState();
        rs.setProtection(Suite.TLS10_AES_SHA_ETM.create());
        Deframer d = new Deframer();
        d.feed(out, 0, n + n2);
        Record r = new Record();
        assertTrue(d.next(rs, r));
        assertArrayEquals(Suite.bytes(40, 1), r.copy());
        assertTrue(d.next(rs, r));
        assertArrayEquals(Suite.bytes(40, 2), r.copy());
    }
}
