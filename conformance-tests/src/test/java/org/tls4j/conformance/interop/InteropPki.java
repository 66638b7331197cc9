package org.tls4j.conformance.interop;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.EnumMap;
import java.util.Map;
import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.pem.Pem;
import org.tls4j.crypto.rand.HmacDrbg;
import org.tls4j.crypto.x509.Certificate;
import org.tls4j.crypto.x509.CertificateBuilder;
import org.tls4j.crypto.x509.GeneralName;
import org.tls4j.crypto.x509.KeyUsage;
import org.tls4j.crypto.x509.PublicKeyInfo;
import org.tls4j.crypto.x509.TestPki;
import org.tls4j.crypto.x509.X509Oids;

/**
 * The certificates every interop test uses, made by tls4j's {@link TestPki} and written as PEM files
 * into a test's temporary directory for the external peers: one ECDSA P-256 root, and one server leaf
 * per key type, each valid for {@code localhost} and {@code 127.0.0.1}.
 *
 * <p>RSA keys are generated with the JDK's KeyPairGenerator (test code only), because tls4j's RSA
 * private keys deliberately do not export their components and the peers need the key as PEM; the
 * certificates themselves are still issued and signed by TestPki. The RSA-PSS leaf carries an
 * id-RSASSA-PSS SubjectPublicKeyInfo, so TLS 1.3 must sign with rsa_pss_pss_* (RFC 8446, Section 4.2.3).
 */
final class InteropPki {
    /** The server key types, and the TLS 1.3 signature scheme each one signs CertificateVerify with. */
    enum LeafKind {
        RSA_2048("rsa_pss_rsae_sha256"),
        RSA_PSS_2048("rsa_pss_pss_sha256"),
        EC_P256("ecdsa_secp256r1_sha256"),
        EC_P384("ecdsa_secp384r1_sha384"),
        EC_P521("ecdsa_secp521r1_sha512"),
        ED25519("ed25519"),
        ED448("ed448");

        final String scheme;

        LeafKind(String scheme) {
            this.scheme = scheme;
        }

        static LeafKind forScheme(String scheme) {
            for (LeafKind k : values()) {
                if (k.scheme.equals(scheme)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("no leaf for " + scheme);
        }
    }

    /** One server identity: the chain and key as tls4j objects and as PEM files. */
    static final class Leaf {
        final LeafKind kind;
        final Certificate certificate;
        final String keyPem;
        final File chainFile;
        final File keyFile;

        Leaf(LeafKind kind, Certificate certificate, String keyPem, File chainFile, File keyFile) {
            this.kind = kind;
            this.certificate = certificate;
            this.keyPem = keyPem;
            this.chainFile = chainFile;
            this.keyFile = keyFile;
        }

        /** The private key as a tls4j key (parsed from the PEM the peers read). */
        TestPki.Key key() throws CryptoException {
            return TestPki.Key.fromPem(keyPem);
        }
    }

    final File dir;
    final Certificate root;
    final File caFile;
    private final TestPki pki;
    private final TestPki.Authority rootCa;
    private final Map<LeafKind, Leaf> leaves = new EnumMap<>(LeafKind.class);

    InteropPki(File dir) throws Exception {
        this.dir = dir;
        long now = System.currentTimeMillis() / 1000;
        this.pki = new TestPki(HmacDrbg.fromSystem(), now - 3600, now + 7 * 86400);
        this.rootCa = pki.root("tls4j Interop Root", pki.generate(TestPki.KeyKind.EC_P256));
        this.root = rootCa.certificate();
        this.caFile = write("ca.pem", TestPki.chainPem(root));
    }

    /** The leaf for {@code kind} with names localhost and 127.0.0.1 (made on first use). */
    synchronized Leaf leaf(LeafKind kind) throws Exception {
        Leaf l = leaves.get(kind);
        if (l == null) {
            l = issue(kind, kind.name().toLowerCase(), "localhost", "127.0.0.1");
            leaves.put(kind, l);
        }
        return l;
    }

    /** A leaf for other names (SNI tests); the file names start with {@code label}. */
    Leaf issue(LeafKind kind, String label, String... names) throws Exception {
        String keyPem;
        PublicKeyInfo pub;
        switch (kind) {
            case RSA_2048:
            case RSA_PSS_2048: {
                KeyPairGenerator g = KeyPairGenerator.getInstance(kind == LeafKind.RSA_2048 ? "RSA" : "RSASSA-PSS");
                g.initialize(new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4));
                KeyPair kp = g.generateKeyPair();
                keyPem = Pem.encode("PRIVATE KEY", kp.getPrivate().getEncoded());
                pub = PublicKeyInfo.parse(kp.getPublic().getEncoded());
                break;
            }
            default: {
                TestPki.KeyKind k = TestPki.KeyKind.valueOf(kind.name());
                TestPki.Key key = pki.generate(k);
                keyPem = key.privateKeyPem();
                pub = key.publicKey();
                key.destroy();
            }
        }
        CertificateBuilder b = pki.builder(names[0], TestPki.Key.fromPem(keyPem)).publicKey(pub)
                .basicConstraints(false, -1)
                .keyUsage(KeyUsage.DIGITAL_SIGNATURE | (kind == LeafKind.RSA_2048 ? KeyUsage.KEY_ENCIPHERMENT : 0))
                .extendedKeyUsage(X509Oids.KP_SERVER_AUTH);
        for (String n : names) {
            b.subjectAltNames(n.matches("[0-9.]+") ? GeneralName.ip(ipv4(n)) : GeneralName.dns(n));
        }
        Certificate cert = rootCa.issue(b);
        File chain = write(label + ".chain.pem", TestPki.chainPem(cert));
        File key = write(label + ".key.pem", keyPem);
        return new Leaf(kind, cert, keyPem, chain, key);
    }

    /**
     * A client certificate (clientAuth, CN {@code cn}) for an EC key of {@code kind} (EC_P256, EC_P384,
     * EC_P521, ED25519 or ED448), issued by the interop root; the file names start with {@code cn}.
     */
    Leaf clientLeaf(LeafKind kind, String cn) throws Exception {
        TestPki.Key key = pki.generate(TestPki.KeyKind.valueOf(kind.name()));
        String keyPem = key.privateKeyPem();
        Certificate cert = rootCa.clientLeaf(key, cn);
        key.destroy();
        File chain = write(cn + ".chain.pem", TestPki.chainPem(cert));
        File keyFile = write(cn + ".key.pem", keyPem);
        return new Leaf(kind, cert, keyPem, chain, keyFile);
    }

    private static byte[] ipv4(String dotted) {
        String[] p = dotted.split("\\.");
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            b[i] = (byte) Integer.parseInt(p[i]);
        }
        return b;
    }

    private File write(String name, String text) throws IOException {
        File f = new File(dir, name);
        Files.write(f.toPath(), text.getBytes(StandardCharsets.US_ASCII));
        return f;
    }
}
