package org.tls4j.crypto.x509;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.sig.Signer;
import org.tls4j.crypto.sig.Verifier;
import org.tls4j.crypto.x509.CertificateRejectedException.Reason;

/**
 * Test-only signature back end on the JDK's JCA: an independent oracle for path validation tests and a
 * signer for building test certificates. Library code never uses the JCA.
 */
final class JcaOracle {
    private JcaOracle() {}

    static String jcaName(SignatureAlgorithm alg) {
        switch (alg.kind()) {
            case RSA_PKCS1:
                return alg.hash().replace("-", "") + "withRSA";
            case RSA_PSS:
                return "RSASSA-PSS";
            case ECDSA:
                return alg.hash().replace("-", "") + "withECDSA";
            case ED25519:
                return "Ed25519";
            case ED448:
                return "Ed448";
            default:
                throw new IllegalArgumentException(alg.name());
        }
    }

    static Signature signature(SignatureAlgorithm alg) throws Exception {
        Signature s = Signature.getInstance(jcaName(alg));
        if (alg.kind() == SignatureAlgorithm.Kind.RSA_PSS) {
            s.setParameter(new PSSParameterSpec(alg.hash(), "MGF1", new MGF1ParameterSpec(alg.mgfHash()), alg.saltLength(), 1));
        }
        return s;
    }

    /** The JCA as a VerifierFactory. */
    static final VerifierFactory VERIFIERS = (alg, key) -> {
        try {
            String kf;
            switch (key.type()) {
                case RSA:
                    kf = "RSA";
                    break;
                case RSA_PSS:
                    kf = "RSASSA-PSS";
                    break;
                case ED25519:
                    kf = "Ed25519";
                    break;
                case ED448:
                    kf = "Ed448";
                    break;
                default:
                    kf = "EC";
            }
            PublicKey pk = KeyFactory.getInstance(kf).generatePublic(new X509EncodedKeySpec(key.encoded()));
            return new Verifier() {
                @Override
                public String algorithm() {
                    return alg.name();
                }

                @Override
                public boolean verify(byte[] m, int mo, int ml, byte[] sig, int so, int sl) {
                    try {
                        Signature s = signature(alg);
                        s.initVerify(pk);
                        s.update(m, mo, ml);
                        return s.verify(sig, so, sl);
                    } catch (Exception e) {
                        return false;
                    }
                }
            };
        } catch (Exception e) {
            throw new CertificateRejectedException(Reason.UNSUPPORTED_ALGORITHM, "JCA: " + e, e);
        }
    };

    static KeyPair ecKeyPair(String curve) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec(curve));
        return g.generateKeyPair();
    }

    static PublicKeyInfo spki(PublicKey k) throws Exception {
        return PublicKeyInfo.parse(k.getEncoded());
    }

    static Signer signer(PrivateKey key, SignatureAlgorithm alg) {
        return new Signer() {
            @Override
            public String algorithm() {
                return alg.name();
            }

            @Override
            public byte[] sign(byte[] message, int off, int len) throws CryptoException {
                try {
                    Signature s = signature(alg);
                    s.initSign(key);
                    s.update(message, off, len);
                    return s.sign();
                } catch (Exception e) {
                    throw new CryptoException("JCA signing failed", e);
                }
            }

            @Override
            public void destroy() {}
        };
    }
}
