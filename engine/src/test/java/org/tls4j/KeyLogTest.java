package org.tls4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tls4j.crypto.x509.TestPki;
import org.tls4j.handshake.CipherSuite;
import org.tls4j.handshake.HandshakeMessage;
import org.tls4j.handshake.msg.ClientHello;
import org.tls4j.handshake.tls13.KeySchedule13;
import org.tls4j.handshake.tls13.Tls13Suite;
import org.tls4j.handshake.tls13.TlsListener;
import org.tls4j.record.Aead13Protection;
import org.tls4j.record.ContentType;
import org.tls4j.record.Record;
import org.tls4j.record.RecordProtection;
import org.tls4j.testing.Hex;

/**
 * The listener's secrets (NSS key log labels) are the ones the connection really uses: traffic keys
 * derived from the logged application traffic secrets (RFC 8446, Section 7.3) decrypt captured records
 * with tls4j's own record layer, and the logged exporter secret gives the engine's exported values.
 */
class KeyLogTest {
    static final List<String> LABELS = Arrays.asList(TlsListener.CLIENT_HANDSHAKE_TRAFFIC_SECRET,
            TlsListener.SERVER_HANDSHAKE_TRAFFIC_SECRET, TlsListener.CLIENT_TRAFFIC_SECRET_0,
            TlsListener.SERVER_TRAFFIC_SECRET_0, TlsListener.EXPORTER_SECRET);

    /** Records what it hears: secrets by label, the ClientHello's random, state changes. */
    static final class Recorder implements TlsListener {
        final Map<String, byte[]> secrets = new LinkedHashMap<>();
        final List<byte[]> randoms = new ArrayList<>();
        final List<String> states = new ArrayList<>();
        byte[] clientHelloRandom;

        @Override
        public void onSecret(String label, byte[] clientRandom, byte[] secret) {
            if (secrets.put(label, secret) != null) {
                throw new AssertionError(label + " logged twice");
            }
            randoms.add(clientRandom);
        }

        @Override
        public void onHandshakeMessage(boolean sent, HandshakeMessage m) {
            if (m instanceof ClientHello) {
                clientHelloRandom = ((ClientHello) m).random();
            }
        }

        @Override
        public void onStateChange(String from, String to) {
            states.add(from + "->" + to);
        }
    }

    /** Opens a captured application-data record sealed with the keys of {@code trafficSecret}. */
    private static byte[] decrypt(CipherSuite suite, byte[] trafficSecret, long seq, byte[] wire) throws Exception {
        Tls13Suite s = Tls13Suite.of(suite);
        KeySchedule13 ks = new KeySchedule13(s.newDigest());
        byte[] key = ks.trafficKey(trafficSecret, s.keyLength());
        byte[] iv = ks.trafficIv(trafficSecret, Tls13Suite.IV_LENGTH);
        RecordProtection p = Aead13Protection.create(s.newAead(key), iv);
        assertEquals(23, wire[0]); // outer type application_data (RFC 8446, Section 5.2)
        int len = ((wire[3] & 0xff) << 8) | (wire[4] & 0xff);
        assertEquals(wire.length, 5 + len, "exactly one record");
        Record r = new Record().set(wire[0], 0x0303, wire.clone(), 5, len);
        p.open(seq, r);
        assertEquals(ContentType.APPLICATION_DATA, r.type());
        return r.copy();
    }

    private static byte[] wrapOne(TlsEngine e, byte[] data) throws Exception {
        ByteBuffer net = ByteBuffer.allocate(1 << 16);
        TlsResult res = e.wrap(ByteBuffer.wrap(data), net);
        assertEquals(TlsResult.Status.OK, res.status());
        net.flip();
        byte[] b = new byte[net.remaining()];
        net.get(b);
        return b;
    }

    @Test
    void theLoggedSecretsDecryptTheConnection() throws Exception {
        for (CipherSuite suite : new CipherSuite[] {CipherSuite.TLS_AES_128_GCM_SHA256,
                CipherSuite.TLS_AES_256_GCM_SHA384, CipherSuite.TLS_CHACHA20_POLY1305_SHA256}) {
            Recorder c = new Recorder();
            Recorder s = new Recorder();
            EnginePair p = new EnginePair(TestCerts.client().cipherSuites(suite).listener(c).build(),
                    TestCerts.server(TestPki.KeyKind.EC_P256).listener(s).build());
            assertTrue(p.handshake(), () -> "client: " + p.clientFailure + " server: " + p.serverFailure);
            // Exactly the five TLS 1.3 labels, in key-schedule order, on both sides, with the same values.
            assertEquals(LABELS, new ArrayList<>(c.secrets.keySet()), suite.toString());
            assertEquals(LABELS, new ArrayList<>(s.secrets.keySet()), suite.toString());
            int hashLength = Tls13Suite.of(suite).hashLength();
            for (String l : LABELS) {
                assertArrayEquals(c.secrets.get(l), s.secrets.get(l), l);
                assertEquals(hashLength, c.secrets.get(l).length, l);
            }
            // Every line names the connection by ClientHello.random.
            for (byte[] r : c.randoms) {
                assertArrayEquals(c.clientHelloRandom, r);
            }
            for (byte[] r : s.randoms) {
                assertArrayEquals(c.clientHelloRandom, r);
            }
            // The first application-data record of each direction (under the application keys)
            // decrypts with keys derived from the logged secret.
            byte[] msg = ("secret for " + suite).getBytes(StandardCharsets.US_ASCII);
            byte[] fromClient = wrapOne(p.client, msg);
            assertArrayEquals(msg, decrypt(suite, c.secrets.get(TlsListener.CLIENT_TRAFFIC_SECRET_0), 0, fromClient));
            byte[] fromServer = wrapOne(p.server, msg);
            // The server's record 0 under its application keys held its two NewSessionTickets.
            assertArrayEquals(msg, decrypt(suite, s.secrets.get(TlsListener.SERVER_TRAFFIC_SECRET_0), 1, fromServer));
            // The exporter secret gives what the engine exports (RFC 8446, Section 7.5).
            KeySchedule13 ks = new KeySchedule13(Tls13Suite.of(suite).newDigest());
            byte[] ctx = {1, 2, 3};
            assertArrayEquals(p.client.exportKeyingMaterial("EXPERIMENTAL test", ctx, 32),
                    ks.exporter(c.secrets.get(TlsListener.EXPORTER_SECRET), "EXPERIMENTAL test", ctx, 32));
            assertTrue(c.states.contains("ExpectFinished->Connected"), c.states.toString());
            assertTrue(s.states.contains("ExpectClientHello->ExpectFinished"), s.states.toString());
        }
    }

