package org.tls4j.cli;

import java.io.InputStream;
import java.io.PrintStream;

/** The standard streams a command uses: the process's own, or a test's. */
final class Io {
    final InputStream in;
    final PrintStream out;
    final PrintStream err;

    Io(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    static Io system() {
        return new Io(System.in, System.out, System.err);
    }
}
