package org.tls4j.crypto.x509;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.asn1.BitString;
import org.tls4j.crypto.asn1.DerException;
import org.tls4j.crypto.asn1.DerWriter;
import org.tls4j.crypto.asn1.Oid;
import org.tls4j.crypto.asn1.Tag;
import org.tls4j.crypto.sig.Signer;

/**
 * Writes and signs X.509 v3 certificates (RFC 5280, Section 4.1). Used by tests,
 * benchmarks and {@code tls4j demo}; nothing here is needed to validate certificates.
 *
 * <pre>
 * Certificate c = new CertificateBuilder()
 *     .subject(new Name.Builder().cn("example.com").build())
 *     .publicKey(leafKey).validity(from, to).serial(BigInteger.valueOf(2))
 *     .dnsNames("example.com").extendedKeyUsage(X509Oids.KP_SERVER_AUTH)
 *     .signedBy(caCert, caSigner, SignatureAlgorithm.ECDSA_SHA256);
 * </pre>
 *
 * The caller's {@link Signer} must implement exactly the {@link SignatureAlgorithm} named.
 */
public final class CertificateBuilder {
    private static final class Ext {
        final Oid oid;
        final boolean critical;
        final byte[] value;

        Ext(Oid oid, boolean critical, byte[] value) {
            this.oid = oid;
            this.critical = critical;
            this.value = value;
        }
    }

    private BigInteger serial = BigInteger.ONE;
    private Name subject;
    private long notBefore;
    private long notAfter;
    private PublicKeyInfo publicKey;
    private final List<Ext> exts = new ArrayList<>();
    private byte[] subjectKeyId;
    private final List<GeneralName> sans = new ArrayList<>();

    public CertificateBuilder serial(BigInteger s) {
        if (s.signum() <= 0 || s.bitLength() > 159) {
            throw new IllegalArgumentException("serial must be positive and fit 20 octets (RFC 5280, Section 4.1.2.2)");
        }
        this.serial = s;
        return this;
    }

    public CertificateBuilder subject(Name n) {
        this.subject = n;
        return this;
    }

    /** Validity in seconds since the epoch, both inclusive. */
    public CertificateBuilder validity(long notBeforeSeconds, long notAfterSeconds) {
        this.notBefore = notBeforeSeconds;
        this.notAfter = notAfterSeconds;
        return this;
    }

    public CertificateBuilder publicKey(PublicKeyInfo k) {
        this.publicKey = k;
        return this;
    }

    /** basicConstraints, critical (RFC 5280, Section 4.2.1.9); {@code pathLen} -1 for none. */
    public CertificateBuilder basicConstraints(boolean ca, int pathLen) {
        DerWriter w = new DerWriter().sequence();
        if (ca) {
            w.bool(true);
            if (pathLen >= 0) {
                w.integer(pathLen);
            }
        }
        return extension(X509Oids.BASIC_CONSTRAINTS, true, w.end().toByteArray());
    }

    /** keyUsage, critical (RFC 5280, Section 4.2.1.3): a mask of {@link KeyUsage} bits. */
    public CertificateBuilder keyUsage(int mask) {
        int bits = 32 - Integer.numberOfLeadingZeros(mask);
        byte[] b = new byte[(bits + 7) / 8];
        for (int i = 0; i < bits; i++) {
            if ((mask & (1 << i)) != 0) {
                b[i >>> 3] |= (byte) (0x80 >>> (i & 7));
            }
        }
        int unused = b.length * 8 - bits;
        return extension(X509Oids.KEY_USAGE, true, new DerWriter().bitString(new BitString(b, unused)).toByteArray());
    }

    public CertificateBuilder extendedKeyUsage(Oid... purposes) {
        DerWriter w = new DerWriter().sequence();
        for (Oid o : purposes) {
            w.oid(o);
        }
        return extension(X509Oids.EXT_KEY_USAGE, false, w.end().toByteArray());
    }

    public CertificateBuilder dnsNames(String... names) {
        for (String n : names) {
            sans.add(GeneralName.dns(n));
        }
        return this;
    }

    public CertificateBuilder subjectAltNames(GeneralName... names) {
        sans.addAll(Arrays.asList(names));
        return this;
    }

    /** nameConstraints, critical (RFC 5280, Section 4.2.1.10); iPAddress bases are address plus mask. */
    public CertificateBuilder nameConstraints(List<GeneralName> permitted, List<GeneralName> excluded) {
        DerWriter w = new DerWriter().sequence();
        writeSubtrees(w, 0, permitted);
        writeSubtrees(w, 1, excluded);
        return extension(X509Oids.NAME_CONSTRAINTS, true, w.end().toByteArray());
    }

