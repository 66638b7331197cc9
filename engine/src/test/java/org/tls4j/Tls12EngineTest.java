package org.tls4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tls4j.crypto.dh.FfdheGroup;
import org.tls4j.crypto.x509.TestPki;
import org.tls4j.handshake.CipherSuite;
import org.tls4j.handshake.ExtensionType;
import org.tls4j.handshake.HandshakeMessage;
import org.tls4j.handshake.NamedGroup;
import org.tls4j.handshake.ext.Extension;
import org.tls4j.handshake.ext.ExtensionContext;
import org.tls4j.handshake.msg.ServerHello;
import org.tls4j.handshake.tls12.Tls12Config;
import org.tls4j.handshake.tls13.ClientAuth;
import org.tls4j.handshake.tls13.TlsListener;
import org.tls4j.record.AlertDescription;
import org.tls4j.record.ProtocolVersion;

/**
 * TLS 1.0-1.2 through the engine, in memory: every key exchange x suite family x version (with and
 * without client certificates), extended master secret required vs absent, encrypt-then-MAC on and off,
 * version negotiation across TLS 1.0-1.3, and the negative cases, each asserting the alert: bad Finished,
 * bad ServerKeyExchange signature, invalid curve point, tiny DH group, version rollback (downgrade
 * sentinel), fallback SCSV, renegotiation attempts, and a wrong-version RSA premaster (the same alert as
 * any other premaster failure).
 */
class Tls12EngineTest {
    private static final byte[] DATA = "tls 1.2 application data".getBytes(StandardCharsets.US_ASCII);

