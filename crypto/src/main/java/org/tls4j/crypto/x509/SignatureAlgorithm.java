package org.tls4j.crypto.x509;

import java.util.Arrays;
import org.tls4j.crypto.asn1.DerException;
import org.tls4j.crypto.asn1.DerReader;
import org.tls4j.crypto.asn1.DerValue;
import org.tls4j.crypto.asn1.DerWriter;
import org.tls4j.crypto.asn1.Oid;
import org.tls4j.crypto.asn1.Tag;

/**
 * A signature AlgorithmIdentifier (RFC 5280, Section 4.1.1.2) with its parameters checked:
 * RSA PKCS#1 v1.5 with NULL or absent parameters (RFC 4055, Section 5); RSASSA-PSS with its
 * RSASSA-PSS-params (RFC 4055, Section 3.1); ECDSA with absent parameters (RFC 5758, Section 3.2);
 * Ed25519/Ed448 with absent parameters (RFC 8410, Section 3). Any other algorithm parses as
 * {@link Kind#UNKNOWN}, so the certificate still parses but never verifies.
 */
public final class SignatureAlgorithm {
    /** The signature scheme family. */
    public enum Kind { RSA_PKCS1, RSA_PSS, ECDSA, ED25519, ED448, UNKNOWN }

    private final Kind kind;
    private final Oid oid;
    private final String hash;
    private final String mgfHash;
    private final int saltLength;
    private final byte[] encoded;

    private SignatureAlgorithm(Kind kind, Oid oid, String hash, String mgfHash, int saltLength, byte[] encoded) {
        this.kind = kind;
        this.oid = oid;
        this.hash = hash;
        this.mgfHash = mgfHash;
        this.saltLength = saltLength;
        this.encoded = encoded;
    }

    public static final SignatureAlgorithm RSA_PKCS1_SHA1 = pkcs1(X509Oids.SHA1_WITH_RSA, "SHA-1");
    public static final SignatureAlgorithm RSA_PKCS1_SHA256 = pkcs1(X509Oids.SHA256_WITH_RSA, "SHA-256");
    public static final SignatureAlgorithm RSA_PKCS1_SHA384 = pkcs1(X509Oids.SHA384_WITH_RSA, "SHA-384");
    public static final SignatureAlgorithm RSA_PKCS1_SHA512 = pkcs1(X509Oids.SHA512_WITH_RSA, "SHA-512");
    public static final SignatureAlgorithm RSA_PSS_SHA256 = pss("SHA-256");
    public static final SignatureAlgorithm RSA_PSS_SHA384 = pss("SHA-384");
    public static final SignatureAlgorithm RSA_PSS_SHA512 = pss("SHA-512");
    public static final SignatureAlgorithm ECDSA_SHA256 = noParams(Kind.ECDSA, X509Oids.ECDSA_SHA256, "SHA-256");
    public static final SignatureAlgorithm ECDSA_SHA384 = noParams(Kind.ECDSA, X509Oids.ECDSA_SHA384, "SHA-384");
    public static final SignatureAlgorithm ECDSA_SHA512 = noParams(Kind.ECDSA, X509Oids.ECDSA_SHA512, "SHA-512");
    public static final SignatureAlgorithm ED25519 = noParams(Kind.ED25519, X509Oids.ED25519, null);
    public static final SignatureAlgorithm ED448 = noParams(Kind.ED448, X509Oids.ED448, null);

    private static SignatureAlgorithm pkcs1(Oid oid, String hash) {
        byte[] enc = new DerWriter().sequence().oid(oid).nul().end().toByteArray();
        return new SignatureAlgorithm(Kind.RSA_PKCS1, oid, hash, null, 0, enc);
    }

    private static SignatureAlgorithm noParams(Kind k, Oid oid, String hash) {
        byte[] enc = new DerWriter().sequence().oid(oid).end().toByteArray();
        return new SignatureAlgorithm(k, oid, hash, null, 0, enc);
    }

