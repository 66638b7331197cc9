package org.tls4j.handshake.tls13;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.crypto.KeyAgreement;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tls4j.crypto.hash.Sha256;
import org.tls4j.handshake.CipherSuite;
import org.tls4j.handshake.HandshakeMessage;
import org.tls4j.handshake.HandshakeReassembler;
import org.tls4j.handshake.NamedGroup;
import org.tls4j.handshake.RawHandshakeMessage;
import org.tls4j.handshake.Rfc8448Transcripts;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.ext.KeyShareClientHello;
import org.tls4j.handshake.ext.KeyShareServerHello;
import org.tls4j.handshake.ext.PreSharedKeyClientHello;
import org.tls4j.handshake.ext.PreSharedKeyServerHello;
import org.tls4j.handshake.msg.CertificateVerify;
import org.tls4j.handshake.msg.ClientHello;
import org.tls4j.handshake.msg.EndOfEarlyData;
import org.tls4j.handshake.msg.Finished;
import org.tls4j.handshake.msg.ServerHello;
import org.tls4j.handshake.msg.Tls13Messages;

/**
 * Replays the x25519 traces of {@code transcripts.vec} (RFC 8448 Sections 3, 4, 6 and 7, and Botan's
 * external-PSK and raw-public-key traces) through our codecs, transcript and key schedule: every
 * encrypted handshake record opens under the keys we derive, every message inside parses and
 * re-encodes byte for byte, both Finished messages verify, the PSK binder matches, and the
 * CertificateVerify content we build equals the file's {@code *_MessageToSign}.
 *
 * <p>The X25519 shared secret is computed with the JDK's XDH (a test-only oracle; the library uses no
 * JCA) from the client's private key (the 32 bytes of {@code Client_RNG_Pool} after the hello random
 * and, in middlebox mode, the session id; checked against the client's key_share) and the server's
 * key_share. For Section 3 it equals the value printed in RFC 8448.
 */
class Rfc8448ReplayTest {
    private static final Rfc8448Transcripts T = Rfc8448Transcripts.load();

