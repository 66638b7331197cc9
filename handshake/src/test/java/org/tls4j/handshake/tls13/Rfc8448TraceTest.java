package org.tls4j.handshake.tls13;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tls4j.crypto.hash.Sha256;
import org.tls4j.handshake.HandshakeMessage;
import org.tls4j.handshake.HandshakeReassembler;
import org.tls4j.handshake.RawHandshakeMessage;
import org.tls4j.handshake.Rfc8448Transcripts;
import org.tls4j.handshake.msg.Tls13Messages;
import org.tls4j.handshake.trace.HandshakeDescriber;
import org.tls4j.handshake.trace.TraceNode;
import org.tls4j.testing.Hex;

/**
 * The trace of RFC 8448, Section 3 (Simple 1-RTT Handshake): every message type of that handshake is
 * described by {@link HandshakeDescriber} with the field values the RFC prints (the expected strings
 * below are transcribed from the RFC text: randoms, key shares, suites, groups, verify_data, ticket
 * fields), and every step of the key schedule is reported to {@link TlsListener#onKeyScheduleStep} with
 * its RFC 8446 label and the value RFC 8448 prints for it.
 *
 * <p>The client Finished and the NewSessionTicket are only in encrypted records in
 * {@code transcripts.vec}; they are opened with the keys RFC 8448 prints (as in
 * {@link KeySchedule13Rfc8448Test}).
 */
class Rfc8448TraceTest {
    private static final Rfc8448Transcripts T = Rfc8448Transcripts.load();
    private static final String S = "Simple_1RTT_Handshake";
    // RFC 8448, Section 3: client {send handshake record}, {server send application data} keys.
    private static final String C_HS_KEY = KeySchedule13Rfc8448Test.C_HS_KEY;
    private static final String C_HS_IV = KeySchedule13Rfc8448Test.C_HS_IV;
    private static final String S_AP_KEY = KeySchedule13Rfc8448Test.S_AP_KEY;
    private static final String S_AP_IV = KeySchedule13Rfc8448Test.S_AP_IV;

    private static TraceNode describe(byte[] wire) throws Exception {
        HandshakeReassembler r = new HandshakeReassembler();
        r.add(wire);
        RawHandshakeMessage raw = r.next();
        assertNotNull(raw);
        HandshakeMessage m = Tls13Messages.parse(raw, 32);
        TraceNode n = HandshakeDescriber.of(m);
        System.out.print(n.render());
        return n;
    }

    private static String v(TraceNode n, String... path) {
        TraceNode f = n.find(path);
        assertNotNull(f, "no field " + String.join("/", path) + " in\n" + n.render());
        return f.value;
    }

    @Test
    void clientHello() throws Exception {
        TraceNode ch = describe(T.handshakeRecordPayload(S, "Record_ClientHello_1"));
        assertEquals("ClientHello", ch.name);
        assertEquals("RFC 8446, Section 4.1.2; RFC 5246, Section 7.4.1.2", ch.section);
        assertEquals("client_hello (1)", v(ch, "msg_type"));
        assertEquals("TLSv1.2 (0x0303)", v(ch, "legacy_version"));
        assertEquals("32 bytes: cb34ecb1e78163ba1c38c6dacb196a6dffa21a8d9912ec18a2ef6283024dece7", v(ch, "random"));
        assertEquals("empty", v(ch, "legacy_session_id"));
        assertEquals("TLS_AES_128_GCM_SHA256 (0x1301), TLS_CHACHA20_POLY1305_SHA256 (0x1303),"
                + " TLS_AES_256_GCM_SHA384 (0x1302)", v(ch, "cipher_suites"));
        assertEquals("null (0)", v(ch, "legacy_compression_methods"));
        assertEquals("9 extensions", v(ch, "extensions"));
        assertEquals("host_name (0) \"server\"", v(ch, "extensions", "server_name", "server_name_list"));
        assertEquals("RFC 6066, Section 3", ch.find("extensions", "server_name").section);
        // a TLS 1.2 extension inside a TLS 1.3 ClientHello is decoded too
        assertEquals("empty (initial handshake)",
                v(ch, "extensions", "renegotiation_info", "renegotiated_connection"));
        assertEquals("x25519 (0x001d), secp256r1 (0x0017), secp384r1 (0x0018), secp521r1 (0x0019),"
                + " ffdhe2048 (0x0100), ffdhe3072 (0x0101), ffdhe4096 (0x0102), ffdhe6144 (0x0103), ffdhe8192 (0x0104)",
                v(ch, "extensions", "supported_groups", "named_group_list"));
        assertEquals("empty", v(ch, "extensions", "session_ticket", "ticket"));
        assertEquals("x25519 (0x001d)", v(ch, "extensions", "key_share", "client_shares", "KeyShareEntry", "group"));
        assertEquals("32 bytes: 99381de560e4bd43d23d8e435a7dbafeb3c06e51c13cae4d5413691e529aaf2c",
                v(ch, "extensions", "key_share", "client_shares", "KeyShareEntry", "key_exchange"));
        assertEquals("RFC 8446, Section 4.2.8", ch.find("extensions", "key_share").section);
        assertEquals("TLSv1.3 (0x0304)", v(ch, "extensions", "supported_versions", "versions"));
        assertTrue(v(ch, "extensions", "signature_algorithms", "supported_signature_algorithms")
                .startsWith("ecdsa_secp256r1_sha256 (0x0403), ecdsa_secp384r1_sha384 (0x0503),"));
        assertEquals("psk_dhe_ke (1)", v(ch, "extensions", "psk_key_exchange_modes", "ke_modes"));
        assertEquals("16385 bytes", v(ch, "extensions", "record_size_limit", "RecordSizeLimit"));
    }

