package org.tls4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.x509.TestPki;
import org.tls4j.handshake.HandshakeMessage;
import org.tls4j.handshake.ext.CertificateAuthorities;
import org.tls4j.handshake.ext.SignatureAlgorithms;
import org.tls4j.handshake.msg.CertificateRequest;
import org.tls4j.handshake.tls13.CertifiedKey;
import org.tls4j.handshake.tls13.ClientAuth;
import org.tls4j.handshake.tls13.TlsListener;
import org.tls4j.record.AlertDescription;

/** Client authentication, both sides (RFC 8446, Section 4.3.2, 4.4.2, 4.4.2.4, 4.4.3), in memory. */
class TlsEngineClientAuthTest {
    /** A client chain (clientAuth EKU) for "alice", issued by {@code ca}. */
    static CertifiedKey clientChain(TestPki.Authority ca, TestPki.KeyKind kind) {
        try {
            TestPki.Key key = TestCerts.key(kind);
            return new CertifiedKey(Arrays.asList(ca.clientLeaf(key, "alice"), ca.certificate()), key);
        } catch (CryptoException e) {
            throw new AssertionError(e);
        }
    }

    private static TlsConfig.Builder server(ClientAuth policy) {
        return TestCerts.server(TestPki.KeyKind.EC_P256).trustAnchors(TestCerts.anchors()).clientAuth(policy);
    }

    private static EnginePair ok(TlsConfig client, TlsConfig server) {
        EnginePair p = new EnginePair(client, server);
        assertTrue(p.handshake(), () -> "client: " + p.clientFailure + " server: " + p.serverFailure);
        return p;
    }

    /** Runs the handshake; the server detects {@code alert} and the client receives exactly it. */
    private static void serverRejects(TlsConfig client, TlsConfig server, AlertDescription alert) {
        EnginePair p = new EnginePair(client, server);
        assertFalse(p.handshake());
        assertNotNull(p.serverFailure, "the server failed");
        assertEquals(alert, p.serverFailure.alert(), p.serverFailure.getMessage());
        assertFalse(p.serverFailure.isAlertReceived());
        assertNotNull(p.clientFailure, "the client saw the alert");
        assertTrue(p.clientFailure.isAlertReceived(), p.clientFailure.getMessage());
        assertEquals(alert, p.clientFailure.alert());
        assertEquals(null, p.server.session());
    }

    @Test
    void requiredWithAClientCertificateSucceedsAndTheServerSeesIt() throws Exception {
        for (TestPki.KeyKind kind : new TestPki.KeyKind[] {TestPki.KeyKind.EC_P256, TestPki.KeyKind.ED25519,
                TestPki.KeyKind.RSA_2048}) {
            CertifiedKey alice = clientChain(TestCerts.ROOT, kind);
            EnginePair p = ok(TestCerts.client().certificate(alice).build(), server(ClientAuth.REQUIRED).build());
            assertEquals(alice.chain(), p.server.session().peerCertificates(), kind.toString());
            assertEquals(alice.chain(), p.client.session().localCertificates(), kind.toString());
            byte[] hi = "hi".getBytes(StandardCharsets.US_ASCII);
            assertArrayEquals(hi, p.transfer(p.client, p.server, hi));
            assertArrayEquals(hi, p.transfer(p.server, p.client, hi));
        }
    }

    @Test
    void optionalWithoutACertificateSucceedsAnonymously() {
        EnginePair p = ok(TestCerts.client().build(), server(ClientAuth.OPTIONAL).build());
        assertEquals(Collections.emptyList(), p.server.session().peerCertificates());
        assertEquals(Collections.emptyList(), p.client.session().localCertificates());
    }

    @Test
    void optionalWithACertificateAuthenticates() {
        CertifiedKey alice = clientChain(TestCerts.ROOT, TestPki.KeyKind.EC_P256);
        EnginePair p = ok(TestCerts.client().certificate(alice).build(), server(ClientAuth.OPTIONAL).build());
        assertEquals(alice.chain(), p.server.session().peerCertificates());
    }

    @Test
    void noneSendsNoCertificateRequestAndIgnoresTheClientsChain() {
        List<HandshakeMessage> seen = new ArrayList<>();
        TlsListener l = new TlsListener() {
            @Override
            public void onHandshakeMessage(boolean sent, HandshakeMessage m) {
                seen.add(m);
            }
        };
        CertifiedKey alice = clientChain(TestCerts.ROOT, TestPki.KeyKind.EC_P256);
        EnginePair p = ok(TestCerts.client().certificate(alice).listener(l).build(), server(ClientAuth.NONE).build());
        assertTrue(seen.stream().noneMatch(m -> m instanceof CertificateRequest));
        assertEquals(Collections.emptyList(), p.server.session().peerCertificates());
    }

    @Test
    void theServerWalksThroughTheClientAuthenticationStates() {
        List<String> states = new ArrayList<>();
        TlsListener l = new TlsListener() {
            @Override
            public void onStateChange(String from, String to) {
                states.add(from + "->" + to);
            }
        };
        CertifiedKey alice = clientChain(TestCerts.ROOT, TestPki.KeyKind.EC_P256);
        ok(TestCerts.client().certificate(alice).build(), server(ClientAuth.REQUIRED).listener(l).build());
        assertEquals(List.of("Start->ExpectClientHello", "ExpectClientHello->ExpectClientCertificate",
                "ExpectClientCertificate->ExpectClientCertificateVerify",
                "ExpectClientCertificateVerify->ExpectFinished", "ExpectFinished->Connected"), states);
        states.clear();
        ok(TestCerts.client().build(), server(ClientAuth.OPTIONAL).listener(l).build());
        assertEquals(List.of("Start->ExpectClientHello", "ExpectClientHello->ExpectClientCertificate",
                "ExpectClientCertificate->ExpectFinished", "ExpectFinished->Connected"), states);
    }

