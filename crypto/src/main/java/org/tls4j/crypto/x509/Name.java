package org.tls4j.crypto.x509;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.tls4j.crypto.asn1.DerException;
import org.tls4j.crypto.asn1.DerReader;
import org.tls4j.crypto.asn1.DerValue;
import org.tls4j.crypto.asn1.DerWriter;
import org.tls4j.crypto.asn1.Oid;
import org.tls4j.crypto.asn1.Tag;

/**
 * An X.501 distinguished name (RFC 5280, Section 4.1.2.4): a sequence of relative distinguished names,
 * each a set of attribute type and value pairs. The DER encoding is kept exactly as received.
 *
 * <p>{@link #toString()} gives the RFC 4514 string form. {@link #matches(Name)} is the comparison path
 * building uses (RFC 5280, Section 7.1), simplified: values of string types compare after trimming,
 * collapsing inner white space and folding ASCII case; other values compare by their encoding.
 */
public final class Name {
    /** One AttributeTypeAndValue. {@code text} is null when the value is not a character string. */
    public static final class Attribute {
        private final Oid type;
        private final int valueTag;
        private final byte[] valueDer;
        private final String text;

        Attribute(Oid type, int valueTag, byte[] valueDer, String text) {
            this.type = type;
            this.valueTag = valueTag;
            this.valueDer = valueDer;
            this.text = text;
        }

        public Oid type() {
            return type;
        }

        /** The value's identifier octet, e.g. {@link Tag#PRINTABLE_STRING}. */
        public int valueTag() {
            return valueTag;
        }

        /** The value as text, or null when it is not a character string. */
        public String text() {
            return text;
        }

        /** The whole DER encoding of the value. */
        public byte[] valueEncoded() {
            return valueDer.clone();
        }
    }

    private final byte[] encoded;
    private final List<List<Attribute>> rdns;

    private Name(byte[] encoded, List<List<Attribute>> rdns) {
        this.encoded = encoded;
        this.rdns = rdns;
    }

    /** Parses a Name from the next element of {@code r}. */
    public static Name read(DerReader r) throws DerException {
        DerValue v = r.next(Tag.SEQUENCE);
        DerReader seq = v.reader();
        List<List<Attribute>> rdns = new ArrayList<>();
        while (seq.hasMore()) {
            DerReader set = seq.set();
            List<Attribute> rdn = new ArrayList<>();
            if (!set.hasMore()) {
                throw new DerException("Name: empty RelativeDistinguishedName (SET SIZE (1..MAX))");
            }
            while (set.hasMore()) {
                DerReader atv = set.sequence();
                Oid type = atv.oid();
                DerValue value = atv.next();
                atv.expectEnd();
                String text = null;
                if (isStringTag(value.tag())) {
                    text = DerReader.decodeString(value);
                }
                rdn.add(new Attribute(type, value.tag(), value.encoded(), text));
            }
            rdns.add(Collections.unmodifiableList(rdn));
        }
        return new Name(v.encoded(), Collections.unmodifiableList(rdns));
    }

    public static Name parse(byte[] der) throws DerException {
        DerReader r = DerReader.of(der);
        Name n = read(r);
        r.expectEnd();
        return n;
    }

    /** A builder for names, in encoding order (most significant RDN, usually C or DC, first). */
    public static final class Builder {
        private final DerWriter w = new DerWriter();

        public Builder() {
            w.sequence();
        }

        /**
         * Adds a single-valued RDN. The value is a UTF8String as RFC 5280, Section 4.1.2.4 asks for new
         * certificates, except countryName (PrintableString) and domainComponent/emailAddress (IA5String).
         */
        public Builder add(Oid type, String value) {
            int tag = Tag.UTF8_STRING;
            if (type.equals(X509Oids.C)) {
                tag = Tag.PRINTABLE_STRING;
            } else if (type.equals(X509Oids.DC) || type.equals(X509Oids.EMAIL_ADDRESS)) {
                tag = Tag.IA5_STRING;
            }
            w.begin(Tag.SET).sequence().oid(type).string(tag, value).end().end();
            return this;
        }

        public Builder cn(String v) {
            return add(X509Oids.CN, v);
        }

        public Builder o(String v) {
            return add(X509Oids.O, v);
        }

        public Builder c(String v) {
            return add(X509Oids.C, v);
        }

        public Name build() {
            w.end();
            try {
                return parse(w.toByteArray());
            } catch (DerException e) {
                throw new IllegalArgumentException("name does not encode: " + e.getMessage(), e);
            }
        }
    }

