package org.tls4j.handshake.tls13;

import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.Destroyable;
import org.tls4j.crypto.aead.Aead;
import org.tls4j.crypto.ct.ConstantTime;
import org.tls4j.record.Aead13Protection;
import org.tls4j.record.AlertDescription;
import org.tls4j.record.RecordProtection;
import org.tls4j.record.TlsAlert;

/**
 * One direction's traffic secret (RFC 8446, Section 7.1: {@code [sender]_handshake_traffic_secret} or
 * {@code [sender]_application_traffic_secret_N}) with its suite. The engine turns it into record
 * protection ({@link #protection()}, keys per Section 7.3); KeyUpdate derives the next one
 * ({@link #next()}, Section 7.2). {@link #destroy()} zeroes the secret.
 */
public final class TrafficSecret implements Destroyable {
    /** The negotiated suite. */
    public final Tls13Suite suite;
    /** Which secret this is, e.g. "server handshake" (for traces and errors; never secret). */
    public final String label;
    /** N of application_traffic_secret_N: 0 as derived by the handshake, +1 per KeyUpdate (Section 7.2). */
    public final int generation;
    private final KeySchedule13 schedule;
    private final byte[] secret;
    private boolean destroyed;

    TrafficSecret(Tls13Suite suite, KeySchedule13 schedule, String label, byte[] secret) {
        this(suite, schedule, label, secret, 0);
    }

    private TrafficSecret(Tls13Suite suite, KeySchedule13 schedule, String label, byte[] secret, int generation) {
        this.generation = generation;
        this.suite = suite;
        this.schedule = schedule;
        this.label = label;
        this.secret = secret.clone();
    }

    /** The traffic key and IV of Section 7.3 in the suite's AEAD, as TLS 1.3 record protection. */
    public RecordProtection protection() throws TlsAlert {
        String who = label + (generation > 0 ? " (generation " + generation + ")" : "");
        byte[] key = schedule.trafficKey(secret, suite.keyLength(), who);
        byte[] iv = schedule.trafficIv(secret, Tls13Suite.IV_LENGTH, who);
        try {
            Aead aead = suite.newAead(key);
            return Aead13Protection.create(aead, iv);
        } catch (CryptoException e) {
            throw new TlsAlert(AlertDescription.INTERNAL_ERROR, "cannot key " + suite + ": " + e.getMessage(), e);
        } finally {
            ConstantTime.zero(key);
            ConstantTime.zero(iv);
        }
    }

    /** application_traffic_secret_N+1 (RFC 8446, Section 7.2). */
    public TrafficSecret next() {
        byte[] n = schedule.nextApplicationTrafficSecret(secret);
        try {
            return new TrafficSecret(suite, schedule, label, n, generation + 1);
        } finally {
            ConstantTime.zero(n);
        }
    }

    /** An independent copy (the engine gets one and destroys it once the keys are installed). */
    TrafficSecret copy() {
        return new TrafficSecret(suite, schedule, label, secret, generation);
    }

    /** A copy of the secret (for tests comparing with RFC 8448, and for key logging). */
    public byte[] secret() {
        return secret.clone();
    }

    @Override
    public void destroy() {
        ConstantTime.zero(secret);
        destroyed = true;
    }

    /** True once {@link #destroy()} ran. */
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "TrafficSecret{" + label + ", " + suite + "}";
    }
}
