package org.tls4j.record;

/**
 * The alert description (RFC 8446, Section 6; RFC 5246, Section 7.2; RFC 6101, Section 5.4.2, and the
 * extension RFCs named per constant).
 *
 * <p>A wire enum: a value type around the {@code uint8} code, so an unknown description read off the
 * wire is kept and printed in hex.
 */
public final class AlertDescription {
    /** 0: RFC 8446, Section 6.1. */
    public static final AlertDescription CLOSE_NOTIFY = new AlertDescription(0, "close_notify");
    /** 10. */
    public static final AlertDescription UNEXPECTED_MESSAGE = new AlertDescription(10, "unexpected_message");
    /** 20. */
    public static final AlertDescription BAD_RECORD_MAC = new AlertDescription(20, "bad_record_mac");
    /** 21: reserved since TLS 1.1 (RFC 4346); never sent. */
    public static final AlertDescription DECRYPTION_FAILED = new AlertDescription(21, "decryption_failed");
    /** 22. */
    public static final AlertDescription RECORD_OVERFLOW = new AlertDescription(22, "record_overflow");
    /** 30: reserved since TLS 1.3. */
    public static final AlertDescription DECOMPRESSION_FAILURE = new AlertDescription(30, "decompression_failure");
    /** 40. */
    public static final AlertDescription HANDSHAKE_FAILURE = new AlertDescription(40, "handshake_failure");
    /** 41: SSL 3.0 only (RFC 6101). */
    public static final AlertDescription NO_CERTIFICATE = new AlertDescription(41, "no_certificate");
    /** 42. */
    public static final AlertDescription BAD_CERTIFICATE = new AlertDescription(42, "bad_certificate");
    /** 43. */
    public static final AlertDescription UNSUPPORTED_CERTIFICATE = new AlertDescription(43, "unsupported_certificate");
    /** 44. */
    public static final AlertDescription CERTIFICATE_REVOKED = new AlertDescription(44, "certificate_revoked");
    /** 45. */
    public static final AlertDescription CERTIFICATE_EXPIRED = new AlertDescription(45, "certificate_expired");
    /** 46. */
    public static final AlertDescription CERTIFICATE_UNKNOWN = new AlertDescription(46, "certificate_unknown");
    /** 47. */
    public static final AlertDescription ILLEGAL_PARAMETER = new AlertDescription(47, "illegal_parameter");
    /** 48. */
    public static final AlertDescription UNKNOWN_CA = new AlertDescription(48, "unknown_ca");
    /** 49. */
    public static final AlertDescription ACCESS_DENIED = new AlertDescription(49, "access_denied");
    /** 50. */
    public static final AlertDescription DECODE_ERROR = new AlertDescription(50, "decode_error");
    /** 51. */
    public static final AlertDescription DECRYPT_ERROR = new AlertDescription(51, "decrypt_error");
    /** 60: reserved since TLS 1.1. */
    public static final AlertDescription EXPORT_RESTRICTION = new AlertDescription(60, "export_restriction");
    /** 70. */
    public static final AlertDescription PROTOCOL_VERSION = new AlertDescription(70, "protocol_version");
    /** 71. */
    public static final AlertDescription INSUFFICIENT_SECURITY = new AlertDescription(71, "insufficient_security");
    /** 80. */
    public static final AlertDescription INTERNAL_ERROR = new AlertDescription(80, "internal_error");
    /** 86: RFC 7507. */
    public static final AlertDescription INAPPROPRIATE_FALLBACK = new AlertDescription(86, "inappropriate_fallback");
    /** 90. */
    public static final AlertDescription USER_CANCELED = new AlertDescription(90, "user_canceled");
    /** 100: reserved since TLS 1.3. */
    public static final AlertDescription NO_RENEGOTIATION = new AlertDescription(100, "no_renegotiation");
    /** 109: RFC 8446. */
    public static final AlertDescription MISSING_EXTENSION = new AlertDescription(109, "missing_extension");
    /** 110. */
    public static final AlertDescription UNSUPPORTED_EXTENSION = new AlertDescription(110, "unsupported_extension");
    /** 111: RFC 6066; reserved since TLS 1.3. */
    public static final AlertDescription CERTIFICATE_UNOBTAINABLE = new AlertDescription(111, "certificate_unobtainable");
    /** 112: RFC 6066. */
    public static final AlertDescription UNRECOGNIZED_NAME = new AlertDescription(112, "unrecognized_name");
    /** 113: RFC 6066. */
    public static final AlertDescription BAD_CERTIFICATE_STATUS_RESPONSE = new AlertDescription(113, "bad_certificate_status_response");
    /** 114: RFC 6066; reserved since TLS 1.3. */
    public static final AlertDescription BAD_CERTIFICATE_HASH_VALUE = new AlertDescription(114, "bad_certificate_hash_value");
    /** 115: RFC 4279. */
    public static final AlertDescription UNKNOWN_PSK_IDENTITY = new AlertDescription(115, "unknown_psk_identity");
    /** 116: RFC 8446. */
    public static final AlertDescription CERTIFICATE_REQUIRED = new AlertDescription(116, "certificate_required");
    /** 120: RFC 7301. */
    public static final AlertDescription NO_APPLICATION_PROTOCOL = new AlertDescription(120, "no_application_protocol");
    /** 121: RFC 9849. */
    public static final AlertDescription ECH_REQUIRED = new AlertDescription(121, "ech_required");

