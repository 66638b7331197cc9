package org.tls4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tls4j.handshake.CipherSuite;
import org.tls4j.handshake.NamedGroup;
import org.tls4j.handshake.tls12.KeyBlock;
import org.tls4j.handshake.tls12.Protections12;
import org.tls4j.handshake.tls12.Suite12;
import org.tls4j.handshake.tls12.VersionRules;
import org.tls4j.handshake.tls13.TlsListener;
import org.tls4j.record.AlertDescription;
import org.tls4j.record.ContentType;
import org.tls4j.record.ProtocolVersion;
import org.tls4j.record.Record;
import org.tls4j.record.RecordProtection;
import org.tls4j.testing.Hex;

/**
 * Recorded TLS 1.2 sessions with OpenSSL 3.0, replayed byte for byte with no external program: for each
 * {@code src/test/resources/recorded12/*.flow} (one per key exchange ECDHE_ECDSA, ECDHE_RSA, DHE_RSA, RSA,
 * with tls4j as the client and as the server), a fresh engine with the flow's configuration, seed and
 * fixed clock is fed OpenSSL's recorded records in the recorded order, and
 * <ul>
 * <li>every byte it writes (ClientHello or ServerHello flight, key exchange, ChangeCipherSpec, Finished,
 *     application data, close_notify) equals the recorded bytes, and at each recorded read it has nothing
 *     to write yet;</li>
 * <li>the handshake completes with the recorded suite at TLS 1.2, and OpenSSL's application records
 *     decrypt to the recorded plaintext; both directions end closed by close_notify.</li>
 * </ul>
 * And, for each flow, OpenSSL's Finished altered two ways: one flipped byte in its encrypted record ends
 * the handshake with bad_record_mac (RFC 5246, Section 7.2.2: the record fails authentication before the
 * Finished is looked at), and one flipped byte of its verify_data, re-protected under the right keys,
 * ends it with decrypt_error (the Finished check itself).
 */
class ReplayTls12FlowsTest {

    static List<String> names() {
        return RecordTls12FlowsTest.names();
    }

    @ParameterizedTest
    @MethodSource("names")
    void replaysByteForByte(String name) throws Exception {
        Tls12Flow flow = Tls12Flow.load(name);
        TlsEngine e = flow.newEngine();
        int[] counts = replay(flow, e, -1, null);
        TlsSession s = e.session();
        assertNotNull(s, "handshake completed");
        assertEquals(ProtocolVersion.TLS12, s.version());
        assertEquals(flow.spec.suite(), s.cipherSuite());
        byte[] sh = serverHello(flow);
        assertTrue(serverHelloHasExtension(sh, 0x0017), "extended_master_secret negotiated");
        assertTrue(serverHelloHasExtension(sh, 0xff01), "renegotiation_info negotiated");
        assertEquals(flow.spec.suite().equals(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA256),
                serverHelloHasExtension(sh, 0x0016), "encrypt_then_mac exactly in the CBC flow");
        switch (flow.spec.suite().name().split("_WITH_")[0]) {
            case "TLS_ECDHE_ECDSA", "TLS_ECDHE_RSA" -> assertEquals(NamedGroup.X25519, s.group());
            case "TLS_RSA" -> assertEquals(null, s.group());
            case "TLS_DHE_RSA" -> {
                if (flow.spec.tls4jIsClient()) {
                    // OpenSSL chose its own group: RFC 3526's 2048-bit MODP group 14, recognisable by its
                    // length, its first 64 bits of pi after the all-ones prefix, and its all-ones end.
                    byte[] p = dhPrime(flow);
                    assertEquals(256, p.length);
                    assertEquals("ffffffffffffffffc90fdaa22168c234", Hex.encode(Arrays.copyOf(p, 16)));
                    assertEquals("ffffffffffffffff", Hex.encode(Arrays.copyOfRange(p, 248, 256)));
                } else {
                    assertEquals(NamedGroup.FFDHE2048, s.group());
                }
            }
            default -> throw new AssertionError(flow.spec.suite());
        }
        assertTrue(e.isInboundDone(), "the peer's close_notify was read");
        assertTrue(e.isOutboundDone(), "our close_notify was written");
        System.out.printf("recorded12 %s: %d records from OpenSSL fed, %d flights (%d bytes) written by tls4j, "
                + "all equal%n", name, counts[0], counts[1], counts[2]);
    }

