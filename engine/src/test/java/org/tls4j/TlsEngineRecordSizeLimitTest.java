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

import org.junit.jupiter.api.Test;
import org.tls4j.crypto.x509.TestPki;
import org.tls4j.handshake.ext.RecordSizeLimit;
import org.tls4j.record.AlertDescription;

/**
 * record_size_limit (RFC 8449) through two engines, checked on the wire: every protected record each
 * side writes fits the peer's limit (TLSInnerPlaintext = ciphertext length minus the 16-byte tag), the
 * default (16385) lowers nothing, and a record over our own limit is record_overflow.
 */
class TlsEngineRecordSizeLimitTest {
    /** Two engines and every byte each one wrote. */
    static final class Wire {
        final TlsEngine client;
        final TlsEngine server;
        final ByteArrayOutputStream c2s = new ByteArrayOutputStream();
        final ByteArrayOutputStream s2c = new ByteArrayOutputStream();
        TlsException clientFailure;

        Wire(TlsConfig c, TlsConfig s) {
            client = TlsEngine.client(c);
            server = TlsEngine.server(s);
        }

        /** Moves bytes both ways until nothing moves; application data read is returned per side. */
        void pump(ByteBuffer clientData, ByteBuffer serverData, ByteArrayOutputStream clientRead,
                ByteArrayOutputStream serverRead) throws TlsException {
            ByteBuffer net = ByteBuffer.allocate(1 << 18);
            ByteBuffer app = ByteBuffer.allocate(1 << 15);
            for (int round = 0; round < 1000; round++) {
                boolean moved = move(client, clientData, server, net, app, c2s, serverRead);
                try {
                    moved |= move(server, serverData, client, net, app, s2c, clientRead);
                } catch (TlsException e) {
                    clientFailure = e;
                    return;
                }
                if (!moved) {
                    return;
                }
            }
        }

        private static boolean move(TlsEngine from, ByteBuffer data, TlsEngine to, ByteBuffer net, ByteBuffer app,
                ByteArrayOutputStream wire, ByteArrayOutputStream read) throws TlsException {
            net.clear();
            from.wrap(from.session() != null ? data : ByteBuffer.allocate(0), net);
            net.flip();
            wire.write(net.array(), 0, net.limit());
            boolean moved = net.hasRemaining();
            TlsResult r;
            do {
                app.clear();
                r = to.unwrap(net, app);
                read.write(app.array(), 0, app.position());
            } while (net.hasRemaining() || r.status() == TlsResult.Status.BUFFER_OVERFLOW);
            return moved;
        }
    }

    /** The lengths of the protected (outer type 23) records in a byte stream. */
    static List<Integer> protectedLengths(byte[] wire) {
        List<Integer> l = new ArrayList<>();
        for (int i = 0; i + 5 <= wire.length; ) {
            int len = (wire[i + 3] & 0xff) << 8 | wire[i + 4] & 0xff;
            if (wire[i] == 23) {
                l.add(len);
            }
            i += 5 + len;
        }
        return l;
    }

    private static byte[] data(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 7 + 1);
        }
        return b;
    }

    private static Wire run(TlsConfig c, TlsConfig s, byte[] fromClient, byte[] fromServer,
            ByteArrayOutputStream clientRead, ByteArrayOutputStream serverRead) throws TlsException {
        Wire w = new Wire(c, s);
        w.pump(ByteBuffer.wrap(fromClient), ByteBuffer.wrap(fromServer), clientRead, serverRead);
        return w;
    }

    @Test
    void eachSideCapsItsRecordsToThePeersLimit() throws Exception {
        byte[] a = data(3000);
        byte[] b = data(5000);
        ByteArrayOutputStream clientRead = new ByteArrayOutputStream();
        ByteArrayOutputStream serverRead = new ByteArrayOutputStream();
        Wire w = run(TestCerts.client().recordSizeLimit(64).build(),
                TestCerts.server(TestPki.KeyKind.EC_P256).recordSizeLimit(200).build(), a, b, clientRead, serverRead);
        assertNotNull(w.client.session());
        assertArrayEquals(a, serverRead.toByteArray());
        assertArrayEquals(b, clientRead.toByteArray());
        // the server's whole protected flight (EncryptedExtensions ... Finished) and its data: at most
        // 64 bytes of TLSInnerPlaintext, i.e. 80 with the tag; the data in 63-byte pieces
        List<Integer> fromServer = protectedLengths(w.s2c.toByteArray());
        assertTrue(fromServer.stream().allMatch(n -> n <= 64 + 16), fromServer.toString());
        assertTrue(fromServer.size() >= 5000 / 63, "the data went in " + fromServer.size() + " records");
        assertTrue(fromServer.contains(80), "full records use the whole limit");
        List<Integer> fromClient = protectedLengths(w.c2s.toByteArray());
        assertTrue(fromClient.stream().allMatch(n -> n <= 200 + 16), fromClient.toString());
        assertTrue(fromClient.contains(216));
    }

    @Test
    void theDefaultLimitLowersNothing() throws Exception {
        TlsConfig c = TestCerts.client().build();
        assertEquals(16385, c.recordSizeLimit());
        byte[] big = data(40000);
        ByteArrayOutputStream clientRead = new ByteArrayOutputStream();
        Wire w = run(c, TestCerts.server(TestPki.KeyKind.EC_P256).build(), new byte[0], big, clientRead,
                new ByteArrayOutputStream());
        assertArrayEquals(big, clientRead.toByteArray());
        assertTrue(protectedLengths(w.s2c.toByteArray()).contains(16384 + 1 + 16), "full 2^14 records");
    }

    @Test
    void aRecordOverOurLimitIsRecordOverflow() throws Exception {
        // A server that answers record_size_limit (through the test hook) without honouring the client's:
        // its own limit is off, so nothing caps what it writes.
        TlsConfig server = TestCerts.server(TestPki.KeyKind.EC_P256).recordSizeLimit(0)
                .extensionsHook((where, ext) -> {
                    List<org.tls4j.handshake.ext.Extension> l = new ArrayList<>(ext);
                    l.add(new RecordSizeLimit(16385));
                    return l;
                }).build();
        Wire w = run(TestCerts.client().recordSizeLimit(256).build(), server, new byte[0], data(300),
                new ByteArrayOutputStream(), new ByteArrayOutputStream());
        // the server's Certificate message alone is longer than 256 bytes: the client stops there
        assertNotNull(w.clientFailure);
        assertEquals(AlertDescription.RECORD_OVERFLOW, w.clientFailure.alert());
    }

    @Test
    void configurationRefusesValuesOutsideTheRfcRange() {
        assertThrows(IllegalArgumentException.class, () -> TlsConfig.builder().recordSizeLimit(63));
        assertThrows(IllegalArgumentException.class, () -> TlsConfig.builder().recordSizeLimit(16386));
        assertEquals(0, TlsConfig.builder().recordSizeLimit(0).build().recordSizeLimit());
    }
}
