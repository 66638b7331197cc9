package org.tls4j.crypto.pem;

import java.util.Arrays;
import java.util.List;
import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.Destroyable;
import org.tls4j.crypto.asn1.DerException;
import org.tls4j.crypto.asn1.DerReader;
import org.tls4j.crypto.asn1.DerValue;
import org.tls4j.crypto.asn1.DerWriter;
import org.tls4j.crypto.asn1.Oid;
import org.tls4j.crypto.asn1.Tag;
import org.tls4j.crypto.ec.EcCurve;
import org.tls4j.crypto.ec.EcPrivateKey;
import org.tls4j.crypto.rsa.RsaPrivateKey;
import org.tls4j.crypto.x509.X509Oids;

/**
 * An unencrypted private key parsed into its raw components, from
 * <ul>
 * <li>PKCS#1 {@code RSAPrivateKey} (RFC 8017, Appendix A.1.2; PEM label {@code RSA PRIVATE KEY}),
 * <li>SEC1 {@code ECPrivateKey} (RFC 5915, Section 3; {@code EC PRIVATE KEY}),
 * <li>PKCS#8 {@code PrivateKeyInfo}/{@code OneAsymmetricKey} (RFC 5208, RFC 5958; {@code PRIVATE KEY})
 * holding RSA, RSASSA-PSS (RFC 4055), EC (RFC 5915) or X25519/X448/Ed25519/Ed448 (RFC 8410, Section 7).
 * </ul>
 * Components are unsigned big-endian byte arrays, never BigInteger; {@link #destroy()} zeroes them.
 * Encrypted PKCS#8 ({@code ENCRYPTED PRIVATE KEY}) is not supported yet.
 *
 * <p>constant-time: no. Parsing branches on the DER structure and on component lengths, which are
 * public in practice (they follow from the key size); no branch depends on a component's value.
 */
public final class PrivateKeyData implements Destroyable {
    /** The key algorithm (with the curve for EC keys). */
    public enum Type { RSA, RSA_PSS, EC_P256, EC_P384, EC_P521, X25519, X448, ED25519, ED448 }

    /** Index of each RSA component in {@link #components()}. */
    public static final int N = 0, E = 1, D = 2, P = 3, Q = 4, DP = 5, DQ = 6, QINV = 7;

    private final Type type;
    private final byte[][] components;
    private final byte[] publicKey;

    private PrivateKeyData(Type type, byte[][] components, byte[] publicKey) {
        this.type = type;
        this.components = components;
        this.publicKey = publicKey;
    }

    /** The first private key block of a PEM text (labels PRIVATE KEY, RSA PRIVATE KEY, EC PRIVATE KEY). */
    public static PrivateKeyData fromPem(String text) throws DerException {
        List<PemBlock> blocks = Pem.decode(text);
        for (PemBlock b : blocks) {
            byte[] der = b.data();
            try {
                switch (b.label()) {
                    case "PRIVATE KEY":
                        return fromPkcs8(der);
                    case "RSA PRIVATE KEY":
                        return fromPkcs1(der, Type.RSA);
                    case "EC PRIVATE KEY":
                        return fromSec1(der, null);
                    case "ENCRYPTED PRIVATE KEY":
                        throw new PemException("encrypted PKCS#8 private keys are not supported yet");
                    default:
                        break;
                }
            } finally {
                Arrays.fill(der, (byte) 0);
            }
        }
        throw new PemException("no private key block in PEM text");
    }

    /** PKCS#1 RSAPrivateKey, two-prime (version 0) only. */
    public static PrivateKeyData fromPkcs1(byte[] der, Type type) throws DerException {
        DerReader r = DerReader.of(der);
        DerReader s = r.sequence();
        r.expectEnd();
        if (s.smallInt(1) != 0) {
            throw new DerException("RSAPrivateKey: multi-prime keys (version 1) are not supported");
        }
        byte[][] c = new byte[8][];
        for (int i = 0; i < 8; i++) {
            c[i] = s.unsignedInteger();
        }
        s.expectEnd();
        return new PrivateKeyData(type, c, null);
    }

