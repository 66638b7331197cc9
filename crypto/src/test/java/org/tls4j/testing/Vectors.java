package org.tls4j.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Finds the shared test vectors ({@code ../shared/vectors} beside the repository).
 *
 * <p>The parent pom passes the absolute path as the system property {@code tls4j.vectors}. A test
 * that needs vectors calls {@link #file(String)}: a missing folder or file fails the test with a
 * message that says where it looked. It never skips and never passes silently.
 */
public final class Vectors {
    public static final String PROPERTY = "tls4j.vectors";

    private Vectors() {}

    /** The vectors folder; fails (AssertionError) when the property is unset or the folder is missing. */
    public static Path dir() {
        String p = System.getProperty(PROPERTY);
        if (p == null || p.isEmpty()) {
            throw new AssertionError("system property " + PROPERTY + " is not set: run the tests through"
                    + " Maven (the parent pom sets it to ../shared/vectors beside the repository)");
        }
        Path d = Paths.get(p).toAbsolutePath().normalize();
        if (!Files.isDirectory(d)) {
            throw new AssertionError("test vectors folder not found at " + d + " (" + PROPERTY + "=" + p
                    + "); the shared vectors must sit at ../shared/vectors beside the repository");
        }
        return d;
    }

    /** A file under the vectors folder, e.g. {@code "wycheproof/aes_gcm_test.json"}; fails when missing. */
    public static Path file(String relative) {
        Path f = dir().resolve(relative);
        if (!Files.isRegularFile(f)) {
            throw new AssertionError("test vector file missing: " + f);
        }
        return f;
    }

    /** The whole text of a vector file (UTF-8). */
    public static String text(String relative) {
        try {
            return new String(Files.readAllBytes(file(relative)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read test vector file " + relative, e);
        }
    }
}