    @Test
    void serverFlight() throws Exception {
        TraceNode sh = describe(T.hex(S, "Message_ServerHello"));
        assertEquals("ServerHello", sh.name);
        assertEquals("32 bytes: a6af06a4121860dc5e6e60249cd34c95930c8ac5cb1434dac155772ed3e26928", v(sh, "random"));
        assertEquals("TLS_AES_128_GCM_SHA256 (0x1301)", v(sh, "cipher_suite"));
        assertEquals("0", v(sh, "legacy_compression_method"));
        assertEquals("x25519 (0x001d)", v(sh, "extensions", "key_share", "server_share", "group"));
        assertEquals("32 bytes: c9828876112095fe66762bdbf7c672e156d6cc253b833df1dd69b1b04e751f0f",
                v(sh, "extensions", "key_share", "server_share", "key_exchange"));
        assertEquals("TLSv1.3 (0x0304)", v(sh, "extensions", "supported_versions", "selected_version"));

        TraceNode ee = describe(T.hex(S, "Message_EncryptedExtensions"));
        assertEquals("RFC 8446, Section 4.3.1", ee.section);
        assertEquals("3 extensions", v(ee, "extensions"));
        assertTrue(v(ee, "extensions", "supported_groups", "named_group_list").startsWith("x25519 (0x001d), secp256r1"));
        assertEquals("16385 bytes", v(ee, "extensions", "record_size_limit", "RecordSizeLimit"));
        assertTrue(v(ee, "extensions", "server_name", "server_name_list").startsWith("empty"));

        TraceNode cert = describe(T.hex(S, "Message_Server_Certificate"));
        assertEquals("RFC 8446, Section 4.4.2", cert.section);
        assertEquals("empty", v(cert, "certificate_request_context"));
        assertEquals("1 entries", v(cert, "certificate_list"));
        assertTrue(v(cert, "certificate_list", "CertificateEntry 0", "cert_data").startsWith("432 bytes: 308201ac"));
        assertEquals("CN=rsa", v(cert, "certificate_list", "CertificateEntry 0", "cert_data", "subject"));
        assertEquals("CN=rsa", v(cert, "certificate_list", "CertificateEntry 0", "cert_data", "issuer"));

        TraceNode cv = describe(T.hex(S, "Message_Server_CertificateVerify"));
        assertEquals("RFC 8446, Section 4.4.3", cv.section);
        assertEquals("rsa_pss_rsae_sha256 (0x0804)", v(cv, "algorithm"));
        assertEquals("128 bytes: 5a747c5d88fa9bd2e55ab085a61015b7211f824cd484145ab3ff52f1fda8477b...", v(cv, "signature"));

        TraceNode fin = describe(T.hex(S, "Message_Server_Finished"));
        assertEquals("RFC 8446, Section 4.4.4; RFC 5246, Section 7.4.9", fin.section);
        assertEquals("32 bytes: 9b9b141d906337fbd2cbdce71df4deda4ab42c309572cb7fffee5454b78f0718", v(fin, "verify_data"));
    }

