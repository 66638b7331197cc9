package org.tls4j.crypto.asn1;

/** A BIT STRING value: octets plus the count of unused bits in the last one (X.690, Section 8.6). */
public final class BitString {
    private final byte[] bytes;
    private final int unusedBits;

    public BitString(byte[] bytes, int unusedBits) {
        if (unusedBits < 0 || unusedBits > 7 || (bytes.length == 0 && unusedBits != 0)) {
            throw new IllegalArgumentException("bad unused-bit count " + unusedBits);
        }
        this.bytes = bytes.clone();
        this.unusedBits = unusedBits;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public int unusedBits() {
        return unusedBits;
    }

    /** Number of bits. */
    public int length() {
        return bytes.length * 8 - unusedBits;
    }

    /** Bit {@code i}, numbered from the most significant bit of the first octet (named-bit order). */
    public boolean bit(int i) {
        if (i < 0 || i >= length()) {
            return false;
        }
        return (bytes[i >>> 3] & (0x80 >>> (i & 7))) != 0;
    }
}