    static byte[] x25519(byte[] scalar, byte[] u) throws Exception {
        KeyFactory kf = KeyFactory.getInstance("XDH");
        PrivateKey priv = kf.generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, scalar));
        byte[] be = new byte[32];
        for (int i = 0; i < 32; i++) {
            be[i] = u[31 - i];
        }
        be[0] &= 0x7f; // RFC 7748, Section 5: the top bit of u is ignored
        PublicKey pub = kf.generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, new BigInteger(1, be)));
        KeyAgreement ka = KeyAgreement.getInstance("XDH");
        ka.init(priv);
        ka.doPhase(pub, true);
        return ka.generateSecret();
    }

    /** Splits a byte string of whole TLS records. */
    static List<byte[]> records(byte[] data) {
        List<byte[]> out = new ArrayList<>();
        int p = 0;
        while (p < data.length) {
            int len = (data[p + 3] & 0xff) << 8 | (data[p + 4] & 0xff);
            out.add(Arrays.copyOfRange(data, p, p + 5 + len));
            p += 5 + len;
        }
        return out;
    }

    /** Opens every protected record (skipping middlebox ChangeCipherSpec) into one handshake stream. */
    static final class Reader {
        final byte[] key;
        final byte[] iv;
        long seq;

        Reader(KeySchedule13 ks, byte[] secret) {
            key = ks.trafficKey(secret, 16);
            iv = ks.trafficIv(secret, 12);
        }

        List<RawHandshakeMessage> handshake(List<byte[]> recs, HandshakeReassembler r) throws Exception {
            List<RawHandshakeMessage> out = new ArrayList<>();
            for (byte[] rec : recs) {
                if (rec[0] == 20) {
                    assertArrayEquals(new byte[] {1}, Arrays.copyOfRange(rec, 5, rec.length), "middlebox CCS");
                    continue;
                }
                assertEquals(23, rec[0]);
                Object[] opened = KeySchedule13Rfc8448Test.open(key, iv, seq++, rec);
                assertEquals(22, opened[0], "inner content type handshake");
                r.add((byte[]) opened[1]);
                for (RawHandshakeMessage m; (m = r.next()) != null; ) {
                    out.add(m);
                }
            }
            assertTrue(r.isEmpty(), "flight ends on a message boundary");
            return out;
        }
    }

    static HandshakeMessage parseExact(RawHandshakeMessage raw) throws Exception {
        HandshakeMessage m = Tls13Messages.parse(raw, 32);
        assertArrayEquals(raw.encoded(), m.encode(), "re-encoding of " + m.type());
        return m;
    }

    @ParameterizedTest
    @ValueSource(strings = {"Simple_1RTT_Handshake", "Resumed_0RTT_Handshake", "Client_Authentication_Handshake",
        "Middlebox_Compatibility_Mode", "Externally_Provided_PSK_with_Ephemeral_Key",
        "RawPublicKey_With_Client_Authentication"})
    void replay(String s) throws Exception {
        Map<String, String> sec = T.sections().get(s);
        assertNotNull(sec, s);
        byte[] chBytes = T.handshakeRecordPayload(s, "Record_ClientHello_1");
        ClientHello ch = ClientHello.read(new TlsReader(Arrays.copyOfRange(chBytes, 4, chBytes.length)));
        byte[] shBytes = T.hex(s, "Message_ServerHello");
        ServerHello sh = (ServerHello) parseExact(new RawHandshakeMessage(org.tls4j.handshake.HandshakeType.SERVER_HELLO,
                Arrays.copyOfRange(shBytes, 4, shBytes.length)));
        assertEquals(CipherSuite.TLS_AES_128_GCM_SHA256, sh.cipherSuite);
        KeySchedule13 ks = new KeySchedule13(new Sha256());

        // PSK, if any: the binder in the ClientHello must be ours (RFC 8446, Section 4.2.11.2).
        byte[] psk = null;
        boolean resumption = false;
        if (s.equals("Resumed_0RTT_Handshake")) {
            psk = org.tls4j.testing.Hex.decode(KeySchedule13Rfc8448Test.RESUMPTION_PSK);
            resumption = true;
        } else if (sec.containsKey("PskSecret")) {
            psk = T.hex(s, "PskSecret");
        }
        KeySchedule13.EarlySecret es = ks.early(psk);
        if (psk != null) {
            Transcript t = new Transcript(new Sha256());
            t.add(ch.encodeTruncatedForBinders());
            assertArrayEquals(ch.extensions.find(PreSharedKeyClientHello.class).binders.get(0),
                    ks.verifyData(es.binderKey(resumption), t.hash()), "PSK binder");
            assertEquals(0, sh.extensions.find(PreSharedKeyServerHello.class).selectedIdentity);
        }

        KeyShareServerHello share = sh.extensions.find(KeyShareServerHello.class);
        assertEquals(NamedGroup.X25519, share.serverShare.group);
        // The client drew its random, then (middlebox mode, RFC 8446, Appendix D.4) a 32-byte
        // legacy_session_id, then its X25519 key. Check the key against the ClientHello's share.
        int keyAt = 32 + ch.legacySessionId().length;
        byte[] clientKey = Arrays.copyOfRange(T.hex(s, "Client_RNG_Pool"), keyAt, keyAt + 32);
        byte[] basePoint = new byte[32];
        basePoint[0] = 9;
        assertArrayEquals(ch.extensions.find(KeyShareClientHello.class).shareFor(NamedGroup.X25519).keyExchange(),
                x25519(clientKey, basePoint), "client X25519 public key");
        byte[] ecdhe = x25519(clientKey, share.serverShare.keyExchange());
        if (s.equals("Simple_1RTT_Handshake")) {
            assertEquals(KeySchedule13Rfc8448Test.ECDHE, org.tls4j.testing.Hex.encode(ecdhe));
        }

        Transcript tr = new Transcript(new Sha256());
        tr.add(chBytes);
        byte[] earlyTraffic = es.clientEarlyTrafficSecret(tr.hash());
        tr.add(shBytes);
        KeySchedule13.HandshakeSecret hs = es.handshake(ecdhe);
        byte[] cHs = hs.clientHandshakeTrafficSecret(tr.hash());
        byte[] sHs = hs.serverHandshakeTrafficSecret(tr.hash());

        // Server flight.
        int serverMessages = 0;
        List<RawHandshakeMessage> server = new Reader(ks, sHs).handshake(
                records(T.hex(s, "Record_ServerHandshakeMessages")), new HandshakeReassembler());
        for (RawHandshakeMessage raw : server) {
            HandshakeMessage m = parseExact(raw);
            String name = fileName(raw, true);
            if (sec.containsKey(name)) {
                assertArrayEquals(T.hex(s, name), raw.encoded(), name);
                serverMessages++;
            }
            if (m instanceof CertificateVerify) {
                assertArrayEquals(T.hex(s, "Server_MessageToSign"), CertificateVerifyContent.of(true, tr.hash()));
                assertArrayEquals(T.hex(s, "Server_MessageSignature"), ((CertificateVerify) m).signature());
            }
            if (m instanceof Finished) {
                assertArrayEquals(((Finished) m).verifyData(), ks.verifyData(sHs, tr.hash()), "server Finished");
            }
            tr.add(raw);
        }
        assertTrue(server.get(server.size() - 1).type.equals(org.tls4j.handshake.HandshakeType.FINISHED));
        KeySchedule13.MasterSecret ms = hs.master();
        byte[] cAp = ms.clientApplicationTrafficSecret0(tr.hash());

        // Client flight: EndOfEarlyData under the early keys after 0-RTT (seq 1: the early data was
        // seq 0), then Certificate/CertificateVerify/Finished under the handshake keys.
        List<byte[]> clientRecords = records(T.hex(s, "Record_ClientFinished"));
        if (sec.containsKey("Record_Client_EarlyAppData")) {
            Reader early = new Reader(ks, earlyTraffic);
            early.seq = 1;
            List<RawHandshakeMessage> eoed = early.handshake(clientRecords.subList(0, 1), new HandshakeReassembler());
            assertEquals(1, eoed.size());
            assertEquals(EndOfEarlyData.INSTANCE, parseExact(eoed.get(0)));
            tr.add(eoed.get(0));
            clientRecords = clientRecords.subList(1, clientRecords.size());
        }
        int clientMessages = 0;
        for (RawHandshakeMessage raw : new Reader(ks, cHs).handshake(clientRecords, new HandshakeReassembler())) {
            HandshakeMessage m = parseExact(raw);
            if (m instanceof CertificateVerify) {
                assertArrayEquals(T.hex(s, "Client_MessageToSign"), CertificateVerifyContent.of(false, tr.hash()));
                assertArrayEquals(T.hex(s, "Client_MessageSignature"), ((CertificateVerify) m).signature());
            }
            if (m instanceof Finished) {
                assertArrayEquals(((Finished) m).verifyData(), ks.verifyData(cHs, tr.hash()), "client Finished");
            }
            tr.add(raw);
            clientMessages++;
        }

        // First client application record, where the trace has one.
        if (sec.containsKey("Record_Client_AppData")) {
            Reader app = new Reader(ks, cAp);
            Object[] opened = KeySchedule13Rfc8448Test.open(app.key, app.iv, 0, T.hex(s, "Record_Client_AppData"));
            assertEquals(23, opened[0]);
            assertArrayEquals(T.hex(s, "Client_AppData"), (byte[]) opened[1]);
        }
        System.out.printf("RFC 8448 replay %-45s server messages %d (%d in file), client messages %d%n", s,
                server.size(), serverMessages, clientMessages);
    }

    private static String fileName(RawHandshakeMessage raw, boolean server) {
        switch (raw.type.code) {
            case 8: return "Message_EncryptedExtensions";
            case 13: return "Message_CertificateRequest";
            case 11: return server ? "Message_Server_Certificate" : "Message_Client_Certificate";
            case 15: return server ? "Message_Server_CertificateVerify" : "Message_Client_CertificateVerify";
            case 20: return server ? "Message_Server_Finished" : "Message_Client_Finished";
            default: return "-";
        }
    }
}
