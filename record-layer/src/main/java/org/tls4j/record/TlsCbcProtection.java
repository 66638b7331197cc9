package org.tls4j.record;

import org.tls4j.crypto.cipher.BlockCipher;
import org.tls4j.crypto.rand.RandomSource;

/**
 * TLS 1.0-1.2 CBC record protection (RFC 2246, 4346, 5246, Section 6.2.3.2), MAC-then-encrypt or
 * encrypt-then-MAC (RFC 7366).
 *
 * <pre>
 *   MAC-then-encrypt:  [IV] || CBC(content || MAC(seq, header, content) || padding)
 *   encrypt-then-MAC:  [IV] || CBC(content || padding) || MAC(seq, header', [IV] || ciphertext)
 *   padding: padding_length + 1 bytes, each equal to padding_length (sent minimal)
 * </pre>
 * TLS 1.0 has no IV in the record: each record chains from the last ciphertext block of the one before
 * (RFC 2246, Section 6.2.3.2). That makes the IV predictable (BEAST, 2011). The countermeasure is 1/n−1
 * record splitting ({@link Fragmenter}), on by default for TLS 1.0 here. TLS 1.1 and later send a fresh
 * random IV in each record (RFC 4346, Section 6.2.3.2).
 *
 * <p><b>Lucky Thirteen (2013) countermeasure, for MAC-then-encrypt.</b> A receiver that takes longer for a
 * good padding than for a bad one, or MACs fewer bytes when the padding is longer, tells an attacker
 * about the plaintext. Here, once the record is decrypted:
 * <ol>
 * <li>The padding is checked in constant time over the last min(256, length) bytes. Every byte is
 *     read, and the ones that belong to the padding are compared with masks.</li>
 * <li>A bad padding is treated as zero-length padding, so the rest runs on a valid range.</li>
 * <li>The MAC is computed with {@link RecordMac#computeConstantTime}. It performs the same digest work
 *     for every padding length the record's public length allows.</li>
 * <li>The received MAC is read from its secret position by scanning the whole span it could occupy.</li>
 * <li>Padding and MAC verdicts are combined with a bit-and. Every failure, whichever it was, gives the same
 *     {@code bad_record_mac}, and the decrypted bytes are wiped.</li>
 * </ol>
 * The test {@code CbcPaddingOracleProperties} counts block-cipher calls and digest operations for good records,
 * bad paddings and bad MACs of the same length and requires them to be equal.
 *
 * <p>Encrypt-then-MAC checks the MAC over the ciphertext first, so unauthenticated plaintext is never
 * looked at; the padding oracle does not exist there.
 *
 * <p>CBC suites are legacy: rustls and TLS 1.3 dropped them for these reasons; tls4j offers them only
 * when configured, prefers AEAD, and prefers encrypt-then-MAC when the peer supports it.
 * constant-time: yes for the receive path (as above); the send path handles public lengths only.
 */
public final class TlsCbcProtection extends AbstractCbcProtection {
    private TlsCbcProtection(String name, BlockCipher cipher, RecordMac mac, boolean etm, boolean explicitIv,
            byte[] iv, RandomSource random, boolean split) {
        super(name, cipher, mac, false, etm, explicitIv, iv, random, split);
    }

    /**
     * MAC-then-encrypt (RFC 5246, Section 6.2.3.2).
     *
     * @param version the negotiated version; TLS 1.0 uses the implicit {@code iv}, TLS 1.1+ draws
     *     explicit IVs from {@code random}
     * @param iv the initial IV from the key block (TLS 1.0 only; null otherwise)
     * @param random IV source for TLS 1.1+ (may be null for TLS 1.0)
     * @param splitFirstByte 1/n−1 splitting of application data (only meaningful for TLS 1.0)
     */
    public static TlsCbcProtection macThenEncrypt(ProtocolVersion version, BlockCipher cipher, RecordMac mac,
            byte[] iv, RandomSource random, boolean splitFirstByte) {
        return create(version, cipher, mac, false, iv, random, splitFirstByte);
    }

    /** Encrypt-then-MAC (RFC 7366); the parameters are as for {@link #macThenEncrypt}. */
    public static TlsCbcProtection encryptThenMac(ProtocolVersion version, BlockCipher cipher, RecordMac mac,
            byte[] iv, RandomSource random, boolean splitFirstByte) {
        return create(version, cipher, mac, true, iv, random, splitFirstByte);
    }

    private static TlsCbcProtection create(ProtocolVersion version, BlockCipher cipher, RecordMac mac,
            boolean etm, byte[] iv, RandomSource random, boolean split) {
        if (mac.isSsl3()) {
            throw new IllegalArgumentException("TLS CBC records take an HMAC, not the SSL 3.0 MAC");
        }
        boolean explicit = version.hasExplicitCbcIv();
        if (!explicit && !version.equals(ProtocolVersion.TLS10)) {
            throw new IllegalArgumentException("TLS CBC protection for " + version);
        }
        String name = version + " " + cipher.algorithm() + "-CBC " + mac.algorithm() + (etm ? " EtM" : " MtE");
        return new TlsCbcProtection(name, cipher, mac, etm, explicit, explicit ? null : iv, random,
                split && !explicit);
    }
}