    /** RSASSA-PSS with MGF1 over the same hash and a salt as long as the hash (RFC 8446, Section 4.2.3). */
    private static SignatureAlgorithm pss(String hash) {
        DerWriter w = new DerWriter().sequence().oid(X509Oids.RSASSA_PSS).sequence();
        w.begin(Tag.contextConstructed(0)).sequence().oid(hashOid(hash)).nul().end().end();
        w.begin(Tag.contextConstructed(1)).sequence().oid(X509Oids.MGF1).sequence().oid(hashOid(hash)).nul().end().end().end();
        w.begin(Tag.contextConstructed(2)).integer(hashLength(hash)).end();
        w.end().end();
        return new SignatureAlgorithm(Kind.RSA_PSS, X509Oids.RSASSA_PSS, hash, hash, hashLength(hash), w.toByteArray());
    }

    static Oid hashOid(String hash) {
        switch (hash) {
            case "SHA-1":
                return X509Oids.SHA1;
            case "SHA-256":
                return X509Oids.SHA256;
            case "SHA-384":
                return X509Oids.SHA384;
            case "SHA-512":
                return X509Oids.SHA512;
            default:
                throw new IllegalArgumentException("unsupported hash " + hash);
        }
    }

    static int hashLength(String hash) {
        switch (hash) {
            case "SHA-1":
                return 20;
            case "SHA-224":
            case "SHA-512/224":
                return 28;
            case "SHA-512/256":
                return 32;
            case "SHA-256":
                return 32;
            case "SHA-384":
                return 48;
            default:
                return 64;
        }
    }

    /** Reads an AlgorithmIdentifier for a signature from the next element of {@code r}. */
    public static SignatureAlgorithm read(DerReader r) throws DerException {
        DerValue v = r.next(Tag.SEQUENCE);
        byte[] enc = v.encoded();
        DerReader s = v.reader();
        Oid oid = s.oid();
        if (oid.equals(X509Oids.SHA1_WITH_RSA) || oid.equals(X509Oids.SHA256_WITH_RSA)
                || oid.equals(X509Oids.SHA384_WITH_RSA) || oid.equals(X509Oids.SHA512_WITH_RSA)) {
            if (s.hasMore()) {
                s.nul();
            }
            s.expectEnd();
            String h = oid.equals(X509Oids.SHA1_WITH_RSA) ? "SHA-1" : oid.equals(X509Oids.SHA256_WITH_RSA) ? "SHA-256"
                    : oid.equals(X509Oids.SHA384_WITH_RSA) ? "SHA-384" : "SHA-512";
            return new SignatureAlgorithm(Kind.RSA_PKCS1, oid, h, null, 0, enc);
        }
        if (oid.equals(X509Oids.ECDSA_SHA1) || oid.equals(X509Oids.ECDSA_SHA256) || oid.equals(X509Oids.ECDSA_SHA384)
                || oid.equals(X509Oids.ECDSA_SHA512)) {
            s.expectEnd();
            String h = oid.equals(X509Oids.ECDSA_SHA1) ? "SHA-1" : oid.equals(X509Oids.ECDSA_SHA256) ? "SHA-256"
                    : oid.equals(X509Oids.ECDSA_SHA384) ? "SHA-384" : "SHA-512";
            return new SignatureAlgorithm(Kind.ECDSA, oid, h, null, 0, enc);
        }
        if (oid.equals(X509Oids.ED25519) || oid.equals(X509Oids.ED448)) {
            s.expectEnd();
            return new SignatureAlgorithm(oid.equals(X509Oids.ED25519) ? Kind.ED25519 : Kind.ED448, oid, null, null, 0, enc);
        }
        if (oid.equals(X509Oids.RSASSA_PSS)) {
            SignatureAlgorithm a = readPssParams(s.sequence(), enc);
            s.expectEnd();
            return a;
        }
        return new SignatureAlgorithm(Kind.UNKNOWN, oid, null, null, 0, enc);
    }