    @Test
    void clientFinishedAndNewSessionTicket() throws Exception {
        Object[] cf = KeySchedule13Rfc8448Test.open(Hex.decode(C_HS_KEY), Hex.decode(C_HS_IV), 0,
                T.hex(S, "Record_ClientFinished"));
        assertEquals(22, cf[0]);
        TraceNode fin = describe((byte[]) cf[1]);
        assertEquals("Finished", fin.name);
        assertEquals("32 bytes: a8ec436d677634ae525ac1fcebe11a039ec17694fac6e98527b642f2edd5ce61", v(fin, "verify_data"));

        Object[] nst = KeySchedule13Rfc8448Test.open(Hex.decode(S_AP_KEY), Hex.decode(S_AP_IV), 0,
                T.hex(S, "Record_NewSessionTicket"));
        assertEquals(22, nst[0]);
        TraceNode t = describe((byte[]) nst[1]);
        assertEquals("NewSessionTicket", t.name);
        assertEquals("RFC 8446, Section 4.6.1", t.section);
        assertEquals("new_session_ticket (4)", v(t, "msg_type"));
        assertEquals("30 seconds", v(t, "ticket_lifetime"));
        assertEquals(String.valueOf(0xfad6aac5L), v(t, "ticket_age_add"));
        assertEquals("2 bytes: 0000", v(t, "ticket_nonce"));
        assertEquals("178 bytes: 2c035d829359ee5ff7af4ec900000000262a6494dc486d2c8a34cb33fa90bf1b...", v(t, "ticket"));
        assertEquals("1024 bytes", v(t, "extensions", "early_data", "max_early_data_size"));
        assertEquals("RFC 8446, Section 4.2.10", t.find("extensions", "early_data").section);
    }

    /** RFC 8448, Section 5: the HelloRetryRequest asks for secp256r1 and carries a cookie. */
    @Test
    void helloRetryRequest() throws Exception {
        String h = "HelloRetryRequest_Handshake";
        TraceNode hrr = describe(T.handshakeRecordPayload(h, "Record_HelloRetryRequest"));
        assertEquals("HelloRetryRequest", hrr.name);
        assertEquals("RFC 8446, Section 4.1.4", hrr.section);
        assertEquals("server_hello (2)", v(hrr, "msg_type"));
        assertTrue(v(hrr, "random").startsWith("32 bytes: cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c"),
                v(hrr, "random"));
        assertEquals("TLS_AES_128_GCM_SHA256 (0x1301)", v(hrr, "cipher_suite"));
        assertEquals("secp256r1 (0x0017)", v(hrr, "extensions", "key_share", "selected_group"));
        assertEquals("TLSv1.3 (0x0304)", v(hrr, "extensions", "supported_versions", "selected_version"));
        assertEquals(HandshakeDescriber.DEFAULT.bytes(T.hex(h, "HelloRetryRequest_Cookie")),
                v(hrr, "extensions", "cookie", "cookie"));
        TraceNode ch2 = describe(T.handshakeRecordPayload(h, "Record_ClientHello_2"));
        assertEquals("secp256r1 (0x0017)", v(ch2, "extensions", "key_share", "client_shares", "KeyShareEntry", "group"));
        assertTrue(v(ch2, "extensions", "key_share", "client_shares", "KeyShareEntry", "key_exchange").startsWith("65 bytes: 04"));
        assertEquals(v(hrr, "extensions", "cookie", "cookie"), v(ch2, "extensions", "cookie", "cookie"));
    }

