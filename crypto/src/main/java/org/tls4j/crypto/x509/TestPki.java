package org.tls4j.crypto.x509;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.Destroyable;
import org.tls4j.crypto.ec.EcCurve;
import org.tls4j.crypto.ec.EcPrivateKey;
import org.tls4j.crypto.ec.EcdsaSigner;
import org.tls4j.crypto.ec.Ed25519PrivateKey;
import org.tls4j.crypto.ec.Ed25519Signer;
import org.tls4j.crypto.ec.Ed448PrivateKey;
import org.tls4j.crypto.ec.Ed448Signer;
import org.tls4j.crypto.ec.SignatureEncoding;
import org.tls4j.crypto.pem.Pem;
import org.tls4j.crypto.pem.PrivateKeyData;
import org.tls4j.crypto.rand.RandomSource;
import org.tls4j.crypto.rsa.RsaHash;
import org.tls4j.crypto.rsa.RsaPkcs1Signer;
import org.tls4j.crypto.rsa.RsaPrivateKey;
import org.tls4j.crypto.rsa.RsaPssSigner;
import org.tls4j.crypto.rsa.RsaPublicKey;
import org.tls4j.crypto.sig.Signer;

/**
 * A test PKI: generates keys with tls4j's own code, issues roots, intermediates and TLS leaves, and
 * writes PEM, so tests, benchmarks and {@code tls4j demo} never shell out to openssl for certificates.
 * For full control over a certificate use {@link #builder} and {@link Authority#issue}.
 *
 * <pre>
 * TestPki pki = new TestPki(HmacDrbg.fromSystem(), now - 3600, now + 30 * 86400);
 * TestPki.Authority root = pki.root("tls4j Test Root", pki.generate(TestPki.KeyKind.EC_P256));
 * TestPki.Authority ca = root.intermediate("tls4j Test CA", pki.generate(TestPki.KeyKind.EC_P256));
 * TestPki.Key leafKey = pki.generate(TestPki.KeyKind.EC_P256);
 * Certificate leaf = ca.serverLeaf(leafKey, "localhost", "127.0.0.1");
 * </pre>
 *
 * Not for production CAs: there is no revocation, policy or audit machinery here.
 */
public final class TestPki {
    /** Key types the PKI can generate. */
    public enum KeyKind { EC_P256, EC_P384, EC_P521, ED25519, ED448, RSA_2048, RSA_3072 }

    /** A generated or loaded key pair. */
    public static final class Key implements Destroyable {
        private final PublicKeyInfo publicKey;
        private final EcPrivateKey ec;
        private final RsaPrivateKey rsa;
        private final Ed25519PrivateKey ed25519;
        private final Ed448PrivateKey ed448;

        private Key(PublicKeyInfo publicKey, EcPrivateKey ec, RsaPrivateKey rsa, Ed25519PrivateKey ed25519, Ed448PrivateKey ed448) {
            this.publicKey = publicKey;
            this.ec = ec;
            this.rsa = rsa;
            this.ed25519 = ed25519;
            this.ed448 = ed448;
        }

        public static Key of(Ed25519PrivateKey k) {
            return new Key(PublicKeyInfo.raw(PublicKeyInfo.KeyType.ED25519, k.publicKey().encoded()), null, null, k, null);
        }

        public static Key of(Ed448PrivateKey k) {
            return new Key(PublicKeyInfo.raw(PublicKeyInfo.KeyType.ED448, k.publicKey().encoded()), null, null, null, k);
        }

        /** A key from PEM (PKCS#8, PKCS#1 or SEC1): RSA, EC, Ed25519 or Ed448. */
        public static Key fromPem(String pem) throws CryptoException {
            PrivateKeyData d = PrivateKeyData.fromPem(pem);
            try {
                switch (d.type()) {
                    case RSA:
                    case RSA_PSS:
                        return of(d.toRsaPrivateKey());
                    case EC_P256:
                    case EC_P384:
                    case EC_P521:
                        return of(d.toEcPrivateKey());
                    case ED25519:
                        return of(new Ed25519PrivateKey(d.components()[0]));
                    case ED448:
                        return of(new Ed448PrivateKey(d.components()[0]));
                    default:
                        throw new CryptoException("TestPki keys are RSA, EC, Ed25519 or Ed448, not " + d.type());
                }
            } finally {
                d.destroy();
            }
        }

        public static Key of(EcPrivateKey k) {
            PublicKeyInfo.KeyType t = k.curve() == EcCurve.P256 ? PublicKeyInfo.KeyType.EC_P256
                    : k.curve() == EcCurve.P384 ? PublicKeyInfo.KeyType.EC_P384 : PublicKeyInfo.KeyType.EC_P521;
            return new Key(PublicKeyInfo.ec(t, k.publicKey().encoded()), k, null, null, null);
        }

        public static Key of(RsaPrivateKey k) {
            RsaPublicKey p = k.publicKey();
            return new Key(PublicKeyInfo.rsa(p.modulus(), p.publicExponent()), null, k, null, null);
        }

        public PublicKeyInfo publicKey() {
            return publicKey;
        }

