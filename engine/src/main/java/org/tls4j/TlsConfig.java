package org.tls4j;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.dh.FfdheGroup;
import org.tls4j.crypto.rand.HmacDrbg;
import org.tls4j.crypto.rand.RandomSource;
import org.tls4j.crypto.x509.Certificate;
import org.tls4j.crypto.x509.TrustStore;
import org.tls4j.handshake.CipherSuite;
import org.tls4j.handshake.NamedGroup;
import org.tls4j.handshake.SignatureScheme;
import org.tls4j.handshake.ext.PskKeyExchangeModes;
import org.tls4j.handshake.tls13.CertifiedKey;
import org.tls4j.handshake.tls13.ClientAuth;
import org.tls4j.handshake.tls13.Groups;
import org.tls4j.handshake.tls12.Suite12;
import org.tls4j.handshake.tls12.ServerSessionStore12;
import org.tls4j.handshake.tls12.Renegotiation;
import org.tls4j.handshake.tls12.Tls12Config;
import org.tls4j.handshake.tls13.HandshakeConfig;
import org.tls4j.handshake.tls13.Resumption;
import org.tls4j.handshake.tls13.TicketKeys;
import org.tls4j.handshake.tls13.Tls13Suite;
import org.tls4j.handshake.tls13.TlsListener;
import org.tls4j.record.ProtocolVersion;

/**
 * The configuration of a {@link TlsEngine}: immutable, built with {@link #builder()}, shareable between
 * engines and threads.
 *
 * <p><b>Versions.</b> Any subset of TLS 1.0, 1.1, 1.2 and 1.3 ({@link Builder#versions}); default
 * TLS 1.3 and TLS 1.2. The client offers its whole range in one ClientHello, the server picks the highest
 * common version, TLS 1.3's downgrade sentinels protect the choice (RFC 8446, Section 4.1.3), and a
 * version this side does not enable is refused with protocol_version.
 * <b>TLS 1.0 and 1.1 are deprecated (RFC 8996) and off by default</b>: they hash with MD5 and SHA-1 and
 * have no AEAD suites; enable them only to talk to a peer that has nothing better. SSL 3.0 is never
 * offered (RFC 7568).
 *
 * <p><b>TLS 1.2 defaults:</b> the suites of {@code Suite12.defaultOrder} (forward secrecy and AEAD
 * first; 3DES, RC4, NULL and CCM_8 off); extended_master_secret required (RFC 7627: a peer without it is
 * refused with handshake_failure, {@link Builder#requireExtendedMasterSecret}); encrypt_then_mac for CBC
 * suites (RFC 7366); server-chosen DH groups of at least 2048 bits; renegotiation refused with a
 * no_renegotiation warning ({@link Builder#renegotiation}); resumption by session ID and by RFC 5077
 * ticket.
 *
 * <p><b>Defaults</b> (all lists in preference order):
 * <ul>
 * <li>cipher suites: TLS_AES_128_GCM_SHA256, TLS_AES_256_GCM_SHA384, TLS_CHACHA20_POLY1305_SHA256,
 *     TLS_AES_128_CCM_SHA256. TLS_AES_128_CCM_8_SHA256 is off (its 8-byte tag is weaker; RFC 8446,
 *     Appendix B.4 lists it for constrained devices) and must be enabled explicitly;</li>
 * <li>groups: x25519, secp256r1, x448, secp384r1, secp521r1, ffdhe2048, ffdhe3072, ffdhe4096; the client
 *     sends a key share for the first only ({@link Builder#keyShareGroups}) and the server asks for
 *     another with a HelloRetryRequest when needed;</li>
 * <li>signature schemes: ecdsa_secp256r1_sha256, ecdsa_secp384r1_sha384, ecdsa_secp521r1_sha512,
 *     ed25519, ed448, rsa_pss_rsae_sha256/384/512, rsa_pss_pss_sha256/384/512, and rsa_pkcs1_sha256/384/512
 *     which TLS 1.3 allows for certificate signatures only (Section 4.2.3);</li>
 * <li>certificates and names: verified (chain to {@link Builder#trustAnchors}, then the host name);</li>
 * <li>random: {@link HmacDrbg} seeded from {@code SecureRandom}; clock: {@link Clock#systemUTC()};</li>
 * <li>HelloRetryRequest cookie off; middlebox compatibility mode (RFC 8446, Appendix D.4) on.</li>
 * <li>record_size_limit 16385 (RFC 8449, the TLS 1.3 maximum: understood, nothing lowered); GREASE
 *     (RFC 8701) off.</li>
 * </ul>
 */
