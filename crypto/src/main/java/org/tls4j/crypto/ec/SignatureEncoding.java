package org.tls4j.crypto.ec;

/**
 * How an ECDSA signature (r, s) is written.
 *
 * <ul>
 *   <li>{@link #DER}: {@code SEQUENCE { r INTEGER, s INTEGER }} (RFC 3279, Section 2.2.3), what TLS puts
 *       in CertificateVerify and ServerKeyExchange (RFC 8446, Section 4.2.3; RFC 8422, Section 5.4) and
 *       what X.509 signatures hold. Parsing is strict DER: minimal lengths, minimal non-negative
 *       integers, no trailing bytes.
 *   <li>{@link #P1363}: r || s, each left-padded to the order's byte length (IEEE P1363; JWS, WebCrypto).
 * </ul>
 */
public enum SignatureEncoding {
    DER,
    P1363
}