    /** The key schedule of RFC 8448, Section 3, as the listener sees it: labels in order, values as printed. */
    @Test
    void keyScheduleSteps() throws Exception {
        List<KeyScheduleStep> steps = new ArrayList<>();
        TlsListener l = new TlsListener() {
            @Override
            public void onKeyScheduleStep(KeyScheduleStep step) {
                steps.add(step);
            }
        };
        KeySchedule13 ks = new KeySchedule13(new Sha256(), l);
        Transcript tr = new Transcript();
        tr.add(T.handshakeRecordPayload(S, "Record_ClientHello_1"));
        tr.add(T.hex(S, "Message_ServerHello"));
        tr.start(new Sha256());
        KeySchedule13.EarlySecret es = ks.early(null);
        KeySchedule13.HandshakeSecret hs = es.handshake(Hex.decode(KeySchedule13Rfc8448Test.ECDHE));
        hs.clientHandshakeTrafficSecret(tr.hash());
        hs.serverHandshakeTrafficSecret(tr.hash());
        KeySchedule13.MasterSecret ms = hs.master();
        byte[] sf = Hex.decode(KeySchedule13Rfc8448Test.SERVER_FINISHED_HASH);
        ms.clientApplicationTrafficSecret0(sf);
        ms.serverApplicationTrafficSecret0(sf);
        ms.exporterMasterSecret(sf);
        ms.resumptionMasterSecret(Hex.decode(KeySchedule13Rfc8448Test.CLIENT_FINISHED_HASH));

        List<String> seen = new ArrayList<>();
        for (KeyScheduleStep s : steps) {
            System.out.println(s);
            seen.add(s.operation + " " + s.label + " -> " + s.output);
        }
        assertEquals(Arrays.asList(
                "HKDF-Extract null -> Early Secret",
                "Derive-Secret derived -> salt of the next HKDF-Extract",
                "HKDF-Extract null -> Handshake Secret",
                "Derive-Secret c hs traffic -> client_handshake_traffic_secret",
                "Derive-Secret s hs traffic -> server_handshake_traffic_secret",
                "Derive-Secret derived -> salt of the next HKDF-Extract",
                "HKDF-Extract null -> Master Secret",
                "Derive-Secret c ap traffic -> client_application_traffic_secret_0",
                "Derive-Secret s ap traffic -> server_application_traffic_secret_0",
                "Derive-Secret exp master -> exporter_master_secret",
                "Derive-Secret res master -> resumption_master_secret"), seen);
        // RFC 8448, Section 3, the values it prints for those secrets
        assertEquals(KeySchedule13Rfc8448Test.EARLY, Hex.encode(steps.get(0).value()));
        assertEquals("6f2615a108c702c5678f54fc9dbab69716c076189c48250cebeac3576c3611ba", Hex.encode(steps.get(1).value()));
        assertEquals(KeySchedule13Rfc8448Test.HANDSHAKE, Hex.encode(steps.get(2).value()));
        assertEquals(KeySchedule13Rfc8448Test.C_HS, Hex.encode(steps.get(3).value()));
        assertEquals(KeySchedule13Rfc8448Test.S_HS, Hex.encode(steps.get(4).value()));
        assertEquals("43de77e0c77713859a944db9db2590b53190a65b3ee2e4f12dd7a0bb7ce254b4", Hex.encode(steps.get(5).value()));
        assertEquals(KeySchedule13Rfc8448Test.MASTER, Hex.encode(steps.get(6).value()));
        assertEquals(KeySchedule13Rfc8448Test.C_AP, Hex.encode(steps.get(7).value()));
        assertEquals(KeySchedule13Rfc8448Test.S_AP, Hex.encode(steps.get(8).value()));
        assertEquals(KeySchedule13Rfc8448Test.EXP_MASTER, Hex.encode(steps.get(9).value()));
        assertEquals(KeySchedule13Rfc8448Test.RES_MASTER, Hex.encode(steps.get(10).value()));
        for (KeyScheduleStep s : steps) {
            assertEquals(32, s.length());
            assertEquals("RFC 8446, Section 7.1", s.section);
        }

        steps.clear();
        byte[] key = ks.trafficKey(Hex.decode(KeySchedule13Rfc8448Test.S_HS), 16);
        assertEquals(1, steps.size());
        assertEquals("key", steps.get(0).label);
        assertEquals("RFC 8446, Section 7.3", steps.get(0).section);
        assertEquals(KeySchedule13Rfc8448Test.S_HS_KEY, Hex.encode(steps.get(0).value()));
        assertEquals(16, key.length);
    }

    /** The secret values never appear in toString (what a trace prints without --trace-secrets). */
    @Test
    void stepToStringHasNoSecret() {
        KeyScheduleStep s = new KeyScheduleStep("Master Secret", KeyScheduleStep.DERIVE_SECRET, "res master",
                "resumption_master_secret", "RFC 8446, Section 7.1", Hex.decode(KeySchedule13Rfc8448Test.RES_MASTER));
        assertEquals("Derive-Secret(Master Secret, \"res master\") = resumption_master_secret (32 bytes)", s.toString());
    }
}
