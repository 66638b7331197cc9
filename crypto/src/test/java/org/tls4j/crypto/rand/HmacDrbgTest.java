package org.tls4j.crypto.rand;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.hash.Digest;
import org.tls4j.crypto.hash.Sha1;
import org.tls4j.crypto.hash.Sha256;
import org.tls4j.crypto.hash.Sha512;

/**
 * HMAC_DRBG. The shared vectors hold no NIST CAVP DRBG files (the vectors README lists none), so the
 * generator is compared with an independent transcription of SP 800-90A Rev. 1, Section 10.1.2, written
 * below on the JDK's javax.crypto.Mac (used in tests only, as an oracle).
 */
class HmacDrbgTest {
    /** The oracle: SP 800-90A, 10.1.2.2-10.1.2.5, step by step, on JDK HMAC. */
    static final class Oracle {
        final String jdkAlg;
        byte[] key;
        byte[] val;

        Oracle(String jdkAlg, int outLen, byte[] entropy, byte[] nonce, byte[] pers) throws Exception {
            this.jdkAlg = jdkAlg;
            key = new byte[outLen];
            val = new byte[outLen];
            Arrays.fill(val, (byte) 1);
            update(cat(entropy, nonce, pers));
        }

        byte[] hmac(byte[] k, byte[]... parts) throws Exception {
            Mac m = Mac.getInstance(jdkAlg);
            m.init(new SecretKeySpec(k, jdkAlg));
            for (byte[] p : parts) {
                m.update(p);
            }
            return m.doFinal();
        }

        void update(byte[] data) throws Exception {
            key = hmac(key, val, new byte[] {0}, data);
            val = hmac(key, val);
            if (data.length == 0) {
                return;
            }
            key = hmac(key, val, new byte[] {1}, data);
            val = hmac(key, val);
        }

        void reseed(byte[] entropy, byte[] add) throws Exception {
            update(cat(entropy, add));
        }

        byte[] generate(int len, byte[] add) throws Exception {
            if (add.length > 0) {
                update(add);
            }
            byte[] out = new byte[len];
            int done = 0;
            while (done < len) {
                val = hmac(key, val);
                int n = Math.min(val.length, len - done);
                System.arraycopy(val, 0, out, done, n);
                done += n;
            }
            update(add);
            return out;
        }
    }

