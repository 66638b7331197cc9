package org.tls4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tls4j.handshake.CipherSuite;
import org.tls4j.handshake.NamedGroup;
import org.tls4j.record.ProtocolVersion;

/** Argument parsing of {@code tls4j client} and {@code tls4j server}; no network. */
class CliArgumentsTest {
    record Run(int rc, String out, String err) {}

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = Main.run(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Run(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void endpoints() {
        Endpoint e = Endpoint.parse("tls://example.com:443");
        assertEquals("example.com", e.host);
        assertEquals(443, e.port);
        assertTrue(!e.isIpLiteral());
        Endpoint v6 = Endpoint.parse("tls://[::1]:8443");
        assertEquals("::1", v6.host);
        assertEquals(8443, v6.port);
        assertTrue(v6.isIpLiteral());
        assertTrue(Endpoint.parse("TLS://127.0.0.1:1/").isIpLiteral());
        for (String bad : List.of("https://a:1", "tls://a", "tls://:1", "tls://a:0", "tls://a:65536", "tls://a:x",
                "tls://[::1]", "tls://::1:5", "tls://u@a:1")) {
            assertThrows(IllegalArgumentException.class, () -> Endpoint.parse(bad), bad);
        }
    }

    @Test
    void names() {
        assertEquals(List.of(CipherSuite.TLS_AES_256_GCM_SHA384, CipherSuite.TLS_AES_128_CCM_8_SHA256),
                ParameterNames.suites("tls_aes_256_gcm_sha384,TLS_AES_128_CCM_8_SHA256"));
        List<NamedGroup> g = ParameterNames.groups("X25519:P-256,secp384r1,ffdhe2048");
        assertEquals(List.of("x25519", "secp256r1", "secp384r1", "ffdhe2048"), g.stream().map(NamedGroup::name).toList());
        assertEquals(List.of(ProtocolVersion.TLS13), ParameterNames.versions("TLSv1.3"));
        assertEquals(List.of("h2", "http/1.1"), ParameterNames.alpn("h2,http/1.1"));
        assertThrows(IllegalArgumentException.class, () -> ParameterNames.groups("curve9999"));
        assertThrows(IllegalArgumentException.class, () -> ParameterNames.suites("TLS_FAKE"));
        assertThrows(IllegalArgumentException.class, () -> ParameterNames.versions("1.7"));
        assertThrows(IllegalArgumentException.class, () -> ParameterNames.alpn("h2,,x"));
    }

    @Test
    void badArgumentsExitTwoWithTheReason() {
        Run r = run("client", "http://localhost:443");
        assertEquals(2, r.rc(), r.toString());
        assertTrue(r.err().contains("expected tls://HOST:PORT"), r.err());
        r = run("client", "tls://localhost:443", "--groups", "curve9999");
        assertEquals(2, r.rc());
        assertTrue(r.err().contains("unknown group 'curve9999'"), r.err());
        r = run("server", "--cert", "/nonexistent.pem");
        assertEquals(2, r.rc());
        assertTrue(r.err().contains("--cert and --key go together"), r.err());
    }

    @Test
    void helpListsTheCommands() {
        Run r = run("--help");
        assertEquals(0, r.rc());
        assertTrue(r.out().contains("client") && r.out().contains("server") && r.out().contains("demo"), r.out());
        r = run("client", "--help");
        for (String flag : List.of("--cafile", "--servername", "--insecure", "--alpn", "--versions", "--ciphers", "--groups")) {
            assertTrue(r.out().contains(flag), flag + " in\n" + r.out());
        }
        r = run("server", "--help");
        for (String flag : List.of("--port", "--cert", "--key", "--http", "--bind", "--alpn", "--versions", "--ciphers", "--groups")) {
            assertTrue(r.out().contains(flag), flag + " in\n" + r.out());
        }
    }
}
