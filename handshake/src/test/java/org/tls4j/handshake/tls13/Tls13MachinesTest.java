package org.tls4j.handshake.tls13;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.tls4j.handshake.CipherSuite;
import org.tls4j.handshake.ExtensionType;
import org.tls4j.handshake.NamedGroup;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.ext.ApplicationLayerProtocolNegotiation;
import org.tls4j.handshake.ext.Extension;
import org.tls4j.handshake.ext.ExtensionContext;
import org.tls4j.handshake.ext.Extensions;
import org.tls4j.handshake.ext.KeyShareClientHello;
import org.tls4j.handshake.ext.KeyShareEntry;
import org.tls4j.handshake.ext.KeyShareHelloRetryRequest;
import org.tls4j.handshake.ext.KeyShareServerHello;
import org.tls4j.handshake.ext.RawExtension;
import org.tls4j.handshake.ext.SupportedVersionsServerHello;
import org.tls4j.handshake.msg.Certificate;
import org.tls4j.handshake.msg.CertificateEntry;
import org.tls4j.handshake.msg.ClientHello;
import org.tls4j.handshake.msg.EncryptedExtensions;
import org.tls4j.handshake.msg.HelloRetryRequest;
import org.tls4j.handshake.msg.KeyUpdate;
import org.tls4j.handshake.msg.ServerHello;
import org.tls4j.record.AlertDescription;
import org.tls4j.record.ProtocolVersion;
import org.tls4j.record.TlsAlert;

/**
 * The TLS 1.3 machines driven directly (no record layer): a good handshake, KeyUpdate, and every
 * protocol violation answered with the alert RFC 8446 names.
 */
class Tls13MachinesTest {
    private static void assertAlert(AlertDescription expected, Executable e) {
        TlsAlert a = assertThrows(TlsAlert.class, e);
        assertEquals(expected, a.description(), a.getMessage());
    }

    private static byte[] body(byte[] message) {
        return Arrays.copyOfRange(message, 4, message.length);
    }

    private static byte[] encodeSh(ServerHello sh) {
        return sh.encode();
    }

    /** The client's first ClientHello, parsed. */
    private static ClientHello firstHello(MachinePair p) throws TlsAlert {
        List<HandshakeOutput> outs = p.client.drainOutputs();
        p.clientOutputs.addAll(outs);
        return ClientHello.read(new TlsReader(body(outs.get(0).bytes())));
    }

    private static Extensions ext(Extension... e) {
        return new Extensions(Arrays.asList(e));
    }

    private static KeyShareServerHello someX25519Share() {
        byte[] pub = new byte[32];
        pub[0] = 9; // the X25519 base point: a valid public value
        return new KeyShareServerHello(new KeyShareEntry(NamedGroup.X25519, pub));
    }

    @Test
    void handshakeCompletesWithOrderedOutputs() throws Exception {
        MachinePair p = new MachinePair(MachinePair.clientConfig(), MachinePair.serverConfig());
        p.run();
        assertTrue(p.client.isComplete() && p.server.isComplete());
        assertEquals("Connected", p.client.stateName());
        List<String> kinds = new ArrayList<>();
        for (HandshakeOutput o : p.serverOutputs) {
            kinds.add(o.kind + (o.kind == HandshakeOutput.Kind.HANDSHAKE ? "(" + (o.bytes()[0] & 0xff) + ")" : ""));
        }
        // ServerHello, keys, EE, Certificate, CertificateVerify, Finished, application keys, then complete.
        assertEquals(Arrays.asList("HANDSHAKE(2)", "WRITE_KEYS", "READ_KEYS", "HANDSHAKE(8)", "HANDSHAKE(11)",
                "HANDSHAKE(15)", "HANDSHAKE(20)", "WRITE_KEYS", "READ_KEYS", "COMPLETE"), kinds);
        assertEquals(p.client.summary().suite, p.server.summary().suite);
        assertEquals(CipherSuite.TLS_AES_128_GCM_SHA256, p.client.summary().suite);
    }

