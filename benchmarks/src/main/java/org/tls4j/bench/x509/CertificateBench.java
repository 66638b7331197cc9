package org.tls4j.bench.x509;

import java.io.ByteArrayInputStream;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.tls4j.crypto.rand.HmacDrbg;
import org.tls4j.crypto.x509.Certificate;
import org.tls4j.crypto.x509.DefaultVerifiers;
import org.tls4j.crypto.x509.PathValidator;
import org.tls4j.crypto.x509.TestPki;
import org.tls4j.crypto.x509.ValidationPolicy;

/**
 * Certificate parsing and chain validation (root, intermediate, leaf; ECDSA P-256 or RSA-2048 PKCS#1
 * v1.5), tls4j beside the JDK (CertificateFactory, PKIX CertPathValidator without revocation) and Bouncy
 * Castle (ASN.1 certificate structure; its PKIX CertPathValidator through the BC provider).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CertificateBench {
    @org.openjdk.jmh.annotations.Param({"EC_P256", "RSA_2048"})
    public String keys;

    byte[] leafDer;
    List<Certificate> chain;
    PathValidator validator;
    ValidationPolicy policy;
    CertificateFactory jdkFactory;
    CertPath jdkPath;
    PKIXParameters jdkParams;
    CertPathValidator jdkValidator;
    CertPathValidator bcValidator;
    PKIXParameters bcParams;
    CertPath bcPath;

    @Setup
    public void setup() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        TestPki pki = new TestPki(HmacDrbg.fromSystem(), now - 3600, now + 86400);
        TestPki.KeyKind kind = TestPki.KeyKind.valueOf(keys);
        TestPki.Key caKey = pki.generate(kind);
        TestPki.Authority root = pki.root("Bench Root", caKey);
        TestPki.Authority ca = root.intermediate("Bench CA", kind == TestPki.KeyKind.RSA_2048 ? caKey : pki.generate(kind));
        Certificate leaf = ca.serverLeaf(pki.generate(TestPki.KeyKind.EC_P256), "bench.example");
        leafDer = leaf.encoded();
        chain = Arrays.asList(leaf, ca.certificate());
        validator = new PathValidator(Collections.singletonList(root.certificate()), DefaultVerifiers.INSTANCE);
        policy = ValidationPolicy.defaults().withHostname("bench.example");

        jdkFactory = CertificateFactory.getInstance("X.509");
        X509Certificate jRoot = jdk(root.certificate().encoded());
        jdkPath = jdkFactory.generateCertPath(Arrays.asList(jdk(leafDer), jdk(ca.certificate().encoded())));
        jdkParams = new PKIXParameters(Collections.singleton(new TrustAnchor(jRoot, null)));
        jdkParams.setRevocationEnabled(false);
        jdkParams.setDate(new Date());
        jdkValidator = CertPathValidator.getInstance("PKIX");
        BouncyCastleProvider bc = new BouncyCastleProvider();
        CertificateFactory bcFactory = CertificateFactory.getInstance("X.509", bc);
        X509Certificate bRoot = (X509Certificate) bcFactory.generateCertificate(new ByteArrayInputStream(root.certificate().encoded()));
        bcPath = bcFactory.generateCertPath(Arrays.asList(
                bcFactory.generateCertificate(new ByteArrayInputStream(leafDer)),
                bcFactory.generateCertificate(new ByteArrayInputStream(ca.certificate().encoded()))));
        bcParams = new PKIXParameters(Collections.singleton(new TrustAnchor(bRoot, null)));
        bcParams.setRevocationEnabled(false);
        bcValidator = CertPathValidator.getInstance("PKIX", bc);
        // Each side accepts the chain before anything is timed.
        tls4jValidate();
        jdkValidate();
        bcValidate();
    }

    X509Certificate jdk(byte[] der) throws Exception {
        return (X509Certificate) jdkFactory.generateCertificate(new ByteArrayInputStream(der));
    }

    @Benchmark
    public Object tls4jParse() throws Exception {
        return Certificate.parse(leafDer);
    }

    @Benchmark
    public Object jdkParse() throws Exception {
        X509Certificate c = jdk(leafDer);
        c.getSubjectAlternativeNames(); // the JDK decodes extensions lazily; ask for what TLS needs
        c.getExtendedKeyUsage();
        return c;
    }

    @Benchmark
    public Object bcParse() {
        return org.bouncycastle.asn1.x509.Certificate.getInstance(leafDer);
    }

    @Benchmark
    public Object tls4jValidate() throws Exception {
        return validator.validate(chain, policy);
    }

    @Benchmark
    public Object jdkValidate() throws Exception {
        return jdkValidator.validate(jdkPath, jdkParams);
    }

    @Benchmark
    public Object bcValidate() throws Exception {
        return bcValidator.validate(bcPath, bcParams);
    }
}
