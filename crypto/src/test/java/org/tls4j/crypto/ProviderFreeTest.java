package org.tls4j.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tls4j.crypto.aead.Aead;
import org.tls4j.crypto.aead.AesCcm;
import org.tls4j.crypto.aead.AesGcm;
import org.tls4j.crypto.aead.ChaCha20Poly1305;
import org.tls4j.crypto.aead.Poly1305;
import org.tls4j.crypto.cipher.AesCt64;
import org.tls4j.crypto.cipher.Cbc;
import org.tls4j.crypto.cipher.ChaCha20;
import org.tls4j.crypto.cipher.Ctr;
import org.tls4j.crypto.cipher.legacy.Des;
import org.tls4j.crypto.cipher.legacy.Des3;
import org.tls4j.crypto.cipher.legacy.Export40;
import org.tls4j.crypto.cipher.legacy.Rc2;
import org.tls4j.crypto.cipher.legacy.Rc4;
import org.tls4j.crypto.hash.Digest;
import org.tls4j.crypto.hash.Md5;
import org.tls4j.crypto.hash.Sha1;
import org.tls4j.crypto.hash.Sha224;
import org.tls4j.crypto.hash.Sha256;
import org.tls4j.crypto.hash.Sha3;
import org.tls4j.crypto.hash.Sha384;
import org.tls4j.crypto.hash.Sha512;
import org.tls4j.crypto.hash.Shake;
import org.tls4j.crypto.kdf.ExportKeys;
import org.tls4j.crypto.kdf.ExportKeysTest;
import org.tls4j.crypto.kdf.Hkdf;
import org.tls4j.crypto.kdf.Ssl3Prf;
import org.tls4j.crypto.kdf.Tls10Prf;
import org.tls4j.crypto.kdf.Tls12Prf;
import org.tls4j.crypto.mac.Hmac;
import org.tls4j.crypto.mac.Ssl3Mac;
import org.tls4j.crypto.rand.HmacDrbg;
import org.tls4j.testing.Hex;

/**
 * Runs every primitive with all JCA providers removed, proving that none of them reaches into the JCA
 * at run time (the build check proves it for the class files). One test method per family; add a
 * method for a new family. The providers are restored afterwards, in order, even if a test fails.
 *
 * <p>The expected values are published ones (FIPS 180-4/202 examples for "abc", RFC 4231 test case 2,
 * RFC 5869 test case 1) so this class needs no JCA oracle while the providers are gone.
 */
class ProviderFreeTest {
    private static Provider[] saved;
    /** Made (and used once) while the providers are still there: SecureRandom itself needs one. */
    private static SecureRandom entropy;

    @BeforeAll
    static void removeProviders() {
        entropy = new SecureRandom();
        entropy.nextBytes(new byte[8]);
        saved = Security.getProviders();
        for (Provider p : saved) {
            Security.removeProvider(p.getName());
        }
        assertEquals(0, Security.getProviders().length);
    }

    @AfterAll
    static void restoreProviders() {
        for (Provider p : Security.getProviders()) {
            Security.removeProvider(p.getName());
        }
        for (int i = 0; i < saved.length; i++) {
            Security.insertProviderAt(saved[i], i + 1);
        }
    }

