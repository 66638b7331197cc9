package org.tls4j.handshake.tls13;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.Destroyable;
import org.tls4j.crypto.hash.Digest;
import org.tls4j.crypto.kdf.Hkdf;
import org.tls4j.crypto.mac.Hmac;

/**
 * The TLS 1.3 key schedule (RFC 8446, Section 7.1), written as three stages that can only be reached
 * in order:
 *
 * <pre>
 *                  0
 *                  |
 *                  v
 *    PSK -&gt;  HKDF-Extract = Early Secret          ({@link EarlySecret})
 *                  |
 *                  +-----&gt; Derive-Secret(., "ext binder" | "res binder", "") = binder_key
 *                  +-----&gt; Derive-Secret(., "c e traffic", ClientHello) = client_early_traffic_secret
 *                  +-----&gt; Derive-Secret(., "e exp master", ClientHello) = early_exporter_master_secret
 *                  v
 *            Derive-Secret(., "derived", "")
 *                  |
 *                  v
 * (EC)DHE -&gt; HKDF-Extract = Handshake Secret      ({@link HandshakeSecret})
 *                  |
 *                  +-----&gt; Derive-Secret(., "c hs traffic", ClientHello...ServerHello)
 *                  +-----&gt; Derive-Secret(., "s hs traffic", ClientHello...ServerHello)
 *                  v
 *            Derive-Secret(., "derived", "")
 *                  |
 *                  v
 *       0 -&gt; HKDF-Extract = Master Secret         ({@link MasterSecret})
 *                  |
 *                  +-----&gt; Derive-Secret(., "c ap traffic", ClientHello...server Finished)
 *                  +-----&gt; Derive-Secret(., "s ap traffic", ClientHello...server Finished)
 *                  +-----&gt; Derive-Secret(., "exp master", ClientHello...server Finished)
 *                  +-----&gt; Derive-Secret(., "res master", ClientHello...client Finished)
 * </pre>
 *
 * plus the secrets derived from those: Finished keys and verify_data (Section 4.4.4), traffic keys and
 * IVs (Section 7.3), the next application traffic secret for KeyUpdate (Section 7.2), exporters
 * (Section 7.5) and the resumption PSK (Section 4.6.1). HKDF, HKDF-Expand-Label and Derive-Secret are
 * the crypto module's {@link Hkdf}; this class only names the steps.
 *
 * <p>The transcript hashes passed in are computed by {@link Transcript}. Every stage object holds its
 * secret until {@link Destroyable#destroy()}, which zeroes it; the caller owns, and should zero, the
 * arrays returned.
 *
 * <p>constant-time: yes. Only HKDF and HMAC touch secrets; all branches are on public lengths.
 */
public final class KeySchedule13 {
    private final Hkdf hkdf;
    private final Digest prototype;
    private final int hashLength;
    /** Told about every step ({@link TlsListener#onKeyScheduleStep}), or null. */
    private final TlsListener listener;

    /** A key schedule over the hash of {@code prototype} (SHA-256 or SHA-384 for the RFC 8446 suites). */
    public KeySchedule13(Digest prototype) {
        this(prototype, null);
    }

    /**
     * A key schedule that also reports each step it takes to {@code listener} (null for none), for the
     * trace: the step's label and a copy of its output.
     */
    public KeySchedule13(Digest prototype, TlsListener listener) {
        this.listener = listener;
        this.prototype = prototype.copy();
        this.prototype.reset();
        this.hkdf = new Hkdf(this.prototype);
        this.hashLength = hkdf.hashLength();
    }

    /** Hash.length. */
    public int hashLength() {
        return hashLength;
    }

    /**
     * The Early Secret: HKDF-Extract(0, PSK). Without a PSK, RFC 8446 uses a string of Hash.length zero
     * bytes: pass {@code null}.
     */
    public EarlySecret early(byte[] psk) {
        byte[] ikm = psk == null ? new byte[hashLength] : psk;
        byte[] es = hkdf.extract(null, ikm);
        step(psk == null ? "0 (no PSK)" : "PSK", KeyScheduleStep.EXTRACT, null, "Early Secret", es);
        return new EarlySecret(es);
    }

    /** Stage one: the Early Secret. */
    public final class EarlySecret extends Stage {
        private EarlySecret(byte[] secret) {
            super(secret, "Early Secret");
        }

