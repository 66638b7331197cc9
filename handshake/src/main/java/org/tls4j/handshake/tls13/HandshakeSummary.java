package org.tls4j.handshake.tls13;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.tls4j.crypto.x509.Certificate;
import org.tls4j.handshake.CipherSuite;
import org.tls4j.handshake.NamedGroup;
import org.tls4j.handshake.SignatureScheme;
import org.tls4j.record.ProtocolVersion;

/** What a completed handshake negotiated. Immutable. */
public final class HandshakeSummary {
    public final ProtocolVersion version;
    public final CipherSuite suite;
    public final NamedGroup group;
    /** The scheme of the server's CertificateVerify. */
    public final SignatureScheme signatureScheme;
    /** The ALPN protocol, or null when none was negotiated. */
    public final String alpn;
    /** The host name the client sent in server_name, or null. */
    public final String serverName;
    /** True when the server sent a HelloRetryRequest. */
    public final boolean helloRetried;
    /**
     * True when the handshake resumed a session: with a PSK (RFC 8446, Section 2.2), or TLS 1.0-1.2's
     * abbreviated handshake (RFC 5246, Section 7.3; RFC 5077).
     */
    public final boolean resumed;
    private final List<Certificate> peerCertificates;
    private final List<Certificate> localCertificates;
    private byte[] ocspResponse;

    HandshakeSummary(CipherSuite suite, NamedGroup group, SignatureScheme signatureScheme, String alpn,
            String serverName, boolean helloRetried, List<Certificate> peerCertificates,
            List<Certificate> localCertificates) {
        this(ProtocolVersion.TLS13, suite, group, signatureScheme, alpn, serverName, helloRetried, peerCertificates,
                localCertificates, false);
    }

    HandshakeSummary(CipherSuite suite, NamedGroup group, SignatureScheme signatureScheme, String alpn,
            String serverName, boolean helloRetried, List<Certificate> peerCertificates,
            List<Certificate> localCertificates, boolean resumed) {
        this(ProtocolVersion.TLS13, suite, group, signatureScheme, alpn, serverName, helloRetried, peerCertificates,
                localCertificates, resumed);
    }

    /**
     * The summary of a TLS 1.0-1.2 handshake ({@code tls12.Tls12Handshake}): {@code group} is null for RSA
     * key transport and a server-chosen DH group; {@code signatureScheme} is the ServerKeyExchange's
     * (null for RSA key transport and before TLS 1.2).
     */
    public static HandshakeSummary tls12(ProtocolVersion version, CipherSuite suite, NamedGroup group,
            SignatureScheme signatureScheme, String alpn, String serverName, List<Certificate> peerCertificates,
            List<Certificate> localCertificates) {
        if (version.atLeast(ProtocolVersion.TLS13)) {
            throw new IllegalArgumentException("not a TLS 1.0-1.2 version: " + version);
        }
        return new HandshakeSummary(version, suite, group, signatureScheme, alpn, serverName, false,
                peerCertificates, localCertificates, false);
    }

    private HandshakeSummary(ProtocolVersion version, CipherSuite suite, NamedGroup group,
            SignatureScheme signatureScheme, String alpn, String serverName, boolean helloRetried,
            List<Certificate> peerCertificates, List<Certificate> localCertificates, boolean resumed) {
        this.resumed = resumed;
        this.version = version;
        this.suite = suite;
        this.group = group;
        this.signatureScheme = signatureScheme;
        this.alpn = alpn;
        this.serverName = serverName;
        this.helloRetried = helloRetried;
        this.peerCertificates = Collections.unmodifiableList(new ArrayList<Certificate>(peerCertificates));
        this.localCertificates = Collections.unmodifiableList(new ArrayList<Certificate>(localCertificates));
    }

    /** The peer's chain as sent, leaf first (empty for a server without client authentication). */
    public List<Certificate> peerCertificates() {
        return peerCertificates;
    }

    /** The chain this side sent, leaf first. */
    /**
     * The OCSP response the server stapled (TLS 1.2 status_request, RFC 6066, Section 8; DER, not
     * validated by tls4j), or null.
     */
    public byte[] ocspResponse() {
        return ocspResponse == null ? null : ocspResponse.clone();
    }

    /** This summary marked as an abbreviated handshake that resumed a session (TLS 1.0-1.2 machines). */
    public HandshakeSummary asResumed() {
        HandshakeSummary s = new HandshakeSummary(version, suite, group, signatureScheme, alpn, serverName, helloRetried,
                peerCertificates, localCertificates, true);
        s.ocspResponse = ocspResponse;
        return s;
    }

    /** This summary with the stapled OCSP response (TLS 1.0-1.2 machines). */
    public HandshakeSummary withOcspResponse(byte[] der) {
        HandshakeSummary s = new HandshakeSummary(version, suite, group, signatureScheme, alpn, serverName, helloRetried,
                peerCertificates, localCertificates, resumed);
        s.ocspResponse = der == null ? null : der.clone();
        return s;
    }

    public List<Certificate> localCertificates() {
        return localCertificates;
    }

    @Override
    public String toString() {
        return version + " " + suite + " " + group + " " + signatureScheme + (alpn != null ? " alpn=" + alpn : "")
                + (serverName != null ? " sni=" + serverName : "") + (helloRetried ? " (HRR)" : "")
                + (resumed ? " (resumed)" : "");
    }
}
