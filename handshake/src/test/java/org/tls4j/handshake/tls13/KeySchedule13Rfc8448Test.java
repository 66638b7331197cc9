package org.tls4j.handshake.tls13;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tls4j.crypto.aead.AesGcm;
import org.tls4j.crypto.hash.Sha256;
import org.tls4j.crypto.hash.Sha384;
import org.tls4j.handshake.HandshakeReassembler;
import org.tls4j.handshake.HandshakeType;
import org.tls4j.handshake.RawHandshakeMessage;
import org.tls4j.handshake.Rfc8448Transcripts;
import org.tls4j.handshake.ext.EarlyData;
import org.tls4j.handshake.ext.PreSharedKeyClientHello;
import org.tls4j.handshake.msg.ClientHello;
import org.tls4j.handshake.msg.Finished;
import org.tls4j.handshake.msg.NewSessionTicket;
import org.tls4j.handshake.msg.Tls13Messages;
import org.tls4j.testing.Hex;

/**
 * The key schedule against RFC 8448, Section 3 (Simple 1-RTT Handshake) and Section 4 (Resumed 0-RTT
 * Handshake), byte for byte.
 *
 * <p>Transcript hashes are computed from the real messages of {@code transcripts.vec} and checked
 * against the RFC's. The expected secrets are the hex values printed in RFC 8448 (transcribed here).
 * The server's encrypted flight, the client Finished, the NewSessionTicket and the application data
 * records are decrypted with keys and IVs our schedule derives, which checks traffic key and IV
 * derivation end to end (AES-128-GCM from the crypto module).
 */
class KeySchedule13Rfc8448Test {
    private static final Rfc8448Transcripts T = Rfc8448Transcripts.load();
    private static final String S = "Simple_1RTT_Handshake";