    @Test
    void keyUpdateLogsTheNextTrafficSecrets() throws Exception {
        Recorder c = new Recorder();
        Recorder s = new Recorder();
        EnginePair p = new EnginePair(TestCerts.client().listener(c).build(),
                TestCerts.server(TestPki.KeyKind.EC_P256).listener(s).build());
        assertTrue(p.handshake());
        byte[] msg = "after the update".getBytes(StandardCharsets.US_ASCII);
        p.client.requestKeyUpdate(true);
        assertArrayEquals(msg, p.transfer(p.client, p.server, msg)); // KeyUpdate(update_requested), data
        assertArrayEquals(msg, p.transfer(p.server, p.client, msg)); // the server's KeyUpdate, data
        List<String> labels = new ArrayList<>(LABELS);
        labels.add("CLIENT_TRAFFIC_SECRET_1");
        labels.add("SERVER_TRAFFIC_SECRET_1");
        assertEquals(labels, new ArrayList<>(c.secrets.keySet()));
        assertEquals(new java.util.TreeSet<>(labels), new java.util.TreeSet<>(s.secrets.keySet()));
        KeySchedule13 ks = new KeySchedule13(Tls13Suite.of(CipherSuite.TLS_AES_128_GCM_SHA256).newDigest());
        for (String side : new String[] {"CLIENT", "SERVER"}) {
            byte[] next = c.secrets.get(side + "_TRAFFIC_SECRET_1");
            // RFC 8446, Section 7.2: HKDF-Expand-Label(application_traffic_secret_0, "traffic upd", "", Hash.length)
            assertArrayEquals(ks.nextApplicationTrafficSecret(c.secrets.get(side + "_TRAFFIC_SECRET_0")), next);
            assertArrayEquals(next, s.secrets.get(side + "_TRAFFIC_SECRET_1"));
        }
        // The client's second record under the new key (sequence number 1) decrypts with the logged secret.
        byte[] wire = wrapOne(p.client, msg);
        assertArrayEquals(msg, decrypt(CipherSuite.TLS_AES_128_GCM_SHA256, c.secrets.get("CLIENT_TRAFFIC_SECRET_1"), 1, wire));
    }

    @Test
    void keyLogWriterWritesNssLines(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys.log");
        Recorder c = new Recorder();
        try (KeyLogWriter w = new KeyLogWriter(file.toString())) {
            TlsListener both = new TlsListener() {
                @Override
                public void onSecret(String label, byte[] clientRandom, byte[] secret) {
                    w.onSecret(label, clientRandom, secret);
                    c.onSecret(label, clientRandom, secret);
                }

                @Override
                public void onHandshakeMessage(boolean sent, HandshakeMessage m) {
                    c.onHandshakeMessage(sent, m);
                }
            };
            EnginePair p = new EnginePair(TestCerts.client().listener(both).build(),
                    TestCerts.server(TestPki.KeyKind.EC_P256).build());
            assertTrue(p.handshake());
            // Flushed at once: the file holds the lines while the writer is still open.
            List<String> lines = Files.readAllLines(file);
            assertEquals(5, lines.size(), lines.toString());
            String random = Hex.encode(c.clientHelloRandom);
            for (int i = 0; i < 5; i++) {
                assertEquals(LABELS.get(i) + " " + random + " " + Hex.encode(c.secrets.get(LABELS.get(i))),
                        lines.get(i));
            }
        }
    }

    @Test
    void lineFormat() {
        assertEquals("CLIENT_TRAFFIC_SECRET_0 00ff10 a0", KeyLogWriter.line("CLIENT_TRAFFIC_SECRET_0",
                new byte[] {0, (byte) 0xff, 0x10}, new byte[] {(byte) 0xa0}));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new KeyLogWriter(out).onSecret("EXPORTER_SECRET", new byte[] {1}, new byte[] {2});
        assertEquals("EXPORTER_SECRET 01 02\n", out.toString(StandardCharsets.US_ASCII));
    }
}
