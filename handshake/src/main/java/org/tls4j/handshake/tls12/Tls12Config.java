package org.tls4j.handshake.tls12;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.tls4j.crypto.dh.FfdheGroup;
import org.tls4j.handshake.CipherSuite;
import org.tls4j.handshake.ext.Extension;
import org.tls4j.handshake.tls12.ext.EcPointFormats;
import org.tls4j.handshake.tls12.ext.EncryptThenMac;
import org.tls4j.handshake.tls12.ext.ExtendedMasterSecret;
import org.tls4j.handshake.tls12.ext.MaxFragmentLength;
import org.tls4j.handshake.tls12.ext.RenegotiationInfo;
import org.tls4j.handshake.tls12.ext.StatusRequest;
import org.tls4j.handshake.tls13.OlderVersionsOffer;
import org.tls4j.record.ProtocolVersion;

/**
 * What the TLS 1.0-1.2 machines need besides the shared {@code HandshakeConfig}: the enabled versions,
 * the suites, and the policies of the TLS 1.2 extensions. Immutable; built with {@link #builder()}.
 *
 * <p>Defaults: TLS 1.2 only (TLS 1.0 and 1.1 are deprecated by RFC 8996 and must be enabled
 * explicitly); TLS 1.3 enabled next to it; the suites of {@link Suite12#defaultOrder}; extended master
 * secret required (RFC 7627, Section 5.2 lets either side refuse a peer without it; we do, because
 * without it a session's master secret can be synchronised across two connections, the "triple
 * handshake" attack); encrypt-then-MAC offered and accepted for CBC suites (RFC 7366); server-chosen DH
 * groups accepted from 2048 bits (Logjam); a server answers a client without FFDHE groups in
 * supported_groups with ffdhe2048 sent as explicit parameters (RFC 7919, Section 4). Renegotiation is
 * always refused (RFC 5746 secure renegotiation is not implemented yet).
 */
public final class Tls12Config {
    /** The default session lifetime (seconds) for resumption by session ID or ticket. */
    public static final long DEFAULT_SESSION_LIFETIME_SECONDS = 7200;

    /**
     * Test hooks to build a misbehaving peer; every method's default returns its input unchanged. Never
     * set in production.
     */
    public interface Hooks {
        /** The ServerKeyExchange signature to send instead of {@code signature}. */
        default byte[] serverKeyExchangeSignature(byte[] signature) {
            return signature;
        }

        /** The Finished verify_data to send instead of {@code verifyData}. */
        default byte[] finished(byte[] verifyData) {
            return verifyData;
        }

        /** Client, RSA key transport: the premaster secret to encrypt instead of {@code premaster}. */
        default byte[] rsaPremaster(byte[] premaster) {
            return premaster;
        }

        /** The (EC)DHE public value to send instead of {@code publicValue}. */
        default byte[] keyExchangePublic(byte[] publicValue) {
            return publicValue;
        }

        /** Server: the ServerHello extensions to send instead of {@code extensions}. */
        default List<Extension> serverHelloExtensions(List<Extension> extensions) {
            return extensions;
        }

        /** Server: the Certificate chain (DER, leaf first) to send instead of {@code ders}. */
        default List<byte[]> serverCertificates(List<byte[]> ders) {
            return ders;
        }

        /** A renegotiation's renegotiated_connection (RFC 5746, Section 3.5, 3.7) to send instead of {@code value}. */
        default byte[] renegotiatedConnection(byte[] value) {
            return value;
        }
    }

    private static final Hooks NO_HOOKS = new Hooks() {};

    final List<ProtocolVersion> versions;
    final boolean tls13;
    final List<Suite12> suites;
    final boolean requireExtendedMasterSecret;
    final boolean encryptThenMac;
    final int minDhBits;
    final FfdheGroup serverDhGroup;
    final boolean fallbackScsv;
    final Hooks hooks;
    final byte[] ocspResponse;
    final boolean requestOcsp;
    /** Server: the session-ID store, or null (session IDs not issued). */
    final ServerSessionStore12 serverSessions;
    /** Server: the keys that seal RFC 5077 tickets (shared with TLS 1.3), or null (no tickets). */
    final org.tls4j.handshake.tls13.TicketKeys ticketKeys;
    /** Server: how long a session may be resumed (seconds). */
    final long sessionLifetimeSeconds;
    final Renegotiation renegotiation;
    /** Client: the max_fragment_length code to request (1..4), or 0 for none. */
    final int maxFragmentLength;