    // RFC 8448, Section 3 (SHA-256, TLS_AES_128_GCM_SHA256).
    static final String EARLY = "33ad0a1c607ec03b09e6cd9893680ce210adf300aa1f2660e1b22e10f170f92a";
    static final String ECDHE = "8bd4054fb55b9d63fdfbacf9f04b9f0d35e6d63f537563efd46272900f89492d";
    static final String HANDSHAKE = "1dc826e93606aa6fdc0aadc12f741b01046aa6b99f691ed221a9f0ca043fbeac";
    static final String HELLO_HASH = "860c06edc07858ee8e78f0e7428c58edd6b43f2ca3e6e95f02ed063cf0e1cad8";
    static final String C_HS = "b3eddb126e067f35a780b3abf45e2d8f3b1a950738f52e9600746a0e27a55a21";
    static final String S_HS = "b67b7d690cc16c4e75e54213cb2d37b4e9c912bcded9105d42befd59d391ad38";
    static final String S_HS_KEY = "3fce516009c21727d0f2e4e86ee403bc";
    static final String S_HS_IV = "5d313eb2671276ee13000b30";
    static final String C_HS_KEY = "dbfaa693d1762c5b666af5d950258d01";
    static final String C_HS_IV = "5bd3c71b836e0b76bb73265f";
    static final String S_FINISHED_KEY = "008d3b66f816ea559f96b537e885c31fc068bf492c652f01f288a1d8cdc19fc8";
    static final String MASTER = "18df06843d13a08bf2a449844c5f8a478001bc4d4c627984d5a41da8d0402919";
    static final String SERVER_FINISHED_HASH = "9608102a0f1ccc6db6250b7b7e417b1a000eaada3daae4777a7686c9ff83df13";
    static final String C_AP = "9e40646ce79a7f9dc05af8889bce6552875afa0b06df0087f792ebb7c17504a5";
    static final String S_AP = "a11af9f05531f856ad47116b45a950328204b4f44bfb6b3a4b4f1f3fcb631643";
    static final String EXP_MASTER = "fe22f881176eda18eb8f44529e6792c50c9a3f89452f68d8ae311b4309d3cf50";
    static final String S_AP_KEY = "9f02283b6c9c07efc26bb9f2ac92e356";
    static final String S_AP_IV = "cf782b88dd83549aadf1e984";
    static final String C_AP_KEY = "17422dda596ed5d9acd890e3c63f5051";
    static final String C_AP_IV = "5b78923dee08579033e523d9";
    static final String C_FINISHED_KEY = "b80ad01015fb2f0bd65ff7d4da5d6bf83f84821d1f87fdc7d3c75b5a7b42d9c4";
    static final String C_VERIFY_DATA = "a8ec436d677634ae525ac1fcebe11a039ec17694fac6e98527b642f2edd5ce61";
    static final String CLIENT_FINISHED_HASH = "209145a96ee8e2a122ff810047cc952684658d6049e86429426db87c54ad143d";
    static final String RES_MASTER = "7df235f2031d2a051287d02b0241b0bfdaf86cc856231f2d5aba46c434ec196c";
    static final String RESUMPTION_PSK = "4ecd0eb6ec3b4d87f5d6028f922ca4c5851a277fd41311c9e62d2c9492e1c4f3";
    // RFC 8448, Section 4 (resumption with the ticket above).
    static final String RESUMED_EARLY = "9b2188e9b2fc6d64d71dc329900e20bb41915000f678aa839cbb797cb7d8332c";
    static final String TRUNCATED_CH_HASH = "63224b2e4573f2d3454ca84b9d009a04f6be9e05711a8396473aefa01e924a14";
    static final String RES_BINDER_KEY = "69fe131a3bbad5d63c64eebcc30e395b9d8107726a13d074e389dbc8a4e47256";
    static final String BINDER_FINISHED_KEY = "5588673e72cb59c87d220caffe94f2dea9a3b1609f7d50e90a48227db9ed7eaa";
    static final String BINDER = "3add4fb2d8fdf822a0ca3cf7678ef5e88dae990141c5924d57bb6fa31b9e5f9d";
    static final String RESUMED_CH_HASH = "08ad0fa05d7c7233b1775ba2ff9f4c5b8b59276b7f227f13a976245f5d960913";
    static final String C_E_TRAFFIC = "3fbbe6a60deb66c30a32795aba0eff7eaa10105586e7be5c09678d63b6caab62";
    static final String E_EXP_MASTER = "b2026866610937d7423e5be90862ccf24c0e6091186d34f812089ff5be2ef7df";
    static final String C_E_KEY = "920205a5b7bf2115e6fc5c2942834f54";
    static final String C_E_IV = "6d475f0993c8e564610db2b9";

    private static void eq(String expectedHex, byte[] actual, String what) {
        assertEquals(expectedHex, Hex.encode(actual), what);
    }

    /** Opens one TLS 1.3 AES-128-GCM record (RFC 8446, Section 5.2) and returns (content type, content). */
    static Object[] open(byte[] key, byte[] iv, long seq, byte[] record) throws Exception {
        byte[] nonce = iv.clone();
        for (int i = 0; i < 8; i++) {
            nonce[4 + i] ^= (byte) (seq >>> (56 - 8 * i));
        }
        int len = (record[3] & 0xff) << 8 | (record[4] & 0xff);
        assertEquals(record.length, 5 + len, "one record");
        byte[] out = new byte[len - 16];
        new AesGcm(key).open(nonce, 0, record, 0, 5, record, 5, len, out, 0);
        int n = out.length;
        while (out[n - 1] == 0) {
            n--;
        }
        return new Object[] {out[n - 1] & 0xff, Arrays.copyOf(out, n - 1)};
    }

    private static List<RawHandshakeMessage> messages(byte[] payload) throws Exception {
        HandshakeReassembler r = new HandshakeReassembler();
        r.add(payload);
        List<RawHandshakeMessage> out = new ArrayList<>();
        for (RawHandshakeMessage m; (m = r.next()) != null; ) {
            out.add(m);
        }
        assertTrue(r.isEmpty());
        return out;
    }

