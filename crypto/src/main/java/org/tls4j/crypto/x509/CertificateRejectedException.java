package org.tls4j.crypto.x509;

import org.tls4j.crypto.CryptoException;

/**
 * A certificate or chain was refused. {@link #reason()} says why, precisely enough for TLS to pick the
 * alert (see {@link Reason}); the message names the certificate and the rule (with its RFC section).
 */
public final class CertificateRejectedException extends CryptoException {
    private static final long serialVersionUID = 1L;

    /**
     * Why a certificate was refused, with the TLS alert the handshake is meant to send (RFC 8446,
     * Section 6.2; RFC 5246, Section 7.2.2). The crypto module knows nothing of TLS: the handshake's one
     * failure-to-alert table implements this mapping.
     *
     * <table summary="reason to alert">
     * <tr><th>reason</th><th>alert</th></tr>
     * <tr><td>MALFORMED</td><td>bad_certificate (42)</td></tr>
     * <tr><td>EXPIRED, NOT_YET_VALID</td><td>certificate_expired (45)</td></tr>
     * <tr><td>UNTRUSTED, LOOP, CHAIN_TOO_LONG</td><td>unknown_ca (48)</td></tr>
     * <tr><td>BAD_SIGNATURE</td><td>bad_certificate (42) (a bad CertificateVerify signature is decrypt_error, 51, in the handshake)</td></tr>
     * <tr><td>UNSUPPORTED_ALGORITHM, UNKNOWN_CRITICAL_EXTENSION, KEY_USAGE, EXTENDED_KEY_USAGE</td><td>unsupported_certificate (43)</td></tr>
     * <tr><td>WEAK_ALGORITHM, NOT_A_CA, PATH_LENGTH_EXCEEDED, NAME_CONSTRAINTS, HOSTNAME_MISMATCH</td><td>bad_certificate (42)</td></tr>
     * </table>
     */
    public enum Reason {
        /** The certificate does not parse (DER or field rules). Alert: bad_certificate. */
        MALFORMED,
        /** The instant is after notAfter (RFC 5280, Section 6.1.3 (a)(2)). Alert: certificate_expired. */
        EXPIRED,
        /** The instant is before notBefore. Alert: certificate_expired. */
        NOT_YET_VALID,
        /** No path leads to a trust anchor. Alert: unknown_ca. */
        UNTRUSTED,
        /** The only paths found repeat a certificate. Alert: unknown_ca. */
        LOOP,
        /** The path would be longer than the policy allows. Alert: unknown_ca. */
        CHAIN_TOO_LONG,
        /** A certificate's signature does not verify with its issuer's key. Alert: bad_certificate. */
        BAD_SIGNATURE,
        /** A signature or key algorithm tls4j does not implement, or a key/algorithm mismatch. Alert: unsupported_certificate. */
        UNSUPPORTED_ALGORITHM,
        /** An algorithm or key size the policy refuses (SHA-1, small RSA). Alert: bad_certificate. */
        WEAK_ALGORITHM,
        /** A critical extension tls4j does not process (RFC 5280, Section 4.2). Alert: unsupported_certificate. */
        UNKNOWN_CRITICAL_EXTENSION,
        /** An issuer is not a CA (basicConstraints, RFC 5280, Section 6.1.4 (k)). Alert: bad_certificate. */
        NOT_A_CA,
        /** pathLenConstraint exceeded (RFC 5280, Section 6.1.4 (l), (m)). Alert: bad_certificate. */
        PATH_LENGTH_EXCEEDED,
        /** keyUsage forbids the use (RFC 5280, Section 4.2.1.3). Alert: unsupported_certificate. */
        KEY_USAGE,
        /** extendedKeyUsage lacks the TLS purpose (RFC 5280, Section 4.2.1.12). Alert: unsupported_certificate. */
        EXTENDED_KEY_USAGE,
        /** A name falls outside permitted or inside excluded subtrees (RFC 5280, Section 4.2.1.10). Alert: bad_certificate. */
        NAME_CONSTRAINTS,
        /** The certificate is not for the requested host (RFC 9525, Section 6). Alert: bad_certificate. */
        HOSTNAME_MISMATCH
    }

    private final Reason reason;

    public CertificateRejectedException(Reason reason, String message) {
        super(reason + ": " + message);
        this.reason = reason;
    }

    public CertificateRejectedException(Reason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
