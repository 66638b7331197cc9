package org.tls4j.crypto.kdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.hash.Sha256;
import org.tls4j.crypto.mac.Hmac;
import org.tls4j.testing.Hex;
import org.tls4j.testing.Vectors;

/**
 * The TLS 1.3 key schedule of RFC 8448, Section 3 (Simple 1-RTT Handshake, TLS_AES_128_GCM_SHA256):
 * HKDF-Extract, Derive-Secret and HKDF-Expand-Label against the secrets, keys and IVs printed in the
 * RFC. The handshake messages (for the transcript hashes) come from Botan's copy of the trace,
 * {@code botan/tls_13_rfc8448/transcripts.vec}; the intermediate values are typed in from the RFC text.
 */
class Rfc8448KeyScheduleTest {
    private final Hkdf hkdf = new Hkdf(new Sha256());

    @Test
    void simpleOneRtt() throws CryptoException {
        Map<String, String> t = section("Simple_1RTT_Handshake");
        byte[] clientHello = tail(Hex.decode(t.get("Record_ClientHello_1")), 5);
        byte[] serverHello = Hex.decode(t.get("Message_ServerHello"));
        byte[] ee = Hex.decode(t.get("Message_EncryptedExtensions"));
        byte[] cert = Hex.decode(t.get("Message_Server_Certificate"));
        byte[] cv = Hex.decode(t.get("Message_Server_CertificateVerify"));
        byte[] serverFinished = Hex.decode(t.get("Message_Server_Finished"));

        byte[] zeros = new byte[32];
        byte[] early = hkdf.extract(null, zeros);
        assertEquals("33ad0a1c607ec03b09e6cd9893680ce210adf300aa1f2660e1b22e10f170f92a", Hex.encode(early));
        byte[] derived = hkdf.deriveSecret(early, "derived", hkdf.emptyHash());
        assertEquals("6f2615a108c702c5678f54fc9dbab69716c076189c48250cebeac3576c3611ba", Hex.encode(derived));

        byte[] ecdhe = Hex.decode("8bd4054fb55b9d63fdfbacf9f04b9f0d35e6d63f537563efd46272900f89492d");
        byte[] hs = hkdf.extract(derived, ecdhe);
        assertEquals("1dc826e93606aa6fdc0aadc12f741b01046aa6b99f691ed221a9f0ca043fbeac", Hex.encode(hs));

        byte[] thHello = hash(clientHello, serverHello);
        byte[] cHs = hkdf.deriveSecret(hs, "c hs traffic", thHello);
        assertEquals("b3eddb126e067f35a780b3abf45e2d8f3b1a950738f52e9600746a0e27a55a21", Hex.encode(cHs));
        byte[] sHs = hkdf.deriveSecret(hs, "s hs traffic", thHello);
        assertEquals("b67b7d690cc16c4e75e54213cb2d37b4e9c912bcded9105d42befd59d391ad38", Hex.encode(sHs));

        byte[] derived2 = hkdf.deriveSecret(hs, "derived", hkdf.emptyHash());
        assertEquals("43de77e0c77713859a944db9db2590b53190a65b3ee2e4f12dd7a0bb7ce254b4", Hex.encode(derived2));
        byte[] master = hkdf.extract(derived2, zeros);
        assertEquals("18df06843d13a08bf2a449844c5f8a478001bc4d4c627984d5a41da8d0402919", Hex.encode(master));

        assertEquals("3fce516009c21727d0f2e4e86ee403bc", Hex.encode(hkdf.expandLabel(sHs, "key", new byte[0], 16)));
        assertEquals("5d313eb2671276ee13000b30", Hex.encode(hkdf.expandLabel(sHs, "iv", new byte[0], 12)));
        assertEquals("dbfaa693d1762c5b666af5d950258d01", Hex.encode(hkdf.expandLabel(cHs, "key", new byte[0], 16)));
        assertEquals("5bd3c71b836e0b76bb73265f", Hex.encode(hkdf.expandLabel(cHs, "iv", new byte[0], 12)));

        // Server Finished: verify_data = HMAC(finished_key, Transcript-Hash(CH..CV)) (RFC 8446, Section 4.4.4);
        // the trace's Finished message carries it after its 4-byte header.
        byte[] finishedKey = hkdf.expandLabel(sHs, "finished", new byte[0], 32);
        Hmac mac = new Hmac(new Sha256(), finishedKey);
        mac.update(hash(clientHello, serverHello, ee, cert, cv));
        assertEquals(Hex.encode(tail(serverFinished, 4)), Hex.encode(mac.doFinal()));

        byte[] thServerFinished = hash(clientHello, serverHello, ee, cert, cv, serverFinished);
        byte[] cAp = hkdf.deriveSecret(master, "c ap traffic", thServerFinished);
        assertEquals("9e40646ce79a7f9dc05af8889bce6552875afa0b06df0087f792ebb7c17504a5", Hex.encode(cAp));
        byte[] sAp = hkdf.deriveSecret(master, "s ap traffic", thServerFinished);
        assertEquals("a11af9f05531f856ad47116b45a950328204b4f44bfb6b3a4b4f1f3fcb631643", Hex.encode(sAp));
        byte[] exp = hkdf.deriveSecret(master, "exp master", thServerFinished);
        assertEquals("fe22f881176eda18eb8f44529e6792c50c9a3f89452f68d8ae311b4309d3cf50", Hex.encode(exp));
        assertEquals("9f02283b6c9c07efc26bb9f2ac92e356", Hex.encode(hkdf.expandLabel(sAp, "key", new byte[0], 16)));
        assertEquals("cf782b88dd83549aadf1e984", Hex.encode(hkdf.expandLabel(sAp, "iv", new byte[0], 12)));
        assertEquals("17422dda596ed5d9acd890e3c63f5051", Hex.encode(hkdf.expandLabel(cAp, "key", new byte[0], 16)));
        assertEquals("5b78923dee08579033e523d9", Hex.encode(hkdf.expandLabel(cAp, "iv", new byte[0], 12)));

        // Client Finished (RFC 8448: verify_data a8ec436d...), then the resumption secrets.
        byte[] clientFinishedKey = hkdf.expandLabel(cHs, "finished", new byte[0], 32);
        Hmac cmac = new Hmac(new Sha256(), clientFinishedKey);
        cmac.update(thServerFinished);
        byte[] clientVerify = cmac.doFinal();
        assertEquals("a8ec436d677634ae525ac1fcebe11a039ec17694fac6e98527b642f2edd5ce61", Hex.encode(clientVerify));
        byte[] clientFinished = new byte[4 + 32];
        clientFinished[0] = 20;
        clientFinished[3] = 32;
        System.arraycopy(clientVerify, 0, clientFinished, 4, 32);
        byte[] res = hkdf.deriveSecret(master, "res master",
                hash(clientHello, serverHello, ee, cert, cv, serverFinished, clientFinished));
        assertEquals("7df235f2031d2a051287d02b0241b0bfdaf86cc856231f2d5aba46c434ec196c", Hex.encode(res));
        byte[] psk = hkdf.expandLabel(res, "resumption", new byte[] {0, 0}, 32);
        assertEquals("4ecd0eb6ec3b4d87f5d6028f922ca4c5851a277fd41311c9e62d2c9492e1c4f3", Hex.encode(psk));
        System.out.println("RFC 8448 Section 3 key schedule: 22 values checked");
    }

    private static byte[] hash(byte[]... parts) {
        Sha256 d = new Sha256();
        for (byte[] p : parts) {
            d.update(p);
        }
        return d.digest();
    }

    private static byte[] tail(byte[] b, int from) {
        return java.util.Arrays.copyOfRange(b, from, b.length);
    }

    private static Map<String, String> section(String name) {
        Map<String, String> out = new HashMap<>();
        boolean in = false;
        for (String raw : Vectors.text("botan/tls_13_rfc8448/transcripts.vec").split("\n")) {
            String l = raw.trim();
            if (l.startsWith("[")) {
                in = l.equals("[" + name + "]");
                continue;
            }
            int eq = l.indexOf('=');
            if (in && eq > 0 && !l.startsWith("#")) {
                out.put(l.substring(0, eq).trim(), l.substring(eq + 1).trim());
            }
        }
        if (out.isEmpty()) {
            throw new AssertionError("no section " + name + " in transcripts.vec");
        }
        return out;
    }
}