    @ParameterizedTest
    @MethodSource("names")
    void aFlippedByteInThePeersFinishedIsBadRecordMac(String name) throws Exception {
        Tls12Flow flow = Tls12Flow.load(name);
        int finished = peersFinished(flow);
        TlsEngine e = flow.newEngine();
        TlsException x = assertThrows(TlsException.class, () -> replay(flow, e, finished, r -> flipLastByte(r)));
        assertEquals(AlertDescription.BAD_RECORD_MAC, x.alert(), x.getMessage());
        assertEquals(false, x.isAlertReceived());
        assertEquals(null, e.session(), "no session from a failed handshake");
        // The engine then sends the alert: one alert record (encrypted under its own new keys).
        byte[] alert = Tls12Flow.wrap(e, ByteBuffer.allocate(0));
        assertTrue(alert.length > 5 && alert[0] == 21, "an alert record follows: " + alert.length + " bytes");
    }

    /**
     * OpenSSL's Finished with one byte of its verify_data flipped and the record re-protected correctly
     * (under the peer's keys, derived from the master secret the tls4j engine reports to its listener):
     * the record authenticates, so it is the Finished check itself that fails, with decrypt_error (RFC
     * 5246, Section 7.2.2: "unable to ... validate a finished message"; Section 7.4.9).
     */
    @ParameterizedTest
    @MethodSource("names")
    void aFlippedVerifyDataByteIsDecryptError(String name) throws Exception {
        Tls12Flow flow = Tls12Flow.load(name);
        int finished = peersFinished(flow);
        byte[][] master = new byte[2][];
        TlsEngine e = flow.newEngine(new TlsListener() {
            @Override
            public void onSecret(String label, byte[] clientRandom, byte[] secret) {
                if (label.equals(TlsListener.CLIENT_RANDOM)) {
                    master[0] = clientRandom;
                    master[1] = secret;
                }
            }
        });
        TlsException x = assertThrows(TlsException.class,
                () -> replay(flow, e, finished, r -> reprotectedWithFlippedVerifyData(flow, master, r)));
        assertEquals(AlertDescription.DECRYPT_ERROR, x.alert(), x.getMessage());
        assertEquals(false, x.isAlertReceived());
        assertEquals(null, e.session(), "no session from a failed handshake");
    }

    private static byte[] flipLastByte(byte[] record) {
        byte[] r = record.clone();
        r[r.length - 1] ^= 0x01;
        return r;
    }

    /** Opens OpenSSL's Finished record (sequence number 0 under its new write keys), flips, seals again. */
    private static byte[] reprotectedWithFlippedVerifyData(Tls12Flow flow, byte[][] master, byte[] record)
            throws Exception {
        assertNotNull(master[1], "the engine reported its master secret before the peer's Finished");
        byte[] sh = serverHello(flow);
        byte[] serverRandom = Arrays.copyOfRange(sh, 2, 34);
        Suite12 suite = Suite12.of(flow.spec.suite());
        boolean peerIsClient = !flow.spec.tls4jIsClient();
        KeyBlock kb = VersionRules.TLS12.keyBlock(suite, master[1], master[0], serverRandom);
        boolean etm = serverHelloHasExtension(sh, 0x0016);
        RecordProtection open = Protections12.create(suite, VersionRules.TLS12, kb, peerIsClient, etm,
                new org.tls4j.testing.SeededRandomSource(1));
        Record rec = new Record().set(record[0] & 0xff, (record[1] & 0xff) << 8 | (record[2] & 0xff), record.clone(), 5,
                record.length - 5);
        open.open(0, rec);
        byte[] msg = Arrays.copyOfRange(rec.array(), rec.offset(), rec.offset() + rec.length());
        assertEquals(16, msg.length, "Finished: 4-byte header and 12 bytes of verify_data");
        assertEquals(20, msg[0], "a Finished message");
        msg[15] ^= 0x01;
        RecordProtection seal = Protections12.create(suite, VersionRules.TLS12, kb, peerIsClient, etm,
                new org.tls4j.testing.SeededRandomSource(1));
        byte[] out = new byte[5 + seal.sealedLength(ContentType.HANDSHAKE, msg.length)];
        int n = seal.seal(ContentType.HANDSHAKE, ProtocolVersion.TLS12, 0, msg, 0, msg.length, out, 0);
        kb.destroy();
        return Arrays.copyOf(out, n);
    }