    @Test
    void keyUpdateRequestedIsAnswered() throws Exception {
        MachinePair p = new MachinePair(MachinePair.clientConfig(), MachinePair.serverConfig());
        p.run();
        p.client.keyUpdate(true);
        List<HandshakeOutput> c = p.client.drainOutputs();
        assertEquals(HandshakeOutput.Kind.HANDSHAKE, c.get(0).kind);
        assertArrayEquals(KeyUpdate.UPDATE_REQUESTED.encode(), c.get(0).bytes());
        assertEquals(HandshakeOutput.Kind.WRITE_KEYS, c.get(1).kind);
        byte[] newClientWrite = c.get(1).secret().secret();
        p.server.handshakeRecord(c.get(0).bytes(), 0, c.get(0).bytes().length);
        List<HandshakeOutput> s = new ArrayList<>(p.server.drainOutputs());
        assertEquals(1, s.size(), "the answer waits for the server's next record (RFC 8446, Section 4.6.3)");
        assertEquals(HandshakeOutput.Kind.READ_KEYS, s.get(0).kind);
        assertArrayEquals(newClientWrite, s.get(0).secret().secret(), "both sides derive the same next secret");
        assertTrue(p.server.keyUpdateOwed());
        p.server.keyUpdate(false); // what the engine does before its next record
        assertFalse(p.server.keyUpdateOwed());
        s.addAll(p.server.drainOutputs());
        assertArrayEquals(KeyUpdate.UPDATE_NOT_REQUESTED.encode(), s.get(1).bytes());
        assertEquals(HandshakeOutput.Kind.WRITE_KEYS, s.get(2).kind);
        p.client.handshakeRecord(s.get(1).bytes(), 0, s.get(1).bytes().length);
        List<HandshakeOutput> c2 = p.client.drainOutputs();
        assertEquals(1, c2.size(), "update_not_requested is not answered");
        assertArrayEquals(s.get(2).secret().secret(), c2.get(0).secret().secret());
    }

    @Test
    void manyRequestsWhileSilentGetOneAnswer() throws Exception {
        // RFC 8446, Section 4.6.3: "an implementation which receives multiple KeyUpdates while it is
        // silent [responds] with a single update"
        MachinePair p = new MachinePair(MachinePair.clientConfig(), MachinePair.serverConfig());
        p.run();
        for (int i = 0; i < 3; i++) {
            p.client.keyUpdate(true);
            byte[] ku = p.client.drainOutputs().get(0).bytes();
            p.server.handshakeRecord(ku, 0, ku.length);
            List<HandshakeOutput> s = p.server.drainOutputs();
            assertEquals(List.of(HandshakeOutput.Kind.READ_KEYS), s.stream().map(o -> o.kind).toList());
        }
        assertTrue(p.server.keyUpdateOwed());
        p.server.keyUpdate(false);
        List<HandshakeOutput> s = p.server.drainOutputs();
        assertEquals(List.of(HandshakeOutput.Kind.HANDSHAKE, HandshakeOutput.Kind.WRITE_KEYS),
                s.stream().map(o -> o.kind).toList());
        assertFalse(p.server.keyUpdateOwed(), "one KeyUpdate answers every request received meanwhile");
        p.client.handshakeRecord(s.get(0).bytes(), 0, s.get(0).bytes().length);
        assertArrayEquals(s.get(1).secret().secret(), p.client.drainOutputs().get(0).secret().secret());
    }

    @Test
    void badKeyUpdateValueIsIllegalParameter() throws Exception {
        MachinePair p = new MachinePair(MachinePair.clientConfig(), MachinePair.serverConfig());
        p.run();
        assertAlert(AlertDescription.ILLEGAL_PARAMETER, () -> p.server.handshakeRecord(new byte[] {24, 0, 0, 1, 2}, 0, 5));
    }

    @Test
    void badServerFinishedIsDecryptError() throws Exception {
        MachinePair p = new MachinePair(MachinePair.clientConfig(), MachinePair.serverConfig());
        assertAlert(AlertDescription.DECRYPT_ERROR, () -> p.run(m -> m, MachinePair.onType(20, MachinePair::flipLast)));
    }