    static boolean isStringTag(int tag) {
        switch (tag) {
            case Tag.UTF8_STRING:
            case Tag.PRINTABLE_STRING:
            case Tag.IA5_STRING:
            case Tag.VISIBLE_STRING:
            case Tag.T61_STRING:
            case Tag.BMP_STRING:
            case Tag.UNIVERSAL_STRING:
                return true;
            default:
                return false;
        }
    }

    /** The DER encoding, as received. */
    public byte[] encoded() {
        return encoded.clone();
    }

    /** The RDNs in encoding order. */
    public List<List<Attribute>> rdns() {
        return rdns;
    }

    public boolean isEmpty() {
        return rdns.isEmpty();
    }

    /** The values of all attributes of {@code type}, in encoding order (e.g. every CN). */
    public List<String> values(Oid type) {
        List<String> out = new ArrayList<>();
        for (List<Attribute> rdn : rdns) {
            for (Attribute a : rdn) {
                if (a.type.equals(type) && a.text != null) {
                    out.add(a.text);
                }
            }
        }
        return out;
    }

    /** Name matching for chaining (RFC 5280, Section 7.1, simplified as the class comment says). */
    public boolean matches(Name other) {
        if (Arrays.equals(encoded, other.encoded)) {
            return true;
        }
        return rdns.size() == other.rdns.size() && prefixMatches(this, other);
    }

    /** True when {@code base}'s RDNs equal (as in {@link #matches}) the first RDNs of {@code name}. */
    static boolean prefixMatches(Name name, Name base) {
        for (int i = 0; i < base.rdns.size(); i++) {
            if (!rdnMatches(name.rdns.get(i), base.rdns.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean rdnMatches(List<Attribute> a, List<Attribute> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int j = 0; j < a.size(); j++) {
            Attribute x = a.get(j);
            Attribute y = b.get(j);
            if (!x.type.equals(y.type)) {
                return false;
            }
            if (x.text != null && y.text != null) {
                if (!fold(x.text).equals(fold(y.text))) {
                    return false;
                }
            } else if (!Arrays.equals(x.valueDer, y.valueDer)) {
                return false;
            }
        }
        return true;
    }

    private static String fold(String s) {
        return s.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Name && Arrays.equals(encoded, ((Name) o).encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    /**
     * The RFC 4514 string: RDNs last to first, separated by {@code ,}; multi-valued RDNs joined by
     * {@code +}; known types by short name, others as dotted OIDs; values escaped as Section 2.4 says,
     * and non-string values as {@code #} followed by the hex of their BER encoding.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = rdns.size() - 1; i >= 0; i--) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            List<Attribute> rdn = rdns.get(i);
            for (int j = 0; j < rdn.size(); j++) {
                if (j > 0) {
                    sb.append('+');
                }
                Attribute a = rdn.get(j);
                sb.append(shortName(a.type)).append('=');
                if (a.text != null) {
                    escape(sb, a.text);
                } else {
                    sb.append('#');
                    for (byte b : a.valueDer) {
                        sb.append(Character.forDigit((b >> 4) & 15, 16)).append(Character.forDigit(b & 15, 16));
                    }
                }
            }
        }
        return sb.toString();
    }

    /** The short names of RFC 4514, Section 3, else the dotted OID. */
    static String shortName(Oid t) {
        if (t.equals(X509Oids.CN)) {
            return "CN";
        } else if (t.equals(X509Oids.L)) {
            return "L";
        } else if (t.equals(X509Oids.ST)) {
            return "ST";
        } else if (t.equals(X509Oids.O)) {
            return "O";
        } else if (t.equals(X509Oids.OU)) {
            return "OU";
        } else if (t.equals(X509Oids.C)) {
            return "C";
        } else if (t.equals(X509Oids.STREET)) {
            return "STREET";
        } else if (t.equals(X509Oids.DC)) {
            return "DC";
        } else if (t.equals(X509Oids.UID)) {
            return "UID";
        }
        return t.toString();
    }

    /** RFC 4514, Section 2.4. */
    static void escape(StringBuilder sb, String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean special = c == '"' || c == '+' || c == ',' || c == ';' || c == '<' || c == '>' || c == '\\';
            boolean edge = (i == 0 && (c == ' ' || c == '#')) || (i == v.length() - 1 && c == ' ');
            if (c == 0) {
                sb.append("\\00");
            } else if (special || edge) {
                sb.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                sb.append('\\').append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
            } else {
                sb.append(c);
            }
        }
    }
}
