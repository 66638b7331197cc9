package org.tls4j;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.tls4j.crypto.x509.TestPki;
import org.tls4j.handshake.CipherSuite;
import org.tls4j.handshake.HandshakeMessage;
import org.tls4j.handshake.NamedGroup;
import org.tls4j.handshake.RawHandshakeMessage;
import org.tls4j.handshake.SignatureScheme;
import org.tls4j.handshake.ext.Extensions;
import org.tls4j.handshake.ext.SignatureAlgorithms;
import org.tls4j.handshake.ext.SupportedGroups;
import org.tls4j.handshake.msg.ClientHello;
import org.tls4j.handshake.msg.Finished;
import org.tls4j.handshake.tls12.Renegotiation;
import org.tls4j.handshake.tls12.ext.EcPointFormats;
import org.tls4j.handshake.tls12.ext.ExtendedMasterSecret;
import org.tls4j.handshake.tls12.ext.RenegotiationInfo;
import org.tls4j.handshake.tls13.TlsListener;
import org.tls4j.record.AlertDescription;
import org.tls4j.record.ProtocolVersion;

/**
 * Renegotiation flights with bytes changed only ever end in a TlsException carrying an alert (never
 * another exception, never internal_error, never a hang): (1) the renegotiation's own records, mutated on
 * the wire at any flight, and (2) the plaintext of a renegotiating ClientHello (built here with the
 * connection's real client_verify_data, then mutated, then sent under the current keys), which the
 * server either refuses with an alert or answers.
 */
class Tls12RenegotiationProperties {
    private static final ProtocolVersion V = ProtocolVersion.TLS12;

    private static TlsConfig.Builder client() {
        return TestCerts.client().versions(V).renegotiation(Renegotiation.ACCEPT_SECURE);
    }

    private static TlsConfig server() {
        return TestCerts.server(TestPki.KeyKind.EC_P256).versions(V).renegotiation(Renegotiation.ACCEPT_SECURE).build();
    }

    @Property(tries = 60)
    void mutatedRenegotiationRecordsOnlyEndInAnAlert(@ForAll long seed, @ForAll @IntRange(min = 0, max = 3) int target,
            @ForAll boolean byClient) throws Exception {
        Random r = new Random(seed);
        EnginePair p = new EnginePair(client().build(), server());
        assertTrue(p.handshake());
        (byClient ? p.client : p.server).renegotiate();
        TlsEngine[] e = byClient ? new TlsEngine[] {p.client, p.server} : new TlsEngine[] {p.server, p.client};
        for (int flight = 0; flight < 7; flight++) {
            TlsEngine from = e[flight % 2];
            TlsEngine to = e[1 - flight % 2];
            byte[] bytes = drain(from);
            if (bytes.length == 0) {
                continue;
            }
            if (flight == target) {
                int n = 1 + r.nextInt(4);
                for (int k = 0; k < n; k++) {
                    bytes[r.nextInt(bytes.length)] ^= (byte) (1 + r.nextInt(255));
                }
            }
            if (!feed(to, bytes)) {
                return;
            }
        }
    }

    @Property(tries = 100)
    void mutatedRenegotiatingClientHelloOnlyEndsInAnAlert(@ForAll long seed, @ForAll @IntRange(min = 0, max = 6) int flips)
            throws Exception {
        Random r = new Random(seed);
        AtomicReference<byte[]> clientVerifyData = new AtomicReference<>();
        TlsListener l = new TlsListener() {
            @Override
            public void onHandshakeMessage(boolean sent, HandshakeMessage m) {
                if (sent && m instanceof Finished f) {
                    clientVerifyData.set(f.verifyData());
                }
            }
        };
        EnginePair p = new EnginePair(client().listener(l).build(), server());
        assertTrue(p.handshake());
        assertNotNull(clientVerifyData.get());
        byte[] random = new byte[32];
        r.nextBytes(random);
        ClientHello ch = new ClientHello(V, random, new byte[0],
                List.of(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256), new byte[] {0},
                new Extensions(List.of(new RenegotiationInfo(clientVerifyData.get()), ExtendedMasterSecret.INSTANCE,
                        new SupportedGroups(List.of(NamedGroup.X25519)), EcPointFormats.UNCOMPRESSED_ONLY,
                        new SignatureAlgorithms(List.of(SignatureScheme.ECDSA_SECP256R1_SHA256)))));
        byte[] hello = RawHandshakeMessage.of(ch).encoded();
        for (int k = 0; k < flips; k++) {
            hello[r.nextInt(hello.length)] ^= (byte) (1 + r.nextInt(255));
        }
        p.client.queueHandshakeForTest(hello);
        if (feed(p.server, drain(p.client))) {
            assertNull(p.server.failure());
            if (flips == 0) {
                // Unchanged, it is a valid renegotiation request: the server answers with its flight.
                assertTrue(drain(p.server).length > 0);
                assertTrue(p.server.handshakeStatus() == TlsResult.HandshakeStatus.NEED_UNWRAP);
            }
        }
    }

    private static byte[] drain(TlsEngine from) {
        ByteBuffer net = ByteBuffer.allocate(1 << 17);
        try {
            from.wrap(ByteBuffer.allocate(0), net);
        } catch (TlsException ex) {
            throw new AssertionError("the sender failed on its own flight", ex);
        }
        net.flip();
        byte[] bytes = new byte[net.remaining()];
        net.get(bytes);
        return bytes;
    }

    /** Feeds {@code bytes}; false when the engine failed with a proper alert. */
    private static boolean feed(TlsEngine e, byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        ByteBuffer app = ByteBuffer.allocate(1 << 15);
        try {
            for (int i = 0; i < 10000 && in.hasRemaining(); i++) {
                app.clear();
                TlsResult res = e.unwrap(in, app);
                if (res.status() == TlsResult.Status.BUFFER_UNDERFLOW || res.status() == TlsResult.Status.CLOSED) {
                    return true;
                }
            }
            assertFalse(in.hasRemaining(), "unwrap stopped consuming: a hang");
            return true;
        } catch (TlsException ex) {
            assertNotNull(ex.alert());
            assertFalse(ex.alert().equals(AlertDescription.INTERNAL_ERROR), () -> "internal_error: " + ex);
            return false;
        }
    }
}