        /** The EC private key (for the SHA-1 ECDSA signatures of TLS 1.0/1.1), or null for other key types. */
        public EcPrivateKey ecPrivateKey() {
            return ec;
        }

        /** The RSA private key (for RSA key transport in TLS 1.0-1.2), or null for other key types. */
        public RsaPrivateKey rsaPrivateKey() {
            return rsa;
        }

        /** The signature algorithm used when none is named: ECDSA with the curve's hash, or RSA PKCS#1 v1.5 SHA-256. */
        public SignatureAlgorithm defaultAlgorithm() {
            switch (publicKey.type()) {
                case EC_P256:
                    return SignatureAlgorithm.ECDSA_SHA256;
                case EC_P384:
                    return SignatureAlgorithm.ECDSA_SHA384;
                case EC_P521:
                    return SignatureAlgorithm.ECDSA_SHA512;
                case ED25519:
                    return SignatureAlgorithm.ED25519;
                case ED448:
                    return SignatureAlgorithm.ED448;
                default:
                    return SignatureAlgorithm.RSA_PKCS1_SHA256;
            }
        }

        /** A signer for {@code alg} with this key ({@code random} is used by RSA-PSS and hedged ECDSA). */
        public Signer signer(SignatureAlgorithm alg, RandomSource random) throws CryptoException {
            switch (alg.kind()) {
                case ECDSA:
                    if (ec == null) {
                        throw new CryptoException("ECDSA needs an EC key");
                    }
                    return new EcdsaSigner(ec, DefaultVerifiers.digest(alg.hash()), SignatureEncoding.DER, random);
                case RSA_PKCS1:
                    if (rsa == null) {
                        throw new CryptoException("RSA PKCS#1 v1.5 needs an RSA key");
                    }
                    return new RsaPkcs1Signer(rsa, rsaHash(alg));
                case RSA_PSS:
                    if (rsa == null) {
                        throw new CryptoException("RSA-PSS needs an RSA key");
                    }
                    if (!alg.hash().equals(alg.mgfHash()) || alg.saltLength() != SignatureAlgorithm.hashLength(alg.hash())) {
                        throw new CryptoException("RSA-PSS signing uses MGF1 with the same hash and a hash-length salt");
                    }
                    return new RsaPssSigner(rsa, rsaHash(alg), random);
                case ED25519:
                    if (ed25519 == null) {
                        throw new CryptoException("Ed25519 needs an Ed25519 key");
                    }
                    return new Ed25519Signer(ed25519);
                case ED448:
                    if (ed448 == null) {
                        throw new CryptoException("Ed448 needs an Ed448 key");
                    }
                    return new Ed448Signer(ed448);
                default:
                    throw new CryptoException("TestPki cannot sign with " + alg.name());
            }
        }

        private static RsaHash rsaHash(SignatureAlgorithm alg) throws CryptoException {
            RsaHash h = RsaHash.byName(alg.hash());
            if (h == null) {
                throw new CryptoException("no RSA hash " + alg.hash());
            }
            return h;
        }

        /** The private key as PKCS#8 PEM ({@code PRIVATE KEY}, RFC 5208 and RFC 7468, Section 10), for every key kind. */
        public String privateKeyPem() throws CryptoException {
            if (ed25519 != null || ed448 != null) {
                byte[] seed = ed25519 != null ? ed25519.seed() : ed448.seed();
                byte[] der = PrivateKeyData.rawPkcs8(publicKey.algorithm(), seed);
                java.util.Arrays.fill(seed, (byte) 0);
                return pemAndWipe("PRIVATE KEY", der);
            }
            if (rsa != null) {
                byte[] pkcs1 = rsa.toPkcs1Der();
                byte[] der = PrivateKeyData.rsaPkcs8(pkcs1);
                java.util.Arrays.fill(pkcs1, (byte) 0);
                return pemAndWipe("PRIVATE KEY", der);
            }
            byte[] scalar = ec.scalar();
            byte[] der = PrivateKeyData.ecPkcs8(publicKey.algorithm(), scalar, publicKey.keyBytes());
            java.util.Arrays.fill(scalar, (byte) 0);
            return pemAndWipe("PRIVATE KEY", der);
        }

        /**
         * An RSA private key as PKCS#1 PEM ({@code RSA PRIVATE KEY}, RFC 8017, Appendix A.1.2), the older
         * form some tools still expect.
         *
         * @throws CryptoException if this is not an RSA key
         */
        public String rsaPrivateKeyPem() throws CryptoException {
            if (rsa == null) {
                throw new CryptoException("PKCS#1 RSA PRIVATE KEY needs an RSA key, this is " + publicKey.type());
            }
            return pemAndWipe("RSA PRIVATE KEY", rsa.toPkcs1Der());
        }

        private static String pemAndWipe(String label, byte[] der) {
            String pem = Pem.encode(label, der);
            java.util.Arrays.fill(der, (byte) 0);
            return pem;
        }

        @Override
        public void destroy() {
            if (ec != null) {
                ec.destroy();
            }
            if (rsa != null) {
                rsa.destroy();
            }
            if (ed25519 != null) {
                ed25519.destroy();
            }
            if (ed448 != null) {
                ed448.destroy();
            }
        }
    }

