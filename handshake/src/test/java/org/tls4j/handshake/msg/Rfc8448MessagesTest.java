package org.tls4j.handshake.msg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tls4j.handshake.CipherSuite;
import org.tls4j.handshake.HandshakeMessage;
import org.tls4j.handshake.HandshakeReassembler;
import org.tls4j.handshake.NamedGroup;
import org.tls4j.handshake.RawHandshakeMessage;
import org.tls4j.handshake.Rfc8448Transcripts;
import org.tls4j.handshake.SignatureScheme;
import org.tls4j.handshake.ext.ApplicationLayerProtocolNegotiation;
import org.tls4j.handshake.ext.Cookie;
import org.tls4j.handshake.ext.EarlyData;
import org.tls4j.handshake.ext.KeyShareClientHello;
import org.tls4j.handshake.ext.KeyShareHelloRetryRequest;
import org.tls4j.handshake.ext.KeyShareServerHello;
import org.tls4j.handshake.ext.PreSharedKeyClientHello;
import org.tls4j.handshake.ext.PreSharedKeyServerHello;
import org.tls4j.handshake.ext.RawExtension;
import org.tls4j.handshake.ext.RecordSizeLimit;
import org.tls4j.handshake.ext.ServerName;
import org.tls4j.handshake.ext.SignatureAlgorithms;
import org.tls4j.handshake.ext.SupportedGroups;
import org.tls4j.handshake.ext.SupportedVersionsClientHello;
import org.tls4j.handshake.ext.SupportedVersionsServerHello;
import org.tls4j.record.ProtocolVersion;

/**
 * Every plaintext handshake message of the RFC 8448 traces (and Botan's two extra traces) in
 * {@code transcripts.vec} parses with our codecs and re-encodes byte for byte.
 */
class Rfc8448MessagesTest {
    private static final Rfc8448Transcripts T = Rfc8448Transcripts.load();

    /** Parses one whole message through the reassembler, checks the re-encoding, returns it. */
    static HandshakeMessage parseExact(byte[] wire) throws Exception {
        HandshakeReassembler r = new HandshakeReassembler();
        r.add(wire);
        RawHandshakeMessage raw = r.next();
        assertNotNull(raw, "incomplete message");
        assertNull(r.next(), "more than one message");
        assertTrue(r.isEmpty());
        assertArrayEquals(wire, raw.encoded());
        HandshakeMessage m = Tls13Messages.parse(raw, 32);
        assertArrayEquals(wire, m.encode(), "re-encoding differs for " + m.type());
        return m;
    }

    @Test
    void everyPlaintextMessageRoundTrips() throws Exception {
        int messages = 0;
        for (Map.Entry<String, Map<String, String>> s : T.sections().entrySet()) {
            for (String key : s.getValue().keySet()) {
                byte[] wire;
                if (key.startsWith("Message_")) {
                    wire = T.hex(s.getKey(), key);
                } else if (key.equals("Record_ClientHello_1") || key.equals("Record_ClientHello_2")
                        || key.equals("Record_HelloRetryRequest") || key.equals("Record_ServerHello")) {
                    wire = T.handshakeRecordPayload(s.getKey(), key);
                } else {
                    continue;
                }
                parseExact(wire);
                messages++;
            }
        }
        System.out.println("RFC 8448 transcripts.vec: " + messages + " plaintext handshake messages in "
                + T.sections().size() + " sections parsed and re-encoded byte for byte");
        assertTrue(messages >= 40, "too few messages: " + messages);
    }