public final class TlsConfig {
    private final List<ProtocolVersion> versions;
    private final List<CipherSuite> suites;
    private final List<NamedGroup> groups;
    private final List<NamedGroup> keyShareGroups;
    private final List<SignatureScheme> signatureSchemes;
    private final List<CertifiedKey> certificates;
    private final List<Certificate> trustAnchors;
    private final boolean verifyCertificates;
    private final boolean verifyHostname;
    private final String serverName;
    private final List<String> alpn;
    private final RandomSource random;
    private final Clock clock;
    private final boolean hrrCookie;
    private final boolean middleboxCompat;
    private final int recordSizeLimit;
    private final boolean grease;
    private final HandshakeConfig.ExtensionsHook extensionsHook;
    private final ClientAuth clientAuth;
    private final boolean sendCertificateAuthorities;
    private final TlsListener listener;
    private final HandshakeConfig.CertificateVerifyHook certificateVerifyHook;
    private final Tls12Config tls12;
    /** Resumption (server tickets, PSK modes); the client's tickets come from {@link #sessionCache}. */
    private final Resumption resumption;
    private final SessionCache sessionCache;
    /** The builder's settings at build() (random and ticket keys fixed): {@link #withVersions} rebuilds from them. */
    private final Builder settings;

    private TlsConfig(Builder b) {
        versions = unmodifiable(b.versions);
        suites = unmodifiable(b.suites);
        groups = unmodifiable(b.groups);
        keyShareGroups = b.keyShareGroups == null ? null : unmodifiable(b.keyShareGroups);
        signatureSchemes = unmodifiable(b.signatureSchemes);
        certificates = unmodifiable(b.certificates);
        trustAnchors = unmodifiable(b.trustAnchors);
        verifyCertificates = b.verifyCertificates;
        verifyHostname = b.verifyHostname;
        serverName = b.serverName;
        alpn = unmodifiable(b.alpn);
        random = b.random != null ? b.random : HmacDrbg.fromSystem();
        clock = b.clock;
        hrrCookie = b.hrrCookie;
        middleboxCompat = b.middleboxCompat;
        recordSizeLimit = b.recordSizeLimit;
        grease = b.grease;
        extensionsHook = b.extensionsHook;
        clientAuth = b.clientAuth;
        sendCertificateAuthorities = b.sendCertificateAuthorities;
        listener = b.listener;
        certificateVerifyHook = b.certificateVerifyHook;
        List<ProtocolVersion> older = new ArrayList<ProtocolVersion>();
        for (ProtocolVersion v : versions) {
            if (!v.equals(ProtocolVersion.TLS13)) {
                older.add(v);
            }
        }
        TicketKeys keys = b.ticketKeys != null ? b.ticketKeys : new TicketKeys(random, clock);
        tls12 = Tls12Config.builder().versions(older).tls13(versions.contains(ProtocolVersion.TLS13))
                .suites(b.suites12).requireExtendedMasterSecret(b.requireEms).encryptThenMac(b.encryptThenMac)
                .minDhBits(b.minDhBits).fallbackScsv(b.fallbackScsv).serverDhGroup(b.dhGroup).hooks(b.tls12Hooks)
                .ocspResponse(b.ocspResponse).requestOcsp(b.requestOcsp).renegotiation(b.renegotiation).maxFragmentLength(b.maxFragmentLength)
                // TLS 1.0-1.2 resumption (RFC 5246, Section 7.3; RFC 5077): the store, and the TLS 1.3 ticket keys.
                .serverSessions(b.serverSessions12).ticketKeys(b.sessionTickets > 0 ? keys : null)
                .sessionLifetimeSeconds(b.ticketLifetimeSeconds).build();
        resumption = Resumption.NONE.withTickets(keys, b.sessionTickets).withLifetimeSeconds(b.ticketLifetimeSeconds)
                .withPskModes(b.pskModes);
        sessionCache = b.sessionCache;
        settings = b.copy();
        settings.random = random;
        settings.ticketKeys = keys;
    }

