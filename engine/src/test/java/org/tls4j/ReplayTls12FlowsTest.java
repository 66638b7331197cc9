package org.tls4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tls4j.record.AlertDescription;
import org.tls4j.record.ProtocolVersion;

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
 * And, for each flow, one flipped byte in OpenSSL's encrypted Finished record ends the handshake with
 * bad_record_mac, the alert RFC 5246, Section 7.2.2 prescribes for a record that fails authentication
 * (the Finished is protected by the new keys, so the record layer catches the change before the
 * verify_data comparison would).
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
        int[] counts = replay(flow, e, -1);
        TlsSession s = e.session();
        assertNotNull(s, "handshake completed");
        assertEquals(ProtocolVersion.TLS12, s.version());
        assertEquals(flow.spec.suite(), s.cipherSuite());
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
        TlsException x = assertThrows(TlsException.class, () -> replay(flow, e, finished));
        assertEquals(AlertDescription.BAD_RECORD_MAC, x.alert(), x.getMessage());
        assertEquals(false, x.isAlertReceived());
        assertEquals(null, e.session(), "no session from a failed handshake");
        // The engine then sends the alert: one alert record (encrypted under its own new keys).
        byte[] alert = Tls12Flow.wrap(e, ByteBuffer.allocate(0));
        assertTrue(alert.length > 5 && alert[0] == 21, "an alert record follows: " + alert.length + " bytes");
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
     * Drives {@code e} through the flow's events, asserting every byte it writes; with {@code flip >= 0}
     * the last byte of that (incoming) event's record is flipped. Returns {records fed, flights written,
     * bytes written}.
     */
    static int[] replay(Tls12Flow flow, TlsEngine e, int flip) throws TlsException {
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
                    byte[] record = ev.data().clone();
                    if (i == flip) {
                        record[record.length - 1] ^= 0x01;
                    }
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
