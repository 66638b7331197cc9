package org.tls4j;

import java.util.List;

import org.tls4j.crypto.x509.Certificate;
import org.tls4j.handshake.CipherSuite;
import org.tls4j.handshake.NamedGroup;
import org.tls4j.handshake.SignatureScheme;
import org.tls4j.handshake.tls13.HandshakeSummary;
import org.tls4j.record.ProtocolVersion;

/** What a completed handshake negotiated (a read-only view; {@link TlsEngine#session()}). */
public final class TlsSession {
    private final HandshakeSummary s;

    TlsSession(HandshakeSummary s) {
        this.s = s;
    }

    /** The negotiated protocol version (TLS 1.0 to TLS 1.3). */
    public ProtocolVersion version() {
        return s.version;
    }

    public CipherSuite cipherSuite() {
        return s.suite;
    }

    /**
     * The key exchange group (null for a TLS 1.3 resumption in psk_ke mode, TLS 1.2 RSA key transport and
     * a server-chosen DH group).
     */
    public NamedGroup group() {
        return s.group;
    }

    /**
     * The scheme the server signed its CertificateVerify (TLS 1.3) or ServerKeyExchange (TLS 1.2) with;
     * null for RSA key transport and when resumed (no CertificateVerify).
     */
    public SignatureScheme signatureScheme() {
        return s.signatureScheme;
    }

    /** The ALPN protocol, or null. */
    public String applicationProtocol() {
        return s.alpn;
    }

    /** The server name the client sent (SNI), or null. */
    public String serverName() {
        return s.serverName;
    }

    /** The peer's certificate chain as sent, leaf first (empty when the peer sent none). */
    public List<Certificate> peerCertificates() {
        return s.peerCertificates();
    }

    /** The chain this side sent, leaf first. */
    public List<Certificate> localCertificates() {
        return s.localCertificates();
    }

    /** True when the server asked for a second ClientHello (HelloRetryRequest). */
    public boolean helloRetried() {
        return s.helloRetried;
    }

    /**
     * True when this connection resumed an earlier session: TLS 1.3 with a ticket (RFC 8446, Section
     * 2.2); TLS 1.0-1.2 with the abbreviated handshake, by session ID (RFC 5246, Section 7.3) or by
     * ticket (RFC 5077).
     */
    public boolean isResumed() {
        return s.resumed;
    }

    /**
     * The OCSP response the server stapled (TLS 1.0-1.2 status_request, RFC 6066, Section 8; DER, not
     * validated by tls4j), or null when none was asked for or sent.
     */
    public byte[] ocspResponse() {
        return s.ocspResponse();
    }

    @Override
    public String toString() {
        return s.toString();
    }
}