    @Test
    void simpleOneRttHandshake() throws Exception {
        KeySchedule13 ks = new KeySchedule13(new Sha256());
        Transcript tr = new Transcript();
        tr.add(T.handshakeRecordPayload(S, "Record_ClientHello_1"));
        tr.add(T.hex(S, "Message_ServerHello"));
        tr.start(new Sha256()); // the client learns the hash from ServerHello
        eq(HELLO_HASH, tr.hash(), "Transcript-Hash(ClientHello, ServerHello)");

        KeySchedule13.EarlySecret es = ks.early(null);
        eq(EARLY, es.secret(), "early secret");
        KeySchedule13.HandshakeSecret hs = es.handshake(Hex.decode(ECDHE));
        eq(HANDSHAKE, hs.secret(), "handshake secret");
        byte[] cHs = hs.clientHandshakeTrafficSecret(tr.hash());
        byte[] sHs = hs.serverHandshakeTrafficSecret(tr.hash());
        eq(C_HS, cHs, "client_handshake_traffic_secret");
        eq(S_HS, sHs, "server_handshake_traffic_secret");
        eq(S_HS_KEY, ks.trafficKey(sHs, 16), "server handshake key");
        eq(S_HS_IV, ks.trafficIv(sHs, 12), "server handshake iv");
        eq(C_HS_KEY, ks.trafficKey(cHs, 16), "client handshake key");
        eq(C_HS_IV, ks.trafficIv(cHs, 12), "client handshake iv");

        // The server's encrypted flight decrypts to EE, Certificate, CertificateVerify, Finished.
        Object[] flight = open(ks.trafficKey(sHs, 16), ks.trafficIv(sHs, 12), 0,
                T.hex(S, "Record_ServerHandshakeMessages"));
        assertEquals(22, flight[0]);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (String k : new String[] {"Message_EncryptedExtensions", "Message_Server_Certificate",
                "Message_Server_CertificateVerify", "Message_Server_Finished"}) {
            expected.write(T.hex(S, k));
        }
        assertArrayEquals(expected.toByteArray(), (byte[]) flight[1]);
        List<RawHandshakeMessage> server = messages((byte[]) flight[1]);
        assertEquals(4, server.size());
        for (int i = 0; i < 3; i++) {
            tr.add(server.get(i));
        }
        eq(S_FINISHED_KEY, ks.finishedKey(sHs), "server finished_key");
        Finished sf = assertInstanceOf(Finished.class, Tls13Messages.parse(server.get(3), ks.hashLength()));
        assertArrayEquals(sf.verifyData(), ks.verifyData(sHs, tr.hash()), "server Finished verify_data");
        tr.add(server.get(3));
        eq(SERVER_FINISHED_HASH, tr.hash(), "Transcript-Hash(ClientHello ... server Finished)");

        KeySchedule13.MasterSecret ms = hs.master();
        eq(MASTER, ms.secret(), "master secret");
        byte[] cAp = ms.clientApplicationTrafficSecret0(tr.hash());
        byte[] sAp = ms.serverApplicationTrafficSecret0(tr.hash());
        eq(C_AP, cAp, "client_application_traffic_secret_0");
        eq(S_AP, sAp, "server_application_traffic_secret_0");
        eq(EXP_MASTER, ms.exporterMasterSecret(tr.hash()), "exporter_master_secret");
        eq(S_AP_KEY, ks.trafficKey(sAp, 16), "server application key");
        eq(S_AP_IV, ks.trafficIv(sAp, 12), "server application iv");
        eq(C_AP_KEY, ks.trafficKey(cAp, 16), "client application key");
        eq(C_AP_IV, ks.trafficIv(cAp, 12), "client application iv");

        // Client Finished: computed, then found inside the client's encrypted record.
        eq(C_FINISHED_KEY, ks.finishedKey(cHs), "client finished_key");
        byte[] cVerify = ks.verifyData(cHs, tr.hash());
        eq(C_VERIFY_DATA, cVerify, "client Finished verify_data");
        Object[] cf = open(ks.trafficKey(cHs, 16), ks.trafficIv(cHs, 12), 0, T.hex(S, "Record_ClientFinished"));
        assertEquals(22, cf[0]);
        byte[] clientFinished = new Finished(cVerify).encode();
        assertArrayEquals(clientFinished, (byte[]) cf[1]);
        tr.add(clientFinished);
        eq(CLIENT_FINISHED_HASH, tr.hash(), "Transcript-Hash(ClientHello ... client Finished)");
        byte[] resMaster = ms.resumptionMasterSecret(tr.hash());
        eq(RES_MASTER, resMaster, "resumption_master_secret");

        // NewSessionTicket, first record under the server application keys.
        Object[] nstRec = open(ks.trafficKey(sAp, 16), ks.trafficIv(sAp, 12), 0, T.hex(S, "Record_NewSessionTicket"));
        assertEquals(22, nstRec[0]);
        List<RawHandshakeMessage> post = messages((byte[]) nstRec[1]);
        assertEquals(1, post.size());
        NewSessionTicket nst = assertInstanceOf(NewSessionTicket.class, Tls13Messages.parse(post.get(0), 32));
        assertArrayEquals((byte[]) nstRec[1], nst.encode(), "NewSessionTicket re-encodes byte for byte");
        assertArrayEquals(T.hex(S, "SessionTicket"), nst.ticket());
        assertEquals(30, nst.ticketLifetime);
        assertEquals(1024, nst.extensions.find(EarlyData.class).maxEarlyDataSize());
        eq(RESUMPTION_PSK, ks.resumptionPsk(resMaster, nst.ticketNonce()), "resumption PSK");

        // Application data, both directions (the server's is its second record).
        Object[] capp = open(ks.trafficKey(cAp, 16), ks.trafficIv(cAp, 12), 0, T.hex(S, "Record_Client_AppData"));
        assertEquals(23, capp[0]);
        assertArrayEquals(T.hex(S, "Client_AppData"), (byte[]) capp[1]);
        Object[] sapp = open(ks.trafficKey(sAp, 16), ks.trafficIv(sAp, 12), 1, T.hex(S, "Record_Server_AppData"));
        assertEquals(23, sapp[0]);
        assertArrayEquals(T.hex(S, "Server_AppData"), (byte[]) sapp[1]);

        es.destroy();
        hs.destroy();
        ms.destroy();
        assertTrue(ms.isDestroyed());
        assertThrows(IllegalStateException.class, ms::secret);
    }

