package org.tls4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tls4j.crypto.x509.TestPki;
import org.tls4j.handshake.CipherSuite;
import org.tls4j.handshake.NamedGroup;
import org.tls4j.handshake.SignatureScheme;
import org.tls4j.handshake.ext.EarlyData;
import org.tls4j.handshake.ext.Extension;
import org.tls4j.handshake.ext.ExtensionContext;
import org.tls4j.handshake.tls13.HandshakeConfig;
import org.tls4j.record.AlertDescription;
import org.tls4j.testing.SeededRandomSource;

/**
 * tls4j never accepts 0-RTT; RFC 8446, Section 4.2.10 then says how to get past what the client already
 * sent: skip records that do not decrypt under the handshake keys (up to a bound), or, after a
 * HelloRetryRequest, application_data records until the second ClientHello. The "early data" here are
 * records the client engine never made: random application_data records put on the wire right after
 * a ClientHello that carries early_data.
 */
class TlsEngineEarlyDataTest {
    static TlsEngine clientOfferingEarlyData(boolean offer) {
        int[] hellos = {0};
        HandshakeConfig c = HandshakeConfig.builder()
                .suites(Arrays.asList(CipherSuite.TLS_AES_128_GCM_SHA256))
                .groups(Arrays.asList(NamedGroup.X25519, NamedGroup.SECP256R1))
                .signatureSchemes(Arrays.asList(SignatureScheme.ECDSA_SECP256R1_SHA256))
                .trustAnchors(TestCerts.anchors()).serverName("localhost").clock(TestCerts.clock())
                .random(new SeededRandomSource(31))
                .extensionsHook((where, ext) -> {
                    List<Extension> l = new ArrayList<>(ext);
                    // Only the first ClientHello: a second one must not carry early_data (Section 4.2.10).
                    if (offer && where == ExtensionContext.CLIENT_HELLO && hellos[0]++ == 0) {
                        l.add(EarlyData.EMPTY);
                    }
                    return l;
                }).build();
        return new TlsEngine(c, true);
    }

    /** {@code n} application_data records of {@code size} random bytes each. */
    static byte[] garbage(int n, int size) {
        SeededRandomSource r = new SeededRandomSource(size + n);
        ByteBuffer b = ByteBuffer.allocate(n * (5 + size));
        for (int i = 0; i < n; i++) {
            b.put(new byte[] {23, 3, 3, (byte) (size >> 8), (byte) size});
            b.put(r.nextBytes(size));
        }
        return b.array();
    }

    static EnginePair afterClientHello(boolean offer, TlsConfig server, byte[] early) throws TlsException {
        EnginePair p = new EnginePair(clientOfferingEarlyData(offer), TlsEngine.server(server));
        p.client.wrap(ByteBuffer.allocate(0), p.c2s);
        p.c2s.put(early);
        return p;
    }

    @Test
    void earlyDataRecordsAreSkipped() throws Exception {
        EnginePair p = afterClientHello(true, TestCerts.server(TestPki.KeyKind.EC_P256).build(), garbage(3, 200));
        assertTrue(p.handshake(), () -> "client " + p.clientFailure + ", server " + p.serverFailure);
        assertFalse(p.server.session().helloRetried());
    }

    @Test
    void earlyDataIsSkippedWhenItArrivesByteByByte() throws Exception {
        EnginePair p = afterClientHello(true, TestCerts.server(TestPki.KeyKind.EC_P256).build(), garbage(2, 300));
        assertTrue(p.handshake(n -> 1), () -> "client " + p.clientFailure + ", server " + p.serverFailure);
    }

    @Test
    void earlyDataAroundAHelloRetryRequestIsSkipped() throws Exception {
        TlsConfig s = TestCerts.server(TestPki.KeyKind.EC_P256).groups(NamedGroup.SECP256R1).build();
        EnginePair p = afterClientHello(true, s, garbage(4, 100));
        assertTrue(p.handshake(), () -> "client " + p.clientFailure + ", server " + p.serverFailure);
        assertTrue(p.server.session().helloRetried());
    }

    @Test
    void moreThanTheBoundIsBadRecordMac() throws Exception {
        EnginePair p = afterClientHello(true, TestCerts.server(TestPki.KeyKind.EC_P256).build(), garbage(5, 16384));
        assertFalse(p.handshake());
        assertNotNull(p.serverFailure);
        assertEquals(AlertDescription.BAD_RECORD_MAC, p.serverFailure.alert());
    }

    @Test
    void withoutEarlyDataInTheClientHelloNothingIsSkipped() throws Exception {
        EnginePair p = afterClientHello(false, TestCerts.server(TestPki.KeyKind.EC_P256).build(), garbage(1, 100));
        assertFalse(p.handshake());
        assertEquals(AlertDescription.BAD_RECORD_MAC, p.serverFailure.alert());
    }
}
