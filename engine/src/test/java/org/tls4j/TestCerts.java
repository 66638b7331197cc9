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

    static CertifiedKey leaf(TestPki.KeyKind kind, String... names) {
        try {
            TestPki.Key key = PKI.generate(kind);
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
