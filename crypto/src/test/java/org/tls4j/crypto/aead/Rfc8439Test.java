package org.tls4j.crypto.aead;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.tls4j.crypto.cipher.ChaCha20;
import org.tls4j.testing.Hex;

/** The worked examples of RFC 8439 (ChaCha20 and Poly1305 for IETF Protocols), Sections 2.3.2 to 2.8.2. */
class Rfc8439Test {
    static final byte[] KEY_00_1F = Hex.decode("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    static final byte[] SUNSCREEN = ("Ladies and Gentlemen of the class of '99: If I could offer you only one tip"
            + " for the future, sunscreen would be it.").getBytes(StandardCharsets.US_ASCII);

    @Test
    void section232ChaCha20Block() throws Exception {
        ChaCha20 c = new ChaCha20(KEY_00_1F);
        c.init(Hex.decode("000000090000004a00000000"), 0, 1);
        byte[] block = new byte[64];
        c.block(1, block, 0);
        assertArrayEquals(Hex.decode("10f1e7e4d13b5915500fdd1fa32071c4c7d1f4c733c068030422aa9ac3d46c4e"
                + "d2826446079faa0914c2d705d98b02a2b5129cd1de164eb9cbd083e8a2503c4e"), block);
    }

    @Test
    void section242ChaCha20Encryption() throws Exception {
        byte[] expected = Hex.decode("6e2e359a2568f98041ba0728dd0d6981e97e7aec1d4360c20a27afccfd9fae0b"
                + "f91b65c5524733ab8f593dabcd62b3571639d624e65152ab8f530c359f0861d8"
                + "07ca0dbf500d6a6156a38e088a22b65e52bc514d16ccf806818ce91ab7793736"
                + "5af90bbf74a35be6b40b8eedf2785e42874d");
        ChaCha20 c = new ChaCha20(KEY_00_1F);
        c.init(Hex.decode("000000000000004a00000000"), 0, 1);
        byte[] out = new byte[SUNSCREEN.length];
        c.process(SUNSCREEN, 0, SUNSCREEN.length, out, 0);
        assertArrayEquals(expected, out);
        // the same keystream fed in uneven pieces (the stream continues across calls)
        c.init(Hex.decode("000000000000004a00000000"), 0, 1);
        byte[] pieces = SUNSCREEN.clone();
        int[] cuts = {1, 63, 64, 65, 100, pieces.length};
        int from = 0;
        for (int cut : cuts) {
            c.process(pieces, from, cut - from, pieces, from);
            from = cut;
        }
        assertArrayEquals(expected, pieces);
        // decryption is the same operation
        c.init(Hex.decode("000000000000004a00000000"), 0, 1);
        c.process(out, 0, out.length, out, 0);
        assertArrayEquals(SUNSCREEN, out);
    }

    @Test
    void section252Poly1305() throws Exception {
        Poly1305 p = new Poly1305(Hex.decode("85d6be7857556d337f4452fe42d506a80103808afb0db2fd4abff6af4149f51b"));
        byte[] msg = "Cryptographic Forum Research Group".getBytes(StandardCharsets.US_ASCII);
        p.update(msg, 0, msg.length);
        byte[] tag = p.doFinal();
        assertArrayEquals(Hex.decode("a8061dc1305136c6c22b8baf0c0127a9"), tag);
        // byte by byte gives the same
        for (byte b : msg) {
            p.update(b);
        }
        assertArrayEquals(Hex.decode("a8061dc1305136c6c22b8baf0c0127a9"), p.doFinal());
    }

    @Test
    void section262Poly1305KeyGeneration() throws Exception {
        ChaCha20 c = new ChaCha20(Hex.decode("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f"));
        c.init(Hex.decode("000000000001020304050607"), 0, 0);
        byte[] block = new byte[64];
        c.block(0, block, 0);
        byte[] otk = java.util.Arrays.copyOf(block, 32);
        assertArrayEquals(Hex.decode("8ad5a08b905f81cc815040274ab29471a833b637e3fd0da508dbb8e2fdd1a646"), otk);
    }

    @Test
    void section282Aead() throws Exception {
        byte[] key = Hex.decode("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f");
        byte[] nonce = Hex.decode("070000004041424344454647"); // 32-bit fixed-common part || IV
        byte[] aad = Hex.decode("50515253c0c1c2c3c4c5c6c7");
        byte[] expected = Hex.decode("d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d6"
                + "3dbea45e8ca9671282fafb69da92728b1a71de0a9e060b2905d6a5b67ecd3b36"
                + "92ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc"
                + "3ff4def08e4b7a9de576d26586cec64b6116"
                + "1ae10b594f09e26a7e902ecbd0600691");
        ChaCha20Poly1305 a = new ChaCha20Poly1305(key);
        byte[] out = new byte[SUNSCREEN.length + 16];
        a.seal(nonce, 0, aad, 0, aad.length, SUNSCREEN, 0, SUNSCREEN.length, out, 0);
        assertArrayEquals(expected, out);
        byte[] pt = new byte[SUNSCREEN.length];
        a.open(nonce, 0, aad, 0, aad.length, out, 0, out.length, pt, 0);
        assertArrayEquals(SUNSCREEN, pt);
    }
}