    @Test
    void resumedHandshakeBinder() throws Exception {
        String r = "Resumed_0RTT_Handshake";
        KeySchedule13 ks = new KeySchedule13(new Sha256());
        KeySchedule13.EarlySecret es = ks.early(Hex.decode(RESUMPTION_PSK));
        eq(RESUMED_EARLY, es.secret(), "early secret from the resumption PSK");

        ClientHello ch = ClientHello.read(new org.tls4j.handshake.TlsReader(
                Arrays.copyOfRange(T.handshakeRecordPayload(r, "Record_ClientHello_1"), 4,
                        T.handshakeRecordPayload(r, "Record_ClientHello_1").length)));
        Transcript partial = new Transcript(new Sha256());
        partial.add(ch.encodeTruncatedForBinders());
        eq(TRUNCATED_CH_HASH, partial.hash(), "Transcript-Hash(truncated ClientHello)");
        eq(RES_BINDER_KEY, es.binderKey(true), "binder_key (res binder)");
        eq(BINDER_FINISHED_KEY, ks.finishedKey(es.binderKey(true)), "binder finished_key");
        byte[] binder = ks.verifyData(es.binderKey(true), partial.hash());
        eq(BINDER, binder, "PSK binder");
        assertArrayEquals(ch.extensions.find(PreSharedKeyClientHello.class).binders.get(0), binder,
                "the PSK binder in the ClientHello (RFC 8446, Section 4.2.11.2)");
        assertTrue(!Arrays.equals(binder, ks.verifyData(es.binderKey(false), partial.hash())),
                "ext binder and res binder differ");

        // 0-RTT: the client's early data record opens under client_early_traffic_secret
        // = Derive-Secret(ES, "c e traffic", ClientHello).
        Transcript withCh = new Transcript(new Sha256());
        withCh.add(ch.encode());
        eq(RESUMED_CH_HASH, withCh.hash(), "Transcript-Hash(ClientHello)");
        byte[] early = es.clientEarlyTrafficSecret(withCh.hash());
        eq(C_E_TRAFFIC, early, "client_early_traffic_secret");
        eq(E_EXP_MASTER, es.earlyExporterMasterSecret(withCh.hash()), "early_exporter_master_secret");
        eq(C_E_KEY, ks.trafficKey(early, 16), "early key");
        eq(C_E_IV, ks.trafficIv(early, 12), "early iv");
        Object[] rec = open(ks.trafficKey(early, 16), ks.trafficIv(early, 12), 0, T.hex(r, "Record_Client_EarlyAppData"));
        assertEquals(23, rec[0]);
        assertArrayEquals(T.hex(r, "Client_EarlyAppData"), (byte[]) rec[1]);
    }

