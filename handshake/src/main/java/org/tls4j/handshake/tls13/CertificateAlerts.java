package org.tls4j.handshake.tls13;

import java.util.EnumMap;
import java.util.Map;

import org.tls4j.crypto.x509.CertificateRejectedException;
import org.tls4j.crypto.x509.CertificateRejectedException.Reason;
import org.tls4j.record.AlertDescription;
import org.tls4j.record.TlsAlert;

/**
 * The one table from a certificate rejection to the alert sent (RFC 8446, Section 6.2):
 *
 * <pre>
 * MALFORMED                                        bad_certificate
 * EXPIRED, NOT_YET_VALID                           certificate_expired
 * UNTRUSTED, LOOP, CHAIN_TOO_LONG                  unknown_ca
 * BAD_SIGNATURE                                    bad_certificate
 * UNSUPPORTED_ALGORITHM, UNKNOWN_CRITICAL_EXTENSION,
 *   KEY_USAGE, EXTENDED_KEY_USAGE                  unsupported_certificate
 * WEAK_ALGORITHM, NOT_A_CA, PATH_LENGTH_EXCEEDED,
 *   NAME_CONSTRAINTS, HOSTNAME_MISMATCH            bad_certificate
 * </pre>
 *
 * A reason missing from the table (added later to the certificates code) gives certificate_unknown,
 * which RFC 8446 defines as "some other (unspecified) issue".
 */
public final class CertificateAlerts {
    private static final Map<Reason, AlertDescription> TABLE = new EnumMap<Reason, AlertDescription>(Reason.class);

    static {
        TABLE.put(Reason.MALFORMED, AlertDescription.BAD_CERTIFICATE);
        TABLE.put(Reason.EXPIRED, AlertDescription.CERTIFICATE_EXPIRED);
        TABLE.put(Reason.NOT_YET_VALID, AlertDescription.CERTIFICATE_EXPIRED);
        TABLE.put(Reason.UNTRUSTED, AlertDescription.UNKNOWN_CA);
        TABLE.put(Reason.LOOP, AlertDescription.UNKNOWN_CA);
        TABLE.put(Reason.CHAIN_TOO_LONG, AlertDescription.UNKNOWN_CA);
        TABLE.put(Reason.BAD_SIGNATURE, AlertDescription.BAD_CERTIFICATE);
        TABLE.put(Reason.UNSUPPORTED_ALGORITHM, AlertDescription.UNSUPPORTED_CERTIFICATE);
        TABLE.put(Reason.UNKNOWN_CRITICAL_EXTENSION, AlertDescription.UNSUPPORTED_CERTIFICATE);
        TABLE.put(Reason.KEY_USAGE, AlertDescription.UNSUPPORTED_CERTIFICATE);
        TABLE.put(Reason.EXTENDED_KEY_USAGE, AlertDescription.UNSUPPORTED_CERTIFICATE);
        TABLE.put(Reason.WEAK_ALGORITHM, AlertDescription.BAD_CERTIFICATE);
        TABLE.put(Reason.NOT_A_CA, AlertDescription.BAD_CERTIFICATE);
        TABLE.put(Reason.PATH_LENGTH_EXCEEDED, AlertDescription.BAD_CERTIFICATE);
        TABLE.put(Reason.NAME_CONSTRAINTS, AlertDescription.BAD_CERTIFICATE);
        TABLE.put(Reason.HOSTNAME_MISMATCH, AlertDescription.BAD_CERTIFICATE);
    }

    private CertificateAlerts() {}

    /** The alert for {@code r}. */
    public static AlertDescription alertFor(Reason r) {
        AlertDescription a = TABLE.get(r);
        return a != null ? a : AlertDescription.CERTIFICATE_UNKNOWN;
    }

    /** The alert to throw for {@code e}, with its message as the detail. */
    public static TlsAlert toAlert(CertificateRejectedException e) {
        return new TlsAlert(alertFor(e.reason()), "server certificate rejected: " + e.getMessage(), e);
    }
}
