package org.tls4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tls4j.crypto.x509.TestPki;
import org.tls4j.handshake.CipherSuite;
import org.tls4j.handshake.ExtensionType;
import org.tls4j.handshake.ext.Extension;
import org.tls4j.handshake.tls12.ServerSessionStore12;
import org.tls4j.handshake.tls12.Tls12Config;
import org.tls4j.handshake.tls13.TicketKeys;
import org.tls4j.record.ProtocolVersion;

/**
 * TLS 1.0-1.2 session resumption between two tls4j engines in memory: by session ID (RFC 5246, Section
 * 7.3) and by ticket (RFC 5077), both reported by {@link TlsSession#isResumed()} on both sides and
 * carrying data; and every reason a session is not resumed (a full handshake follows): other suite, other
 * version, other server name, a session without extended master secret offered with it (RFC 7627,
 * Section 5.3), expired, a tampered or foreign ticket, evicted from the bounded store.
 */
class Tls12ResumptionTest {
    static final String HOST = "localhost";
    static final int PORT = 443;
    static final byte[] DATA = "resumed data".getBytes(StandardCharsets.US_ASCII);

    final TlsEngineResumptionTest.MovingClock clientClock = new TlsEngineResumptionTest.MovingClock();
    final TlsEngineResumptionTest.MovingClock serverClock = new TlsEngineResumptionTest.MovingClock();
    final SessionCache cache = new SessionCache();

    TlsConfig.Builder client() {
        return TestCerts.client().clock(clientClock).versions(ProtocolVersion.TLS12).sessionCache(cache);
    }

    TlsConfig.Builder server() {
        return TestCerts.server(TestPki.KeyKind.EC_P256).clock(serverClock).versions(ProtocolVersion.TLS12);
    }

    static EnginePair connect(TlsConfig c, TlsConfig s) throws TlsException {
        EnginePair p = new EnginePair(TlsEngine.client(c, HOST, PORT), TlsEngine.server(s));
        assertTrue(p.handshake(), () -> "handshake failed: client " + p.clientFailure + ", server " + p.serverFailure);
        assertArrayEquals(DATA, p.transfer(p.client, p.server, DATA));
        assertArrayEquals(DATA, p.transfer(p.server, p.client, DATA));
        assertEquals(p.client.session().isResumed(), p.server.session().isResumed());
        return p;
    }

    @Test
    void resumesBySessionId() throws Exception {
        ServerSessionStore12 store = new ServerSessionStore12();
        TlsConfig s = server().sessionTickets(0).serverSessionStore(store).build();
        TlsConfig c = client().build();
        EnginePair first = connect(c, s);
        assertFalse(first.client.session().isResumed());
        assertEquals(1, store.size());
        for (int i = 0; i < 3; i++) { // a session ID may be resumed again and again within its lifetime
            EnginePair again = connect(c, s);
            assertTrue(again.client.session().isResumed(), "resumption " + i);
            assertEquals(first.client.session().cipherSuite(), again.client.session().cipherSuite());
            assertEquals(first.client.session().peerCertificates(), again.client.session().peerCertificates());
        }
        assertEquals(1, store.size());
    }

    @Test
    void resumesByTicketWithoutServerState() throws Exception {
        TlsConfig s = server().serverSessionStore(null).build();
        TlsConfig c = client().build();
        assertFalse(connect(c, s).client.session().isResumed());
        assertTrue(cache.hasSession12(HOST, PORT, clientClock.millis()));
        // RFC 5077 allows reusing a ticket: tls4j's TLS 1.2 tickets are not single-use.
        assertTrue(connect(c, s).client.session().isResumed());
        assertTrue(connect(c, s).server.session().isResumed());
    }

    @Test
    void ticketSharedByServersWithTheSameKeys() throws Exception {
        TicketKeys keys = new TicketKeys(TestCerts.RANDOM, serverClock);
        TlsConfig s1 = server().serverSessionStore(null).ticketKeys(keys).build();
        TlsConfig s2 = server().serverSessionStore(null).ticketKeys(keys).build();
        TlsConfig c = client().build();
        connect(c, s1);
        assertTrue(connect(c, s2).client.session().isResumed());
        // A server with keys of its own cannot open the ticket: full handshake.
        TlsConfig foreign = server().serverSessionStore(null).build();
        assertFalse(connect(c, foreign).client.session().isResumed());
    }

