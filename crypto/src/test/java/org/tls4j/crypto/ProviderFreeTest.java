package org.tls4j.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tls4j.crypto.hash.Digest;
import org.tls4j.crypto.hash.Md5;
import org.tls4j.crypto.hash.Sha1;
import org.tls4j.crypto.hash.Sha224;
import org.tls4j.crypto.hash.Sha256;
import org.tls4j.crypto.hash.Sha3;
import org.tls4j.crypto.hash.Sha384;
import org.tls4j.crypto.hash.Sha512;
import org.tls4j.crypto.hash.Shake;
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
}
