package org.tls4j.crypto.x509;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tls4j.crypto.pem.Pem;
import org.tls4j.crypto.pem.PrivateKeyData;
import org.tls4j.crypto.rand.HmacDrbg;
import org.tls4j.testing.Peers;

/**
 * Interoperability with the openssl command: chains openssl makes (RSA, RSA-PSS, ECDSA P-256/P-384,
 * Ed25519) parse and validate with tls4j, and chains tls4j makes pass {@code openssl verify}.
 */
class OpensslChainTest {
    @TempDir
    Path dir;

    static final String CNF = String.join("\n",
            "[req]", "distinguished_name=dn", "prompt=no", "[dn]", "CN=unused",
            "[v3_ca]", "basicConstraints=critical,CA:TRUE", "keyUsage=critical,keyCertSign,cRLSign",
            "subjectKeyIdentifier=hash", "authorityKeyIdentifier=keyid:always",
            "[v3_leaf]", "basicConstraints=critical,CA:FALSE", "keyUsage=critical,digitalSignature,keyEncipherment",
            "extendedKeyUsage=serverAuth,clientAuth",
            "subjectAltName=DNS:leaf.example.com,DNS:*.wild.example.com,IP:127.0.0.1,IP:::1,email:a@example.com,URI:https://example.com/",
            "subjectKeyIdentifier=hash", "authorityKeyIdentifier=keyid",
            "authorityInfoAccess=OCSP;URI:http://ocsp.example.com/,caIssuers;URI:http://ca.example.com/ca.der",
            "certificatePolicies=2.23.140.1.2.1", "");

    private String openssl;

