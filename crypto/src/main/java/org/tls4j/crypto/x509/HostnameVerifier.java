package org.tls4j.crypto.x509;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.tls4j.crypto.x509.CertificateRejectedException.Reason;

/**
 * Checks that a certificate is for a host (RFC 9525, which obsoletes RFC 6125).
 *
 * <ul>
 * <li>A DNS name matches only dNSName subjectAltNames; an IP address literal (IPv4, IPv6, optionally in
 * brackets) matches only iPAddress subjectAltNames, compared as octets (RFC 9525, Section 6.2, 6.4).
 * <li>Names are compared as ASCII, case-insensitively; internationalized names must be given as A-labels
 * ({@code xn--...}); a non-ASCII host is refused. One trailing dot is ignored on either side.
 * <li>The only wildcard is a whole left-most {@code *} label, matching exactly one non-empty label, and
 * only with at least two labels after it ({@code *.example.com}, never {@code *.com},
 * {@code f*.example.com} or {@code www.*.com}) (RFC 9525, Section 6.3).
 * <li>The subject CN is consulted only when enabled and the certificate has no dNSName and no iPAddress
 * (RFC 6125, Section 6.4.4); RFC 9525 removes this fallback, so it is off by default.
 * </ul>
 */
public final class HostnameVerifier {
    private HostnameVerifier() {}

    /** Throws {@link Reason#HOSTNAME_MISMATCH} unless {@code cert} is for {@code host}. */
    public static void verify(Certificate cert, String host, boolean cnFallback) throws CertificateRejectedException {
        if (!matches(cert, host, cnFallback)) {
            throw new CertificateRejectedException(Reason.HOSTNAME_MISMATCH, "certificate " + cert.subject() + " with "
                    + cert.subjectAltNames() + " is not valid for '" + host + "'");
        }
    }

    public static boolean matches(Certificate cert, String host, boolean cnFallback) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        String h = host;
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
            if (h.indexOf(':') < 0) {
                return false;
            }
        }
        byte[] ip = IpAddresses.parse(h);
        List<GeneralName> sans = cert.subjectAltNames();
        if (ip != null) {
            for (GeneralName g : sans) {
                if (g.type() == GeneralName.IP_ADDRESS && Arrays.equals(g.content(), ip)) {
                    return true;
                }
            }
            return false;
        }
        if (h.indexOf(':') >= 0) {
            return false; // neither a valid IPv6 literal nor a DNS name
        }
        String name = normalizeHost(h);
        if (name == null) {
            return false;
        }
        boolean anyIdentifier = false;
        for (GeneralName g : sans) {
            if (g.type() == GeneralName.DNS_NAME) {
                anyIdentifier = true;
                if (matchesPattern(g.text(), name)) {
                    return true;
                }
            } else if (g.type() == GeneralName.IP_ADDRESS) {
                anyIdentifier = true;
            }
        }
        if (cnFallback && !anyIdentifier) {
            for (String cn : cert.subject().values(X509Oids.CN)) {
                if (matchesPattern(cn, name)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Lower-cased host without a trailing dot, or null if it is not an ASCII dotted name. */
    static String normalizeHost(String h) {
        String s = h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
        if (s.isEmpty() || s.length() > 253) {
            return null;
        }
        for (String label : s.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > 63) {
                return null;
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
                if (!ok) {
                    return null;
                }
            }
        }
        return s.toLowerCase(Locale.ROOT);
    }

    /** A reference pattern (dNSName or CN) against a normalized host, per RFC 9525, Section 6.3. */
    static boolean matchesPattern(String pattern, String host) {
        if (pattern == null) {
            return false;
        }
        String p = pattern.endsWith(".") ? pattern.substring(0, pattern.length() - 1) : pattern;
        p = p.toLowerCase(Locale.ROOT);
        if (p.isEmpty()) {
            return false;
        }
        if (p.startsWith("*.")) {
            String rest = p.substring(2);
            if (rest.indexOf('*') >= 0 || rest.indexOf('.') < 0 || normalizeHost(rest) == null) {
                return false;
            }
            int dot = host.indexOf('.');
            return dot > 0 && host.substring(dot + 1).equals(rest);
        }
        if (p.indexOf('*') >= 0) {
            return false;
        }
        return p.equals(host);
    }
}