    private static String hash(Digest d, String ascii) {
        d.update(ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return Hex.encode(d.digest());
    }

    @Test
    void hashes() {
        assertEquals(0, Security.getProviders().length);
        assertEquals("900150983cd24fb0d6963f7d28e17f72", hash(new Md5(), "abc"));
        assertEquals("a9993e364706816aba3e25717850c26c9cd0d89d", hash(new Sha1(), "abc"));
        assertEquals("23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7", hash(new Sha224(), "abc"));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", hash(new Sha256(), "abc"));
        assertEquals("cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7",
                hash(new Sha384(), "abc"));
        assertEquals("ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd"
                + "454d4423643ce80e2a9ac94fa54ca49f", hash(new Sha512(), "abc"));
        assertEquals("3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532", hash(new Sha3(256), "abc"));
        Shake x = Shake.shake128();
        assertEquals("7f9c2ba4e88f827d616045507605853e", Hex.encode(x.squeeze(16)));
    }

    @Test
    void macs() throws Exception {
        assertEquals(0, Security.getProviders().length);
        // RFC 4231, Section 4.3 (test case 2): key "Jefe", data "what do ya want for nothing?".
        Hmac mac = new Hmac(new Sha256(), "Jefe".getBytes("US-ASCII"));
        mac.update("what do ya want for nothing?".getBytes("US-ASCII"));
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", Hex.encode(mac.doFinal()));
        mac.destroy();
        Ssl3Mac s = new Ssl3Mac(new Sha1(), new byte[20]);
        s.update(new byte[13]);
        assertEquals(20, s.doFinal().length);
        s.destroy();
    }

    @Test
    void kdfs() throws Exception {
        assertEquals(0, Security.getProviders().length);
        // RFC 5869, Appendix A.1.
        Hkdf h = new Hkdf(new Sha256());
        byte[] prk = h.extract(Hex.decode("000102030405060708090a0b0c"), Hex.decode("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"));
        assertEquals("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5", Hex.encode(prk));
        assertEquals("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865",
                Hex.encode(h.expand(prk, Hex.decode("f0f1f2f3f4f5f6f7f8f9"), 42)));
        assertEquals(48, Tls12Prf.sha384().derive(new byte[48], "master secret", new byte[64], 48).length);
        assertEquals(104, Tls10Prf.derive(new byte[48], "key expansion", new byte[64], 104).length);
        assertEquals(48, Ssl3Prf.masterSecret(new byte[48], new byte[32], new byte[32]).length);
    }

    @Test
    void random() throws Exception {
        assertEquals(0, Security.getProviders().length);
        // The DRBG runs provider-free; its entropy comes from a SecureRandom made before the removal
        // (HmacDrbg.fromSystem() would fail here inside the JDK: its fallback SHA1PRNG needs a provider).
        HmacDrbg d = HmacDrbg.fromSecureRandom(entropy);
        byte[] a = d.nextBytes(64);
        byte[] b = d.nextBytes(64);
        assertEquals(64, a.length);
        org.junit.jupiter.api.Assertions.assertFalse(java.util.Arrays.equals(a, b));
        d.reseed(new byte[32], null);
        d.destroy();
    }

    private static String seal(Aead a, String nonce, String aad, String pt) throws Exception {
        byte[] n = Hex.decode(nonce), ad = Hex.decode(aad), m = Hex.decode(pt);
        byte[] out = new byte[m.length + a.tagLength()];
        a.seal(n, 0, ad, 0, ad.length, m, 0, m.length, out, 0);
        byte[] back = new byte[m.length];
        a.open(n, 0, ad, 0, ad.length, out, 0, out.length, back, 0);
        assertEquals(pt, Hex.encode(back));
        a.destroy();
        return Hex.encode(out);
    }

    @Test
    void ciphers() throws Exception {
        assertEquals(0, Security.getProviders().length);
        // FIPS 197, Appendix C.1 and C.3.
        byte[] block = Hex.decode("00112233445566778899aabbccddeeff");
        byte[] out = new byte[16];
        AesCt64 aes = new AesCt64(Hex.decode("000102030405060708090a0b0c0d0e0f"));
        aes.encryptBlock(block, 0, out, 0);
        assertEquals("69c4e0d86a7b0430d8cdb78070b4c55a", Hex.encode(out));
        aes.decryptBlock(out, 0, out, 0);
        assertEquals(Hex.encode(block), Hex.encode(out));
        new AesCt64(Hex.decode("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"))
                .encryptBlock(block, 0, out, 0);
        assertEquals("8ea2b7ca516745bfeafc49904b496089", Hex.encode(out));
        // CBC with a zero IV on one block is ECB; CTR's first keystream block is E(counter block).
        new Cbc(aes).encrypt(new byte[16], 0, block, 0, 16, out, 0);
        assertEquals("69c4e0d86a7b0430d8cdb78070b4c55a", Hex.encode(out));
        new Ctr(new AesCt64(Hex.decode("000102030405060708090a0b0c0d0e0f")), block).process(new byte[16], 0, 16, out, 0);
        assertEquals("69c4e0d86a7b0430d8cdb78070b4c55a", Hex.encode(out));
        // RFC 8439, Section 2.3.2.
        ChaCha20 c = new ChaCha20(Hex.decode("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"));
        c.init(Hex.decode("000000090000004a00000000"), 0, 1);
        byte[] b = new byte[64];
        c.block(1, b, 0);
        assertEquals("10f1e7e4d13b5915500fdd1fa32071c4c7d1f4c733c068030422aa9ac3d46c4e"
                + "d2826446079faa0914c2d705d98b02a2b5129cd1de164eb9cbd083e8a2503c4e", Hex.encode(b));
        // DES: the classic "Now is the time for all " example, key 0123456789abcdef; 3DES with K1=K2=K3 equals it.
        byte[] d = new byte[8];
        new Des(Hex.decode("0123456789abcdef")).encryptBlock(Hex.decode("4e6f772069732074"), 0, d, 0);
        assertEquals("3fa40e8a984d4815", Hex.encode(d));
        new Des3(Hex.decode("0123456789abcdef0123456789abcdef0123456789abcdef"))
                .encryptBlock(Hex.decode("4e6f772069732074"), 0, d, 0);
        assertEquals("3fa40e8a984d4815", Hex.encode(d));
        // RC4: the first record of OpenSSL's evpciph_rc4.txt.
        new Rc4(Hex.decode("0123456789abcdef0123456789abcdef")).process(Hex.decode("0123456789abcdef"), 0, 8, d, 0);
        assertEquals("75b7878099e0c596", Hex.encode(d));
    }

    /**
     * Export derivation inputs and the expected outputs, computed by ExportKeysTest's JDK oracle
     * (MessageDigest, javax.crypto.Mac) when this class loads, before the providers are removed: no
     * published vectors exist for these derivations.
     */
    private static final byte[] CR = new byte[32], SR = new byte[32], WK = Hex.decode("0102030405");
    private static final byte[] CHALLENGE = new byte[16], CONN_ID = new byte[16];
    private static final byte[] SSL3_KEY, TLS10_KEY, TLS10_IVS, SSL2_KM;

    static {
        for (int i = 0; i < 32; i++) {
            CR[i] = (byte) i;
            SR[i] = (byte) (0x80 + i);
        }
        java.util.Arrays.fill(CHALLENGE, (byte) 0xc1);
        java.util.Arrays.fill(CONN_ID, (byte) 0x5e);
        try {
            SSL3_KEY = ExportKeysTest.md5(WK, CR, SR);
            TLS10_KEY = ExportKeysTest.prf(WK, "client write key", ExportKeysTest.cat(CR, SR), 16);
            TLS10_IVS = ExportKeysTest.prf(new byte[0], "IV block", ExportKeysTest.cat(CR, SR), 16);
            byte[] master = ExportKeysTest.cat(new byte[11], WK);
            SSL2_KM = ExportKeysTest.cat(ExportKeysTest.md5(master, new byte[] {'0'}, CHALLENGE, CONN_ID),
                    ExportKeysTest.md5(master, new byte[] {'1'}, CHALLENGE, CONN_ID));
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Test
    void exportCiphersAndKeys() throws Exception {
        assertEquals(0, Security.getProviders().length);
        // RC2: RFC 2268, Section 5, the 128- and 129-bit vectors.
        byte[] d = new byte[8];
        new Rc2(Hex.decode("88bca90e90875a7f0f79c384627bafb2"), 128).encryptBlock(new byte[8], 0, d, 0);
        assertEquals("2269552ab0f85ca6", Hex.encode(d));
        new Rc2(Hex.decode("88bca90e90875a7f0f79c384627bafb216f80a6f85920584c42fceb0be255daf1e"), 129)
                .encryptBlock(new byte[8], 0, d, 0);
        assertEquals("5b78d3a43dfff1f1", Hex.encode(d));
        // Export derivations, against the JDK oracle's values computed before the providers went.
        assertEquals(Hex.encode(SSL3_KEY), Hex.encode(ExportKeys.ssl3FinalClientWriteKey(WK, CR, SR, 16)));
        assertEquals(Hex.encode(TLS10_KEY), Hex.encode(ExportKeys.tls10FinalClientWriteKey(WK, CR, SR, 16)));
        assertEquals(Hex.encode(TLS10_IVS), Hex.encode(ExportKeys.tls10IvBlock(CR, SR, 8)));
        assertEquals(Hex.encode(SSL2_KM), Hex.encode(ExportKeys.ssl2KeyMaterial(
                ExportKeys.ssl2MasterKey(new byte[11], WK), CHALLENGE, CONN_ID, 32)));
        // The export ciphers take those keys (each is the plain cipher: same output, and it round-trips).
        byte[] e = new byte[8];
        Export40.rc4(SSL3_KEY).process(new byte[8], 0, 8, d, 0);
        new Rc4(SSL3_KEY).process(new byte[8], 0, 8, e, 0);
        assertEquals(Hex.encode(e), Hex.encode(d));
        Rc2 rc2 = Export40.rc2(TLS10_KEY);
        rc2.encryptBlock(new byte[8], 0, d, 0);
        rc2.decryptBlock(d, 0, d, 0);
        assertEquals("0000000000000000", Hex.encode(d));
        Des des = Export40.des(java.util.Arrays.copyOf(TLS10_KEY, 8));
        des.encryptBlock(new byte[8], 0, d, 0);
        new Des(java.util.Arrays.copyOf(TLS10_KEY, 8)).encryptBlock(new byte[8], 0, e, 0);
        assertEquals(Hex.encode(e), Hex.encode(d));
    }

    @Test
    void aeads() throws Exception {
        assertEquals(0, Security.getProviders().length);
        // McGrew and Viega, "The Galois/Counter Mode of Operation", test cases 1 and 2.
        assertEquals("58e2fccefa7e3061367f1d57a4e7455a", seal(new AesGcm(new byte[16]), "000000000000000000000000", "", ""));
        assertEquals("0388dace60b6a392f328c2b971b2fe78ab6e47d42cec13bdf53a67b21257bddf",
                seal(new AesGcm(new byte[16]), "000000000000000000000000", "", "00000000000000000000000000000000"));
        // RFC 3610, Section 8, packet vector #1 (8-byte tag, 13-byte nonce).
        assertEquals("588c979a61c663d2f066d0c2c0f989806d5f6b61dac38417e8d12cfdf926e0",
                seal(new AesCcm(Hex.decode("c0c1c2c3c4c5c6c7c8c9cacbcccdcecf"), 8, 13), "00000003020100a0a1a2a3a4a5",
                        "0001020304050607", "08090a0b0c0d0e0f101112131415161718191a1b1c1d1e"));
        // RFC 8439, Section 2.5.2 and 2.8.2.
        Poly1305 p = new Poly1305(Hex.decode("85d6be7857556d337f4452fe42d506a80103808afb0db2fd4abff6af4149f51b"));
        p.update("Cryptographic Forum Research Group".getBytes("US-ASCII"));
        assertEquals("a8061dc1305136c6c22b8baf0c0127a9", Hex.encode(p.doFinal()));
        String sunscreen = Hex.encode(("Ladies and Gentlemen of the class of '99: If I could offer you only one tip"
                + " for the future, sunscreen would be it.").getBytes("US-ASCII"));
        assertEquals("d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d6"
                + "3dbea45e8ca9671282fafb69da92728b1a71de0a9e060b2905d6a5b67ecd3b36"
                + "92ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc"
                + "3ff4def08e4b7a9de576d26586cec64b6116" + "1ae10b594f09e26a7e902ecbd0600691",
                seal(new ChaCha20Poly1305(Hex.decode("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f")),
                        "070000004041424344454647", "50515253c0c1c2c3c4c5c6c7", sunscreen));
    }
}