    private Tls12Config(Builder b) {
        versions = Collections.unmodifiableList(new ArrayList<ProtocolVersion>(b.versions));
        tls13 = b.tls13;
        suites = Collections.unmodifiableList(new ArrayList<Suite12>(b.suites));
        requireExtendedMasterSecret = b.requireExtendedMasterSecret;
        encryptThenMac = b.encryptThenMac;
        minDhBits = b.minDhBits;
        serverDhGroup = b.serverDhGroup;
        fallbackScsv = b.fallbackScsv;
        hooks = b.hooks;
        ocspResponse = b.ocspResponse == null ? null : b.ocspResponse.clone();
        requestOcsp = b.requestOcsp;
        serverSessions = b.serverSessions;
        ticketKeys = b.ticketKeys;
        sessionLifetimeSeconds = b.sessionLifetimeSeconds;
        renegotiation = b.renegotiation;
        maxFragmentLength = b.maxFragmentLength;
        for (ProtocolVersion v : versions) {
            VersionRules.of(v);
            if (!v.atLeast(ProtocolVersion.TLS10)) {
                throw new IllegalArgumentException(v + " is not supported (SSL 3.0 is prohibited by RFC 7568)");
            }
        }
        if (!versions.isEmpty()) {
            boolean usable = false;
            for (Suite12 s : suites) {
                usable |= s.allowedIn(versions.get(0));
            }
            if (!usable) {
                throw new IllegalArgumentException("none of the enabled cipher suites can be used in " + versions
                        + " (AEAD and SHA-256/384 suites need TLS 1.2)");
            }
        }
    }

    /** The defaults of the class comment. */
    public static Builder builder() {
        return new Builder();
    }

    /** Only TLS 1.3: no older version is offered or accepted. */
    public static Tls12Config tls13Only() {
        return builder().versions(Collections.<ProtocolVersion>emptyList()).build();
    }

    /** The enabled versions below TLS 1.3, highest first (empty: TLS 1.3 only). */
    public List<ProtocolVersion> versions() {
        return versions;
    }

    /** True when TLS 1.3 is enabled too. */
    public boolean tls13() {
        return tls13;
    }

    public List<Suite12> suites() {
        return suites;
    }

    public boolean requireExtendedMasterSecret() {
        return requireExtendedMasterSecret;
    }

    public boolean encryptThenMac() {
        return encryptThenMac;
    }

    public int minDhBits() {
        return minDhBits;
    }

    /** The renegotiation policy (default {@link Renegotiation#REFUSE}). */
    public Renegotiation renegotiation() {
        return renegotiation;
    }

    /** The highest enabled version of all (TLS 1.3 included). */
    public ProtocolVersion highest() {
        return tls13 ? ProtocolVersion.TLS13 : versions.get(0);
    }

    /** True when {@code v} is enabled. */
    public boolean enables(ProtocolVersion v) {
        return v.equals(ProtocolVersion.TLS13) ? tls13 : versions.contains(v);
    }

    /**
     * The client's TLS 1.0-1.2 offer for the shared ClientHello: versions, suites usable in at least one
     * of them (plus TLS_FALLBACK_SCSV when configured, RFC 7507, Section 4), and the extensions
     * extended_master_secret, encrypt_then_mac (when enabled and a CBC suite is offered),
     * renegotiation_info (empty: RFC 5746, Section 3.4) and ec_point_formats (uncompressed only:
     * RFC 8422, Section 5.1.2). Null when no older version is enabled.
     */
    public OlderVersionsOffer clientOffer() {
        if (versions.isEmpty()) {
            return null;
        }
        ProtocolVersion highest12 = versions.get(0);
        List<CipherSuite> cs = new ArrayList<CipherSuite>();
        boolean cbc = false;
        for (Suite12 s : suites) {
            if (s.allowedIn(highest12)) { // allowedIn is "at least the suite's minimum", so this covers every version
                cs.add(s.suite);
                cbc |= s.cipher.kind == BulkCipher12.Kind.BLOCK;
            }
        }
        if (fallbackScsv) {
            cs.add(CipherSuite.TLS_FALLBACK_SCSV);
        }
        List<Extension> ext = new ArrayList<Extension>();
        ext.add(ExtendedMasterSecret.INSTANCE);
        if (encryptThenMac && cbc) {
            ext.add(EncryptThenMac.INSTANCE);
        }
        ext.add(RenegotiationInfo.EMPTY);
        ext.add(EcPointFormats.UNCOMPRESSED_ONLY);
        if (maxFragmentLength != 0 && !tls13) {
            // Only without TLS 1.3 (like status_request): the TLS 1.3 client does not take it back.
            ext.add(new MaxFragmentLength(maxFragmentLength));
        }
        if (requestOcsp && !tls13) {
            // Only without TLS 1.3: a TLS 1.3 server would staple into CertificateEntry, which the TLS 1.3
            // client does not take yet.
            ext.add(StatusRequest.OCSP_DEFAULT);
        }
        return new OlderVersionsOffer(versions, cs, ext, tls13);
    }

    /** Builder of {@link Tls12Config}. */
    public static final class Builder {
        private List<ProtocolVersion> versions = Collections.singletonList(ProtocolVersion.TLS12);
        private boolean tls13 = true;
        private List<Suite12> suites = Suite12.defaultOrder(false);
        private boolean requireExtendedMasterSecret = true;
        private boolean encryptThenMac = true;
        private int minDhBits = FfdheGroup.DEFAULT_MIN_BITS;
        private FfdheGroup serverDhGroup = FfdheGroup.FFDHE2048;
        private boolean fallbackScsv;
        private Hooks hooks = NO_HOOKS;
        private byte[] ocspResponse;
        private boolean requestOcsp;
        private ServerSessionStore12 serverSessions;
        private org.tls4j.handshake.tls13.TicketKeys ticketKeys;
        private long sessionLifetimeSeconds = DEFAULT_SESSION_LIFETIME_SECONDS;
        private Renegotiation renegotiation = Renegotiation.REFUSE;
        private int maxFragmentLength;

