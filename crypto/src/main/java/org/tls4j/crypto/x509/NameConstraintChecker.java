package org.tls4j.crypto.x509;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Applies name constraints to one certificate (RFC 5280, Section 4.2.1.10 and 6.1.3 (b), (c)).
 * Supported forms: dNSName, iPAddress, rfc822Name and directoryName. A certificate with a URI name
 * under a CA that constrains URIs is refused, since tls4j does not check URI constraints. A certificate
 * without dNSName has each host-like CN checked as a dNSName.
 */
final class NameConstraintChecker {
    private NameConstraintChecker() {}

    /** A description of the first violation, or null when {@code c} satisfies {@code nc}. */
    static String violation(NameConstraints nc, Certificate c, boolean checkSubjectDn) {
        List<GeneralName> names = new ArrayList<>(c.subjectAltNames());
        if (checkSubjectDn && !c.subject().isEmpty()) {
            names.add(directory(c.subject()));
        }
        boolean hasDns = false;
        for (GeneralName g : c.subjectAltNames()) {
            hasDns |= g.type() == GeneralName.DNS_NAME;
        }
        if (!hasDns) {
            // A CN that looks like a host name is constrained as a dNSName, so enabling the CN fallback of
            // hostname verification cannot bypass a CA's DNS constraints.
            for (String cn : c.subject().values(X509Oids.CN)) {
                if (cn.indexOf('.') > 0 && HostnameVerifier.normalizeHost(cn) != null) {
                    names.add(GeneralName.dns(cn));
                }
            }
        }
        for (GeneralName n : names) {
            for (GeneralName ex : nc.excluded()) {
                if (ex.type() == n.type() && within(n, ex)) {
                    return n + " is in excluded subtree " + ex;
                }
                if (ex.type() == GeneralName.URI && n.type() == GeneralName.URI) {
                    return "URI constraints are not supported and the certificate has " + n;
                }
            }
            boolean typeConstrained = false;
            boolean ok = false;
            for (GeneralName p : nc.permitted()) {
                if (p.type() == n.type()) {
                    typeConstrained = true;
                    if (n.type() == GeneralName.URI) {
                        return "URI constraints are not supported and the certificate has " + n;
                    }
                    if (within(n, p)) {
                        ok = true;
                    }
                }
            }
            if (typeConstrained && !ok) {
                return n + " is outside the permitted subtrees " + nc.permitted();
            }
        }
        return null;
    }

    private static GeneralName directory(Name n) {
        return DirectoryNames.of(n);
    }

    static boolean within(GeneralName name, GeneralName base) {
        switch (name.type()) {
            case GeneralName.DNS_NAME:
                return dnsWithin(name.text(), base.text());
            case GeneralName.IP_ADDRESS:
                return ipWithin(name.content(), base.content());
            case GeneralName.RFC822_NAME:
                return emailWithin(name.text(), base.text());
            case GeneralName.DIRECTORY_NAME:
                return dnWithin(name.directoryName(), base.directoryName());
            default:
                return false;
        }
    }

    /**
     * RFC 5280: a name matches when it is the base with zero or more labels added on the left. A base
     * with a leading dot (a common variant) matches only proper subdomains; an empty base matches all.
     */
    static boolean dnsWithin(String name, String base) {
        String n = strip(name);
        String b = strip(base);
        if (b.isEmpty()) {
            return true;
        }
        if (b.startsWith(".")) {
            return n.endsWith(b) && n.length() > b.length();
        }
        return n.equals(b) || n.endsWith("." + b);
    }

    private static String strip(String s) {
        String t = s.toLowerCase(Locale.ROOT);
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }

    /** Address and mask of the same family: (address AND mask) equals (base AND mask). */
    static boolean ipWithin(byte[] ip, byte[] baseAndMask) {
        if (baseAndMask.length != 2 * ip.length) {
            return false;
        }
        for (int i = 0; i < ip.length; i++) {
            int m = baseAndMask[ip.length + i];
            if ((ip[i] & m) != (baseAndMask[i] & m)) {
                return false;
            }
        }
        return true;
    }

    /** RFC 5280: a mailbox, a host (all mailboxes at it), or a leading-dot domain (all hosts below it). */
    static boolean emailWithin(String email, String base) {
        String e = email.toLowerCase(Locale.ROOT);
        String b = base.toLowerCase(Locale.ROOT);
        if (b.indexOf('@') >= 0) {
            return e.equals(b);
        }
        int at = e.lastIndexOf('@');
        String host = at >= 0 ? e.substring(at + 1) : e;
        if (b.startsWith(".")) {
            return host.endsWith(b);
        }
        return host.equals(b);
    }

    /** The base's RDNs are a prefix of the name's RDNs. */
    static boolean dnWithin(Name name, Name base) {
        if (base.rdns().size() > name.rdns().size()) {
            return false;
        }
        return Name.prefixMatches(name, base);
    }
}
