package org.tls4j.crypto.pem;

/** One PEM block: its label (e.g. {@code CERTIFICATE}) and the decoded bytes. */
public final class PemBlock {
    private final String label;
    private final byte[] data;

    public PemBlock(String label, byte[] data) {
        this.label = label;
        this.data = data.clone();
    }

    public String label() {
        return label;
    }

    public byte[] data() {
        return data.clone();
    }

    @Override
    public String toString() {
        return "PemBlock[" + label + ", " + data.length + " bytes]";
    }
}
