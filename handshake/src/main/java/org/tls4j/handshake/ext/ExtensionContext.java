package org.tls4j.handshake.ext;

/**
 * The message an extension block belongs to: RFC 8446, Section 4.2 names them CH, SH, HRR, EE, CR,
 * CT and NST, and the same extension type can have a different body in each (key_share has three).
 * This is not a wire value, so it is a plain Java enum.
 */
public enum ExtensionContext {
    /** ClientHello. */
    CLIENT_HELLO("CH"),
    /** ServerHello (TLS 1.3, and TLS 1.2 and older). */
    SERVER_HELLO("SH"),
    /** HelloRetryRequest. */
    HELLO_RETRY_REQUEST("HRR"),
    /** EncryptedExtensions. */
    ENCRYPTED_EXTENSIONS("EE"),
    /** CertificateRequest (TLS 1.3 form). */
    CERTIFICATE_REQUEST("CR"),
    /** The extensions of one CertificateEntry in a TLS 1.3 Certificate. */
    CERTIFICATE("CT"),
    /** NewSessionTicket (TLS 1.3 form). */
    NEW_SESSION_TICKET("NST");

    /** The abbreviation used by the table in RFC 8446, Section 4.2. */
    public final String abbreviation;

    ExtensionContext(String abbreviation) {
        this.abbreviation = abbreviation;
    }
}
