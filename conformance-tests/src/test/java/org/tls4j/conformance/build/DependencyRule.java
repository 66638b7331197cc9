package org.tls4j.conformance.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The rule that keeps tls4j free of the JCA and JSSE: library classes may reference nothing in
 * {@code javax.crypto}, {@code javax.net.ssl} or {@code java.security}, except
 * {@code java.security.SecureRandom} (the one seed source the DRBG uses).
 */
final class DependencyRule {
    /** Library modules, in dependency order; their compiled classes are checked. */
    static final String[] LIBRARY_MODULES = {"crypto", "record-layer", "handshake", "engine", "cli"};

    private DependencyRule() {}

    /** True when a referenced class is forbidden in library code. */
    static boolean forbidden(String className) {
        if (className.equals("java.security.SecureRandom")) {
            return false;
        }
        return className.startsWith("javax.crypto.") || className.startsWith("javax.net.ssl.")
                || className.startsWith("java.security.");
    }

    /** Every violation in one class file, as {@code "org.x.Y -> javax.crypto.Cipher"}. */
    static List<String> violations(byte[] classFile) throws IOException {
        ClassReferences.Result r = ClassReferences.read(classFile);
        List<String> out = new ArrayList<>();
        for (String ref : r.references) {
            if (forbidden(ref)) {
                out.add(r.thisClass + " -> " + ref);
            }
        }
        return out;
    }

    /** Every violation in the class files under {@code classesDir}. */
    static List<String> violations(Path classesDir) throws IOException {
        List<String> out = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(classesDir)) {
            files = s.filter(p -> p.toString().endsWith(".class")).sorted().collect(Collectors.toList());
        }
        for (Path p : files) {
            out.addAll(violations(Files.readAllBytes(p)));
        }
        return out;
    }
}
