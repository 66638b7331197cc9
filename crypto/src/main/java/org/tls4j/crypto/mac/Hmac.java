package org.tls4j.crypto.mac;

import java.util.Arrays;
import org.tls4j.crypto.hash.Digest;
import org.tls4j.crypto.hash.RestorableDigest;

/**
 * HMAC over any {@link Digest} (RFC 2104; FIPS 198-1):
 * {@code HMAC(K, m) = H((K0 ^ opad) || H((K0 ^ ipad) || m))}, where K0 is the key hashed if it is longer
 * than the block, then padded with zeros to the block length B; ipad = 0x36 and opad = 0x5c repeated B
 * times.
 *
 * <p>The key is processed once, in the constructor: the states after absorbing {@code K0 ^ ipad} and
 * {@code K0 ^ opad} are kept as snapshots ({@link Digest#copy()}), and each message starts from them
 * (the nested-hash machinery shared with {@link Ssl3Mac} is in {@code NestedMac}). With the digests of
 * this library ({@link RestorableDigest}) that restart copies a few words and allocates nothing.
 *
 * <p>constant-time: yes. The only branch on the key is on its length (public: all TLS MAC keys have a
 * fixed length per cipher suite); the message length is public.
 */
public final class Hmac extends NestedMac {
    private static final byte IPAD = 0x36;
    private static final byte OPAD = 0x5c;

    /**
     * Keys an HMAC.
     *
     * @param prototype the hash to use; only its algorithm matters (it is copied and reset, never changed)
     * @param key the key, of any length (RFC 2104, Section 3 recommends at least the hash length); the
     *     array is not kept
     */
    public Hmac(Digest prototype, byte[] key) {
        if (prototype == null || key == null) {
            throw new NullPointerException("HMAC needs a digest and a key");
        }
        Digest d = prototype.copy();
        d.reset();
        int blockLen = d.blockLength();

        byte[] k0 = new byte[blockLen];
        if (key.length > blockLen) {
            d.update(key, 0, key.length);
            d.digest(k0, 0); // leaves d reset; the rest of k0 stays zero
        } else {
            System.arraycopy(key, 0, k0, 0, key.length);
        }
        byte[] ipadKey = new byte[blockLen];
        byte[] opadKey = new byte[blockLen];
        for (int i = 0; i < blockLen; i++) {
            ipadKey[i] = (byte) (k0[i] ^ IPAD);
            opadKey[i] = (byte) (k0[i] ^ OPAD);
        }
        Arrays.fill(k0, (byte) 0);
        init("HMAC-" + d.algorithm(), d, ipadKey, opadKey); // zeroes ipadKey and opadKey
    }
}
