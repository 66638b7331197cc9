package org.tls4j.crypto.x509;

import java.nio.charset.Charset;
import java.util.Arrays;
import org.tls4j.crypto.asn1.DerException;
import org.tls4j.crypto.asn1.DerReader;
import org.tls4j.crypto.asn1.DerValue;
import org.tls4j.crypto.asn1.DerWriter;
import org.tls4j.crypto.asn1.Tag;

/**
 * A GeneralName (RFC 5280, Section 4.2.1.6). rfc822Name, dNSName and URI are IA5Strings (checked to be
 * ASCII); iPAddress is 4 or 16 octets in a subjectAltName, and 8 or 32 (address plus mask) in name
 * constraints; directoryName is parsed as a {@link Name}; the other forms are kept as raw encodings.
 */
public final class GeneralName {
    public static final int OTHER_NAME = 0;
    public static final int RFC822_NAME = 1;
    public static final int DNS_NAME = 2;
    public static final int X400_ADDRESS = 3;
    public static final int DIRECTORY_NAME = 4;
    public static final int EDI_PARTY_NAME = 5;
    public static final int URI = 6;
    public static final int IP_ADDRESS = 7;
    public static final int REGISTERED_ID = 8;

    private final int type;
    private final byte[] content;
    private final String text;
    private final Name directoryName;

    private GeneralName(int type, byte[] content, String text, Name directoryName) {
        this.type = type;
        this.content = content;
        this.text = text;
        this.directoryName = directoryName;
    }

    /**
     * Reads one GeneralName. {@code inConstraint} selects the iPAddress length rule: address plus mask
     * (8 or 32 octets) in name constraints (RFC 5280, Section 4.2.1.10), the address alone otherwise.
     */
    static GeneralName read(DerReader r, boolean inConstraint) throws DerException {
        DerValue v = r.next();
        int tag = v.tag();
        if ((tag & Tag.CLASS_PRIVATE) != Tag.CLASS_CONTEXT) {
            throw new DerException("GeneralName: not a context-specific tag");
        }
        int n = tag & 0x1f;
        boolean constructed = (tag & Tag.CONSTRUCTED) != 0;
        boolean mustBeConstructed = n == OTHER_NAME || n == X400_ADDRESS || n == DIRECTORY_NAME || n == EDI_PARTY_NAME;
        if (n > REGISTERED_ID || constructed != mustBeConstructed) {
            throw new DerException("GeneralName: bad tag 0x" + Integer.toHexString(tag));
        }
        byte[] c = v.content();
        switch (n) {
            case RFC822_NAME:
            case DNS_NAME:
            case URI:
                for (byte b : c) {
                    if (b < 0x20 || b == 0x7f) {
                        throw new DerException("GeneralName: IA5String name must be printable ASCII");
                    }
                }
                return new GeneralName(n, c, new String(c, Charset.forName("US-ASCII")), null);
            case IP_ADDRESS:
                if (inConstraint ? (c.length != 8 && c.length != 32) : (c.length != 4 && c.length != 16)) {
                    throw new DerException("GeneralName: iPAddress of " + c.length + " octets");
                }
                return new GeneralName(n, c, null, null);
            case DIRECTORY_NAME: {
                DerReader d = v.reader();
                Name name = Name.read(d);
                d.expectEnd();
                return new GeneralName(n, c, null, name);
            }
            default:
                return new GeneralName(n, c, null, null);
        }
    }

    public static GeneralName dns(String name) {
        return ascii(DNS_NAME, name);
    }

    public static GeneralName email(String name) {
        return ascii(RFC822_NAME, name);
    }

    public static GeneralName uri(String name) {
        return ascii(URI, name);
    }

    /** An iPAddress: 4 or 16 octets, or for name constraints 8 or 32 (address then mask). */
    public static GeneralName ip(byte[] address) {
        if (address.length != 4 && address.length != 16 && address.length != 8 && address.length != 32) {
            throw new IllegalArgumentException("iPAddress must be 4, 8, 16 or 32 octets");
        }
        return new GeneralName(IP_ADDRESS, address.clone(), null, null);
    }

    private static GeneralName ascii(int type, String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < 0x20 || s.charAt(i) > 0x7e) {
                throw new IllegalArgumentException("names must be ASCII (use A-labels for IDNs): " + s);
            }
        }
        return new GeneralName(type, s.getBytes(Charset.forName("US-ASCII")), s, null);
    }

    void write(DerWriter w) {
        if (type == DIRECTORY_NAME || type == OTHER_NAME || type == X400_ADDRESS || type == EDI_PARTY_NAME) {
            w.begin(Tag.contextConstructed(type)).raw(content).end();
        } else {
            w.primitive(Tag.contextPrimitive(type), content);
        }
    }

    public int type() {
        return type;
    }

    /** The text of an rfc822Name, dNSName or URI; else null. */
    public String text() {
        return text;
    }

    /** The raw content octets (for iPAddress: the address, plus the mask in constraints). */
    public byte[] content() {
        return content.clone();
    }

    /** For a directoryName: the name; else null. */
    public Name directoryName() {
        return directoryName;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GeneralName && ((GeneralName) o).type == type && Arrays.equals(((GeneralName) o).content, content);
    }

    @Override
    public int hashCode() {
        return type * 31 + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        switch (type) {
            case DNS_NAME:
                return "DNS:" + text;
            case RFC822_NAME:
                return "email:" + text;
            case URI:
                return "URI:" + text;
            case IP_ADDRESS:
                return "IP:" + IpAddresses.format(content);
            case DIRECTORY_NAME:
                return "DirName:" + directoryName;
            default:
                return "GeneralName[" + type + "]";
        }
    }
}
