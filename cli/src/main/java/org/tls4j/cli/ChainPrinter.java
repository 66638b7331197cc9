package org.tls4j.cli;

import java.io.PrintStream;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.tls4j.crypto.hash.Sha256;
import org.tls4j.crypto.x509.Certificate;

/** Prints certificates the way {@code tls4j client} and {@code tls4j server} show them. */
final class ChainPrinter {
    private ChainPrinter() {}

    /** The SHA-256 of the DER encoding as colon-separated upper-case hex (what {@code openssl x509 -fingerprint -sha256} prints). */
    static String fingerprint(Certificate c) {
        Sha256 h = new Sha256();
        byte[] der = c.encoded();
        h.update(der, 0, der.length);
        byte[] d = h.digest();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < d.length; i++) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(String.format("%02X", d[i] & 0xff));
        }
        return sb.toString();
    }

    static void print(PrintStream out, List<Certificate> chain) {
        SimpleDateFormat f = new SimpleDateFormat("yyyy-MM-dd HH:mm:ss 'UTC'");
        f.setTimeZone(TimeZone.getTimeZone("UTC"));
        for (int i = 0; i < chain.size(); i++) {
            Certificate c = chain.get(i);
            out.printf("  %d s: %s%n", i, c.subject());
            out.printf("    i: %s%n", c.issuer());
            out.printf("    key: %s, signed with %s%n", c.publicKey(), c.signatureAlgorithm().name());
            out.printf("    valid: %s .. %s%n", f.format(new Date(c.notBefore() * 1000)), f.format(new Date(c.notAfter() * 1000)));
            out.printf("    sha256: %s%n", fingerprint(c));
        }
    }
}
