package org.tls4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.tls4j.crypto.x509.TestPki;
import org.tls4j.handshake.CipherSuite;
import org.tls4j.handshake.NamedGroup;
import org.tls4j.handshake.ext.PskKeyExchangeModes;
import org.tls4j.handshake.tls13.ClientTicket;
import org.tls4j.handshake.tls13.ClientTickets;
import org.tls4j.handshake.tls13.TicketKeys;
import org.tls4j.record.AlertDescription;
import org.tls4j.testing.SeededRandomSource;

/**
 * TLS 1.3 session resumption between two tls4j engines in memory (RFC 8446, Sections 2.2, 4.2.11,
 * 4.6.1): tickets issued and cached, PSK handshakes in both modes, with HelloRetryRequest, and every
 * reason a ticket is not used (expired, tampered, other server name, other hash, used before), plus a
 * wrong binder (decrypt_error).
 */
class TlsEngineResumptionTest {
    static final String HOST = "localhost";
    static final int PORT = 443;

    /** A clock the test moves. */
    static final class MovingClock extends Clock {
        final AtomicLong millis = new AtomicLong(TestCerts.NOW * 1000);

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }

        void advanceSeconds(long s) {
            millis.addAndGet(s * 1000);
        }
    }

    final MovingClock clientClock = new MovingClock();
    final MovingClock serverClock = new MovingClock();

    TlsConfig.Builder client() {
        return TestCerts.client().clock(clientClock);
    }

    TlsConfig.Builder server() {
        return TestCerts.server(TestPki.KeyKind.EC_P256).clock(serverClock);
    }

    static EnginePair connect(TlsConfig c, TlsConfig s) {
        EnginePair p = new EnginePair(TlsEngine.client(c, HOST, PORT), TlsEngine.server(s));
        assertTrue(p.handshake(), () -> "handshake failed: client " + p.clientFailure + ", server " + p.serverFailure);
        return p;
    }

    long now() {
        return clientClock.millis();
    }

    @Test
    void secondConnectionResumesAndBothSidesSayWhatTheyDid() throws Exception {
        TlsConfig s = server().alpnProtocols("h2").build();
        TlsConfig c = client().alpnProtocols("h2").build();
        EnginePair first = connect(c, s);
        assertFalse(first.client.session().isResumed());
        assertFalse(first.server.session().isResumed());
        assertEquals(2, c.sessionCache().size(HOST, PORT, now()), "the server sends two tickets by default");

        EnginePair second = connect(c, s);
        TlsSession cs = second.client.session();
        TlsSession ss = second.server.session();
        assertTrue(cs.isResumed());
        assertTrue(ss.isResumed());
        assertEquals(NamedGroup.X25519, cs.group(), "psk_dhe_ke by default: an (EC)DHE group");
        assertNull(cs.signatureScheme(), "no CertificateVerify when resuming");
        assertTrue(ss.localCertificates().isEmpty(), "the server sends no Certificate when resuming");
        assertEquals(first.client.session().peerCertificates(), cs.peerCertificates(),
                "the resumed session reports the original server chain");
        assertEquals("h2", cs.applicationProtocol());
        // One ticket used (single use), two new ones from the resumed connection.
        assertEquals(3, c.sessionCache().size(HOST, PORT, now()));
        byte[] echoed = second.transfer(second.client, second.server, "ping".getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals("ping".getBytes(StandardCharsets.US_ASCII), echoed);
        assertArrayEquals(second.client.exportKeyingMaterial("x", null, 16),
                second.server.exportKeyingMaterial("x", null, 16));
    }

    @Test
    void pskKeModeHasNoKeyExchange() {
        TlsConfig s = server().pskKeyExchangeModes(PskKeyExchangeModes.PSK_KE).build();
        TlsConfig c = client().pskKeyExchangeModes(PskKeyExchangeModes.PSK_KE).build();
        connect(c, s);
        EnginePair second = connect(c, s);
        assertTrue(second.client.session().isResumed());
        assertNull(second.client.session().group(), "psk_ke: no (EC)DHE");
        assertNull(second.server.session().group());
    }

    @Test
    void serverPrefersPskDheKeWhenTheClientOffersBoth() {
        TlsConfig s = server().pskKeyExchangeModes(PskKeyExchangeModes.PSK_DHE_KE, PskKeyExchangeModes.PSK_KE).build();
        TlsConfig c = client().pskKeyExchangeModes(PskKeyExchangeModes.PSK_KE, PskKeyExchangeModes.PSK_DHE_KE).build();
        connect(c, s);
        EnginePair second = connect(c, s);
        assertTrue(second.server.session().isResumed());
        assertEquals(NamedGroup.X25519, second.server.session().group());
    }

    @Test
    void noCommonPskModeMeansFullHandshake() {
        TlsConfig s = server().pskKeyExchangeModes(PskKeyExchangeModes.PSK_KE).build();
        TlsConfig c = client().build();
        connect(c, s);
        EnginePair second = connect(c, s);
        assertFalse(second.client.session().isResumed());
    }

    @Test
    void helloRetryRequestWithPsk() {
        TlsConfig s = server().groups(NamedGroup.SECP256R1).build();
        TlsConfig c = client().groups(NamedGroup.X25519, NamedGroup.SECP256R1).build();
        connect(c, s);
        EnginePair second = connect(c, s);
        assertTrue(second.client.session().helloRetried(), "the server asked for a P-256 share");
        assertTrue(second.client.session().isResumed(), "the binder was recomputed over the new transcript");
        assertTrue(second.server.session().isResumed());
        assertEquals(NamedGroup.SECP256R1, second.server.session().group());
    }

    @Test
    void greaseClientResumesWithPreSharedKeyStillLast() {
        TlsConfig s = server().build();
        TlsConfig c = client().grease(true).build();
        connect(c, s);
        EnginePair second = connect(c, s);
        assertTrue(second.server.session().isResumed(), "GREASE extensions come before pre_shared_key");
    }

    @Test
    void ticketExpiredOnTheServerGivesFullHandshake() {
        TlsConfig s = server().ticketLifetimeSeconds(3600).build();
        TlsConfig c = client().build();
        connect(c, s);
        serverClock.advanceSeconds(3601);
        EnginePair second = connect(c, s);
        assertFalse(second.server.session().isResumed());
        assertFalse(second.client.session().isResumed());
    }

    @Test
    void ticketExpiredOnTheClientIsNotOffered() {
        TlsConfig s = server().ticketLifetimeSeconds(3600).build();
        TlsConfig c = client().build();
        connect(c, s);
        clientClock.advanceSeconds(3600);
        assertEquals(0, c.sessionCache().size(HOST, PORT, now()));
        assertFalse(connect(c, s).client.session().isResumed());
    }

    @Test
    void ticketAgeOutsideTheWindowGivesFullHandshake() {
        TlsConfig s = server().build();
        TlsConfig c = client().build();
        connect(c, s);
        serverClock.advanceSeconds(60); // the server thinks the ticket is a minute older than the client does
        assertFalse(connect(c, s).server.session().isResumed());
    }

    @Test
    void ticketsRotatedOutAreIgnored() {
        TicketKeys keys = new TicketKeys(new SeededRandomSource(5), serverClock, 3600_000, 100);
        TlsConfig s = server().ticketKeys(keys).ticketLifetimeSeconds(4 * 3600).build();
        TlsConfig c = client().build();
        connect(c, s);
        clientClock.advanceSeconds(2 * 3600 + 1);
        serverClock.advanceSeconds(2 * 3600 + 1); // two periods later the issuing key is destroyed
        assertFalse(connect(c, s).server.session().isResumed());
    }

    @Test
    void sharedTicketKeysLetAnotherServerConfigResume() {
        TicketKeys keys = new TicketKeys(new SeededRandomSource(5), serverClock);
        TlsConfig s1 = server().ticketKeys(keys).build();
        TlsConfig s2 = server().ticketKeys(keys).build();
        TlsConfig c = client().build();
        connect(c, s1);
        assertTrue(connect(c, s2).server.session().isResumed());
    }

    /** Takes the newest ticket for HOST:PORT out of the cache. */
    static ClientTicket take(TlsConfig c, long now) {
        ClientTicket t = c.sessionCache().forPeer(HOST, PORT).take(now);
        assertNotNull(t);
        return t;
    }

    static ClientTicket copy(ClientTicket t, CipherSuite suite, byte[] psk, byte[] ticket, String name) {
        return new ClientTicket(suite, psk, ticket, t.ageAdd, t.receivedMillis, t.lifetimeSeconds, t.maxEarlyData,
                name, t.serverChain());
    }

    @Test
    void tamperedTicketGivesFullHandshake() {
        TlsConfig s = server().build();
        TlsConfig c = client().build();
        connect(c, s);
        ClientTickets view = c.sessionCache().forPeer(HOST, PORT);
        for (int i = 0; i < 2; i++) {
            ClientTicket t = take(c, now());
            byte[] bad = t.ticket();
            bad[bad.length - 1 - i * 20] ^= 1; // the tag, then the ciphertext
            view.put(copy(t, t.suite, t.psk(), bad, t.serverName));
            EnginePair p = connect(c, s);
            assertFalse(p.server.session().isResumed());
            assertFalse(p.client.session().isResumed());
            c.sessionCache().clear();
            connect(c, s);
        }
    }

    @Test
    void otherServerNameGivesFullHandshake() {
        TlsConfig s = server().build();
        TlsConfig c = client().build();
        connect(c, s);
        ClientTicket t = take(c, now());
        // A client that offers the ticket under another SNI (the server's certificate also names example.com).
        TlsConfig other = client().serverName("example.com").build();
        other.sessionCache().forPeer(HOST, PORT).put(copy(t, t.suite, t.psk(), t.ticket(), "example.com"));
        EnginePair p = connect(other, s);
        assertFalse(p.server.session().isResumed(), "RFC 6066, Section 3: resume only under the same name");
    }

    @Test
    void otherHashGivesFullHandshake() {
        TlsConfig s = server().build();
        TlsConfig c = client().cipherSuites(CipherSuite.TLS_AES_128_GCM_SHA256).build();
        connect(c, s);
        ClientTicket t = take(c, now());
        TlsConfig c384 = client().cipherSuites(CipherSuite.TLS_AES_256_GCM_SHA384).build();
        // The client claims the PSK is for SHA-384 (it is a SHA-256 one): the server sees the ticket's real
        // suite and refuses to resume with a suite of another hash (RFC 8446, Section 4.6.1).
        byte[] psk48 = java.util.Arrays.copyOf(t.psk(), 48);
        c384.sessionCache().forPeer(HOST, PORT).put(copy(t, CipherSuite.TLS_AES_256_GCM_SHA384, psk48, t.ticket(), HOST));
        EnginePair p = connect(c384, s);
        assertFalse(p.server.session().isResumed());
        assertEquals(CipherSuite.TLS_AES_256_GCM_SHA384, p.server.session().cipherSuite());
        // A client whose suites have no SHA-256 does not even offer a SHA-256 ticket.
        connect(c, s);
        TlsConfig fresh384 = client().cipherSuites(CipherSuite.TLS_AES_256_GCM_SHA384).build();
        fresh384.sessionCache().forPeer(HOST, PORT).put(take(c, now()));
        assertFalse(connect(fresh384, s).client.session().isResumed());
        assertEquals(2, fresh384.sessionCache().size(HOST, PORT, now()), "only the two new SHA-384 tickets are left");
    }

    @Test
    void wrongBinderIsDecryptError() {
        TlsConfig s = server().build();
        TlsConfig c = client().build();
        connect(c, s);
        ClientTicket t = take(c, now());
        byte[] psk = t.psk();
        psk[0] ^= 1;
        c.sessionCache().forPeer(HOST, PORT).put(copy(t, t.suite, psk, t.ticket(), t.serverName));
        EnginePair p = new EnginePair(TlsEngine.client(c, HOST, PORT), TlsEngine.server(s));
        assertFalse(p.handshake());
        assertEquals(AlertDescription.DECRYPT_ERROR, p.serverFailure.alert());
        assertEquals(AlertDescription.DECRYPT_ERROR, p.clientFailure.alert());
    }

    @Test
    void aTicketIsUsedOnce() {
        TlsConfig s = server().build();
        TlsConfig c = client().build();
        connect(c, s);
        ClientTicket t = take(c, now());
        ClientTicket again = copy(t, t.suite, t.psk(), t.ticket(), t.serverName);
        c.sessionCache().clear();
        c.sessionCache().forPeer(HOST, PORT).put(t);
        assertTrue(connect(c, s).server.session().isResumed());
        c.sessionCache().clear();
        c.sessionCache().forPeer(HOST, PORT).put(again); // a replayed ticket
        EnginePair p = connect(c, s);
        assertFalse(p.server.session().isResumed(), "the server's register refuses a second use");
        assertEquals(1, s.ticketKeys().usedCount());
    }

    @Test
    void noTicketsWhenTurnedOffOrWithoutAPeerKey() {
        TlsConfig s = server().sessionTickets(0).build();
        TlsConfig c = client().build();
        connect(c, s);
        assertEquals(0, c.sessionCache().size(HOST, PORT, now()));
        TlsConfig s2 = server().build();
        EnginePair p = new EnginePair(c, s2); // TlsEngine.client(config): no peer key, no cache
        assertTrue(p.handshake());
        assertEquals(0, c.sessionCache().size(HOST, PORT, now()));
    }

    @Test
    void sessionCacheIsBounded() {
        SessionCache cache = new SessionCache(2, 1);
        TlsConfig s = server().build();
        TlsConfig c = client().sessionCache(cache).build();
        connect(c, s); // two tickets arrive; one is kept
        assertEquals(1, cache.size(HOST, PORT, now()));
        EnginePair p = new EnginePair(TlsEngine.client(c, "localhost", 444), TlsEngine.server(s));
        assertTrue(p.handshake());
        EnginePair q = new EnginePair(TlsEngine.client(c, "localhost", 445), TlsEngine.server(s));
        assertTrue(q.handshake());
        assertEquals(0, cache.size(HOST, PORT, now()), "the least recently used server was forgotten");
        assertEquals(1, cache.size(HOST, 445, now()));
    }

    @Test
    void ticketLifetimeIsCappedAndChecked() {
        assertEquals(604800, TlsConfig.builder().ticketLifetimeSeconds(604800).build().handshakeConfig().resumption()
                .ticketLifetimeSeconds());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TlsConfig.builder().ticketLifetimeSeconds(604801));
    }

    static ByteBuffer empty() {
        return ByteBuffer.allocate(0);
    }
}