    @Test
    void badClientFinishedIsDecryptError() throws Exception {
        MachinePair p = new MachinePair(MachinePair.clientConfig(), MachinePair.serverConfig());
        assertAlert(AlertDescription.DECRYPT_ERROR, () -> p.run(MachinePair.onType(20, MachinePair::flipLast), m -> m));
    }

    @Test
    void badCertificateVerifySignatureIsDecryptError() throws Exception {
        MachinePair p = new MachinePair(MachinePair.clientConfig(), MachinePair.serverConfig());
        // The ECDSA signature is DER: flipping its last byte keeps the encoding and breaks the value.
        assertAlert(AlertDescription.DECRYPT_ERROR, () -> p.run(m -> m, MachinePair.onType(15, MachinePair::flipLast)));
    }

    @Test
    void certificateVerifySchemeChecks() throws Exception {
        // rsa_pkcs1_sha256 (offered by the client for certificate signatures only, Section 4.2.3),
        // ed448 (not offered), ed25519 (offered, but the certificate's key is P-256): all illegal_parameter.
        int[] schemes = {0x0401, 0x0808, 0x0807};
        for (int scheme : schemes) {
            HandshakeConfig.Builder client = MachinePair.clientConfig().signatureSchemes(Arrays.asList(
                    org.tls4j.handshake.SignatureScheme.ECDSA_SECP256R1_SHA256, org.tls4j.handshake.SignatureScheme.ED25519,
                    org.tls4j.handshake.SignatureScheme.RSA_PKCS1_SHA256));
            MachinePair p = new MachinePair(client, MachinePair.serverConfig());
            assertAlert(AlertDescription.ILLEGAL_PARAMETER, () -> p.run(m -> m, MachinePair.onType(15, m -> {
                byte[] c = m.clone();
                c[4] = (byte) (scheme >>> 8);
                c[5] = (byte) scheme;
                return c;
            })));
        }
    }

    @Test
    void missingEncryptedExtensionsIsUnexpectedMessage() throws Exception {
        MachinePair p = new MachinePair(MachinePair.clientConfig(), MachinePair.serverConfig());
        assertAlert(AlertDescription.UNEXPECTED_MESSAGE, () -> p.run(m -> m, MachinePair.onType(8, m -> null)));
    }

    @Test
    void finishedBeforeCertificateVerifyIsUnexpectedMessage() throws Exception {
        MachinePair p = new MachinePair(MachinePair.clientConfig(), MachinePair.serverConfig());
        assertAlert(AlertDescription.UNEXPECTED_MESSAGE, () -> p.run(m -> m, MachinePair.onType(15, m -> null)));
    }

    @Test
    void serverHelloAndMoreInOneRecordSpansAKeyChange() throws Exception {
        MachinePair p = new MachinePair(MachinePair.clientConfig(), MachinePair.serverConfig());
        p.deliver(p.client, p.server, m -> m);
        List<HandshakeOutput> outs = p.server.drainOutputs();
        byte[] sh = outs.get(0).bytes();
        byte[] ee = outs.get(3).bytes();
        byte[] both = Arrays.copyOf(sh, sh.length + ee.length);
        System.arraycopy(ee, 0, both, sh.length, ee.length);
        assertAlert(AlertDescription.UNEXPECTED_MESSAGE, () -> p.client.handshakeRecord(both, 0, both.length));
    }

    @Test
    void downgradeSentinelIsIllegalParameter() throws Exception {
        for (int last : new int[] {1, 0}) {
            MachinePair p = new MachinePair(MachinePair.clientConfig(), MachinePair.serverConfig());
            firstHello(p);
            byte[] random = new byte[32];
            System.arraycopy(new byte[] {0x44, 0x4F, 0x57, 0x4E, 0x47, 0x52, 0x44, (byte) last}, 0, random, 24, 8);
            byte[] sh = encodeSh(new ServerHello(ProtocolVersion.TLS12, random, new byte[0],
                    CipherSuite.TLS_AES_128_GCM_SHA256, 0, ext(new RawExtension(ExtensionType.of(0xff01), new byte[] {0}))));
            assertAlert(AlertDescription.ILLEGAL_PARAMETER, () -> p.client.handshakeRecord(sh, 0, sh.length));
        }
    }

