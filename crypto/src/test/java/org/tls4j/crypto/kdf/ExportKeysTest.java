package org.tls4j.crypto.kdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.RC2ParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.cipher.Cbc;
import org.tls4j.crypto.cipher.legacy.Export40;
import org.tls4j.crypto.cipher.legacy.Rc4;

/**
 * The export key derivations against an independent re-computation that follows the RFC formulas
 * literally with the JDK's MessageDigest ("MD5") and javax.crypto.Mac ("HmacMD5", "HmacSHA1"), then whole
 * export pipelines (key block, final key, IV, cipher) against the JDK's ARCFOUR, DES and RC2.
 *
 * <p>No external known-answer source exists on this machine: OpenSSL 3 removed the export suites
 * ({@code openssl ciphers EXP} gives "no cipher match"), and no published test vectors for these
 * derivations are known to us.
 */
public class ExportKeysTest {
    static final int CASES = 200;

    // ---------------------------------------------------------------- the oracle, literally from the RFCs

    public static byte[] md5(byte[]... parts) throws Exception {
        MessageDigest md = MessageDigest.getInstance("MD5");
        for (byte[] p : parts) {
            md.update(p);
        }
        return md.digest();
    }

    /**
     * P_hash (RFC 2246, Section 5). The JDK refuses an empty HMAC key, but HMAC pads its key with zero bytes
     * to the block length (RFC 2104, Section 2), so the empty key and the key {0x00} are the same HMAC key.
     */
    static byte[] pHash(String alg, byte[] secret, byte[] seed, int len) throws Exception {
        Mac mac = Mac.getInstance(alg);
        mac.init(new SecretKeySpec(secret.length == 0 ? new byte[1] : secret, alg));
        byte[] out = new byte[len];
        byte[] a = seed; // A(0)
        for (int off = 0; off < len; ) {
            a = mac.doFinal(a); // A(i) = HMAC(secret, A(i-1))
            mac.update(a);
            byte[] block = mac.doFinal(seed);
            int n = Math.min(block.length, len - off);
            System.arraycopy(block, 0, out, off, n);
            off += n;
        }
        return out;
    }