    /** A copy of {@code c} with another server name (Transport.open sets SNI from the URL's host). */
    private TlsConfig(TlsConfig c, String serverName) {
        versions = c.versions;
        suites = c.suites;
        groups = c.groups;
        keyShareGroups = c.keyShareGroups;
        signatureSchemes = c.signatureSchemes;
        certificates = c.certificates;
        trustAnchors = c.trustAnchors;
        verifyCertificates = c.verifyCertificates;
        verifyHostname = c.verifyHostname;
        this.serverName = serverName;
        alpn = c.alpn;
        random = c.random;
        clock = c.clock;
        hrrCookie = c.hrrCookie;
        middleboxCompat = c.middleboxCompat;
        recordSizeLimit = c.recordSizeLimit;
        grease = c.grease;
        extensionsHook = c.extensionsHook;
        clientAuth = c.clientAuth;
        sendCertificateAuthorities = c.sendCertificateAuthorities;
        listener = c.listener;
        certificateVerifyHook = c.certificateVerifyHook;
        tls12 = c.tls12;
        resumption = c.resumption;
        sessionCache = c.sessionCache;
        settings = c.settings;
    }

    /** This configuration with {@link #serverName()} replaced. */
    TlsConfig withServerName(String name) {
        return new TlsConfig(this, name);
    }

    /**
     * This configuration with only the versions {@code v} enabled and everything else kept: the same
     * suites, groups, certificates, listener, random source, ticket keys and {@link SessionCache}
     * instance, and the same server name. {@link Transport#open} narrows a configuration to the versions
     * its scheme names ({@code tlsv1.2://} enables TLS 1.2 only) with it.
     *
     * @throws IllegalArgumentException when {@code v} is empty or holds a version tls4j does not
     *     support, or when none of the TLS 1.0-1.2 cipher suites can be used in the highest enabled
     *     version below TLS 1.3 (e.g. only AEAD suites for TLS 1.0)
     */
    public TlsConfig withVersions(ProtocolVersion... v) {
        Builder b = settings.copy();
        b.versions(v);
        b.serverName = serverName;
        return b.build();
    }

    private static <T> List<T> unmodifiable(List<T> l) {
        return Collections.unmodifiableList(new ArrayList<T>(l));
    }

    /** A builder holding the defaults above. */
    public static Builder builder() {
        return new Builder();
    }

    public List<ProtocolVersion> versions() {
        return versions;
    }

    public List<CipherSuite> cipherSuites() {
        return suites;
    }

    public List<NamedGroup> groups() {
        return groups;
    }

    /** Groups the client sends key shares for in its first ClientHello. */
    public List<NamedGroup> keyShareGroups() {
        return keyShareGroups != null ? keyShareGroups : groups.subList(0, 1);
    }

    public List<SignatureScheme> signatureSchemes() {
        return signatureSchemes;
    }

    /**
     * The certificate chains with their keys: a server chooses one per handshake; a client answers a
     * CertificateRequest with the first that fits it.
     */
    public List<CertifiedKey> certificates() {
        return certificates;
    }

    public List<Certificate> trustAnchors() {
        return trustAnchors;
    }

    /** False only when built with {@link Builder#insecureSkipCertificateVerification()}. */
    public boolean verifyCertificates() {
        return verifyCertificates;
    }

    public boolean verifyHostname() {
        return verifyHostname;
    }

    /** The client's server name (SNI and the name checked in the certificate), or null. */
    public String serverName() {
        return serverName;
    }

    public List<String> alpnProtocols() {
        return alpn;
    }

    public RandomSource randomSource() {
        return random;
    }

    public Clock clock() {
        return clock;
    }

    public boolean helloRetryCookie() {
        return hrrCookie;
    }

    public boolean middleboxCompatibility() {
        return middleboxCompat;
    }

    /** The record_size_limit this side advertises (RFC 8449), or 0 when it sends none. */
    public int recordSizeLimit() {
        return recordSizeLimit;
    }

    /** Client: whether the ClientHello carries GREASE values (RFC 8701). */
    public boolean grease() {
        return grease;
    }

    /** Server: whether a client certificate is asked for, and whether one is required. */
    public ClientAuth clientAuth() {
        return clientAuth;
    }

    /** The listener that observes secrets, messages and states, or null. */
    public TlsListener listener() {
        return listener;
    }

    /** The TLS 1.0-1.2 part of this configuration (versions, suites, extension policies). */
    public Tls12Config tls12Config() {
        return tls12;
    }

