package org.tls4j.handshake.tls12;

/**
 * The key exchange of a TLS 1.0-1.2 cipher suite (RFC 5246, Section 7.4.3; RFC 8422, Section 2).
 * Not a wire value (the suite code carries it), so a plain Java enum.
 */
public enum KeyExchange12 {
    /** Ephemeral ECDH (or X25519/X448) signed with ECDSA or EdDSA (RFC 8422, Section 2.1). */
    ECDHE_ECDSA(true, true),
    /** Ephemeral ECDH signed with RSA (RFC 8422, Section 2.2). */
    ECDHE_RSA(true, true),
    /** Ephemeral finite-field DH signed with RSA (RFC 5246, Section 7.4.3; groups per RFC 7919). */
    DHE_RSA(true, true),
    /**
     * RSA key transport (RFC 5246, Section 7.4.7.1): no forward secrecy, and the decryption is a
     * padding oracle unless done as {@link RsaPremaster} does (Bleichenbacher 1998, ROBOT 2017).
     */
    RSA(false, false);

    /** True when a compromise of the long-term key does not reveal past sessions. */
    public final boolean forwardSecrecy;
    /** True when the server sends a ServerKeyExchange. */
    public final boolean serverKeyExchange;

    KeyExchange12(boolean forwardSecrecy, boolean serverKeyExchange) {
        this.forwardSecrecy = forwardSecrecy;
        this.serverKeyExchange = serverKeyExchange;
    }

    /** True for ECDHE_ECDSA and ECDHE_RSA. */
    public boolean isEcdhe() {
        return this == ECDHE_ECDSA || this == ECDHE_RSA;
    }
}