        /** binder_key: "res binder" for resumption PSKs, "ext binder" for external ones (Section 4.2.11.2). */
        public byte[] binderKey(boolean resumption) {
            return derive(resumption ? "res binder" : "ext binder", emptyHash());
        }

        /** client_early_traffic_secret = Derive-Secret(., "c e traffic", ClientHello). */
        public byte[] clientEarlyTrafficSecret(byte[] clientHelloHash) {
            return derive("c e traffic", clientHelloHash);
        }

        /** early_exporter_master_secret = Derive-Secret(., "e exp master", ClientHello). */
        public byte[] earlyExporterMasterSecret(byte[] clientHelloHash) {
            return derive("e exp master", clientHelloHash);
        }

        /**
         * The Handshake Secret: HKDF-Extract(Derive-Secret(ES, "derived", ""), (EC)DHE). For psk_ke
         * (no (EC)DHE) pass {@code null}: Hash.length zero bytes are used. This stage stays usable; destroy
         * it when its secrets are no longer needed.
         */
        public HandshakeSecret handshake(byte[] sharedSecret) {
            byte[] salt = derive("derived", emptyHash());
            byte[] ikm = sharedSecret == null ? new byte[hashLength] : sharedSecret;
            byte[] hs = hkdf.extract(salt, ikm);
            step(sharedSecret == null ? "0 (psk_ke: no (EC)DHE)" : "(EC)DHE shared secret", KeyScheduleStep.EXTRACT, null,
                    "Handshake Secret", hs);
            Arrays.fill(salt, (byte) 0);
            return new HandshakeSecret(hs);
        }
    }

    /** Stage two: the Handshake Secret. */
    public final class HandshakeSecret extends Stage {
        private HandshakeSecret(byte[] secret) {
            super(secret, "Handshake Secret");
        }

        /** client_handshake_traffic_secret = Derive-Secret(., "c hs traffic", ClientHello...ServerHello). */
        public byte[] clientHandshakeTrafficSecret(byte[] helloHash) {
            return derive("c hs traffic", helloHash);
        }

        /** server_handshake_traffic_secret = Derive-Secret(., "s hs traffic", ClientHello...ServerHello). */
        public byte[] serverHandshakeTrafficSecret(byte[] helloHash) {
            return derive("s hs traffic", helloHash);
        }

        /** The Master Secret: HKDF-Extract(Derive-Secret(HS, "derived", ""), 0). */
        public MasterSecret master() {
            byte[] salt = derive("derived", emptyHash());
            byte[] ms = hkdf.extract(salt, new byte[hashLength]);
            step("0", KeyScheduleStep.EXTRACT, null, "Master Secret", ms);
            Arrays.fill(salt, (byte) 0);
            return new MasterSecret(ms);
        }
    }

    /** Stage three: the Master Secret. */
    public final class MasterSecret extends Stage {
        private MasterSecret(byte[] secret) {
            super(secret, "Master Secret");
        }

        /** client_application_traffic_secret_0 = Derive-Secret(., "c ap traffic", ClientHello...server Finished). */
        public byte[] clientApplicationTrafficSecret0(byte[] serverFinishedHash) {
            return derive("c ap traffic", serverFinishedHash);
        }

        /** server_application_traffic_secret_0 = Derive-Secret(., "s ap traffic", ClientHello...server Finished). */
        public byte[] serverApplicationTrafficSecret0(byte[] serverFinishedHash) {
            return derive("s ap traffic", serverFinishedHash);
        }

        /** exporter_master_secret = Derive-Secret(., "exp master", ClientHello...server Finished). */
        public byte[] exporterMasterSecret(byte[] serverFinishedHash) {
            return derive("exp master", serverFinishedHash);
        }

        /** resumption_master_secret = Derive-Secret(., "res master", ClientHello...client Finished). */
        public byte[] resumptionMasterSecret(byte[] clientFinishedHash) {
            return derive("res master", clientFinishedHash);
        }
    }

    /** What the three stages share: one secret, Derive-Secret on it, and destroy(). */
    abstract class Stage implements Destroyable {
        private final byte[] secret;
        private final String name;
        private boolean destroyed;

        Stage(byte[] secret, String name) {
            this.secret = secret;
            this.name = name;
        }