    @Test
    void defaultServerResumesWithBoth() throws Exception {
        TlsConfig s = server().build();
        TlsConfig c = client().build();
        connect(c, s);
        assertTrue(connect(c, s).client.session().isResumed());
        // A client without a cache entry (no host and port) does a full handshake.
        EnginePair p = new EnginePair(TlsEngine.client(c), TlsEngine.server(s));
        assertTrue(p.handshake());
        assertFalse(p.client.session().isResumed());
    }

    @Test
    void otherSuiteMeansFullHandshake() throws Exception {
        ServerSessionStore12 store = new ServerSessionStore12();
        TicketKeys keys = new TicketKeys(TestCerts.RANDOM, serverClock);
        TlsConfig c = client().tls12CipherSuites(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
                CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384).build();
        TlsConfig s1 = server().serverSessionStore(store).ticketKeys(keys)
                .tls12CipherSuites(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256).build();
        TlsConfig s2 = server().serverSessionStore(store).ticketKeys(keys)
                .tls12CipherSuites(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384).build();
        connect(c, s1);
        EnginePair p = connect(c, s2);
        assertFalse(p.client.session().isResumed());
        assertEquals(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, p.client.session().cipherSuite());
    }

    @Test
    void otherVersionMeansFullHandshake() throws Exception {
        ServerSessionStore12 store = new ServerSessionStore12();
        TicketKeys keys = new TicketKeys(TestCerts.RANDOM, serverClock);
        TlsConfig c = client().versions(ProtocolVersion.TLS12, ProtocolVersion.TLS11).build();
        TlsConfig s1 = server().serverSessionStore(store).ticketKeys(keys).build();
        TlsConfig s2 = server().versions(ProtocolVersion.TLS11).serverSessionStore(store).ticketKeys(keys).build();
        connect(c, s1);
        EnginePair p = connect(c, s2);
        assertFalse(p.client.session().isResumed());
        assertEquals(ProtocolVersion.TLS11, p.client.session().version());
        // ... and the TLS 1.1 session, now cached, resumes at TLS 1.1.
        assertTrue(connect(c, s2).client.session().isResumed());
    }

    @Test
    void otherServerNameMeansFullHandshake() throws Exception {
        TlsConfig s = server().build();
        connect(client().build(), s);
        // Same host:port cache entry, but another SNI: the client does not offer the session (RFC 6066, Section 3).
        TlsConfig other = client().serverName("other.example").verifyHostname(false).build();
        assertFalse(connect(other, s).client.session().isResumed());
    }

    @Test
    void sessionWithoutEmsIsNotResumedByAHelloWithEms() throws Exception {
        ServerSessionStore12 store = new ServerSessionStore12();
        TicketKeys keys = new TicketKeys(TestCerts.RANDOM, serverClock);
        Tls12Config.Hooks dropEms = new Tls12Config.Hooks() {
            @Override
            public List<Extension> serverHelloExtensions(List<Extension> extensions) {
                List<Extension> out = new ArrayList<>();
                for (Extension e : extensions) {
                    if (e.type() != ExtensionType.EXTENDED_MASTER_SECRET) {
                        out.add(e);
                    }
                }
                return out;
            }
        };
        TlsConfig c = client().requireExtendedMasterSecret(false).build();
        TlsConfig noEms = server().requireExtendedMasterSecret(false).serverSessionStore(store).ticketKeys(keys)
                .tls12Hooks(dropEms).build();
        TlsConfig withEms = server().requireExtendedMasterSecret(false).serverSessionStore(store).ticketKeys(keys).build();
        connect(c, noEms);
        // RFC 7627, Section 5.3: the ClientHello offers EMS, the session has none: full handshake.
        assertFalse(connect(c, withEms).client.session().isResumed());
        // The new session has EMS and resumes.
        assertTrue(connect(c, withEms).client.session().isResumed());
        // A server that resumes that EMS session without EMS: the client aborts (RFC 7627, Section 5.3).
        EnginePair bad = new EnginePair(TlsEngine.client(c, HOST, PORT), TlsEngine.server(noEms));
        assertFalse(bad.handshake());
        assertEquals(org.tls4j.record.AlertDescription.HANDSHAKE_FAILURE, bad.clientFailure.alert());
        // A client that requires EMS never offers a session without it.
        SessionCache other = new SessionCache();
        connect(client().sessionCache(other).requireExtendedMasterSecret(false).build(), noEms);
        assertTrue(other.hasSession12(HOST, PORT, clientClock.millis()));
        assertFalse(connect(client().sessionCache(other).build(), withEms).client.session().isResumed());
    }

