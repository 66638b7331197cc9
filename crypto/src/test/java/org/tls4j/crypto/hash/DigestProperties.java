package org.tls4j.crypto.hash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.MessageDigest;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Properties of every digest: incremental equals one-shot for any split, copy() snapshots are
 * independent, and the output equals the JDK's MessageDigest (an oracle in tests only).
 */
class DigestProperties {
    /** Every digest, by its JDK name (SHA3-* and MD5 included). */
    static final String[] NAMES = {"MD5", "SHA-1", "SHA-224", "SHA-256", "SHA-384", "SHA-512",
        "SHA3-224", "SHA3-256", "SHA3-384", "SHA3-512"};

    static Digest create(String name) {
        try {
            Digest d = Digests.forName(name);
            assertEquals(name, d.algorithm());
            return d;
        } catch (org.tls4j.crypto.CryptoException e) {
            throw new AssertionError(e);
        }
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.of(NAMES);
    }

    @Property(tries = 300)
    void matchesJdk(@ForAll("names") String name, @ForAll @Size(max = 700) byte[] data) throws Exception {
        Digest d = create(name);
        d.update(data);
        assertArrayEquals(MessageDigest.getInstance(name).digest(data), d.digest(), name);
    }

    @Property(tries = 300)
    void incrementalEqualsOneShot(@ForAll("names") String name, @ForAll @Size(max = 600) byte[] data,
            @ForAll @IntRange(min = 0, max = 600) int cut1, @ForAll @IntRange(min = 0, max = 600) int cut2) {
        int a = Math.min(cut1, cut2) % (data.length + 1);
        int b = Math.max(a, Math.max(cut1, cut2) % (data.length + 1));
        Digest one = create(name);
        one.update(data);
        Digest inc = create(name);
        inc.update(data, 0, a);
        if (b > a) {
            inc.update(data[a]); // one single byte in the middle
            inc.update(data, a + 1, b - a - 1);
        }
        inc.update(data, b, data.length - b);
        assertArrayEquals(one.digest(), inc.digest(), name + " split at " + a + ", " + b);
    }

    @Property(tries = 200)
    void copiesAreIndependent(@ForAll("names") String name, @ForAll @Size(max = 300) byte[] prefix,
            @ForAll @Size(max = 300) byte[] x, @ForAll @Size(max = 300) byte[] y) {
        Digest d = create(name);
        d.update(prefix);
        Digest snap = d.copy();
        d.update(x);
        snap.update(y);
        assertArrayEquals(fresh(name, prefix, x), d.digest(), name + " original");
        assertArrayEquals(fresh(name, prefix, y), snap.digest(), name + " copy");
        // After digest() both are reset and usable again.
        d.update(x);
        assertArrayEquals(fresh(name, x), d.digest());
        if (d instanceof RestorableDigest r) {
            Digest s2 = create(name);
            s2.update(prefix);
            r.restore(s2);
            r.update(y);
            assertArrayEquals(fresh(name, prefix, y), r.digest(), name + " restored");
        }
    }

    static byte[] fresh(String name, byte[]... parts) {
        Digest d = create(name);
        for (byte[] p : parts) {
            d.update(p);
        }
        return d.digest();
    }

    @Property(tries = 100)
    void shakeMatchesJdkViaSha3Relation(@ForAll @Size(max = 400) byte[] data, @ForAll @IntRange(min = 0, max = 600) int len,
            @ForAll @IntRange(min = 0, max = 600) int cut, @ForAll boolean s128) {
        // The JDK has no SHAKE MessageDigest; check incremental squeezing and copy() against one-shot output.
        Supplier<Shake> mk = s128 ? Shake::shake128 : Shake::shake256;
        Shake a = mk.get();
        a.absorb(data);
        byte[] all = a.squeeze(len);
        Shake b = mk.get();
        int c = cut % (data.length + 1);
        b.absorb(data, 0, c);
        Shake bc = b.copy();
        b.absorb(data, c, data.length - c);
        int k = Math.min(cut, len);
        byte[] p1 = b.squeeze(k);
        byte[] p2 = b.squeeze(len - k);
        byte[] joined = new byte[len];
        System.arraycopy(p1, 0, joined, 0, k);
        System.arraycopy(p2, 0, joined, k, len - k);
        assertArrayEquals(all, joined);
        bc.absorb(data, c, data.length - c);
        assertArrayEquals(all, bc.squeeze(len));
    }
}
