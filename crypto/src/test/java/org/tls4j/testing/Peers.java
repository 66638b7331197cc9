package org.tls4j.testing;

import java.io.File;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds external programs that tests talk to (openssl, gnutls-cli, gnutls-serv, ...).
 *
 * <p>Locally a missing peer skips the test with a printed reason. In CI ({@code -Dtls4j.requirePeers=true},
 * set by {@code .ci/run}) a missing peer fails the test: CI must install every peer it claims to test.
 */
public final class Peers {
    private Peers() {}

    public static boolean required() {
        return Boolean.getBoolean("tls4j.requirePeers");
    }

    /** The absolute path of {@code program} on the PATH, if any. */
    public static Optional<File> find(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            File f = new File(dir, program);
            if (f.isFile() && f.canExecute()) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /**
     * The program's path; when it is missing, fails in CI and skips (with the reason printed) elsewhere.
     * {@code debianPackage} names what to install.
     */
    public static File require(String program, String debianPackage) {
        Optional<File> f = find(program);
        if (f.isPresent()) {
            return f.get();
        }
        String why = "external peer '" + program + "' not found on PATH (Debian package " + debianPackage
                + "; .ci/run installs it)";
        if (required()) {
            throw new AssertionError(why + " and -Dtls4j.requirePeers=true: failing instead of skipping");
        }
        System.out.println("SKIPPED: " + why);
        Assumptions.abort(why);
        throw new AssertionError("unreachable");
    }
}
