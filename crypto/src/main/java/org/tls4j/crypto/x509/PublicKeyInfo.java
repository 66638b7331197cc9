package org.tls4j.crypto.x509;

import java.math.BigInteger;
import java.util.Arrays;
import org.tls4j.crypto.asn1.DerException;
import org.tls4j.crypto.asn1.DerReader;
import org.tls4j.crypto.asn1.DerValue;
import org.tls4j.crypto.asn1.DerWriter;
import org.tls4j.crypto.asn1.Oid;
import org.tls4j.crypto.asn1.Tag;

/**
 * A SubjectPublicKeyInfo (RFC 5280, Section 4.1.2.7) parsed into raw public components:
 * RSA (RFC 8017, Appendix A.1.1), RSASSA-PSS keys with optional restricting parameters (RFC 4055,
 * Section 1.2), EC keys on a named curve P-256/P-384/P-521 with an uncompressed point (RFC 5480,
 * Section 2), and X25519/X448/Ed25519/Ed448 (RFC 8410, Section 4). Other algorithms parse as
 * {@link KeyType#UNKNOWN}. The key material is public, so BigInteger is fine here.
 */
public final class PublicKeyInfo {
    /** Key algorithm (with the curve for EC keys). */
    public enum KeyType { RSA, RSA_PSS, EC_P256, EC_P384, EC_P521, X25519, X448, ED25519, ED448, UNKNOWN }

    private final KeyType type;
    private final Oid algorithm;
    private final byte[] encoded;
    private final byte[] keyBytes;
    private final BigInteger modulus;
    private final BigInteger exponent;
    private final SignatureAlgorithm pssRestriction;

    private PublicKeyInfo(KeyType type, Oid algorithm, byte[] encoded, byte[] keyBytes, BigInteger modulus,
            BigInteger exponent, SignatureAlgorithm pssRestriction) {
        this.type = type;
        this.algorithm = algorithm;
        this.encoded = encoded;
        this.keyBytes = keyBytes;
        this.modulus = modulus;
        this.exponent = exponent;
        this.pssRestriction = pssRestriction;
    }

    public static PublicKeyInfo parse(byte[] spki) throws DerException {
        DerReader r = DerReader.of(spki);
        PublicKeyInfo k = read(r);
        r.expectEnd();
        return k;
    }

    public static PublicKeyInfo read(DerReader r) throws DerException {
        DerValue v = r.next(Tag.SEQUENCE);
        DerReader s = v.reader();
        DerValue algValue = s.next(Tag.SEQUENCE);
        byte[] key = s.bitStringOctets();
        s.expectEnd();
        DerReader alg = algValue.reader();
        Oid oid = alg.oid();
        byte[] enc = v.encoded();
        if (oid.equals(X509Oids.RSA_ENCRYPTION) || oid.equals(X509Oids.RSASSA_PSS)) {
            SignatureAlgorithm restriction = null;
            if (oid.equals(X509Oids.RSA_ENCRYPTION)) {
                alg.nul(); // RFC 3279, Section 2.3.1: parameters MUST be NULL
            } else if (alg.hasMore()) {
                restriction = SignatureAlgorithm.readPssParams(alg.sequence(), algValue.encoded());
            }
            alg.expectEnd();
            DerReader k = DerReader.of(key).sequence();
            BigInteger n = k.integer();
            BigInteger e = k.integer();
            k.expectEnd();
            if (n.signum() <= 0 || e.signum() <= 0 || !n.testBit(0) || !e.testBit(0) || e.equals(BigInteger.ONE)) {
                throw new DerException("RSA public key: modulus and exponent must be odd and positive, exponent > 1");
            }
            return new PublicKeyInfo(oid.equals(X509Oids.RSA_ENCRYPTION) ? KeyType.RSA : KeyType.RSA_PSS, oid, enc, key, n, e,
                    restriction);
        }
        if (oid.equals(X509Oids.EC_PUBLIC_KEY)) {
            if (!alg.peek(Tag.OID)) {
                throw new DerException("EC key: parameters must be a namedCurve (RFC 5480, Section 2.1.1)");
            }
            Oid curve = alg.oid();
            alg.expectEnd();
            KeyType t;
            int fieldLen;
            if (curve.equals(X509Oids.P256)) {
                t = KeyType.EC_P256;
                fieldLen = 32;
            } else if (curve.equals(X509Oids.P384)) {
                t = KeyType.EC_P384;
                fieldLen = 48;
            } else if (curve.equals(X509Oids.P521)) {
                t = KeyType.EC_P521;
                fieldLen = 66;
            } else {
                return new PublicKeyInfo(KeyType.UNKNOWN, oid, enc, key, null, null, null);
            }
            if (key.length != 2 * fieldLen + 1 || key[0] != 4) {
                throw new DerException("EC key: point must be uncompressed, " + (2 * fieldLen + 1) + " bytes");
            }
            return new PublicKeyInfo(t, curve, enc, key, null, null, null);
        }
        KeyType t = null;
        int len = 0;
        if (oid.equals(X509Oids.X25519)) {
            t = KeyType.X25519;
            len = 32;
        } else if (oid.equals(X509Oids.X448)) {
            t = KeyType.X448;
            len = 56;
        } else if (oid.equals(X509Oids.ED25519)) {
            t = KeyType.ED25519;
            len = 32;
        } else if (oid.equals(X509Oids.ED448)) {
            t = KeyType.ED448;
            len = 57;
        }
        if (t != null) {
            alg.expectEnd(); // RFC 8410, Section 3: parameters MUST be absent
            if (key.length != len) {
                throw new DerException(t + " key must be " + len + " bytes, got " + key.length);
            }
            return new PublicKeyInfo(t, oid, enc, key, null, null, null);
        }
        return new PublicKeyInfo(KeyType.UNKNOWN, oid, enc, key, null, null, null);
    }

