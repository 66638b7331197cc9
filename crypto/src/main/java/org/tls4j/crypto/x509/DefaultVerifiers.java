package org.tls4j.crypto.x509;

import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.ec.EcCurve;
import org.tls4j.crypto.ec.EcPublicKey;
import org.tls4j.crypto.ec.EcdsaVerifier;
import org.tls4j.crypto.ec.Ed25519PublicKey;
import org.tls4j.crypto.ec.Ed25519Verifier;
import org.tls4j.crypto.ec.Ed448PublicKey;
import org.tls4j.crypto.ec.Ed448Verifier;
import org.tls4j.crypto.ec.SignatureEncoding;
import org.tls4j.crypto.hash.Digest;
import org.tls4j.crypto.hash.Sha1;
import org.tls4j.crypto.hash.Sha256;
import org.tls4j.crypto.hash.Sha384;
import org.tls4j.crypto.hash.Sha512;
import org.tls4j.crypto.rsa.RsaHash;
import org.tls4j.crypto.rsa.RsaPkcs1Verifier;
import org.tls4j.crypto.rsa.RsaPssVerifier;
import org.tls4j.crypto.rsa.RsaPublicKey;
import org.tls4j.crypto.sig.Verifier;
import org.tls4j.crypto.x509.CertificateRejectedException.Reason;

/**
 * tls4j's own signature verifiers for certificates: RSA PKCS#1 v1.5 and RSASSA-PSS
 * ({@code org.tls4j.crypto.rsa}) and ECDSA on P-256/P-384/P-521 with DER signatures
 * ({@code org.tls4j.crypto.ec}, RFC 5758, Section 3.2), and Ed25519/Ed448 (RFC 8410, Section 6). Whether SHA-1 is acceptable is decided by the
 * {@link ValidationPolicy}, not here.
 */
public final class DefaultVerifiers implements VerifierFactory {
    /** The shared instance (stateless). */
    public static final DefaultVerifiers INSTANCE = new DefaultVerifiers();

    private DefaultVerifiers() {}

    @Override
    public Verifier verifier(SignatureAlgorithm alg, PublicKeyInfo key) throws CertificateRejectedException {
        try {
            switch (alg.kind()) {
                case RSA_PKCS1:
                    return new RsaPkcs1Verifier(rsaKey(key), rsaHash(alg.hash()));
                case RSA_PSS:
                    return new RsaPssVerifier(rsaKey(key), rsaHash(alg.hash()), rsaHash(alg.mgfHash()), alg.saltLength());
                case ECDSA:
                    return new EcdsaVerifier(EcPublicKey.fromSec1(curve(key), key.keyBytes()), digest(alg.hash()),
                            SignatureEncoding.DER);
                case ED25519:
                    return new Ed25519Verifier(new Ed25519PublicKey(key.keyBytes()));
                case ED448:
                    return new Ed448Verifier(new Ed448PublicKey(key.keyBytes()));
                default:
                    throw new CertificateRejectedException(Reason.UNSUPPORTED_ALGORITHM, "no verifier for " + alg.name());
            }
        } catch (CryptoException e) {
            if (e instanceof CertificateRejectedException) {
                throw (CertificateRejectedException) e;
            }
            throw new CertificateRejectedException(Reason.UNSUPPORTED_ALGORITHM, "unusable key " + key + " for " + alg.name()
                    + ": " + e.getMessage(), e);
        }
    }

    private static RsaPublicKey rsaKey(PublicKeyInfo k) throws CryptoException {
        return RsaPublicKey.of(k.modulus(), k.exponent());
    }

    private static RsaHash rsaHash(String name) throws CertificateRejectedException {
        RsaHash h = RsaHash.byName(name);
        if (h == null) {
            throw new CertificateRejectedException(Reason.UNSUPPORTED_ALGORITHM, "hash " + name);
        }
        return h;
    }

    static EcCurve curve(PublicKeyInfo k) throws CertificateRejectedException {
        switch (k.type()) {
            case EC_P256:
                return EcCurve.P256;
            case EC_P384:
                return EcCurve.P384;
            case EC_P521:
                return EcCurve.P521;
            default:
                throw new CertificateRejectedException(Reason.UNSUPPORTED_ALGORITHM, "not an EC key: " + k);
        }
    }

    static Digest digest(String hash) throws CertificateRejectedException {
        switch (hash) {
            case "SHA-1":
                return new Sha1();
            case "SHA-256":
                return new Sha256();
            case "SHA-384":
                return new Sha384();
            case "SHA-512":
                return new Sha512();
            default:
                throw new CertificateRejectedException(Reason.UNSUPPORTED_ALGORITHM, "hash " + hash);
        }
    }
}
