package org.tls4j.crypto.cipher.legacy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.tls4j.crypto.cipher.Cbc;
import org.tls4j.crypto.cipher.Ctr;

/** DES, 3DES (ECB, CBC and CTR) and RC4 against the JDK's SunJCE on random inputs (the JDK as oracle only). */
class LegacyCipherProperties {
    @Property(tries = 100)
    void desMatchesJdk(@ForAll @Size(value = 8) byte[] key, @ForAll @Size(value = 8) byte[] block) throws Exception {
        Cipher c = Cipher.getInstance("DES/ECB/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "DES"));
        byte[] out = new byte[8];
        Des des = new Des(key);
        des.encryptBlock(block, 0, out, 0);
        assertArrayEquals(c.doFinal(block), out);
        des.decryptBlock(out, 0, out, 0);
        assertArrayEquals(block, out);
    }

    @Property(tries = 50)
    void des3CbcMatchesJdk(@ForAll @Size(value = 24) byte[] key, @ForAll @Size(value = 8) byte[] iv,
            @ForAll @IntRange(min = 0, max = 12) int blocks, @ForAll @Size(value = 96) byte[] data) throws Exception {
        byte[] pt = java.util.Arrays.copyOf(data, 8 * blocks);
        Cipher c = Cipher.getInstance("DESede/CBC/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "DESede"), new IvParameterSpec(iv));
        byte[] expected = c.doFinal(pt);
        Cbc cbc = new Cbc(new Des3(key));
        byte[] out = new byte[pt.length];
        cbc.encrypt(iv, 0, pt, 0, pt.length, out, 0);
        assertArrayEquals(expected, out);
        cbc.decrypt(iv, 0, out, 0, out.length, out, 0);
        assertArrayEquals(pt, out);
    }

    @Property(tries = 50)
    void des3CtrMatchesJdk(@ForAll @Size(value = 24) byte[] key, @ForAll @Size(value = 8) byte[] iv,
            @ForAll @Size(max = 100) byte[] pt, @ForAll @IntRange(min = 0, max = 100) int split) throws Exception {
        iv[7] = (byte) 0xFE; // make a carry across counter bytes likely
        Cipher c = Cipher.getInstance("DESede/CTR/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "DESede"), new IvParameterSpec(iv));
        byte[] expected = c.doFinal(pt);
        Ctr ctr = new Ctr(new Des3(key), iv); // the generic one-block-per-call path
        byte[] out = new byte[pt.length];
        int s = Math.min(split, pt.length);
        ctr.process(pt, 0, s, out, 0);
        ctr.process(pt, s, pt.length - s, out, s);
        assertArrayEquals(expected, out);
    }

    @Property(tries = 100)
    void rc4MatchesJdk(@ForAll @Size(min = 5, max = 32) byte[] key, @ForAll @Size(max = 600) byte[] pt,
            @ForAll @IntRange(min = 0, max = 600) int split) throws Exception {
        Cipher c = Cipher.getInstance("ARCFOUR");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "ARCFOUR"));
        byte[] expected = c.doFinal(pt);
        Rc4 rc4 = new Rc4(key);
        byte[] out = new byte[pt.length];
        int s = Math.min(split, pt.length);
        rc4.process(pt, 0, s, out, 0);
        rc4.process(pt, s, pt.length - s, out, s);
        assertArrayEquals(expected, out);
    }
}