    /** SPKI for an RSA key (rsaEncryption, NULL parameters). */
    public static PublicKeyInfo rsa(BigInteger n, BigInteger e) {
        DerWriter k = new DerWriter().sequence().integer(n).integer(e).end();
        return build(new DerWriter().sequence().oid(X509Oids.RSA_ENCRYPTION).nul().end().toByteArray(), k.toByteArray());
    }

    /** SPKI for an uncompressed EC point on P-256, P-384 or P-521. */
    public static PublicKeyInfo ec(KeyType curve, byte[] uncompressedPoint) {
        Oid c = curve == KeyType.EC_P256 ? X509Oids.P256 : curve == KeyType.EC_P384 ? X509Oids.P384 : X509Oids.P521;
        return build(new DerWriter().sequence().oid(X509Oids.EC_PUBLIC_KEY).oid(c).end().toByteArray(), uncompressedPoint);
    }

    /** SPKI for X25519, X448, Ed25519 or Ed448 raw public key bytes. */
    public static PublicKeyInfo raw(KeyType type, byte[] key) {
        Oid o = type == KeyType.X25519 ? X509Oids.X25519 : type == KeyType.X448 ? X509Oids.X448
                : type == KeyType.ED25519 ? X509Oids.ED25519 : X509Oids.ED448;
        return build(new DerWriter().sequence().oid(o).end().toByteArray(), key);
    }

    private static PublicKeyInfo build(byte[] algId, byte[] key) {
        byte[] spki = new DerWriter().sequence().raw(algId).bitString(key).end().toByteArray();
        try {
            return parse(spki);
        } catch (DerException e) {
            throw new IllegalArgumentException("invalid public key: " + e.getMessage(), e);
        }
    }

    public KeyType type() {
        return type;
    }

    /** The algorithm OID, or for EC keys the curve OID. */
    public Oid algorithm() {
        return algorithm;
    }

    /** The whole SubjectPublicKeyInfo DER. */
    public byte[] encoded() {
        return encoded.clone();
    }

    /**
     * The subjectPublicKey BIT STRING octets: the RSAPublicKey DER for RSA, the uncompressed point for
     * EC, the raw key for RFC 8410 keys.
     */
    public byte[] keyBytes() {
        return keyBytes.clone();
    }

    /** RSA modulus, or null. */
    public BigInteger modulus() {
        return modulus;
    }

    /** RSA public exponent, or null. */
    public BigInteger exponent() {
        return exponent;
    }

    /** For an RSASSA-PSS key with parameters: the only signature parameters it may be used with; else null. */
    public SignatureAlgorithm pssRestriction() {
        return pssRestriction;
    }

    /** Key size in bits: RSA modulus length, curve size, or 0 when unknown. */
    public int bits() {
        switch (type) {
            case RSA:
            case RSA_PSS:
                return modulus.bitLength();
            case EC_P256:
                return 256;
            case EC_P384:
                return 384;
            case EC_P521:
                return 521;
            case X25519:
            case ED25519:
                return 255;
            case X448:
            case ED448:
                return 448;
            default:
                return 0;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PublicKeyInfo && Arrays.equals(encoded, ((PublicKeyInfo) o).encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return type + (bits() > 0 ? "(" + bits() + " bits)" : "(" + algorithm + ")");
    }
}