    @Test
    void tls12ServerHelloWithoutSentinelIsProtocolVersion() throws Exception {
        MachinePair p = new MachinePair(MachinePair.clientConfig(), MachinePair.serverConfig());
        firstHello(p);
        byte[] sh = encodeSh(new ServerHello(ProtocolVersion.TLS12, new byte[32], new byte[0],
                CipherSuite.TLS_AES_128_GCM_SHA256, 0, null));
        assertAlert(AlertDescription.PROTOCOL_VERSION, () -> p.client.handshakeRecord(sh, 0, sh.length));
    }

    @Test
    void serverHelloChecks() throws Exception {
        // Suite not offered.
        check(AlertDescription.ILLEGAL_PARAMETER, CipherSuite.TLS_CHACHA20_POLY1305_SHA256, new byte[0], ProtocolVersion.TLS13,
                someX25519Share());
        // legacy_session_id_echo that was never sent.
        check(AlertDescription.ILLEGAL_PARAMETER, CipherSuite.TLS_AES_128_GCM_SHA256, new byte[] {1}, ProtocolVersion.TLS13,
                someX25519Share());
        // supported_versions selecting TLS 1.2.
        check(AlertDescription.ILLEGAL_PARAMETER, CipherSuite.TLS_AES_128_GCM_SHA256, new byte[0], ProtocolVersion.TLS12,
                someX25519Share());
        // A share for a group the client sent no share for.
        check(AlertDescription.ILLEGAL_PARAMETER, CipherSuite.TLS_AES_128_GCM_SHA256, new byte[0], ProtocolVersion.TLS13,
                new KeyShareServerHello(new KeyShareEntry(NamedGroup.SECP256R1, new byte[65])));
        // No key share at all.
        check(AlertDescription.MISSING_EXTENSION, CipherSuite.TLS_AES_128_GCM_SHA256, new byte[0], ProtocolVersion.TLS13, null);
        // An invalid X25519 share (all zero: small order).
        check(AlertDescription.ILLEGAL_PARAMETER, CipherSuite.TLS_AES_128_GCM_SHA256, new byte[0], ProtocolVersion.TLS13,
                new KeyShareServerHello(new KeyShareEntry(NamedGroup.X25519, new byte[32])));
    }

    /**
     * RFC 8446, Section 4.2.8.1: an FFDHE share is Y left-padded to the size of p. tlsfuzzer's
     * "right-truncated key_share" (one byte short) and "key share from other group" (an ffdhe2048-sized
     * share for ffdhe3072) carry values in range, so only the length check can refuse them.
     */
    @Test
    void ffdheClientShareOfTheWrongLengthIsIllegalParameter() throws Exception {
        Object[][] cases = {{NamedGroup.FFDHE2048, 255}, {NamedGroup.FFDHE2048, 257}, {NamedGroup.FFDHE3072, 256}};
        for (Object[] c : cases) {
            NamedGroup g = (NamedGroup) c[0];
            int length = (Integer) c[1];
            MachinePair p = new MachinePair(MachinePair.clientConfig().groups(List.of(g)).keyShareGroups(List.of(g)),
                    MachinePair.serverConfig().groups(List.of(g)));
            ClientHello ch = firstHello(p);
            byte[] share = ch.extensions.find(KeyShareClientHello.class).shareFor(g).keyExchange();
            byte[] bad = Arrays.copyOf(share, length); // cut at the right, or padded with a zero there
            List<Extension> e = new ArrayList<>();
            for (Extension x : ch.extensions.list()) {
                e.add(x instanceof KeyShareClientHello ? new KeyShareClientHello(List.of(new KeyShareEntry(g, bad))) : x);
            }
            byte[] m = new ClientHello(ch.legacyVersion, ch.random(), ch.legacySessionId(), ch.cipherSuites,
                    ch.legacyCompressionMethods(), new Extensions(e)).encode();
            assertAlert(AlertDescription.ILLEGAL_PARAMETER, () -> p.server.handshakeRecord(m, 0, m.length));
        }
    }

