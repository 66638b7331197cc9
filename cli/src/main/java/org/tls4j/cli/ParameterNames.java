package org.tls4j.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.tls4j.handshake.CipherSuite;
import org.tls4j.handshake.NamedGroup;
import org.tls4j.handshake.SignatureScheme;
import org.tls4j.record.ProtocolVersion;

/**
 * Turns the comma-separated lists of {@code --versions}, {@code --ciphers}, {@code --groups} and
 * {@code --alpn} into tls4j's wire types. Names are the IANA registry names (case does not matter);
 * groups also accept OpenSSL's spellings (X25519, P-256, ...) and versions {@code 1.3}, {@code TLSv1.3}.
 * An unknown name is an IllegalArgumentException listing the names that are known.
 */
final class ParameterNames {
    private ParameterNames() {}

    static List<String> split(String list) {
        List<String> out = new ArrayList<>();
        for (String s : list.split("[,:]")) {
            String t = s.trim();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("empty list");
        }
        return out;
    }

    static List<CipherSuite> suites(String list) {
        List<CipherSuite> out = new ArrayList<>();
        for (String n : split(list)) {
            CipherSuite found = null;
            for (CipherSuite s : CipherSuite.known().values()) {
                if (s.name().equalsIgnoreCase(n)) {
                    found = s;
                }
            }
            if (found == null) {
                throw new IllegalArgumentException("unknown cipher suite '" + n + "'");
            }
            out.add(found);
        }
        return out;
    }

    static List<NamedGroup> groups(String list) {
        List<NamedGroup> out = new ArrayList<>();
        for (String n : split(list)) {
            String want = alias(n.toLowerCase(Locale.ROOT));
            NamedGroup found = null;
            TreeSet<String> known = new TreeSet<>();
            for (NamedGroup g : NamedGroup.known().values()) {
                known.add(g.name());
                if (g.name().equalsIgnoreCase(want)) {
                    found = g;
                }
            }
            if (found == null) {
                throw new IllegalArgumentException("unknown group '" + n + "' (known: " + String.join(",", known) + ")");
            }
            out.add(found);
        }
        return out;
    }

    private static String alias(String n) {
        switch (n) {
            case "p-256":
            case "prime256v1":
                return "secp256r1";
            case "p-384":
                return "secp384r1";
            case "p-521":
                return "secp521r1";
            default:
                return n;
        }
    }

    static List<SignatureScheme> schemes(String list) {
        List<SignatureScheme> out = new ArrayList<>();
        for (String n : split(list)) {
            SignatureScheme found = null;
            for (SignatureScheme s : SignatureScheme.known().values()) {
                if (s.name().equalsIgnoreCase(n)) {
                    found = s;
                }
            }
            if (found == null) {
                throw new IllegalArgumentException("unknown signature scheme '" + n + "'");
            }
            out.add(found);
        }
        return out;
    }

    static List<ProtocolVersion> versions(String list) {
        List<ProtocolVersion> out = new ArrayList<>();
        for (String n : split(list)) {
            String v = n.toLowerCase(Locale.ROOT).replace("tlsv", "").replace("tls", "");
            if (v.equals("1.3") || v.equals("13")) {
                out.add(ProtocolVersion.TLS13);
            } else if (v.equals("1.2") || v.equals("12")) {
                out.add(ProtocolVersion.TLS12);
            } else if (v.equals("1.1") || v.equals("11")) {
                out.add(ProtocolVersion.TLS11);
            } else if (v.equals("1.0") || v.equals("10") || v.equals("1")) {
                out.add(ProtocolVersion.TLS10);
            } else {
                throw new IllegalArgumentException("unknown or unsupported version '" + n + "' (1.3, 1.2, 1.1 or 1.0)");
            }
        }
        return out;
    }

    /** ALPN protocol names (RFC 7301, Section 3.1: 1 to 255 bytes each). */
    static List<String> alpn(String list) {
        List<String> out = new ArrayList<>();
        for (String p : list.split(",")) {
            if (p.isEmpty() || p.length() > 255) {
                throw new IllegalArgumentException("ALPN protocol names are 1 to 255 bytes: '" + p + "'");
            }
            out.add(p);
        }
        return Collections.unmodifiableList(out);
    }
}
