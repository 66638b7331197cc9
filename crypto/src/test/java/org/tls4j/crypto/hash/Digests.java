package org.tls4j.crypto.hash;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The digests under test, by their JCA names (so the JDK can serve as an oracle in tests). */
final class Digests {
    static final Map<String, Supplier<Digest>> ALL = new LinkedHashMap<>();

    static {
        ALL.put("MD5", Md5::new);
        ALL.put("SHA-1", Sha1::new);
        ALL.put("SHA-224", Sha224::new);
        ALL.put("SHA-256", Sha256::new);
        ALL.put("SHA-384", Sha384::new);
        ALL.put("SHA-512", Sha512::new);
    }

    private Digests() {}

    static Digest get(String name) {
        Supplier<Digest> s = ALL.get(name);
        if (s == null) {
            throw new AssertionError("no digest " + name);
        }
        return s.get();
    }
}