    private static void writeSubtrees(DerWriter w, int tag, List<GeneralName> l) {
        if (l == null || l.isEmpty()) {
            return;
        }
        w.begin(Tag.contextConstructed(tag));
        for (GeneralName g : l) {
            w.sequence();
            g.write(w);
            w.end();
        }
        w.end();
    }

    /** subjectKeyIdentifier; by default the SHA-1 of the public key (RFC 5280, Section 4.2.1.2, method 1). */
    public CertificateBuilder subjectKeyId(byte[] id) {
        this.subjectKeyId = id.clone();
        return this;
    }

    /** authorityInfoAccess with one caIssuers and/or one OCSP URI (either may be null). */
    public CertificateBuilder authorityInfoAccess(String caIssuersUri, String ocspUri) {
        DerWriter w = new DerWriter().sequence();
        if (ocspUri != null) {
            w.sequence().oid(X509Oids.AD_OCSP);
            GeneralName.uri(ocspUri).write(w);
            w.end();
        }
        if (caIssuersUri != null) {
            w.sequence().oid(X509Oids.AD_CA_ISSUERS);
            GeneralName.uri(caIssuersUri).write(w);
            w.end();
        }
        return extension(X509Oids.AUTHORITY_INFO_ACCESS, false, w.end().toByteArray());
    }

    /** Any extension, with its DER value (e.g. an unknown critical one, for tests). */
    public CertificateBuilder extension(Oid oid, boolean critical, byte[] value) {
        for (Ext e : exts) {
            if (e.oid.equals(oid)) {
                throw new IllegalArgumentException("extension " + oid + " set twice");
            }
        }
        exts.add(new Ext(oid, critical, value.clone()));
        return this;
    }

    /** A self-signed certificate (a root): issuer = subject. */
    public Certificate selfSign(Signer signer, SignatureAlgorithm alg) throws CryptoException {
        return sign(subject, null, signer, alg);
    }

    /** A certificate issued by {@code issuer}, whose private key {@code signer} holds. */
    public Certificate signedBy(Certificate issuer, Signer signer, SignatureAlgorithm alg) throws CryptoException {
        return sign(issuer.subject(), issuer.subjectKeyId(), signer, alg);
    }

    private Certificate sign(Name issuer, byte[] authorityKeyId, Signer signer, SignatureAlgorithm alg) throws CryptoException {
        if (subject == null || publicKey == null) {
            throw new IllegalStateException("subject and public key are required");
        }
        DerWriter t = new DerWriter().sequence();
        t.begin(Tag.contextConstructed(0)).integer(2).end();
        t.integer(serial);
        t.raw(alg.encoded());
        t.raw(issuer.encoded());
        t.sequence().time(notBefore).time(notAfter).end();
        t.raw(subject.encoded());
        t.raw(publicKey.encoded());
        List<Ext> all = new ArrayList<>(exts);
        if (!sans.isEmpty()) {
            DerWriter w = new DerWriter().sequence();
            for (GeneralName g : sans) {
                g.write(w);
            }
            // RFC 5280, Section 4.2.1.6: critical when the subject is empty.
            all.add(new Ext(X509Oids.SUBJECT_ALT_NAME, subject.isEmpty(), w.end().toByteArray()));
        }
        byte[] ski = subjectKeyId;
        if (ski == null) {
            // RFC 5280, Section 4.2.1.2, method (1): SHA-1 of the subjectPublicKey BIT STRING value.
            org.tls4j.crypto.hash.Sha1 h = new org.tls4j.crypto.hash.Sha1();
            h.update(publicKey.keyBytes());
            ski = h.digest();
        }
        {
            all.add(new Ext(X509Oids.SUBJECT_KEY_ID, false, new DerWriter().octetString(ski).toByteArray()));
        }
        if (authorityKeyId != null) {
            all.add(new Ext(X509Oids.AUTHORITY_KEY_ID, false, new DerWriter().sequence()
                    .primitive(Tag.contextPrimitive(0), authorityKeyId).end().toByteArray()));
        }
        if (!all.isEmpty()) {
            t.begin(Tag.contextConstructed(3)).sequence();
            for (Ext e : all) {
                t.sequence().oid(e.oid);
                if (e.critical) {
                    t.bool(true);
                }
                t.octetString(e.value).end();
            }
            t.end().end();
        }
        byte[] tbs = t.end().toByteArray();
        byte[] sig = signer.sign(tbs);
        byte[] cert = new DerWriter().sequence().raw(tbs).raw(alg.encoded()).bitString(sig).end().toByteArray();
        try {
            return Certificate.parse(cert);
        } catch (DerException e) {
            throw new CryptoException("the built certificate does not parse: " + e.getMessage(), e);
        }
    }
}