    /**
     * Values the RFCs do not print, computed with Python's hashlib/hmac (an independent HKDF written
     * from RFC 5869 and RFC 8446, Section 7.1, in a few lines), from RFC 8448's secrets.
     */
    @Test
    void keyUpdateAndExporter() throws Exception {
        KeySchedule13 ks = new KeySchedule13(new Sha256());
        eq("fcdfcc72725aaee48bf64e4fd8b749cdbdbab39d90da0b26e2245ca6ea167207",
                ks.nextApplicationTrafficSecret(Hex.decode(C_AP)), "client_application_traffic_secret_1");
        byte[] exp = Hex.decode(EXP_MASTER);
        eq("f01d15a655375797fe91b2216ccfc531722a72b35e887189a44386433728be67",
                ks.exporter(exp, "EXPORTER-tls4j-test", new byte[0], 32), "exporter, empty context");
        eq("f01d15a655375797fe91b2216ccfc531722a72b35e887189a44386433728be67",
                ks.exporter(exp, "EXPORTER-tls4j-test", null, 32), "exporter, no context = empty context");
        eq("cae956b54c27012a269f8d7ff2cd915a73c8e76e",
                ks.exporter(exp, "EXPORTER-tls4j-test", "abc".getBytes("US-ASCII"), 20), "exporter, context abc");
    }