        private Builder() {}

        /**
         * Server: the store for session-ID resumption (RFC 5246, Section 7.3); null (the builder's
         * default) issues no session IDs.
         */
        public Builder serverSessions(ServerSessionStore12 v) {
            serverSessions = v;
            return this;
        }

        /**
         * Server: the keys that seal RFC 5077 session tickets (the TLS 1.3 ones may be shared); null (the
         * builder's default) issues no tickets and ignores offered ones.
         */
        public Builder ticketKeys(org.tls4j.handshake.tls13.TicketKeys v) {
            ticketKeys = v;
            return this;
        }

        /** Server: how long a session (by ID or ticket) may be resumed, 1..604800 seconds (default 7200). */
        public Builder sessionLifetimeSeconds(long v) {
            if (v < 1 || v > 604800) {
                throw new IllegalArgumentException("session lifetime must be 1..604800 seconds");
            }
            sessionLifetimeSeconds = v;
            return this;
        }

        /**
         * Client: request max_fragment_length (RFC 6066, Section 4) of {@code bytes} = 512, 1024, 2048 or
         * 4096 in TLS 1.0-1.2, sent only when TLS 1.3 is not offered too; 0 (the default) requests nothing. A server that answers caps both
         * directions; record_size_limit (RFC 8449) takes precedence at a server that has it.
         */
        public Builder maxFragmentLength(int bytes) {
            int code = bytes == 0 ? 0 : bytes == 512 ? 1 : bytes == 1024 ? 2 : bytes == 2048 ? 3 : bytes == 4096 ? 4 : -1;
            if (code < 0) {
                throw new IllegalArgumentException("max_fragment_length must be 0, 512, 1024, 2048 or 4096, not " + bytes);
            }
            maxFragmentLength = code;
            return this;
        }

        /** The renegotiation policy (default {@link Renegotiation#REFUSE}; see there why). */
        public Builder renegotiation(Renegotiation v) {
            if (v == null) {
                throw new IllegalArgumentException("renegotiation policy is null");
            }
            renegotiation = v;
            return this;
        }

        /**
         * Server: the DER OCSP response to staple (RFC 6066, Section 8) for clients that send
         * status_request; null for none. It is sent as given (refresh it before it expires).
         */
        public Builder ocspResponse(byte[] der) {
            ocspResponse = der == null ? null : der.clone();
            return this;
        }

        /**
         * Client: send status_request (OCSP) and keep a stapled response (only when TLS 1.3 is not offered
         * too, see {@link #clientOffer()}).
         */
        public Builder requestOcsp(boolean v) {
            requestOcsp = v;
            return this;
        }

        /** Enabled versions below TLS 1.3 (any order; kept highest first). */
        public Builder versions(List<ProtocolVersion> v) {
            List<ProtocolVersion> l = new ArrayList<ProtocolVersion>(v);
            Collections.sort(l, Collections.<ProtocolVersion>reverseOrder());
            versions = l;
            return this;
        }

        public Builder tls13(boolean v) {
            tls13 = v;
            return this;
        }

        /** Enabled suites in preference order. */
        public Builder suites(List<Suite12> v) {
            suites = new ArrayList<Suite12>(v);
            return this;
        }

        /** Refuse a peer without extended_master_secret with handshake_failure (default true; RFC 7627, Section 5.2-5.3). */
        public Builder requireExtendedMasterSecret(boolean v) {
            requireExtendedMasterSecret = v;
            return this;
        }

        /** Offer (client) and accept (server) encrypt_then_mac for CBC suites (default true; RFC 7366). */
        public Builder encryptThenMac(boolean v) {
            encryptThenMac = v;
            return this;
        }

        /** Client: the smallest server-chosen DH prime accepted, in bits (default 2048). */
        public Builder minDhBits(int v) {
            if (v < 512) {
                throw new IllegalArgumentException("minimum DH size below 512 bits");
            }
            minDhBits = v;
            return this;
        }

        /** Server: the DH group for clients that name no FFDHE group in supported_groups (default ffdhe2048). */
        public Builder serverDhGroup(FfdheGroup v) {
            serverDhGroup = v;
            return this;
        }

        /** Client: send TLS_FALLBACK_SCSV (RFC 7507; only for a deliberate retry with fewer versions). */
        public Builder fallbackScsv(boolean v) {
            fallbackScsv = v;
            return this;
        }

        /** Tests only: see {@link Hooks}. */
        public Builder hooks(Hooks v) {
            hooks = v == null ? NO_HOOKS : v;
            return this;
        }

        public Tls12Config build() {
            return new Tls12Config(this);
        }
    }
}