    private static final AlertDescription[] KNOWN = {
        CLOSE_NOTIFY, UNEXPECTED_MESSAGE, BAD_RECORD_MAC, DECRYPTION_FAILED, RECORD_OVERFLOW, DECOMPRESSION_FAILURE, HANDSHAKE_FAILURE, NO_CERTIFICATE, BAD_CERTIFICATE, UNSUPPORTED_CERTIFICATE, CERTIFICATE_REVOKED, CERTIFICATE_EXPIRED, CERTIFICATE_UNKNOWN, ILLEGAL_PARAMETER, UNKNOWN_CA, ACCESS_DENIED, DECODE_ERROR, DECRYPT_ERROR, EXPORT_RESTRICTION, PROTOCOL_VERSION, INSUFFICIENT_SECURITY, INTERNAL_ERROR, INAPPROPRIATE_FALLBACK, USER_CANCELED, NO_RENEGOTIATION, MISSING_EXTENSION, UNSUPPORTED_EXTENSION, CERTIFICATE_UNOBTAINABLE, UNRECOGNIZED_NAME, BAD_CERTIFICATE_STATUS_RESPONSE, BAD_CERTIFICATE_HASH_VALUE, UNKNOWN_PSK_IDENTITY, CERTIFICATE_REQUIRED, NO_APPLICATION_PROTOCOL, ECH_REQUIRED};

    /** The uint8 code on the wire. */
    public final int code;
    private final String name;

    private AlertDescription(int code, String name) {
        this.code = code;
        this.name = name;
    }

    /** The description for a wire code (0..255): a named constant when known, a new value otherwise. */
    public static AlertDescription of(int code) {
        if (code < 0 || code > 0xff) {
            throw new IllegalArgumentException("alert description out of uint8 range: " + code);
        }
        for (AlertDescription d : KNOWN) {
            if (d.code == code) {
                return d;
            }
        }
        return new AlertDescription(code, null);
    }

    public boolean isKnown() {
        return name != null;
    }

    /** The RFC's name, e.g. {@code bad_record_mac}, or {@code unknown_alert(0xNN)}. */
    public String name() {
        return toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AlertDescription && ((AlertDescription) o).code == code;
    }

    @Override
    public int hashCode() {
        return code;
    }

    @Override
    public String toString() {
        return name != null ? name : String.format("unknown_alert(0x%02x)", code);
    }
}