    /** SEC1 ECPrivateKey; {@code curveFromOuter} is the PKCS#8 algorithm's curve, or null. */
    public static PrivateKeyData fromSec1(byte[] der, Oid curveFromOuter) throws DerException {
        DerReader r = DerReader.of(der);
        DerReader s = r.sequence();
        r.expectEnd();
        if (s.smallInt(1) != 1) {
            throw new DerException("ECPrivateKey: version must be 1 (RFC 5915, Section 3)");
        }
        byte[] d = s.octetString();
        Oid curve = curveFromOuter;
        if (s.peek(Tag.contextConstructed(0))) {
            DerReader p = s.explicit(0);
            Oid inner = p.oid();
            p.expectEnd();
            if (curve != null && !curve.equals(inner)) {
                throw new DerException("ECPrivateKey: curve differs from the PKCS#8 algorithm's");
            }
            curve = inner;
        }
        byte[] pub = null;
        if (s.peek(Tag.contextConstructed(1))) {
            DerReader p = s.explicit(1);
            pub = p.bitStringOctets();
            p.expectEnd();
        }
        s.expectEnd();
        if (curve == null) {
            throw new DerException("ECPrivateKey: no curve given");
        }
        Type t;
        int len;
        if (curve.equals(X509Oids.P256)) {
            t = Type.EC_P256;
            len = 32;
        } else if (curve.equals(X509Oids.P384)) {
            t = Type.EC_P384;
            len = 48;
        } else if (curve.equals(X509Oids.P521)) {
            t = Type.EC_P521;
            len = 66;
        } else {
            throw new DerException("ECPrivateKey: unsupported curve " + curve);
        }
        if (d.length != len) {
            throw new DerException("ECPrivateKey: privateKey must be " + len + " octets (RFC 5915, Section 3)");
        }
        return new PrivateKeyData(t, new byte[][] {d}, pub);
    }

    /** PKCS#8 PrivateKeyInfo (version 0) or OneAsymmetricKey (version 1, optional public key). */
    public static PrivateKeyData fromPkcs8(byte[] der) throws DerException {
        DerReader r = DerReader.of(der);
        DerReader s = r.sequence();
        r.expectEnd();
        int version = s.smallInt(1);
        DerReader alg = s.sequence();
        Oid oid = alg.oid();
        byte[] inner = s.octetString();
        try {
            s.optional(Tag.contextConstructed(0)); // attributes: ignored
            byte[] pub = null;
            if (s.peek(Tag.contextPrimitive(1))) {
                if (version != 1) {
                    throw new DerException("PKCS#8: publicKey needs version 1 (RFC 5958, Section 2)");
                }
                DerValue v = s.next();
                byte[] c = v.content();
                if (c.length < 1 || c[0] != 0) {
                    throw new DerException("PKCS#8: publicKey must hold whole octets");
                }
                pub = Arrays.copyOfRange(c, 1, c.length);
            }
            s.expectEnd();
            if (oid.equals(X509Oids.RSA_ENCRYPTION)) {
                alg.nul();
                alg.expectEnd();
                return fromPkcs1(inner, Type.RSA);
            }
            if (oid.equals(X509Oids.RSASSA_PSS)) {
                if (alg.hasMore()) {
                    alg.sequence(); // parameters restrict use; not needed to hold the key
                }
                alg.expectEnd();
                return fromPkcs1(inner, Type.RSA_PSS);
            }
            if (oid.equals(X509Oids.EC_PUBLIC_KEY)) {
                Oid curve = alg.oid();
                alg.expectEnd();
                return fromSec1(inner, curve);
            }
            Type t = null;
            int len = 0;
            if (oid.equals(X509Oids.X25519)) {
                t = Type.X25519;
                len = 32;
            } else if (oid.equals(X509Oids.X448)) {
                t = Type.X448;
                len = 56;
            } else if (oid.equals(X509Oids.ED25519)) {
                t = Type.ED25519;
                len = 32;
            } else if (oid.equals(X509Oids.ED448)) {
                t = Type.ED448;
                len = 57;
            }
            if (t == null) {
                throw new DerException("PKCS#8: unsupported key algorithm " + oid);
            }
            alg.expectEnd(); // RFC 8410, Section 7: parameters MUST be absent
            DerReader k = DerReader.of(inner);
            byte[] raw = k.octetString(); // CurvePrivateKey ::= OCTET STRING
            k.expectEnd();
            if (raw.length != len) {
                throw new DerException(t + " private key must be " + len + " octets");
            }
            return new PrivateKeyData(t, new byte[][] {raw}, pub);
        } finally {
            Arrays.fill(inner, (byte) 0);
        }
    }

