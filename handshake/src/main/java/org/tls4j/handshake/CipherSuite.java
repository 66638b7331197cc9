package org.tls4j.handshake;

import java.util.Map;

/**
 * CipherSuite: the two-byte suite identifier (RFC 8446, Appendix B.4 for TLS 1.3; RFC 5246,
 * Appendix A.5 and later RFCs for TLS 1.2 and older; IANA "TLS Cipher Suites" registry).
 *
 * <p>This class is only the wire vocabulary. Which suites are enabled, and the algorithms behind each,
 * live with the handshake for each version. Legacy suites (RC4, DES, 3DES, export, NULL) carry a
 * comment saying why they are broken; TLS keeps them off by default.
 *
 * <p>A wire value, not a Java {@code enum}: {@link #of(int)} accepts every 16-bit code, so an
 * unknown value round-trips unchanged and prints in hex. GREASE values (RFC 8701:
 * {@code 0x0A0A, 0x1A1A, ... 0xFAFA}) are recognised by {@link #isGrease()}.
 *
 * <p>The code, the name, equality and the lookup table work as in the other wire-value classes: they
 * are shared in {@code WireCode}.
 */
public final class CipherSuite extends WireCode {
    private static final Registry<CipherSuite> KNOWN = new Registry<CipherSuite>(16);

