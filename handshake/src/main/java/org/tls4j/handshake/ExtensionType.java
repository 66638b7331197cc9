package org.tls4j.handshake;

import java.util.Map;

/**
 * ExtensionType: the two-byte type of an extension (RFC 8446, Section 4.2, and the IANA "TLS
 * ExtensionType Values" registry).
 *
 * <p>A wire value, not a Java {@code enum}: {@link #of(int)} accepts every 16-bit code, so an
 * unknown value round-trips unchanged and prints in hex. GREASE values (RFC 8701:
 * {@code 0x0A0A, 0x1A1A, ... 0xFAFA}) are recognised by {@link #isGrease()}.
 *
 * <p>The code, the name, equality and the lookup table work as in the other wire-value classes: they
 * are shared in {@code WireCode}.
 */
public final class ExtensionType extends WireCode {
    private static final Registry<ExtensionType> KNOWN = new Registry<ExtensionType>(16);

    /** RFC 6066, Section 3. */
    public static final ExtensionType SERVER_NAME = define(0x0000, "server_name");
    /** RFC 6066, Section 4. */
    public static final ExtensionType MAX_FRAGMENT_LENGTH = define(0x0001, "max_fragment_length");
    /** RFC 6066, Section 8. */
    public static final ExtensionType STATUS_REQUEST = define(0x0005, "status_request");
    /** RFC 8422 / RFC 8446, Section 4.2.7. */
    public static final ExtensionType SUPPORTED_GROUPS = define(0x000a, "supported_groups");
    /** RFC 8422, Section 5.1.2 (TLS 1.2 and older). */
    public static final ExtensionType EC_POINT_FORMATS = define(0x000b, "ec_point_formats");
    /** RFC 8446, Section 4.2.3. */
    public static final ExtensionType SIGNATURE_ALGORITHMS = define(0x000d, "signature_algorithms");
    /** RFC 5764. */
    public static final ExtensionType USE_SRTP = define(0x000e, "use_srtp");
    /** RFC 6520. */
    public static final ExtensionType HEARTBEAT = define(0x000f, "heartbeat");
    /** RFC 7301. */
    public static final ExtensionType APPLICATION_LAYER_PROTOCOL_NEGOTIATION = define(0x0010, "application_layer_protocol_negotiation");
    /** RFC 6962. */
    public static final ExtensionType SIGNED_CERTIFICATE_TIMESTAMP = define(0x0012, "signed_certificate_timestamp");
    /** RFC 7250. */
    public static final ExtensionType CLIENT_CERTIFICATE_TYPE = define(0x0013, "client_certificate_type");
    /** RFC 7250. */
    public static final ExtensionType SERVER_CERTIFICATE_TYPE = define(0x0014, "server_certificate_type");
    /** RFC 7685. */
    public static final ExtensionType PADDING = define(0x0015, "padding");
    /** RFC 7366 (TLS 1.2 and older). */
    public static final ExtensionType ENCRYPT_THEN_MAC = define(0x0016, "encrypt_then_mac");
    /** RFC 7627 (TLS 1.2 and older). */
    public static final ExtensionType EXTENDED_MASTER_SECRET = define(0x0017, "extended_master_secret");
    /** RFC 8879. */
    public static final ExtensionType COMPRESS_CERTIFICATE = define(0x001b, "compress_certificate");
    /** RFC 8449. */
    public static final ExtensionType RECORD_SIZE_LIMIT = define(0x001c, "record_size_limit");
    /** RFC 5077 (TLS 1.2 and older). */
    public static final ExtensionType SESSION_TICKET = define(0x0023, "session_ticket");
    /** RFC 8446, Section 4.2.11. */
    public static final ExtensionType PRE_SHARED_KEY = define(0x0029, "pre_shared_key");
    /** RFC 8446, Section 4.2.10. */
    public static final ExtensionType EARLY_DATA = define(0x002a, "early_data");
    /** RFC 8446, Section 4.2.1. */
    public static final ExtensionType SUPPORTED_VERSIONS = define(0x002b, "supported_versions");
    /** RFC 8446, Section 4.2.2. */
    public static final ExtensionType COOKIE = define(0x002c, "cookie");
    /** RFC 8446, Section 4.2.9. */
    public static final ExtensionType PSK_KEY_EXCHANGE_MODES = define(0x002d, "psk_key_exchange_modes");
    /** RFC 8446, Section 4.2.4. */
    public static final ExtensionType CERTIFICATE_AUTHORITIES = define(0x002f, "certificate_authorities");
    /** RFC 8446, Section 4.2.5. */
    public static final ExtensionType OID_FILTERS = define(0x0030, "oid_filters");
    /** RFC 8446, Section 4.2.6. */
    public static final ExtensionType POST_HANDSHAKE_AUTH = define(0x0031, "post_handshake_auth");
    /** RFC 8446, Section 4.2.3. */
    public static final ExtensionType SIGNATURE_ALGORITHMS_CERT = define(0x0032, "signature_algorithms_cert");
    /** RFC 8446, Section 4.2.8. */
    public static final ExtensionType KEY_SHARE = define(0x0033, "key_share");
    /** draft-ietf-tls-esni; code only. */
    public static final ExtensionType ENCRYPTED_CLIENT_HELLO = define(0xfe0d, "encrypted_client_hello");
    /** RFC 5746 (TLS 1.2 and older). */
    public static final ExtensionType RENEGOTIATION_INFO = define(0xff01, "renegotiation_info");

    private ExtensionType(int code, String name) {
        super(code, name, 16);
    }

    private static ExtensionType define(int code, String name) {
        return KNOWN.define(new ExtensionType(code, name));
    }

    /** The constant for {@code code}, or a new value that prints as {@code unknown(0x...)}. */
    public static ExtensionType of(int code) {
        ExtensionType v = KNOWN.get(code);
        return v != null ? v : new ExtensionType(code, null);
    }

    /** Every named constant, in declaration order. */
    public static Map<Integer, ExtensionType> known() {
        return KNOWN.view();
    }

    /** True for a GREASE value (RFC 8701, Section 2), which a peer must ignore. */
    public boolean isGrease() {
        return isGreaseCode(code);
    }
}
