package org.tls4j.crypto.aead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.IdentityHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.Destroyable;
import org.tls4j.crypto.cipher.AesCt64;
import org.tls4j.crypto.cipher.Cbc;
import org.tls4j.crypto.cipher.ChaCha20;
import org.tls4j.crypto.cipher.Ctr;
import org.tls4j.crypto.cipher.legacy.Des;
import org.tls4j.crypto.cipher.legacy.Des3;
import org.tls4j.crypto.cipher.legacy.Rc4;

/**
 * destroy() zeroes every key-dependent field (checked by reflection: every array and every non-final
 * number in the object and in the tls4j objects it holds), and a destroyed object refuses to work:
 * AEADs and modes with {@link CryptoException}, raw primitives with IllegalStateException.
 */
class DestroyTest {
    static final byte[] K16 = seq(16), K24 = seq(24), K32 = seq(32), N12 = new byte[12];

    static byte[] seq(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (0x5A + 7 * i);
        }
        return b;
    }

    /** Fails if any array element or non-final numeric field reachable inside tls4j objects is non-zero. */
    static void assertZeroed(Object o, String path, Map<Object, Boolean> seen) throws Exception {
        if (o == null || seen.put(o, Boolean.TRUE) != null) {
            return;
        }
        for (Class<?> c = o.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                f.setAccessible(true);
                Object v = f.get(o);
                String where = path + "." + f.getName();
                if (v == null) {
                    continue;
                }
                if (v.getClass().isArray()) {
                    for (int i = 0; i < Array.getLength(v); i++) {
                        Object e = Array.get(v, i);
                        if (e instanceof Number) {
                            assertEquals(0L, ((Number) e).longValue(), where + "[" + i + "] not zeroed");
                        }
                    }
                } else if (v instanceof Number && !Modifier.isFinal(f.getModifiers())) {
                    assertEquals(0L, ((Number) v).longValue(), where + " not zeroed");
                } else if (v.getClass().getName().startsWith("org.tls4j.")) {
                    assertZeroed(v, where, seen);
                }
            }
        }
    }

    static void check(Destroyable d) throws Exception {
        d.destroy();
        assertZeroed(d, d.getClass().getSimpleName(), new IdentityHashMap<>());
        d.destroy(); // twice is harmless
    }

    @Test
    void aeads() throws Exception {
        Aead[] all = {new AesGcm(K16), new AesGcm(K24, 7), new AesGcm(K32), new AesCcm(K16, 16), new AesCcm(K32, 8),
            new ChaCha20Poly1305(K32)};
        for (Aead a : all) {
            byte[] nonce = new byte[a.nonceLength()];
            byte[] out = new byte[64];
            a.seal(nonce, 0, null, 0, 0, new byte[20], 0, 20, out, 0); // leave state behind
            check(a);
            assertThrows(CryptoException.class, () -> a.seal(nonce, 0, null, 0, 0, new byte[20], 0, 20, out, 0));
            assertThrows(CryptoException.class, () -> a.open(nonce, 0, null, 0, 0, out, 0, 36, out, 0));
        }
    }

    @Test
    void ciphers() throws Exception {
        AesCt64 aes = new AesCt64(K32);
        aes.encryptBlock(new byte[16], 0, new byte[16], 0);
        check(aes);
        assertThrows(IllegalStateException.class, () -> aes.encryptBlock(new byte[16], 0, new byte[16], 0));

        Cbc cbc = new Cbc(new AesCt64(K16));
        cbc.decrypt(new byte[16], 0, new byte[80], 0, 80, new byte[80], 0);
        check(cbc);
        assertThrows(CryptoException.class, () -> cbc.encrypt(new byte[16], 0, new byte[16], 0, 16, new byte[16], 0));

        Ctr ctr = new Ctr(new AesCt64(K16), new byte[16]);
        ctr.process(new byte[10], 0, 10, new byte[10], 0);
        check(ctr);
        assertThrows(CryptoException.class, () -> ctr.init(new byte[16], 0));

        ChaCha20 cc = new ChaCha20(K32);
        cc.init(N12, 0, 5);
        cc.process(new byte[10], 0, 10, new byte[10], 0);
        check(cc);
        assertThrows(IllegalStateException.class, () -> cc.block(0, new byte[64], 0));
        assertThrows(CryptoException.class, () -> cc.init(N12, 0, 0));

        Poly1305 p = new Poly1305(K32);
        p.update(new byte[20], 0, 20);
        check(p);
        assertThrows(IllegalStateException.class, () -> p.doFinal(new byte[16], 0));

        Rc4 rc4 = new Rc4(K16);
        rc4.process(new byte[10], 0, 10, new byte[10], 0);
        check(rc4);
        assertThrows(IllegalStateException.class, () -> rc4.process(new byte[1], 0, 1, new byte[1], 0));

        Des des = new Des(seq(8));
        check(des);
        assertThrows(IllegalStateException.class, () -> des.encryptBlock(new byte[8], 0, new byte[8], 0));
        Des3 des3 = new Des3(K24);
        check(des3);
        assertThrows(IllegalStateException.class, () -> des3.encryptBlock(new byte[8], 0, new byte[8], 0));
    }
}