    /** No protection at all: the initial state of a connection (RFC 5246, Appendix A.5). Never negotiable. */
    public static final CipherSuite TLS_NULL_WITH_NULL_NULL = define(0x0000, "TLS_NULL_WITH_NULL_NULL");
    /** NULL cipher: integrity only, no confidentiality. Off by default. */
    public static final CipherSuite TLS_RSA_WITH_NULL_MD5 = define(0x0001, "TLS_RSA_WITH_NULL_MD5");
    /** NULL cipher: integrity only. Off by default. */
    public static final CipherSuite TLS_RSA_WITH_NULL_SHA = define(0x0002, "TLS_RSA_WITH_NULL_SHA");
    /** Export grade (40-bit) and RC4: broken (FREAK-era export keys, RC4 biases, RFC 7465). Off by default. */
    public static final CipherSuite TLS_RSA_EXPORT_WITH_RC4_40_MD5 = define(0x0003, "TLS_RSA_EXPORT_WITH_RC4_40_MD5");
    /** RC4 is broken (RFC 7465 prohibits it). Off by default. */
    public static final CipherSuite TLS_RSA_WITH_RC4_128_MD5 = define(0x0004, "TLS_RSA_WITH_RC4_128_MD5");
    /** RC4 is broken (RFC 7465). Off by default. */
    public static final CipherSuite TLS_RSA_WITH_RC4_128_SHA = define(0x0005, "TLS_RSA_WITH_RC4_128_SHA");
    /** Export grade: broken. Off by default. */
    public static final CipherSuite TLS_RSA_EXPORT_WITH_RC2_CBC_40_MD5 = define(0x0006, "TLS_RSA_EXPORT_WITH_RC2_CBC_40_MD5");
    /** Export grade: broken. Off by default. */
    public static final CipherSuite TLS_RSA_EXPORT_WITH_DES40_CBC_SHA = define(0x0008, "TLS_RSA_EXPORT_WITH_DES40_CBC_SHA");
    /** Single DES (56-bit key): broken by exhaustive search. Off by default. */
    public static final CipherSuite TLS_RSA_WITH_DES_CBC_SHA = define(0x0009, "TLS_RSA_WITH_DES_CBC_SHA");
    /** 3DES: 64-bit blocks (SWEET32). Off by default. */
    public static final CipherSuite TLS_RSA_WITH_3DES_EDE_CBC_SHA = define(0x000a, "TLS_RSA_WITH_3DES_EDE_CBC_SHA");
    /** 3DES: 64-bit blocks (SWEET32). Off by default. */
    public static final CipherSuite TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA = define(0x0013, "TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA");
    /** Export grade (Logjam): broken. Off by default. */
    public static final CipherSuite TLS_DHE_RSA_EXPORT_WITH_DES40_CBC_SHA = define(0x0014, "TLS_DHE_RSA_EXPORT_WITH_DES40_CBC_SHA");
    /** Single DES: broken. Off by default. */
    public static final CipherSuite TLS_DHE_RSA_WITH_DES_CBC_SHA = define(0x0015, "TLS_DHE_RSA_WITH_DES_CBC_SHA");
    /** 3DES: 64-bit blocks (SWEET32). Off by default. */
    public static final CipherSuite TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA = define(0x0016, "TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA");
    public static final CipherSuite TLS_RSA_WITH_AES_128_CBC_SHA = define(0x002f, "TLS_RSA_WITH_AES_128_CBC_SHA");
    public static final CipherSuite TLS_DHE_DSS_WITH_AES_128_CBC_SHA = define(0x0032, "TLS_DHE_DSS_WITH_AES_128_CBC_SHA");
    public static final CipherSuite TLS_DHE_RSA_WITH_AES_128_CBC_SHA = define(0x0033, "TLS_DHE_RSA_WITH_AES_128_CBC_SHA");
    public static final CipherSuite TLS_RSA_WITH_AES_256_CBC_SHA = define(0x0035, "TLS_RSA_WITH_AES_256_CBC_SHA");
    public static final CipherSuite TLS_DHE_DSS_WITH_AES_256_CBC_SHA = define(0x0038, "TLS_DHE_DSS_WITH_AES_256_CBC_SHA");
    public static final CipherSuite TLS_DHE_RSA_WITH_AES_256_CBC_SHA = define(0x0039, "TLS_DHE_RSA_WITH_AES_256_CBC_SHA");
    /** NULL cipher: integrity only. Off by default. */
    public static final CipherSuite TLS_RSA_WITH_NULL_SHA256 = define(0x003b, "TLS_RSA_WITH_NULL_SHA256");
    public static final CipherSuite TLS_RSA_WITH_AES_128_CBC_SHA256 = define(0x003c, "TLS_RSA_WITH_AES_128_CBC_SHA256");
    public static final CipherSuite TLS_RSA_WITH_AES_256_CBC_SHA256 = define(0x003d, "TLS_RSA_WITH_AES_256_CBC_SHA256");
    public static final CipherSuite TLS_DHE_RSA_WITH_AES_128_CBC_SHA256 = define(0x0067, "TLS_DHE_RSA_WITH_AES_128_CBC_SHA256");
    public static final CipherSuite TLS_DHE_RSA_WITH_AES_256_CBC_SHA256 = define(0x006b, "TLS_DHE_RSA_WITH_AES_256_CBC_SHA256");
    public static final CipherSuite TLS_RSA_WITH_AES_128_GCM_SHA256 = define(0x009c, "TLS_RSA_WITH_AES_128_GCM_SHA256");
    public static final CipherSuite TLS_RSA_WITH_AES_256_GCM_SHA384 = define(0x009d, "TLS_RSA_WITH_AES_256_GCM_SHA384");
    public static final CipherSuite TLS_DHE_RSA_WITH_AES_128_GCM_SHA256 = define(0x009e, "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256");
    public static final CipherSuite TLS_DHE_RSA_WITH_AES_256_GCM_SHA384 = define(0x009f, "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384");
    /** Signalling value, not a suite (RFC 5746, Section 3.3). */
    public static final CipherSuite TLS_EMPTY_RENEGOTIATION_INFO_SCSV = define(0x00ff, "TLS_EMPTY_RENEGOTIATION_INFO_SCSV");
    /** TLS 1.3 (RFC 8446, Appendix B.4). */
    public static final CipherSuite TLS_AES_128_GCM_SHA256 = define(0x1301, "TLS_AES_128_GCM_SHA256");
    /** TLS 1.3 (RFC 8446, Appendix B.4). */
    public static final CipherSuite TLS_AES_256_GCM_SHA384 = define(0x1302, "TLS_AES_256_GCM_SHA384");
    /** TLS 1.3 (RFC 8446, Appendix B.4). */
    public static final CipherSuite TLS_CHACHA20_POLY1305_SHA256 = define(0x1303, "TLS_CHACHA20_POLY1305_SHA256");
    /** TLS 1.3 (RFC 8446, Appendix B.4). */
    public static final CipherSuite TLS_AES_128_CCM_SHA256 = define(0x1304, "TLS_AES_128_CCM_SHA256");
    /** TLS 1.3 (RFC 8446, Appendix B.4). Its 8-byte tag is weak; off by default. */
    public static final CipherSuite TLS_AES_128_CCM_8_SHA256 = define(0x1305, "TLS_AES_128_CCM_8_SHA256");
    /** Signalling value, not a suite (RFC 7507). */
    public static final CipherSuite TLS_FALLBACK_SCSV = define(0x5600, "TLS_FALLBACK_SCSV");
    /** NULL cipher: integrity only. Off by default. */
    public static final CipherSuite TLS_ECDHE_ECDSA_WITH_NULL_SHA = define(0xc006, "TLS_ECDHE_ECDSA_WITH_NULL_SHA");
    /** RC4 is broken (RFC 7465). Off by default. */
    public static final CipherSuite TLS_ECDHE_ECDSA_WITH_RC4_128_SHA = define(0xc007, "TLS_ECDHE_ECDSA_WITH_RC4_128_SHA");
    /** 3DES: SWEET32. Off by default. */
    public static final CipherSuite TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA = define(0xc008, "TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA");
    public static final CipherSuite TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA = define(0xc009, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA");
    public static final CipherSuite TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA = define(0xc00a, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA");
    /** NULL cipher: integrity only. Off by default. */
    public static final CipherSuite TLS_ECDHE_RSA_WITH_NULL_SHA = define(0xc010, "TLS_ECDHE_RSA_WITH_NULL_SHA");
    /** RC4 is broken (RFC 7465). Off by default. */
    public static final CipherSuite TLS_ECDHE_RSA_WITH_RC4_128_SHA = define(0xc011, "TLS_ECDHE_RSA_WITH_RC4_128_SHA");
    /** 3DES: SWEET32. Off by default. */
    public static final CipherSuite TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA = define(0xc012, "TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA");
    public static final CipherSuite TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA = define(0xc013, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA");
    public static final CipherSuite TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA = define(0xc014, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA");
    public static final CipherSuite TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256 = define(0xc023, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256");
    public static final CipherSuite TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384 = define(0xc024, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384");
    public static final CipherSuite TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256 = define(0xc027, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256");
    public static final CipherSuite TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384 = define(0xc028, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384");
    public static final CipherSuite TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 = define(0xc02b, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
    public static final CipherSuite TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384 = define(0xc02c, "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384");
    public static final CipherSuite TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 = define(0xc02f, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
    public static final CipherSuite TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 = define(0xc030, "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
    /** RFC 6655. */
    public static final CipherSuite TLS_RSA_WITH_AES_128_CCM = define(0xc09c, "TLS_RSA_WITH_AES_128_CCM");
    /** RFC 6655. */
    public static final CipherSuite TLS_RSA_WITH_AES_256_CCM = define(0xc09d, "TLS_RSA_WITH_AES_256_CCM");
    /** RFC 6655. */
    public static final CipherSuite TLS_DHE_RSA_WITH_AES_128_CCM = define(0xc09e, "TLS_DHE_RSA_WITH_AES_128_CCM");
    /** RFC 6655. */
    public static final CipherSuite TLS_DHE_RSA_WITH_AES_256_CCM = define(0xc09f, "TLS_DHE_RSA_WITH_AES_256_CCM");
    /** RFC 6655. */
    public static final CipherSuite TLS_RSA_WITH_AES_128_CCM_8 = define(0xc0a0, "TLS_RSA_WITH_AES_128_CCM_8");
    /** RFC 6655. */
    public static final CipherSuite TLS_RSA_WITH_AES_256_CCM_8 = define(0xc0a1, "TLS_RSA_WITH_AES_256_CCM_8");
    /** RFC 6655. */
    public static final CipherSuite TLS_DHE_RSA_WITH_AES_128_CCM_8 = define(0xc0a2, "TLS_DHE_RSA_WITH_AES_128_CCM_8");
    /** RFC 6655. */
    public static final CipherSuite TLS_DHE_RSA_WITH_AES_256_CCM_8 = define(0xc0a3, "TLS_DHE_RSA_WITH_AES_256_CCM_8");
    /** RFC 7251. */
    public static final CipherSuite TLS_ECDHE_ECDSA_WITH_AES_128_CCM = define(0xc0ac, "TLS_ECDHE_ECDSA_WITH_AES_128_CCM");
    /** RFC 7251. */
    public static final CipherSuite TLS_ECDHE_ECDSA_WITH_AES_256_CCM = define(0xc0ad, "TLS_ECDHE_ECDSA_WITH_AES_256_CCM");
    /** RFC 7251. */
    public static final CipherSuite TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8 = define(0xc0ae, "TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8");
    /** RFC 7251. */
    public static final CipherSuite TLS_ECDHE_ECDSA_WITH_AES_256_CCM_8 = define(0xc0af, "TLS_ECDHE_ECDSA_WITH_AES_256_CCM_8");
    /** RFC 7905. */
    public static final CipherSuite TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256 = define(0xcca8, "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");
    /** RFC 7905. */
    public static final CipherSuite TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256 = define(0xcca9, "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256");
    /** RFC 7905. */
    public static final CipherSuite TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256 = define(0xccaa, "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    private CipherSuite(int code, String name) {
        super(code, name, 16);
    }

    private static CipherSuite define(int code, String name) {
        return KNOWN.define(new CipherSuite(code, name));
    }

    /** The constant for {@code code}, or a new value that prints as {@code unknown(0x...)}. */
    public static CipherSuite of(int code) {
        CipherSuite v = KNOWN.get(code);
        return v != null ? v : new CipherSuite(code, null);
    }

    /** Every named constant, in declaration order. */
    public static Map<Integer, CipherSuite> known() {
        return KNOWN.view();
    }

    /** True for a GREASE value (RFC 8701, Section 2), which a peer must ignore. */
    public boolean isGrease() {
        return isGreaseCode(code);
    }

    /** True for the five TLS 1.3 suites {@code 0x1301..0x1305} (RFC 8446, Appendix B.4). */
    public boolean isTls13() {
        return code >= 0x1301 && code <= 0x1305;
    }

    /** True for the two signalling values, which are not suites (RFC 5746, RFC 7507). */
    public boolean isSignalingValue() {
        return code == 0x00ff || code == 0x5600;
    }
}