    @Test
    void simpleHandshakeFieldsAreRead() throws Exception {
        String s = "Simple_1RTT_Handshake";
        ClientHello ch = (ClientHello) parseExact(T.handshakeRecordPayload(s, "Record_ClientHello_1"));
        assertEquals(ProtocolVersion.TLS12, ch.legacyVersion);
        assertArrayEquals(Arrays.copyOf(T.hex(s, "Client_RNG_Pool"), 32), ch.random());
        assertEquals(Arrays.asList(CipherSuite.TLS_AES_128_GCM_SHA256, CipherSuite.TLS_CHACHA20_POLY1305_SHA256,
                CipherSuite.TLS_AES_256_GCM_SHA384), ch.cipherSuites);
        assertEquals("server", new String(ch.extensions.find(ServerName.class).hostNames.get(0), "US-ASCII"));
        assertEquals(Arrays.asList(NamedGroup.X25519, NamedGroup.SECP256R1, NamedGroup.SECP384R1,
                NamedGroup.SECP521R1, NamedGroup.FFDHE2048, NamedGroup.FFDHE3072, NamedGroup.FFDHE4096,
                NamedGroup.FFDHE6144, NamedGroup.FFDHE8192), ch.extensions.find(SupportedGroups.class).groups);
        KeyShareClientHello ks = ch.extensions.find(KeyShareClientHello.class);
        assertEquals(1, ks.shares.size());
        assertEquals(32, ks.shareFor(NamedGroup.X25519).keyExchange().length);
        assertEquals(Arrays.asList(ProtocolVersion.TLS13),
                ch.extensions.find(SupportedVersionsClientHello.class).versions);
        assertEquals(SignatureScheme.ECDSA_SECP256R1_SHA256,
                ch.extensions.find(SignatureAlgorithms.class).schemes.get(0));
        assertEquals(0x4001, ch.extensions.find(RecordSizeLimit.class).limit);
        // server_name, renegotiation_info, supported_groups, session_ticket, key_share, supported_versions,
        // signature_algorithms, psk_key_exchange_modes, record_size_limit; the 2 TLS 1.2 ones stay raw
        assertEquals(9, ch.extensions.size());
        assertEquals(2, ch.extensions.list().stream().filter(e -> e instanceof RawExtension).count());

        ServerHello sh = (ServerHello) parseExact(T.hex(s, "Message_ServerHello"));
        assertEquals(CipherSuite.TLS_AES_128_GCM_SHA256, sh.cipherSuite);
        assertEquals(ProtocolVersion.TLS13, sh.extensions.find(SupportedVersionsServerHello.class).selectedVersion);
        assertEquals(NamedGroup.X25519, sh.extensions.find(KeyShareServerHello.class).serverShare.group);

        EncryptedExtensions ee = (EncryptedExtensions) parseExact(T.hex(s, "Message_EncryptedExtensions"));
        assertEquals(ServerName.ACKNOWLEDGEMENT, ee.extensions.find(ServerName.class));

        Certificate cert = (Certificate) parseExact(T.hex(s, "Message_Server_Certificate"));
        assertEquals(1, cert.entries.size());
        assertEquals(0, cert.context().length);
        assertEquals(0x30, cert.entries.get(0).data()[0] & 0xff, "a DER SEQUENCE");

        CertificateVerify cv = (CertificateVerify) parseExact(T.hex(s, "Message_Server_CertificateVerify"));
        assertEquals(SignatureScheme.RSA_PSS_RSAE_SHA256, cv.algorithm);
        assertArrayEquals(T.hex(s, "Server_MessageSignature"), cv.signature());

        assertInstanceOf(Finished.class, parseExact(T.hex(s, "Message_Server_Finished")));
    }

    @Test
    void helloRetryRequestTrace() throws Exception {
        String s = "HelloRetryRequest_Handshake";
        HandshakeMessage m = parseExact(T.handshakeRecordPayload(s, "Record_HelloRetryRequest"));
        HelloRetryRequest hrr = assertInstanceOf(HelloRetryRequest.class, m);
        assertEquals(CipherSuite.TLS_AES_128_GCM_SHA256, hrr.cipherSuite);
        assertEquals(NamedGroup.SECP256R1, hrr.extensions.find(KeyShareHelloRetryRequest.class).selectedGroup);
        Cookie cookie = hrr.extensions.find(Cookie.class);
        assertArrayEquals(T.hex(s, "HelloRetryRequest_Cookie"), cookie.cookie());

        ClientHello ch2 = (ClientHello) parseExact(T.handshakeRecordPayload(s, "Record_ClientHello_2"));
        assertEquals(cookie, ch2.extensions.find(Cookie.class), "the client echoes the cookie");
        assertNotNull(ch2.extensions.find(KeyShareClientHello.class).shareFor(NamedGroup.SECP256R1));
        assertEquals(65, ch2.extensions.find(KeyShareClientHello.class).shareFor(NamedGroup.SECP256R1)
                .keyExchange().length, "uncompressed P-256 point");
    }

    @Test
    void resumedTraceOffersAndAcceptsAPsk() throws Exception {
        String s = "Resumed_0RTT_Handshake";
        ClientHello ch = (ClientHello) parseExact(T.handshakeRecordPayload(s, "Record_ClientHello_1"));
        PreSharedKeyClientHello psk = ch.extensions.find(PreSharedKeyClientHello.class);
        assertEquals(ch.extensions.list().get(ch.extensions.size() - 1), psk, "pre_shared_key is last");
        assertArrayEquals(T.hex(s, "SessionTicket"), psk.identities.get(0).identity());
        assertEquals(1, psk.binders.size());
        assertEquals(32, psk.binders.get(0).length);
        assertEquals(EarlyData.EMPTY, ch.extensions.find(EarlyData.class));
        byte[] whole = ch.encode();
        byte[] truncated = ch.encodeTruncatedForBinders();
        assertEquals(whole.length - 2 - 1 - 32, truncated.length);
        assertArrayEquals(Arrays.copyOf(whole, truncated.length), truncated);

        ServerHello sh = (ServerHello) parseExact(T.hex(s, "Message_ServerHello"));
        assertEquals(0, sh.extensions.find(PreSharedKeyServerHello.class).selectedIdentity);
        EncryptedExtensions ee = (EncryptedExtensions) parseExact(T.hex(s, "Message_EncryptedExtensions"));
        assertEquals(EarlyData.EMPTY, ee.extensions.find(EarlyData.class));
    }

    @Test
    void clientAuthenticationTraceHasCertificateRequest() throws Exception {
        CertificateRequest cr = (CertificateRequest) parseExact(
                T.hex("Client_Authentication_Handshake", "Message_CertificateRequest"));
        assertEquals(0, cr.context().length);
        assertEquals(15, cr.extensions.find(SignatureAlgorithms.class).schemes.size());
        assertNull(cr.extensions.find(ApplicationLayerProtocolNegotiation.class));
    }
}
