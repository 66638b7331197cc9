package org.tls4j.handshake.tls12;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.tls4j.handshake.CipherSuite;
import org.tls4j.record.ProtocolVersion;

/**
 * Master secret, extended master secret, key block (and its split for every suite of the table) and
 * Finished, each compared with an independent re-computation here on the JDK's javax.crypto.Mac and
 * MessageDigest (test-only oracle; the library itself never touches JCA).
 */
class KeyDerivation12OracleTest {
    static final List<VersionRules> ALL = List.of(VersionRules.SSL3, VersionRules.TLS10, VersionRules.TLS11,
            VersionRules.TLS12);

    // ---- oracle: P_hash, TLS 1.0 PRF, TLS 1.2 PRF, SSL 3.0 derivation ----

    static byte[] pHash(String hmac, byte[] secret, byte[] seed, int len) throws Exception {
        Mac mac = Mac.getInstance(hmac);
        // HMAC with an empty key: the JDK refuses an empty SecretKeySpec, so use one zero byte (HMAC pads
        // the key with zeros to the block size, so the two keys are the same).
        mac.init(new SecretKeySpec(secret.length == 0 ? new byte[1] : secret, hmac));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] a = seed;
        while (out.size() < len) {
            a = mac.doFinal(a);
            mac.update(a);
            mac.update(seed);
            out.write(mac.doFinal());
        }
        return Arrays.copyOf(out.toByteArray(), len);
    }

    static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            o.writeBytes(p);
        }
        return o.toByteArray();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] prf(VersionRules r, Suite12 s, byte[] secret, String label, byte[] seed, int len) throws Exception {
        byte[] ls = cat(ascii(label), seed);
        if (r.version.equals(ProtocolVersion.TLS12)) {
            return pHash(s.prfHash.equals("SHA-384") ? "HmacSHA384" : "HmacSHA256", secret, ls, len);
        }
        int half = (secret.length + 1) / 2;
        byte[] s1 = Arrays.copyOfRange(secret, 0, half);
        byte[] s2 = Arrays.copyOfRange(secret, secret.length - half, secret.length);
        byte[] a = pHash("HmacMD5", s1, ls, len);
        byte[] b = pHash("HmacSHA1", s2, ls, len);
        for (int i = 0; i < len; i++) {
            a[i] ^= b[i];
        }
        return a;
    }

    static byte[] ssl3(byte[] secret, byte[] seed, int len) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; out.size() < len; i++) {
            byte[] letters = new byte[i + 1];
            Arrays.fill(letters, (byte) ('A' + i));
            byte[] inner = MessageDigest.getInstance("SHA-1").digest(cat(letters, secret, seed));
            out.writeBytes(MessageDigest.getInstance("MD5").digest(cat(secret, inner)));
        }
        return Arrays.copyOf(out.toByteArray(), len);
    }

    static byte[] hash(String alg, byte[] m) throws Exception {
        return MessageDigest.getInstance(alg).digest(m);
    }

    static byte[] bytes(Random rnd, int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        return b;
    }

    // ---- expected sizes, read from the suite's IANA name (independent of the table) ----

    static int keyLen(String n) {
        if (n.contains("_NULL_")) {
            return 0;
        }
        if (n.contains("3DES_EDE")) {
            return 24;
        }
        if (n.contains("AES_256") || n.contains("CHACHA20")) {
            return 32;
        }
        return 16; // AES_128, RC4_128
    }

    static int macLen(String n) {
        if (n.contains("GCM") || n.contains("CCM") || n.contains("POLY1305")) {
            return 0;
        }
        if (n.endsWith("_SHA384")) {
            return 48;
        }
        if (n.endsWith("_SHA256")) {
            return 32;
        }
        if (n.endsWith("_MD5")) {
            return 16;
        }
        return 20;
    }

    static int ivLen(String n, VersionRules r) {
        if (n.contains("GCM") || n.contains("CCM")) {
            return 4;
        }
        if (n.contains("POLY1305")) {
            return 12;
        }
        if (n.contains("CBC")) {
            boolean chained = r == VersionRules.SSL3 || r == VersionRules.TLS10;
            return chained ? (n.contains("3DES") ? 8 : 16) : 0;
        }
        return 0;
    }

    @Test
    void masterSecretKeyBlockAndSplitForEverySuiteAndVersion() throws Exception {
        Random rnd = new Random(12);
        int checked = 0;
        for (Suite12 s : Suite12.all()) {
            for (VersionRules r : ALL) {
                if (!s.allowedIn(r.version)) {
                    assertThrows(IllegalArgumentException.class,
                            () -> r.masterSecret(s, new byte[48], new byte[32], new byte[32]));
                    continue;
                }
                byte[] pms = bytes(rnd, 48);
                byte[] cr = bytes(rnd, 32);
                byte[] sr = bytes(rnd, 32);
                byte[] ms = r.masterSecret(s, pms, cr, sr);
                byte[] expMs = r == VersionRules.SSL3 ? ssl3(pms, cat(cr, sr), 48)
                        : prf(r, s, pms, "master secret", cat(cr, sr), 48);
                assertArrayEquals(expMs, ms, s + " " + r);

                String n = s.suite.name();
                int mac = macLen(n);
                int key = keyLen(n);
                int iv = ivLen(n, r);
                int total = 2 * (mac + key + iv);
                assertEquals(total, r.keyBlockLength(s), s + " " + r);
                byte[] block = r == VersionRules.SSL3 ? ssl3(ms, cat(sr, cr), total)
                        : prf(r, s, ms, "key expansion", cat(sr, cr), total);
                KeyBlock kb = r.keyBlock(s, ms, cr, sr);
                int p = 0;
                assertArrayEquals(Arrays.copyOfRange(block, p, p += mac), kb.macKey(true));
                assertArrayEquals(Arrays.copyOfRange(block, p, p += mac), kb.macKey(false));
                assertArrayEquals(Arrays.copyOfRange(block, p, p += key), kb.key(true));
                assertArrayEquals(Arrays.copyOfRange(block, p, p += key), kb.key(false));
                assertArrayEquals(Arrays.copyOfRange(block, p, p += iv), kb.iv(true));
                assertArrayEquals(Arrays.copyOfRange(block, p, p + iv), kb.iv(false));
                kb.destroy();
                assertThrows(IllegalStateException.class, () -> kb.key(true));
                checked++;
            }
        }
        System.out.println("key block split checked for " + checked + " (suite, version) pairs");
        assertEquals(true, checked > 100);
    }

    @Test
    void extendedMasterSecretAndFinishedPerVersion() throws Exception {
        Random rnd = new Random(7627);
        byte[] messages = bytes(rnd, 777);
        byte[] pms = bytes(rnd, 48);
        for (CipherSuite cs : List.of(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
                CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA)) {
            Suite12 s = Suite12.of(cs);
            for (VersionRules r : ALL) {
                if (!s.allowedIn(r.version)) {
                    continue;
                }
                byte[] ms = bytes(rnd, 48);
                byte[] hs;
                if (r == VersionRules.TLS12) {
                    hs = hash(s.prfHash, messages);
                } else {
                    hs = cat(hash("MD5", messages), hash("SHA-1", messages));
                }
                assertArrayEquals(hs, r.transcriptHash(s, messages));
                if (r == VersionRules.SSL3) {
                    assertThrows(IllegalStateException.class, () -> r.extendedMasterSecret(s, pms, hs));
                    byte[] pad1 = new byte[48];
                    byte[] pad2 = new byte[48];
                    Arrays.fill(pad1, (byte) 0x36);
                    Arrays.fill(pad2, (byte) 0x5c);
                    for (boolean client : new boolean[] {true, false}) {
                        byte[] sender = ascii(client ? "CLNT" : "SRVR");
                        byte[] md5 = hash("MD5", cat(ms, pad2, hash("MD5", cat(messages, sender, ms, pad1))));
                        byte[] p1 = Arrays.copyOf(pad1, 40);
                        byte[] p2 = Arrays.copyOf(pad2, 40);
                        byte[] sha = hash("SHA-1", cat(ms, p2, hash("SHA-1", cat(messages, sender, ms, p1))));
                        assertArrayEquals(cat(md5, sha), r.finished(s, ms, client, messages));
                    }
                    byte[] md5 = hash("MD5", cat(ms, pad2, hash("MD5", cat(messages, ms, pad1))));
                    byte[] sha = hash("SHA-1", cat(ms, Arrays.copyOf(pad2, 40),
                            hash("SHA-1", cat(messages, ms, Arrays.copyOf(pad1, 40)))));
                    assertArrayEquals(cat(md5, sha), r.legacyCertificateVerifyInput(true, ms, messages));
                    assertEquals(36, r.finishedLength());
                    continue;
                }
                assertArrayEquals(prf(r, s, pms, "extended master secret", hs, 48),
                        r.extendedMasterSecret(s, pms, hs), s + " " + r);
                assertArrayEquals(prf(r, s, ms, "client finished", hs, 12), r.finished(s, ms, true, messages));
                assertArrayEquals(prf(r, s, ms, "server finished", hs, 12), r.finished(s, ms, false, messages));
                assertEquals(12, r.finishedLength());
                if (r == VersionRules.TLS12) {
                    assertThrows(IllegalStateException.class, () -> r.legacyCertificateVerifyInput(true, ms, messages));
                } else {
                    assertArrayEquals(hs, r.legacyCertificateVerifyInput(true, ms, messages));
                    assertArrayEquals(hash("SHA-1", messages), r.legacyCertificateVerifyInput(false, ms, messages));
                }
            }
        }
    }

    @Test
    void versionRulesHoldTheDifferences() {
        assertEquals(VersionRules.TLS11, VersionRules.of(ProtocolVersion.TLS11));
        assertThrows(IllegalArgumentException.class, () -> VersionRules.of(ProtocolVersion.TLS13));
        assertEquals(false, VersionRules.TLS10.explicitCbcIv);
        assertEquals(true, VersionRules.TLS11.explicitCbcIv);
        assertEquals(true, VersionRules.TLS10.cbcSplitByDefault);
        assertEquals(true, VersionRules.SSL3.cbcSplitByDefault);
        assertEquals(false, VersionRules.TLS11.cbcSplitByDefault);
        assertEquals(true, VersionRules.TLS12.signatureAlgorithms);
        assertEquals(false, VersionRules.TLS11.signatureAlgorithms);
        assertEquals(false, VersionRules.SSL3.rsaPremasterLengthPrefix);
        assertEquals(true, VersionRules.TLS10.rsaPremasterLengthPrefix);
    }
}
