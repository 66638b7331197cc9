package org.tls4j.record;

import org.tls4j.crypto.cipher.BlockCipher;

/**
 * SSL 3.0 CBC record protection (RFC 6101, Section 5.2.3.2): MAC-then-encrypt with the SSL 3.0 MAC,
 * chained IVs, and padding whose bytes are arbitrary. Only the padding length is checked, and it must
 * be less than the block size.
 *
 * <p><b>Broken: POODLE (2014).</b> Because the padding bytes are not covered by the MAC and not checked,
 * an attacker who can move a ciphertext block to the end of a record learns one plaintext byte per
 * 256 tries. No receiver-side check can fix this while staying SSL 3.0. tls4j therefore keeps SSL 3.0
 * off by default (and TLS_FALLBACK_SCSV, RFC 7507, stops downgrades to it). The receive path is still
 * constant-time: padding length and MAC go through the same masked path as TLS
 * ({@link TlsCbcProtection}), so SSL 3.0 adds no timing oracle of its own. It sends TLS-style padding,
 * which SSL 3.0 receivers accept.
 * constant-time: yes for the receive path, as for {@link TlsCbcProtection}.
 */
public final class Ssl3CbcProtection extends AbstractCbcProtection {
    private Ssl3CbcProtection(BlockCipher cipher, RecordMac mac, byte[] iv, boolean split) {
        super("SSLv3 " + cipher.algorithm() + "-CBC " + mac.algorithm(), cipher, mac, true, false, false, iv, null,
                split);
    }

    /**
     * @param mac an SSL 3.0 MAC ({@link RecordMac#ssl3})
     * @param iv the initial IV from the key block
     * @param splitFirstByte 1/n−1 splitting of application data (BEAST applies to SSL 3.0 as well)
     */
    public static Ssl3CbcProtection create(BlockCipher cipher, RecordMac mac, byte[] iv, boolean splitFirstByte) {
        if (!mac.isSsl3()) {
            throw new IllegalArgumentException("SSL 3.0 CBC records take the SSL 3.0 MAC");
        }
        return new Ssl3CbcProtection(cipher, mac, iv, splitFirstByte);
    }
}