    /** A CA: its certificate, key and signature algorithm. */
    public final class Authority {
        private final Certificate cert;
        private final Key key;
        private final SignatureAlgorithm alg;

        Authority(Certificate cert, Key key, SignatureAlgorithm alg) {
            this.cert = cert;
            this.key = key;
            this.alg = alg;
        }

        public Certificate certificate() {
            return cert;
        }

        public Key key() {
            return key;
        }

        /** Signs whatever {@code b} describes with this CA's key. */
        public Certificate issue(CertificateBuilder b) throws CryptoException {
            return b.signedBy(cert, key.signer(alg, random), alg);
        }

        /** An intermediate CA (basicConstraints cA, keyUsage keyCertSign and cRLSign), signing with its key's default algorithm. */
        public Authority intermediate(String cn, Key k) throws CryptoException {
            CertificateBuilder b = builder(cn, k).basicConstraints(true, -1).keyUsage(KeyUsage.KEY_CERT_SIGN | KeyUsage.CRL_SIGN);
            return new Authority(issue(b), k, k.defaultAlgorithm());
        }

        /** A TLS server certificate for the given DNS names and IP addresses (serverAuth, digitalSignature). */
        public Certificate serverLeaf(Key k, String... names) throws CryptoException {
            return issue(leafBuilder(k, X509Oids.KP_SERVER_AUTH, names));
        }

        /** A TLS client certificate (clientAuth, digitalSignature). */
        public Certificate clientLeaf(Key k, String cn) throws CryptoException {
            return issue(leafBuilder(k, X509Oids.KP_CLIENT_AUTH, cn));
        }

        private CertificateBuilder leafBuilder(Key k, org.tls4j.crypto.asn1.Oid eku, String... names) {
            CertificateBuilder b = builder(names.length > 0 ? names[0] : "leaf", k).basicConstraints(false, -1)
                    .keyUsage(KeyUsage.DIGITAL_SIGNATURE | (k.rsa != null ? KeyUsage.KEY_ENCIPHERMENT : 0))
                    .extendedKeyUsage(eku);
            for (String n : names) {
                byte[] ip = IpAddresses.parse(n);
                b.subjectAltNames(ip != null ? GeneralName.ip(ip) : GeneralName.dns(n));
            }
            return b;
        }
    }

    private final RandomSource random;
    private final long notBefore;
    private final long notAfter;

    /** Certificates will be valid from {@code notBefore} to {@code notAfter} (seconds since the epoch). */
    public TestPki(RandomSource random, long notBefore, long notAfter) {
        this.random = random;
        this.notBefore = notBefore;
        this.notAfter = notAfter;
    }

    /** A fresh key. RSA generation takes seconds; reuse RSA keys where you can. */
    public Key generate(KeyKind kind) throws CryptoException {
        switch (kind) {
            case EC_P256:
                return Key.of(EcPrivateKey.generate(EcCurve.P256, random));
            case EC_P384:
                return Key.of(EcPrivateKey.generate(EcCurve.P384, random));
            case EC_P521:
                return Key.of(EcPrivateKey.generate(EcCurve.P521, random));
            case ED25519:
                return Key.of(Ed25519PrivateKey.generate(random));
            case ED448:
                return Key.of(Ed448PrivateKey.generate(random));
            case RSA_2048:
                return Key.of(RsaPrivateKey.generate(2048, random));
            default:
                return Key.of(RsaPrivateKey.generate(3072, random));
        }
    }

    /** A builder preset with a random serial, this PKI's validity, subject {@code CN=cn} and the key. */
    public CertificateBuilder builder(String cn, Key k) {
        byte[] s = random.nextBytes(16);
        s[0] &= 0x7f;
        s[0] |= 0x40; // positive and non-zero, at most 16 octets (RFC 5280, Section 4.1.2.2)
        return new CertificateBuilder().serial(new BigInteger(1, s)).subject(new Name.Builder().cn(cn).build())
                .validity(notBefore, notAfter).publicKey(k.publicKey());
    }

    /** A self-signed root CA with the key's default signature algorithm. */
    public Authority root(String cn, Key k) throws CryptoException {
        return root(cn, k, k.defaultAlgorithm());
    }

    public Authority root(String cn, Key k, SignatureAlgorithm alg) throws CryptoException {
        CertificateBuilder b = builder(cn, k).basicConstraints(true, -1).keyUsage(KeyUsage.KEY_CERT_SIGN | KeyUsage.CRL_SIGN);
        return new Authority(b.selfSign(k.signer(alg, random), alg), k, alg);
    }

    /** An authority from an existing certificate and key (e.g. loaded from PEM). */
    public Authority authority(Certificate cert, Key k, SignatureAlgorithm alg) {
        return new Authority(cert, k, alg);
    }

    /** PEM for a chain (leaf first). */
    public static String chainPem(Certificate... chain) {
        List<Certificate> l = new ArrayList<>();
        for (Certificate c : chain) {
            l.add(c);
        }
        return Pem.encodeCertificates(l);
    }
}
