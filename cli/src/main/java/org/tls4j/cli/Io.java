package org.tls4j.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/** The standard streams and environment a command uses: the process's own, or a test's. */
final class Io {
    final InputStream in;
    final PrintStream out;
    final PrintStream err;
    /** The environment (SSLKEYLOGFILE is read from here). */
    final Map<String, String> env;

    Io(InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.env = env;
    }

    static Io system() {
        return new Io(System.in, System.out, System.err, System.getenv());
    }
}