    static byte[] cat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] r = new byte[n];
        int o = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, r, o, p.length);
            o += p.length;
        }
        return r;
    }

    @Property(tries = 60)
    void matchesSp80090aOracle(@ForAll @Size(min = 32, max = 48) byte[] entropy, @ForAll @Size(min = 16, max = 32) byte[] nonce,
            @ForAll @Size(max = 40) byte[] pers, @ForAll @Size(max = 40) byte[] add,
            @ForAll @IntRange(min = 0, max = 300) int len, @ForAll boolean sha512) throws Exception {
        Digest d = sha512 ? new Sha512() : new Sha256();
        String jdk = sha512 ? "HmacSHA512" : "HmacSHA256";
        HmacDrbg drbg = new HmacDrbg(d, entropy, nonce, pers);
        Oracle o = new Oracle(jdk, d.digestLength(), entropy, nonce, pers);
        // Two generates (as in the CAVP procedure), with and without additional input, then a reseed.
        byte[] out = new byte[len];
        drbg.generate(out, 0, len, add);
        assertArrayEquals(o.generate(len, add), out);
        drbg.generate(out, 0, len, null);
        assertArrayEquals(o.generate(len, new byte[0]), out);
        drbg.reseed(entropy, add);
        o.reseed(entropy, add);
        drbg.generate(out, 0, len, null);
        assertArrayEquals(o.generate(len, new byte[0]), out);
        drbg.destroy();
    }

    @Test
    void nextBytesSplitsLongRequests() throws Exception {
        byte[] e = new byte[32];
        byte[] n = new byte[16];
        HmacDrbg drbg = new HmacDrbg(new Sha256(), e, n, null);
        Oracle o = new Oracle("HmacSHA256", 32, e, n, new byte[0]);
        int len = HmacDrbg.MAX_BYTES_PER_REQUEST + 100;
        byte[] got = drbg.nextBytes(len);
        byte[] first = o.generate(HmacDrbg.MAX_BYTES_PER_REQUEST, new byte[0]);
        byte[] second = o.generate(100, new byte[0]);
        assertArrayEquals(cat(first, second), got);
    }

    @Test
    void automaticReseedFollowsSp80090a() throws Exception {
        byte[] e = new byte[32];
        byte[] n = new byte[16];
        byte[] reseedEntropy = new byte[32];
        java.util.Arrays.fill(reseedEntropy, (byte) 0x5a);
        java.security.SecureRandom source = new java.security.SecureRandom() {
            private static final long serialVersionUID = 1L;

            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(reseedEntropy, 0, bytes, 0, bytes.length);
            }
        };
        HmacDrbg d = HmacDrbg.withReseedSource(new Sha256(), e, n, null, source, 2);
        Oracle o = new Oracle("HmacSHA256", 32, e, n, new byte[0]);
        byte[] add = {7, 7, 7};
        byte[] out = new byte[40];
        d.generate(out, 0, 40, null);
        assertArrayEquals(o.generate(40, new byte[0]), out);
        d.generate(out, 0, 40, null);
        assertArrayEquals(o.generate(40, new byte[0]), out);
        // reseed_counter is now 3 > 2: reseed(entropy, additional input), then generate with no additional input.
        d.generate(out, 0, 40, add);
        o.reseed(reseedEntropy, add);
        assertArrayEquals(o.generate(40, new byte[0]), out);
        // Without an entropy source the same situation is a checked error.
        HmacDrbg fixed = HmacDrbg.withReseedSource(new Sha256(), e, n, null, null, 1);
        fixed.generate(out, 0, 1, null);
        assertThrows(CryptoException.class, () -> fixed.generate(out, 0, 1, null));
    }

    @Test
    void refusesBadParameters() throws Exception {
        assertThrows(CryptoException.class, () -> new HmacDrbg(new Sha256(), new byte[31], new byte[16], null));
        assertThrows(CryptoException.class, () -> new HmacDrbg(new Sha256(), new byte[32], new byte[15], null));
        assertThrows(CryptoException.class, () -> new HmacDrbg(new Sha1(), new byte[32], new byte[16], null));
        HmacDrbg d = new HmacDrbg(new Sha256(), new byte[32], new byte[16], null);
        assertThrows(CryptoException.class, () -> d.generate(new byte[10], 0, HmacDrbg.MAX_BYTES_PER_REQUEST + 1, null));
        assertThrows(CryptoException.class, () -> d.generate(new byte[10], 5, 6, null));
        assertThrows(CryptoException.class, () -> d.reseed(new byte[31], null));
        d.destroy();
        assertThrows(IllegalStateException.class, () -> d.nextBytes(4));
    }

    @Test
    void systemInstancesDiffer() {
        HmacDrbg a = HmacDrbg.fromSystem();
        HmacDrbg b = HmacDrbg.fromSystem();
        assertEquals("SHA-256", a.hashAlgorithm());
        assertFalse(Arrays.equals(a.nextBytes(32), b.nextBytes(32)));
        assertFalse(Arrays.equals(a.nextBytes(32), a.nextBytes(32)));
    }

    @Test
    void threadSafeUnderConcurrentUse() throws Exception {
        HmacDrbg d = new HmacDrbg(new Sha256(), new byte[32], new byte[16], null);
        int threads = 4;
        int perThread = 200;
        java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        Thread[] ts = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            ts[t] = new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    seen.add(org.tls4j.testing.Hex.encode(d.nextBytes(32)));
                }
            });
            ts[t].start();
        }
        for (Thread t : ts) {
            t.join();
        }
        // Each request is one generate call; with a consistent state every output is distinct.
        assertEquals(threads * perThread, seen.size());
        // And the outputs are exactly the first 800 of the sequential stream.
        HmacDrbg seq = new HmacDrbg(new Sha256(), new byte[32], new byte[16], null);
        java.util.Set<String> expected = new java.util.HashSet<>();
        for (int i = 0; i < threads * perThread; i++) {
            expected.add(org.tls4j.testing.Hex.encode(seq.nextBytes(32)));
        }
        assertEquals(expected, seen);
    }
}