    /** PRF(secret, label, seed) = P_MD5(S1, label + seed) XOR P_SHA-1(S2, label + seed) (RFC 2246, Section 5). */
    public static byte[] prf(byte[] secret, String label, byte[] seed, int len) throws Exception {
        byte[] ls = cat(label.getBytes(StandardCharsets.US_ASCII), seed);
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

    public static byte[] cat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] r = new byte[n];
        int off = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, r, off, p.length);
            off += p.length;
        }
        return r;
    }

    static byte[] bytes(Random rnd, int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        return b;
    }

    // ---------------------------------------------------------------- each derivation against the oracle

    @Test
    void ssl3MatchesRfc6101Formulas() throws Exception {
        Random rnd = new Random(6101);
        for (int c = 0; c < CASES; c++) {
            byte[] cr = bytes(rnd, 32);
            byte[] sr = bytes(rnd, 32);
            byte[] ck = bytes(rnd, 5);
            byte[] sk = bytes(rnd, 5);
            int len = c % 2 == 0 ? 16 : 8; // RC4/RC2 or DES40
            assertArrayEquals(Arrays.copyOf(md5(ck, cr, sr), len), ExportKeys.ssl3FinalClientWriteKey(ck, cr, sr, len));
            assertArrayEquals(Arrays.copyOf(md5(sk, sr, cr), len), ExportKeys.ssl3FinalServerWriteKey(sk, cr, sr, len));
            assertArrayEquals(Arrays.copyOf(md5(cr, sr), 8), ExportKeys.ssl3ClientWriteIv(cr, sr, 8));
            assertArrayEquals(Arrays.copyOf(md5(sr, cr), 8), ExportKeys.ssl3ServerWriteIv(cr, sr, 8));
        }
        System.out.println("ExportKeys SSL 3.0: " + CASES + " cases match MessageDigest MD5");
    }

    @Test
    void tls10MatchesRfc2246Formulas() throws Exception {
        Random rnd = new Random(2246);
        for (int c = 0; c < CASES; c++) {
            byte[] cr = bytes(rnd, 32);
            byte[] sr = bytes(rnd, 32);
            byte[] ck = bytes(rnd, 5);
            byte[] sk = bytes(rnd, 5);
            int len = c % 2 == 0 ? 16 : 8;
            byte[] seed = cat(cr, sr);
            assertArrayEquals(prf(ck, "client write key", seed, len), ExportKeys.tls10FinalClientWriteKey(ck, cr, sr, len));
            assertArrayEquals(prf(sk, "server write key", seed, len), ExportKeys.tls10FinalServerWriteKey(sk, cr, sr, len));
            assertArrayEquals(prf(new byte[0], "IV block", seed, 16), ExportKeys.tls10IvBlock(cr, sr, 8));
        }
        // an odd-length write key exercises the shared middle byte of S1 and S2
        byte[] cr = bytes(rnd, 32);
        byte[] sr = bytes(rnd, 32);
        byte[] k7 = bytes(rnd, 7);
        assertArrayEquals(prf(k7, "client write key", cat(cr, sr), 16), ExportKeys.tls10FinalClientWriteKey(k7, cr, sr, 16));
        System.out.println("ExportKeys TLS 1.0: " + CASES + " cases match javax.crypto.Mac HmacMD5/HmacSHA1");
    }

    @Test
    void ssl2MatchesTheDraftFormula() throws Exception {
        Random rnd = new Random(2);
        for (int c = 0; c < CASES; c++) {
            byte[] clear = bytes(rnd, 11);
            byte[] secret = bytes(rnd, 5);
            byte[] challenge = bytes(rnd, 16 + rnd.nextInt(17));
            byte[] connId = bytes(rnd, 16 + rnd.nextInt(17));
            byte[] master = ExportKeys.ssl2MasterKey(clear, secret);
            assertArrayEquals(cat(clear, secret), master);
            byte[] want = cat(md5(master, new byte[] {'0'}, challenge, connId),
                    md5(master, new byte[] {'1'}, challenge, connId), md5(master, new byte[] {'2'}, challenge, connId));
            assertArrayEquals(Arrays.copyOf(want, 32), ExportKeys.ssl2KeyMaterial(master, challenge, connId, 32));
            assertArrayEquals(want, ExportKeys.ssl2KeyMaterial(master, challenge, connId, 48)); // DES-EDE3 size
        }
        System.out.println("ExportKeys SSL 2.0: " + CASES + " cases match MessageDigest MD5");
    }

    // ---------------------------------------------------------------- whole pipelines against JDK ciphers

    @Test
    void ssl3Rc4ExportPipeline() throws Exception {
        Random rnd = new Random(40);
        byte[] ms = bytes(rnd, 48);
        byte[] cr = bytes(rnd, 32);
        byte[] sr = bytes(rnd, 32);
        // SSL_RSA_EXPORT_WITH_RC4_40_MD5: 2 MAC secrets of 16, 2 write keys of 5, no IV (RFC 6101, Section 6.2.2)
        byte[] kb = Ssl3Prf.keyBlock(ms, sr, cr, 42);
        byte[] cwk = Arrays.copyOfRange(kb, 32, 37);
        byte[] fk = ExportKeys.ssl3FinalClientWriteKey(cwk, cr, sr, 16);
        byte[] data = bytes(rnd, 100);
        byte[] got = new byte[data.length];
        Rc4 rc4 = Export40.rc4(fk);
        rc4.process(data, 0, data.length, got, 0);
        Cipher jdk = Cipher.getInstance("ARCFOUR");
        jdk.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Arrays.copyOf(md5(cwk, cr, sr), 16), "ARCFOUR"));
        assertArrayEquals(jdk.doFinal(data), got);
    }

    @Test
    void tls10Des40ExportPipeline() throws Exception {
        Random rnd = new Random(56);
        byte[] cr = bytes(rnd, 32);
        byte[] sr = bytes(rnd, 32);
        byte[] cwk = bytes(rnd, 5);
        byte[] fk = ExportKeys.tls10FinalClientWriteKey(cwk, cr, sr, 8);
        byte[] iv = Arrays.copyOf(ExportKeys.tls10IvBlock(cr, sr, 8), 8); // client_write_IV
        byte[] data = bytes(rnd, 64);
        byte[] got = new byte[data.length];
        new Cbc(Export40.des(fk)).encrypt(iv, 0, data, 0, data.length, got, 0);
        byte[] seed = cat(cr, sr);
        Cipher jdk = Cipher.getInstance("DES/CBC/NoPadding");
        jdk.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(prf(cwk, "client write key", seed, 8), "DES"),
                new IvParameterSpec(Arrays.copyOf(prf(new byte[0], "IV block", seed, 16), 8)));
        assertArrayEquals(jdk.doFinal(data), got);
    }

    @Test
    void ssl2Rc2Export40Pipeline() throws Exception {
        Random rnd = new Random(128);
        byte[] clear = bytes(rnd, 11);
        byte[] secret = bytes(rnd, 5);
        byte[] challenge = bytes(rnd, 16);
        byte[] connId = bytes(rnd, 16);
        byte[] keyArg = bytes(rnd, 8); // the IV, sent in the clear as KEY-ARG-DATA
        byte[] km = ExportKeys.ssl2KeyMaterial(ExportKeys.ssl2MasterKey(clear, secret), challenge, connId, 32);
        byte[] clientWriteKey = Arrays.copyOfRange(km, 16, 32); // KEY-MATERIAL-1
        byte[] data = bytes(rnd, 48);
        byte[] got = new byte[data.length];
        new Cbc(Export40.rc2(clientWriteKey)).encrypt(keyArg, 0, data, 0, data.length, got, 0);
        Cipher jdk = Cipher.getInstance("RC2/CBC/NoPadding");
        jdk.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(md5(clear, secret, new byte[] {'1'}, challenge, connId), "RC2"),
                new RC2ParameterSpec(128, keyArg));
        assertArrayEquals(jdk.doFinal(data), got);
    }

    @Test
    void badInputsAreRejected() {
        byte[] r = new byte[32];
        byte[] k = new byte[5];
        assertThrows(CryptoException.class, () -> ExportKeys.ssl3FinalClientWriteKey(k, new byte[31], r, 16));
        assertThrows(CryptoException.class, () -> ExportKeys.ssl3FinalClientWriteKey(k, r, null, 16));
        assertThrows(CryptoException.class, () -> ExportKeys.ssl3FinalServerWriteKey(new byte[0], r, r, 16));
        assertThrows(CryptoException.class, () -> ExportKeys.ssl3FinalServerWriteKey(new byte[17], r, r, 16));
        assertThrows(CryptoException.class, () -> ExportKeys.ssl3ClientWriteIv(r, r, 17));
        assertThrows(CryptoException.class, () -> ExportKeys.ssl3ServerWriteIv(r, r, -1));
        assertThrows(CryptoException.class, () -> ExportKeys.tls10FinalClientWriteKey(k, r, r, 0));
        assertThrows(CryptoException.class, () -> ExportKeys.tls10FinalServerWriteKey(k, r, r, 17));
        assertThrows(CryptoException.class, () -> ExportKeys.tls10IvBlock(r, new byte[33], 8));
        assertThrows(CryptoException.class, () -> ExportKeys.ssl2MasterKey(new byte[11], new byte[0]));
        assertThrows(CryptoException.class, () -> ExportKeys.ssl2MasterKey(new byte[30], new byte[5]));
        assertThrows(CryptoException.class, () -> ExportKeys.ssl2MasterKey(null, new byte[5]));
        byte[] m = new byte[16];
        assertThrows(CryptoException.class, () -> ExportKeys.ssl2KeyMaterial(m, new byte[15], new byte[16], 32));
        assertThrows(CryptoException.class, () -> ExportKeys.ssl2KeyMaterial(m, new byte[16], new byte[33], 32));
        assertThrows(CryptoException.class, () -> ExportKeys.ssl2KeyMaterial(m, new byte[16], new byte[16], 0));
        assertThrows(CryptoException.class, () -> ExportKeys.ssl2KeyMaterial(m, new byte[16], new byte[16], 161));
        assertThrows(CryptoException.class, () -> ExportKeys.ssl2KeyMaterial(new byte[0], new byte[16], new byte[16], 32));
        assertEquals("export key derivation: output length must be 0 to 16, got 17", assertThrows(CryptoException.class,
                () -> ExportKeys.ssl3FinalClientWriteKey(k, r, r, 17)).getMessage());
    }
}
