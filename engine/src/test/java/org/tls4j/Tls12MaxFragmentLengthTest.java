package org.tls4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tls4j.crypto.x509.TestPki;
import org.tls4j.handshake.CipherSuite;
import org.tls4j.handshake.ExtensionType;
import org.tls4j.handshake.ext.Extension;
import org.tls4j.handshake.ext.ExtensionContext;
import org.tls4j.handshake.ext.RawExtension;
import org.tls4j.record.AlertDescription;
import org.tls4j.record.ProtocolVersion;

/**
 * max_fragment_length (RFC 6066, Section 4) in TLS 1.2 through the engine: negotiated and applied to the
 * records on the wire in both directions, ignored in favour of record_size_limit when both are offered
 * (RFC 8449, Section 5), and an out-of-range request is illegal_parameter.
 */
class Tls12MaxFragmentLengthTest {
    private static final CipherSuite GCM = CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256;

    private static EnginePair established(TlsConfig c, TlsConfig s) {
        EnginePair p = new EnginePair(c, s);
        assertTrue(p.handshake(), () -> "client: " + p.clientFailure + " server: " + p.serverFailure);
        return p;
    }

    /** The plaintext lengths (record length minus the 24 bytes of AES-GCM's explicit nonce and tag) of {@code data}'s records. */
    private static List<Integer> gcmRecordPlaintexts(TlsEngine from, byte[] data) throws Exception {
        ByteBuffer src = ByteBuffer.wrap(data);
        ByteBuffer net = ByteBuffer.allocate(1 << 18);
        while (src.hasRemaining()) {
            from.wrap(src, net);
        }
        net.flip();
        List<Integer> out = new ArrayList<>();
        while (net.remaining() >= 5) {
            assertEquals(23, net.get(net.position()), "application_data records only");
            int len = (net.get(net.position() + 3) & 0xff) << 8 | (net.get(net.position() + 4) & 0xff);
            out.add(len - 24);
            net.position(net.position() + 5 + len);
        }
        assertFalse(net.hasRemaining());
        return out;
    }

    @ParameterizedTest(name = "max_fragment_length {0}")
    @ValueSource(ints = {512, 1024, 2048, 4096})
    void negotiatedAndAppliedOnTheWire(int limit) throws Exception {
        // Without record_size_limit on the client (0): the server then honours max_fragment_length.
        TlsConfig c = TestCerts.client().versions(ProtocolVersion.TLS12).recordSizeLimit(0).maxFragmentLength(limit).build();
        TlsConfig s = TestCerts.server(TestPki.KeyKind.EC_P256).versions(ProtocolVersion.TLS12).tls12CipherSuites(GCM).build();
        EnginePair p = established(c, s);
        byte[] data = new byte[10000];
        new Random(limit).nextBytes(data);
        for (TlsEngine from : new TlsEngine[] {p.client, p.server}) {
            List<Integer> sizes = gcmRecordPlaintexts(from, data);
            assertEquals((data.length + limit - 1) / limit, sizes.size(), sizes.toString());
            int total = 0;
            for (int n : sizes) {
                assertTrue(n <= limit, n + " > " + limit);
                total += n;
            }
            assertEquals(data.length, total);
        }
        EnginePair q = established(c, s);
        assertArrayEquals(data, q.transfer(q.client, q.server, data));
        assertArrayEquals(data, q.transfer(q.server, q.client, data));
    }

    /** RFC 8449, Section 5: a server that answers record_size_limit ignores max_fragment_length. */
    @Test
    void recordSizeLimitTakesPrecedence() throws Exception {
        TlsConfig c = TestCerts.client().versions(ProtocolVersion.TLS12).recordSizeLimit(2048).maxFragmentLength(512).build();
        TlsConfig s = TestCerts.server(TestPki.KeyKind.EC_P256).versions(ProtocolVersion.TLS12).tls12CipherSuites(GCM).build();
        EnginePair p = established(c, s);
        // The server writes up to the client's record_size_limit (2048), not 512; the client writes up to
        // the server's (2^14), not 512.
        assertEquals(List.of(2048, 2048, 904), gcmRecordPlaintexts(p.server, new byte[5000]));
        assertEquals(List.of(5000), gcmRecordPlaintexts(p.client, new byte[5000]));
    }

    /** "a value other than the allowed values ... MUST abort the handshake with an illegal_parameter alert" (RFC 6066, Section 4). */
    @ParameterizedTest(name = "code {0}")
    @ValueSource(ints = {0, 5, 255})
    void outOfRangeRequestIsIllegalParameter(int code) {
        TlsConfig c = TestCerts.client().versions(ProtocolVersion.TLS12).recordSizeLimit(0).extensionsHook((where, ext) -> {
            if (where != ExtensionContext.CLIENT_HELLO) {
                return ext;
            }
            List<Extension> out = new ArrayList<>(ext);
            out.add(new RawExtension(ExtensionType.MAX_FRAGMENT_LENGTH, new byte[] {(byte) code}));
            return out;
        }).build();
        EnginePair p = new EnginePair(c, TestCerts.server(TestPki.KeyKind.EC_P256).versions(ProtocolVersion.TLS12).build());
        assertFalse(p.handshake());
        assertNotNull(p.serverFailure);
        assertEquals(AlertDescription.ILLEGAL_PARAMETER, p.serverFailure.alert(), p.serverFailure.getMessage());
        assertTrue(p.clientFailure.isAlertReceived());
        assertEquals(AlertDescription.ILLEGAL_PARAMETER, p.clientFailure.alert());
    }

    @Test
    void invalidSizesAreRefusedByTheBuilder() {
        assertThrows(IllegalArgumentException.class, () -> TestCerts.client().maxFragmentLength(1000));
    }
}