    /**
     * A whole SHA-384 schedule (TLS_AES_256_GCM_SHA384), inputs: no PSK, (EC)DHE = bytes 1..48,
     * transcript hashes SHA-384("hello transcript") and SHA-384("finished transcript"). Expected values
     * from the same independent Python HKDF.
     */
    @Test
    void sha384Schedule() throws Exception {
        KeySchedule13 ks = new KeySchedule13(new Sha384());
        assertEquals(48, ks.hashLength());
        KeySchedule13.EarlySecret es = ks.early(null);
        eq("7ee8206f5570023e6dc7519eb1073bc4e791ad37b5c382aa10ba18e2357e716971f9362f2c2fe2a76bfd78dfec4ea9b5",
                es.secret(), "early");
        byte[] shared = new byte[48];
        for (int i = 0; i < 48; i++) {
            shared[i] = (byte) (i + 1);
        }
        KeySchedule13.HandshakeSecret hs = es.handshake(shared);
        eq("48c650affee3293e57591b978b45afe555814102deb1d35a9c1cc935f20908290454c4bccd820b33d1b499da6e7b6c90",
                hs.secret(), "handshake");
        byte[] th = sha384("hello transcript");
        eq("a7f1dc8ba82ce3e01460ce94698914b61aac2a0135f1c37a755aacd12f079111086953654309805716b001c14ee45335",
                hs.clientHandshakeTrafficSecret(th), "c hs");
        eq("0c63d4452bcf50ab3c0180a787f2639b742923f4571712107c4eb1513099938450d3c20c2e00cb8aa9949a6153a76e4e",
                hs.serverHandshakeTrafficSecret(th), "s hs");
        KeySchedule13.MasterSecret ms = hs.master();
        eq("9c4bcb67268f8b38a02d462087c52f05a452e3ece93fd0806bb61302fa7892af8c5cbaee18685854327f78cb6fd2e276",
                ms.secret(), "master");
        byte[] th2 = sha384("finished transcript");
        byte[] cAp = ms.clientApplicationTrafficSecret0(th2);
        eq("861b44b7f01c8fe1ad4cfe8978a6ab12d347721bbfb75c034d24fd785d68ec2a1c3f30504e84501d672a5fc7cb77e6e7",
                cAp, "c ap");
        eq("03bf0b643968b64a8780e1b3c4943852b22d64f2600661695750f635f19e715f02b0926fef567348fad5668c19dd7d51",
                ms.serverApplicationTrafficSecret0(th2), "s ap");
        eq("21802af9c172b6b01ab05839082a2805e57165bbf37faf9052a2787baba0b06a", ks.trafficKey(cAp, 32), "key");
        eq("7c89c60e3d3b2927671d04ab", ks.trafficIv(cAp, 12), "iv");
        eq("4c53ddca91549c3a1d476e73630cbdeadb56e6fc107f068f3701aa73eb1c12db226e5dddae3ef6285d0fc343727d68a0",
                ks.nextApplicationTrafficSecret(cAp), "traffic upd");
        eq("ddffe1737bf498b5c2f954a6316135ab06fb5a7dca8d00332295f27699e9ea31b68c43c80143524f73161357a6758855",
                ks.verifyData(cAp, th2), "verify_data");
        assertThrows(IllegalArgumentException.class, () -> hs.clientHandshakeTrafficSecret(new byte[32]),
                "a SHA-256 transcript hash in a SHA-384 schedule");
    }

    private static byte[] sha384(String s) throws Exception {
        Sha384 d = new Sha384();
        d.update(s.getBytes("US-ASCII"));
        return d.digest();
    }

    /** RFC 8446, Section 4.4.1: after HelloRetryRequest, ClientHello1 becomes message_hash. */
    @Test
    void helloRetryRequestMessageHash() throws Exception {
        String h = "HelloRetryRequest_Handshake";
        byte[] ch1 = T.handshakeRecordPayload(h, "Record_ClientHello_1");
        byte[] hrr = T.handshakeRecordPayload(h, "Record_HelloRetryRequest");

        Transcript tr = new Transcript(new Sha256());
        tr.add(ch1);
        tr.replaceWithMessageHash();
        tr.add(hrr);

        Sha256 d = new Sha256();
        d.update(ch1);
        byte[] ch1Hash = d.digest();
        byte[] synthetic = Transcript.messageHash(ch1Hash);
        assertEquals(HandshakeType.MESSAGE_HASH.code, synthetic[0] & 0xff);
        assertArrayEquals(new byte[] {(byte) 254, 0, 0, 32}, Arrays.copyOf(synthetic, 4));
        d.update(synthetic);
        d.update(hrr);
        assertArrayEquals(d.digest(), tr.hash());

        Transcript snapshot = tr.copy();
        tr.add(new byte[] {1, 2, 3});
        assertTrue(!Arrays.equals(snapshot.hash(), tr.hash()), "copy() is independent");
    }
}
