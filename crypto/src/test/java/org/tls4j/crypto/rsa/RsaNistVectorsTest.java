package org.tls4j.crypto.rsa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tls4j.crypto.CryptoException;

/** NIST CAVP FIPS 186-3 RSA files: PKCS#1 v1.5 and PSS, verification (P/F) and signing (exact S). */
class RsaNistVectorsTest {

    private static RsaPublicKey pub(Map<String, String> r) {
        try {
            return RsaPublicKey.of(NistRsp.hex(r.get("n")), NistRsp.hex(r.get("e")));
        } catch (CryptoException e) {
            return null; // an unusable key (e.g. the "e changed" records): the signature cannot verify
        }
    }

    @Test
    void sigVer15() {
        verifyFile("nist-cavp/rsa/SigVer15_186-3.rsp", false);
    }

    @Test
    void sigVerPss() {
        verifyFile("nist-cavp/rsa/SigVerPSS_186-3.rsp", true);
    }

    private void verifyFile(String file, boolean pss) {
        List<Map<String, String>> recs = NistRsp.records(file);
        int pass = 0;
        int fail = 0;
        for (Map<String, String> r : recs) {
            boolean expected = r.get("Result").startsWith("P");
            RsaHash h = RsaHash.byName(r.get("SHAAlg"));
            assertNotNull(h, r.get("SHAAlg"));
            RsaPublicKey key = pub(r);
            boolean got = false;
            if (key != null) {
                byte[] sig = NistRsp.fixed(r.get("S"), key.byteLength());
                byte[] msg = NistRsp.hex(r.get("Msg"));
                if (pss) {
                    String salt = r.get("SaltVal");
                    int sLen = salt.equals("00") ? 0 : salt.length() / 2;
                    got = new RsaPssVerifier(key, h, h, sLen).verify(msg, sig);
                } else {
                    got = new RsaPkcs1Verifier(key, h).verify(msg, sig);
                }
            }
            assertEquals(expected, got, file + " record " + r);
            if (expected) {
                pass++;
            } else {
                fail++;
            }
        }
        System.out.printf("nist %s: %d records checked (%d P accepted, %d F rejected)%n", file, recs.size(), pass, fail);
        assertTrue(pass > 0 && fail > 0);
        assertEquals(270, recs.size());
    }

    @Test
    void sigGen15() throws CryptoException {
        signFile("nist-cavp/rsa/SigGen15_186-3.txt", false);
    }

    @Test
    void sigGenPss() throws CryptoException {
        signFile("nist-cavp/rsa/SigGenPSS_186-3.txt", true);
    }

    private void signFile(String file, boolean pss) throws CryptoException {
        List<Map<String, String>> recs = NistRsp.records(file);
        Map<String, RsaPrivateKey> keys = new HashMap<>();
        for (Map<String, String> r : recs) {
            String id = r.get("n") + "/" + r.get("d");
            RsaPrivateKey key = keys.get(id);
            if (key == null) {
                key = RsaPrivateKey.ofExponent(NistRsp.hex(r.get("n")), NistRsp.hex(r.get("e")), NistRsp.hex(r.get("d")));
                keys.put(id, key);
            }
            RsaHash h = RsaHash.byName(r.get("SHAAlg"));
            byte[] msg = NistRsp.hex(r.get("Msg"));
            byte[] expected = NistRsp.fixed(r.get("S"), key.byteLength());
            byte[] sig;
            if (pss) {
                String s = r.get("SaltVal");
                byte[] salt = s.equals("00") ? new byte[0] : NistRsp.hex(s);
                sig = new RsaPssSigner(key, h, h, salt.length, null).signWithSalt(msg, 0, msg.length, salt);
                assertTrue(new RsaPssVerifier(key.publicKey(), h, h, salt.length).verify(msg, sig));
            } else {
                sig = new RsaPkcs1Signer(key, h, true).sign(msg);
                assertTrue(new RsaPkcs1Verifier(key.publicKey(), h).verify(msg, sig));
            }
            assertArrayEquals(expected, sig, file + " record " + r);
        }
        System.out.printf("nist %s: %d records signed, all equal to S (%d keys, non-CRT form)%n", file, recs.size(),
                keys.size());
        assertEquals(150, recs.size());
        assertTrue(BigInteger.ONE.signum() > 0);
    }
}
