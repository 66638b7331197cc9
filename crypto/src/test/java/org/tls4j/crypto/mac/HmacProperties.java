package org.tls4j.crypto.mac;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.tls4j.crypto.hash.Digest;
import org.tls4j.crypto.hash.Md5;
import org.tls4j.crypto.hash.Sha1;
import org.tls4j.crypto.hash.Sha224;
import org.tls4j.crypto.hash.Sha256;
import org.tls4j.crypto.hash.Sha3;
import org.tls4j.crypto.hash.Sha384;
import org.tls4j.crypto.hash.Sha512;

/** HMAC equals the JDK's javax.crypto.Mac (oracle, tests only) for random keys and messages. */
class HmacProperties {
    static final String[] JDK = {"HmacMD5", "HmacSHA1", "HmacSHA224", "HmacSHA256", "HmacSHA384", "HmacSHA512",
        "HmacSHA3-256", "HmacSHA3-512"};

    static Digest digestFor(String jdk) {
        return switch (jdk) {
            case "HmacMD5" -> new Md5();
            case "HmacSHA1" -> new Sha1();
            case "HmacSHA224" -> new Sha224();
            case "HmacSHA256" -> new Sha256();
            case "HmacSHA384" -> new Sha384();
            case "HmacSHA512" -> new Sha512();
            case "HmacSHA3-256" -> new Sha3(256);
            case "HmacSHA3-512" -> new Sha3(512);
            default -> throw new AssertionError(jdk);
        };
    }

    @Provide
    Arbitrary<String> algs() {
        return Arbitraries.of(JDK);
    }

    @Property(tries = 300)
    void matchesJdk(@ForAll("algs") String alg, @ForAll @Size(min = 1, max = 200) byte[] key,
            @ForAll @Size(max = 500) byte[] msg, @ForAll @IntRange(min = 0, max = 500) int cut) throws Exception {
        javax.crypto.Mac jdk = javax.crypto.Mac.getInstance(alg);
        jdk.init(new SecretKeySpec(key, alg));
        byte[] expected = jdk.doFinal(msg);
        Hmac mac = new Hmac(digestFor(alg), key);
        int c = cut % (msg.length + 1);
        mac.update(msg, 0, c);
        mac.update(msg, c, msg.length - c);
        assertArrayEquals(expected, mac.doFinal(), alg);
        // The same key again, and after a reset() that discards a started message.
        mac.update(msg);
        assertArrayEquals(expected, mac.doFinal(), alg + " second message");
        mac.update(new byte[] {1, 2, 3});
        mac.reset();
        mac.update(msg);
        assertArrayEquals(expected, mac.doFinal(), alg + " after reset");
        mac.destroy();
        assertThrows(IllegalStateException.class, () -> mac.update(msg));
    }
}
