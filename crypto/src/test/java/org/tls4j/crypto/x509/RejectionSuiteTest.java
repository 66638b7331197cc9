package org.tls4j.crypto.x509;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tls4j.crypto.asn1.DerWriter;
import org.tls4j.crypto.asn1.Oid;
import org.tls4j.crypto.x509.CertificateRejectedException.Reason;

/**
 * One test per rejection reason, each with a chain that is valid except for the one fault, plus the
 * positive cases the rejections are measured against. Certificates are built with {@link CertificateBuilder}.
 */
class RejectionSuiteTest {
    static TestCa root;
    static TestCa inter;
    static PathValidator validator;
    static final ValidationPolicy POLICY = ValidationPolicy.defaults().withClock(TestCa.CLOCK);

    @BeforeAll
    static void pki() throws Exception {
        root = TestCa.root("Root", null);
        inter = root.intermediate("Intermediate", null);
        validator = new PathValidator(Collections.singletonList(root.cert), verifiers());
    }

    /** The verifiers under test: tls4j's own. */
    static VerifierFactory verifiers() {
        return DefaultVerifiers.INSTANCE;
    }

    static Reason reject(ValidationPolicy p, Certificate... chain) {
        CertificateRejectedException e = assertThrows(CertificateRejectedException.class,
                () -> validator.validate(Arrays.asList(chain), p));
        System.out.println("rejected as expected: " + e.getMessage());
        return e.reason();
    }

    @Test
    void validChainIsAccepted() throws Exception {
        Certificate leaf = inter.leaf("www.example.com", null);
        List<Certificate> path = validator.validate(Arrays.asList(leaf, inter.cert), POLICY.withHostname("www.example.com"));
        assertEquals(Arrays.asList(leaf, inter.cert, root.cert), path);
    }

    @Test
    void intermediatesInAnyOrderAndExtrasAreFine() throws Exception {
        Certificate leaf = inter.leaf("www.example.com", null);
        TestCa other = TestCa.root("Other", null);
        List<Certificate> path = validator.validate(Arrays.asList(leaf, other.cert, root.cert, inter.cert), POLICY);
        assertEquals(3, path.size());
    }

    @Test
    void malformed() throws Exception {
        Certificate leaf = inter.leaf("www.example.com", null);
        byte[] truncated = java.util.Arrays.copyOf(leaf.encoded(), leaf.encoded().length - 1);
        CertificateRejectedException e = assertThrows(CertificateRejectedException.class,
                () -> Certificate.parseChain(List.of(inter.cert.encoded(), truncated)));
        assertEquals(Reason.MALFORMED, e.reason());
        assertEquals(List.of(leaf, inter.cert), Certificate.parseChain(List.of(leaf.encoded(), inter.cert.encoded())));
    }

    @Test
    void expired() throws Exception {
        Certificate leaf = inter.leaf("www.example.com", b -> b.dnsNames("www.example.com")
                .validity(TestCa.NOW - 10 * TestCa.DAY, TestCa.NOW - TestCa.DAY));
        assertEquals(Reason.EXPIRED, reject(POLICY, leaf, inter.cert));
    }

    @Test
    void expiredAtInjectedClockOnly() throws Exception {
        Certificate leaf = inter.leaf("www.example.com", null);
        Clock later = Clock.fixed(Instant.ofEpochSecond(TestCa.NOW + 400 * TestCa.DAY), ZoneOffset.UTC);
        assertEquals(Reason.EXPIRED, reject(POLICY.withClock(later), leaf, inter.cert));
    }

    @Test
    void notYetValid() throws Exception {
        Certificate leaf = inter.leaf("www.example.com", b -> b.dnsNames("www.example.com")
                .validity(TestCa.NOW + TestCa.DAY, TestCa.NOW + 10 * TestCa.DAY));
        assertEquals(Reason.NOT_YET_VALID, reject(POLICY, leaf, inter.cert));
    }

    @Test
    void wrongName() throws Exception {
        Certificate leaf = inter.leaf("www.example.com", null);
        assertEquals(Reason.HOSTNAME_MISMATCH, reject(POLICY.withHostname("www.example.org"), leaf, inter.cert));
    }

