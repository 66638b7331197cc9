package org.tls4j.handshake;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SignatureScheme: a signature algorithm with its hash (RFC 8446, Section 4.2.3). In TLS 1.2 the
 * same two bytes are a (HashAlgorithm, SignatureAlgorithm) pair (RFC 5246, Section 7.4.1.4.1), which
 * is why the legacy {@code rsa_pkcs1_*} and {@code ecdsa_sha1} codes read that way.
 *
 * <pre>
 * enum {
 *     rsa_pkcs1_sha256(0x0401), rsa_pkcs1_sha384(0x0501), rsa_pkcs1_sha512(0x0601),
 *     ecdsa_secp256r1_sha256(0x0403), ecdsa_secp384r1_sha384(0x0503), ecdsa_secp521r1_sha512(0x0603),
 *     rsa_pss_rsae_sha256(0x0804), rsa_pss_rsae_sha384(0x0805), rsa_pss_rsae_sha512(0x0806),
 *     ed25519(0x0807), ed448(0x0808),
 *     rsa_pss_pss_sha256(0x0809), rsa_pss_pss_sha384(0x080a), rsa_pss_pss_sha512(0x080b),
 *     rsa_pkcs1_sha1(0x0201), ecdsa_sha1(0x0203),
 *     (0xFFFF)
 * } SignatureScheme;
 * </pre>
 *
 * <p>A wire value, not a Java {@code enum}: {@link #of(int)} accepts every 16-bit code, so an
 * unknown value round-trips unchanged and prints in hex. GREASE values (RFC 8701:
 * {@code 0x0A0A, 0x1A1A, ... 0xFAFA}) are recognised by {@link #isGrease()}.
 */
public final class SignatureScheme {
    private static final Map<Integer, SignatureScheme> KNOWN = new LinkedHashMap<Integer, SignatureScheme>();

    public static final SignatureScheme RSA_PKCS1_SHA256 = define(0x0401, "rsa_pkcs1_sha256");
    public static final SignatureScheme RSA_PKCS1_SHA384 = define(0x0501, "rsa_pkcs1_sha384");
    public static final SignatureScheme RSA_PKCS1_SHA512 = define(0x0601, "rsa_pkcs1_sha512");
    public static final SignatureScheme ECDSA_SECP256R1_SHA256 = define(0x0403, "ecdsa_secp256r1_sha256");
    public static final SignatureScheme ECDSA_SECP384R1_SHA384 = define(0x0503, "ecdsa_secp384r1_sha384");
    public static final SignatureScheme ECDSA_SECP521R1_SHA512 = define(0x0603, "ecdsa_secp521r1_sha512");
    public static final SignatureScheme RSA_PSS_RSAE_SHA256 = define(0x0804, "rsa_pss_rsae_sha256");
    public static final SignatureScheme RSA_PSS_RSAE_SHA384 = define(0x0805, "rsa_pss_rsae_sha384");
    public static final SignatureScheme RSA_PSS_RSAE_SHA512 = define(0x0806, "rsa_pss_rsae_sha512");
    public static final SignatureScheme ED25519 = define(0x0807, "ed25519");
    public static final SignatureScheme ED448 = define(0x0808, "ed448");
    public static final SignatureScheme RSA_PSS_PSS_SHA256 = define(0x0809, "rsa_pss_pss_sha256");
    public static final SignatureScheme RSA_PSS_PSS_SHA384 = define(0x080a, "rsa_pss_pss_sha384");
    public static final SignatureScheme RSA_PSS_PSS_SHA512 = define(0x080b, "rsa_pss_pss_sha512");
    /** Legacy: SHA-1 signatures are broken for collision resistance; TLS 1.3 allows it only in certificates (RFC 8446, Section 4.2.3). */
    public static final SignatureScheme RSA_PKCS1_SHA1 = define(0x0201, "rsa_pkcs1_sha1");
    /** Legacy: SHA-1, as above. */
    public static final SignatureScheme ECDSA_SHA1 = define(0x0203, "ecdsa_sha1");
    /** TLS 1.2 (sha224, rsa) pair. */
    public static final SignatureScheme RSA_PKCS1_SHA224 = define(0x0301, "rsa_pkcs1_sha224");
    /** TLS 1.2 (sha1, dsa) pair; DSA is gone from TLS 1.3. */
    public static final SignatureScheme DSA_SHA1 = define(0x0202, "dsa_sha1");
    /** TLS 1.2 (sha256, dsa) pair. */
    public static final SignatureScheme DSA_SHA256 = define(0x0402, "dsa_sha256");
    /** TLS 1.2 (sha224, ecdsa) pair. */
    public static final SignatureScheme ECDSA_SHA224 = define(0x0303, "ecdsa_sha224");
    /** TLS 1.2 (md5, rsa) pair. MD5 signatures are broken (chosen-prefix collisions, SLOTH); off by default. */
    public static final SignatureScheme RSA_MD5 = define(0x0101, "rsa_md5");

    /** The 16-bit code as sent on the wire. */
    public final int code;
    private final String name;

    private SignatureScheme(int code, String name) {
        this.code = code;
        this.name = name;
    }

    private static SignatureScheme define(int code, String name) {
        SignatureScheme v = new SignatureScheme(code, name);
        if (KNOWN.put(code, v) != null) {
            throw new AssertionError("duplicate code " + code);
        }
        return v;
    }

    /** The constant for {@code code}, or a new value that prints as {@code unknown(0x...)}. */
    public static SignatureScheme of(int code) {
        if (code < 0 || code > 0xffff) {
            throw new IllegalArgumentException("not a 16-bit code: " + code);
        }
        SignatureScheme v = KNOWN.get(code);
        return v != null ? v : new SignatureScheme(code, null);
    }

    /** Every named constant, in declaration order. */
    public static Map<Integer, SignatureScheme> known() {
        return Collections.unmodifiableMap(KNOWN);
    }

    /** True for a named constant of this class. */
    public boolean isKnown() {
        return name != null;
    }

    /** True for a GREASE value (RFC 8701, Section 2), which a peer must ignore. */
    public boolean isGrease() {
        return (code & 0x0f0f) == 0x0a0a && (code >>> 8) == (code & 0xff);
    }

    /**
     * The registry name, e.g. {@code rsa_pkcs1_sha256}.
     * Unknown values print as {@code unknown(0x1234)}, GREASE values as {@code GREASE(0x...)}.
     */
    public String name() {
        if (name != null) {
            return name;
        }
        return (isGrease() ? "GREASE(0x" : "unknown(0x") + String.format("%04x", code) + ")";
    }

    @Override
    public String toString() {
        return name();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignatureScheme && ((SignatureScheme) o).code == code;
    }

    @Override
    public int hashCode() {
        return code;
    }
}
