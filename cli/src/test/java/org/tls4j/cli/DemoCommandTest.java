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
        }
    }

    @Test
    void helpExitsZero() {
        assertEquals(0, Main.run("--help"));
    }
}
