package org.tls4j.crypto.x509;

/**
 * The keyUsage bits (RFC 5280, Section 4.2.1.3) as an {@code int} mask: bit {@code n} of the named bit
 * list is {@code 1 << n}.
 */
public final class KeyUsage {
    private KeyUsage() {}

    public static final int DIGITAL_SIGNATURE = 1;
    public static final int NON_REPUDIATION = 1 << 1;
    public static final int KEY_ENCIPHERMENT = 1 << 2;
    public static final int DATA_ENCIPHERMENT = 1 << 3;
    public static final int KEY_AGREEMENT = 1 << 4;
    public static final int KEY_CERT_SIGN = 1 << 5;
    public static final int CRL_SIGN = 1 << 6;
    public static final int ENCIPHER_ONLY = 1 << 7;
    public static final int DECIPHER_ONLY = 1 << 8;

    static final String[] NAMES = {"digitalSignature", "nonRepudiation", "keyEncipherment", "dataEncipherment",
        "keyAgreement", "keyCertSign", "cRLSign", "encipherOnly", "decipherOnly"};

    /** Names of the bits set in {@code mask}, comma-separated. */
    public static String describe(int mask) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < NAMES.length; i++) {
            if ((mask & (1 << i)) != 0) {
                sb.append(sb.length() > 0 ? "," : "").append(NAMES[i]);
            }
        }
        return sb.toString();
    }
}