    /** The same rule on the client for the server's share (RFC 8446, Section 4.2.8.1). */
    @Test
    void ffdheServerShareOfTheWrongLengthIsIllegalParameter() throws Exception {
        for (int length : new int[] {255, 1}) {
            MachinePair p = new MachinePair(MachinePair.clientConfig().groups(List.of(NamedGroup.FFDHE2048))
                    .keyShareGroups(List.of(NamedGroup.FFDHE2048)), MachinePair.serverConfig());
            firstHello(p);
            byte[] y = new byte[length];
            y[length - 1] = 2; // Y = 2 is in range (1 < Y < p - 1): only its length is wrong
            byte[] sh = encodeSh(new ServerHello(ProtocolVersion.TLS12, new byte[32], new byte[0],
                    CipherSuite.TLS_AES_128_GCM_SHA256, 0, ext(new KeyShareServerHello(new KeyShareEntry(NamedGroup.FFDHE2048, y)),
                            new SupportedVersionsServerHello(ProtocolVersion.TLS13))));
            assertAlert(AlertDescription.ILLEGAL_PARAMETER, () -> p.client.handshakeRecord(sh, 0, sh.length));
        }
    }

    private static void check(AlertDescription alert, CipherSuite suite, byte[] echo, ProtocolVersion v,
            KeyShareServerHello share) throws Exception {
        MachinePair p = new MachinePair(MachinePair.clientConfig(), MachinePair.serverConfig());
        firstHello(p);
        List<Extension> e = new ArrayList<>();
        if (share != null) {
            e.add(share);
        }
        e.add(new SupportedVersionsServerHello(v));
        byte[] random = new byte[32];
        random[0] = 1;
        byte[] sh = encodeSh(new ServerHello(ProtocolVersion.TLS12, random, echo, suite, 0, new Extensions(e)));
        assertAlert(alert, () -> p.client.handshakeRecord(sh, 0, sh.length));
    }

    @Test
    void unrequestedExtensionInServerHelloIsUnsupportedExtension() throws Exception {
        MachinePair p = new MachinePair(MachinePair.clientConfig(), MachinePair.serverConfig());
        firstHello(p);
        byte[] random = new byte[32];
        byte[] sh = encodeSh(new ServerHello(ProtocolVersion.TLS12, random, new byte[0], CipherSuite.TLS_AES_128_GCM_SHA256,
                0, ext(someX25519Share(), new SupportedVersionsServerHello(ProtocolVersion.TLS13),
                        new RawExtension(ExtensionType.of(0xff01), new byte[] {0}))));
        assertAlert(AlertDescription.UNSUPPORTED_EXTENSION, () -> p.client.handshakeRecord(sh, 0, sh.length));
    }

    @Test
    void secondHelloRetryRequestIsUnexpectedMessage() throws Exception {
        MachinePair p = new MachinePair(MachinePair.clientConfig(), MachinePair.serverConfig());
        firstHello(p);
        byte[] hrr = new HelloRetryRequest(ProtocolVersion.TLS12, new byte[0], CipherSuite.TLS_AES_128_GCM_SHA256, 0,
                ext(new KeyShareHelloRetryRequest(NamedGroup.SECP256R1), new SupportedVersionsServerHello(ProtocolVersion.TLS13)))
                .encode();
        p.client.handshakeRecord(hrr, 0, hrr.length);
        assertAlert(AlertDescription.UNEXPECTED_MESSAGE, () -> p.client.handshakeRecord(hrr, 0, hrr.length));
    }

    @Test
    void helloRetryRequestThatChangesNothingIsIllegalParameter() throws Exception {
        MachinePair p = new MachinePair(MachinePair.clientConfig(), MachinePair.serverConfig());
        firstHello(p);
        byte[] hrr = new HelloRetryRequest(ProtocolVersion.TLS12, new byte[0], CipherSuite.TLS_AES_128_GCM_SHA256, 0,
                ext(new SupportedVersionsServerHello(ProtocolVersion.TLS13))).encode();
        assertAlert(AlertDescription.ILLEGAL_PARAMETER, () -> p.client.handshakeRecord(hrr, 0, hrr.length));
        MachinePair q = new MachinePair(MachinePair.clientConfig(), MachinePair.serverConfig());
        firstHello(q);
        byte[] again = new HelloRetryRequest(ProtocolVersion.TLS12, new byte[0], CipherSuite.TLS_AES_128_GCM_SHA256, 0,
                ext(new KeyShareHelloRetryRequest(NamedGroup.X25519), new SupportedVersionsServerHello(ProtocolVersion.TLS13)))
                .encode();
        assertAlert(AlertDescription.ILLEGAL_PARAMETER, () -> q.client.handshakeRecord(again, 0, again.length));
    }

