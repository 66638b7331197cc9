package org.tls4j.handshake.tls13;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.List;

import javax.crypto.KeyAgreement;

import org.junit.jupiter.api.Test;
import org.tls4j.crypto.hash.Sha256;
import org.tls4j.handshake.HandshakeReassembler;
import org.tls4j.handshake.NamedGroup;
import org.tls4j.handshake.RawHandshakeMessage;
import org.tls4j.handshake.Rfc8448Transcripts;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.ext.KeyShareClientHello;
import org.tls4j.handshake.msg.ClientHello;
import org.tls4j.handshake.msg.Finished;
import org.tls4j.handshake.msg.HelloRetryRequest;
import org.tls4j.handshake.msg.Tls13Messages;

/**
 * The HelloRetryRequest trace of RFC 8448, Section 5, end to end: the transcript replaces
 * ClientHello1 by message_hash (RFC 8446, Section 4.4.1), and only with that transcript do the
 * derived handshake keys open the server's flight, does the server's Finished verify, and does the
 * client's Finished record hold our verify_data.
 *
 * <p>The P-256 ECDHE secret is computed with the JDK's ECDH (test-only oracle; the library itself
 * uses no JCA): the server's private key is the second 32 bytes of {@code Server_RNG_Pool} (after
 * the 32-byte ServerHello random), the client's public key is its key_share in ClientHello2.
 */
class HelloRetryRequestTraceTest {
    private static final Rfc8448Transcripts T = Rfc8448Transcripts.load();
    private static final String H = "HelloRetryRequest_Handshake";

    static byte[] p256Ecdh(byte[] privateKey, byte[] uncompressedPoint) throws Exception {
        AlgorithmParameters p = AlgorithmParameters.getInstance("EC");
        p.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec spec = p.getParameterSpec(ECParameterSpec.class);
        KeyFactory kf = KeyFactory.getInstance("EC");
        PrivateKey priv = kf.generatePrivate(new ECPrivateKeySpec(new BigInteger(1, privateKey), spec));
        assertEquals(4, uncompressedPoint[0]);
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(uncompressedPoint, 1, 33));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(uncompressedPoint, 33, 65));
        PublicKey pub = kf.generatePublic(new ECPublicKeySpec(new ECPoint(x, y), spec));
        KeyAgreement ka = KeyAgreement.getInstance("ECDH");
        ka.init(priv);
        ka.doPhase(pub, true);
        return ka.generateSecret();
    }

    @Test
    void transcriptWithMessageHashOpensTheServerFlight() throws Exception {
        byte[] ch1 = T.handshakeRecordPayload(H, "Record_ClientHello_1");
        byte[] hrr = T.handshakeRecordPayload(H, "Record_HelloRetryRequest");
        byte[] ch2 = T.handshakeRecordPayload(H, "Record_ClientHello_2");
        byte[] sh = T.hex(H, "Message_ServerHello");
        assertInstanceOf(HelloRetryRequest.class, Tls13Messages.parse(raw(hrr), 32));

        Transcript tr = new Transcript();
        tr.add(ch1);
        tr.start(new Sha256()); // the suite (and hash) comes with the HelloRetryRequest
        tr.replaceWithMessageHash();
        tr.add(hrr);
        tr.add(ch2);
        tr.add(sh);

        ClientHello hello2 = ClientHello.read(new TlsReader(Arrays.copyOfRange(ch2, 4, ch2.length)));
        byte[] clientShare = hello2.extensions.find(KeyShareClientHello.class).shareFor(NamedGroup.SECP256R1).keyExchange();
        byte[] serverPrivate = Arrays.copyOfRange(T.hex(H, "Server_RNG_Pool"), 32, 64);
        byte[] ecdhe = p256Ecdh(serverPrivate, clientShare);

        KeySchedule13 ks = new KeySchedule13(new Sha256());
        KeySchedule13.HandshakeSecret hs = ks.early(null).handshake(ecdhe);
        byte[] sHs = hs.serverHandshakeTrafficSecret(tr.hash());
        byte[] cHs = hs.clientHandshakeTrafficSecret(tr.hash());

        Object[] flight = KeySchedule13Rfc8448Test.open(ks.trafficKey(sHs, 16), ks.trafficIv(sHs, 12), 0,
                T.hex(H, "Record_ServerHandshakeMessages"));
        assertEquals(22, flight[0]);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (String k : new String[] {"Message_EncryptedExtensions", "Message_Server_Certificate",
                "Message_Server_CertificateVerify", "Message_Server_Finished"}) {
            expected.write(T.hex(H, k));
        }
        assertArrayEquals(expected.toByteArray(), (byte[]) flight[1]);

        HandshakeReassembler r = new HandshakeReassembler();
        r.add((byte[]) flight[1]);
        List<RawHandshakeMessage> msgs = new java.util.ArrayList<>();
        for (RawHandshakeMessage m; (m = r.next()) != null; ) {
            msgs.add(m);
        }
        assertEquals(4, msgs.size());
        for (int i = 0; i < 3; i++) {
            tr.add(msgs.get(i));
        }
        Finished sf = (Finished) Tls13Messages.parse(msgs.get(3), 32);
        assertArrayEquals(sf.verifyData(), ks.verifyData(sHs, tr.hash()), "server Finished");
        tr.add(msgs.get(3));

        byte[] cVerify = ks.verifyData(cHs, tr.hash());
        Object[] cf = KeySchedule13Rfc8448Test.open(ks.trafficKey(cHs, 16), ks.trafficIv(cHs, 12), 0,
                T.hex(H, "Record_ClientFinished"));
        assertEquals(22, cf[0]);
        assertArrayEquals(new Finished(cVerify).encode(), (byte[]) cf[1], "client Finished");

        // Control: hashing ClientHello1 itself instead of message_hash gives keys that do not open it.
        Transcript plain = new Transcript(new Sha256());
        for (byte[] m : new byte[][] {ch1, hrr, ch2, sh}) {
            plain.add(m);
        }
        byte[] wrong = hs.serverHandshakeTrafficSecret(plain.hash());
        assertThrows(org.tls4j.crypto.AuthenticationException.class, () -> KeySchedule13Rfc8448Test.open(
                ks.trafficKey(wrong, 16), ks.trafficIv(wrong, 12), 0, T.hex(H, "Record_ServerHandshakeMessages")));
    }

    private static RawHandshakeMessage raw(byte[] whole) throws Exception {
        HandshakeReassembler r = new HandshakeReassembler();
        r.add(whole);
        return r.next();
    }
}
