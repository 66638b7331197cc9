package org.tls4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DemoCommandTest {
    @Test
    void demoReportsEveryLayerAndPretendsNothing() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int rc = DemoCommand.report(new PrintStream(buf, true, StandardCharsets.UTF_8));
        String out = buf.toString(StandardCharsets.UTF_8);
        assertEquals(0, rc);
        for (Layers.Layer l : Layers.ALL) {
            assertTrue(out.contains(l.marker), out);
            assertTrue(out.contains(l.isPresent() ? "built" : "not yet"), out);
        }
        boolean all = true;
        for (Layers.Layer l : Layers.ALL) {
            all &= l.isPresent();
        }
        if (!all) {
            assertTrue(out.contains("does not pretend"), out);
            return;
        }
        // every layer is built: the demo runs a real in-process TLS 1.3 handshake and exchange
        for (String want : new String[] {"handshake complete", "version:          TLSv1.3",
                "signature scheme: ed25519 (0x0807)", "ALPN:             demo/1", "server name:      demo.tls4j.test",
                "0 s: CN=demo.tls4j.test", "1 s: CN=tls4j Demo CA", "client -> server", "server -> client",
                "validation:       OK",
                "server received: hello from the tls4j client", "client received: hello from the tls4j server",
                "server's unwrap: CLOSED"}) {
            assertTrue(out.contains(want), want + " in\n" + out);
        }
        // every message of the TLS 1.3 handshake, in order, each with its section and decoded fields
        String[] messages = {"-> sent ClientHello  [RFC 8446, Section 4.1.2", "<- received ServerHello  [RFC 8446, Section 4.1.3",
                "<- received EncryptedExtensions  [RFC 8446, Section 4.3.1", "<- received Certificate  [RFC 8446, Section 4.4.2",
                "<- received CertificateVerify  [RFC 8446, Section 4.4.3", "<- received Finished  [RFC 8446, Section 4.4.4",
                "-> sent Finished  [RFC 8446, Section 4.4.4"};
        int at = 0;
        for (String m : messages) {
            int i = out.indexOf(m, at);
            assertTrue(i >= 0, m + " after position " + at + " in\n" + out);
            at = i + 1;
        }
        for (String field : new String[] {"     cipher_suites: TLS_AES_128_GCM_SHA256 (0x1301), ",
                "         server_name_list: host_name (0) \"demo.tls4j.test\"", "             group: x25519 (0x001d)",
                "     cipher_suite: TLS_AES_128_GCM_SHA256 (0x1301)", "         selected_version: TLSv1.3 (0x0304)",
                "         protocol_name_list: \"demo/1\"", "           subject: CN=demo.tls4j.test",
                "     algorithm: ed25519 (0x0807)", "     signature: 64 bytes: ", "     verify_data: 32 bytes: "}) {
            assertTrue(out.contains(field), field + " in\n" + out);
        }
        // the key schedule, with RFC 8446 labels, and no secret value without --trace-secrets
        for (String step : new String[] {"HKDF-Extract(0 (no PSK)) = Early Secret (32 bytes)",
                "Derive-Secret(Early Secret, \"derived\")", "HKDF-Extract((EC)DHE shared secret) = Handshake Secret",
                "Derive-Secret(Handshake Secret, \"c hs traffic\") = client_handshake_traffic_secret (32 bytes)",
                "Derive-Secret(Handshake Secret, \"s hs traffic\")", "HKDF-Extract(0) = Master Secret",
                "Derive-Secret(Master Secret, \"c ap traffic\")", "Derive-Secret(Master Secret, \"s ap traffic\")",
                "Derive-Secret(Master Secret, \"exp master\")", "\"finished\") = finished_key",
                "(server handshake traffic secret, \"key\") = server handshake write_key (16 bytes)"}) {
            assertTrue(out.contains(step), step + " in\n" + out);
        }
        assertTrue(!out.contains("SECRET "), out);
    }

    /** With --trace-secrets the values appear, after a warning; with --json every line is one JSON object. */
    @Test
    void secretsAndJson() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream p = new PrintStream(buf, true, StandardCharsets.UTF_8);
        assertEquals(0, DemoCommand.report(p, new Tracer(p, false, Tracer.Level.NORMAL, true, null, "")));
        String out = buf.toString(StandardCharsets.UTF_8);
        int warn = out.indexOf("WARNING: --trace-secrets");
        assertTrue(warn >= 0, out);
        assertTrue(out.matches("(?s).*\"c hs traffic\"\\) = client_handshake_traffic_secret \\(32 bytes\\)  \\[RFC 8446, Section 7.1\\]\n"
                + "     SECRET [0-9a-f]{64}\n.*"), out);
        assertTrue(warn < out.indexOf("SECRET "), out);

        buf.reset();
        assertEquals(0, DemoCommand.report(p, new Tracer(p, true, Tracer.Level.NORMAL, false, null, "")));
        String json = buf.toString(StandardCharsets.UTF_8);
        java.util.List<String> events = new java.util.ArrayList<>();
        for (String line : json.split("\n")) {
            com.google.gson.JsonObject o = com.google.gson.JsonParser.parseString(line).getAsJsonObject();
            events.add(o.get("event").getAsString()
                    + (o.has("message") && o.get("event").getAsString().equals("handshake_message")
                            ? ":" + o.get("direction").getAsString() + ":" + o.get("message").getAsString() : ""));
        }
        for (String e : new String[] {"handshake_message:sent:ClientHello", "handshake_message:received:ServerHello",
                "handshake_message:received:EncryptedExtensions", "handshake_message:received:Certificate",
                "handshake_message:received:CertificateVerify", "handshake_message:received:Finished",
                "handshake_message:sent:Finished", "key_schedule", "state", "negotiated", "certificate", "validation",
                "application_data", "closed"}) {
            assertTrue(events.contains(e), e + " in " + events);
        }
    }

    @Test
    void helpExitsZero() {
        assertEquals(0, Main.run("--help"));
    }
}
