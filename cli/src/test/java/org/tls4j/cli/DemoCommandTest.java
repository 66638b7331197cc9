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
                "signature scheme: ed25519", "ALPN:             demo/1", "server name:      demo.tls4j.test",
                "0 s: CN=demo.tls4j.test", "1 s: CN=tls4j Demo CA", "client -> server", "server -> client",
                "server received: hello from the tls4j client", "client received: hello from the tls4j server",
                "server's unwrap: CLOSED"}) {
            assertTrue(out.contains(want), want + " in\n" + out);
        }
    }

    @Test
    void helpExitsZero() {
        assertEquals(0, Main.run("--help"));
    }
}
