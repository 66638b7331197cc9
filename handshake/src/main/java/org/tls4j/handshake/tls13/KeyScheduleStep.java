package org.tls4j.handshake.tls13;

/**
 * One step of the TLS 1.3 key schedule (RFC 8446, Section 7.1 to 7.3), as
 * {@link TlsListener#onKeyScheduleStep} reports it: which secret it started from, the operation and its
 * label as the RFC writes it ({@code "c hs traffic"}, {@code "derived"}, {@code "res master"}), what it
 * produced ({@code client_handshake_traffic_secret}) and that output.
 *
 * <p>The output is a secret: {@link #value()} hands out a copy for tracing and teaching only. Whoever
 * prints or stores it lets any reader of that place decrypt the connection.
 */
public final class KeyScheduleStep {
    /** HKDF-Extract (RFC 5869, Section 2.2): the stages' own secrets. */
    public static final String EXTRACT = "HKDF-Extract";
    /** Derive-Secret (RFC 8446, Section 7.1). */
    public static final String DERIVE_SECRET = "Derive-Secret";
    /** HKDF-Expand-Label (RFC 8446, Section 7.1): finished_key, traffic keys and IVs, KeyUpdate, PSKs. */
    public static final String EXPAND_LABEL = "HKDF-Expand-Label";

    /** What the step started from, e.g. {@code Handshake Secret} or {@code (EC)DHE shared secret}. */
    public final String input;
    /** {@link #EXTRACT}, {@link #DERIVE_SECRET} or {@link #EXPAND_LABEL}. */
    public final String operation;
    /** The RFC 8446 label, e.g. {@code "s ap traffic"}; null for HKDF-Extract, which has none. */
    public final String label;
    /** The RFC's name of the result, e.g. {@code server_application_traffic_secret_0}. */
    public final String output;
    /** The section of RFC 8446 that defines the step. */
    public final String section;
    private final byte[] value;

    KeyScheduleStep(String input, String operation, String label, String output, String section, byte[] value) {
        this.input = input;
        this.operation = operation;
        this.label = label;
        this.output = output;
        this.section = section;
        this.value = value.clone();
    }

    /** The length of the output in bytes (never secret). */
    public int length() {
        return value.length;
    }

    /** A copy of the output: a secret; see the class comment. */
    public byte[] value() {
        return value.clone();
    }

    /** The step without its value, e.g. {@code Derive-Secret(Handshake Secret, "c hs traffic") = client_handshake_traffic_secret}. */
    @Override
    public String toString() {
        return operation + "(" + input + (label != null ? ", \"" + label + "\"" : "") + ") = " + output + " ("
                + value.length + " bytes)";
    }
}
