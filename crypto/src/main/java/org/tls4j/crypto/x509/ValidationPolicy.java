package org.tls4j.crypto.x509;

import java.time.Clock;

/**
 * The knobs of path validation, as an immutable value with {@code with...} copies. Defaults: the system
 * clock (UTC), TLS server authentication, no SHA-1, RSA keys of at least 2048 bits, at most 8
 * certificates below the trust anchor, no hostname check, no CN fallback.
 */
public final class ValidationPolicy {
    private final Clock clock;
    private final Purpose purpose;
    private final boolean allowSha1;
    private final int minRsaBits;
    private final int maxChainLength;
    private final String hostname;
    private final boolean cnFallback;
    private final int leafKeyUsage;

    private ValidationPolicy(Clock clock, Purpose purpose, boolean allowSha1, int minRsaBits, int maxChainLength,
            String hostname, boolean cnFallback, int leafKeyUsage) {
        this.clock = clock;
        this.purpose = purpose;
        this.allowSha1 = allowSha1;
        this.minRsaBits = minRsaBits;
        this.maxChainLength = maxChainLength;
        this.hostname = hostname;
        this.cnFallback = cnFallback;
        this.leafKeyUsage = leafKeyUsage;
    }

    /** The defaults listed in the class comment. */
    public static ValidationPolicy defaults() {
        return new ValidationPolicy(Clock.systemUTC(), Purpose.SERVER_AUTH, false, 2048, 8, null, false,
                KeyUsage.DIGITAL_SIGNATURE | KeyUsage.KEY_ENCIPHERMENT | KeyUsage.KEY_AGREEMENT);
    }

    /** The clock giving the instant at which validity is checked (inject a fixed one in tests). */
    public ValidationPolicy withClock(Clock c) {
        return new ValidationPolicy(c, purpose, allowSha1, minRsaBits, maxChainLength, hostname, cnFallback, leafKeyUsage);
    }

    public ValidationPolicy withPurpose(Purpose p) {
        return new ValidationPolicy(clock, p, allowSha1, minRsaBits, maxChainLength, hostname, cnFallback, leafKeyUsage);
    }

    /** Accept SHA-1 signatures on certificates (off by default: SHA-1 collisions are practical, SHAttered 2017). */
    public ValidationPolicy withSha1Allowed(boolean b) {
        return new ValidationPolicy(clock, purpose, b, minRsaBits, maxChainLength, hostname, cnFallback, leafKeyUsage);
    }

    public ValidationPolicy withMinRsaBits(int bits) {
        return new ValidationPolicy(clock, purpose, allowSha1, bits, maxChainLength, hostname, cnFallback, leafKeyUsage);
    }

    /** The most certificates (leaf and intermediates, not the anchor) a path may have. */
    public ValidationPolicy withMaxChainLength(int n) {
        return new ValidationPolicy(clock, purpose, allowSha1, minRsaBits, n, hostname, cnFallback, leafKeyUsage);
    }

    /** Also verify the leaf for this host name or IP address literal (RFC 9525); null for none. */
    public ValidationPolicy withHostname(String h) {
        return new ValidationPolicy(clock, purpose, allowSha1, minRsaBits, maxChainLength, h, cnFallback, leafKeyUsage);
    }

    /** Let the subject CN stand in for a missing dNSName (RFC 6125, Section 6.4.4; off by default). */
    public ValidationPolicy withCnFallback(boolean b) {
        return new ValidationPolicy(clock, purpose, allowSha1, minRsaBits, maxChainLength, hostname, b, leafKeyUsage);
    }

    /**
     * The keyUsage bits of which the leaf, when it has the extension, must have at least one. The
     * handshake later checks the exact bit its key exchange needs (digitalSignature for signatures,
     * keyEncipherment for RSA key transport).
     */
    public ValidationPolicy withLeafKeyUsage(int anyOf) {
        return new ValidationPolicy(clock, purpose, allowSha1, minRsaBits, maxChainLength, hostname, cnFallback, anyOf);
    }

    public Clock clock() {
        return clock;
    }

    public Purpose purpose() {
        return purpose;
    }

    public boolean sha1Allowed() {
        return allowSha1;
    }

    public int minRsaBits() {
        return minRsaBits;
    }

    public int maxChainLength() {
        return maxChainLength;
    }

    public String hostname() {
        return hostname;
    }

    public boolean cnFallback() {
        return cnFallback;
    }

    public int leafKeyUsage() {
        return leafKeyUsage;
    }
}
