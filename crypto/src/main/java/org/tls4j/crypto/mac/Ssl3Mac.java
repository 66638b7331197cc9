package org.tls4j.crypto.mac;

import java.util.Arrays;
import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.hash.Digest;

/**
 * The SSL 3.0 record MAC (RFC 6101, Section 5.2.3.1), a pre-HMAC nested construction:
 * <pre>
 * hash(MAC_write_secret + pad_2 + hash(MAC_write_secret + pad_1 + seq_num + SSLCompressed.type +
 *      SSLCompressed.length + SSLCompressed.fragment))
 * </pre>
 * where pad_1 is 0x36 and pad_2 is 0x5c, repeated 48 times for MD5 and 40 times for SHA-1. The caller
 * feeds seq_num (8 bytes), type (1), length (2) and the fragment through {@link #update}.
 *
 * <p><b>Legacy.</b> SSL 3.0 is broken (POODLE; prohibited by RFC 7568). This MAC is not HMAC (the secret
 * is appended, not XORed into a full block) and has no proof of security; it exists only so tls4j can
 * talk to and test SSL 3.0 peers, which is off by default.
 *
 * <p>The nested-hash machinery (keyed snapshots, restart per message, destroy) is shared with
 * {@link Hmac} in {@code NestedMac}; this class only builds the two prefixes.
 *
 * <p>constant-time: yes (no branch on the secret or the data; lengths are public).
 */
public final class Ssl3Mac extends NestedMac {
    /**
     * @param prototype MD5 or SHA-1 (copied and reset)
     * @param macSecret the MAC_write_secret (not kept)
     * @throws CryptoException for any other hash
     */
    public Ssl3Mac(Digest prototype, byte[] macSecret) throws CryptoException {
        Digest d = prototype.copy();
        d.reset();
        int padLen;
        if ("MD5".equals(d.algorithm())) {
            padLen = 48;
        } else if ("SHA-1".equals(d.algorithm())) {
            padLen = 40;
        } else {
            throw new CryptoException("SSL 3.0 MAC is defined for MD5 and SHA-1 only, not " + d.algorithm());
        }
        // The inner prefix is MAC_write_secret + pad_1, the outer one MAC_write_secret + pad_2.
        int secretLen = macSecret.length;
        byte[] innerPrefix = new byte[secretLen + padLen];
        byte[] outerPrefix = new byte[secretLen + padLen];
        System.arraycopy(macSecret, 0, innerPrefix, 0, secretLen);
        System.arraycopy(macSecret, 0, outerPrefix, 0, secretLen);
        Arrays.fill(innerPrefix, secretLen, secretLen + padLen, (byte) 0x36);
        Arrays.fill(outerPrefix, secretLen, secretLen + padLen, (byte) 0x5c);
        init("SSLv3-MAC-" + d.algorithm(), d, innerPrefix, outerPrefix); // zeroes both prefixes
    }
}
