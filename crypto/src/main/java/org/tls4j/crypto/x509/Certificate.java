package org.tls4j.crypto.x509;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tls4j.crypto.asn1.Asn1Time;
import org.tls4j.crypto.asn1.BitString;
import org.tls4j.crypto.asn1.DerException;
import org.tls4j.crypto.asn1.DerReader;
import org.tls4j.crypto.asn1.DerValue;
import org.tls4j.crypto.asn1.Oid;
import org.tls4j.crypto.asn1.Tag;

/**
 * An X.509 v1/v2/v3 certificate (RFC 5280, Section 4), parsed strictly from DER.
 *
 * <pre>
 * Certificate  ::=  SEQUENCE  {
 *      tbsCertificate       TBSCertificate,
 *      signatureAlgorithm   AlgorithmIdentifier,
 *      signatureValue       BIT STRING  }
 * </pre>
 *
 * <p>The exact TBSCertificate bytes are kept ({@link #tbsCertificate()}): they are what the issuer
 * signed. Parsed extensions: basicConstraints, keyUsage, extendedKeyUsage, subjectAltName,
 * nameConstraints, authority and subject key identifiers, authorityInfoAccess and (accepted as
 * understood, without policy processing) certificatePolicies. Any other extension marked critical is
 * listed in {@link #unknownCriticalExtensions()}, and path validation then refuses the certificate
 * (RFC 5280, Section 4.2).
 *
 * <p>Parsing never throws anything but {@link DerException}, whatever the input. Instances are immutable.
 */
public final class Certificate {
    /** One authorityInfoAccess entry (RFC 5280, Section 4.2.2.1). */
    public static final class AccessDescription {
        private final Oid method;
        private final GeneralName location;

        AccessDescription(Oid method, GeneralName location) {
            this.method = method;
            this.location = location;
        }

        /** {@link X509Oids#AD_OCSP} or {@link X509Oids#AD_CA_ISSUERS} (or another method). */
        public Oid method() {
            return method;
        }

        public GeneralName location() {
            return location;
        }
    }

    private final byte[] encoded;
    private final byte[] tbs;
    private final int version;
    private final BigInteger serial;
    private final SignatureAlgorithm signatureAlgorithm;
    private final Name issuer;
    private final Name subject;
    private final long notBefore;
    private final long notAfter;
    private final PublicKeyInfo publicKey;
    private final byte[] signature;
    private final List<Extension> extensions;
    private final List<Oid> unknownCritical;

    private boolean hasBasicConstraints;
    private boolean ca;
    private int pathLen = -1;
    private int keyUsage = -1;
    private List<Oid> extendedKeyUsage;
    private List<GeneralName> subjectAltNames = Collections.emptyList();
    private NameConstraints nameConstraints;
    private byte[] authorityKeyId;
    private byte[] subjectKeyId;
    private List<AccessDescription> authorityInfoAccess = Collections.emptyList();

    /** Parses one DER certificate; the array is copied. Trailing bytes are an error. */
    public static Certificate parse(byte[] der) throws DerException {
        return new Certificate(der.clone());
    }

    /**
     * Parses a peer's certificate list (as a TLS Certificate message carries it, leaf first); a
     * certificate that does not parse is rejected with reason
     * {@link CertificateRejectedException.Reason#MALFORMED} (alert bad_certificate).
     */
    public static List<Certificate> parseChain(List<byte[]> ders) throws CertificateRejectedException {
        List<Certificate> out = new ArrayList<>(ders.size());
        for (int i = 0; i < ders.size(); i++) {
            try {
                out.add(parse(ders.get(i)));
            } catch (DerException e) {
                throw new CertificateRejectedException(CertificateRejectedException.Reason.MALFORMED,
                        "certificate " + i + " of the chain does not parse: " + e.getMessage(), e);
            }
        }
        return Collections.unmodifiableList(out);
    }

