package org.tls4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;

import org.junit.jupiter.api.Test;
import org.tls4j.crypto.x509.TestPki;
import org.tls4j.handshake.CipherSuite;
import org.tls4j.handshake.NamedGroup;
import org.tls4j.handshake.SignatureScheme;
import org.tls4j.record.AlertDescription;

/**
 * Failed handshakes between two engines: the side that detects the problem throws a TlsException with
 * the alert RFC 8446 names, sends that alert on its next wrap, and the other side receives exactly it.
 */
class TlsEngineAlertsTest {
    /** Runs the handshake and checks the detecting side's alert and what the other side received. */
    private static EnginePair fails(TlsConfig client, TlsConfig server, boolean clientDetects, AlertDescription alert) {
        EnginePair p = new EnginePair(client, server);
        assertFalse(p.handshake());
        TlsException detected = clientDetects ? p.clientFailure : p.serverFailure;
        TlsException received = clientDetects ? p.serverFailure : p.clientFailure;
        assertNotNull(detected, "the detecting side failed");
        assertEquals(alert, detected.alert(), detected.getMessage());
        assertFalse(detected.isAlertReceived());
        assertNotNull(received, "the peer saw the alert");
        assertTrue(received.isAlertReceived(), received.getMessage());
        assertEquals(alert, received.alert());
        return p;
    }

    @Test
    void noCommonSuite() {
        fails(TestCerts.client().cipherSuites(CipherSuite.TLS_AES_128_GCM_SHA256).build(),
                TestCerts.server(TestPki.KeyKind.EC_P256).cipherSuites(CipherSuite.TLS_AES_256_GCM_SHA384).build(),
                false, AlertDescription.HANDSHAKE_FAILURE);
    }

    @Test
    void noCommonGroup() {
        fails(TestCerts.client().groups(NamedGroup.X25519).build(),
                TestCerts.server(TestPki.KeyKind.EC_P256).groups(NamedGroup.SECP384R1).build(),
                false, AlertDescription.HANDSHAKE_FAILURE);
    }

    @Test
    void noCertificateForTheClientsSignatureAlgorithms() {
        fails(TestCerts.client().signatureSchemes(SignatureScheme.ED448).build(),
                TestCerts.server(TestPki.KeyKind.EC_P256).build(), false, AlertDescription.HANDSHAKE_FAILURE);
    }

    @Test
    void noCommonAlpnProtocol() {
        fails(TestCerts.client().alpnProtocols("h2").build(),
                TestCerts.server(TestPki.KeyKind.EC_P256).alpnProtocols("imap").build(),
                false, AlertDescription.NO_APPLICATION_PROTOCOL);
    }

    @Test
    void untrustedChainIsUnknownCa() throws Exception {
        TestPki.Authority other = TestCerts.PKI.root("some other root", TestCerts.key(TestPki.KeyKind.EC_P384));
        fails(TestCerts.client().trustAnchors(Collections.singletonList(other.certificate())).build(),
                TestCerts.server(TestPki.KeyKind.EC_P256).build(), true, AlertDescription.UNKNOWN_CA);
    }

    @Test
    void expiredCertificate() {
        Clock later = Clock.fixed(Instant.ofEpochSecond(TestCerts.NOW + 400 * 86400L), ZoneOffset.UTC);
        fails(TestCerts.client().clock(later).build(), TestCerts.server(TestPki.KeyKind.EC_P256).build(), true,
                AlertDescription.CERTIFICATE_EXPIRED);
    }

    @Test
    void wrongNameIsBadCertificate() {
        fails(TestCerts.client().serverName("not-this-host.example").build(),
                TestCerts.server(TestPki.KeyKind.EC_P256).build(), true, AlertDescription.BAD_CERTIFICATE);
    }

    @Test
    void wrongNameIsAcceptedWhenHostnameVerificationIsOff() {
        EnginePair p = new EnginePair(TestCerts.client().serverName("not-this-host.example").verifyHostname(false).build(),
                TestCerts.server(TestPki.KeyKind.EC_P256).build());
        assertTrue(p.handshake());
    }

    @Test
    void failureIsStickyAndTheAlertGoesOutOnTheNextWrap() throws Exception {
        EnginePair p = fails(TestCerts.client().serverName("other.example").build(),
                TestCerts.server(TestPki.KeyKind.EC_P256).build(), true, AlertDescription.BAD_CERTIFICATE);
        ByteBuffer out = ByteBuffer.allocate(p.client.packetBufferSize());
        TlsResult r = p.client.wrap(ByteBuffer.wrap(new byte[5]), out);
        assertEquals(TlsResult.Status.CLOSED, r.status());
        assertEquals(0, r.bytesConsumed());
        TlsException again = assertThrows(TlsException.class, () -> p.client.unwrap(ByteBuffer.allocate(10), out));
        assertSame(p.clientFailure, again);
        assertTrue(p.client.isInboundDone() && p.client.isOutboundDone());
    }