    /** The ServerHello message body (after its 4-byte header): the first record the server sent. */
    private static byte[] serverHello(Tls12Flow flow) {
        String kind = flow.spec.tls4jIsClient() ? "in" : "out";
        for (Tls12Flow.Event ev : flow.events) {
            if (ev.kind().equals(kind)) {
                byte[] r = ev.data();
                assertEquals(22, r[0]);
                assertEquals(2, r[5], "ServerHello first");
                int len = (r[6] & 0xff) << 16 | (r[7] & 0xff) << 8 | (r[8] & 0xff);
                return Arrays.copyOfRange(r, 9, 9 + len);
            }
        }
        throw new AssertionError("no ServerHello");
    }

    /** dh_p of the ServerKeyExchange OpenSSL sent (a tls4j client flow; unencrypted handshake records). */
    private static byte[] dhPrime(Tls12Flow flow) {
        for (Tls12Flow.Event ev : flow.events) {
            byte[] r = ev.data();
            if (ev.kind().equals("in") && r[0] == 22 && r[5] == 12) {
                int len = (r[9] & 0xff) << 8 | (r[10] & 0xff);
                return Arrays.copyOfRange(r, 11, 11 + len);
            }
        }
        throw new AssertionError("no ServerKeyExchange in its own record");
    }

    private static boolean serverHelloHasExtension(byte[] sh, int type) {
        int p = 2 + 32;
        p += 1 + (sh[p] & 0xff) + 2 + 1; // session_id, cipher_suite, compression_method
        int end = p + 2 + ((sh[p] & 0xff) << 8 | (sh[p + 1] & 0xff));
        for (p += 2; p < end; p += 4 + ((sh[p + 2] & 0xff) << 8 | (sh[p + 3] & 0xff))) {
            if (((sh[p] & 0xff) << 8 | (sh[p + 1] & 0xff)) == type) {
                return true;
            }
        }
        return false;
    }

    /** A change to one recorded record. */
    interface RecordEdit {
        byte[] apply(byte[] record) throws Exception;
    }

    /** The index of OpenSSL's first handshake record after its ChangeCipherSpec: its Finished. */
    static int peersFinished(Tls12Flow flow) {
        boolean afterCcs = false;
        for (int i = 0; i < flow.events.size(); i++) {
            Tls12Flow.Event ev = flow.events.get(i);
            if (!ev.kind().equals("in")) {
                continue;
            }
            if (ev.data()[0] == 20) {
                afterCcs = true;
            } else if (afterCcs && ev.data()[0] == 22) {
                return i;
            }
        }
        throw new AssertionError(flow.spec.name() + ": no Finished from the peer");
    }

    /**
     * Drives {@code e} through the flow's events, asserting every byte it writes; with {@code edit != null}
     * the record of (incoming) event {@code at} is replaced by its edit. Returns {records fed, flights written,
     * bytes written}.
     */
    static int[] replay(Tls12Flow flow, TlsEngine e, int at, RecordEdit edit) throws Exception {
        ByteBuffer pending = ByteBuffer.allocate(0);
        ByteArrayOutputStream app = new ByteArrayOutputStream();
        int[] counts = new int[3];
        List<String> done = new ArrayList<>();
        for (int i = 0; i < flow.events.size(); i++) {
            Tls12Flow.Event ev = flow.events.get(i);
            String where = flow.spec.name() + " event " + (i + 1) + " (" + ev.kind() + ") after " + done;
            switch (ev.kind()) {
                case "write" -> pending = ByteBuffer.wrap(ev.data());
                case "close" -> e.closeOutbound();
                case "out" -> {
                    byte[] produced = Tls12Flow.wrap(e, pending);
                    pending = ByteBuffer.allocate(0);
                    assertArrayEquals(ev.data(), produced, where);
                    counts[1]++;
                    counts[2] += produced.length;
                }
                case "in" -> {
                    if (e.handshakeStatus() != TlsResult.HandshakeStatus.NOT_HANDSHAKING) {
                        // The recorder read only when the engine had nothing to send.
                        assertEquals(0, Tls12Flow.wrap(e, ByteBuffer.allocate(0)).length, where);
                    }
                    byte[] record = i == at ? edit.apply(ev.data().clone()) : ev.data().clone();
                    Tls12Flow.unwrapRecord(e, record, app);
                    counts[0]++;
                }
                case "read" -> {
                    assertArrayEquals(ev.data(), app.toByteArray(), where);
                    app.reset();
                }
                default -> throw new AssertionError(where);
            }
            done.add(ev.kind());
        }
        assertEquals(0, app.size(), "no application data after the last read");
        return counts;
    }
}
