package org.tls4j.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code tls4j demo}: an in-process client and server with a generated PKI, printing the traced
 * handshake. Until the engine exists it reports which layers are built and says plainly that no
 * handshake can run yet.
 */
@Command(name = "demo", description = "Run an in-process TLS handshake and show every step (when the engine exists).")
public final class DemoCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        return report(System.out);
    }

    static int report(PrintStream out) {
        out.println("tls4j demo: the layers built so far");
        boolean all = true;
        for (Layers.Layer l : Layers.ALL) {
            boolean present = l.isPresent();
            all &= present;
            out.printf("  %-26s %-40s %s%n", l.name, l.marker, present ? "built" : "not yet");
        }
        if (!all) {
            out.println();
            out.println("No handshake can run until every layer above is built; this demo does not pretend to.");
        }
        return 0;
    }
}
