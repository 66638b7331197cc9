package org.tls4j.handshake.tls13;

/**
 * Whether a TLS 1.3 server asks the client for a certificate (RFC 8446, Section 4.3.2) and what it does
 * when the client sends an empty Certificate (Section 4.4.2.4).
 */
public enum ClientAuth {
    /** No CertificateRequest is sent (the default). */
    NONE,
    /** A CertificateRequest is sent; an empty Certificate is accepted and the client stays anonymous. */
    OPTIONAL,
    /**
     * A CertificateRequest is sent; an empty Certificate ends the handshake with certificate_required
     * (Section 4.4.2.4: "If the client does not send any certificates ... the server MAY at its
     * discretion ... abort the handshake with a "certificate_required" alert").
     */
    REQUIRED
}