    /**
     * RSASSA-PSS-params (RFC 4055, Section 3.1): fields at their DEFAULT must be absent in DER; the
     * defaults (SHA-1, MGF1-SHA-1, salt 20) are accepted as values; trailerField must be 1.
     */
    static SignatureAlgorithm readPssParams(DerReader p, byte[] enc) throws DerException {
        String hash = "SHA-1";
        String mgf = "SHA-1";
        int salt = 20;
        if (p.peek(Tag.contextConstructed(0))) {
            DerReader e = p.explicit(0);
            hash = readHashAlg(e);
            e.expectEnd();
            if (hash.equals("SHA-1")) {
                throw new DerException("RSASSA-PSS-params: default hashAlgorithm encoded explicitly");
            }
        }
        if (p.peek(Tag.contextConstructed(1))) {
            DerReader e = p.explicit(1);
            DerReader m = e.sequence();
            e.expectEnd();
            if (!m.oid().equals(X509Oids.MGF1)) {
                throw new DerException("RSASSA-PSS-params: mask generation function is not MGF1");
            }
            mgf = readHashAlg(m);
            m.expectEnd();
        }
        if (p.peek(Tag.contextConstructed(2))) {
            DerReader e = p.explicit(2);
            salt = e.smallInt(1 << 16);
            e.expectEnd();
        }
        if (p.peek(Tag.contextConstructed(3))) {
            DerReader e = p.explicit(3);
            if (e.smallInt(255) != 1) {
                throw new DerException("RSASSA-PSS-params: trailerField must be 1");
            }
            e.expectEnd();
            throw new DerException("RSASSA-PSS-params: default trailerField encoded explicitly");
        }
        p.expectEnd();
        return new SignatureAlgorithm(Kind.RSA_PSS, X509Oids.RSASSA_PSS, hash, mgf, salt, enc);
    }

    /**
     * A hash AlgorithmIdentifier with NULL or absent parameters (RFC 5754, Section 2). An unknown hash is
     * kept by OID (as {@code "OID:<dotted>"}) so the structure parses; no verifier supports it.
     */
    private static String readHashAlg(DerReader r) throws DerException {
        DerReader h = r.sequence();
        Oid o = h.oid();
        if (h.hasMore()) {
            h.nul();
        }
        h.expectEnd();
        if (o.equals(X509Oids.SHA1)) {
            return "SHA-1";
        } else if (o.equals(X509Oids.SHA256)) {
            return "SHA-256";
        } else if (o.equals(X509Oids.SHA384)) {
            return "SHA-384";
        } else if (o.equals(X509Oids.SHA512)) {
            return "SHA-512";
        } else if (o.equals(X509Oids.SHA224)) {
            return "SHA-224";
        } else if (o.equals(X509Oids.SHA512_224)) {
            return "SHA-512/224";
        } else if (o.equals(X509Oids.SHA512_256)) {
            return "SHA-512/256";
        }
        return "OID:" + o;
    }

    public Kind kind() {
        return kind;
    }

    public Oid oid() {
        return oid;
    }

    /** The message hash ("SHA-256" ...), or null for EdDSA and unknown algorithms. */
    public String hash() {
        return hash;
    }

    /** For RSASSA-PSS: the MGF1 hash. */
    public String mgfHash() {
        return mgfHash;
    }

    /** For RSASSA-PSS: the salt length in bytes. */
    public int saltLength() {
        return saltLength;
    }

    /** The AlgorithmIdentifier DER. */
    public byte[] encoded() {
        return encoded.clone();
    }

    /** A name in tls4j's Signer/Verifier style, e.g. {@code RSA-PKCS1-SHA256}, {@code ECDSA-SHA384}, {@code Ed25519}. */
    public String name() {
        switch (kind) {
            case RSA_PKCS1:
                return "RSA-PKCS1-" + hash.replace("-", "");
            case RSA_PSS:
                return "RSA-PSS-" + hash.replace("-", "") + (mgfHash.equals(hash) && saltLength == hashLength(hash) ? ""
                        : "(mgf1=" + mgfHash + ",salt=" + saltLength + ")");
            case ECDSA:
                return "ECDSA-" + hash.replace("-", "");
            case ED25519:
                return "Ed25519";
            case ED448:
                return "Ed448";
            default:
                return oid.toString();
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignatureAlgorithm && Arrays.equals(encoded, ((SignatureAlgorithm) o).encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return name();
    }
}
