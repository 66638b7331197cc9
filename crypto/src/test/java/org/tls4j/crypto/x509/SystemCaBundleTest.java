package org.tls4j.crypto.x509;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.tls4j.crypto.asn1.DerException;
import org.tls4j.crypto.pem.Pem;
import org.tls4j.crypto.pem.PemBlock;
import org.tls4j.testing.Peers;

/** Every certificate of the system CA bundle parses; failures are listed with their reason. */
class SystemCaBundleTest {
    @Test
    void wholeSystemBundleParses() throws Exception {
        File f = new File(Pem.DEBIAN_CA_BUNDLE);
        if (!f.isFile()) {
            String why = f + " is missing (Debian package ca-certificates)";
            if (Peers.required()) {
                throw new AssertionError(why + " and -Dtls4j.requirePeers=true");
            }
            System.out.println("SKIPPED: " + why);
            Assumptions.abort(why);
        }
        List<PemBlock> blocks = Pem.decode(Pem.read(f));
        List<String> failures = new ArrayList<>();
        int parsed = 0;
        int v1 = 0;
        for (PemBlock b : blocks) {
            assertEquals("CERTIFICATE", b.label());
            try {
                Certificate c = Certificate.parse(b.data());
                parsed++;
                if (c.version() == 1) {
                    v1++;
                }
                assertTrue(c.unknownCriticalExtensions().isEmpty(), () -> c + " has unknown critical extensions "
                        + c.unknownCriticalExtensions());
                // Round trip: the subject's RFC 4514 string is computable and non-empty.
                assertTrue(!c.subject().toString().isEmpty());
            } catch (DerException e) {
                failures.add(e.getMessage());
            }
        }
        System.out.println("system CA bundle " + f + ": " + blocks.size() + " certificates, " + parsed + " parsed, " + v1
                + " v1, failures: " + failures);
        assertTrue(failures.isEmpty(), "failures: " + failures);
        assertTrue(parsed > 0);
        if (System.getenv("SSL_CERT_FILE") == null) {
            assertEquals(parsed, TrustStore.system().size(), "TrustStore.system() reads the same bundle");
        }
    }
}
