package org.tls4j.crypto.kdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.tls4j.crypto.hash.Sha256;
import org.tls4j.crypto.hash.Sha384;

/** HKDF and the TLS 1.2 PRF equal an oracle written on the JDK's HMAC (tests only). */
class HkdfProperties {
    @Property(tries = 150)
    void hkdfMatchesJdkOracle(@ForAll @Size(max = 80) byte[] salt, @ForAll @Size(max = 80) byte[] ikm,
            @ForAll @Size(max = 60) byte[] info, @ForAll @IntRange(min = 0, max = 600) int len, @ForAll boolean use384)
            throws Exception {
        String alg = use384 ? "HmacSHA384" : "HmacSHA256";
        int hLen = use384 ? 48 : 32;
        Hkdf h = new Hkdf(use384 ? new Sha384() : new Sha256());
        byte[] s = salt.length == 0 ? new byte[hLen] : salt;
        byte[] prk = hmac(alg, s, ikm);
        assertArrayEquals(prk, h.extract(salt, ikm));
        ByteArrayOutputStream okm = new ByteArrayOutputStream();
        byte[] t = new byte[0];
        for (int i = 1; okm.size() < len; i++) {
            t = hmac(alg, prk, t, info, new byte[] {(byte) i});
            okm.write(t);
        }
        assertArrayEquals(java.util.Arrays.copyOf(okm.toByteArray(), len), h.expand(prk, info, len));
    }

    @Property(tries = 100)
    void tls12PrfMatchesJdkOracle(@ForAll @Size(max = 64) byte[] secret, @ForAll @Size(max = 20) byte[] label,
            @ForAll @Size(max = 64) byte[] seed, @ForAll @IntRange(min = 0, max = 200) int len) throws Exception {
        byte[] ls = cat(label, seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] a = ls;
        while (out.size() < len) {
            a = hmac("HmacSHA256", secret, a);
            out.write(hmac("HmacSHA256", secret, a, ls));
        }
        assertArrayEquals(java.util.Arrays.copyOf(out.toByteArray(), len), Tls12Prf.sha256().derive(secret, label, seed, len));
    }

    static byte[] hmac(String alg, byte[] key, byte[]... parts) throws Exception {
        Mac m = Mac.getInstance(alg);
        // The JDK refuses an empty key; HMAC itself pads any key with zeros, so one zero byte is equivalent.
        m.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, alg));
        for (byte[] p : parts) {
            m.update(p);
        }
        return m.doFinal();
    }

    static byte[] cat(byte[] a, byte[] b) {
        byte[] r = new byte[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