    /** The handshake's view of this configuration. */
    /** Server: the NewSessionTickets sent after each handshake (0: none). */
    public int sessionTickets() {
        return resumption.ticketCount();
    }

    /** Server: the keys that seal and open session tickets. */
    public TicketKeys ticketKeys() {
        return resumption.ticketKeys();
    }

    /** Client: the session cache (null: no resumption). */
    public SessionCache sessionCache() {
        return sessionCache;
    }

    /**
     * The handshake's view of this configuration for a connection to {@code host:port}: a client then
     * offers and keeps tickets in {@link #sessionCache} under that key (null host: no resumption).
     */
    HandshakeConfig handshakeConfig(String peerHost, int peerPort) {
        Resumption r = resumption;
        if (sessionCache != null && peerHost != null) {
            r = r.withClientTickets(sessionCache.forPeer(peerHost, peerPort));
        }
        return handshakeBuilder().resumption(r).build();
    }

    /** The handshake's view of this configuration (a client without a peer key does not resume). */
    HandshakeConfig handshakeConfig() {
        return handshakeConfig(null, 0);
    }

    private HandshakeConfig.Builder handshakeBuilder() {
        return HandshakeConfig.builder().suites(suites).groups(groups).keyShareGroups(keyShareGroups())
                .signatureSchemes(signatureSchemes).certificates(certificates).trustAnchors(trustAnchors)
                .verifyCertificates(verifyCertificates).verifyHostname(verifyHostname).serverName(serverName)
                .alpn(alpn).random(random).clock(clock).hrrCookie(hrrCookie).middleboxCompat(middleboxCompat)
                .recordSizeLimit(recordSizeLimit).grease(grease).extensionsHook(extensionsHook)
                .clientAuth(clientAuth).sendCertificateAuthorities(sendCertificateAuthorities).listener(listener).certificateVerifyHook(certificateVerifyHook)
                .olderVersions(tls12.clientOffer());
    }

    /** Builder of {@link TlsConfig}; every setter validates at once and throws IllegalArgumentException. */
    public static final class Builder implements Cloneable {
        private List<ProtocolVersion> versions = Arrays.asList(ProtocolVersion.TLS13, ProtocolVersion.TLS12);
        private List<Suite12> suites12 = Suite12.defaultOrder(false);
        private boolean requireEms = true;
        private boolean encryptThenMac = true;
        private int minDhBits = 2048;
        private boolean fallbackScsv;
        private FfdheGroup dhGroup = FfdheGroup.FFDHE2048;
        private byte[] ocspResponse;
        private boolean requestOcsp;
        private Tls12Config.Hooks tls12Hooks;
        private Renegotiation renegotiation = Renegotiation.REFUSE;
        private int maxFragmentLength;
        private HandshakeConfig.ExtensionsHook extensionsHook;
        private List<CipherSuite> suites = Arrays.asList(CipherSuite.TLS_AES_128_GCM_SHA256,
                CipherSuite.TLS_AES_256_GCM_SHA384, CipherSuite.TLS_CHACHA20_POLY1305_SHA256,
                CipherSuite.TLS_AES_128_CCM_SHA256);
        private List<NamedGroup> groups = Arrays.asList(NamedGroup.X25519, NamedGroup.SECP256R1, NamedGroup.X448,
                NamedGroup.SECP384R1, NamedGroup.SECP521R1, NamedGroup.FFDHE2048, NamedGroup.FFDHE3072,
                NamedGroup.FFDHE4096);
        private List<NamedGroup> keyShareGroups;
        private List<SignatureScheme> signatureSchemes = Arrays.asList(SignatureScheme.ECDSA_SECP256R1_SHA256,
                SignatureScheme.ECDSA_SECP384R1_SHA384, SignatureScheme.ECDSA_SECP521R1_SHA512, SignatureScheme.ED25519,
                SignatureScheme.ED448, SignatureScheme.RSA_PSS_RSAE_SHA256, SignatureScheme.RSA_PSS_RSAE_SHA384,
                SignatureScheme.RSA_PSS_RSAE_SHA512, SignatureScheme.RSA_PSS_PSS_SHA256,
                SignatureScheme.RSA_PSS_PSS_SHA384, SignatureScheme.RSA_PSS_PSS_SHA512,
                SignatureScheme.RSA_PKCS1_SHA256, SignatureScheme.RSA_PKCS1_SHA384, SignatureScheme.RSA_PKCS1_SHA512);
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
        private int recordSizeLimit = (1 << 14) + 1;
        private boolean grease;
        private ClientAuth clientAuth = ClientAuth.NONE;
        private boolean sendCertificateAuthorities = true;
        private TlsListener listener;
        private HandshakeConfig.CertificateVerifyHook certificateVerifyHook;
        private TicketKeys ticketKeys;
        private int sessionTickets = 2;
        private ServerSessionStore12 serverSessions12 = new ServerSessionStore12();
        private long ticketLifetimeSeconds = Resumption.DEFAULT_LIFETIME_SECONDS;
        private List<Integer> pskModes = Arrays.asList(PskKeyExchangeModes.PSK_DHE_KE);
        private SessionCache sessionCache = new SessionCache();

