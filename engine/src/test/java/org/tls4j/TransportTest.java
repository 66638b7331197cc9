package org.tls4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tls4j.record.ProtocolVersion;

class TransportTest {
    private static final ProtocolVersion SSL2 = ProtocolVersion.SSL2;
    private static final ProtocolVersion SSL3 = ProtocolVersion.SSL3;
    private static final ProtocolVersion TLS10 = ProtocolVersion.TLS10;
    private static final ProtocolVersion TLS11 = ProtocolVersion.TLS11;
    private static final ProtocolVersion TLS12 = ProtocolVersion.TLS12;
    private static final ProtocolVersion TLS13 = ProtocolVersion.TLS13;

    private static String error(String url) {
        return assertThrows(TransportException.class, () -> Transport.parse(url)).getMessage();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "tcp://example.org:25|TCP|example.org|25|tcp://example.org:25",
        "example.org:80|TCP|example.org|80|tcp://example.org:80",
        "UDP://192.0.2.1:53|UDP|192.0.2.1|53|udp://192.0.2.1:53",
        "ssl://mail.example.com:465|SSL|mail.example.com|465|ssl://mail.example.com:465",
        "tls://[2001:db8::1]:443|TLS|2001:db8::1|443|tls://[2001:db8::1]:443",
        "tcp://[fe80::1]:80|TCP|fe80::1|80|tcp://[fe80::1]:80",
        "tcp://[fe80::1%eth0]:22|TCP|fe80::1%eth0|22|tcp://[fe80::1%eth0]:22",
        "tls://[::ffff:192.0.2.1]:443|TLS|::ffff:192.0.2.1|443|tls://[::ffff:192.0.2.1]:443",
        "tls://[1:2:3:4:5:6:7:8]:1|TLS|1:2:3:4:5:6:7:8|1|tls://[1:2:3:4:5:6:7:8]:1",
        "tls://[::]:65535|TLS|::|65535|tls://[::]:65535",
        "sslv2://old.example:443|SSLV2|old.example|443|sslv2://old.example:443",
        "sslv3://old.example:443|SSLV3|old.example|443|sslv3://old.example:443",
        "tlsv1.0://h:443|TLSV1_0|h|443|tlsv1.0://h:443",
        "tlsv1.1://h:443|TLSV1_1|h|443|tlsv1.1://h:443",
        "tlsv1.2://h:443|TLSV1_2|h|443|tlsv1.2://h:443",
        "TLSv1.3://h:443|TLSV1_3|h|443|tlsv1.3://h:443",
        "tcp://example.org.:25|TCP|example.org.|25|tcp://example.org.:25",
        "tcp://_sip._tcp.example.com:5060|TCP|_sip._tcp.example.com|5060|tcp://_sip._tcp.example.com:5060",
        "localhost:0080|TCP|localhost|80|tcp://localhost:80",
    })
    void parsesAndFormats(String url, TransportScheme scheme, String host, int port, String canonical) throws Exception {
        Transport t = Transport.parse(url);
        assertEquals(scheme, t.scheme());
        assertEquals(host, t.host());
        assertEquals(port, t.port());
        assertEquals(canonical, t.format());
        assertEquals(canonical, t.toString());
        assertEquals(t, Transport.parse(canonical));
        assertEquals(t, Transport.of(scheme, host, port));
    }

    @Test
    void defaultPortOnlyWhenNoneIsWritten() throws Exception {
        assertEquals(443, Transport.parse("tls://example.org", 443).port());
        assertEquals(8443, Transport.parse("tls://example.org:8443", 443).port());
        assertEquals(443, Transport.parse("tls://[::1]", 443).port());
        assertEquals("the default port 70000 is out of range: ports go from 1 to 65535",
                assertThrows(TransportException.class, () -> Transport.parse("tls://h", 70000)).getMessage());
    }

    @Test
    void serverNameIsOnlyForDnsNames() throws Exception {
        assertEquals("example.org", Transport.parse("tls://example.org.:443").serverName());
        assertNull(Transport.parse("tls://192.0.2.1:443").serverName());
        assertNull(Transport.parse("tls://[::1]:443").serverName());
        assertTrue(Transport.parse("tls://[::1]:443").isIpv6Literal());
        assertTrue(Transport.parse("tls://192.0.2.1:443").isIpLiteral());
        assertFalse(Transport.parse("tls://a.example:443").isIpLiteral());
        InetSocketAddress target = Transport.parse("tls://does-not-exist.invalid:443").target();
        assertTrue(target.isUnresolved());
        assertEquals("does-not-exist.invalid", target.getHostString());
        assertEquals(443, target.getPort());
    }

    @Test
    void errorsNameTheProblem() {
        assertEquals("the transport URL is empty: write it as tcp://HOST:PORT or tls://HOST:PORT", error(""));
        assertEquals("no port in 'tcp://example.org': add one as ':PORT', for example tcp://example.org:443",
                error("tcp://example.org"));
        assertEquals("no port in 'tls://[::1]': add one as ':PORT', for example tls://[::1]:443", error("tls://[::1]"));
        assertEquals("the port 65536 in 'tcp://h:65536' is out of range: ports go from 1 to 65535", error("tcp://h:65536"));
        assertEquals("the port 0 in 'tcp://h:0' is out of range: ports go from 1 to 65535", error("tcp://h:0"));
        assertEquals("the port 99999999999999999999 in 'tcp://h:99999999999999999999' is out of range: ports go from 1 to 65535",
                error("tcp://h:99999999999999999999"));
        assertEquals("the port after ':' is empty in 'tcp://h:': write a number from 1 to 65535", error("tcp://h:"));
        assertEquals("the port 'http' in 'tcp://h:http' is not a number: write a number from 1 to 65535", error("tcp://h:http"));
        assertEquals("unexpected '/index.html' after the port 80 in 'tcp://h:80/index.html': a transport URL ends with the"
                + " port (no path, no query)", error("tcp://h:80/index.html"));
        assertEquals("unknown transport 'https://' in 'https://example.org:443': the known transports are tcp://, udp://,"
                + " ssl://, tls://, sslv2://, sslv3://, tlsv1.0://, tlsv1.1://, tlsv1.2://, tlsv1.3:// (for HTTPS write"
                + " tls://HOST:443)", error("https://example.org:443"));
        assertEquals("unknown transport 'gopher://' in 'gopher://h:70': the known transports are tcp://, udp://, ssl://,"
                + " tls://, sslv2://, sslv3://, tlsv1.0://, tlsv1.1://, tlsv1.2://, tlsv1.3://", error("gopher://h:70"));
        assertEquals("'fe80::1:80' in 'tcp://fe80::1:80' is ambiguous: it reads as the IPv6 address fe80::1:80, or as"
                + " fe80::1 with port 80; an IPv6 address goes in brackets: write tcp://[fe80::1]:80 for port 80, or"
                + " tcp://[fe80::1:80]:PORT", error("tcp://fe80::1:80"));
        assertEquals("the IPv6 address 1:2:3:4:5:6:7:8 in 'tcp://1:2:3:4:5:6:7:8:443' must be in brackets when a port"
                + " follows: write tcp://[1:2:3:4:5:6:7:8]:443", error("tcp://1:2:3:4:5:6:7:8:443"));
        assertEquals("'a:b:c' in 'tcp://a:b:c' has more than one ':': a host is followed by one ':PORT', and an IPv6"
                + " address goes in brackets, as in tcp://[2001:db8::1]:443", error("tcp://a:b:c"));
        assertEquals("'2001:db8::1' in 'tls://2001:db8::1' looks like an IPv6 address: write it in brackets, as in"
                + " tls://[2001:db8::1]:PORT", error("tls://2001:db8::1"));
        assertEquals("the host is empty in 'tcp://:80': write it as tcp://HOST:PORT", error("tcp://:80"));
        assertEquals("the host is empty in 'tls://': write it as tls://HOST:PORT", error("tls://"));
        assertEquals("the host is empty in 'tcp://[]:80': the brackets [] hold no IPv6 address", error("tcp://[]:80"));
        assertEquals("the IPv6 address in 'tcp://[::1:80' opens with '[' but never closes with ']'", error("tcp://[::1:80"));
        assertEquals("unexpected 'x:80' after the IPv6 address [::1] in 'tcp://[::1]x:80': only ':PORT' may follow it",
                error("tcp://[::1]x:80"));
        assertEquals("'1:2:3' in 'tcp://[1:2:3]:80' is not an IPv6 address: it has 3 groups of hex digits; an IPv6 address"
                + " has 8, or '::' for a run of zeros", error("tcp://[1:2:3]:80"));
        assertEquals("'1::2::3' in 'tcp://[1::2::3]:80' is not an IPv6 address: '::' may appear only once",
                error("tcp://[1::2::3]:80"));
        assertEquals("'fe80::1%' in 'tcp://[fe80::1%]:80' is not an IPv6 address: the zone id after '%' is empty",
                error("tcp://[fe80::1%]:80"));
        assertEquals("'example.org' in 'tcp://[example.org]:80' is not an IPv6 address: 'example.org' is not made of"
                + " groups of 1 to 4 hex digits separated by ':'", error("tcp://[example.org]:80"));
        assertEquals("'192.0.2.256' in 'tcp://192.0.2.256:80' is not a valid host: the part 256 is above 255",
                error("tcp://192.0.2.256:80"));
        assertEquals("'192.0.2' in 'tcp://192.0.2:80' is not a valid host: an IPv4 address has four numbers separated by"
                + " dots, this has 3", error("tcp://192.0.2:80"));
        assertEquals("'010.0.0.1' in 'tcp://010.0.0.1:80' is not a valid host: the part '010' has a leading zero, which"
                + " some systems read as octal; write it without", error("tcp://010.0.0.1:80"));
        assertEquals("'user@h' in 'tcp://user@h:80' is not a valid host: it contains '@', and a transport URL has no user"
                + " name", error("tcp://user@h:80"));
        assertEquals("'a..b' in 'tcp://a..b:80' is not a valid host: it has an empty label (two dots in a row, or a"
                + " leading dot)", error("tcp://a..b:80"));
        assertEquals("'-a.b' in 'tcp://-a.b:80' is not a valid host: the label '-a' starts or ends with '-'",
                error("tcp://-a.b:80"));
        assertEquals("the transport URL 'tcp://a b:80' contains a space at position 7: a transport URL has no spaces or"
                + " control characters", error("tcp://a b:80"));
        assertEquals("the transport URL 'tcp://b?cher.example:80' contains the non-ASCII character U+00FC at position 7:"
                + " write an internationalised host name in its ASCII (xn--) form", error("tcp://b\u00fccher.example:80"));
        assertEquals("'://h:80' starts with '://': put a transport before it, one of tcp://, udp://, ssl://, tls://,"
                + " sslv2://, sslv3://, tlsv1.0://, tlsv1.1://, tlsv1.2://, tlsv1.3://", error("://h:80"));
        String longLabel = "a".repeat(64);
        assertEquals("'" + longLabel + "' in 'tcp://" + longLabel + ":1' is not a valid host: the label 'aaaaaaaaaa...'"
                + " is 64 characters, at most 63 fit", error("tcp://" + longLabel + ":1"));
        assertEquals("the transport URL is 1025 characters long; at most 1024 are accepted", error("a".repeat(1025)));
        assertEquals("no transport URL given", error(null));
    }

    @Test
    void schemeTableNamesTheVersions() {
        assertEquals(List.of(), TransportScheme.TCP.namedVersions());
        assertEquals(List.of(), TransportScheme.UDP.namedVersions());
        assertEquals(List.of(), TransportScheme.SSL.namedVersions());
        assertTrue(TransportScheme.SSL.isNegotiated());
        assertEquals(List.of(TLS10, TLS11, TLS12, TLS13), TransportScheme.TLS.namedVersions());
        assertEquals(List.of(SSL2), TransportScheme.SSLV2.namedVersions());
        assertEquals(List.of(SSL3), TransportScheme.SSLV3.namedVersions());
        assertEquals(List.of(TLS10), TransportScheme.TLSV1_0.namedVersions());
        assertEquals(List.of(TLS11), TransportScheme.TLSV1_1.namedVersions());
        assertEquals(List.of(TLS12), TransportScheme.TLSV1_2.namedVersions());
        assertEquals(List.of(TLS13), TransportScheme.TLSV1_3.namedVersions());
        assertFalse(TransportScheme.TCP.isSecure());
        assertFalse(TransportScheme.UDP.isSecure());
        for (TransportScheme s : EnumSet.range(TransportScheme.SSL, TransportScheme.TLSV1_3)) {
            assertTrue(s.isSecure(), s.toString());
            assertEquals(s, TransportScheme.forPrefix(s.prefix().toUpperCase()));
        }
    }

    private static List<ProtocolVersion> offer(String url, ProtocolVersion... enabled) throws TransportException {
        return Transport.parse(url).versionsToOffer(Arrays.asList(enabled));
    }

    private static String refusal(String url, ProtocolVersion... enabled) {
        return assertThrows(TransportException.class, () -> offer(url, enabled)).getMessage();
    }

    @Test
    void versionsToOffer() throws Exception {
        assertEquals(List.of(TLS13, TLS12), offer("ssl://h:1", TLS12, TLS13));
        assertEquals(List.of(TLS13, TLS12, TLS10), offer("ssl://h:1", TLS10, TLS13, TLS12));
        assertEquals(List.of(TLS13, TLS12), offer("tls://h:1", TLS13, TLS12));
        assertEquals(List.of(TLS13, TLS12, TLS11, TLS10), offer("tls://h:1", TLS10, TLS11, TLS12, TLS13));
        assertEquals(List.of(TLS12), offer("tlsv1.2://h:1", TLS13, TLS12));
        assertEquals(List.of(TLS13), offer("tlsv1.3://h:1", TLS13, TLS12));
        assertEquals(List.of(TLS10), offer("tlsv1.0://h:1", TLS13, TLS10));
        assertEquals(List.of(TLS13, TLS12), offer("ssl://h:1", TLS12, TLS13, TLS12));
        assertEquals("the configuration's enabled versions contain a null entry",
                refusal("ssl://h:1", TLS13, null));
    }

    @Test
    void refusalsBeforeAnyByteIsSent() {
        assertEquals("tlsv1.0:// asks for exactly TLSv1.0, but the configuration does not enable it (it enables TLSv1.3,"
                + " TLSv1.2). TLSv1.0 is deprecated (RFC 8996) and off by default. To use it anyway, enable it in the"
                + " configuration, for example TlsConfig.builder().versions(ProtocolVersion.TLS13, ProtocolVersion.TLS10)"
                + " (tls4j client --versions TLSv1.0); tls4j does not fall back to another version",
                refusal("tlsv1.0://h:1", TLS13, TLS12));
        assertEquals("tlsv1.2:// asks for exactly TLSv1.2, but the configuration does not enable it (it enables TLSv1.3)."
                + " To use it anyway, enable it in the configuration, for example TlsConfig.builder().versions("
                + "ProtocolVersion.TLS13, ProtocolVersion.TLS12) (tls4j client --versions TLSv1.2); tls4j does not fall"
                + " back to another version", refusal("tlsv1.2://h:1", TLS13));
        assertEquals("sslv3:// asks for exactly SSLv3, which tls4j does not implement yet (SSL 2.0 and SSL 3.0 arrive in a"
                + " later release); nothing was sent, and tls4j does not fall back to another version",
                refusal("sslv3://h:1", TLS13, SSL3));
        assertEquals("sslv2:// asks for exactly SSLv2, which tls4j does not implement yet (SSL 2.0 and SSL 3.0 arrive in a"
                + " later release); nothing was sent, and tls4j does not fall back to another version",
                refusal("sslv2://h:1", TLS13));
        assertEquals("the configuration enables SSLv3 for ssl://, which tls4j does not implement yet (SSL 2.0 and SSL 3.0"
                + " arrive in a later release); nothing was sent, and tls4j does not fall back to another version",
                refusal("ssl://h:1", TLS13, SSL3));
        assertEquals("tls:// means TLSv1.0, TLSv1.1, TLSv1.2, TLSv1.3, but the configuration enables none of them (it"
                + " enables SSLv3): enable TLSv1.3 or TLSv1.2, or use ssl:// to offer exactly what the configuration enables",
                refusal("tls://h:1", SSL3));
        assertEquals("the configuration enables no protocol version, so tls:// has nothing to offer: enable at least TLSv1.3",
                refusal("tls://h:1"));
        assertEquals("tcp:// is a plain transport: it offers no SSL/TLS version; use tls:// (or ssl://) for TLS",
                refusal("tcp://h:1", TLS13));
        assertEquals("udp:// is a plain transport: it offers no SSL/TLS version; use tls:// (or ssl://) for TLS",
                refusal("udp://h:1", TLS13));
    }

    @Test
    void opensTcpWithinTheTimeout() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Transport t = Transport.parse("tcp://127.0.0.1:" + server.getLocalPort());
            try (Socket client = t.openSocket(5000); Socket accepted = server.accept()) {
                client.getOutputStream().write("ping".getBytes(StandardCharsets.US_ASCII));
                client.getOutputStream().flush();
                InputStream in = accepted.getInputStream();
                byte[] got = new byte[4];
                int n = 0;
                while (n < 4) {
                    int r = in.read(got, n, 4 - n);
                    assertTrue(r > 0);
                    n += r;
                }
                assertArrayEquals("ping".getBytes(StandardCharsets.US_ASCII), got);
            }
        }
    }

    @Test
    void refusedConnectionIsExplained() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        Transport t = Transport.parse("127.0.0.1:" + port);
        String m = assertThrows(TransportException.class, () -> t.openSocket(5000)).getMessage();
        assertTrue(m.startsWith("nothing accepts connections at tcp://127.0.0.1:" + port + " ("), m);
        assertTrue(m.endsWith("): check the host and the port"), m);
        assertEquals("cannot resolve the host 'no-such-host.invalid' of tcp://no-such-host.invalid:80: check its spelling"
                + " and the DNS", assertThrows(TransportException.class,
                        () -> Transport.parse("tcp://no-such-host.invalid:80").openSocket(5000)).getMessage());
    }

    @Test
    void secureSchemesAreOpenedByOpenNotOpenSocket() throws Exception {
        assertEquals("tls:// is a secure transport: open it with open(TlsConfig, timeout), which returns a TlsSocket,"
                + " or connect with tcp:// for plain TCP",
                assertThrows(TransportException.class, () -> Transport.parse("tls://127.0.0.1:1").openSocket(1000)).getMessage());
        assertEquals("udp:// is a datagram transport: open it with openPlainDatagram(), not as a socket",
                assertThrows(TransportException.class, () -> Transport.parse("udp://127.0.0.1:1").openSocket(1000)).getMessage());
        assertEquals("tcp:// is not a datagram transport: only udp:// opens as a plain DatagramSocket",
                assertThrows(TransportException.class, () -> Transport.parse("tcp://127.0.0.1:1").openPlainDatagram()).getMessage());
        assertEquals("the connect timeout is negative (-1 ms)",
                assertThrows(TransportException.class, () -> Transport.parse("tcp://127.0.0.1:1").openSocket(-1)).getMessage());
    }

    @Test
    void opensUdpAsAPlainConnectedDatagramSocket() throws Exception {
        try (DatagramSocket server = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            server.setSoTimeout(5000);
            try (DatagramSocket client = Transport.parse("udp://127.0.0.1:" + server.getLocalPort()).openPlainDatagram()) {
                assertTrue(client.isConnected());
                assertEquals(server.getLocalPort(), client.getPort());
                byte[] msg = "plain datagram".getBytes(StandardCharsets.US_ASCII);
                client.send(new DatagramPacket(msg, msg.length));
                DatagramPacket p = new DatagramPacket(new byte[64], 64);
                server.receive(p);
                assertEquals("plain datagram", new String(p.getData(), 0, p.getLength(), StandardCharsets.US_ASCII));
            }
        }
    }

    @Test
    void ipv6Loopback() throws Exception {
        Set<String> ok = Set.of("::1", "::", "1::", "::ffff:1.2.3.4", "1:2:3:4:5:6:1.2.3.4", "fe80::1%25", "A:b:C:d::");
        for (String s : ok) {
            assertNull(Transport.ipv6Problem(s), s);
        }
        for (String s : List.of(":1", "1:", "1:::2", "12345::", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7::8", "1.2.3.4::",
                "::1.2.3", "g::", "%eth0", "::1%e/0")) {
            assertTrue(Transport.ipv6Problem(s) != null, s);
        }
    }

    // ---- narrow: the configuration a secure scheme opens with ----

    private static final TlsConfig ALL = TestCerts.client().alpnProtocols("h2").versions(TLS10, TLS11, TLS12, TLS13).build();

    private static List<ProtocolVersion> narrowed(String url, TlsConfig config) throws TransportException {
        TlsConfig c = Transport.parse(url).narrow(config);
        assertSame(config.sessionCache(), c.sessionCache(), url + " keeps the session cache");
        assertEquals(config.serverName(), c.serverName());
        assertEquals(config.alpnProtocols(), c.alpnProtocols());
        assertEquals(config.trustAnchors(), c.trustAnchors());
        assertEquals(config.cipherSuites(), c.cipherSuites());
        assertEquals(config.tls12Config().suites(), c.tls12Config().suites());
        assertEquals(c.versions().contains(TLS13), c.tls12Config().tls13(), url);
        return c.versions();
    }

    @Test
    void eachSchemeNarrowsTheConfigurationToItsVersions() throws Exception {
        // ssl:// and tls:// take all four: nothing to narrow, the very same configuration
        assertEquals(List.of(TLS10, TLS11, TLS12, TLS13), narrowed("ssl://h:1", ALL));
        assertSame(ALL, Transport.parse("ssl://h:1").narrow(ALL));
        assertSame(ALL, Transport.parse("tls://h:1").narrow(ALL));
        assertEquals(List.of(TLS10), narrowed("tlsv1.0://h:1", ALL));
        assertEquals(List.of(TLS11), narrowed("tlsv1.1://h:1", ALL));
        assertEquals(List.of(TLS12), narrowed("tlsv1.2://h:1", ALL));
        assertEquals(List.of(TLS13), narrowed("tlsv1.3://h:1", ALL));
        assertEquals(List.of(TLS12), Transport.parse("tlsv1.2://h:1").narrow(ALL).tls12Config().versions());
        assertTrue(Transport.parse("tlsv1.3://h:1").narrow(ALL).tls12Config().versions().isEmpty());
        TlsConfig defaults = TestCerts.client().build();
        assertEquals(List.of(TLS13, TLS12), narrowed("tls://h:1", defaults));
        assertSame(defaults, Transport.parse("ssl://h:1").narrow(defaults), "nothing to narrow: the same object");
        assertEquals(List.of(TLS12), narrowed("tlsv1.2://h:1", defaults));
        assertEquals(List.of(TLS13), narrowed("tlsv1.3://h:1", defaults));
    }

    @Test
    void narrowRefusesWhatTheConfigurationLeavesOff() {
        TlsConfig defaults = TestCerts.client().build();
        assertEquals("tlsv1.0:// asks for exactly TLSv1.0, but the configuration does not enable it (it enables TLSv1.3,"
                + " TLSv1.2). TLSv1.0 is deprecated (RFC 8996) and off by default. To use it anyway, enable it in the"
                + " configuration, for example TlsConfig.builder().versions(ProtocolVersion.TLS13, ProtocolVersion.TLS10)"
                + " (tls4j client --versions TLSv1.0); tls4j does not fall back to another version",
                assertThrows(TransportException.class, () -> Transport.parse("tlsv1.0://h:1").narrow(defaults)).getMessage());
        assertEquals("tlsv1.1:// asks for exactly TLSv1.1, but the configuration does not enable it (it enables TLSv1.3,"
                + " TLSv1.2). TLSv1.1 is deprecated (RFC 8996) and off by default. To use it anyway, enable it in the"
                + " configuration, for example TlsConfig.builder().versions(ProtocolVersion.TLS13, ProtocolVersion.TLS11)"
                + " (tls4j client --versions TLSv1.1); tls4j does not fall back to another version",
                assertThrows(TransportException.class, () -> Transport.parse("tlsv1.1://h:1").narrow(defaults)).getMessage());
        assertEquals("sslv3:// asks for exactly SSLv3, which tls4j does not implement yet (SSL 2.0 and SSL 3.0 arrive in a"
                + " later release); nothing was sent, and tls4j does not fall back to another version",
                assertThrows(TransportException.class, () -> Transport.parse("sslv3://h:1").narrow(ALL)).getMessage());
        assertEquals("no TlsConfig given: use TlsConfig.builder().build() for the defaults",
                assertThrows(TransportException.class, () -> Transport.parse("tls://h:1").narrow(null)).getMessage());
    }

    /** Only AEAD suites for TLS 1.0-1.2: fine for TLS 1.2, unusable in TLS 1.0 (RFC 5288 suites need TLS 1.2). */
    @Test
    void suitesThatDoNotFitTheNarrowedVersionsAreExplained() throws Exception {
        TlsConfig aeadOnly = TestCerts.client().versions(TLS13, TLS12, TLS10)
                .tls12CipherSuites(org.tls4j.handshake.CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256).build();
        assertEquals(List.of(TLS12), narrowed("tlsv1.2://h:1", aeadOnly));
        assertEquals("tlsv1.0:// narrows the configuration to TLSv1.0, but that does not work with the rest of it (none of"
                + " the enabled cipher suites can be used in [TLSv1.0] (AEAD and SHA-256/384 suites need TLS 1.2));"
                + " enable TLS 1.0-1.2 suites that TLSv1.0 can use with TlsConfig.builder().tls12CipherSuites(...), or"
                + " use another scheme; nothing was sent",
                assertThrows(TransportException.class, () -> Transport.parse("tlsv1.0://h:1").narrow(aeadOnly)).getMessage());
    }

    /** sslv2:// and sslv3:// never reach the network: the listener sees no connection. */
    @Test
    void sslSchemesFailBeforeConnecting() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            for (String scheme : List.of("sslv2", "sslv3")) {
                TransportException e = assertThrows(TransportException.class, () -> Transport
                        .parse(scheme + "://127.0.0.1:" + listener.getLocalPort()).open(ALL, 5000));
                assertTrue(e.getMessage().contains("which tls4j does not implement yet"), e.getMessage());
            }
            TransportException e = assertThrows(TransportException.class, () -> Transport
                    .parse("tlsv1.0://127.0.0.1:" + listener.getLocalPort()).open(TestCerts.client().build(), 5000));
            assertTrue(e.getMessage().startsWith("tlsv1.0:// asks for exactly TLSv1.0, but the configuration does not"
                    + " enable it"), e.getMessage());
            listener.setSoTimeout(300);
            assertThrows(java.net.SocketTimeoutException.class, listener::accept, "no connection was made");
        }
    }

    @Test
    void withVersionsKeepsEverythingElse() {
        TlsConfig c = ALL.withVersions(TLS12);
        assertEquals(List.of(TLS12), c.versions());
        assertSame(ALL.sessionCache(), c.sessionCache());
        assertSame(ALL.randomSource(), c.randomSource());
        assertEquals(ALL.alpnProtocols(), c.alpnProtocols());
        assertEquals(List.of(TLS13, TLS10), ALL.withVersions(TLS13, TLS10).versions());
        assertEquals("at least one version", assertThrows(IllegalArgumentException.class, ALL::withVersions).getMessage());
        assertEquals("SSLv3 is not supported: TLS 1.0 to 1.3 only (SSL 3.0: RFC 7568)",
                assertThrows(IllegalArgumentException.class, () -> ALL.withVersions(SSL3)).getMessage());
    }
}
