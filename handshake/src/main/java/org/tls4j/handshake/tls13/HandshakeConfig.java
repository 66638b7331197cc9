package org.tls4j.handshake.tls13;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.tls4j.crypto.rand.RandomSource;
import org.tls4j.crypto.x509.Certificate;
import org.tls4j.handshake.CipherSuite;
import org.tls4j.handshake.NamedGroup;
import org.tls4j.handshake.SignatureScheme;
import org.tls4j.handshake.ext.Extension;
import org.tls4j.handshake.ext.ExtensionContext;

/**
 * Everything a TLS 1.3 handshake needs to know from the application, immutable. The engine's
 * {@code TlsConfig} builds one; tests build one directly. Lists are in preference order.
 */
public final class HandshakeConfig {
    /**
     * Test hook: rewrites the extension list of a ClientHello (client) or HelloRetryRequest and
     * EncryptedExtensions (server) before it is sent, to reproduce a recorded trace byte for byte or to build a misbehaving peer.
     */
    public interface ExtensionsHook {
        /** Returns the extensions to send in {@code where} instead of {@code extensions}. */
        List<Extension> rewrite(ExtensionContext where, List<Extension> extensions);
    }

    /**
     * Test hook: rewrites the signature of a CertificateVerify before it is sent, to build a peer whose
     * signature does not verify.
     */
    public interface CertificateVerifyHook {
        /** Returns the signature to send instead of {@code signature}. */
        byte[] rewrite(byte[] signature);
    }

    final List<CipherSuite> suites;
    final List<NamedGroup> groups;
    final List<NamedGroup> keyShareGroups;
    final List<SignatureScheme> signatureSchemes;
    final List<SignatureScheme> certificateSignatureSchemes;
    final List<CertifiedKey> certificates;
    final List<Certificate> trustAnchors;
    final boolean verifyCertificates;
    final boolean verifyHostname;
    final String serverName;
    final List<String> alpn;
    final RandomSource random;
    final Clock clock;
    final boolean hrrCookie;
    final boolean middleboxCompat;
    final boolean sendServerGroups;
    final ExtensionsHook extensionsHook;
    final ClientAuth clientAuth;
    final boolean sendCertificateAuthorities;
    final TlsListener listener;
    final CertificateVerifyHook certificateVerifyHook;
    final OlderVersionsOffer olderVersions;
    /** Session resumption (tickets, PSK modes); {@link Resumption#NONE} by default. */
    final Resumption resumption;
    final int recordSizeLimit;
    final boolean grease;

    private HandshakeConfig(Builder b) {
        suites = copy(b.suites);
        groups = copy(b.groups);
        keyShareGroups = copy(b.keyShareGroups == null ? first(b.groups) : b.keyShareGroups);
        signatureSchemes = copy(b.signatureSchemes);
        certificateSignatureSchemes = b.certificateSignatureSchemes == null ? null : copy(b.certificateSignatureSchemes);
        certificates = copy(b.certificates);
        trustAnchors = copy(b.trustAnchors);
        verifyCertificates = b.verifyCertificates;
        verifyHostname = b.verifyHostname;
        serverName = b.serverName;
        alpn = copy(b.alpn);
        random = b.random;
        clock = b.clock;
        hrrCookie = b.hrrCookie;
        middleboxCompat = b.middleboxCompat;
        sendServerGroups = b.sendServerGroups;
        extensionsHook = b.extensionsHook;
        clientAuth = b.clientAuth;
        sendCertificateAuthorities = b.sendCertificateAuthorities;
        listener = b.listener;
        certificateVerifyHook = b.certificateVerifyHook;
        olderVersions = b.olderVersions;
        resumption = b.resumption;
        recordSizeLimit = b.recordSizeLimit;
        grease = b.grease;
        if ((suites.isEmpty() && (olderVersions == null || olderVersions.tls13)) || groups.isEmpty()
                || signatureSchemes.isEmpty()) {
            throw new IllegalArgumentException("cipher suites, groups and signature schemes must not be empty");
        }
        if (random == null || clock == null) {
            throw new IllegalArgumentException("a random source and a clock are required");
        }
        for (NamedGroup g : keyShareGroups) {
            if (!groups.contains(g)) {
                throw new IllegalArgumentException("key share for " + g + ", which is not an enabled group");
            }
        }
    }