    public Type type() {
        return type;
    }

    /** Copies of the components: RSA n, e, d, p, q, dp, dq, qinv; EC and RFC 8410 keys: the private key octets. */
    public byte[][] components() {
        byte[][] c = new byte[components.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = components[i].clone();
        }
        return c;
    }

    /** The public key octets stored with the private key (EC point or raw key), or null. */
    public byte[] publicKey() {
        return publicKey == null ? null : publicKey.clone();
    }

    /** An RSA (or RSA-PSS) key as tls4j's constant-time CRT key. */
    public RsaPrivateKey toRsaPrivateKey() throws CryptoException {
        if (type != Type.RSA && type != Type.RSA_PSS) {
            throw new CryptoException("not an RSA key: " + type);
        }
        byte[][] c = components;
        return RsaPrivateKey.ofCrt(c[N], c[E], c[D], c[P], c[Q], c[DP], c[DQ], c[QINV]);
    }

    /** An EC key as tls4j's EC private key. */
    public EcPrivateKey toEcPrivateKey() throws CryptoException {
        EcCurve curve = type == Type.EC_P256 ? EcCurve.P256 : type == Type.EC_P384 ? EcCurve.P384
                : type == Type.EC_P521 ? EcCurve.P521 : null;
        if (curve == null) {
            throw new CryptoException("not an EC key: " + type);
        }
        return EcPrivateKey.fromScalar(curve, components[0]);
    }

    /** PKCS#8 PrivateKeyInfo DER for an EC key given as its scalar (RFC 5208, RFC 5915). */
    public static byte[] ecPkcs8(Oid curve, byte[] scalar, byte[] publicPoint) {
        DerWriter sec1 = new DerWriter().sequence().integer(1).octetString(scalar);
        if (publicPoint != null) {
            sec1.begin(Tag.contextConstructed(1)).bitString(publicPoint).end();
        }
        byte[] inner = sec1.end().toByteArrayAndWipe();
        byte[] out = new DerWriter().sequence().integer(0).sequence().oid(X509Oids.EC_PUBLIC_KEY).oid(curve).end()
                .octetString(inner).end().toByteArrayAndWipe();
        Arrays.fill(inner, (byte) 0);
        return out;
    }

    /**
     * PKCS#8 PrivateKeyInfo DER (RFC 5208, Section 5) for an RSA key given as its PKCS#1 RSAPrivateKey DER
     * (from {@link RsaPrivateKey#toPkcs1Der()}): algorithm rsaEncryption with NULL parameters (RFC 8017,
     * Appendix A.1). The caller zeroes both arrays.
     */
    public static byte[] rsaPkcs8(byte[] pkcs1) {
        return new DerWriter().sequence().integer(0).sequence().oid(X509Oids.RSA_ENCRYPTION).nul().end()
                .octetString(pkcs1).end().toByteArrayAndWipe();
    }

    /** PKCS#8 PrivateKeyInfo DER for an X25519/X448/Ed25519/Ed448 private key (RFC 8410, Section 7). */
    public static byte[] rawPkcs8(Oid algorithm, byte[] privateKey) {
        byte[] inner = new DerWriter().octetString(privateKey).toByteArrayAndWipe();
        byte[] out = new DerWriter().sequence().integer(0).sequence().oid(algorithm).end().octetString(inner).end()
                .toByteArrayAndWipe();
        Arrays.fill(inner, (byte) 0);
        return out;
    }

    @Override
    public void destroy() {
        for (byte[] c : components) {
            Arrays.fill(c, (byte) 0);
        }
    }

    @Override
    public String toString() {
        return "PrivateKeyData(" + type + ")";
    }
}
