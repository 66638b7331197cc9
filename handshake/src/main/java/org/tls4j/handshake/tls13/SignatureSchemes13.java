package org.tls4j.handshake.tls13;

import org.tls4j.crypto.x509.PublicKeyInfo;
import org.tls4j.crypto.x509.SignatureAlgorithm;
import org.tls4j.handshake.SignatureScheme;

/**
 * Which signature schemes may sign a TLS 1.3 CertificateVerify, and with which key (RFC 8446, Section
 * 4.2.3 and 4.4.3):
 *
 * <pre>
 * ecdsa_secp256r1_sha256   EC key on P-256          ecdsa_secp384r1_sha384   EC key on P-384
 * ecdsa_secp521r1_sha512   EC key on P-521          ed25519 / ed448          Ed25519 / Ed448 key
 * rsa_pss_rsae_sha*        rsaEncryption key        rsa_pss_pss_sha*         RSASSA-PSS key
 * </pre>
 *
 * "RSA signatures MUST use an RSASSA-PSS algorithm, regardless of whether RSASSA-PKCS1-v1_5 algorithms
 * appear in signature_algorithms" (Section 4.2.3): rsa_pkcs1_* may be offered, for certificate
 * signatures only, and is refused in CertificateVerify. In TLS 1.3 the ECDSA curve is part of the
 * scheme, so a P-384 key cannot sign with ecdsa_secp256r1_sha256.
 */
public final class SignatureSchemes13 {
    private SignatureSchemes13() {}

    /** The X.509 algorithm (hash, padding) for a CertificateVerify scheme; null when not allowed there. */
    public static SignatureAlgorithm algorithm(SignatureScheme s) {
        switch (s.code) {
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

    /** True when {@code s} may sign a TLS 1.3 CertificateVerify at all. */
    public static boolean isAllowedInCertificateVerify(SignatureScheme s) {
        return algorithm(s) != null;
    }

    /** True when a key of this type can sign with {@code s} in TLS 1.3. */
    public static boolean fits(SignatureScheme s, PublicKeyInfo key) {
        switch (s.code) {
            case 0x0403:
                return key.type() == PublicKeyInfo.KeyType.EC_P256;
            case 0x0503:
                return key.type() == PublicKeyInfo.KeyType.EC_P384;
            case 0x0603:
                return key.type() == PublicKeyInfo.KeyType.EC_P521;
            case 0x0804:
            case 0x0805:
            case 0x0806:
                return key.type() == PublicKeyInfo.KeyType.RSA;
            case 0x0809:
            case 0x080a:
            case 0x080b: {
                if (key.type() != PublicKeyInfo.KeyType.RSA_PSS) {
                    return false;
                }
                SignatureAlgorithm restriction = key.pssRestriction();
                return restriction == null || restriction.hash().equals(algorithm(s).hash());
            }
            case 0x0807:
                return key.type() == PublicKeyInfo.KeyType.ED25519;
            case 0x0808:
                return key.type() == PublicKeyInfo.KeyType.ED448;
            default:
                return false;
        }
    }
}
