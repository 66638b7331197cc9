package org.tls4j.crypto.mac;

import java.util.function.Supplier;
import org.tls4j.crypto.hash.Digest;
import org.tls4j.crypto.hash.Sha1;
import org.tls4j.crypto.hash.Sha224;
import org.tls4j.crypto.hash.Sha256;
import org.tls4j.crypto.hash.Sha3;
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
        {"hmac_sha3_224_test.json", (Supplier<Digest>) () -> new Sha3(224)},
        {"hmac_sha3_256_test.json", (Supplier<Digest>) () -> new Sha3(256)},
        {"hmac_sha3_384_test.json", (Supplier<Digest>) () -> new Sha3(384)},
        {"hmac_sha3_512_test.json", (Supplier<Digest>) () -> new Sha3(512)},
    };

    private HmacDigests() {}
}
