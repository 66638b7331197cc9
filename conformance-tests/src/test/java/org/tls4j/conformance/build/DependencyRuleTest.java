package org.tls4j.conformance.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Library modules reference nothing of javax.crypto, javax.net.ssl or java.security but SecureRandom. */
class DependencyRuleTest {

    private static Path root() {
        String r = System.getProperty("tls4j.root");
        if (r == null) {
            fail("system property tls4j.root is not set: run through Maven");
        }
        return Paths.get(r).toAbsolutePath().normalize();
    }

    @Test
    void libraryClassesUseNoJcaOrJsse() throws IOException {
        List<String> all = new ArrayList<>();
        int checkedModules = 0;
        for (String module : DependencyRule.LIBRARY_MODULES) {
            Path src = root().resolve(module).resolve("src/main/java");
            Path classes = root().resolve(module).resolve("target/classes");
            if (!Files.isDirectory(src)) {
                continue;
            }
            boolean hasSources;
            try (java.util.stream.Stream<Path> s = Files.walk(src)) {
                hasSources = s.anyMatch(p -> p.toString().endsWith(".java"));
            }
            if (!hasSources) {
                continue;
            }
            assertTrue(Files.isDirectory(classes), module + " has sources but no compiled classes at " + classes);
            List<String> v = DependencyRule.violations(classes);
            long n;
            try (java.util.stream.Stream<Path> s = Files.walk(classes)) {
                n = s.filter(p -> p.toString().endsWith(".class")).count();
            }
            System.out.printf("dependency rule: %-13s %4d classes checked, %d violations%n", module, n, v.size());
            all.addAll(v);
            checkedModules++;
        }
        assertTrue(checkedModules > 0, "no library module had compiled classes to check");
        if (!all.isEmpty()) {
            fail("library code must not use the JCA or JSSE (SecureRandom alone is allowed):\n  "
                    + String.join("\n  ", all));
        }
    }

    @Test
    void thePlantedViolationIsCaughtAndNamed() throws IOException {
        byte[] planted;
        try (InputStream in = DependencyRuleTest.class.getResourceAsStream("planted/PlantedViolation.class")) {
            assertTrue(in != null, "planted class file not found");
            planted = in.readAllBytes();
        }
        List<String> v = DependencyRule.violations(planted);
        String who = "org.tls4j.conformance.build.planted.PlantedViolation";
        assertTrue(v.contains(who + " -> javax.crypto.Cipher"), v.toString());
        assertTrue(v.contains(who + " -> javax.crypto.spec.SecretKeySpec"), v.toString());
        assertTrue(v.contains(who + " -> java.security.MessageDigest"), "descriptor-only reference: " + v);
        assertFalse(v.contains(who + " -> java.security.SecureRandom"), "SecureRandom is allowed: " + v);
    }

    @Test
    void theRuleItself() {
        assertTrue(DependencyRule.forbidden("javax.net.ssl.SSLEngine"));
        assertTrue(DependencyRule.forbidden("java.security.Signature"));
        assertTrue(DependencyRule.forbidden("java.security.cert.X509Certificate"));
        assertFalse(DependencyRule.forbidden("java.security.SecureRandom"));
        assertFalse(DependencyRule.forbidden("java.securityx.Foo"));
        assertFalse(DependencyRule.forbidden("java.lang.String"));
        assertEquals(5, DependencyRule.LIBRARY_MODULES.length);
    }
}