    @Test
    void wildcardMisuse() throws Exception {
        Certificate leaf = inter.leaf("wild", b -> b.dnsNames("*.example.com").extendedKeyUsage(X509Oids.KP_SERVER_AUTH));
        validator.validate(Arrays.asList(leaf, inter.cert), POLICY.withHostname("a.example.com"));
        assertEquals(Reason.HOSTNAME_MISMATCH, reject(POLICY.withHostname("a.b.example.com"), leaf, inter.cert));
        assertEquals(Reason.HOSTNAME_MISMATCH, reject(POLICY.withHostname("example.com"), leaf, inter.cert));
    }

    @Test
    void ipDnsConfusion() throws Exception {
        // A dNSName that looks like an address never matches the address...
        Certificate dnsLooksLikeIp = inter.leaf("ip", b -> b.dnsNames("192.0.2.7").extendedKeyUsage(X509Oids.KP_SERVER_AUTH));
        assertEquals(Reason.HOSTNAME_MISMATCH, reject(POLICY.withHostname("192.0.2.7"), dnsLooksLikeIp, inter.cert));
        // ...and an iPAddress matches only the address, never a DNS name.
        Certificate ipSan = inter.leaf("ip", b -> b.subjectAltNames(GeneralName.ip(new byte[] {(byte) 192, 0, 2, 7})));
        validator.validate(Arrays.asList(ipSan, inter.cert), POLICY.withHostname("192.0.2.7"));
        assertEquals(Reason.HOSTNAME_MISMATCH, reject(POLICY.withHostname("ip"), ipSan, inter.cert));
    }

    @Test
    void missingCaBit() throws Exception {
        TestCa notCa = root.intermediate("Not a CA", b -> b.basicConstraints(false, -1).keyUsage(KeyUsage.KEY_CERT_SIGN));
        Certificate leaf = notCa.leaf("www.example.com", null);
        assertEquals(Reason.NOT_A_CA, reject(POLICY, leaf, notCa.cert));
        TestCa noBc = root.intermediate("No basicConstraints", b -> b.keyUsage(KeyUsage.KEY_CERT_SIGN));
        assertEquals(Reason.NOT_A_CA, reject(POLICY, noBc.leaf("www.example.com", null), noBc.cert));
    }

    @Test
    void pathLenExceeded() throws Exception {
        TestCa i1 = root.intermediate("I1 pathLen 0", b -> b.basicConstraints(true, 0).keyUsage(KeyUsage.KEY_CERT_SIGN));
        TestCa i2 = i1.intermediate("I2", null);
        Certificate leaf = i2.leaf("www.example.com", null);
        assertEquals(Reason.PATH_LENGTH_EXCEEDED, reject(POLICY, leaf, i2.cert, i1.cert));
        // pathLen 0 still allows leaves directly below.
        validator.validate(Arrays.asList(i1.leaf("www.example.com", null), i1.cert), POLICY);
    }

    @Test
    void wrongEku() throws Exception {
        Certificate clientOnly = inter.leaf("client", b -> b.dnsNames("client").extendedKeyUsage(X509Oids.KP_CLIENT_AUTH));
        assertEquals(Reason.EXTENDED_KEY_USAGE, reject(POLICY, clientOnly, inter.cert));
        validator.validate(Arrays.asList(clientOnly, inter.cert), POLICY.withPurpose(Purpose.CLIENT_AUTH));
        TestCa serverOnlyCa = root.intermediate("Server CA", b -> b.basicConstraints(true, -1)
                .keyUsage(KeyUsage.KEY_CERT_SIGN).extendedKeyUsage(X509Oids.KP_SERVER_AUTH));
        Certificate client = serverOnlyCa.leaf("client", b -> b.dnsNames("client").extendedKeyUsage(X509Oids.KP_CLIENT_AUTH));
        assertEquals(Reason.EXTENDED_KEY_USAGE, reject(POLICY.withPurpose(Purpose.CLIENT_AUTH), client, serverOnlyCa.cert));
    }

