package org.tls4j.crypto.asn1;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * An OBJECT IDENTIFIER (ITU-T X.690, Section 8.19), kept as its DER content octets, which are the
 * canonical form: two OIDs are equal exactly when their encodings are. The dotted form is computed once.
 */
public final class Oid {
    private final byte[] der;
    private String dotted; // computed on first use; a benign race (Strings are immutable)

    private Oid(byte[] der, String dotted) {
        this.der = der;
        this.dotted = dotted;
    }

    /** Parses the DER content octets (no tag or length), rejecting non-minimal arcs (X.690, 8.19.2). */
    public static Oid fromContent(byte[] content) throws DerException {
        if (content.length == 0) {
            throw new DerException("OID: empty content");
        }
        if ((content[content.length - 1] & 0x80) != 0) {
            throw new DerException("OID: last arc is truncated");
        }
        boolean startOfArc = true;
        for (byte b : content) {
            if (startOfArc && (b & 0xff) == 0x80) {
                throw new DerException("OID: arc with a non-minimal leading 0x80 octet");
            }
            startOfArc = (b & 0x80) == 0;
        }
        return new Oid(content.clone(), null);
    }

    /** The dotted form of valid content octets (computed on demand: parsing never needs it). */
    private static String dotted(byte[] content) {
        StringBuilder sb = new StringBuilder();
        BigInteger arc = BigInteger.ZERO;
        boolean first = true;
        for (byte b : content) {
            arc = arc.shiftLeft(7).or(BigInteger.valueOf(b & 0x7f));
            if ((b & 0x80) == 0) {
                if (first) {
                    // The first subidentifier packs two arcs: 40 * X + Y with X in 0..2 (X.690, 8.19.4).
                    int x = arc.compareTo(BigInteger.valueOf(80)) >= 0 ? 2 : arc.intValue() / 40;
                    sb.append(x).append('.').append(arc.subtract(BigInteger.valueOf(40L * x)));
                    first = false;
                } else {
                    sb.append('.').append(arc);
                }
                arc = BigInteger.ZERO;
            }
        }
        return sb.toString();
    }

    /** The OID of a dotted string such as {@code "2.5.4.3"}; a malformed string is a programming error. */
    public static Oid of(String dotted) {
        String[] parts = dotted.split("\\.", -1);
        if (parts.length < 2) {
            throw new IllegalArgumentException("OID needs at least two arcs: " + dotted);
        }
        BigInteger[] arcs = new BigInteger[parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].isEmpty() || !parts[i].matches("[0-9]+") || (parts[i].length() > 1 && parts[i].charAt(0) == '0')) {
                throw new IllegalArgumentException("bad OID arc '" + parts[i] + "' in " + dotted);
            }
            arcs[i] = new BigInteger(parts[i]);
        }
        int x = arcs[0].intValue();
        if (arcs[0].compareTo(BigInteger.valueOf(2)) > 0 || (x < 2 && arcs[1].compareTo(BigInteger.valueOf(39)) > 0)) {
            throw new IllegalArgumentException("bad first arcs in OID " + dotted);
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        writeArc(out, arcs[1].add(BigInteger.valueOf(40L * x)));
        for (int i = 2; i < arcs.length; i++) {
            writeArc(out, arcs[i]);
        }
        return new Oid(out.toByteArray(), dotted);
    }

    private static void writeArc(java.io.ByteArrayOutputStream out, BigInteger v) {
        int groups = Math.max(1, (v.bitLength() + 6) / 7);
        for (int g = groups - 1; g >= 0; g--) {
            int b = v.shiftRight(7 * g).intValue() & 0x7f;
            out.write(g == 0 ? b : (b | 0x80));
        }
    }

    /** The DER content octets (a copy). */
    public byte[] content() {
        return der.clone();
    }

    int contentLength() {
        return der.length;
    }

    void copyContent(byte[] dst, int off) {
        System.arraycopy(der, 0, dst, off, der.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Oid && Arrays.equals(der, ((Oid) o).der);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(der);
    }

    /** The dotted decimal form, e.g. {@code 1.2.840.113549.1.1.11}. */
    @Override
    public String toString() {
        String d = dotted;
        if (d == null) {
            d = dotted(der);
            dotted = d;
        }
        return d;
    }
}