    private static <T> List<T> first(List<T> l) {
        return l.isEmpty() ? l : l.subList(0, 1);
    }

    private static <T> List<T> copy(List<T> l) {
        return Collections.unmodifiableList(new ArrayList<T>(l));
    }

    /** A builder with nothing set (every list empty, certificates verified, hostname checked). */
    public static Builder builder() {
        return new Builder();
    }

    public List<CipherSuite> suites() {
        return suites;
    }

    public List<NamedGroup> groups() {
        return groups;
    }

    public List<SignatureScheme> signatureSchemes() {
        return signatureSchemes;
    }

    public List<CertifiedKey> certificates() {
        return certificates;
    }

    public List<String> alpn() {
        return alpn;
    }

    public ClientAuth clientAuth() {
        return clientAuth;
    }

    public List<Certificate> trustAnchors() {
        return trustAnchors;
    }

    public boolean verifyCertificates() {
        return verifyCertificates;
    }

    public boolean verifyHostname() {
        return verifyHostname;
    }

    /** Client: the server name sent in server_name and checked in the certificate, or null. */
    public String serverName() {
        return serverName;
    }

    public RandomSource random() {
        return random;
    }

    public Clock clock() {
        return clock;
    }

    public boolean sendCertificateAuthorities() {
        return sendCertificateAuthorities;
    }

    /** The listener, or null. */
    public TlsListener listener() {
        return listener;
    }

    /** The test hook for this side's signatures, or null. */
    public CertificateVerifyHook certificateVerifyHook() {
        return certificateVerifyHook;
    }

    /** Client: the TLS 1.0-1.2 part of the ClientHello, or null when only TLS 1.3 is offered. */
    public OlderVersionsOffer olderVersions() {
        return olderVersions;
    }

    /** Our record_size_limit (RFC 8449), 0 for none. */
    public int recordSizeLimit() {
        return recordSizeLimit;
    }

    /** True when TLS 1.3 is offered (client) or enabled. */
    public boolean tls13() {
        return olderVersions == null || olderVersions.tls13;
    }

    public Resumption resumption() {
        return resumption;
    }

    /** Builder of {@link HandshakeConfig}. */
    public static final class Builder {
        private List<CipherSuite> suites = new ArrayList<CipherSuite>();
        private List<NamedGroup> groups = new ArrayList<NamedGroup>();
        private List<NamedGroup> keyShareGroups;
        private List<SignatureScheme> signatureSchemes = new ArrayList<SignatureScheme>();
        private List<SignatureScheme> certificateSignatureSchemes;
        private List<CertifiedKey> certificates = new ArrayList<CertifiedKey>();
        private List<Certificate> trustAnchors = new ArrayList<Certificate>();
        private boolean verifyCertificates = true;
        private boolean verifyHostname = true;
        private String serverName;
        private List<String> alpn = new ArrayList<String>();
        private RandomSource random;
        private Clock clock = Clock.systemUTC();
        private boolean hrrCookie;
        private boolean middleboxCompat = true;
        private boolean sendServerGroups;
        private ExtensionsHook extensionsHook;
        private ClientAuth clientAuth = ClientAuth.NONE;
        private boolean sendCertificateAuthorities = true;
        private TlsListener listener;
        private CertificateVerifyHook certificateVerifyHook;
        private OlderVersionsOffer olderVersions;
        private Resumption resumption = Resumption.NONE;
        private int recordSizeLimit;
        private boolean grease;

        private Builder() {}

        /** Client: also offer TLS 1.0-1.2 in the same ClientHello (see {@link OlderVersionsOffer}); null for none. */
        public Builder olderVersions(OlderVersionsOffer v) {
            olderVersions = v;
            return this;
        }

        public Builder suites(List<CipherSuite> v) {
            suites = new ArrayList<CipherSuite>(v);
            return this;
        }

        public Builder groups(List<NamedGroup> v) {
            groups = new ArrayList<NamedGroup>(v);
            return this;
        }

        /** Groups the client sends key shares for in its first ClientHello (default: the first group). */
        public Builder keyShareGroups(List<NamedGroup> v) {
            keyShareGroups = new ArrayList<NamedGroup>(v);
            return this;
        }

        /** Schemes offered in (and accepted from) signature_algorithms, including rsa_pkcs1_* for certificates. */
        public Builder signatureSchemes(List<SignatureScheme> v) {
            signatureSchemes = new ArrayList<SignatureScheme>(v);
            return this;
        }

