package org.tls4j.crypto.cipher.legacy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.RC2ParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.cipher.Cbc;
import org.tls4j.testing.Hex;

/**
 * RC2 against the eight test vectors of RFC 2268, Section 5, and against the JDK's SunJCE RC2 (with
 * {@link RC2ParameterSpec} effective key bits) on random keys, effective bit counts and blocks.
 */
class Rc2Test {
    /** RFC 2268, Section 5: key, effective key bits (T1), plaintext, ciphertext. */
    static final String[][] RFC2268 = {
        {"0000000000000000", "63", "0000000000000000", "ebb773f993278eff"},
        {"ffffffffffffffff", "64", "ffffffffffffffff", "278b27e42e2f0d49"},
        {"3000000000000000", "64", "1000000000000001", "30649edf9be7d2c2"},
        {"88", "64", "0000000000000000", "61a8a244adacccf0"},
        {"88bca90e90875a", "64", "0000000000000000", "6ccf4308974c267f"},
        {"88bca90e90875a7f0f79c384627bafb2", "64", "0000000000000000", "1a807d272bbe5db1"},
        {"88bca90e90875a7f0f79c384627bafb2", "128", "0000000000000000", "2269552ab0f85ca6"},
        {"88bca90e90875a7f0f79c384627bafb216f80a6f85920584c42fceb0be255daf1e", "129", "0000000000000000",
            "5b78d3a43dfff1f1"},
    };

    @Test
    void rfc2268Vectors() throws Exception {
        for (String[] v : RFC2268) {
            Rc2 rc2 = new Rc2(Hex.decode(v[0]), Integer.parseInt(v[1]));
            byte[] out = new byte[8];
            rc2.encryptBlock(Hex.decode(v[2]), 0, out, 0);
            assertEquals(v[3], Hex.encode(out), String.join(" ", v));
            rc2.decryptBlock(out, 0, out, 0); // in place
            assertEquals(v[2], Hex.encode(out), String.join(" ", v));
        }
        System.out.println("RC2: " + RFC2268.length + " RFC 2268 vectors passed");
    }

    @Test
    void theEffectiveBitsParameterMatters() throws Exception {
        // The same 16-byte key with T1 = 64 and 128 gives RFC 2268's two different ciphertexts above; the
        // one-argument constructor is T1 = 8 * key length.
        byte[] key = Hex.decode("88bca90e90875a7f0f79c384627bafb2");
        byte[] out = new byte[8];
        new Rc2(key).encryptBlock(new byte[8], 0, out, 0);
        assertEquals("2269552ab0f85ca6", Hex.encode(out));
        Export40.rc2(key).encryptBlock(new byte[8], 0, out, 0);
        assertEquals("2269552ab0f85ca6", Hex.encode(out));
    }

    @Test
    void matchesSunJceOnRandomInputs() throws Exception {
        Random rnd = new Random(2268);
        Cipher jdk = Cipher.getInstance("RC2/ECB/NoPadding", "SunJCE");
        int cases = 300;
        for (int c = 0; c < cases; c++) {
            // SunJCE takes 5- to 128-byte keys (40 to 1024 bits); T1 from 1 to 1024.
            byte[] key = new byte[5 + rnd.nextInt(124)];
            rnd.nextBytes(key);
            int t1 = c % 3 == 0 ? 40 : c % 3 == 1 ? 8 * key.length : 1 + rnd.nextInt(1024);
            byte[] pt = new byte[8 * (1 + rnd.nextInt(8))];
            rnd.nextBytes(pt);
            jdk.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "RC2"), new RC2ParameterSpec(t1));
            byte[] want = jdk.doFinal(pt);
            Rc2 rc2 = new Rc2(key, t1);
            byte[] got = new byte[pt.length];
            for (int off = 0; off < pt.length; off += 8) {
                rc2.encryptBlock(pt, off, got, off);
            }
            assertArrayEquals(want, got, "key " + Hex.encode(key) + " T1 " + t1);
            for (int off = 0; off < pt.length; off += 8) {
                rc2.decryptBlock(got, off, got, off);
            }
            assertArrayEquals(pt, got);
        }
        // CBC over tls4j's mode code, as the export suites use it, against SunJCE's RC2/CBC.
        byte[] key = new byte[16];
        byte[] iv = new byte[8];
        byte[] pt = new byte[64];
        rnd.nextBytes(key);
        rnd.nextBytes(iv);
        rnd.nextBytes(pt);
        Cipher cbc = Cipher.getInstance("RC2/CBC/NoPadding", "SunJCE");
        cbc.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "RC2"), new RC2ParameterSpec(128, iv));
        byte[] want = cbc.doFinal(pt);
        byte[] got = new byte[pt.length];
        new Cbc(Export40.rc2(key)).encrypt(iv, 0, pt, 0, pt.length, got, 0);
        assertArrayEquals(want, got);
        byte[] back = new byte[pt.length];
        new Cbc(Export40.rc2(key)).decrypt(iv, 0, got, 0, got.length, back, 0);
        assertArrayEquals(pt, back);
        System.out.println("RC2: " + cases + " random cases (ECB) and one CBC case match SunJCE");
    }

    @Test
    void badParametersAreRejected() throws Exception {
        assertThrows(CryptoException.class, () -> new Rc2(new byte[0], 64));
        assertThrows(CryptoException.class, () -> new Rc2(new byte[129], 64));
        assertThrows(CryptoException.class, () -> new Rc2(null, 64));
        assertThrows(CryptoException.class, () -> new Rc2(new byte[16], 0));
        assertThrows(CryptoException.class, () -> new Rc2(new byte[16], 1025));
        new Rc2(new byte[1], 1);
        new Rc2(new byte[128], 1024);
        assertThrows(CryptoException.class, () -> Export40.rc2(new byte[5]));
        assertThrows(CryptoException.class, () -> Export40.rc4(new byte[5]));
        assertThrows(CryptoException.class, () -> Export40.des(new byte[16]));
        Rc2 rc2 = new Rc2(new byte[16]);
        rc2.destroy();
        assertThrows(IllegalStateException.class, () -> rc2.encryptBlock(new byte[8], 0, new byte[8], 0));
        assertEquals(8, rc2.blockSize());
        assertEquals("RC2", rc2.algorithm());
    }
}