        /** Derive-Secret(this secret, label, transcriptHash). */
        final byte[] derive(String label, byte[] transcriptHash) {
            if (destroyed) {
                throw new IllegalStateException("key schedule stage destroyed");
            }
            if (transcriptHash.length != hashLength) {
                throw new IllegalArgumentException("transcript hash of " + transcriptHash.length
                        + " bytes, expected " + hashLength);
            }
            try {
                byte[] out = hkdf.deriveSecret(secret, label, transcriptHash);
                step(name, KeyScheduleStep.DERIVE_SECRET, label, deriveOutputName(label), out);
                return out;
            } catch (CryptoException e) {
                throw new IllegalStateException("fixed-size HKDF step failed", e);
            }
        }

        /**
         * A copy of this stage's secret (Early, Handshake or Master Secret). Protocol code never needs
         * it; it exists for known-answer tests and key logging.
         */
        public final byte[] secret() {
            if (destroyed) {
                throw new IllegalStateException("key schedule stage destroyed");
            }
            return secret.clone();
        }

        @Override
        public final void destroy() {
            Arrays.fill(secret, (byte) 0);
            destroyed = true;
        }

        /** True after {@link #destroy()}. */
        public final boolean isDestroyed() {
            return destroyed;
        }
    }

    /** Tells the listener (if any) about one step; the listener gets its own copy of the output. */
    private void step(String input, String operation, String label, String output, byte[] value) {
        if (listener != null) {
            String section = label == null ? "RFC 8446, Section 7.1"
                    : label.equals("finished") ? "RFC 8446, Section 4.4.4"
                    : label.equals("traffic upd") ? "RFC 8446, Section 7.2"
                    : label.equals("key") || label.equals("iv") ? "RFC 8446, Section 7.3"
                    : label.equals("resumption") ? "RFC 8446, Section 4.6.1"
                    : "RFC 8446, Section 7.1";
            listener.onKeyScheduleStep(new KeyScheduleStep(input, operation, label, output, section, value));
        }
    }

    /** The RFC 8446, Section 7.1 name of what Derive-Secret(., label, ...) produces. */
    static String deriveOutputName(String label) {
        switch (label) {
            case "ext binder":
            case "res binder":
                return "binder_key";
            case "c e traffic":
                return "client_early_traffic_secret";
            case "e exp master":
                return "early_exporter_master_secret";
            case "derived":
                return "salt of the next HKDF-Extract";
            case "c hs traffic":
                return "client_handshake_traffic_secret";
            case "s hs traffic":
                return "server_handshake_traffic_secret";
            case "c ap traffic":
                return "client_application_traffic_secret_0";
            case "s ap traffic":
                return "server_application_traffic_secret_0";
            case "exp master":
                return "exporter_master_secret";
            case "res master":
                return "resumption_master_secret";
            default:
                return label;
        }
    }

    private static String expandInputName(String label) {
        switch (label) {
            case "finished":
                return "handshake traffic secret (or binder_key)";
            case "key":
            case "iv":
                return "traffic secret";
            case "traffic upd":
                return "application_traffic_secret_N";
            case "resumption":
                return "resumption_master_secret";
            default:
                return "secret";
        }
    }

    private static String expandOutputName(String label) {
        switch (label) {
            case "finished":
                return "finished_key";
            case "key":
                return "[sender]_write_key";
            case "iv":
                return "[sender]_write_iv";
            case "traffic upd":
                return "application_traffic_secret_N+1";
            case "resumption":
                return "PSK for the ticket";
            default:
                return label;
        }
    }

    /** Hash(""), the Transcript-Hash used by the "derived" and binder steps. */
    public byte[] emptyHash() {
        return hkdf.emptyHash();
    }

    private byte[] expandLabel(byte[] secret, String label, byte[] context, int length) {
        return expandLabel(secret, label, context, length, null);
    }

    /** {@code who} ("client handshake", ...) names the traffic secret in the trace; null when unknown. */
    private byte[] expandLabel(byte[] secret, String label, byte[] context, int length, String who) {
        try {
            byte[] out = hkdf.expandLabel(secret, label, context, length);
            step(who == null ? expandInputName(label) : who + " traffic secret", KeyScheduleStep.EXPAND_LABEL, label,
                    who == null ? expandOutputName(label) : who + " " + label.replace("key", "write_key")
                            .replace("iv", "write_iv"), out);
            return out;
        } catch (CryptoException e) {
            throw new IllegalStateException("fixed-size HKDF step failed", e);
        }
    }

