package org.tls4j.handshake.tls12;

import java.util.List;

import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.ec.EcCurve;
import org.tls4j.crypto.ec.EcPublicKey;
import org.tls4j.crypto.ec.EcdsaSigner;
import org.tls4j.crypto.ec.EcdsaVerifier;
import org.tls4j.crypto.ec.SignatureEncoding;
import org.tls4j.crypto.hash.Sha1;
import org.tls4j.crypto.rsa.RsaPkcs1Md5Sha1;
import org.tls4j.crypto.rsa.RsaPublicKey;
import org.tls4j.crypto.rand.RandomSource;
import org.tls4j.crypto.sig.Verifier;
import org.tls4j.crypto.x509.CertificateRejectedException;
import org.tls4j.crypto.x509.DefaultVerifiers;
import org.tls4j.crypto.x509.PublicKeyInfo;
import org.tls4j.crypto.x509.SignatureAlgorithm;
import org.tls4j.handshake.SignatureScheme;
import org.tls4j.handshake.tls13.CertificateAlerts;
import org.tls4j.handshake.tls13.CertifiedKey;
import org.tls4j.record.AlertDescription;
import org.tls4j.record.TlsAlert;

/**
 * Signatures in TLS 1.2 ServerKeyExchange and CertificateVerify (RFC 5246, Sections 7.4.1.4.1, 7.4.3 and
 * 7.4.8). Unlike TLS 1.3, a TLS 1.2 SignatureAndHashAlgorithm names only a hash and a signature
 * algorithm: {@code ecdsa_secp256r1_sha256} (0x0403) means "ECDSA with SHA-256" with a key on any curve
 * (RFC 8422, Section 5.1.3), and RSA PKCS#1 v1.5 is allowed. The mapping:
 *
 * <pre>
 * rsa_pkcs1_sha256/384/512         rsaEncryption key, PKCS#1 v1.5
 * rsa_pss_rsae_sha256/384/512      rsaEncryption key, PSS (RFC 8446, Section 4.2.3, which applies to 1.2)
 * rsa_pss_pss_sha256/384/512       RSASSA-PSS key
 * ecdsa_*_sha256/384/512           EC key on P-256, P-384 or P-521
 * ed25519 / ed448                  Ed25519 / Ed448 key (RFC 8422, Section 5.1.3)
 * </pre>
 *
 * SHA-1 schemes are not implemented for TLS 1.2 (SHAttered; RFC 9155 deprecates them there).
 *
 * <p>TLS 1.0 and 1.1 put no algorithm on the wire: RSA signs {@code MD5(m) || SHA-1(m)} in a PKCS#1
 * block without DigestInfo ({@link RsaPkcs1Md5Sha1}; RFC 2246, Section 7.4.3), ECDSA signs SHA-1(m) (RFC
 * 4492, Section 5.4 and 5.10); EdDSA does not exist there (RFC 8422 defines it for TLS 1.2 only). These
 * legacy forms exist only because TLS 1.0/1.1 can be enabled explicitly (RFC 8996 deprecates them).
 */
final class Signatures12 {
    private Signatures12() {}

    /** The X.509 algorithm a TLS 1.2 scheme denotes, or null when tls4j does not implement it. */
    static SignatureAlgorithm algorithm(SignatureScheme s) {
        switch (s.code) {
            case 0x0401:
                return SignatureAlgorithm.RSA_PKCS1_SHA256;
            case 0x0501:
                return SignatureAlgorithm.RSA_PKCS1_SHA384;
            case 0x0601:
                return SignatureAlgorithm.RSA_PKCS1_SHA512;
            case 0x0403:
                return SignatureAlgorithm.ECDSA_SHA256;
            case 0x0503:
                return SignatureAlgorithm.ECDSA_SHA384;
            case 0x0603:
                return SignatureAlgorithm.ECDSA_SHA512;
            case 0x0804:
            case 0x0809:
                return SignatureAlgorithm.RSA_PSS_SHA256;
            case 0x0805:
            case 0x080a:
                return SignatureAlgorithm.RSA_PSS_SHA384;
            case 0x0806:
            case 0x080b:
                return SignatureAlgorithm.RSA_PSS_SHA512;
            case 0x0807:
                return SignatureAlgorithm.ED25519;
            case 0x0808:
                return SignatureAlgorithm.ED448;
            default:
                return null;
        }
    }

    /** True when a key of this type signs with {@code s} in TLS 1.2. */
    static boolean fits(SignatureScheme s, PublicKeyInfo key) {
        PublicKeyInfo.KeyType t = key.type();
        switch (s.code) {
            case 0x0401:
            case 0x0501:
            case 0x0601:
            case 0x0804:
            case 0x0805:
            case 0x0806:
                return t == PublicKeyInfo.KeyType.RSA;
            case 0x0809:
            case 0x080a:
            case 0x080b: {
                if (t != PublicKeyInfo.KeyType.RSA_PSS) {
                    return false;
                }
                SignatureAlgorithm restriction = key.pssRestriction();
                return restriction == null || restriction.hash().equals(algorithm(s).hash());
            }
            case 0x0403:
            case 0x0503:
            case 0x0603:
                return t == PublicKeyInfo.KeyType.EC_P256 || t == PublicKeyInfo.KeyType.EC_P384
                        || t == PublicKeyInfo.KeyType.EC_P521;
            case 0x0807:
                return t == PublicKeyInfo.KeyType.ED25519;
            case 0x0808:
                return t == PublicKeyInfo.KeyType.ED448;
            default:
                return false;
        }
    }

