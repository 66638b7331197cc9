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

    /** URLs are Transport URLs; what each scheme means for the client is refused before connecting when wrong. */
    @Test
    void urlsAndSchemes() {
        Run r = run("client", "tcp://localhost:25");
        assertEquals(2, r.rc(), r.toString());
        assertTrue(r.err().contains("tcp:// is a plain transport: use tls://localhost:25, or add --starttls PROTOCOL"), r.err());
        r = run("client", "tls://localhost:25", "--starttls", "smtp");
        assertEquals(2, r.rc(), r.toString());
        assertTrue(r.err().contains("--starttls upgrades a plain connection: give tcp://localhost:25"), r.err());
        r = run("client", "localhost:25", "--starttls", "gopher");
        assertEquals(2, r.rc(), r.toString());
        assertTrue(r.err().contains("unknown STARTTLS protocol 'gopher'"), r.err());
        for (String v : List.of("sslv2", "sslv3")) {
            r = run("client", v + "://127.0.0.1:1");
            assertEquals(2, r.rc(), r.toString());
            assertTrue(r.err().contains("does not implement yet"), r.err());
            assertTrue(r.err().contains("does not fall back"), r.err());
        }
        r = run("client", "tls://localhost");
        assertEquals(2, r.rc(), r.toString());
        assertTrue(r.err().contains("port"), r.err());
        r = run("client", "gopher://localhost:70");
        assertEquals(2, r.rc(), r.toString());
        assertTrue(r.err().contains("gopher"), r.err());
        // tlsv1.2:// means exactly TLS 1.2: the engine either refuses the version (its message, exit 2, nothing
        // sent) or, where it speaks 1.2, tries exactly that version (port 1 refuses the connection: exit 1)
        for (String[] a : List.of(new String[] {"client", "tlsv1.2://127.0.0.1:1"},
                new String[] {"client", "tls://127.0.0.1:1", "--versions", "1.2"})) {
            r = run(a);
            assertTrue(r.rc() == 2 && r.err().contains("TLSv1.2 is not implemented yet")
                    || r.rc() == 1 && r.err().contains("failed"), r.toString());
        }
        // an exact-version scheme and --versions that disagree
        r = run("client", "tlsv1.3://127.0.0.1:1", "--versions", "1.3,1.2");
        assertEquals(2, r.rc(), r.toString());
    }

    @Test
    void names() {
        assertEquals(List.of(CipherSuite.TLS_AES_256_GCM_SHA384, CipherSuite.TLS_AES_128_CCM_8_SHA256),
                ParameterNames.suites("tls_aes_256_gcm_sha384,TLS_AES_128_CCM_8_SHA256"));
        List<NamedGroup> g = ParameterNames.groups("X25519:P-256,secp384r1,ffdhe2048");
        assertEquals(List.of("x25519", "secp256r1", "secp384r1", "ffdhe2048"), g.stream().map(NamedGroup::name).toList());
        assertEquals(List.of(ProtocolVersion.TLS13), ParameterNames.versions("TLSv1.3"));
        assertEquals(List.of(ProtocolVersion.TLS13, ProtocolVersion.TLS12, ProtocolVersion.TLS11, ProtocolVersion.TLS10),
                ParameterNames.versions("1.3,tls1.2,TLSv1.1,1.0"));
        assertEquals(List.of("h2", "http/1.1"), ParameterNames.alpn("h2,http/1.1"));
        assertThrows(IllegalArgumentException.class, () -> ParameterNames.groups("curve9999"));
        assertThrows(IllegalArgumentException.class, () -> ParameterNames.suites("TLS_FAKE"));
        assertThrows(IllegalArgumentException.class, () -> ParameterNames.versions("1.7"));
        assertThrows(IllegalArgumentException.class, () -> ParameterNames.alpn("h2,,x"));
    }

    @Test
    void badArgumentsExitTwoWithTheReason() {
        Run r = run("client", "tls://localhost:443", "--groups", "curve9999");
        assertEquals(2, r.rc());
        assertTrue(r.err().contains("unknown group 'curve9999'"), r.err());
        r = run("server", "--cert", "/nonexistent.pem");
        assertEquals(2, r.rc());
        assertTrue(r.err().contains("--cert and --key go together"), r.err());
        r = run("server", "--verify-client", "sometimes");
        assertEquals(2, r.rc());
        assertTrue(r.err().contains("--verify-client takes optional or required"), r.err());
        r = run("server", "--verify-client", "required");
        assertEquals(2, r.rc());
        assertTrue(r.err().contains("--verify-client needs --client-cafile"), r.err());
        r = run("client", "tls://localhost:443", "--quiet", "--trace");
        assertEquals(2, r.rc());
        assertTrue(r.err().contains("--quiet contradicts --trace"), r.err());
        r = run("client", "tls://localhost:443", "--groups", "curve9999", "--json");
        assertEquals(2, r.rc());
        assertEquals("{\"event\":\"error\",\"message\":\"unknown group 'curve9999' (known: ", r.err().substring(0, 62), r.err());
        assertTrue(r.err().trim().endsWith("\",\"exit_code\":2}"), r.err());
        r = run("client", "tls://localhost:443", "--versions", "1.7");
        assertEquals(2, r.rc());
        assertTrue(r.err().contains("--versions takes 1.0, 1.1, 1.2, 1.3"), r.err());
    }

    @Test
    void helpListsTheCommands() {
        Run r = run("--help");
        assertEquals(0, r.rc());
        assertTrue(r.out().contains("client") && r.out().contains("server") && r.out().contains("demo"), r.out());
        r = run("client", "--help");
        for (String flag : List.of("--cafile", "--servername", "--insecure", "--alpn", "--versions", "--ciphers", "--groups",
                "--sigalgs", "--starttls", "--cert", "--key", "--keylog", "--trace", "--quiet", "--json", "--trace-secrets")) {
            assertTrue(r.out().contains(flag), flag + " in\n" + r.out());
        }
        r = run("server", "--help");
        for (String flag : List.of("--port", "--cert", "--key", "--http", "--bind", "--alpn", "--versions", "--ciphers", "--groups",
                "--sigalgs", "--verify-client", "--client-cafile", "--keylog", "--json")) {
            assertTrue(r.out().contains(flag), flag + " in\n" + r.out());
        }
    }
}