    @Test
    void expiredSessionMeansFullHandshake() throws Exception {
        TlsConfig byId = server().sessionTickets(0).ticketLifetimeSeconds(60).build();
        TlsConfig c = client().build();
        connect(c, byId);
        serverClock.advanceSeconds(61); // the client still offers it; the server's store says it has expired
        assertFalse(connect(c, byId).client.session().isResumed());
        TlsConfig byTicket = server().serverSessionStore(null).ticketLifetimeSeconds(60).build();
        connect(c, byTicket);
        serverClock.advanceSeconds(61);
        assertFalse(connect(c, byTicket).client.session().isResumed());
        assertTrue(connect(c, byTicket).client.session().isResumed());
        clientClock.advanceSeconds(61); // the client's copy expires too (lifetime hint 60): not even offered
        assertFalse(cache.hasSession12(HOST, PORT, clientClock.millis()));
    }

    @Test
    void tamperedTicketMeansFullHandshake() throws Exception {
        TlsConfig s = server().serverSessionStore(null).build();
        TlsConfig c = client().build();
        connect(c, s);
        for (int at : new int[] {0, 20, 40, -1}) {
            // Flip one bit of the cached ticket: in its key name, nonce, ciphertext or tag.
            org.tls4j.handshake.tls12.ClientSessions12 view = cache.forPeer12(HOST, PORT);
            org.tls4j.handshake.tls12.Session12 session = view.take(clientClock.millis());
            java.lang.reflect.Field f = session.getClass().getDeclaredField("ticket");
            f.setAccessible(true);
            byte[] ticket = (byte[]) f.get(session);
            ticket[at < 0 ? ticket.length - 1 : at] ^= 1;
            view.put(session);
            EnginePair p = connect(c, s);
            assertFalse(p.client.session().isResumed(), "tampered at " + at);
            assertTrue(connect(c, s).client.session().isResumed(), "the new ticket works");
        }
    }

