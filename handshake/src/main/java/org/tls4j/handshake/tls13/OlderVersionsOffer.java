package org.tls4j.handshake.tls13;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.tls4j.handshake.CipherSuite;
import org.tls4j.handshake.ext.Extension;
import org.tls4j.record.ProtocolVersion;

/**
 * What a client that also speaks TLS 1.0-1.2 adds to its single ClientHello, so that one message offers
 * its whole version range (RFC 8446, Section 4.1.2 and 4.2.1; RFC 5246, Section 7.4.1.2): the older
 * versions (in supported_versions after TLS 1.3, and as legacy_version when TLS 1.3 is not offered), their
 * cipher suites (after the TLS 1.3 ones) and their extensions (extended_master_secret, encrypt_then_mac,
 * renegotiation_info, ec_point_formats, ...). {@link Tls13Client} builds the ClientHello; when the server
 * picks one of these versions it stops in {@link Tls13Client.OlderVersionChosen} and the TLS 1.2 machine
 * ({@code org.tls4j.handshake.tls12}) continues. Immutable.
 */
public final class OlderVersionsOffer {
    /** The versions below TLS 1.3, highest first (non-empty). */
    public final List<ProtocolVersion> versions;
    /** Their cipher suites, in preference order. */
    public final List<CipherSuite> suites;
    /** Their ClientHello extensions. */
    public final List<Extension> extensions;
    /** Whether TLS 1.3 is offered too (then its suites, key_share and supported_versions are sent). */
    public final boolean tls13;

    public OlderVersionsOffer(List<ProtocolVersion> versions, List<CipherSuite> suites, List<Extension> extensions,
            boolean tls13) {
        if (versions.isEmpty() || suites.isEmpty()) {
            throw new IllegalArgumentException("an older-versions offer needs versions and suites");
        }
        for (ProtocolVersion v : versions) {
            if (v.atLeast(ProtocolVersion.TLS13) || !v.atLeast(ProtocolVersion.TLS10)) {
                throw new IllegalArgumentException(v + " is not TLS 1.0-1.2");
            }
        }
        this.versions = Collections.unmodifiableList(new ArrayList<ProtocolVersion>(versions));
        this.suites = Collections.unmodifiableList(new ArrayList<CipherSuite>(suites));
        this.extensions = Collections.unmodifiableList(new ArrayList<Extension>(extensions));
        this.tls13 = tls13;
    }

    /** The highest older version offered. */
    public ProtocolVersion highest() {
        return versions.get(0);
    }
}