    @Test
    void unrequestedAlpnInEncryptedExtensionsIsUnsupportedExtension() throws Exception {
        MachinePair p = new MachinePair(MachinePair.clientConfig(), MachinePair.serverConfig().alpn(Arrays.asList("h2"))
                .extensionsHook((where, e) -> where == ExtensionContext.ENCRYPTED_EXTENSIONS
                        ? Collections.<Extension>singletonList(new ApplicationLayerProtocolNegotiation(
                                Collections.singletonList("h2".getBytes(java.nio.charset.StandardCharsets.US_ASCII))))
                        : e));
        assertAlert(AlertDescription.UNSUPPORTED_EXTENSION, p::run);
    }

    @Test
    void emptyServerCertificateIsDecodeError() throws Exception {
        MachinePair p = new MachinePair(MachinePair.clientConfig(), MachinePair.serverConfig());
        byte[] empty = new Certificate(new byte[0], Collections.<CertificateEntry>emptyList()).encode();
        assertAlert(AlertDescription.DECODE_ERROR, () -> p.run(m -> m, MachinePair.onType(11, m -> empty)));
    }

    @Test
    void messagesAfterTheHandshakeOtherThanKeyUpdateAreUnexpected() throws Exception {
        MachinePair p = new MachinePair(MachinePair.clientConfig(), MachinePair.serverConfig());
        p.run();
        byte[] ee = new EncryptedExtensions(Extensions.EMPTY).encode();
        assertAlert(AlertDescription.UNEXPECTED_MESSAGE, () -> p.client.handshakeRecord(ee, 0, ee.length));
        MachinePair q = new MachinePair(MachinePair.clientConfig(), MachinePair.serverConfig());
        q.run();
        byte[] nst = new org.tls4j.handshake.msg.NewSessionTicket(7200, 1, new byte[1], new byte[8], Extensions.EMPTY).encode();
        q.client.handshakeRecord(nst, 0, nst.length); // a client ignores tickets for now
        assertAlert(AlertDescription.UNEXPECTED_MESSAGE, () -> q.server.handshakeRecord(nst, 0, nst.length));
    }

    @Test
    void changeCipherSpecAfterThePeersFinishedIsUnexpected() throws Exception {
        MachinePair p = new MachinePair(MachinePair.clientConfig(), MachinePair.serverConfig());
        p.deliver(p.client, p.server, m -> m);
        p.server.changeCipherSpec(new byte[] {1}, 0, 1); // allowed: after the ClientHello
        p.run();
        assertAlert(AlertDescription.UNEXPECTED_MESSAGE, () -> p.server.changeCipherSpec(new byte[] {1}, 0, 1));
    }

    @Test
    void clientHelloChecks() throws Exception {
        // Without supported_versions: a TLS 1.2 client.
        serverRejects(AlertDescription.PROTOCOL_VERSION, e -> removeType(e, 43));
        // Without signature_algorithms.
        serverRejects(AlertDescription.MISSING_EXTENSION, e -> removeType(e, 13));
        // Without key_share.
        serverRejects(AlertDescription.MISSING_EXTENSION, e -> removeType(e, 51));
        // A ServerHello-only extension in a ClientHello? pre_shared_key is allowed; use an EE-only one is
        // impossible to express in ClientHello form, so check an unknown extension is ignored instead:
        MachinePair ok = new MachinePair(MachinePair.clientConfig().extensionsHook((w, e) -> {
            List<Extension> l = new ArrayList<>(e);
            l.add(new RawExtension(ExtensionType.of(0x0a0a), new byte[0])); // GREASE (RFC 8701)
            return l;
        }), MachinePair.serverConfig());
        ok.run();
        assertTrue(ok.server.isComplete());
    }