    @Test
    void wrongKeyUsage() throws Exception {
        Certificate leaf = inter.leaf("www.example.com", b -> b.dnsNames("www.example.com").keyUsage(KeyUsage.CRL_SIGN));
        assertEquals(Reason.KEY_USAGE, reject(POLICY, leaf, inter.cert));
        TestCa noCertSign = root.intermediate("No keyCertSign", b -> b.basicConstraints(true, -1).keyUsage(KeyUsage.DIGITAL_SIGNATURE));
        assertEquals(Reason.KEY_USAGE, reject(POLICY, noCertSign.leaf("x.example", null), noCertSign.cert));
    }

    @Test
    void nameConstraintPermittedViolation() throws Exception {
        TestCa constrained = root.intermediate("Constrained", b -> b.basicConstraints(true, -1).keyUsage(KeyUsage.KEY_CERT_SIGN)
                .nameConstraints(Arrays.asList(GeneralName.dns("example.com"),
                        GeneralName.ip(new byte[] {10, 0, 0, 0, (byte) 255, 0, 0, 0})), null));
        validator.validate(Arrays.asList(constrained.leaf("www.example.com", null), constrained.cert), POLICY);
        assertEquals(Reason.NAME_CONSTRAINTS, reject(POLICY, constrained.leaf("www.example.org", null), constrained.cert));
        assertEquals(Reason.NAME_CONSTRAINTS, reject(POLICY, constrained.leaf("badexample.com", null), constrained.cert));
        Certificate ipOut = constrained.leaf("ip", b -> b.subjectAltNames(GeneralName.ip(new byte[] {11, 0, 0, 1})));
        assertEquals(Reason.NAME_CONSTRAINTS, reject(POLICY, ipOut, constrained.cert));
        Certificate ipIn = constrained.leaf("ip", b -> b.subjectAltNames(GeneralName.ip(new byte[] {10, 1, 2, 3})));
        validator.validate(Arrays.asList(ipIn, constrained.cert), POLICY);
        // No SAN at all: a host-like CN is constrained as a dNSName (no bypass through the CN fallback).
        Certificate cnOnly = constrained.leaf("www.example.org", b -> b.extendedKeyUsage(X509Oids.KP_SERVER_AUTH));
        assertEquals(Reason.NAME_CONSTRAINTS, reject(POLICY.withCnFallback(true), cnOnly, constrained.cert));
    }

    @Test
    void nameConstraintExcludedViolation() throws Exception {
        TestCa constrained = root.intermediate("Excluding", b -> b.basicConstraints(true, -1).keyUsage(KeyUsage.KEY_CERT_SIGN)
                .nameConstraints(null, Arrays.asList(GeneralName.dns("secret.example.com"))));
        validator.validate(Arrays.asList(constrained.leaf("www.example.com", null), constrained.cert), POLICY);
        assertEquals(Reason.NAME_CONSTRAINTS, reject(POLICY, constrained.leaf("a.secret.example.com", null), constrained.cert));
        assertEquals(Reason.NAME_CONSTRAINTS, reject(POLICY, constrained.leaf("SECRET.example.com.", null), constrained.cert));
    }

    @Test
    void badSignature() throws Exception {
        Certificate good = inter.leaf("www.example.com", null);
        byte[] der = good.encoded();
        // Flip the low bit of the serial number inside the signed TBSCertificate: still well-formed.
        byte[] serial = good.serialNumber().toByteArray();
        byte[] versionAndSerial = new byte[7 + serial.length]; // [0] { INTEGER 2 }, then INTEGER serial
        System.arraycopy(new byte[] {(byte) 0xa0, 3, 2, 1, 2, 2, (byte) serial.length}, 0, versionAndSerial, 0, 7);
        System.arraycopy(serial, 0, versionAndSerial, 7, serial.length);
        int at = indexOf(der, versionAndSerial) + versionAndSerial.length - 1;
        der[at] ^= 1;
        Certificate bad = Certificate.parse(der);
        assertEquals(good.serialNumber().xor(java.math.BigInteger.ONE), bad.serialNumber());
        assertEquals(Reason.BAD_SIGNATURE, reject(POLICY, bad, inter.cert));
    }

