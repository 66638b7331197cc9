package org.tls4j.bench.tls;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.tls4j.crypto.pem.Pem;
import org.tls4j.crypto.rand.HmacDrbg;
import org.tls4j.crypto.x509.Certificate;
import org.tls4j.crypto.x509.SignatureAlgorithm;
import org.tls4j.crypto.x509.TestPki;

/**
 * The two server identities every peer uses: an ECDSA P-256 leaf under a P-256 root (ECDSA-SHA256),
 * and an RSA-2048 leaf under an RSA-2048 root that signs with RSASSA-PSS SHA-256 (so that every
 * signature in the RSA handshakes is rsa_pss_rsae_sha256, which every peer offers). Same DER bytes and
 * same private keys for all implementations. Host name "localhost".
 */
final class Pki {
    static final String HOST = "localhost";

    /** One identity. */
    static final class Identity {
        final TestPki.Key key;
        final List<Certificate> chain; // leaf, root
        final Certificate root;
        final byte[] pkcs8;           // the leaf's private key, PKCS#8 DER
        final String jcaAlgorithm;    // "EC" or "RSA"

        Identity(TestPki.Key key, Certificate leaf, Certificate root, byte[] pkcs8, String jcaAlgorithm) {
            this.key = key;
            this.chain = Arrays.asList(leaf, root);
            this.root = root;
            this.pkcs8 = pkcs8;
            this.jcaAlgorithm = jcaAlgorithm;
        }

        byte[] leafDer() {
            return chain.get(0).encoded();
        }

        byte[] rootDer() {
            return root.encoded();
        }

        X509Certificate[] jcaChain(java.security.Provider p) throws Exception {
            CertificateFactory cf = p == null ? CertificateFactory.getInstance("X.509") : CertificateFactory.getInstance("X.509", p);
            X509Certificate[] out = new X509Certificate[chain.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = (X509Certificate) cf.generateCertificate(new java.io.ByteArrayInputStream(chain.get(i).encoded()));
            }
            return out;
        }

        PrivateKey jcaKey(java.security.Provider p) throws Exception {
            KeyFactory kf = p == null ? KeyFactory.getInstance(jcaAlgorithm) : KeyFactory.getInstance(jcaAlgorithm, p);
            return kf.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        }
    }

    final Identity ec;
    final Identity rsa;

    Pki() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        TestPki pki = new TestPki(HmacDrbg.fromSystem(), now - 3600, now + 7 * 86400);

        TestPki.Key ecRootKey = pki.generate(TestPki.KeyKind.EC_P256);
        TestPki.Authority ecRoot = pki.root("bench EC root", ecRootKey);
        TestPki.Key ecKey = pki.generate(TestPki.KeyKind.EC_P256);
        ec = new Identity(ecKey, ecRoot.serverLeaf(ecKey, HOST), ecRoot.certificate(),
                Pem.decode(ecKey.privateKeyPem()).get(0).data(), "EC");

        // RSA key generation by the JDK (fast); the keys enter tls4j as PKCS#8 PEM.
        TestPki.Key rsaRootKey = rsaKey();
        TestPki.Authority rsaRoot = pki.root("bench RSA root", rsaRootKey, SignatureAlgorithm.RSA_PSS_SHA256);
        TestPki.Key rsaKey = rsaKey();
        rsa = new Identity(rsaKey, rsaRoot.serverLeaf(rsaKey, HOST), rsaRoot.certificate(),
                Pem.decode(rsaKey.privateKeyPem()).get(0).data(), "RSA");
    }

    Identity of(Scenario s) {
        return s.key == Scenario.Key.EC ? ec : rsa;
    }

    private static TestPki.Key rsaKey() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair kp = g.generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(kp.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        return TestPki.Key.fromPem(pem);
    }
}
