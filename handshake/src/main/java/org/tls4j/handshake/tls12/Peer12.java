package org.tls4j.handshake.tls12;

import java.util.ArrayList;
import java.util.List;

import org.tls4j.crypto.asn1.DerException;
import org.tls4j.crypto.x509.Certificate;
import org.tls4j.crypto.x509.CertificateRejectedException;
import org.tls4j.crypto.x509.DefaultVerifiers;
import org.tls4j.crypto.x509.PathValidator;
import org.tls4j.crypto.x509.Purpose;
import org.tls4j.crypto.x509.ValidationPolicy;
import org.tls4j.handshake.tls12.msg.Certificate12;
import org.tls4j.handshake.tls13.CertificateAlerts;
import org.tls4j.handshake.tls13.HandshakeConfig;

import org.tls4j.record.TlsAlert;

/** Checks shared by both TLS 1.0-1.2 sides: the peer's certificate chain. */
final class Peer12 {
    private Peer12() {}

    /**
     * Parses a Certificate message's chain and, unless verification is off, validates it against the trust
     * anchors: for a server chain with the configured host name, for a client chain with the clientAuth
     * purpose (RFC 5246, Section 7.4.2 and 7.4.6). An unparseable certificate is bad_certificate.
     */
    static List<Certificate> chain(HandshakeConfig c, Certificate12 m, boolean serverChain) throws TlsAlert {
        List<Certificate> chain = new ArrayList<Certificate>();
        for (byte[] der : m.certificates()) {
            try {
                chain.add(Certificate.parse(der));
            } catch (DerException ex) {
                throw CertificateAlerts.toAlert(new CertificateRejectedException(
                        CertificateRejectedException.Reason.MALFORMED, ex.getMessage(), ex));
            }
        }
        if (c.verifyCertificates()) {
            ValidationPolicy policy = ValidationPolicy.defaults().withClock(c.clock());
            policy = serverChain ? policy.withHostname(c.verifyHostname() ? c.serverName() : null)
                    : policy.withPurpose(Purpose.CLIENT_AUTH);
            try {
                new PathValidator(c.trustAnchors(), DefaultVerifiers.INSTANCE).validate(chain, policy);
            } catch (CertificateRejectedException e) {
                throw CertificateAlerts.toAlert(e);
            }
        }
        return chain;
    }
}