    @Test
    void unknownCriticalExtension() throws Exception {
        Oid unknown = Oid.of("1.3.6.1.4.1.99999.1");
        byte[] value = new DerWriter().nul().toByteArray();
        Certificate leaf = inter.leaf("www.example.com", b -> b.dnsNames("www.example.com").extension(unknown, true, value));
        assertEquals(Collections.singletonList(unknown), leaf.unknownCriticalExtensions());
        assertEquals(Reason.UNKNOWN_CRITICAL_EXTENSION, reject(POLICY, leaf, inter.cert));
        Certificate nonCritical = inter.leaf("www.example.com", b -> b.dnsNames("www.example.com").extension(unknown, false, value));
        validator.validate(Arrays.asList(nonCritical, inter.cert), POLICY);
    }

    @Test
    void untrustedRoot() throws Exception {
        TestCa otherRoot = TestCa.root("Root", null); // same name, different key
        TestCa otherInter = otherRoot.intermediate("Intermediate", null);
        Certificate leaf = otherInter.leaf("www.example.com", null);
        assertEquals(Reason.UNTRUSTED, reject(POLICY, leaf, otherInter.cert, otherRoot.cert));
        TestCa stranger = TestCa.root("Stranger Root", null);
        assertEquals(Reason.UNTRUSTED, reject(POLICY, stranger.intermediate("S", null).leaf("x.example", null)));
    }

    @Test
    void loop() throws Exception {
        // Two CAs that certify each other, neither under the trust anchor.
        java.security.KeyPair ka = JcaOracle.ecKeyPair("secp256r1");
        java.security.KeyPair kb = JcaOracle.ecKeyPair("secp256r1");
        Certificate aSelf = TestCa.base("Loop A", ka).basicConstraints(true, -1)
                .selfSign(JcaOracle.signer(ka.getPrivate(), SignatureAlgorithm.ECDSA_SHA256), SignatureAlgorithm.ECDSA_SHA256);
        Certificate bSelf = TestCa.base("Loop B", kb).basicConstraints(true, -1)
                .selfSign(JcaOracle.signer(kb.getPrivate(), SignatureAlgorithm.ECDSA_SHA256), SignatureAlgorithm.ECDSA_SHA256);
        Certificate aByB = TestCa.base("Loop A", ka).basicConstraints(true, -1)
                .signedBy(bSelf, JcaOracle.signer(kb.getPrivate(), SignatureAlgorithm.ECDSA_SHA256), SignatureAlgorithm.ECDSA_SHA256);
        Certificate bByA = TestCa.base("Loop B", kb).basicConstraints(true, -1)
                .signedBy(aSelf, JcaOracle.signer(ka.getPrivate(), SignatureAlgorithm.ECDSA_SHA256), SignatureAlgorithm.ECDSA_SHA256);
        Certificate leaf = TestCa.base("leaf", JcaOracle.ecKeyPair("secp256r1")).dnsNames("leaf")
                .signedBy(aSelf, JcaOracle.signer(ka.getPrivate(), SignatureAlgorithm.ECDSA_SHA256), SignatureAlgorithm.ECDSA_SHA256);
        assertEquals(Reason.LOOP, reject(POLICY, leaf, aByB, bByA));
    }

    @Test
    void chainTooLong() throws Exception {
        TestCa ca = inter;
        Certificate[] chain = new Certificate[5];
        for (int i = 3; i >= 0; i--) {
            ca = ca.intermediate("Deep " + i, null);
            chain[i + 1] = ca.cert;
        }
        chain[0] = ca.leaf("deep.example", null);
        List<Certificate> all = new java.util.ArrayList<>(Arrays.asList(chain));
        all.add(inter.cert);
        validator.validate(all, POLICY);
        assertEquals(Reason.CHAIN_TOO_LONG, reject(POLICY.withMaxChainLength(4), all.toArray(new Certificate[0])));
    }