    @Test
    void optionalStillValidatesACertificateThatIsSent() throws Exception {
        TestPki.Authority other = TestCerts.PKI.root("other client root", TestCerts.key(TestPki.KeyKind.EC_P384));
        serverRejects(TestCerts.client().certificate(clientChain(other, TestPki.KeyKind.EC_P256)).build(),
                server(ClientAuth.OPTIONAL).sendCertificateAuthorities(false).build(), AlertDescription.UNKNOWN_CA);
    }

    @Test
    void requiredWithoutACertificateIsCertificateRequired() {
        serverRejects(TestCerts.client().build(), server(ClientAuth.REQUIRED).build(),
                AlertDescription.CERTIFICATE_REQUIRED);
    }

    @Test
    void clientChainFromAnUntrustedCaIsUnknownCa() throws Exception {
        TestPki.Authority other = TestCerts.PKI.root("other client root", TestCerts.key(TestPki.KeyKind.EC_P384));
        // Without certificate_authorities the client sends its only chain, which the server does not trust.
        serverRejects(TestCerts.client().certificate(clientChain(other, TestPki.KeyKind.EC_P256)).build(),
                server(ClientAuth.REQUIRED).sendCertificateAuthorities(false).build(), AlertDescription.UNKNOWN_CA);
    }

    @Test
    void certificateAuthoritiesSteerTheClientsChoice() throws Exception {
        TestPki.Authority other = TestCerts.PKI.root("other client root", TestCerts.key(TestPki.KeyKind.EC_P384));
        CertifiedKey foreign = clientChain(other, TestPki.KeyKind.EC_P256);
        CertifiedKey alice = clientChain(TestCerts.ROOT, TestPki.KeyKind.ED25519);
        List<HandshakeMessage> seen = new ArrayList<>();
        TlsListener l = new TlsListener() {
            @Override
            public void onHandshakeMessage(boolean sent, HandshakeMessage m) {
                if (!sent) {
                    seen.add(m);
                }
            }
        };
        EnginePair p = ok(TestCerts.client().certificate(foreign).certificate(alice).listener(l).build(),
                server(ClientAuth.REQUIRED).build());
        assertEquals(alice.chain(), p.server.session().peerCertificates());
        CertificateRequest cr = (CertificateRequest) seen.stream().filter(m -> m instanceof CertificateRequest)
                .findFirst().orElseThrow();
        assertArrayEquals(new byte[0], cr.context());
        CertificateAuthorities cas = cr.extensions.find(CertificateAuthorities.class);
        assertEquals(1, cas.authorities.size());
        assertArrayEquals(TestCerts.ROOT.certificate().subject().encoded(), cas.authorities.get(0));
        assertEquals(TlsConfig.builder().build().signatureSchemes(), cr.extensions.find(SignatureAlgorithms.class).schemes);
        // Without certificate_authorities the first chain is sent, and it is unknown to the server.
        serverRejects(TestCerts.client().certificate(foreign).certificate(alice).build(),
                server(ClientAuth.REQUIRED).sendCertificateAuthorities(false).build(), AlertDescription.UNKNOWN_CA);
    }

    @Test
    void trustAnchorNamesTooLongForCertificateAuthoritiesAreLeftOut() throws Exception {
        // One anchor whose subject alone exceeds the 16-bit list: the CertificateRequest goes without
        // certificate_authorities and the client still finds its chain by signature_algorithms.
        TestPki.Authority huge = TestCerts.PKI.root("x".repeat(70_000), TestCerts.key(TestPki.KeyKind.ED25519));
        List<HandshakeMessage> seen = new ArrayList<>();
        TlsListener l = new TlsListener() {
            @Override
            public void onHandshakeMessage(boolean sent, HandshakeMessage m) {
                seen.add(m);
            }
        };
        CertifiedKey alice = clientChain(TestCerts.ROOT, TestPki.KeyKind.EC_P256);
        EnginePair p = ok(TestCerts.client().certificate(alice).listener(l).build(), server(ClientAuth.REQUIRED)
                .trustAnchors(List.of(TestCerts.ROOT.certificate(), huge.certificate())).build());
        assertEquals(alice.chain(), p.server.session().peerCertificates());
        CertificateRequest cr = (CertificateRequest) seen.stream().filter(m -> m instanceof CertificateRequest)
                .findFirst().orElseThrow();
        assertEquals(null, cr.extensions.find(CertificateAuthorities.class));
    }

    @Test
    void clientChainWithoutTheClientAuthEkuIsUnsupportedCertificate() {
        // A serverAuth-only leaf: RFC 5280, Section 4.2.1.12; CertificateAlerts maps EXTENDED_KEY_USAGE
        // to unsupported_certificate.
        CertifiedKey serverOnly = TestCerts.leaf(TestPki.KeyKind.EC_P256);
        serverRejects(TestCerts.client().certificate(serverOnly).build(), server(ClientAuth.REQUIRED).build(),
                AlertDescription.UNSUPPORTED_CERTIFICATE);
    }

    @Test
    void badClientCertificateVerifyIsDecryptError() {
        CertifiedKey alice = clientChain(TestCerts.ROOT, TestPki.KeyKind.ED25519);
        TlsConfig client = TestCerts.client().certificate(alice).certificateVerifyHook(sig -> {
            byte[] s = sig.clone();
            s[5] ^= 1;
            return s;
        }).build();
        serverRejects(client, server(ClientAuth.REQUIRED).build(), AlertDescription.DECRYPT_ERROR);
    }
}
