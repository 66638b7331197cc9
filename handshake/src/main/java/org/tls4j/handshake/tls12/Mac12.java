package org.tls4j.handshake.tls12;

/**
 * The record MAC of a TLS 1.0-1.2 suite (RFC 5246, Section 6.2.3.1; Appendix C): HMAC with this hash,
 * or none for AEAD suites. In SSL 3.0 the same hash is used in the SSL 3.0 MAC (RFC 6101, Section
 * 5.2.3.1).
 */
public enum Mac12 {
    /** AEAD suites have no separate MAC. */
    AEAD(null, 0),
    /** HMAC-MD5: only in RC4/NULL legacy suites. */
    MD5("MD5", 16),
    SHA1("SHA-1", 20),
    SHA256("SHA-256", 32),
    SHA384("SHA-384", 48);

    /** The digest name for {@code org.tls4j.crypto.hash.Digests#forName}, or null. */
    public final String digest;
    /** mac_key_length = mac_length in bytes. */
    public final int length;

    Mac12(String digest, int length) {
        this.digest = digest;
        this.length = length;
    }
}
