package org.tls4j.crypto.x509;

import org.tls4j.crypto.asn1.Oid;

/** What the end-entity certificate is to be used for; selects the extendedKeyUsage checked. */
public enum Purpose {
    /** id-kp-serverAuth (RFC 5280, Section 4.2.1.12): the peer is a TLS server. */
    SERVER_AUTH(X509Oids.KP_SERVER_AUTH),
    /** id-kp-clientAuth: the peer is a TLS client. */
    CLIENT_AUTH(X509Oids.KP_CLIENT_AUTH);

    private final Oid eku;

    Purpose(Oid eku) {
        this.eku = eku;
    }

    public Oid eku() {
        return eku;
    }
}
