package org.tls4j.crypto.x509;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.Destroyable;
import org.tls4j.crypto.ec.EcCurve;
import org.tls4j.crypto.ec.EcPrivateKey;
import org.tls4j.crypto.ec.EcdsaSigner;
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
    public enum KeyKind { EC_P256, EC_P384, EC_P521, RSA_2048, RSA_3072 }

    /** A generated or loaded key pair. */
    public static final class Key implements Destroyable {
        private final PublicKeyInfo publicKey;
        private final EcPrivateKey ec;
        private final RsaPrivateKey rsa;

        private Key(PublicKeyInfo publicKey, EcPrivateKey ec, RsaPrivateKey rsa) {
            this.publicKey = publicKey;
            this.ec = ec;
            this.rsa = rsa;
        }

        /** A key from PEM (PKCS#8, PKCS#1 or SEC1), RSA or EC. */
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
                    default:
                        throw new CryptoException("TestPki keys are RSA or EC, not " + d.type());
                }
            } finally {
                d.destroy();
            }
        }

        public static Key of(EcPrivateKey k) {
            PublicKeyInfo.KeyType t = k.curve() == EcCurve.P256 ? PublicKeyInfo.KeyType.EC_P256
                    : k.curve() == EcCurve.P384 ? PublicKeyInfo.KeyType.EC_P384 : PublicKeyInfo.KeyType.EC_P521;
            return new Key(PublicKeyInfo.ec(t, k.publicKey().encoded()), k, null);
        }

        public static Key of(RsaPrivateKey k) {
            RsaPublicKey p = k.publicKey();
            return new Key(PublicKeyInfo.rsa(p.modulus(), p.publicExponent()), null, k);
        }

        public PublicKeyInfo publicKey() {
            return publicKey;
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
                    return new RsaPkcs1Signer(rsa, RsaHash.byName(alg.hash()));
                case RSA_PSS:
                    if (rsa == null) {
                        throw new CryptoException("RSA-PSS needs an RSA key");
                    }
                    if (!alg.hash().equals(alg.mgfHash()) || alg.saltLength() != SignatureAlgorithm.hashLength(alg.hash())) {
                        throw new CryptoException("RSA-PSS signing uses MGF1 with the same hash and a hash-length salt");
                    }
                    return new RsaPssSigner(rsa, RsaHash.byName(alg.hash()), random);
                default:
                    throw new CryptoException("TestPki cannot sign with " + alg.name() + " yet");
            }
        }

        /** The private key as PKCS#8 PEM (EC keys; RSA private keys do not export their components). */
        public String privateKeyPem() throws CryptoException {
            if (ec == null) {
                throw new CryptoException("exporting RSA private keys is not supported (RsaPrivateKey keeps its components)");
            }
            byte[] scalar = ec.scalar();
            byte[] der = PrivateKeyData.ecPkcs8(publicKey.algorithm(), scalar, publicKey.keyBytes());
            java.util.Arrays.fill(scalar, (byte) 0);
            String pem = Pem.encode("PRIVATE KEY", der);
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
