package org.tls4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tls4j.handshake.HandshakeMessage;
import org.tls4j.handshake.msg.KeyUpdate;
import org.tls4j.handshake.tls13.TlsListener;
import org.tls4j.crypto.x509.TestPki;

/**
 * KeyUpdate through the engine (RFC 8446, Sections 4.6.3 and 5.5): automatic updates before a write
 * key's record limit, a request to the peer when its key nears the limit, and one answer for many
 * requests received while silent. The AEAD limits (about 2^24.5 records for AES-GCM) are lowered with
 * the package-private test hook {@link TlsEngine#capRecordsPerKeyForTest}.
 */
class TlsEngineKeyUpdateTest {
    /** Records every KeyUpdate one side sends (true = update_requested). */
    static final class KeyUpdates implements TlsListener {
        final List<Boolean> sent = new ArrayList<>();
        final List<Boolean> received = new ArrayList<>();

        @Override
        public void onHandshakeMessage(boolean isSent, HandshakeMessage m) {
            if (m instanceof KeyUpdate ku) {
                (isSent ? sent : received).add(ku.isUpdateRequested());
            }
        }
    }

    private final KeyUpdates clientLog = new KeyUpdates();
    private final KeyUpdates serverLog = new KeyUpdates();

    private EnginePair pair() {
        EnginePair p = new EnginePair(TestCerts.client().listener(clientLog).build(),
                TestCerts.server(TestPki.KeyKind.EC_P256).listener(serverLog).build());
        assertTrue(p.handshake());
        return p;
    }

    /** Wraps {@code data} in one call as far as it goes, returns the network bytes. */
    private static byte[] wrapAll(TlsEngine e, byte[] data) throws TlsException {
        ByteBuffer src = ByteBuffer.wrap(data);
        ByteBuffer net = ByteBuffer.allocate(data.length + 64 * 1024);
        while (src.hasRemaining()) {
            assertEquals(TlsResult.Status.OK, e.wrap(src, net).status());
        }
        e.wrap(ByteBuffer.allocate(0), net); // anything still queued
        return java.util.Arrays.copyOf(net.array(), net.position());
    }

    private static byte[] unwrapAll(TlsEngine e, byte[] net) throws TlsException {
        ByteBuffer src = ByteBuffer.wrap(net);
        ByteBuffer app = ByteBuffer.allocate(net.length + 1);
        while (src.hasRemaining()) {
            assertEquals(TlsResult.Status.OK, e.unwrap(src, app).status());
        }
        return java.util.Arrays.copyOf(app.array(), app.position());
    }

    /** Counts the records in a run of network bytes, by their headers. */
    private static int records(byte[] net) {
        int n = 0;
        for (int i = 0; i < net.length; i += 5 + ((net[i + 3] & 0xff) << 8 | net[i + 4] & 0xff)) {
            n++;
        }
        return n;
    }

    @Test
    void writeKeyChangesBeforeItsLimitOneRecordAtATime() throws Exception {
        EnginePair p = pair();
        p.client.capRecordsPerKeyForTest(8); // KeyUpdate due once 7 records are sealed under a key
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        ByteArrayOutputStream want = new ByteArrayOutputStream();
        for (int i = 0; i < 40; i++) {
            byte[] b = ("record " + i).getBytes();
            want.write(b);
            got.write(unwrapAll(p.server, wrapAll(p.client, b)));
        }
        assertArrayEquals(want.toByteArray(), got.toByteArray());
        // before the 8th, 15th, 22nd, 29th and 36th data records: five updates, none requesting one back
        assertEquals(List.of(false, false, false, false, false), clientLog.sent);
        assertEquals(clientLog.sent, serverLog.received);
        assertEquals(List.of(), serverLog.sent);
    }

    @Test
    void oneLargeWriteStopsAtTheLimitAndGoesOnUnderTheNextKey() throws Exception {
        EnginePair p = pair();
        p.client.capRecordsPerKeyForTest(4); // due after 3 records
        byte[] data = new byte[10 * 16384];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31 + 7);
        }
        byte[] net = wrapAll(p.client, data);
        // 10 full data records; an update before the 4th, 7th and 10th: 13 records in all
        assertEquals(13, records(net));
        assertEquals(3, clientLog.sent.size());
        assertArrayEquals(data, unwrapAll(p.server, net));
        assertEquals(3, serverLog.received.size());
    }

    @Test
    void aPeerNearingItsLimitIsAskedOnceForAnUpdate() throws Exception {
        EnginePair p = pair();
        p.server.capRecordsPerKeyForTest(8); // the server watches the client's key: 7 records, then it asks
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        ByteArrayOutputStream want = new ByteArrayOutputStream();
        for (int i = 0; i < 30; i++) {
            byte[] b = ("data " + i).getBytes();
            want.write(b);
            got.write(unwrapAll(p.server, wrapAll(p.client, b)));
            // the server's queued KeyUpdate (if any) reaches the client
            assertEquals(0, unwrapAll(p.client, wrapAll(p.server, new byte[0])).length);
        }
        assertArrayEquals(want.toByteArray(), got.toByteArray());
        // each client key: 7 records, the server asks (update_requested, which also changes its own
        // key), the client answers before its next record; 30 records = 4 full keys of 7 + 2
        assertEquals(List.of(true, true, true, true), serverLog.sent);
        assertEquals(List.of(false, false, false, false), clientLog.sent);
    }

    @Test
    void manyRequestsWhileSilentAreAnsweredOnce() throws Exception {
        EnginePair p = pair();
        for (int i = 0; i < 3; i++) {
            p.client.requestKeyUpdate(true);
            byte[] b = ("ping " + i).getBytes();
            assertArrayEquals(b, unwrapAll(p.server, wrapAll(p.client, b)));
        }
        assertEquals(List.of(), serverLog.sent, "nothing sent while the server is silent");
        // the owed answer shows as NEED_WRAP, so a driver (TlsSocket) sends it without waiting for data
        assertEquals(TlsResult.HandshakeStatus.NEED_WRAP, p.server.handshakeStatus());
        byte[] pong = "pong".getBytes();
        byte[] net = wrapAll(p.server, pong);
        assertEquals(2, records(net), "one KeyUpdate, then the data");
        assertArrayEquals(pong, unwrapAll(p.client, net));
        assertEquals(List.of(false), serverLog.sent);
        assertEquals(List.of(true, true, true), clientLog.sent);
        // and the keys agree in both directions afterwards
        assertArrayEquals(pong, p.transfer(p.client, p.server, pong));
        assertArrayEquals(pong, p.transfer(p.server, p.client, pong));
    }

    @Test
    void anEmptyWrapSendsTheOwedAnswer() throws Exception {
        EnginePair p = pair();
        p.client.requestKeyUpdate(true);
        unwrapAll(p.server, wrapAll(p.client, new byte[0]));
        assertEquals(TlsResult.HandshakeStatus.NEED_WRAP, p.server.handshakeStatus());
        byte[] net = wrapAll(p.server, new byte[0]);
        assertEquals(TlsResult.HandshakeStatus.NOT_HANDSHAKING, p.server.handshakeStatus(), "answered");
        assertEquals(1, records(net), "the owed KeyUpdate goes out on the next wrap, data or not");
        unwrapAll(p.client, net);
        assertEquals(List.of(false), serverLog.sent);
        assertEquals(List.of(false), clientLog.received);
    }
}
