package org.tls4j.crypto.cipher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import javax.crypto.Cipher;
import javax.crypto.spec.ChaCha20ParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** AesCt64 (ECB), Cbc, Ctr and ChaCha20 against the JDK's SunJCE on random inputs (the JDK as oracle only). */
class CipherModeProperties {
    @Provide
    Arbitrary<byte[]> aesKey() {
        return Arbitraries.of(16, 24, 32).flatMap(n -> Arbitraries.bytes().array(byte[].class).ofSize(n));
    }

    @Provide
    Arbitrary<byte[]> block() {
        return Arbitraries.bytes().array(byte[].class).ofSize(16);
    }

    @Property(tries = 200)
    void ecbMatchesJdk(@ForAll("aesKey") byte[] key, @ForAll @IntRange(min = 0, max = 13) int blocks,
            @ForAll @Size(value = 208) byte[] data) throws Exception {
        byte[] pt = java.util.Arrays.copyOf(data, 16 * blocks);
        Cipher c = Cipher.getInstance("AES/ECB/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        byte[] expected = c.doFinal(pt);
        AesCt64 aes = new AesCt64(key);
        byte[] out = new byte[pt.length];
        aes.encryptBlocks(pt, 0, out, 0, blocks);
        assertArrayEquals(expected, out);
        if (blocks > 0) {
            byte[] one = new byte[16];
            aes.encryptBlock(pt, 0, one, 0);
            assertArrayEquals(java.util.Arrays.copyOf(expected, 16), one);
            aes.decryptBlock(one, 0, one, 0);
            assertArrayEquals(java.util.Arrays.copyOf(pt, 16), one);
        }
        aes.decryptBlocks(out, 0, out, 0, blocks);
        assertArrayEquals(pt, out);
    }

    @Property(tries = 200)
    void cbcMatchesJdk(@ForAll("aesKey") byte[] key, @ForAll("block") byte[] iv,
            @ForAll @IntRange(min = 0, max = 13) int blocks, @ForAll @Size(value = 208) byte[] data) throws Exception {
        byte[] pt = java.util.Arrays.copyOf(data, 16 * blocks);
        Cipher c = Cipher.getInstance("AES/CBC/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
        byte[] expected = c.doFinal(pt);
        Cbc cbc = new Cbc(new AesCt64(key));
        byte[] out = new byte[pt.length];
        cbc.encrypt(iv, 0, pt, 0, pt.length, out, 0);
        assertArrayEquals(expected, out);
        cbc.decrypt(iv, 0, out, 0, out.length, out, 0); // in place
        assertArrayEquals(pt, out);
    }

    @Property(tries = 200)
    void ctrMatchesJdk(@ForAll("aesKey") byte[] key, @ForAll("block") byte[] iv, @ForAll @Size(max = 300) byte[] pt,
            @ForAll @IntRange(min = 0, max = 300) int split) throws Exception {
        iv[15] = (byte) 0xFE; // make the carry across bytes likely
        Cipher c = Cipher.getInstance("AES/CTR/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
        byte[] expected = c.doFinal(pt);
        Ctr ctr = new Ctr(new AesCt64(key), iv);
        byte[] out = new byte[pt.length];
        int s = Math.min(split, pt.length);
        ctr.process(pt, 0, s, out, 0);
        ctr.process(pt, s, pt.length - s, out, s);
        assertArrayEquals(expected, out);
    }

    @Property(tries = 200)
    void chacha20MatchesJdk(@ForAll @Size(value = 32) byte[] key, @ForAll @Size(value = 12) byte[] nonce,
            @ForAll @IntRange(min = 0, max = 1000) int counter, @ForAll @Size(max = 300) byte[] pt,
            @ForAll @IntRange(min = 0, max = 300) int split) throws Exception {
        Cipher c = Cipher.getInstance("ChaCha20");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "ChaCha20"), new ChaCha20ParameterSpec(nonce, counter));
        byte[] expected = c.doFinal(pt);
        ChaCha20 cc = new ChaCha20(key);
        cc.init(nonce, 0, counter);
        byte[] out = new byte[pt.length];
        int s = Math.min(split, pt.length);
        cc.process(pt, 0, s, out, 0);
        cc.process(pt, s, pt.length - s, out, s);
        assertArrayEquals(expected, out);
    }
}
