package org.tls4j.crypto.asn1;

/**
 * DER identifier octets used by X.509 (ITU-T X.690, Section 8.1.2). Only low tag numbers (0..30) occur in
 * the structures tls4j reads, so a tag is one byte: class (2 bits), constructed (1 bit), number (5 bits).
 */
public final class Tag {
    private Tag() {}

    public static final int BOOLEAN = 0x01;
    public static final int INTEGER = 0x02;
    public static final int BIT_STRING = 0x03;
    public static final int OCTET_STRING = 0x04;
    public static final int NULL = 0x05;
    public static final int OID = 0x06;
    public static final int ENUMERATED = 0x0a;
    public static final int UTF8_STRING = 0x0c;
    public static final int PRINTABLE_STRING = 0x13;
    public static final int T61_STRING = 0x14;
    public static final int IA5_STRING = 0x16;
    public static final int UTC_TIME = 0x17;
    public static final int GENERALIZED_TIME = 0x18;
    public static final int VISIBLE_STRING = 0x1a;
    public static final int UNIVERSAL_STRING = 0x1c;
    public static final int BMP_STRING = 0x1e;
    public static final int SEQUENCE = 0x30;
    public static final int SET = 0x31;

    /** Class bits of the identifier octet (X.690, Section 8.1.2.2). */
    public static final int CLASS_UNIVERSAL = 0x00;
    public static final int CLASS_APPLICATION = 0x40;
    public static final int CLASS_CONTEXT = 0x80;
    public static final int CLASS_PRIVATE = 0xc0;
    public static final int CONSTRUCTED = 0x20;

    /** {@code [n]} context-specific, primitive (IMPLICIT tagging of a primitive type). */
    public static int contextPrimitive(int n) {
        check(n);
        return CLASS_CONTEXT | n;
    }

    /** {@code [n]} context-specific, constructed (EXPLICIT tagging, or IMPLICIT of a SEQUENCE). */
    public static int contextConstructed(int n) {
        check(n);
        return CLASS_CONTEXT | CONSTRUCTED | n;
    }

    private static void check(int n) {
        if (n < 0 || n > 30) {
            throw new IllegalArgumentException("tag number out of the low-tag range: " + n);
        }
    }
}