    private String run(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(openssl);
        cmd.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "openssl timed out");
        assertEquals(0, p.exitValue(), () -> String.join(" ", cmd) + " failed:\n" + out);
        return out;
    }

    private String[] keyArgs(String kind) {
        switch (kind) {
            case "rsa":
                return new String[] {"-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"};
            case "rsa-pss":
                return new String[] {"-algorithm", "RSA-PSS", "-pkeyopt", "rsa_keygen_bits:2048"};
            case "p256":
                return new String[] {"-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"};
            case "p384":
                return new String[] {"-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384"};
            default:
                return new String[] {"-algorithm", "ED25519"};
        }
    }

    private List<String> digest(String kind) {
        switch (kind) {
            case "p384":
                return List.of("-sha384");
            case "ed25519":
                return List.of();
            default:
                return List.of("-sha256");
        }
    }

    private void genkey(String kind, String name) throws Exception {
        List<String> a = new ArrayList<>(List.of("genpkey"));
        a.addAll(Arrays.asList(keyArgs(kind)));
        a.addAll(List.of("-out", name + ".key"));
        run(a.toArray(new String[0]));
    }

    /** root → intermediate → leaf, all with keys of {@code kind}. */
    private void makeChain(String kind) throws Exception {
        Files.writeString(dir.resolve("o.cnf"), CNF);
        genkey(kind, "root");
        genkey(kind, "inter");
        genkey(kind, "leaf");
        List<String> a = new ArrayList<>(List.of("req", "-x509", "-new", "-config", "o.cnf", "-extensions", "v3_ca",
                "-key", "root.key", "-subj", "/C=XX/O=tls4j openssl test/CN=Root " + kind, "-days", "30",
                "-set_serial", "1", "-out", "root.pem"));
        a.addAll(digest(kind));
        run(a.toArray(new String[0]));
        issue(kind, "inter", "/O=tls4j openssl test/CN=Intermediate " + kind, "root", "v3_ca", "2");
        issue(kind, "leaf", "/CN=leaf.example.com", "inter", "v3_leaf", "3");
    }

    private void issue(String kind, String name, String subj, String ca, String ext, String serial) throws Exception {
        run("req", "-new", "-config", "o.cnf", "-key", name + ".key", "-subj", subj, "-out", name + ".csr");
        List<String> a = new ArrayList<>(List.of("x509", "-req", "-in", name + ".csr", "-CA", ca + ".pem", "-CAkey",
                ca + ".key", "-set_serial", serial, "-days", "30", "-extfile", "o.cnf", "-extensions", ext, "-out", name + ".pem"));
        a.addAll(digest(kind));
        run(a.toArray(new String[0]));
    }

    private Certificate load(String name) throws Exception {
        List<Certificate> l = Pem.certificates(dir.resolve(name).toFile());
        assertEquals(1, l.size());
        return l.get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa", "rsa-pss", "p256", "p384", "ed25519"})
    void opensslChainParsesAndValidates(String kind) throws Exception {
        openssl = Peers.require("openssl", "openssl").getPath();
        makeChain(kind);
        Certificate root = load("root.pem");
        Certificate inter = load("inter.pem");
        Certificate leaf = load("leaf.pem");

        // Every field openssl wrote comes back.
        assertEquals("CN=leaf.example.com", leaf.subject().toString());
        assertEquals("CN=Intermediate " + kind + ",O=tls4j openssl test", inter.subject().toString());
        assertEquals(3, leaf.serialNumber().intValue());
        assertTrue(inter.isCa() && root.isCa() && !leaf.isCa() && leaf.hasBasicConstraints());
        assertEquals(KeyUsage.DIGITAL_SIGNATURE | KeyUsage.KEY_ENCIPHERMENT, leaf.keyUsage());
        assertTrue(leaf.permitsKeyUsage(KeyUsage.DIGITAL_SIGNATURE) && !leaf.permitsKeyUsage(KeyUsage.KEY_AGREEMENT));
        assertEquals(List.of(X509Oids.KP_SERVER_AUTH, X509Oids.KP_CLIENT_AUTH), leaf.extendedKeyUsage());
        assertEquals("[DNS:leaf.example.com, DNS:*.wild.example.com, IP:127.0.0.1, IP:0:0:0:0:0:0:0:1, email:a@example.com, "
                + "URI:https://example.com/]", leaf.subjectAltNames().toString());
        assertTrue(Arrays.equals(inter.subjectKeyId(), leaf.authorityKeyId()));
        assertEquals(2, leaf.authorityInfoAccess().size());
        assertEquals("http://ocsp.example.com/", leaf.authorityInfoAccess().get(0).location().text());
        assertTrue(leaf.unknownCriticalExtensions().isEmpty());
        assertEquals(30 * 86400L, leaf.notAfter() - leaf.notBefore());
        System.out.println(kind + ": " + leaf + "\n  issuer key " + inter.publicKey() + ", signature " + leaf.signatureAlgorithm());

        // The private keys openssl wrote (PKCS#8) parse too.
        PrivateKeyData k = PrivateKeyData.fromPem(Files.readString(dir.resolve("leaf.key")));
        assertEquals(expectedKeyType(kind), k.type().name());
        assertEquals(expectedKeyType(kind), leaf.publicKey().type().name());
        k.destroy();

        ValidationPolicy p = ValidationPolicy.defaults().withClock(Clock.systemUTC());
        for (VerifierFactory v : verifierFactories(kind)) {
            PathValidator pv = new PathValidator(List.of(root), v);
            List<Certificate> path = pv.validate(List.of(leaf, inter), p.withHostname("leaf.example.com"));
            assertEquals(List.of(leaf, inter, root), path);
            pv.validate(List.of(leaf, inter), p.withHostname("x.wild.example.com"));
            pv.validate(List.of(leaf, inter), p.withHostname("[::1]"));
            pv.validate(List.of(leaf, inter), p.withHostname("127.0.0.1").withPurpose(Purpose.CLIENT_AUTH));
        }
    }

    private static String expectedKeyType(String kind) {
        switch (kind) {
            case "rsa":
                return "RSA";
            case "rsa-pss":
                return "RSA_PSS";
            case "p256":
                return "EC_P256";
            case "p384":
                return "EC_P384";
            default:
                return "ED25519";
        }
    }

    /** tls4j's verifiers, and the JCA as an independent second opinion. */
    static List<VerifierFactory> verifierFactories(String kind) {
        return List.of(DefaultVerifiers.INSTANCE, JcaOracle.VERIFIERS);
    }

    @Test
    void tls4jChainsPassOpensslVerify() throws Exception {
        openssl = Peers.require("openssl", "openssl").getPath();
        long now = System.currentTimeMillis() / 1000;
        TestPki pki = new TestPki(HmacDrbg.fromSystem(), now - 3600, now + 7 * 86400);
        // EC P-256 root, P-384 intermediate, P-256 leaf.
        TestPki.Authority root = pki.root("tls4j EC Root", pki.generate(TestPki.KeyKind.EC_P256));
        TestPki.Authority ca = root.intermediate("tls4j EC CA", pki.generate(TestPki.KeyKind.EC_P384));
        TestPki.Key leafKey = pki.generate(TestPki.KeyKind.EC_P256);
        Certificate leaf = ca.serverLeaf(leafKey, "localhost", "127.0.0.1");
        opensslVerify(root.certificate(), ca.certificate(), leaf, "localhost");
        // The private key PEM tls4j writes is accepted by openssl and matches the certificate.
        Files.writeString(dir.resolve("leaf.key"), leafKey.privateKeyPem());
        String pub = run("pkey", "-in", "leaf.key", "-pubout");
        assertEquals(leaf.publicKey(), org.tls4j.crypto.pem.PublicKeys.fromPem(pub));

        // RSA (key made by openssl, loaded through tls4j's PKCS#8 parser): PKCS#1 v1.5 root, PSS leaf.
        run("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "rsa.key");
        TestPki.Key rsa = TestPki.Key.fromPem(Files.readString(dir.resolve("rsa.key")));
        TestPki.Authority rsaRoot = pki.root("tls4j RSA Root", rsa, SignatureAlgorithm.RSA_PKCS1_SHA256);
        TestPki.Authority pssRoot = pki.authority(rsaRoot.certificate(), rsa, SignatureAlgorithm.RSA_PSS_SHA256);
        Certificate pssLeaf = pssRoot.serverLeaf(pki.generate(TestPki.KeyKind.EC_P256), "pss.example");
        assertEquals(SignatureAlgorithm.RSA_PSS_SHA256, pssLeaf.signatureAlgorithm());
        opensslVerify(rsaRoot.certificate(), null, pssLeaf, "pss.example");

        // Ed25519 root and Ed448 intermediate over an Ed25519 leaf; the Ed25519 key PEM goes back through openssl.
        TestPki.Authority edRoot = pki.root("tls4j Ed25519 Root", pki.generate(TestPki.KeyKind.ED25519));
        TestPki.Authority edCa = edRoot.intermediate("tls4j Ed448 CA", pki.generate(TestPki.KeyKind.ED448));
        TestPki.Key edLeafKey = pki.generate(TestPki.KeyKind.ED25519);
        Certificate edLeaf = edCa.serverLeaf(edLeafKey, "ed.example");
        opensslVerify(edRoot.certificate(), edCa.certificate(), edLeaf, "ed.example");
        Files.writeString(dir.resolve("ed.key"), edLeafKey.privateKeyPem());
        assertEquals(edLeaf.publicKey(), org.tls4j.crypto.pem.PublicKeys.fromPem(run("pkey", "-in", "ed.key", "-pubout")));
        new PathValidator(List.of(edRoot.certificate()), DefaultVerifiers.INSTANCE)
                .validate(List.of(edLeaf, edCa.certificate()), ValidationPolicy.defaults().withHostname("ed.example"));
        // And tls4j validates what it built.
        new PathValidator(List.of(root.certificate()), DefaultVerifiers.INSTANCE)
                .validate(List.of(leaf, ca.certificate()), ValidationPolicy.defaults().withHostname("127.0.0.1"));
        new PathValidator(List.of(rsaRoot.certificate()), DefaultVerifiers.INSTANCE)
                .validate(List.of(pssLeaf), ValidationPolicy.defaults().withHostname("pss.example"));
    }

    private void opensslVerify(Certificate root, Certificate inter, Certificate leaf, String host) throws Exception {
        Files.writeString(dir.resolve("t-root.pem"), TestPki.chainPem(root));
        Files.writeString(dir.resolve("t-leaf.pem"), TestPki.chainPem(leaf));
        List<String> a = new ArrayList<>(List.of("verify", "-x509_strict", "-purpose", "sslserver", "-verify_hostname", host,
                "-CAfile", "t-root.pem"));
        if (inter != null) {
            Files.writeString(dir.resolve("t-inter.pem"), TestPki.chainPem(inter));
            a.addAll(List.of("-untrusted", "t-inter.pem"));
        }
        a.add("t-leaf.pem");
        String out = run(a.toArray(new String[0]));
        assertTrue(out.contains("t-leaf.pem: OK"), out);
        System.out.println("openssl verify: " + out.trim());
    }
}