    private Certificate(byte[] der) throws DerException {
        this.encoded = der;
        DerReader top = DerReader.of(der);
        DerReader cert = top.sequence();
        top.expectEnd();

        DerValue tbsValue = cert.next(Tag.SEQUENCE);
        this.tbs = tbsValue.encoded();
        SignatureAlgorithm outerAlg = SignatureAlgorithm.read(cert);
        this.signature = cert.bitStringOctets();
        cert.expectEnd();

        DerReader t = tbsValue.reader();
        int v = 1;
        if (t.peek(Tag.contextConstructed(0))) {
            DerReader ver = t.explicit(0);
            int raw = ver.smallInt(2);
            ver.expectEnd();
            if (raw == 0) {
                throw new DerException("certificate: version v1 encoded explicitly (DER forbids DEFAULT values)");
            }
            v = raw + 1;
        }
        this.version = v;
        DerValue serialValue = t.next(Tag.INTEGER);
        if (serialValue.contentLength() > 21) {
            throw new DerException("certificate: serial number longer than 20 octets (RFC 5280, Section 4.1.2.2)");
        }
        this.serial = DerReader.of(serialValue.encoded()).integer();
        this.signatureAlgorithm = SignatureAlgorithm.read(t);
        if (!outerAlg.equals(signatureAlgorithm)) {
            throw new DerException("certificate: signatureAlgorithm differs from tbsCertificate.signature (RFC 5280, Section 4.1.1.2)");
        }
        this.issuer = Name.read(t);
        if (issuer.isEmpty()) {
            throw new DerException("certificate: empty issuer name (RFC 5280, Section 4.1.2.4)");
        }
        DerReader validity = t.sequence();
        this.notBefore = validity.time();
        this.notAfter = validity.time();
        validity.expectEnd();
        this.subject = Name.read(t);
        this.publicKey = PublicKeyInfo.read(t);
        if (t.peek(Tag.contextPrimitive(1))) {
            requireVersion(2, "issuerUniqueID");
            t.next();
        }
        if (t.peek(Tag.contextPrimitive(2))) {
            requireVersion(2, "subjectUniqueID");
            t.next();
        }
        List<Extension> exts = new ArrayList<>();
        List<Oid> unknown = new ArrayList<>();
        if (t.peek(Tag.contextConstructed(3))) {
            requireVersion(3, "extensions");
            DerReader wrap = t.explicit(3);
            DerReader list = wrap.sequence();
            wrap.expectEnd();
            if (!list.hasMore()) {
                throw new DerException("certificate: empty extensions (SIZE (1..MAX))");
            }
            Set<Oid> seen = new HashSet<>();
            while (list.hasMore()) {
                DerReader e = list.sequence();
                Oid oid = e.oid();
                boolean critical = false;
                if (e.peek(Tag.BOOLEAN)) {
                    critical = e.bool();
                    if (!critical) {
                        throw new DerException("extension " + oid + ": critical FALSE encoded explicitly (DER forbids DEFAULT values)");
                    }
                }
                byte[] value = e.octetString();
                e.expectEnd();
                if (!seen.add(oid)) {
                    throw new DerException("certificate: extension " + oid + " appears twice (RFC 5280, Section 4.2)");
                }
                Extension x = new Extension(oid, critical, value);
                exts.add(x);
                if (!parseKnown(x) && critical) {
                    unknown.add(oid);
                }
            }
        }
        t.expectEnd();
        this.extensions = Collections.unmodifiableList(exts);
        this.unknownCritical = Collections.unmodifiableList(unknown);
    }

    private void requireVersion(int min, String what) throws DerException {
        if (version < min) {
            throw new DerException("certificate: " + what + " needs version v" + min + " (RFC 5280, Section 4.1)");
        }
    }