    @Test
    void storeIsBounded() throws Exception {
        ServerSessionStore12 store = new ServerSessionStore12(2);
        TlsConfig s = server().sessionTickets(0).serverSessionStore(store).build();
        SessionCache[] caches = {new SessionCache(), new SessionCache(), new SessionCache()};
        for (SessionCache k : caches) {
            connect(client().sessionCache(k).build(), s);
        }
        assertEquals(2, store.size());
        // The first session was evicted (least recently used); the last two resume.
        assertFalse(connect(client().sessionCache(caches[0]).build(), s).client.session().isResumed());
        assertTrue(connect(client().sessionCache(caches[2]).build(), s).client.session().isResumed());
        assertEquals(2, store.size());
    }
    /**
     * RFC 5746 on a resumed connection: the abbreviated handshake's Finished values become the
     * renegotiation_info of the next handshake, so a renegotiation started by either side succeeds.
     */
    @Test
    void resumedConnectionRenegotiatesSecurely() throws Exception {
        TlsConfig s = server().renegotiation(org.tls4j.handshake.tls12.Renegotiation.ACCEPT_SECURE).build();
        TlsConfig c = client().renegotiation(org.tls4j.handshake.tls12.Renegotiation.ACCEPT_SECURE).build();
        connect(c, s);
        for (boolean byClient : new boolean[] {true, false}) {
            EnginePair p = connect(c, s);
            assertTrue(p.client.session().isResumed());
            byte[] before = p.client.exportKeyingMaterial("EXPERIMENTAL resumed reneg", null, 32);
            Tls12RenegotiationTest.Side cs = new Tls12RenegotiationTest.Side(p.client);
            Tls12RenegotiationTest.Side ss = new Tls12RenegotiationTest.Side(p.server);
            (byClient ? p.client : p.server).renegotiate();
            cs.queue("c", 3);
            ss.queue("s", 3);
            Tls12RenegotiationTest.pump(cs, ss);
            assertArrayEquals(cs.sent.toByteArray(), ss.received.toByteArray());
            assertArrayEquals(ss.sent.toByteArray(), cs.received.toByteArray());
            byte[] after = p.client.exportKeyingMaterial("EXPERIMENTAL resumed reneg", null, 32);
            assertArrayEquals(after, p.server.exportKeyingMaterial("EXPERIMENTAL resumed reneg", null, 32));
            assertFalse(java.util.Arrays.equals(before, after), "the renegotiation made new keys");
            assertEquals(null, p.client.failure());
            assertEquals(null, p.server.failure());
        }
    }
    /**
     * A session is not resumed once a certificate of the original chain has expired, though the session
     * itself has not: the client offers nothing and the full handshake then refuses the expired chain.
     */
    @Test
    void sessionIsNotResumedPastItsCertificatesExpiry() throws Exception {
        org.tls4j.crypto.x509.TestPki shortLived = new org.tls4j.crypto.x509.TestPki(TestCerts.RANDOM,
                TestCerts.NOW - 86400, TestCerts.NOW + 3600);
        TestPki.Key key = TestCerts.key(TestPki.KeyKind.EC_P256);
        org.tls4j.crypto.x509.TestPki.Authority root = shortLived.root("short-lived root", key);
        org.tls4j.crypto.x509.Certificate leaf = root.serverLeaf(key, "localhost");
        TlsConfig s = TlsConfig.builder().certificate(new org.tls4j.handshake.tls13.CertifiedKey(
                java.util.Arrays.asList(leaf, root.certificate()), key)).clock(serverClock)
                .versions(ProtocolVersion.TLS12).build();
        TlsConfig c = client().trustAnchors(java.util.Collections.singletonList(root.certificate())).build();
        connect(c, s);
        assertTrue(connect(c, s).client.session().isResumed());
        clientClock.advanceSeconds(1800);
        assertTrue(connect(c, s).client.session().isResumed(), "still within the certificates' validity");
        clientClock.advanceSeconds(1801); // past notAfter, within the session's 7200 s
        assertTrue(cache.hasSession12(HOST, PORT, clientClock.millis()));
        EnginePair p = new EnginePair(TlsEngine.client(c, HOST, PORT), TlsEngine.server(s));
        assertFalse(p.handshake(), "the expired chain is checked again, not resumed");
        assertTrue(p.clientFailure != null, "the client refused the chain");
    }
    /**
     * A client that offers TLS 1.3 and 1.2 in one ClientHello resumes a TLS 1.2 server's session (session
     * ID or ticket next to its key_share and supported_versions), and a TLS 1.3 server simply ignores
     * the TLS 1.2 offer.
     */
    @Test
    void clientOfferingTls13AndTls12ResumesATls12Server() throws Exception {
        TlsConfig c = client().versions(ProtocolVersion.TLS13, ProtocolVersion.TLS12).build();
        for (TlsConfig s : new TlsConfig[] {server().build(), server().sessionTickets(0).build()}) {
            cache.clear();
            EnginePair first = connect(c, s);
            assertEquals(ProtocolVersion.TLS12, first.client.session().version());
            EnginePair again = connect(c, s);
            assertTrue(again.client.session().isResumed());
            assertEquals(ProtocolVersion.TLS12, again.client.session().version());
        }
        TlsConfig tls13 = server().versions(ProtocolVersion.TLS13).build();
        EnginePair p = connect(c, tls13);
        assertEquals(ProtocolVersion.TLS13, p.client.session().version());
        assertFalse(p.client.session().isResumed());
    }
}
