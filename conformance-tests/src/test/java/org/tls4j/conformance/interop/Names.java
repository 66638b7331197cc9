package org.tls4j.conformance.interop;

import java.util.List;
import java.util.Map;

/**
 * The TLS 1.3 parameters under test by their IANA names, and how each peer spells them.
 * (RFC 8446, Appendix B.4 for suites, Section 4.2.7 for groups, Section 4.2.3 for signature schemes.)
 */
final class Names {
    private Names() {}

    static final List<String> SUITES = List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256", "TLS_AES_128_CCM_SHA256", "TLS_AES_128_CCM_8_SHA256");

    static final List<String> GROUPS = List.of("x25519", "x448", "secp256r1", "secp384r1", "secp521r1",
            "ffdhe2048", "ffdhe3072", "ffdhe4096");

    /** OpenSSL 3.0 {@code -groups} names. */
    static final Map<String, String> OPENSSL_GROUP = Map.of("x25519", "X25519", "x448", "X448",
            "secp256r1", "P-256", "secp384r1", "P-384", "secp521r1", "P-521",
            "ffdhe2048", "ffdhe2048", "ffdhe3072", "ffdhe3072", "ffdhe4096", "ffdhe4096");

    /** GnuTLS priority-string cipher names. */
    static final Map<String, String> GNUTLS_CIPHER = Map.of("TLS_AES_128_GCM_SHA256", "AES-128-GCM",
            "TLS_AES_256_GCM_SHA384", "AES-256-GCM", "TLS_CHACHA20_POLY1305_SHA256", "CHACHA20-POLY1305",
            "TLS_AES_128_CCM_SHA256", "AES-128-CCM", "TLS_AES_128_CCM_8_SHA256", "AES-128-CCM-8");

    /** GnuTLS priority-string group names. */
    static final Map<String, String> GNUTLS_GROUP = Map.of("x25519", "GROUP-X25519", "x448", "GROUP-X448",
            "secp256r1", "GROUP-SECP256R1", "secp384r1", "GROUP-SECP384R1", "secp521r1", "GROUP-SECP521R1",
            "ffdhe2048", "GROUP-FFDHE2048", "ffdhe3072", "GROUP-FFDHE3072", "ffdhe4096", "GROUP-FFDHE4096");

    /** GnuTLS priority-string signature names. */
    static final Map<String, String> GNUTLS_SIGN = Map.of("rsa_pss_rsae_sha256", "SIGN-RSA-PSS-RSAE-SHA256",
            "rsa_pss_pss_sha256", "SIGN-RSA-PSS-SHA256", "ecdsa_secp256r1_sha256", "SIGN-ECDSA-SECP256R1-SHA256",
            "ecdsa_secp384r1_sha384", "SIGN-ECDSA-SECP384R1-SHA384", "ecdsa_secp521r1_sha512",
            "SIGN-ECDSA-SECP521R1-SHA512", "ed25519", "SIGN-EDDSA-ED25519", "ed448", "SIGN-EDDSA-ED448");

    /** The GnuTLS (TLS1.3-X.509)-(group)-(sign)-(cipher) description names of the IANA names. */
    static final Map<String, String> GNUTLS_DESC_GROUP = Map.of("x25519", "ECDHE-X25519", "x448", "ECDHE-X448",
            "secp256r1", "ECDHE-SECP256R1", "secp384r1", "ECDHE-SECP384R1", "secp521r1", "ECDHE-SECP521R1",
            "ffdhe2048", "DHE-FFDHE2048", "ffdhe3072", "DHE-FFDHE3072", "ffdhe4096", "DHE-FFDHE4096");

    /** The signature names in GnuTLS's session description. */
    static final Map<String, String> GNUTLS_DESC_SIGN = Map.of("rsa_pss_rsae_sha256", "RSA-PSS-RSAE-SHA256",
            "rsa_pss_pss_sha256", "RSA-PSS-SHA256", "ecdsa_secp256r1_sha256", "ECDSA-SECP256R1-SHA256",
            "ecdsa_secp384r1_sha384", "ECDSA-SECP384R1-SHA384", "ecdsa_secp521r1_sha512", "ECDSA-SECP521R1-SHA512",
            "ed25519", "EdDSA-Ed25519", "ed448", "EdDSA-Ed448");

    /** A GnuTLS priority string allowing exactly TLS 1.3 and the given suite, group and signature scheme. */
    static String gnutlsPriority(String suite, String group, String scheme) {
        StringBuilder p = new StringBuilder("NORMAL:-VERS-ALL:+VERS-TLS1.3");
        if (suite != null) {
            p.append(":-CIPHER-ALL:+").append(GNUTLS_CIPHER.get(suite));
        }
        if (group != null) {
            p.append(":-GROUP-ALL:+").append(GNUTLS_GROUP.get(group));
        }
        if (scheme != null) {
            p.append(":-SIGN-ALL:+").append(GNUTLS_SIGN.get(scheme));
        }
        return p.toString();
    }
}
