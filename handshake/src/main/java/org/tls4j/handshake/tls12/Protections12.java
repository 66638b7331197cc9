package org.tls4j.handshake.tls12;

import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.aead.AesCcm;
import org.tls4j.crypto.aead.AesGcm;
import org.tls4j.crypto.aead.ChaCha20Poly1305;
import org.tls4j.crypto.cipher.AesCt64;
import org.tls4j.crypto.cipher.BlockCipher;
import org.tls4j.crypto.cipher.legacy.Des3;
import org.tls4j.crypto.cipher.legacy.Rc4;
import org.tls4j.crypto.hash.Digests;
import org.tls4j.crypto.rand.RandomSource;
import org.tls4j.record.Aead12Protection;
import org.tls4j.record.RecordMac;
import org.tls4j.record.RecordProtection;
import org.tls4j.record.Ssl3CbcProtection;
import org.tls4j.record.StreamProtection;
import org.tls4j.record.TlsCbcProtection;

/**
 * Turns (suite, key block, version, direction, encrypt-then-MAC) into the record layer's
 * {@link RecordProtection} for one direction: the "client write" or "server write" state of RFC 5246,
 * Section 6.1. A client writes with {@code clientWrite = true} and reads with {@code false}; a server
 * the other way round.
 *
 * <ul>
 *   <li>AES-GCM and AES-CCM: 4-byte salt from the key block, 8-byte explicit nonce (RFC 5288, Section 3;
 *       RFC 6655, Section 3);</li>
 *   <li>ChaCha20-Poly1305: 12-byte IV XOR sequence number (RFC 7905, Section 2);</li>
 *   <li>CBC: HMAC (TLS) or the SSL 3.0 MAC, MAC-then-encrypt or, when RFC 7366 was negotiated,
 *       encrypt-then-MAC; chained IV from the key block in SSL 3.0/TLS 1.0 with 1/n−1 splitting as
 *       {@link VersionRules#cbcSplitByDefault} says;</li>
 *   <li>RC4 and NULL: {@link StreamProtection} (legacy, off by default).</li>
 * </ul>
 * Encrypt-then-MAC applies only to CBC suites in TLS (RFC 7366, Section 3: a server that picks an AEAD
 * or stream suite does not echo the extension); asking for it with anything else is a caller bug.
 */
public final class Protections12 {
    private Protections12() {}

    /**
     * The protection for the direction written by the client ({@code clientWrite}) or by the server.
     *
     * @param random the source of explicit CBC IVs (required for CBC in TLS 1.1+); unused otherwise and
     *     then may be null
     * @throws CryptoException only if a primitive refuses its key (a key block of the wrong suite)
     */
    public static RecordProtection create(Suite12 s, VersionRules rules, KeyBlock kb, boolean clientWrite,
            boolean encryptThenMac, RandomSource random) throws CryptoException {
        if (!s.allowedIn(rules.version)) {
            throw new IllegalArgumentException(s + " is not allowed in " + rules.version);
        }
        if (encryptThenMac && (s.cipher.kind != BulkCipher12.Kind.BLOCK || rules.prf == VersionRules.Prf.SSL3)) {
            throw new IllegalArgumentException("encrypt_then_mac applies only to TLS CBC suites (RFC 7366)");
        }
        if (s.cipher.kind == BulkCipher12.Kind.BLOCK && rules.explicitCbcIv && random == null) {
            throw new IllegalArgumentException("TLS 1.1+ CBC needs a random source for its explicit IVs");
        }
        byte[] key = kb.key(clientWrite);
        byte[] iv = kb.iv(clientWrite);
        byte[] macKey = kb.macKey(clientWrite);
        boolean ssl3 = rules.prf == VersionRules.Prf.SSL3;
        try {
            switch (s.cipher) {
                case AES_128_GCM:
                case AES_256_GCM:
                    return Aead12Protection.explicitNonce(new AesGcm(key), iv);
                case AES_128_CCM:
                case AES_256_CCM:
                case AES_128_CCM_8:
                case AES_256_CCM_8:
                    return Aead12Protection.explicitNonce(new AesCcm(key, s.cipher.tagLength), iv);
                case CHACHA20_POLY1305:
                    return Aead12Protection.xorNonce(new ChaCha20Poly1305(key), iv);
                case AES_128_CBC:
                case AES_256_CBC:
                case DES3_EDE_CBC: {
                    BlockCipher c = s.cipher == BulkCipher12.DES3_EDE_CBC ? new Des3(key) : new AesCt64(key);
                    RecordMac mac = mac(s, macKey, ssl3);
                    boolean split = rules.cbcSplitByDefault;
                    if (ssl3) {
                        return Ssl3CbcProtection.create(c, mac, iv, split);
                    }
                    byte[] chained = rules.explicitCbcIv ? null : iv;
                    return encryptThenMac
                            ? TlsCbcProtection.encryptThenMac(rules.version, c, mac, chained, random, split)
                            : TlsCbcProtection.macThenEncrypt(rules.version, c, mac, chained, random, split);
                }
                case RC4_128:
                    return StreamProtection.create(new Rc4(key), mac(s, macKey, ssl3));
                case NULL:
                    return StreamProtection.macOnly(mac(s, macKey, ssl3));
                default:
                    throw new IllegalStateException("no recipe for " + s.cipher);
            }
        } finally {
            java.util.Arrays.fill(key, (byte) 0);
            java.util.Arrays.fill(macKey, (byte) 0);
            java.util.Arrays.fill(iv, (byte) 0);
        }
    }

    private static RecordMac mac(Suite12 s, byte[] macKey, boolean ssl3) throws CryptoException {
        if (ssl3) {
            return RecordMac.ssl3(Digests.forName(s.mac.digest), macKey);
        }
        return RecordMac.hmac(Digests.forName(s.mac.digest), macKey);
    }
}