    /**
     * True when the certificate key suits the key exchange: an ECDSA-capable key (EC or EdDSA) for
     * ECDHE_ECDSA (RFC 8422, Section 2.1), an RSA key for the RSA suites (RSA-PSS keys only sign, so they
     * fit ECDHE_RSA and DHE_RSA but not key transport).
     */
    static boolean keyFits(KeyExchange12 kx, PublicKeyInfo key, VersionRules rules) {
        PublicKeyInfo.KeyType t = key.type();
        boolean ec = t == PublicKeyInfo.KeyType.EC_P256 || t == PublicKeyInfo.KeyType.EC_P384
                || t == PublicKeyInfo.KeyType.EC_P521;
        switch (kx) {
            case ECDHE_ECDSA:
                return ec || (rules.signatureAlgorithms
                        && (t == PublicKeyInfo.KeyType.ED25519 || t == PublicKeyInfo.KeyType.ED448));
            case RSA:
                return t == PublicKeyInfo.KeyType.RSA;
            default:
                return t == PublicKeyInfo.KeyType.RSA || (rules.signatureAlgorithms && t == PublicKeyInfo.KeyType.RSA_PSS);
        }
    }

    /** True when the key can sign at all in this version (TLS 1.0/1.1: RSA and ECDSA keys only). */
    static boolean canSignIn(VersionRules rules, PublicKeyInfo key) {
        PublicKeyInfo.KeyType t = key.type();
        return rules.signatureAlgorithms || t == PublicKeyInfo.KeyType.RSA || t == PublicKeyInfo.KeyType.EC_P256
                || t == PublicKeyInfo.KeyType.EC_P384 || t == PublicKeyInfo.KeyType.EC_P521;
    }

    /** Our first scheme (in {@code ours} order) that the peer offered and {@code key} can sign with; or null. */
    static SignatureScheme choose(List<SignatureScheme> ours, List<SignatureScheme> offered, PublicKeyInfo key) {
        for (SignatureScheme s : ours) {
            if (offered.contains(s) && algorithm(s) != null && fits(s, key)) {
                return s;
            }
        }
        return null;
    }

    /** Signs {@code content} with {@code s} (TLS 1.2), or in the TLS 1.0/1.1 form ({@code s} null). */
    static byte[] sign(VersionRules rules, CertifiedKey key, SignatureScheme s, byte[] content, RandomSource random)
            throws TlsAlert {
        try {
            if (rules.signatureAlgorithms) {
                return key.privateKey().signer(algorithm(s), random).sign(content);
            }
            if (key.privateKey().rsaPrivateKey() != null) {
                return RsaPkcs1Md5Sha1.sign(key.privateKey().rsaPrivateKey(), content);
            }
            if (key.privateKey().ecPrivateKey() == null) {
                throw new CryptoException("no " + rules.version + " signature with a " + key.leaf().publicKey().type() + " key");
            }
            return new EcdsaSigner(key.privateKey().ecPrivateKey(), new Sha1(), SignatureEncoding.DER, random).sign(content);
        } catch (CryptoException e) {
            throw new TlsAlert(AlertDescription.INTERNAL_ERROR, "cannot sign with " + s + ": " + e.getMessage(), e);
        }
    }

    /** The TLS 1.0/1.1 check: MD5+SHA-1 RSA, or SHA-1 ECDSA. */
    private static boolean verifyLegacy(PublicKeyInfo key, byte[] content, byte[] signature) {
        try {
            switch (key.type()) {
                case RSA:
                    return RsaPkcs1Md5Sha1.verify(RsaPublicKey.of(key.modulus(), key.exponent()), content, signature);
                case EC_P256:
                case EC_P384:
                case EC_P521: {
                    EcCurve curve = key.type() == PublicKeyInfo.KeyType.EC_P256 ? EcCurve.P256
                            : key.type() == PublicKeyInfo.KeyType.EC_P384 ? EcCurve.P384 : EcCurve.P521;
                    return new EcdsaVerifier(EcPublicKey.fromSec1(curve, key.keyBytes()), new Sha1(), SignatureEncoding.DER)
                            .verify(content, signature);
                }
                default:
                    return false;
            }
        } catch (CryptoException e) {
            return false;
        }
    }

    /**
     * Checks a peer's signature: {@code s} must be one we offered ({@code ours}) and fit the key
     * (illegal_parameter), and the signature must verify (decrypt_error: RFC 5246, Section 7.2.2).
     */
    static void verify(VersionRules rules, List<SignatureScheme> ours, SignatureScheme s, PublicKeyInfo key,
            byte[] content, byte[] signature, String what) throws TlsAlert {
        if (!rules.signatureAlgorithms) {
            if (!verifyLegacy(key, content, signature)) {
                throw new TlsAlert(AlertDescription.DECRYPT_ERROR, what + " signature does not verify with the"
                        + " certificate's key (RFC 2246, Section 7.4.3)");
            }
            return;
        }
        if (s == null || !ours.contains(s) || algorithm(s) == null) {
            throw new TlsAlert(AlertDescription.ILLEGAL_PARAMETER, what + " signed with " + s
                    + ", which was not offered (RFC 5246, Section 7.4.1.4.1)");
        }
        if (!fits(s, key)) {
            throw new TlsAlert(AlertDescription.ILLEGAL_PARAMETER, what + " signed with " + s
                    + ", which does not fit the certificate's " + key.type() + " key (RFC 5246, Section 7.4.3)");
        }
        Verifier v;
        try {
            v = DefaultVerifiers.INSTANCE.verifier(algorithm(s), key);
        } catch (CertificateRejectedException e) {
            throw CertificateAlerts.toAlert(e);
        }
        if (!v.verify(content, signature)) {
            throw new TlsAlert(AlertDescription.DECRYPT_ERROR,
                    what + " signature does not verify with the certificate's key (RFC 5246, Section 7.4.3)");
        }
    }
}
