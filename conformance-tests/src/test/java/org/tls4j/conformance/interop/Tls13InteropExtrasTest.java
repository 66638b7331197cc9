package org.tls4j.conformance.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tls4j.TlsConfig;
import org.tls4j.TlsEngine;
import org.tls4j.cli.EngineConnection;
import org.tls4j.handshake.HandshakeMessage;
import org.tls4j.handshake.ext.RecordSizeLimit;
import org.tls4j.handshake.msg.ClientHello;
import org.tls4j.handshake.msg.EncryptedExtensions;
import org.tls4j.handshake.msg.KeyUpdate;
import org.tls4j.handshake.tls13.TlsListener;

/**
 * Live interop for the issue-8 extras: KeyUpdate both ways with OpenSSL ({@code k}/{@code K} typed
 * into s_client and s_server) and GnuTLS, tls4j's own KeyUpdate (asked for and automatic), record
 * sizes on the wire under record_size_limit (GnuTLS implements RFC 8449; OpenSSL 3.0 does not, so it
 * is checked that nothing is capped there), OpenSSL's max_fragment_length left unanswered, and a
 * GREASE ClientHello against OpenSSL, GnuTLS and JSSE. OpenSSL runs with {@code -msg} so its own view
 * of every KeyUpdate (direction and request_update byte) is checked too.
 */
@ExtendWith(InteropMatrix.class)
@Timeout(60)
class Tls13InteropExtrasTest {
    private static final String TLS13_ONLY = "NORMAL:-VERS-ALL:+VERS-TLS1.3";
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    static File dir;
    static InteropPki pki;

    @BeforeAll
    static void pki() throws Exception {
        pki = new InteropPki(dir);
    }

    /** The KeyUpdates one tls4j side sent and received (true = update_requested), and its ClientHello. */
    static final class Log implements TlsListener {
        final List<Boolean> sent = Collections.synchronizedList(new ArrayList<>());
        final List<Boolean> received = Collections.synchronizedList(new ArrayList<>());
        volatile ClientHello clientHello;
        volatile int peerRecordSizeLimit;

        @Override
        public void onHandshakeMessage(boolean isSent, HandshakeMessage m) {
            if (m instanceof KeyUpdate ku) {
                (isSent ? sent : received).add(ku.isUpdateRequested());
            } else if (m instanceof ClientHello ch) {
                clientHello = ch;
            } else if (m instanceof EncryptedExtensions ee && !isSent) {
                RecordSizeLimit r = ee.extensions.find(RecordSizeLimit.class);
                peerRecordSizeLimit = r == null ? 0 : r.limit;
            }
        }
    }

    /** OpenSSL's {@code -msg} line for a KeyUpdate it sent ({@code >>>}) or received, with its request byte. */
    private static Pattern opensslKeyUpdate(boolean opensslSent, boolean requested) {
        return Pattern.compile(Pattern.quote((opensslSent ? ">>>" : "<<<") + " TLS 1.3, Handshake [length 0005], KeyUpdate")
                + "\\s+18 00 00 01 0" + (requested ? "1" : "0"));
    }

    private static int count(Pattern p, String s) {
        Matcher m = p.matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** Waits until {@code p} occurs {@code n} times in the peer's output. */
    private static void awaitCount(PeerProcess peer, Pattern p, int n) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (count(p, peer.out()) < n) {
            if (System.nanoTime() > end) {
                throw new AssertionError(peer.name() + ": /" + p + "/ seen " + count(p, peer.out()) + " times, not "
                        + n + "\n" + peer.transcript());
            }
            Thread.sleep(20);
        }
    }

    /** {@code openssl s_client} with its command letters on (no -ign_eof, which would turn them off) and -msg. */
    private static PeerProcess opensslClientWithCommands(int port, List<String> extra) throws Exception {
        List<String> c = new ArrayList<>(List.of(PeerCommands.openssl().getPath(), "s_client", "-connect",
                "127.0.0.1:" + port, "-tls1_3", "-servername", "localhost", "-verify_hostname", "localhost", "-CAfile",
                pki.caFile.getPath(), "-verify_return_error", "-msg"));
        c.addAll(extra);
        return PeerProcess.start("openssl s_client", dir, c);
    }