    /** finished_key = HKDF-Expand-Label(BaseKey, "finished", "", Hash.length) (Section 4.4.4). */
    public byte[] finishedKey(byte[] baseKey) {
        return expandLabel(baseKey, "finished", new byte[0], hashLength);
    }

    /**
     * verify_data = HMAC(finished_key, Transcript-Hash(Handshake Context, Certificate*, CertificateVerify*))
     * (Section 4.4.4), with finished_key derived from {@code baseKey} (a handshake traffic secret, or the
     * binder_key for a PSK binder, Section 4.2.11.2). Compare the result with {@code ConstantTime.equals}.
     */
    public byte[] verifyData(byte[] baseKey, byte[] transcriptHash) {
        if (transcriptHash.length != hashLength) {
            throw new IllegalArgumentException("transcript hash of " + transcriptHash.length + " bytes, expected "
                    + hashLength);
        }
        byte[] fk = finishedKey(baseKey);
        Hmac mac = new Hmac(prototype, fk);
        Arrays.fill(fk, (byte) 0);
        mac.update(transcriptHash);
        byte[] out = mac.doFinal();
        mac.destroy();
        return out;
    }

    /** [sender]_write_key = HKDF-Expand-Label(Secret, "key", "", key_length) (Section 7.3). */
    public byte[] trafficKey(byte[] trafficSecret, int keyLength) {
        return expandLabel(trafficSecret, "key", new byte[0], keyLength);
    }

    /** {@link #trafficKey(byte[], int)} for the traffic secret named {@code who} (for the trace). */
    byte[] trafficKey(byte[] trafficSecret, int keyLength, String who) {
        return expandLabel(trafficSecret, "key", new byte[0], keyLength, who);
    }

    /** [sender]_write_iv = HKDF-Expand-Label(Secret, "iv", "", iv_length) (Section 7.3). */
    public byte[] trafficIv(byte[] trafficSecret, int ivLength) {
        return expandLabel(trafficSecret, "iv", new byte[0], ivLength);
    }

    /** {@link #trafficIv(byte[], int)} for the traffic secret named {@code who} (for the trace). */
    byte[] trafficIv(byte[] trafficSecret, int ivLength, String who) {
        return expandLabel(trafficSecret, "iv", new byte[0], ivLength, who);
    }

    /**
     * application_traffic_secret_N+1 = HKDF-Expand-Label(application_traffic_secret_N, "traffic upd", "",
     * Hash.length) (Section 7.2), for KeyUpdate.
     */
    public byte[] nextApplicationTrafficSecret(byte[] applicationTrafficSecret) {
        return expandLabel(applicationTrafficSecret, "traffic upd", new byte[0], hashLength);
    }

    /**
     * TLS-Exporter(label, context_value, key_length) = HKDF-Expand-Label(Derive-Secret(Secret, label, ""),
     * "exporter", Hash(context_value), key_length) (Section 7.5), with Secret the exporter_master_secret
     * (or early_exporter_master_secret). "no context" and an empty context are the same in TLS 1.3.
     *
     * @throws CryptoException when the label is longer than 249 bytes or key_length is out of range
     */
    public byte[] exporter(byte[] exporterMasterSecret, String label, byte[] contextValue, int keyLength)
            throws CryptoException {
        if (label.getBytes(StandardCharsets.US_ASCII).length > 249) {
            throw new CryptoException("exporter label longer than 249 bytes");
        }
        byte[] secret = hkdf.deriveSecret(exporterMasterSecret, label, emptyHash());
        Digest d = prototype.copy();
        d.reset();
        d.update(contextValue == null ? new byte[0] : contextValue);
        byte[] out = hkdf.expandLabel(secret, "exporter", d.digest(), keyLength);
        Arrays.fill(secret, (byte) 0);
        return out;
    }

    /**
     * The PSK a ticket stands for: HKDF-Expand-Label(resumption_master_secret, "resumption", ticket_nonce,
     * Hash.length) (Section 4.6.1).
     */
    public byte[] resumptionPsk(byte[] resumptionMasterSecret, byte[] ticketNonce) {
        return expandLabel(resumptionMasterSecret, "resumption", ticketNonce, hashLength);
    }
}
