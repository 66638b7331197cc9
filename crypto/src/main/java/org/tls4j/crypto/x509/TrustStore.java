package org.tls4j.crypto.x509;

import java.io.File;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import org.tls4j.crypto.asn1.DerException;
import org.tls4j.crypto.pem.Pem;

/**
 * Where default trust anchors come from: the operating system's CA bundle, a PEM file of certificates.
 * The file is {@code $SSL_CERT_FILE} when that environment variable is set (OpenSSL's convention),
 * else Debian's {@code /etc/ssl/certs/ca-certificates.crt} (package ca-certificates).
 */
public final class TrustStore {
    private TrustStore() {}

    /** The bundle file that {@link #system()} reads, or null when none exists. */
    public static File systemBundle() {
        String env = System.getenv("SSL_CERT_FILE");
        File f = env != null && !env.isEmpty() ? new File(env) : new File(Pem.DEBIAN_CA_BUNDLE);
        return f.isFile() ? f : null;
    }

    /**
     * The system's trust anchors, or an empty list when there is no bundle (the caller must then
     * configure anchors explicitly: an empty list trusts nothing).
     */
    public static List<Certificate> system() throws IOException, DerException {
        File f = systemBundle();
        if (f == null) {
            return Collections.emptyList();
        }
        return Collections.unmodifiableList(Pem.certificates(f));
    }

    /** The certificates of a PEM file, as trust anchors. */
    public static List<Certificate> fromPemFile(File f) throws IOException, DerException {
        return Collections.unmodifiableList(Pem.certificates(f));
    }
}
