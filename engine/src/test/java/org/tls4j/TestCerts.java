package org.tls4j;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.x509.Certificate;
import org.tls4j.crypto.x509.TestPki;
import org.tls4j.handshake.tls13.CertifiedKey;
import org.tls4j.testing.SeededRandomSource;

/**
 * One test PKI shared by the engine tests: a P-256 root and a leaf per key kind for "localhost".
 * Keys are generated once per JVM (RSA generation takes seconds).
 */
final class TestCerts {
    static final long NOW = 1_760_000_000L;
    static final SeededRandomSource RANDOM = new SeededRandomSource(7);
    static final TestPki PKI = new TestPki(RANDOM, NOW - 86400, NOW + 365 * 86400L);
    static final TestPki.Authority ROOT;
    private static final Map<TestPki.KeyKind, CertifiedKey> LEAVES = new EnumMap<>(TestPki.KeyKind.class);
    private static final Map<TestPki.KeyKind, TestPki.Key> KEYS = new EnumMap<>(TestPki.KeyKind.class);
    private static CertifiedKey rsaPss;

    static {
        try {
            ROOT = PKI.root("tls4j engine test root", PKI.generate(TestPki.KeyKind.EC_P256));
        } catch (CryptoException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private TestCerts() {}

    static List<Certificate> anchors() {
        return Collections.singletonList(ROOT.certificate());
    }

    /** A leaf of this key kind for "localhost" and "example.com", issued by the root. */
    static synchronized CertifiedKey leaf(TestPki.KeyKind kind) {
        return LEAVES.computeIfAbsent(kind, k -> leaf(k, "localhost", "example.com"));
    }

    /** The key of this kind, generated once. */
    static synchronized TestPki.Key key(TestPki.KeyKind kind) {
        return KEYS.computeIfAbsent(kind, k -> {
            try {
                return PKI.generate(k);
            } catch (CryptoException e) {
                throw new AssertionError(e);
            }
        });
    }

    /**
     * A leaf whose public key is an RSASSA-PSS key (RFC 4055 id-RSASSA-PSS, no parameters), for the
     * rsa_pss_pss_* schemes; it reuses the RSA_2048 key (RSA generation is slow).
     */
    static synchronized CertifiedKey rsaPssLeaf() {
        if (rsaPss == null) {
            try {
                TestPki.Key key = key(TestPki.KeyKind.RSA_2048);
                byte[] rsaPublicKey = new org.tls4j.crypto.asn1.DerWriter().sequence()
                        .integer(key.publicKey().modulus()).integer(key.publicKey().exponent()).end().toByteArray();
                byte[] spki = new org.tls4j.crypto.asn1.DerWriter().sequence().sequence()
                        .oid(org.tls4j.crypto.x509.X509Oids.RSASSA_PSS).end().bitString(rsaPublicKey).end().toByteArray();
                org.tls4j.crypto.x509.PublicKeyInfo pss = org.tls4j.crypto.x509.PublicKeyInfo.parse(spki);
                Certificate leaf = ROOT.issue(PKI.builder("localhost", key).publicKey(pss).basicConstraints(false, -1)
                        .keyUsage(org.tls4j.crypto.x509.KeyUsage.DIGITAL_SIGNATURE)
                        .extendedKeyUsage(org.tls4j.crypto.x509.X509Oids.KP_SERVER_AUTH)
                        .subjectAltNames(org.tls4j.crypto.x509.GeneralName.dns("localhost")));
                rsaPss = new CertifiedKey(Arrays.asList(leaf, ROOT.certificate()), key);
            } catch (CryptoException e) {
                throw new AssertionError(e);
            }
        }
        return rsaPss;
    }

    static CertifiedKey leaf(TestPki.KeyKind kind, String... names) {
        try {
            TestPki.Key key = key(kind);
            Certificate leaf = ROOT.serverLeaf(key, names);
            return new CertifiedKey(Arrays.asList(leaf, ROOT.certificate()), key);
        } catch (CryptoException e) {
            throw new AssertionError(e);
        }
    }

    static java.time.Clock clock() {
        return java.time.Clock.fixed(java.time.Instant.ofEpochSecond(NOW), java.time.ZoneOffset.UTC);
    }

    static TlsConfig.Builder client() {
        return TlsConfig.builder().trustAnchors(anchors()).serverName("localhost").clock(clock())
                .randomSource(new SeededRandomSource(11));
    }

    static TlsConfig.Builder server(TestPki.KeyKind kind) {
        return TlsConfig.builder().certificate(leaf(kind)).clock(clock()).randomSource(new SeededRandomSource(13));
    }
}