    @Test
    void applicationDataBeforeTheHandshakeIsUnexpected() throws Exception {
        TlsEngine server = TlsEngine.server(TestCerts.server(TestPki.KeyKind.EC_P256).build());
        ByteBuffer rec = ByteBuffer.wrap(new byte[] {23, 3, 3, 0, 3, 1, 2, 3});
        TlsException e = assertThrows(TlsException.class, () -> server.unwrap(rec, ByteBuffer.allocate(100)));
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, e.alert());
        ByteBuffer out = ByteBuffer.allocate(100);
        server.wrap(ByteBuffer.allocate(0), out);
        out.flip();
        assertEquals(7, out.remaining()); // a plaintext alert record: 15 03 03 00 02 02 0a
        assertEquals(21, out.get(0));
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE.code, out.get(6));
    }

    @Test
    void changeCipherSpecWithAWrongValueIsUnexpected() throws Exception {
        EnginePair p = new EnginePair(TestCerts.client().build(), TestCerts.server(TestPki.KeyKind.EC_P256).build());
        ByteBuffer ch = ByteBuffer.allocate(4096);
        p.client.wrap(ByteBuffer.allocate(0), ch);
        ch.flip();
        p.server.unwrap(ch, ByteBuffer.allocate(100));
        TlsException e = assertThrows(TlsException.class,
                () -> p.server.unwrap(ByteBuffer.wrap(new byte[] {20, 3, 3, 0, 1, 2}), ByteBuffer.allocate(100)));
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, e.alert());
    }

    /** The client's first flight: one plaintext record holding the ClientHello. */
    private static byte[] clientHelloRecord(TlsConfig client) throws Exception {
        TlsEngine c = TlsEngine.client(client);
        ByteBuffer out = ByteBuffer.allocate(4096);
        c.wrap(ByteBuffer.allocate(0), out);
        out.flip();
        byte[] rec = new byte[out.remaining()];
        out.get(rec);
        assertEquals(22, rec[0]);
        assertEquals(1, rec[5]); // handshake type client_hello
        return rec;
    }

    /** RFC 8446, Appendix D.5: legacy_version 0x0300 or less is refused even with supported_versions. */
    @Test
    void clientHelloLegacyVersionSsl3OrLowerIsProtocolVersion() throws Exception {
        int[][] versions = {{3, 0}, {2, 0}, {0, 2}, {0, 0}};
        for (int[] v : versions) {
            byte[] rec = clientHelloRecord(TestCerts.client().build());
            rec[9] = (byte) v[0]; // record header (5) + handshake header (4)
            rec[10] = (byte) v[1];
            TlsEngine server = TlsEngine.server(TestCerts.server(TestPki.KeyKind.EC_P256).build());
            TlsException e = assertThrows(TlsException.class,
                    () -> server.unwrap(ByteBuffer.wrap(rec), ByteBuffer.allocate(100)));
            assertEquals(AlertDescription.PROTOCOL_VERSION, e.alert(), e.getMessage());
        }
        // TLS 1.0 in legacy_version is still accepted (only supported_versions counts, Section 4.2.1).
        byte[] rec = clientHelloRecord(TestCerts.client().build());
        rec[9] = 3;
        rec[10] = 1;
        TlsEngine server = TlsEngine.server(TestCerts.server(TestPki.KeyKind.EC_P256).build());
        server.unwrap(ByteBuffer.wrap(rec), ByteBuffer.allocate(100));
        ByteBuffer sh = ByteBuffer.allocate(16384);
        server.wrap(ByteBuffer.allocate(0), sh);
        sh.flip();
        assertEquals(22, sh.get(0));
        assertEquals(2, sh.get(5)); // server_hello
    }

    @Test
    void changeCipherSpecBeforeAnyClientHelloIsUnexpected() {
        TlsEngine server = TlsEngine.server(TestCerts.server(TestPki.KeyKind.EC_P256).build());
        TlsException e = assertThrows(TlsException.class,
                () -> server.unwrap(ByteBuffer.wrap(new byte[] {20, 3, 3, 0, 1, 1}), ByteBuffer.allocate(100)));
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, e.alert());
    }

    @Test
    void oversizedRecordIsRecordOverflowWithoutWaitingForItsBody() {
        TlsEngine server = TlsEngine.server(TestCerts.server(TestPki.KeyKind.EC_P256).build());
        byte[] rec = new byte[30000];
        rec[0] = 22;
        rec[1] = 3;
        rec[2] = 1;
        rec[3] = (byte) 0xff;
        rec[4] = (byte) 0xff;
        TlsException e = assertThrows(TlsException.class, () -> server.unwrap(ByteBuffer.wrap(rec), ByteBuffer.allocate(100)));
        assertEquals(AlertDescription.RECORD_OVERFLOW, e.alert());
    }

    @Test
    void aFatalAlertFromThePeerIsReported() {
        TlsEngine client = TlsEngine.client(TestCerts.client().build());
        TlsException e = assertThrows(TlsException.class,
                () -> client.unwrap(ByteBuffer.wrap(new byte[] {21, 3, 3, 0, 2, 2, 40}), ByteBuffer.allocate(100)));
        assertEquals(AlertDescription.HANDSHAKE_FAILURE, e.alert());
        assertTrue(e.isAlertReceived());
    }
}
