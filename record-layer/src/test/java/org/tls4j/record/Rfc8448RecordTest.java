package org.tls4j.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tls4j.crypto.aead.AesGcm;
import org.tls4j.testing.Hex;
import org.tls4j.testing.Vectors;

/**
 * The protected records of RFC 8448, Section 3 (Simple 1-RTT Handshake, TLS_AES_128_GCM_SHA256), from
 * {@code botan/tls_13_rfc8448/transcripts.vec}: each decrypts, through the real {@link Deframer} and
 * {@link ReadState}, to the published plaintext, and re-encrypting that plaintext with the same key and
 * sequence number gives the published record byte for byte.
 *
 * <p>The traffic keys and IVs are derived in the test from the four traffic secrets RFC 8448, Section 3
 * prints, with HKDF-Expand-Label (RFC 8446, Section 7.3), and checked against the key and IV values the
 * RFC prints next to them.
 */
class Rfc8448RecordTest {
    // RFC 8448, Section 3: {server} derive write traffic keys for handshake data.
    static final String SERVER_HS_KEY = "3fce516009c21727d0f2e4e86ee403bc";
    static final String SERVER_HS_IV = "5d313eb2671276ee13000b30";
    // {client} derive read/write traffic keys for handshake data.
    static final String CLIENT_HS_KEY = "dbfaa693d1762c5b666af5d950258d01";
    static final String CLIENT_HS_IV = "5bd3c71b836e0b76bb73265f";
    // {server} derive write traffic keys for application data.
    static final String SERVER_AP_KEY = "9f02283b6c9c07efc26bb9f2ac92e356";
    static final String SERVER_AP_IV = "cf782b88dd83549aadf1e984";
    // {client} derive write traffic keys for application data.
    static final String CLIENT_AP_KEY = "17422dda596ed5d9acd890e3c63f5051";
    static final String CLIENT_AP_IV = "5b78923dee08579033e523d9";

    // RFC 8448, Section 3: the traffic secrets.
    static final String C_HS_TRAFFIC = "b3eddb126e067f35a780b3abf45e2d8f3b1a950738f52e9600746a0e27a55a21";
    static final String S_HS_TRAFFIC = "b67b7d690cc16c4e75e54213cb2d37b4e9c912bcded9105d42befd59d391ad38";
    static final String C_AP_TRAFFIC = "9e40646ce79a7f9dc05af8889bce6552875afa0b06df0087f792ebb7c17504a5";
    static final String S_AP_TRAFFIC = "a11af9f05531f856ad47116b45a950328204b4f44bfb6b3a4b4f1f3fcb631643";

    @Test
    void trafficKeysDeriveFromTheSecrets() throws Exception {
        org.tls4j.crypto.kdf.Hkdf h = new org.tls4j.crypto.kdf.Hkdf(new org.tls4j.crypto.hash.Sha256());
        String[][] rows = {
            {S_HS_TRAFFIC, SERVER_HS_KEY, SERVER_HS_IV}, {C_HS_TRAFFIC, CLIENT_HS_KEY, CLIENT_HS_IV},
            {S_AP_TRAFFIC, SERVER_AP_KEY, SERVER_AP_IV}, {C_AP_TRAFFIC, CLIENT_AP_KEY, CLIENT_AP_IV}};
        for (String[] r : rows) {
            byte[] secret = Hex.decode(r[0]);
            assertEquals(r[1], Hex.encode(h.expandLabel(secret, "key", new byte[0], 16)));
            assertEquals(r[2], Hex.encode(h.expandLabel(secret, "iv", new byte[0], 12)));
        }
    }

