package org.tls4j.record;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.tls4j.crypto.cipher.BlockCipher;
import org.tls4j.crypto.cipher.StreamCipher;

/**
 * TEST ONLY: RC4 and 3DES taken from the JDK (SunJCE), because tls4j's own legacy ciphers
 * ({@code crypto.cipher.legacy}) had not landed when the record layer was written. They let the
 * stream-cipher protection and Botan's 3DES CBC records be exercised. Library code never uses JCA;
 * replace these with {@code Rc4}/{@code Des3} when they exist.
 */
final class JcaLegacyCiphersForTests {
    private JcaLegacyCiphersForTests() {}

    static StreamCipher rc4(byte[] key) {
        try {
            Cipher c = Cipher.getInstance("ARCFOUR");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "ARCFOUR"));
            return new StreamCipher() {
                @Override
                public String algorithm() {
                    return "RC4(JCA test)";
                }

                @Override
                public void process(byte[] in, int inOff, int len, byte[] out, int outOff) {
                    byte[] r = c.update(in, inOff, len);
                    if (r != null) {
                        System.arraycopy(r, 0, out, outOff, r.length);
                    }
                }

                @Override
                public void destroy() {}
            };
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static BlockCipher desEde(byte[] key) {
        try {
            Cipher enc = Cipher.getInstance("DESede/ECB/NoPadding");
            enc.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "DESede"));
            Cipher dec = Cipher.getInstance("DESede/ECB/NoPadding");
            dec.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "DESede"));
            return new BlockCipher() {
                @Override
                public String algorithm() {
                    return "3DES(JCA test)";
                }

                @Override
                public int blockSize() {
                    return 8;
                }

                @Override
                public void encryptBlock(byte[] in, int inOff, byte[] out, int outOff) {
                    try {
                        enc.doFinal(in.clone(), inOff, 8, out, outOff);
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }

                @Override
                public void decryptBlock(byte[] in, int inOff, byte[] out, int outOff) {
                    try {
                        dec.doFinal(in.clone(), inOff, 8, out, outOff);
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }

                @Override
                public void destroy() {}
            };
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