        private Builder() {}

        /** A copy whose lists are its own (setters such as certificate() add to them in place). */
        private Builder copy() {
            Builder c;
            try {
                c = (Builder) clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
            c.certificates = new ArrayList<CertifiedKey>(certificates);
            c.trustAnchors = new ArrayList<Certificate>(trustAnchors);
            c.alpn = new ArrayList<String>(alpn);
            return c;
        }

        /**
         * Server: how many NewSessionTickets to send after each handshake (RFC 8446, Section 4.6.1;
         * default 2, 0 turns ticket issuance off).
         */
        public Builder sessionTickets(int n) {
            if (n < 0 || n > 16) {
                throw new IllegalArgumentException("0..16 tickets");
            }
            sessionTickets = n;
            return this;
        }

        /**
         * Server: the ticket key set; share one {@link TicketKeys} between configurations (or servers
         * behind one name) so that each opens the others' tickets. Default: a set of its own per config.
         */
        public Builder ticketKeys(TicketKeys keys) {
            if (keys == null) {
                throw new IllegalArgumentException("ticket keys are null (use sessionTickets(0) to issue none)");
            }
            ticketKeys = keys;
            return this;
        }

        /** Server: ticket_lifetime in seconds (1..604800, RFC 8446, Section 4.6.1; default 7200). */
        public Builder ticketLifetimeSeconds(long seconds) {
            if (seconds < 1 || seconds > Resumption.MAX_LIFETIME_SECONDS) {
                throw new IllegalArgumentException("ticket lifetime must be 1..604800 seconds");
            }
            ticketLifetimeSeconds = seconds;
            return this;
        }

        /**
         * Both sides: the PSK key exchange modes for resumption, in preference order
         * ({@link PskKeyExchangeModes#PSK_DHE_KE}, the default, keeps forward secrecy;
         * {@link PskKeyExchangeModes#PSK_KE} does not, RFC 8446, Section 2.2).
         */
        public Builder pskKeyExchangeModes(Integer... modes) {
            pskModes = nonEmpty(Arrays.asList(modes), "PSK key exchange modes");
            Resumption.NONE.withPskModes(pskModes); // validates
            return this;
        }

        /**
         * Server: the TLS 1.0-1.2 session store for session-ID resumption (RFC 5246, Section 7.3), bounded
         * and thread-safe; share one between configurations that may resume each other's sessions. Default:
         * a store of {@link ServerSessionStore12#DEFAULT_CAPACITY} sessions per builder; null issues no
         * session IDs. Sessions live {@link #ticketLifetimeSeconds} (as do TLS 1.2 tickets, which
         * {@link #sessionTickets}{@code (0)} turns off together with TLS 1.3's).
         */
        public Builder serverSessionStore(ServerSessionStore12 store) {
            serverSessions12 = store;
            return this;
        }

        /** Client: where tickets are kept between connections (default: a cache of this config's own; null: none). */
        public Builder sessionCache(SessionCache cache) {
            sessionCache = cache;
            return this;
        }

        /**
         * Enabled versions, any subset of TLS 1.0-1.3 (default TLS 1.3 and 1.2). TLS 1.0 and 1.1 are
         * deprecated (RFC 8996): enable them only for a peer that has nothing newer. SSL 3.0 is refused.
         */
        public Builder versions(ProtocolVersion... v) {
            if (v.length == 0) {
                throw new IllegalArgumentException("at least one version");
            }
            for (ProtocolVersion p : v) {
                if (!p.equals(ProtocolVersion.TLS13) && !p.equals(ProtocolVersion.TLS12) && !p.equals(ProtocolVersion.TLS11)
                        && !p.equals(ProtocolVersion.TLS10)) {
                    throw new IllegalArgumentException(p + " is not supported: TLS 1.0 to 1.3 only (SSL 3.0: RFC 7568)");
                }
            }
            versions = Arrays.asList(v);
            return this;
        }

        /**
         * Enabled TLS 1.0-1.2 cipher suites, in preference order (default: {@code Suite12.defaultOrder}).
         * 3DES, RC4, NULL and CCM_8 suites are broken or weak and are used only when listed here.
         */
        public Builder tls12CipherSuites(CipherSuite... v) {
            List<Suite12> l = new ArrayList<Suite12>();
            for (CipherSuite s : v) {
                Suite12 x = Suite12.of(s);
                if (x == null) {
                    throw new IllegalArgumentException(s + " is not a TLS 1.0-1.2 suite tls4j implements");
                }
                l.add(x);
            }
            suites12 = nonEmpty(l, "TLS 1.2 cipher suites");
            return this;
        }

        /**
         * Refuse a TLS 1.0-1.2 peer without extended_master_secret with handshake_failure (RFC 7627,
         * Sections 5.2-5.3). Default true: without it one master secret can be shared by two connections
         * (triple handshake attack).
         */
        public Builder requireExtendedMasterSecret(boolean v) {
            requireEms = v;
            return this;
        }

        /** Offer and accept encrypt_then_mac for TLS 1.0-1.2 CBC suites (RFC 7366); default true. */
        public Builder encryptThenMac(boolean v) {
            encryptThenMac = v;
            return this;
        }

        /** Client: the smallest DH prime, in bits, accepted from a TLS 1.2 server (default 2048; Logjam). */
        public Builder minDhBits(int v) {
            if (v < 1024) {
                throw new IllegalArgumentException("a DH minimum below 1024 bits is not offered (Logjam)");
            }
            minDhBits = v;
            return this;
        }

        /**
         * Server: the DH group for TLS 1.0-1.2 DHE suites when the client names no RFC 7919 group in
         * supported_groups (default ffdhe2048, sent as explicit p and g).
         */
        public Builder tls12DhGroup(FfdheGroup v) {
            if (v == null) {
                throw new IllegalArgumentException("DH group is null");
            }
            dhGroup = v;
            return this;
        }

        /**
         * Server: the DER OCSP response stapled in TLS 1.0-1.2 for clients that send status_request (RFC
         * 6066, Section 8), sent as given; null for none (the default).
         */
        public Builder ocspResponse(byte[] der) {
            ocspResponse = der == null ? null : der.clone();
            return this;
        }

        /** Server: {@link #ocspResponse(byte[])} read from a file (DER, as {@code openssl ocsp -respout} writes). */
        public Builder ocspResponseFile(java.nio.file.Path file) throws IOException {
            return ocspResponse(java.nio.file.Files.readAllBytes(file));
        }

        /**
         * Client: ask for a stapled OCSP response (status_request, RFC 6066, Section 8) and expose it in
         * {@link TlsSession#ocspResponse()}. TLS 1.0-1.2 only: it is sent only when TLS 1.3 is not enabled.
         * tls4j does not validate the response. Default off.
         */
        public Builder requestOcspStapling(boolean v) {
            requestOcsp = v;
            return this;
        }

        /** Client: send TLS_FALLBACK_SCSV (RFC 7507), only when deliberately retrying with fewer versions. */
        public Builder fallbackScsv(boolean v) {
            fallbackScsv = v;
            return this;
        }

        /**
         * Client: request max_fragment_length (RFC 6066, Section 4) of 512, 1024, 2048 or 4096 bytes in
         * TLS 1.0-1.2 (0, the default: none). It is sent only when TLS 1.3 is not enabled. A server that
         * echoes it caps the records of both directions, and a longer record is record_overflow. A tls4j
         * server honours a client's request unless it answers record_size_limit, which takes precedence
         * (RFC 8449, Section 5); so this matters with servers without record_size_limit, such as OpenSSL.
         */
        public Builder maxFragmentLength(int bytes) {
            if (bytes != 0 && bytes != 512 && bytes != 1024 && bytes != 2048 && bytes != 4096) {
                throw new IllegalArgumentException("max_fragment_length must be 0, 512, 1024, 2048 or 4096, not " + bytes);
            }
            maxFragmentLength = bytes;
            return this;
        }

        /**
         * TLS 1.0-1.2 renegotiation (RFC 5746): {@link Renegotiation#REFUSE} (the default: a careful user
         * gets no renegotiation unless asked, as with Go's crypto/tls; see {@link Renegotiation} for the
         * attacks behind it) or {@link Renegotiation#ACCEPT_SECURE} (either side may start one with
         * {@link TlsEngine#renegotiate()} and the peer's is accepted, only with RFC 5746 peers).
         */
        public Builder renegotiation(Renegotiation v) {
            if (v == null) {
                throw new IllegalArgumentException("renegotiation policy is null");
            }
            renegotiation = v;
            return this;
        }

        /** Tests only: hooks into the TLS 1.0-1.2 machines to build a misbehaving peer. */
        Builder tls12Hooks(Tls12Config.Hooks v) {
            tls12Hooks = v;
            return this;
        }

        /** Enabled TLS 1.3 cipher suites, in preference order. */
        public Builder cipherSuites(CipherSuite... v) {
            for (CipherSuite s : v) {
                if (Tls13Suite.of(s) == null) {
                    throw new IllegalArgumentException(s + " is not a TLS 1.3 suite tls4j implements");
                }
            }
            suites = nonEmpty(Arrays.asList(v), "cipher suites");
            return this;
        }

        /** Enabled key exchange groups, in preference order. */
        public Builder groups(NamedGroup... v) {
            for (NamedGroup g : v) {
                if (!Groups.isSupported(g)) {
                    throw new IllegalArgumentException(g + " is not a group tls4j implements");
                }
            }
            groups = nonEmpty(Arrays.asList(v), "groups");
            return this;
        }

        /** Client: the groups to send key shares for at once (each must be enabled; default: the first group). */
        public Builder keyShareGroups(NamedGroup... v) {
            keyShareGroups = Arrays.asList(v);
            return this;
        }

        /** Signature schemes offered and accepted, in preference order. */
        public Builder signatureSchemes(SignatureScheme... v) {
            signatureSchemes = nonEmpty(Arrays.asList(v), "signature schemes");
            return this;
        }

        /**
         * Adds a certificate chain with its private key; several may be added. A server presents one; a
         * client presents one when the server asks for a certificate (RFC 8446, Section 4.4.2).
         */
        public Builder certificate(CertifiedKey k) {
            certificates.add(k);
            return this;
        }

        /** Adds a chain (PEM, leaf first) and its key (PEM). */
        public Builder certificate(String chainPem, String keyPem) throws CryptoException {
            return certificate(CertifiedKey.fromPem(chainPem, keyPem));
        }

        /** The roots trusted for the peer's chain (the server's; on a server, the clients'). */
        public Builder trustAnchors(List<Certificate> v) {
            trustAnchors = new ArrayList<Certificate>(v);
            return this;
        }

        /** Trusts the system's CA bundle ({@link TrustStore#system()}). */
        public Builder systemTrustAnchors() throws IOException {
            try {
                trustAnchors = new ArrayList<Certificate>(TrustStore.system());
            } catch (org.tls4j.crypto.asn1.DerException e) {
                throw new IOException("cannot read the system CA bundle: " + e.getMessage(), e);
            }
            return this;
        }

        /** Whether the client checks the server's certificate against {@link #serverName} (default on). */
        public Builder verifyHostname(boolean v) {
            verifyHostname = v;
            return this;
        }

        /**
         * INSECURE: the client accepts any server certificate, and a server any client certificate
         * (chain and name unchecked; the CertificateVerify signature is still checked against the
         * leaf's key). For debugging only.
         */
        public Builder insecureSkipCertificateVerification() {
            verifyCertificates = false;
            return this;
        }

        /** Client: the server's host name, sent as SNI and checked in its certificate. */
        public Builder serverName(String v) {
            serverName = v;
            return this;
        }

        /** ALPN protocols in preference order (RFC 7301). */
        public Builder alpnProtocols(String... v) {
            for (String p : v) {
                if (p.isEmpty() || p.length() > 255) {
                    throw new IllegalArgumentException("an ALPN protocol name is 1..255 bytes");
                }
            }
            alpn = Arrays.asList(v);
            return this;
        }

        /** Where every random byte comes from (tests inject a fixed sequence). */
        public Builder randomSource(RandomSource v) {
            random = v;
            return this;
        }

        /** The clock for certificate validity. */
        public Builder clock(Clock v) {
            clock = v;
            return this;
        }

        /** Server: include a cookie in HelloRetryRequest and require it back (RFC 8446, Section 4.2.2). */
        public Builder helloRetryCookie(boolean v) {
            hrrCookie = v;
            return this;
        }

        /** Middlebox compatibility mode (RFC 8446, Appendix D.4), on by default. */
        public Builder middleboxCompatibility(boolean v) {
            middleboxCompat = v;
            return this;
        }

        /**
         * record_size_limit (RFC 8449): the most plaintext bytes one protected record sent to us may
         * carry, in TLS 1.3 counting the inner content type and padding, so 64 to 16385 (2^14 + 1, the
         * protocol's own maximum, the default: it tells the peer we understand the extension without
         * lowering anything). The client offers it in every ClientHello; the server answers a client's
         * offer with it in EncryptedExtensions. Once both sent one, each side caps its records to the
         * peer's value and answers a longer record with record_overflow. 0 sends nothing (and then
         * the peer's limit is not applied either). A client's max_fragment_length is never accepted.
         */
        public Builder recordSizeLimit(int v) {
            if (v != 0 && (v < 64 || v > (1 << 14) + 1)) {
                throw new IllegalArgumentException("record_size_limit must be 0 (none) or 64..16385, not " + v);
            }
            recordSizeLimit = v;
            return this;
        }

        /**
         * Client: send GREASE values (RFC 8701) in cipher_suites, supported_groups (with a one-byte key
         * share), supported_versions, signature_algorithms and as two extensions, drawn afresh for each
         * connection from the random source. Off by default, as in BoringSSL and other libraries (Chrome
         * turns it on): it makes every ClientHello different, which hurts reproducible traces and
         * ClientHello-based tests, and a server that breaks on GREASE is a server bug the application
         * may not be able to do anything about. Turn it on to behave like a browser, or to test that
         * servers tolerate unknown values.
         */
        public Builder grease(boolean v) {
            grease = v;
            return this;
        }

        /** Tests only: rewrite this side's ClientHello or EncryptedExtensions extensions. */
        Builder extensionsHook(HandshakeConfig.ExtensionsHook v) {
            extensionsHook = v;
            return this;
        }

        /**
         * Server: ask for a client certificate (RFC 8446, Section 4.3.2). {@link ClientAuth#REQUIRED}
         * ends a handshake without one with certificate_required; the client's chain is validated
         * against {@link #trustAnchors} for the clientAuth extended key usage, and the trust anchors'
         * subject names are sent in certificate_authorities. Default {@link ClientAuth#NONE}.
         */
        public Builder clientAuth(ClientAuth v) {
            if (v == null) {
                throw new IllegalArgumentException("client auth policy is null");
            }
            clientAuth = v;
            return this;
        }

        /**
         * Server: whether the CertificateRequest names the trust anchors in certificate_authorities
         * (RFC 8446, Section 4.2.4), so that a client with several chains picks one they issued. Default on.
         */
        public Builder sendCertificateAuthorities(boolean v) {
            sendCertificateAuthorities = v;
            return this;
        }

        /**
         * Observes the handshake: key-schedule secrets, messages, state changes (see
         * {@link TlsListener}; {@link KeyLogWriter} writes an SSLKEYLOGFILE). Null for none.
         */
        public Builder listener(TlsListener v) {
            listener = v;
            return this;
        }

        /** Tests only: rewrite this side's CertificateVerify signature to build a misbehaving peer. */
        Builder certificateVerifyHook(HandshakeConfig.CertificateVerifyHook v) {
            certificateVerifyHook = v;
            return this;
        }

        private static <T> List<T> nonEmpty(List<T> l, String what) {
            if (l.isEmpty()) {
                throw new IllegalArgumentException("no " + what);
            }
            return l;
        }

        public TlsConfig build() {
            if (keyShareGroups != null) {
                for (NamedGroup g : keyShareGroups) {
                    if (!groups.contains(g)) {
                        throw new IllegalArgumentException("key share for " + g + ", which is not enabled");
                    }
                }
            }
            return new TlsConfig(this);
        }
    }
}