    /** Parses an extension tls4j understands; false for any other. */
    private boolean parseKnown(Extension x) throws DerException {
        Oid oid = x.oid();
        DerReader r = DerReader.of(x.value());
        if (oid.equals(X509Oids.BASIC_CONSTRAINTS)) {
            // RFC 5280, Section 4.2.1.9
            DerReader s = r.sequence();
            hasBasicConstraints = true;
            if (s.peek(Tag.BOOLEAN)) {
                ca = s.bool();
                if (!ca) {
                    throw new DerException("basicConstraints: cA FALSE encoded explicitly (DER)");
                }
            }
            if (s.peek(Tag.INTEGER)) {
                pathLen = s.smallInt(Integer.MAX_VALUE);
            }
            s.expectEnd();
        } else if (oid.equals(X509Oids.KEY_USAGE)) {
            // RFC 5280, Section 4.2.1.3
            BitString b = r.bitString();
            int mask = 0;
            for (int i = 0; i < b.length(); i++) {
                if (b.bit(i)) {
                    if (i > 8) {
                        throw new DerException("keyUsage: bit " + i + " is not defined");
                    }
                    mask |= 1 << i;
                }
            }
            if (mask == 0) {
                throw new DerException("keyUsage: no bit set (RFC 5280, Section 4.2.1.3)");
            }
            keyUsage = mask;
        } else if (oid.equals(X509Oids.EXT_KEY_USAGE)) {
            // RFC 5280, Section 4.2.1.12
            DerReader s = r.sequence();
            List<Oid> l = new ArrayList<>();
            while (s.hasMore()) {
                l.add(s.oid());
            }
            if (l.isEmpty()) {
                throw new DerException("extendedKeyUsage: empty (SIZE (1..MAX))");
            }
            extendedKeyUsage = Collections.unmodifiableList(l);
        } else if (oid.equals(X509Oids.SUBJECT_ALT_NAME)) {
            // RFC 5280, Section 4.2.1.6
            DerReader s = r.sequence();
            List<GeneralName> l = new ArrayList<>();
            while (s.hasMore()) {
                l.add(GeneralName.read(s, false));
            }
            if (l.isEmpty()) {
                throw new DerException("subjectAltName: empty (SIZE (1..MAX))");
            }
            subjectAltNames = Collections.unmodifiableList(l);
        } else if (oid.equals(X509Oids.NAME_CONSTRAINTS)) {
            nameConstraints = NameConstraints.parse(x.value());
            return true;
        } else if (oid.equals(X509Oids.AUTHORITY_KEY_ID)) {
            // RFC 5280, Section 4.2.1.1
            DerReader s = r.sequence();
            DerValue kid = s.optional(Tag.contextPrimitive(0));
            if (kid != null) {
                authorityKeyId = kid.content();
            }
            s.optional(Tag.contextConstructed(1));
            s.optional(Tag.contextPrimitive(2));
            s.expectEnd();
        } else if (oid.equals(X509Oids.SUBJECT_KEY_ID)) {
            subjectKeyId = r.octetString(); // RFC 5280, Section 4.2.1.2
        } else if (oid.equals(X509Oids.AUTHORITY_INFO_ACCESS)) {
            // RFC 5280, Section 4.2.2.1
            DerReader s = r.sequence();
            List<AccessDescription> l = new ArrayList<>();
            while (s.hasMore()) {
                DerReader ad = s.sequence();
                Oid method = ad.oid();
                GeneralName loc = GeneralName.read(ad, false);
                ad.expectEnd();
                l.add(new AccessDescription(method, loc));
            }
            if (l.isEmpty()) {
                throw new DerException("authorityInfoAccess: empty (SIZE (1..MAX))");
            }
            authorityInfoAccess = Collections.unmodifiableList(l);
        } else if (oid.equals(X509Oids.CERTIFICATE_POLICIES)) {
            // Understood without policy processing: a TLS client's initial policy set is anyPolicy and
            // explicit policy is not required (RFC 5280, Section 6.1.1 (c), (f)), so no policy can fail.
            r.sequence();
        } else {
            return false;
        }
        r.expectEnd();
        return true;
    }