    @Test
    void issuerFanOutIsBounded() throws Exception {
        // Eight CAs named A and eight named B, each A issued by "B" and each B by "A" (matching key
        // identifiers), none under the anchor: without a bound the search would try 8^8 paths.
        byte[] skiA = {1};
        byte[] skiB = {2};
        java.security.KeyPair k0 = JcaOracle.ecKeyPair("secp256r1");
        org.tls4j.crypto.sig.Signer s0 = JcaOracle.signer(k0.getPrivate(), SignatureAlgorithm.ECDSA_SHA256);
        Certificate a0 = TestCa.base("A", k0).subjectKeyId(skiA).basicConstraints(true, -1).selfSign(s0, SignatureAlgorithm.ECDSA_SHA256);
        Certificate b0 = TestCa.base("B", k0).subjectKeyId(skiB).basicConstraints(true, -1).selfSign(s0, SignatureAlgorithm.ECDSA_SHA256);
        List<Certificate> chain = new java.util.ArrayList<>();
        chain.add(TestCa.base("leaf", k0).dnsNames("leaf").signedBy(a0, s0, SignatureAlgorithm.ECDSA_SHA256));
        for (int i = 0; i < 8; i++) {
            chain.add(TestCa.base("A", JcaOracle.ecKeyPair("secp256r1")).subjectKeyId(skiA).basicConstraints(true, -1)
                    .signedBy(b0, s0, SignatureAlgorithm.ECDSA_SHA256));
            chain.add(TestCa.base("B", JcaOracle.ecKeyPair("secp256r1")).subjectKeyId(skiB).basicConstraints(true, -1)
                    .signedBy(a0, s0, SignatureAlgorithm.ECDSA_SHA256));
        }
        long start = System.nanoTime();
        Reason r = reject(POLICY, chain.toArray(new Certificate[0]));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < 2000, ms + " ms");
        assertTrue(r == Reason.LOOP || r == Reason.CHAIN_TOO_LONG, r.toString());
    }

    @Test
    void triesAlternativeIssuers() throws Exception {
        // Two intermediates with the same name and key; the first offered is expired, the second is fine.
        java.security.KeyPair kp = JcaOracle.ecKeyPair("secp256r1");
        Certificate expiredInter = TestCa.base("Alt", kp).basicConstraints(true, -1)
                .validity(TestCa.NOW - 100 * TestCa.DAY, TestCa.NOW - 50 * TestCa.DAY)
                .signedBy(root.cert, root.signer, SignatureAlgorithm.ECDSA_SHA256);
        Certificate goodInter = TestCa.base("Alt", kp).basicConstraints(true, -1)
                .signedBy(root.cert, root.signer, SignatureAlgorithm.ECDSA_SHA256);
        Certificate leaf = TestCa.base("alt.example", JcaOracle.ecKeyPair("secp256r1")).dnsNames("alt.example")
                .signedBy(goodInter, JcaOracle.signer(kp.getPrivate(), SignatureAlgorithm.ECDSA_SHA256), SignatureAlgorithm.ECDSA_SHA256);
        List<Certificate> path = validator.validate(Arrays.asList(leaf, expiredInter, goodInter), POLICY);
        assertEquals(goodInter, path.get(1));
        assertEquals(Reason.EXPIRED, reject(POLICY, leaf, expiredInter));
    }

    @Test
    void sha1RefusedUnlessAllowed() throws Exception {
        java.security.KeyPair kp = JcaOracle.ecKeyPair("secp256r1");
        SignatureAlgorithm sha1 = SignatureAlgorithm.read(org.tls4j.crypto.asn1.DerReader.of(
                new DerWriter().sequence().oid(X509Oids.ECDSA_SHA1).end().toByteArray()));
        Certificate leaf = TestCa.base("sha1.example", kp).dnsNames("sha1.example")
                .signedBy(inter.cert, JcaOracle.signer(inter.keys.getPrivate(), sha1), sha1);
        assertEquals(Reason.WEAK_ALGORITHM, reject(POLICY, leaf, inter.cert));
        validator.validate(Arrays.asList(leaf, inter.cert), POLICY.withSha1Allowed(true));
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