    static Stream<Arguments> matrix() {
        List<Arguments> out = new ArrayList<>();
        Object[][] suites = {
            // suite, server key, group (null: default), lowest version
            {CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, TestPki.KeyKind.EC_P256, NamedGroup.X25519, ProtocolVersion.TLS12},
            {CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, TestPki.KeyKind.EC_P384, NamedGroup.SECP384R1, ProtocolVersion.TLS12},
            {CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, TestPki.KeyKind.ED25519, NamedGroup.X448, ProtocolVersion.TLS12},
            {CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CCM, TestPki.KeyKind.EC_P521, NamedGroup.SECP521R1, ProtocolVersion.TLS12},
            {CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384, TestPki.KeyKind.EC_P256, NamedGroup.SECP256R1, ProtocolVersion.TLS12},
            {CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA, TestPki.KeyKind.EC_P256, NamedGroup.SECP256R1, ProtocolVersion.TLS10},
            {CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, TestPki.KeyKind.RSA_2048, NamedGroup.X25519, ProtocolVersion.TLS12},
            {CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256, TestPki.KeyKind.RSA_2048, NamedGroup.SECP256R1, ProtocolVersion.TLS12},
            {CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA, TestPki.KeyKind.RSA_2048, NamedGroup.X25519, ProtocolVersion.TLS10},
            {CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256, TestPki.KeyKind.RSA_2048, NamedGroup.FFDHE2048, ProtocolVersion.TLS12},
            {CipherSuite.TLS_DHE_RSA_WITH_AES_256_CBC_SHA256, TestPki.KeyKind.RSA_2048, NamedGroup.FFDHE3072, ProtocolVersion.TLS12},
            {CipherSuite.TLS_DHE_RSA_WITH_AES_128_CBC_SHA, TestPki.KeyKind.RSA_2048, NamedGroup.FFDHE2048, ProtocolVersion.TLS10},
            {CipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384, TestPki.KeyKind.RSA_2048, null, ProtocolVersion.TLS12},
            {CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA256, TestPki.KeyKind.RSA_2048, null, ProtocolVersion.TLS12},
            {CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA, TestPki.KeyKind.RSA_2048, null, ProtocolVersion.TLS10},
        };
        ProtocolVersion[] versions = {ProtocolVersion.TLS12, ProtocolVersion.TLS11, ProtocolVersion.TLS10};
        int i = 0;
        for (Object[] s : suites) {
            for (ProtocolVersion v : versions) {
                if (!v.atLeast((ProtocolVersion) s[3])) {
                    continue;
                }
                // Client certificates on every other case, alternating EC and RSA client keys.
                TestPki.KeyKind clientKey = i % 2 == 0 ? null : i % 4 == 1 ? TestPki.KeyKind.EC_P256 : TestPki.KeyKind.RSA_2048;
                out.add(Arguments.of(s[0], s[1], s[2], v, clientKey));
                i++;
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{3} {0} server {1} group {2} client cert {4}")
    @MethodSource("matrix")
    void handshakeAndData(CipherSuite suite, TestPki.KeyKind serverKey, NamedGroup group, ProtocolVersion v,
            TestPki.KeyKind clientKey) throws Exception {
        TlsConfig.Builder cb = TestCerts.client().versions(v).tls12CipherSuites(suite);
        TlsConfig.Builder sb = TestCerts.server(serverKey).versions(v).tls12CipherSuites(suite);
        if (group != null) {
            cb.groups(group);
            sb.groups(group);
        }
        if (clientKey != null) {
            cb.certificate(TlsEngineClientAuthTest.clientChain(TestCerts.ROOT, clientKey));
            sb.trustAnchors(TestCerts.anchors()).clientAuth(ClientAuth.REQUIRED);
        }
        EnginePair p = ok(cb.build(), sb.build());
        for (TlsSession s : new TlsSession[] {p.client.session(), p.server.session()}) {
            assertEquals(v, s.version());
            assertEquals(suite, s.cipherSuite());
            if (group != null) {
                assertEquals(group, s.group());
            }
        }
        assertEquals(clientKey == null ? 0 : 2, p.server.session().peerCertificates().size());
        assertEquals(2, p.client.session().peerCertificates().size());
        assertArrayEquals(DATA, p.transfer(p.client, p.server, DATA));
        assertArrayEquals(DATA, p.transfer(p.server, p.client, DATA));
        byte[] big = new byte[40000];
        new Random(1).nextBytes(big);
        assertArrayEquals(big, p.transfer(p.client, p.server, big));
        // RFC 5705 exporter: both ends agree.
        assertArrayEquals(p.client.exportKeyingMaterial("EXPERIMENTAL test", new byte[] {1}, 32),
                p.server.exportKeyingMaterial("EXPERIMENTAL test", new byte[] {1}, 32));
    }

    private static EnginePair ok(TlsConfig c, TlsConfig s) {
        EnginePair p = new EnginePair(c, s);
        assertTrue(p.handshake(), () -> "client: " + p.clientFailure + " server: " + p.serverFailure);
        return p;
    }

    /** The side {@code detector} raises {@code alert}; the other side receives it. */
    private static EnginePair fails(TlsConfig c, TlsConfig s, boolean serverDetects, AlertDescription alert) {
        EnginePair p = new EnginePair(c, s);
        assertFalse(p.handshake());
        TlsException mine = serverDetects ? p.serverFailure : p.clientFailure;
        TlsException theirs = serverDetects ? p.clientFailure : p.serverFailure;
        assertNotNull(mine, "the detecting side failed");
        assertEquals(alert, mine.alert(), mine.getMessage());
        assertFalse(mine.isAlertReceived(), mine.getMessage());
        assertNotNull(theirs, "the other side saw the alert");
        assertTrue(theirs.isAlertReceived(), theirs.getMessage());
        assertEquals(alert, theirs.alert());
        return p;
    }

    private static TlsConfig.Builder client12() {
        return TestCerts.client().versions(ProtocolVersion.TLS12);
    }

    private static TlsConfig.Builder server12() {
        return TestCerts.server(TestPki.KeyKind.EC_P256).versions(ProtocolVersion.TLS12);
    }

    // ---- version negotiation

    @Test
    void defaultsNegotiateTls13AndTls12OnlyPeersMeetAtTls12() throws Exception {
        assertEquals(ProtocolVersion.TLS13, ok(TestCerts.client().build(),
                TestCerts.server(TestPki.KeyKind.EC_P256).build()).client.session().version());
        EnginePair p = ok(TestCerts.client().build(), server12().build());
        assertEquals(ProtocolVersion.TLS12, p.client.session().version());
        assertEquals(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, p.client.session().cipherSuite());
        // A TLS 1.2-only client against a 1.3-capable server: the server writes the TLS 1.2 downgrade
        // sentinel, which a client that did not offer TLS 1.3 accepts.
        assertEquals(ProtocolVersion.TLS12, ok(client12().build(), TestCerts.server(TestPki.KeyKind.EC_P256).build())
                .server.session().version());
    }

    @Test
    void theHighestCommonVersionWins() throws Exception {
        TlsConfig c = TestCerts.client().versions(ProtocolVersion.TLS12, ProtocolVersion.TLS11, ProtocolVersion.TLS10).build();
        assertEquals(ProtocolVersion.TLS11, ok(c, TestCerts.server(TestPki.KeyKind.EC_P256)
                .versions(ProtocolVersion.TLS11, ProtocolVersion.TLS10).build()).client.session().version());
        TlsConfig all = TestCerts.client().versions(ProtocolVersion.TLS13, ProtocolVersion.TLS12, ProtocolVersion.TLS11,
                ProtocolVersion.TLS10).build();
        assertEquals(ProtocolVersion.TLS10, ok(all, TestCerts.server(TestPki.KeyKind.EC_P256)
                .versions(ProtocolVersion.TLS10).build()).client.session().version());
    }

    @Test
    void aVersionTheConfigurationForbidsIsProtocolVersion() {
        fails(TestCerts.client().versions(ProtocolVersion.TLS10).build(), server12().build(), true,
                AlertDescription.PROTOCOL_VERSION);
        fails(client12().build(), TestCerts.server(TestPki.KeyKind.EC_P256).versions(ProtocolVersion.TLS13).build(), true,
                AlertDescription.PROTOCOL_VERSION);
        fails(TestCerts.client().versions(ProtocolVersion.TLS13).build(), server12().build(), true,
                AlertDescription.PROTOCOL_VERSION);
    }

    /**
     * Version rollback: a man in the middle strips supported_versions so that a TLS 1.3-capable server
     * picks TLS 1.2; the server's random carries the downgrade sentinel and the client, which offered
     * TLS 1.3, refuses with illegal_parameter (RFC 8446, Section 4.1.3).
     */
    @Test
    void downgradeSentinelStopsAVersionRollback() {
        TlsConfig c = TestCerts.client().extensionsHook((where, ext) -> without(ext, ExtensionType.SUPPORTED_VERSIONS)).build();
        fails(c, TestCerts.server(TestPki.KeyKind.EC_P256).build(), false, AlertDescription.ILLEGAL_PARAMETER);
    }

    /** RFC 7507: a fallback retry below the server's highest version is inappropriate_fallback. */
    @Test
    void fallbackScsvBelowTheServersHighestIsRefused() {
        TlsConfig c = TestCerts.client().versions(ProtocolVersion.TLS11).fallbackScsv(true).build();
        fails(c, TestCerts.server(TestPki.KeyKind.EC_P256).versions(ProtocolVersion.TLS12, ProtocolVersion.TLS11).build(),
                true, AlertDescription.INAPPROPRIATE_FALLBACK);
        // A TLS 1.2 retry to a server that speaks TLS 1.3 (RFC 7507 with RFC 8446, Section 4.2.1).
        fails(client12().fallbackScsv(true).build(), TestCerts.server(TestPki.KeyKind.EC_P256).build(), true,
                AlertDescription.INAPPROPRIATE_FALLBACK);
        // At the server's highest version the SCSV is harmless.
        assertEquals(ProtocolVersion.TLS12, ok(client12().fallbackScsv(true).build(), server12().build())
                .server.session().version());
    }

    // ---- extensions

    @Test
    void extendedMasterSecretRequiredByDefaultBothWays() throws Exception {
        TlsConfig noEms = client12().requireExtendedMasterSecret(false)
                .extensionsHook((where, ext) -> without(ext, ExtensionType.EXTENDED_MASTER_SECRET)).build();
        fails(noEms, server12().build(), true, AlertDescription.HANDSHAKE_FAILURE);
        // A server that allows its absence completes with the RFC 5246 master secret.
        EnginePair p = ok(noEms, server12().requireExtendedMasterSecret(false).build());
        assertArrayEquals(DATA, p.transfer(p.client, p.server, DATA));
        // A server that does not echo it: refused by the default client, accepted by a permissive one.
        Tls12Config.Hooks dropEms = new Tls12Config.Hooks() {
            @Override
            public List<Extension> serverHelloExtensions(List<Extension> ext) {
                return without(ext, ExtensionType.EXTENDED_MASTER_SECRET);
            }
        };
        fails(client12().build(), server12().tls12Hooks(dropEms).build(), false, AlertDescription.HANDSHAKE_FAILURE);
        ok(client12().requireExtendedMasterSecret(false).build(), server12().tls12Hooks(dropEms).build());
    }

    @Test
    void encryptThenMacOnAndOff() throws Exception {
        for (boolean clientEtm : new boolean[] {true, false}) {
            for (boolean serverEtm : new boolean[] {true, false}) {
                List<ServerHello> seen = new ArrayList<>();
                TlsListener l = new TlsListener() {
                    @Override
                    public void onHandshakeMessage(boolean sent, HandshakeMessage m) {
                        if (m instanceof ServerHello) {
                            seen.add((ServerHello) m);
                        }
                    }
                };
                TlsConfig c = client12().encryptThenMac(clientEtm).listener(l)
                        .tls12CipherSuites(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256).build();
                TlsConfig s = server12().encryptThenMac(serverEtm)
                        .tls12CipherSuites(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256).build();
                EnginePair p = ok(c, s);
                assertArrayEquals(DATA, p.transfer(p.client, p.server, DATA));
                assertEquals(1, seen.size());
                assertEquals(clientEtm && serverEtm, seen.get(0).extensions.contains(ExtensionType.ENCRYPT_THEN_MAC),
                        "EtM negotiated with client " + clientEtm + " server " + serverEtm);
            }
        }
        // Never with an AEAD suite (RFC 7366, Section 3).
        List<ServerHello> seen = new ArrayList<>();
        ok(client12().listener(new TlsListener() {
            @Override
            public void onHandshakeMessage(boolean sent, HandshakeMessage m) {
                if (m instanceof ServerHello) {
                    seen.add((ServerHello) m);
                }
            }
        }).build(), server12().build());
        assertFalse(seen.get(0).extensions.contains(ExtensionType.ENCRYPT_THEN_MAC));
    }

    @Test
    void alpnAndSni() throws Exception {
        EnginePair p = ok(client12().alpnProtocols("h2", "http/1.1").build(), server12().alpnProtocols("http/1.1").build());
        assertEquals("http/1.1", p.client.session().applicationProtocol());
        assertEquals("http/1.1", p.server.session().applicationProtocol());
        assertEquals("localhost", p.server.session().serverName());
        fails(client12().alpnProtocols("h2").build(), server12().alpnProtocols("http/1.1").build(), true,
                AlertDescription.NO_APPLICATION_PROTOCOL);
    }

    @Test
    void keyLogGetsTheMasterSecretAsClientRandom() throws Exception {
        List<String> labels = new ArrayList<>();
        List<byte[]> secrets = new ArrayList<>();
        TlsListener l = new TlsListener() {
            @Override
            public void onSecret(String label, byte[] clientRandom, byte[] secret) {
                labels.add(label);
                secrets.add(secret);
                assertEquals(32, clientRandom.length);
            }
        };
        ok(client12().listener(l).build(), server12().listener(l).build());
        assertEquals(List.of(TlsListener.CLIENT_RANDOM, TlsListener.CLIENT_RANDOM), labels);
        assertEquals(48, secrets.get(0).length);
        assertArrayEquals(secrets.get(0), secrets.get(1));
    }

    @Test
    void clientAuthPolicies() throws Exception {
        TlsConfig.Builder s = server12().trustAnchors(TestCerts.anchors());
        // Required without a certificate: handshake_failure (RFC 5246, Section 7.4.6).
        fails(client12().build(), s.clientAuth(ClientAuth.REQUIRED).build(), true, AlertDescription.HANDSHAKE_FAILURE);
        EnginePair p = ok(client12().build(), server12().trustAnchors(TestCerts.anchors()).clientAuth(ClientAuth.OPTIONAL).build());
        assertTrue(p.server.session().peerCertificates().isEmpty());
        // A client signature that does not verify: decrypt_error.
        TlsConfig bad = client12().certificate(TlsEngineClientAuthTest.clientChain(TestCerts.ROOT, TestPki.KeyKind.EC_P256))
                .certificateVerifyHook(sig -> flip(sig, 10)).build();
        fails(bad, server12().trustAnchors(TestCerts.anchors()).clientAuth(ClientAuth.REQUIRED).build(), true,
                AlertDescription.DECRYPT_ERROR);
    }

    // ---- negative cases

    @Test
    void badFinishedIsDecryptError() {
        Tls12Config.Hooks badFinished = new Tls12Config.Hooks() {
            @Override
            public byte[] finished(byte[] verifyData) {
                return flip(verifyData, 0);
            }
        };
        fails(client12().tls12Hooks(badFinished).build(), server12().build(), true, AlertDescription.DECRYPT_ERROR);
        fails(client12().build(), server12().tls12Hooks(badFinished).build(), false, AlertDescription.DECRYPT_ERROR);
    }

    @Test
    void badServerKeyExchangeSignatureIsDecryptError() {
        Tls12Config.Hooks badSig = new Tls12Config.Hooks() {
            @Override
            public byte[] serverKeyExchangeSignature(byte[] signature) {
                return flip(signature, signature.length / 2);
            }
        };
        fails(client12().build(), server12().tls12Hooks(badSig).build(), false, AlertDescription.DECRYPT_ERROR);
        fails(client12().build(), TestCerts.server(TestPki.KeyKind.RSA_2048).versions(ProtocolVersion.TLS12)
                .tls12CipherSuites(CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256).tls12Hooks(badSig).build(), false,
                AlertDescription.DECRYPT_ERROR);
        // TLS 1.0's MD5+SHA-1 RSA form too.
        fails(TestCerts.client().versions(ProtocolVersion.TLS10).build(), TestCerts.server(TestPki.KeyKind.RSA_2048)
                .versions(ProtocolVersion.TLS10).tls12CipherSuites(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA)
                .tls12Hooks(badSig).build(), false, AlertDescription.DECRYPT_ERROR);
    }

    /** A P-256 point that is not on the curve (y changed): illegal_parameter, both directions. */
    @Test
    void invalidCurvePointIsIllegalParameter() {
        Tls12Config.Hooks offCurve = new Tls12Config.Hooks() {
            @Override
            public byte[] keyExchangePublic(byte[] p) {
                return flip(p, p.length - 1);
            }
        };
        TlsConfig.Builder c = client12().groups(NamedGroup.SECP256R1);
        TlsConfig.Builder s = server12().groups(NamedGroup.SECP256R1);
        fails(c.build(), s.tls12Hooks(offCurve).build(), false, AlertDescription.ILLEGAL_PARAMETER);
        fails(client12().groups(NamedGroup.SECP256R1).tls12Hooks(offCurve).build(),
                server12().groups(NamedGroup.SECP256R1).build(), true, AlertDescription.ILLEGAL_PARAMETER);
        // An x25519 point of the wrong length.
        Tls12Config.Hooks shortPoint = new Tls12Config.Hooks() {
            @Override
            public byte[] keyExchangePublic(byte[] p) {
                return Arrays.copyOf(p, p.length - 1);
            }
        };
        fails(client12().build(), server12().tls12Hooks(shortPoint).build(), false, AlertDescription.ILLEGAL_PARAMETER);
    }

    /** A server-chosen 1024-bit DH group: insufficient_security from a client with the default minimum (2048). */
    @Test
    void tinyDhGroupIsInsufficientSecurity() throws Exception {
        BigInteger p = BigInteger.probablePrime(1024, new Random(42));
        FfdheGroup tiny = FfdheGroup.custom(p.toByteArray(), new byte[] {2}, 512, 8192);
        TlsConfig.Builder s = TestCerts.server(TestPki.KeyKind.RSA_2048).versions(ProtocolVersion.TLS12)
                .tls12CipherSuites(CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256).tls12DhGroup(tiny);
        // The client names no FFDHE group, so the server uses its own group (RFC 7919, Section 4).
        TlsConfig.Builder c = client12().groups(NamedGroup.X25519);
        fails(c.build(), s.build(), false, AlertDescription.INSUFFICIENT_SECURITY);
        // A client that lowers its minimum accepts it (the handshake then really uses the 1024-bit group).
        EnginePair ok = ok(client12().groups(NamedGroup.X25519).minDhBits(1024).build(), s.build());
        assertNull(ok.client.session().group());
    }

    /**
     * RSA key transport: a premaster with the wrong version, of the wrong length, or a ciphertext that
     * does not decrypt all take the same path (RFC 5246, Section 7.4.7.1): the server continues with a
     * random premaster, and the client's Finished then fails to decrypt, bad_record_mac every time.
     */
    @Test
    void wrongRsaPremasterFailsLikeEveryOtherRsaFailure() {
        List<Tls12Config.Hooks> bad = List.of(new Tls12Config.Hooks() {
            @Override
            public byte[] rsaPremaster(byte[] pms) {
                byte[] b = pms.clone();
                b[1] = 1; // TLS 1.0 instead of the offered version
                return b;
            }
        }, new Tls12Config.Hooks() {
            @Override
            public byte[] rsaPremaster(byte[] pms) {
                return Arrays.copyOf(pms, 47);
            }
        }, new Tls12Config.Hooks() {
            @Override
            public byte[] rsaPremaster(byte[] pms) {
                return new byte[0];
            }
        });
        for (Tls12Config.Hooks h : bad) {
            TlsConfig c = client12().tls12CipherSuites(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256).tls12Hooks(h).build();
            TlsConfig s = TestCerts.server(TestPki.KeyKind.RSA_2048).versions(ProtocolVersion.TLS12)
                    .tls12CipherSuites(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256).build();
            EnginePair p = fails(c, s, true, AlertDescription.BAD_RECORD_MAC);
            assertTrue(p.serverFailure.getMessage().contains("bad_record_mac"), p.serverFailure.getMessage());
        }
    }

    /** Renegotiation is refused: a HelloRequest (to the client) and a ClientHello (to the server) get no_renegotiation. */
    @Test
    void renegotiationIsRefusedWithNoRenegotiation() throws Exception {
        // The initial handshake without RFC 5746 signalling (no renegotiation_info, no SCSV) still completes:
        // it is renegotiation itself that is refused.
        TlsConfig c = client12().extensionsHook((where, ext) -> without(ext, ExtensionType.RENEGOTIATION_INFO)).build();
        EnginePair p = ok(c, server12().build());
        p.server.queueHandshakeForTest(new byte[] {0, 0, 0, 0}); // HelloRequest
        assertNoRenegotiation(p, p.server, p.client);
        EnginePair q = ok(client12().build(), server12().build());
        byte[] hello = org.tls4j.handshake.RawHandshakeMessage.of(new org.tls4j.handshake.msg.ClientHello(ProtocolVersion.TLS12,
                new byte[32], new byte[0], List.of(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256), new byte[] {0},
                new org.tls4j.handshake.ext.Extensions(List.of()))).encoded();
        q.client.queueHandshakeForTest(hello);
        assertNoRenegotiation(q, q.client, q.server);
    }

    /** {@code from}'s queued request reaches {@code to}, which answers with a no_renegotiation warning. */
    private static void assertNoRenegotiation(EnginePair p, TlsEngine from, TlsEngine to) throws Exception {
        ByteBuffer net = ByteBuffer.allocate(1 << 16);
        from.wrap(ByteBuffer.allocate(0), net);
        net.flip();
        to.unwrap(net, ByteBuffer.allocate(1 << 15));
        ByteBuffer back = ByteBuffer.allocate(1 << 16);
        to.wrap(ByteBuffer.allocate(0), back);
        back.flip();
        TlsException e = org.junit.jupiter.api.Assertions.assertThrows(TlsException.class,
                () -> from.unwrap(back, ByteBuffer.allocate(1 << 15)));
        assertTrue(e.isAlertReceived());
        assertEquals(AlertDescription.NO_RENEGOTIATION, e.alert());
        // The refusing side carries on: it still has an open connection.
        assertNull(to.failure());
    }

    /** TLS 1.0 CBC: 1/n-1 record splitting (BEAST) is on by default; TLS 1.1 has explicit IVs and does not split. */
    @Test
    void tls10CbcSplitsTheFirstByte() throws Exception {
        for (ProtocolVersion v : new ProtocolVersion[] {ProtocolVersion.TLS10, ProtocolVersion.TLS11}) {
            EnginePair p = ok(TestCerts.client().versions(v).build(), TestCerts.server(TestPki.KeyKind.EC_P256).versions(v)
                    .tls12CipherSuites(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA).build());
            ByteBuffer net = ByteBuffer.allocate(1 << 16);
            p.client.wrap(ByteBuffer.wrap(DATA), net);
            net.flip();
            int records = 0;
            int firstLength = -1;
            while (net.remaining() >= 5) {
                int len = (net.get(net.position() + 3) & 0xff) << 8 | (net.get(net.position() + 4) & 0xff);
                assertEquals(v.code, (net.get(net.position() + 1) & 0xff) << 8 | (net.get(net.position() + 2) & 0xff));
                if (firstLength < 0) {
                    firstLength = len;
                }
                net.position(net.position() + 5 + len);
                records++;
            }
            assertEquals(v.equals(ProtocolVersion.TLS10) ? 2 : 1, records, v.toString());
            if (v.equals(ProtocolVersion.TLS10)) {
                assertEquals(16 + 20, firstLength, "encrypt-then-MAC (the default): 1 byte padded to one AES block,"
                        + " then the 20-byte HMAC-SHA1");
            }
        }
    }

    /** record_size_limit (RFC 8449) in TLS 1.2: each side writes records of at most the other's limit. */
    @Test
    void recordSizeLimitInTls12() throws Exception {
        EnginePair p = ok(client12().recordSizeLimit(2048).build(), server12().recordSizeLimit(512).build());
        byte[] big = new byte[5000];
        new Random(3).nextBytes(big);
        assertEquals(512, maxRecordPlaintext(p.client, p.server, big), "client to server: the server's limit");
        assertEquals(2048, maxRecordPlaintext(p.server, p.client, big), "server to client: the client's limit");
    }

    /**
     * The largest record plaintext {@code from} writes for {@code data} (AES-128-GCM: 8-byte nonce,
     * 16-byte tag); the records are then delivered to {@code to}, which must read {@code data}.
     */
    private static int maxRecordPlaintext(TlsEngine from, TlsEngine to, byte[] data) throws Exception {
        ByteBuffer net = ByteBuffer.allocate(1 << 16);
        from.wrap(ByteBuffer.wrap(data), net);
        net.flip();
        int max = 0;
        for (int pos = net.position(); pos + 5 <= net.limit(); ) {
            int len = (net.get(pos + 3) & 0xff) << 8 | (net.get(pos + 4) & 0xff);
            max = Math.max(max, len - 8 - 16);
            pos += 5 + len;
        }
        ByteBuffer app = ByteBuffer.allocate(data.length + 1);
        while (net.hasRemaining()) {
            to.unwrap(net, app);
        }
        app.flip();
        byte[] got = new byte[app.remaining()];
        app.get(got);
        assertArrayEquals(data, got);
        return max;
    }

    /**
     * Raccoon needs a DH secret reused across connections; both sides draw a fresh (EC)DHE key for every
     * handshake, so the server's DHE public value differs each time.
     */
    @Test
    void dheKeysAreFreshPerHandshake() throws Exception {
        List<byte[]> ys = new ArrayList<>();
        TlsListener l = new TlsListener() {
            @Override
            public void onHandshakeMessage(boolean sent, HandshakeMessage m) {
                if (m instanceof org.tls4j.handshake.tls12.msg.DheServerKeyExchange) {
                    ys.add(((org.tls4j.handshake.tls12.msg.DheServerKeyExchange) m).ys());
                }
            }
        };
        TlsConfig s = TestCerts.server(TestPki.KeyKind.RSA_2048).versions(ProtocolVersion.TLS12)
                .tls12CipherSuites(CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256).listener(l).build();
        ok(client12().build(), s);
        ok(client12().build(), s);
        assertEquals(2, ys.size());
        assertFalse(Arrays.equals(ys.get(0), ys.get(1)));
    }

    /** The default TLS 1.2 suites: forward secrecy and AEAD first, and no 3DES, RC4, NULL or CCM_8. */
    @Test
    void defaultTls12SuitesHaveNoLegacySuite() {
        List<org.tls4j.handshake.tls12.Suite12> suites = TlsConfig.builder().build().tls12Config().suites();
        assertEquals(org.tls4j.handshake.tls12.Suite12.defaultOrder(false), suites);
        for (org.tls4j.handshake.tls12.Suite12 x : suites) {
            assertFalse(x.legacy, x.toString());
        }
        assertEquals(List.of(ProtocolVersion.TLS12), TlsConfig.builder().build().tls12Config().versions());
    }

    /**
     * A ClientHello with no extensions at all (an old client): with extended master secret not required
     * and RSA key transport it still works (no renegotiation_info, no signature_algorithms to answer).
     */
    @Test
    void clientHelloWithoutExtensions() throws Exception {
        TlsConfig c = client12().requireExtendedMasterSecret(false).tls12CipherSuites(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256)
                .extensionsHook((where, ext) -> List.of()).build();
        TlsConfig s = TestCerts.server(TestPki.KeyKind.RSA_2048).versions(ProtocolVersion.TLS12).requireExtendedMasterSecret(false)
                .build();
        EnginePair p = ok(c, s);
        assertEquals(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256, p.server.session().cipherSuite());
        assertNull(p.server.session().serverName());
        // With the default policy the same client is refused: no extended_master_secret.
        fails(c, TestCerts.server(TestPki.KeyKind.RSA_2048).versions(ProtocolVersion.TLS12).build(), true,
                AlertDescription.HANDSHAKE_FAILURE);
    }

    static List<Extension> without(List<Extension> ext, ExtensionType type) {
        List<Extension> out = new ArrayList<>();
        for (Extension e : ext) {
            if (!e.type().equals(type)) {
                out.add(e);
            }
        }
        return out;
    }

    static byte[] flip(byte[] b, int i) {
        byte[] c = b.clone();
        c[i] ^= 1;
        return c;
    }
}
