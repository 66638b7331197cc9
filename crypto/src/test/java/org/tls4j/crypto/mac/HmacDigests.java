package org.tls4j.crypto.mac;

import java.util.function.Supplier;
import org.tls4j.crypto.hash.Digest;
import org.tls4j.crypto.hash.Sha1;
import org.tls4j.crypto.hash.Sha224;
import org.tls4j.crypto.hash.Sha256;
import org.tls4j.crypto.hash.Sha384;
import org.tls4j.crypto.hash.Sha512;

/** The Wycheproof HMAC files and the digest each one uses. */
final class HmacDigests {
    static final Object[][] FILES = {
        {"hmac_sha1_test.json", (Supplier<Digest>) Sha1::new},
        {"hmac_sha224_test.json", (Supplier<Digest>) Sha224::new},
        {"hmac_sha256_test.json", (Supplier<Digest>) Sha256::new},
        {"hmac_sha384_test.json", (Supplier<Digest>) Sha384::new},
        {"hmac_sha512_test.json", (Supplier<Digest>) Sha512::new},
    };

    private HmacDigests() {}
}