    /** {@code openssl s_server} printing what it receives and reading commands and data from stdin, with -msg. */
    private static PeerCommands.Server opensslServerWithCommands(InteropPki.Leaf leaf) throws Exception {
        PeerProcess p = PeerProcess.start("openssl s_server", dir, List.of(PeerCommands.openssl().getPath(), "s_server",
                "-accept", "127.0.0.1:0", "-naccept", "1", "-tls1_3", "-msg", "-cert", leaf.chainFile.getPath(),
                "-key", leaf.keyFile.getPath()));
        try {
            Matcher m = p.await(Pattern.compile("(?m)^ACCEPT 127\\.0\\.0\\.1:(\\d+)"), PeerCommands.READY);
            return new PeerCommands.Server(p, Integer.parseInt(m.group(1)));
        } catch (Throwable t) {
            p.close();
            throw t;
        }
    }

    private static void writeLine(EngineConnection c, String s) throws Exception {
        c.write((s + "\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String reverse(String s) {
        return new StringBuilder(s).reverse().toString();
    }

    // ---- KeyUpdate sent by OpenSSL

    @Test
    void keyUpdateFromOpensslClient() throws Throwable {
        keyUpdateFromOpensslClient(false);
    }

    @Test
    void keyUpdateRequestedFromOpensslClient() throws Throwable {
        keyUpdateFromOpensslClient(true);
    }

    private void keyUpdateFromOpensslClient(boolean requested) throws Throwable {
        InteropMatrix.run("openssl s_client", "peer client -> tls4j server",
                "KeyUpdate from the peer (" + (requested ? "K: update_requested" : "k: update_not_requested") + "), then data",
                () -> {
                    Log log = new Log();
                    TlsConfig config = Tls4j.server(pki.leaf(InteropPki.LeafKind.EC_P256)).listener(log).build();
                    try (Tls4j.Server server = new Tls4j.Server(config);
                            PeerProcess p = opensslClientWithCommands(server.port(), List.of())) {
                        p.await(Pattern.compile("Verify return code: 0 \\(ok\\)"), WAIT);
                        p.send(requested ? "K\n" : "k\n");
                        awaitCount(p, opensslKeyUpdate(true, requested), 1);
                        p.send("after update\n");
                        p.await(Pattern.compile("etadpu retfa"), WAIT);
                        assertEquals("after update", server.await().received());
                        assertEquals(List.of(requested), log.received);
                        assertEquals(requested ? List.of(false) : List.of(), log.sent, "answered once, before the reply");
                        assertEquals(requested ? 1 : 0, count(opensslKeyUpdate(false, false), p.out()), p.transcript());
                    }
                });
    }

    @Test
    void keyUpdateFromOpensslServer() throws Throwable {
        keyUpdateFromOpensslServer(false);
    }

    @Test
    void keyUpdateRequestedFromOpensslServer() throws Throwable {
        keyUpdateFromOpensslServer(true);
    }

    private void keyUpdateFromOpensslServer(boolean requested) throws Throwable {
        InteropMatrix.run("openssl s_server", "tls4j client -> peer server",
                "KeyUpdate from the peer (" + (requested ? "K: update_requested" : "k: update_not_requested") + "), then data",
                () -> {
                    Log log = new Log();
                    try (PeerCommands.Server s = opensslServerWithCommands(pki.leaf(InteropPki.LeafKind.EC_P256));
                            EngineConnection c = Tls4j.connect(Tls4j.client(pki).listener(log).build(), s.port())) {
                        writeLine(c, "hello");
                        s.process().await(Pattern.compile("(?m)^hello"), WAIT); // s_server is past its handshake
                        s.process().send(requested ? "K\n" : "k\n");
                        awaitCount(s.process(), opensslKeyUpdate(true, requested), 1);
                        s.process().send("ping\n");
                        assertEquals("ping", Tls4j.readLine(c));
                        writeLine(c, "pong");
                        s.process().await(Pattern.compile("(?m)^pong"), WAIT);
                        assertEquals(List.of(requested), log.received);
                        assertEquals(requested ? List.of(false) : List.of(), log.sent);
                        assertEquals(requested ? 1 : 0, count(opensslKeyUpdate(false, false), s.process().out()),
                                s.process().transcript());
                        c.closeOutbound();
                    }
                });
    }

    @Test
    void keyUpdateRequestedFromGnutlsClient() throws Throwable {
        InteropMatrix.run("gnutls-cli", "peer client -> tls4j server",
                "KeyUpdate from the peer (^renegotiate^: update_requested in TLS 1.3), then data", () -> {
                    Log log = new Log();
                    TlsConfig config = Tls4j.server(pki.leaf(InteropPki.LeafKind.EC_P256)).listener(log).build();
                    try (Tls4j.Server server = new Tls4j.Server(config);
                            PeerProcess p = PeerCommands.gnutlsClient(dir, server.port(), pki.caFile, TLS13_ONLY,
                                    List.of("--inline-commands"))) {
                        p.await(Pattern.compile("Handshake was completed"), WAIT);
                        p.send("^renegotiate^\n");
                        long end = System.nanoTime() + WAIT.toNanos();
                        while (log.received.isEmpty() && System.nanoTime() < end) {
                            Thread.sleep(20); // the server thread reads the KeyUpdate while waiting for a line
                        }
                        p.send("after update\n");
                        p.await(Pattern.compile("etadpu retfa"), WAIT);
                        assertEquals("after update", server.await().received());
                        assertEquals(List.of(true), log.received);
                        assertEquals(List.of(false), log.sent, "answered once, before the reply");
                    }
                });
    }

    @Test
    void keyUpdateFromJsseClient() throws Throwable {
        InteropMatrix.run("JSSE SSLSocket", "peer client -> tls4j server",
                "KeyUpdate from the peer (startHandshake() on a TLS 1.3 connection), then data", () -> {
                    Log log = new Log();
                    TlsConfig config = Tls4j.server(pki.leaf(InteropPki.LeafKind.EC_P256)).listener(log).build();
                    try (Tls4j.Server server = new Tls4j.Server(config);
                            javax.net.ssl.SSLSocket s = Jsse.client(Jsse.context(pki, null), server.port(), null, null, null)) {
                        s.startHandshake();
                        s.startHandshake(); // TLS 1.3: SunJSSE sends a KeyUpdate instead of renegotiating
                        s.getOutputStream().write("after update\n".getBytes(StandardCharsets.US_ASCII));
                        s.getOutputStream().flush();
                        assertEquals("etadpu retfa\n", new String(s.getInputStream().readNBytes(13), StandardCharsets.US_ASCII));
                        assertEquals("after update", server.await().received());
                        assertEquals(1, log.received.size(), "one KeyUpdate from JSSE: " + log.received);
                        assertEquals(log.received.get(0) ? List.of(false) : List.of(), log.sent);
                    }
                });
    }

    // ---- KeyUpdate sent by tls4j

    @Test
    void tls4jKeyUpdateToOpensslServer() throws Throwable {
        for (boolean requested : new boolean[] {false, true}) {
            InteropMatrix.run("openssl s_server", "tls4j client -> peer server", "tls4j sends KeyUpdate ("
                    + (requested ? "update_requested" : "update_not_requested") + "), then data both ways", () -> {
                        Log log = new Log();
                        try (PeerCommands.Server s = PeerCommands.opensslServer(dir, pki.leaf(InteropPki.LeafKind.EC_P256),
                                null, null, List.of("-msg"));
                                EngineConnection c = Tls4j.connect(Tls4j.client(pki).listener(log).build(), s.port())) {
                            writeLine(c, "before");
                            assertEquals("erofeb", Tls4j.readLine(c));
                            c.engine().requestKeyUpdate(requested);
                            writeLine(c, "after one");
                            assertEquals("eno retfa", Tls4j.readLine(c));
                            writeLine(c, "after two");
                            assertEquals("owt retfa", Tls4j.readLine(c));
                            assertEquals(List.of(requested), log.sent);
                            assertEquals(requested ? List.of(false) : List.of(), log.received);
                            awaitCount(s.process(), opensslKeyUpdate(false, requested), 1);
                            if (requested) {
                                // s_server's -msg line for its answer can lag behind the data it sent
                                awaitCount(s.process(), opensslKeyUpdate(true, false), 1);
                            }
                            assertEquals(requested ? 1 : 0, count(opensslKeyUpdate(true, false), s.process().out()));
                            c.closeOutbound();
                        }
                    });
        }
    }

    @Test
    void tls4jKeyUpdateToGnutlsServer() throws Throwable {
        for (boolean requested : new boolean[] {false, true}) {
            InteropMatrix.run("gnutls-serv", "tls4j client -> peer server", "tls4j sends KeyUpdate ("
                    + (requested ? "update_requested" : "update_not_requested") + "), then data both ways", () -> {
                        Log log = new Log();
                        try (PeerCommands.Server s = PeerCommands.gnutlsServer(dir, pki.leaf(InteropPki.LeafKind.EC_P256),
                                TLS13_ONLY, List.of());
                                EngineConnection c = Tls4j.connect(Tls4j.client(pki).listener(log).build(), s.port())) {
                            writeLine(c, "before");
                            assertEquals("before", Tls4j.readLine(c));
                            c.engine().requestKeyUpdate(requested);
                            writeLine(c, "after one");
                            assertEquals("after one", Tls4j.readLine(c));
                            writeLine(c, "after two");
                            assertEquals("after two", Tls4j.readLine(c));
                            assertEquals(List.of(requested), log.sent);
                            assertEquals(requested ? List.of(false) : List.of(), log.received,
                                    "GnuTLS answers update_requested with one KeyUpdate");
                            c.closeOutbound();
                        }
                    });
        }
    }

    @Test
    void tls4jKeyUpdateToJsseServer() throws Throwable {
        InteropMatrix.run("JSSE SSLServerSocket", "tls4j client -> peer server",
                "tls4j sends KeyUpdate (update_requested), then data both ways", () -> {
                    Log log = new Log();
                    try (Jsse.Server s = new Jsse.Server(Jsse.context(pki, pki.leaf(InteropPki.LeafKind.EC_P256)), null, null);
                            EngineConnection c = Tls4j.connect(Tls4j.client(pki).listener(log).build(), s.port())) {
                        c.engine().requestKeyUpdate(true);
                        writeLine(c, "after update");
                        assertEquals("etadpu retfa", Tls4j.readLine(c));
                        assertEquals("after update", s.await().received());
                        assertEquals(List.of(true), log.sent);
                        assertEquals(List.of(false), log.received, "JSSE answers update_requested with one KeyUpdate");
                        c.closeOutbound();
                    }
                });
    }

    @Test
    void automaticKeyUpdatesWithOpensslServer() throws Throwable {
        InteropMatrix.run("openssl s_server", "tls4j client -> peer server",
                "automatic KeyUpdate (test cap: 8 records per key, both directions), 40 lines echoed", () -> {
                    Log log = new Log();
                    try (PeerCommands.Server s = PeerCommands.opensslServer(dir, pki.leaf(InteropPki.LeafKind.EC_P256),
                            null, null, List.of("-msg"));
                            EngineConnection c = Tls4j.connect(Tls4j.client(pki).listener(log).build(), s.port())) {
                        // TlsEngine's package-private test hook (the AEAD limits are ~2^24.5 records otherwise)
                        Method cap = TlsEngine.class.getDeclaredMethod("capRecordsPerKeyForTest", long.class);
                        cap.setAccessible(true);
                        cap.invoke(c.engine(), 8L);
                        for (int i = 0; i < 40; i++) {
                            writeLine(c, "line " + i);
                            assertEquals(reverse("line " + i), Tls4j.readLine(c));
                        }
                        c.closeOutbound();
                        s.process().await(Pattern.compile("DONE|CONNECTION CLOSED"), WAIT);
                        String out = s.process().out();
                        int opensslGot = count(opensslKeyUpdate(false, false), out) + count(opensslKeyUpdate(false, true), out);
                        int opensslSent = count(opensslKeyUpdate(true, false), out) + count(opensslKeyUpdate(true, true), out);
                        assertTrue(log.sent.size() >= 4, "40 records at most 7 per key: " + log.sent);
                        assertTrue(log.sent.contains(true), "openssl's key neared the cap too: tls4j asked it to update");
                        assertEquals(log.sent.size(), opensslGot, "every KeyUpdate tls4j sent reached OpenSSL");
                        assertEquals(log.received.size(), opensslSent);
                        // OpenSSL answers a request before its next record, once however many arrived meanwhile
                        // (RFC 8446, Section 4.6.3); the request sent after the last echo has no record after it
                        int asked = Collections.frequency(log.sent, true);
                        assertTrue(opensslSent >= 1 && opensslSent <= asked && opensslSent >= asked - 1,
                                "asked " + asked + ", OpenSSL answered " + opensslSent);
                    }
                });
    }

    // ---- record_size_limit (RFC 8449) and max_fragment_length

    private static String line(int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append((char) ('a' + i % 26));
        }
        return b.toString();
    }

    private static void assertAllAtMost(List<Integer> lengths, int max, String who) {
        assertTrue(!lengths.isEmpty() && lengths.stream().allMatch(n -> n <= max), who + ": " + lengths);
    }

    @Test
    void recordSizeLimitWithGnutlsServer() throws Throwable {
        InteropMatrix.run("gnutls-serv", "tls4j client -> peer server",
                "record_size_limit: tls4j 1024, GnuTLS 512 (--recordsize); record sizes checked on the wire", () -> {
                    Log log = new Log();
                    try (PeerCommands.Server s = PeerCommands.gnutlsServer(dir, pki.leaf(InteropPki.LeafKind.EC_P256),
                            TLS13_ONLY, List.of("--recordsize=512"));
                            RecordProxy proxy = new RecordProxy(s.port());
                            EngineConnection c = Tls4j.connect(Tls4j.client(pki).recordSizeLimit(1024).listener(log).build(),
                                    proxy.port())) {
                        // GnuTLS advertises its --recordsize plus one: in TLS 1.3 the limit counts the content type
                        assertEquals(513, log.peerRecordSizeLimit);
                        String big = line(3000);
                        writeLine(c, big);
                        assertEquals(big, Tls4j.readLine(c));
                        c.closeOutbound();
                        List<Integer> mine = RecordProxy.protectedLengths(proxy.toServer());
                        List<Integer> theirs = RecordProxy.protectedLengths(proxy.toClient());
                        // TLSInnerPlaintext <= the peer's limit; + 16 bytes of AEAD tag on the wire
                        assertAllAtMost(mine, 513 + 16, "tls4j's records");
                        assertTrue(mine.contains(513 + 16), "tls4j fills records up to GnuTLS's limit: " + mine);
                        assertAllAtMost(theirs, 1024 + 16, "GnuTLS's records");
                        assertTrue(theirs.size() >= 3001 / 1024, "the echo came in small records: " + theirs);
                    }
                });
    }

    @Test
    void recordSizeLimitWithGnutlsClient() throws Throwable {
        InteropMatrix.run("gnutls-cli", "peer client -> tls4j server",
                "record_size_limit: GnuTLS 512 (--recordsize), tls4j 1024; record sizes checked on the wire", () -> {
                    TlsConfig config = Tls4j.server(pki.leaf(InteropPki.LeafKind.EC_P256)).recordSizeLimit(1024).build();
                    try (Tls4j.Server server = new Tls4j.Server(config);
                            RecordProxy proxy = new RecordProxy(server.port());
                            PeerProcess p = PeerCommands.gnutlsClient(dir, proxy.port(), pki.caFile, TLS13_ONLY,
                                    List.of("--recordsize=512"))) {
                        p.await(Pattern.compile("Handshake was completed"), WAIT);
                        // gnutls-cli sends at most one record per line it reads: keep the line under its limit
                        String big = line(500);
                        p.send(big + "\n");
                        assertEquals(big, server.await().received());
                        p.await(Pattern.compile(Pattern.quote(reverse(big))), WAIT);
                        List<Integer> mine = RecordProxy.protectedLengths(proxy.toClient());
                        List<Integer> theirs = RecordProxy.protectedLengths(proxy.toServer());
                        assertAllAtMost(mine, 513 + 16, "tls4j's records (its whole encrypted flight included)");
                        assertTrue(mine.contains(513 + 16), "the encrypted flight is split at the limit: " + mine);
                        assertAllAtMost(theirs, 1024 + 16, "GnuTLS's records");
                    }
                });
    }

    @Test
    void recordSizeLimitUnansweredByOpenssl() throws Throwable {
        InteropMatrix.run("openssl s_server", "tls4j client -> peer server",
                "record_size_limit 64 offered; OpenSSL 3.0 lacks RFC 8449, so nothing is capped", () -> {
                    try (PeerCommands.Server s = PeerCommands.opensslServer(dir, pki.leaf(InteropPki.LeafKind.EC_P256),
                            null, null, List.of());
                            RecordProxy proxy = new RecordProxy(s.port());
                            EngineConnection c = Tls4j.connect(Tls4j.client(pki).recordSizeLimit(64).build(), proxy.port())) {
                        String big = line(3000);
                        writeLine(c, big);
                        assertEquals(reverse(big), Tls4j.readLine(c));
                        c.closeOutbound();
                        assertTrue(RecordProxy.protectedLengths(proxy.toServer()).stream().anyMatch(n -> n > 3000),
                                "not negotiated: tls4j's line went in one record");
                        assertTrue(RecordProxy.protectedLengths(proxy.toClient()).stream().anyMatch(n -> n > 3000),
                                "and OpenSSL's answer too (accepted although larger than the 64 tls4j offered)");
                    }
                });
    }

    @Test
    void maxFragmentLengthFromOpensslIsLeftUnanswered() throws Throwable {
        InteropMatrix.run("openssl s_client", "peer client -> tls4j server",
                "max_fragment_length 512 (-maxfraglen) unanswered by tls4j (RFC 6066, Section 4); full records", () -> {
                    TlsConfig config = Tls4j.server(pki.leaf(InteropPki.LeafKind.EC_P256)).build();
                    try (Tls4j.Server server = new Tls4j.Server(config);
                            RecordProxy proxy = new RecordProxy(server.port());
                            PeerProcess p = PeerCommands.opensslClient(dir, proxy.port(), pki.caFile, null, null, null,
                                    List.of("-maxfraglen", "512"))) {
                        p.await(Pattern.compile("Verify return code: 0 \\(ok\\)"), WAIT);
                        assertTrue(!p.out().contains("Max Fragment Length"), "no MFL was negotiated\n" + p.transcript());
                        String big = line(2000);
                        p.send(big + "\n");
                        p.await(Pattern.compile(Pattern.quote(reverse(big))), WAIT);
                        assertTrue(RecordProxy.protectedLengths(proxy.toClient()).stream().anyMatch(n -> n > 2000),
                                "tls4j's answer went in one record of more than 512 bytes");
                    }
                });
    }

    // ---- GREASE (RFC 8701)

    private static void assertGreased(Log log) {
        ClientHello ch = log.clientHello;
        int suite = ch.cipherSuites.get(0).code;
        assertTrue((suite & 0x0f0f) == 0x0a0a, "a GREASE suite first: " + ch.cipherSuites);
        assertTrue(ch.extensions.list().get(0).type().isGrease(), ch.extensions.toString());
    }

    @Test
    void greaseClientToOpensslGnutlsAndJsse() throws Throwable {
        InteropMatrix.run("openssl s_server", "tls4j client -> peer server", "GREASE ClientHello (RFC 8701)", () -> {
            Log log = new Log();
            try (PeerCommands.Server s = PeerCommands.opensslServer(dir, pki.leaf(InteropPki.LeafKind.EC_P256), null, null,
                    List.of())) {
                Tls13InteropTest.clientExchange(Tls4j.client(pki).grease(true).listener(log).build(), s.port(), "grease",
                        "esaerg");
                assertGreased(log);
            }
        });
        InteropMatrix.run("gnutls-serv", "tls4j client -> peer server", "GREASE ClientHello (RFC 8701)", () -> {
            Log log = new Log();
            try (PeerCommands.Server s = PeerCommands.gnutlsServer(dir, pki.leaf(InteropPki.LeafKind.EC_P256), TLS13_ONLY,
                    List.of())) {
                Tls13InteropTest.clientExchange(Tls4j.client(pki).grease(true).listener(log).build(), s.port(), "grease",
                        "grease");
                assertGreased(log);
            }
        });
        InteropMatrix.run("JSSE SSLServerSocket", "tls4j client -> peer server", "GREASE ClientHello (RFC 8701)", () -> {
            Log log = new Log();
            SSLContext ctx = Jsse.context(pki, pki.leaf(InteropPki.LeafKind.EC_P256));
            try (Jsse.Server s = new Jsse.Server(ctx, null, null)) {
                Tls13InteropTest.clientExchange(Tls4j.client(pki).grease(true).listener(log).build(), s.port(), "grease",
                        "esaerg");
                assertGreased(log);
                assertEquals("grease", s.await().received());
            }
        });
    }
}