    /** The whole certificate DER. */
    public byte[] encoded() {
        return encoded.clone();
    }

    /** The exact TBSCertificate bytes the issuer signed. */
    public byte[] tbsCertificate() {
        return tbs.clone();
    }

    /** 1, 2 or 3. */
    public int version() {
        return version;
    }

    public BigInteger serialNumber() {
        return serial;
    }

    public SignatureAlgorithm signatureAlgorithm() {
        return signatureAlgorithm;
    }

    /** The signatureValue octets. */
    public byte[] signature() {
        return signature.clone();
    }

    public Name issuer() {
        return issuer;
    }

    public Name subject() {
        return subject;
    }

    /** Start of validity, seconds since the epoch (inclusive, RFC 5280, Section 4.1.2.5). */
    public long notBefore() {
        return notBefore;
    }

    /** End of validity, seconds since the epoch (inclusive). */
    public long notAfter() {
        return notAfter;
    }

    public PublicKeyInfo publicKey() {
        return publicKey;
    }

    public List<Extension> extensions() {
        return extensions;
    }

    /** Critical extensions tls4j does not understand; non-empty makes the certificate unusable. */
    public List<Oid> unknownCriticalExtensions() {
        return unknownCritical;
    }

    public boolean hasBasicConstraints() {
        return hasBasicConstraints;
    }

    /** basicConstraints cA. */
    public boolean isCa() {
        return ca;
    }

    /** basicConstraints pathLenConstraint, or -1 when absent. */
    public int pathLenConstraint() {
        return pathLen;
    }

    /** The keyUsage mask ({@link KeyUsage}), or -1 when the extension is absent. */
    public int keyUsage() {
        return keyUsage;
    }

    /**
     * Whether keyUsage allows {@code bit} (a {@link KeyUsage} constant): true when the extension is absent
     * or has the bit. TLS checks digitalSignature for signing keys and keyEncipherment for RSA key
     * transport (RFC 5246, Section 7.4.2; RFC 8446, Section 4.4.2.2).
     */
    public boolean permitsKeyUsage(int bit) {
        return keyUsage < 0 || (keyUsage & bit) != 0;
    }

    /** The extendedKeyUsage purposes, or null when the extension is absent. */
    public List<Oid> extendedKeyUsage() {
        return extendedKeyUsage;
    }

    /** subjectAltName entries (empty when absent). */
    public List<GeneralName> subjectAltNames() {
        return subjectAltNames;
    }

    /** nameConstraints, or null. */
    public NameConstraints nameConstraints() {
        return nameConstraints;
    }

    /** authorityKeyIdentifier keyIdentifier, or null. */
    public byte[] authorityKeyId() {
        return authorityKeyId == null ? null : authorityKeyId.clone();
    }

    /** subjectKeyIdentifier, or null. */
    public byte[] subjectKeyId() {
        return subjectKeyId == null ? null : subjectKeyId.clone();
    }

    public List<AccessDescription> authorityInfoAccess() {
        return authorityInfoAccess;
    }

    /** True when issuer and subject names match (RFC 5280, Section 6.1: "self-issued"). */
    public boolean isSelfIssued() {
        return issuer.matches(subject);
    }

    /** True when {@code epochSeconds} lies in [notBefore, notAfter]. */
    public boolean isValidAt(long epochSeconds) {
        return epochSeconds >= notBefore && epochSeconds <= notAfter;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Certificate && Arrays.equals(encoded, ((Certificate) o).encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return "Certificate[subject=" + subject + ", issuer=" + issuer + ", serial=" + serial.toString(16) + ", "
                + Asn1Time.formatGeneralized(notBefore) + ".." + Asn1Time.formatGeneralized(notAfter) + ", " + publicKey
                + ", " + signatureAlgorithm + "]";
    }
}