    @Test
    void compressionOtherThanNullIsIllegalParameter() throws Exception {
        MachinePair p = new MachinePair(MachinePair.clientConfig(), MachinePair.serverConfig());
        ClientHello ch = firstHello(p);
        byte[] deflate = new ClientHello(ch.legacyVersion, ch.random(), ch.legacySessionId(), ch.cipherSuites,
                new byte[] {1, 0}, ch.extensions).encode();
        assertAlert(AlertDescription.ILLEGAL_PARAMETER, () -> p.server.handshakeRecord(deflate, 0, deflate.length));
    }

    private static List<Extension> removeType(List<Extension> e, int code) {
        List<Extension> l = new ArrayList<>();
        for (Extension x : e) {
            if (x.type().code != code) {
                l.add(x);
            }
        }
        return l;
    }

    private static void serverRejects(AlertDescription alert,
            java.util.function.UnaryOperator<List<Extension>> change) throws Exception {
        MachinePair p = new MachinePair(MachinePair.clientConfig().extensionsHook((w, e) -> change.apply(e)),
                MachinePair.serverConfig());
        assertAlert(alert, p::run);
    }

    @Test
    void secondClientHelloMustCarryTheRequestedShareAndCookie() throws Exception {
        // The server only has secp256r1: the client's x25519 share triggers a HelloRetryRequest with a cookie.
        MachinePair good = new MachinePair(MachinePair.clientConfig(),
                MachinePair.serverConfig().groups(Arrays.asList(NamedGroup.SECP256R1)).hrrCookie(true));
        good.run();
        assertTrue(good.client.isComplete() && good.server.isComplete() && good.client.summary().helloRetried);

        // A second ClientHello that drops the cookie.
        MachinePair noCookie = new MachinePair(MachinePair.clientConfig().extensionsHook((w, e) -> removeType(e, 44)),
                MachinePair.serverConfig().groups(Arrays.asList(NamedGroup.SECP256R1)).hrrCookie(true));
        assertAlert(AlertDescription.ILLEGAL_PARAMETER, noCookie::run);
    }

    /** A client whose second ClientHello (after HelloRetryRequest) has its extensions passed through {@code f}. */
    private static MachinePair secondHelloRewritten(UnaryOperator<List<Extension>> f) throws TlsAlert {
        int[] hellos = {0};
        return new MachinePair(MachinePair.clientConfig().extensionsHook((w, e) -> ++hellos[0] == 2 ? f.apply(e) : e),
                MachinePair.serverConfig().groups(Arrays.asList(NamedGroup.SECP256R1)));
    }

    /**
     * RFC 8446, Section 4.1.2: the second ClientHello is the first one, changed only in key_share,
     * early_data, cookie, pre_shared_key and padding; tlsfuzzer's test-tls13-shuffled-extentions.py
     * reverses the extensions instead.
     */
    @Test
    void secondClientHelloMayChangeOnlyWhatSection412Allows() throws Exception {
        MachinePair reversed = secondHelloRewritten(e -> {
            List<Extension> l = new ArrayList<>(e);
            Collections.reverse(l);
            return l;
        });
        assertAlert(AlertDescription.ILLEGAL_PARAMETER, reversed::run);

        MachinePair changed = secondHelloRewritten(e -> {
            List<Extension> l = new ArrayList<>(e);
            l.add(new RawExtension(ExtensionType.of(0x0a0a), new byte[0])); // an extension the first lacked
            return l;
        });
        assertAlert(AlertDescription.ILLEGAL_PARAMETER, changed::run);

        MachinePair dropped = secondHelloRewritten(e -> removeType(e, 0)); // server_name left out
        assertAlert(AlertDescription.ILLEGAL_PARAMETER, dropped::run);

        MachinePair padded = secondHelloRewritten(e -> {
            List<Extension> l = new ArrayList<>(e);
            l.add(new RawExtension(ExtensionType.PADDING, new byte[16])); // padding may change
            return l;
        });
        padded.run();
        assertTrue(padded.server.isComplete() && padded.client.summary().helloRetried);
    }
}
