package org.tls4j.handshake;

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
 *
 * <p>The code, the name, equality and the lookup table work as in the other wire-value classes: they
 * are shared in {@code WireCode}.
 */
public final class SignatureScheme extends WireCode {
    private static final Registry<SignatureScheme> KNOWN = new Registry<SignatureScheme>(16);

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

    private SignatureScheme(int code, String name) {
        super(code, name, 16);
    }

    private static SignatureScheme define(int code, String name) {
        return KNOWN.define(new SignatureScheme(code, name));
    }

    /** The constant for {@code code}, or a new value that prints as {@code unknown(0x...)}. */
    public static SignatureScheme of(int code) {
        SignatureScheme v = KNOWN.get(code);
        return v != null ? v : new SignatureScheme(code, null);
    }

    /** Every named constant, in declaration order. */
    public static Map<Integer, SignatureScheme> known() {
        return KNOWN.view();
    }

    /** True for a GREASE value (RFC 8701, Section 2), which a peer must ignore. */
    public boolean isGrease() {
        return isGreaseCode(code);
    }
}
