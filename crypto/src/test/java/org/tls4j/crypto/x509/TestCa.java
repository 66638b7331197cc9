package org.tls4j.crypto.x509;

import java.math.BigInteger;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.tls4j.crypto.sig.Signer;

/** A small test CA: an EC P-256 key pair with its certificate, issuing more with a builder callback. */
final class TestCa {
    static final long NOW = Instant.parse("2026-06-01T00:00:00Z").getEpochSecond();
    static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
    static final long DAY = 86400;
    private static final AtomicLong SERIAL = new AtomicLong(100);

    final KeyPair keys;
    final Certificate cert;
    final Signer signer;

    private TestCa(KeyPair keys, Certificate cert) {
        this.keys = keys;
        this.cert = cert;
        this.signer = JcaOracle.signer(keys.getPrivate(), SignatureAlgorithm.ECDSA_SHA256);
    }

    interface Customizer {
        void apply(CertificateBuilder b) throws Exception;
    }

    static CertificateBuilder base(String cn, KeyPair kp) throws Exception {
        return new CertificateBuilder().serial(BigInteger.valueOf(SERIAL.incrementAndGet()))
                .subject(new Name.Builder().c("XX").o("tls4j tests").cn(cn).build())
                .validity(NOW - DAY, NOW + 365 * DAY).publicKey(JcaOracle.spki(kp.getPublic()))
                .subjectKeyId(java.security.MessageDigest.getInstance("SHA-1").digest(kp.getPublic().getEncoded()));
    }

    static TestCa root(String cn, Customizer c) throws Exception {
        KeyPair kp = JcaOracle.ecKeyPair("secp256r1");
        CertificateBuilder b = base(cn, kp).basicConstraints(true, -1).keyUsage(KeyUsage.KEY_CERT_SIGN | KeyUsage.CRL_SIGN);
        if (c != null) {
            c.apply(b);
        }
        return new TestCa(kp, b.selfSign(JcaOracle.signer(kp.getPrivate(), SignatureAlgorithm.ECDSA_SHA256),
                SignatureAlgorithm.ECDSA_SHA256));
    }

    /** An intermediate CA under this one; {@code c} may override anything. */
    TestCa intermediate(String cn, Customizer c) throws Exception {
        KeyPair kp = JcaOracle.ecKeyPair("secp256r1");
        CertificateBuilder b = base(cn, kp);
        if (c != null) {
            c.apply(b);
        } else {
            b.basicConstraints(true, -1).keyUsage(KeyUsage.KEY_CERT_SIGN | KeyUsage.CRL_SIGN);
        }
        return new TestCa(kp, b.signedBy(cert, signer, SignatureAlgorithm.ECDSA_SHA256));
    }

    /** A TLS server leaf for {@code dns} under this CA; {@code c} may add or override. */
    Certificate leaf(String dns, Customizer c) throws Exception {
        KeyPair kp = JcaOracle.ecKeyPair("secp256r1");
        CertificateBuilder b = base(dns, kp);
        if (c != null) {
            c.apply(b);
        } else {
            b.dnsNames(dns).keyUsage(KeyUsage.DIGITAL_SIGNATURE).extendedKeyUsage(X509Oids.KP_SERVER_AUTH);
        }
        return b.signedBy(cert, signer, SignatureAlgorithm.ECDSA_SHA256);
    }
}