        /** When set, sent as signature_algorithms_cert (RFC 8446, Section 4.2.3). */
        public Builder certificateSignatureSchemes(List<SignatureScheme> v) {
            certificateSignatureSchemes = v == null ? null : new ArrayList<SignatureScheme>(v);
            return this;
        }

        public Builder certificates(List<CertifiedKey> v) {
            certificates = new ArrayList<CertifiedKey>(v);
            return this;
        }

        public Builder trustAnchors(List<Certificate> v) {
            trustAnchors = new ArrayList<Certificate>(v);
            return this;
        }

        /** False skips chain and name validation of the server's certificate: insecure, for debugging only. */
        public Builder verifyCertificates(boolean v) {
            verifyCertificates = v;
            return this;
        }

        public Builder verifyHostname(boolean v) {
            verifyHostname = v;
            return this;
        }

        /** Client: the host name sent in server_name and checked against the certificate. */
        public Builder serverName(String v) {
            serverName = v;
            return this;
        }

        public Builder alpn(List<String> v) {
            alpn = new ArrayList<String>(v);
            return this;
        }

        public Builder random(RandomSource v) {
            random = v;
            return this;
        }

        public Builder clock(Clock v) {
            clock = v;
            return this;
        }

        /** Server: put a cookie in HelloRetryRequest and require it back (RFC 8446, Section 4.2.2). */
        public Builder hrrCookie(boolean v) {
            hrrCookie = v;
            return this;
        }

        /** Middlebox compatibility mode (RFC 8446, Appendix D.4): session ID and dummy ChangeCipherSpec. */
        public Builder middleboxCompat(boolean v) {
            middleboxCompat = v;
            return this;
        }

        /** Server: send its supported_groups in EncryptedExtensions (RFC 8446, Section 4.2.7 allows it). */
        public Builder sendServerGroups(boolean v) {
            sendServerGroups = v;
            return this;
        }

        /** Tests: rewrite sent extension lists (see {@link ExtensionsHook}). */
        public Builder extensionsHook(ExtensionsHook v) {
            extensionsHook = v;
            return this;
        }

        /** Server: whether to ask for a client certificate (RFC 8446, Section 4.3.2; default NONE). */
        public Builder clientAuth(ClientAuth v) {
            if (v == null) {
                throw new IllegalArgumentException("client auth policy is null");
            }
            clientAuth = v;
            return this;
        }

        /**
         * Server: put the trust anchors' subject names in the CertificateRequest's
         * certificate_authorities (RFC 8446, Section 4.2.4; default on when there are anchors).
         */
        public Builder sendCertificateAuthorities(boolean v) {
            sendCertificateAuthorities = v;
            return this;
        }

        /** Receives secrets, messages and state changes (see {@link TlsListener}); null for none. */
        public Builder listener(TlsListener v) {
            listener = v;
            return this;
        }

        /** Tests: rewrite this side's CertificateVerify signature (see {@link CertificateVerifyHook}). */
        public Builder certificateVerifyHook(CertificateVerifyHook v) {
            certificateVerifyHook = v;
            return this;
        }

        /** Session resumption settings (RFC 8446, Section 2.2); default {@link Resumption#NONE}. */
        public Builder resumption(Resumption v) {
            if (v == null) {
                throw new IllegalArgumentException("resumption settings are null (use Resumption.NONE)");
            }
            resumption = v;
            return this;
        }

        /**
         * record_size_limit (RFC 8449): the most plaintext bytes per protected record this side accepts
         * (in TLS 1.3 counting the inner content type and padding), 64 to 2^14 + 1; the client offers
         * it, the server answers an offer with it. 0 (the default here) sends nothing. See
         * {@link RecordSizeLimits}.
         */
        public Builder recordSizeLimit(int v) {
            if (v != 0 && (v < 64 || v > RecordSizeLimits.TLS13_MAXIMUM)) {
                throw new IllegalArgumentException("record_size_limit must be 0 (none) or 64..16385: " + v);
            }
            recordSizeLimit = v;
            return this;
        }

        /** Client: send GREASE values in the ClientHello (RFC 8701; see {@link Grease}). Default off. */
        public Builder grease(boolean v) {
            grease = v;
            return this;
        }

        public HandshakeConfig build() {
            return new HandshakeConfig(this);
        }
    }
}