    static VecFile.Entry section(String name) {
        for (VecFile.Entry e : VecFile.parse(Vectors.text("botan/tls_13_rfc8448/transcripts.vec"), false)) {
            if (e.section().equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no section " + name);
    }

    /** The protection for a traffic secret: key and IV by HKDF-Expand-Label (RFC 8446, Section 7.3). */
    static Aead13Protection prot(String secretHex) throws Exception {
        org.tls4j.crypto.kdf.Hkdf h = new org.tls4j.crypto.kdf.Hkdf(new org.tls4j.crypto.hash.Sha256());
        byte[] secret = Hex.decode(secretHex);
        return Aead13Protection.create(new AesGcm(h.expandLabel(secret, "key", new byte[0], 16)),
                h.expandLabel(secret, "iv", new byte[0], 12));
    }

    record Opened(int type, byte[] data) {}

    /** Feeds {@code wire} one byte at a time and collects the opened records. */
    static List<Opened> open(ReadState rs, byte[] wire) throws Exception {
        Deframer d = new Deframer();
        Record r = new Record();
        List<Opened> out = new ArrayList<>();
        for (int i = 0; i < wire.length; i++) {
            assertEquals(1, d.feed(wire, i, 1));
            while (d.next(rs, r)) {
                out.add(new Opened(r.typeCode(), r.copy()));
            }
        }
        assertEquals(0, d.buffered());
        return out;
    }

    /** Re-encrypts {@code plain} as record {@code seq} and returns the record. */
    static byte[] seal(String secret, long seq, ContentType type, byte[] plain) throws Exception {
        Aead13Protection p = prot(secret);
        byte[] out = new byte[RecordHeader.LENGTH + p.sealedLength(type, plain.length)];
        p.seal(type, ProtocolVersion.TLS12, seq, plain, 0, plain.length, out, 0);
        return out;
    }

    static byte[] hex(VecFile.Entry e, String k) {
        return Hex.decode(e.get(k));
    }

    @Test
    void simple1RttRecords() throws Exception {
        VecFile.Entry e = section("Simple_1RTT_Handshake");
        int checked = 0;

        // Server flight: EncryptedExtensions, Certificate, CertificateVerify, Finished in one record.
        byte[] serverHs = hex(e, "Record_ServerHandshakeMessages");
        ReadState rs = new ReadState();
        rs.setProtection(prot(S_HS_TRAFFIC));
        List<Opened> got = open(rs, serverHs);
        assertEquals(1, got.size());
        ByteArrayOutputStream flight = new ByteArrayOutputStream();
        for (String m : new String[] {"Message_EncryptedExtensions", "Message_Server_Certificate",
                "Message_Server_CertificateVerify", "Message_Server_Finished"}) {
            flight.write(hex(e, m));
        }
        assertEquals(ContentType.HANDSHAKE.code, got.get(0).type());
        assertArrayEquals(flight.toByteArray(), got.get(0).data());
        assertArrayEquals(serverHs, seal(S_HS_TRAFFIC, 0, ContentType.HANDSHAKE, got.get(0).data()));
        checked++;

        // Client Finished under the client handshake key, sequence number 0.
        byte[] clientFin = hex(e, "Record_ClientFinished");
        ReadState rc = new ReadState();
        rc.setProtection(prot(C_HS_TRAFFIC));
        got = open(rc, clientFin);
        assertEquals(1, got.size());
        assertEquals(ContentType.HANDSHAKE.code, got.get(0).type());
        assertEquals(0x14, got.get(0).data()[0] & 0xff, "a Finished message");
        assertEquals(4 + 32, got.get(0).data().length);
        assertArrayEquals(clientFin, seal(C_HS_TRAFFIC, 0, ContentType.HANDSHAKE, got.get(0).data()));
        checked++;

        // Server application traffic: NewSessionTicket (seq 0), application data (1), close_notify (2).
        byte[] nst = hex(e, "Record_NewSessionTicket");
        byte[] sApp = hex(e, "Record_Server_AppData");
        byte[] sClose = hex(e, "Record_Server_CloseNotify");
        ReadState rsa = new ReadState();
        rsa.setProtection(prot(S_AP_TRAFFIC));
        got = open(rsa, concat(nst, sApp, sClose));
        assertEquals(3, got.size());
        assertEquals(ContentType.HANDSHAKE.code, got.get(0).type());
        assertEquals(0x04, got.get(0).data()[0] & 0xff, "a NewSessionTicket message");
        assertArrayEquals(nst, seal(S_AP_TRAFFIC, 0, ContentType.HANDSHAKE, got.get(0).data()));
        assertEquals(ContentType.APPLICATION_DATA.code, got.get(1).type());
        assertArrayEquals(hex(e, "Server_AppData"), got.get(1).data());
        assertArrayEquals(sApp, seal(S_AP_TRAFFIC, 1, ContentType.APPLICATION_DATA, got.get(1).data()));
        assertEquals(ContentType.ALERT.code, got.get(2).type());
        assertArrayEquals(new byte[] {1, 0}, got.get(2).data(), "warning close_notify");
        assertArrayEquals(sClose, seal(S_AP_TRAFFIC, 2, ContentType.ALERT, got.get(2).data()));
        checked += 3;

        // Client application traffic: application data (seq 0), close_notify (1).
        byte[] cApp = hex(e, "Record_Client_AppData");
        byte[] cClose = hex(e, "Record_Client_CloseNotify");
        ReadState rca = new ReadState();
        rca.setProtection(prot(C_AP_TRAFFIC));
        got = open(rca, concat(cApp, cClose));
        assertEquals(2, got.size());
        assertArrayEquals(hex(e, "Client_AppData"), got.get(0).data());
        assertArrayEquals(cApp, seal(C_AP_TRAFFIC, 0, ContentType.APPLICATION_DATA, got.get(0).data()));
        assertArrayEquals(new byte[] {1, 0}, got.get(1).data());
        assertArrayEquals(cClose, seal(C_AP_TRAFFIC, 1, ContentType.ALERT, got.get(1).data()));
        checked += 2;

        // The same record under the wrong sequence number does not authenticate.
        ReadState wrong = new ReadState();
        wrong.setProtection(prot(C_AP_TRAFFIC));
        TlsAlert a = org.junit.jupiter.api.Assertions.assertThrows(TlsAlert.class, () -> open(wrong, cClose));
        assertEquals(AlertDescription.BAD_RECORD_MAC, a.description());
        assertFalse(a.isReceived());
        assertEquals(7, checked);
        System.out.println("RFC 8448 Section 3: " + checked + " protected records decrypted and re-encrypted byte for byte");
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            o.write(p, 0, p.length);
        }
        return o.toByteArray();
    }
}
