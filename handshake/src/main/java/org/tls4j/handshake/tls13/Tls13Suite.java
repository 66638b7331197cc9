package org.tls4j.handshake.tls13;

import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.aead.Aead;
import org.tls4j.crypto.aead.AesCcm;
import org.tls4j.crypto.aead.AesGcm;
import org.tls4j.crypto.aead.ChaCha20Poly1305;
import org.tls4j.crypto.hash.Digest;
import org.tls4j.crypto.hash.Sha256;
import org.tls4j.crypto.hash.Sha384;
import org.tls4j.handshake.CipherSuite;

/**
 * What a TLS 1.3 cipher suite means (RFC 8446, Section 8.4 and Appendix B.4): the AEAD for records and
 * the hash for HKDF and the transcript. A TLS 1.3 suite names nothing else; key exchange and
 * signatures are negotiated by extensions.
 *
 * <pre>
 * TLS_AES_128_GCM_SHA256        {0x13,0x01}  AES-128-GCM        SHA-256
 * TLS_AES_256_GCM_SHA384        {0x13,0x02}  AES-256-GCM        SHA-384
 * TLS_CHACHA20_POLY1305_SHA256  {0x13,0x03}  ChaCha20-Poly1305  SHA-256
 * TLS_AES_128_CCM_SHA256        {0x13,0x04}  AES-128-CCM        SHA-256
 * TLS_AES_128_CCM_8_SHA256      {0x13,0x05}  AES-128-CCM-8      SHA-256   (8-byte tag: off by default)
 * </pre>
 *
 * Every suite uses a 12-byte IV (Section 5.3).
 */
public final class Tls13Suite {
    /** The IV length of every TLS 1.3 AEAD (RFC 8446, Section 5.3: iv_length = max(8, N_MIN) = 12). */
    public static final int IV_LENGTH = 12;

    /** The suite code point. */
    public final CipherSuite suite;
    private final int keyLength;
    private final int kind; // 0 GCM, 1 ChaCha20-Poly1305, 2 CCM (16-byte tag), 3 CCM_8
    private final boolean sha384;

    private Tls13Suite(CipherSuite suite, int keyLength, int kind, boolean sha384) {
        this.suite = suite;
        this.keyLength = keyLength;
        this.kind = kind;
        this.sha384 = sha384;
    }

    /** The TLS 1.3 suite for {@code s}, or null when tls4j does not implement it. */
    public static Tls13Suite of(CipherSuite s) {
        switch (s.code) {
            case 0x1301:
                return new Tls13Suite(s, 16, 0, false);
            case 0x1302:
                return new Tls13Suite(s, 32, 0, true);
            case 0x1303:
                return new Tls13Suite(s, 32, 1, false);
            case 0x1304:
                return new Tls13Suite(s, 16, 2, false);
            case 0x1305:
                return new Tls13Suite(s, 16, 3, false);
            default:
                return null;
        }
    }

    /** A fresh instance of the suite's hash. */
    public Digest newDigest() {
        return sha384 ? new Sha384() : new Sha256();
    }

    /** The hash output length (the length of every secret and of Finished.verify_data). */
    public int hashLength() {
        return sha384 ? 48 : 32;
    }

    /** The AEAD key length in bytes. */
    public int keyLength() {
        return keyLength;
    }

    /** The AEAD keyed with {@code key} (which the AEAD copies). */
    public Aead newAead(byte[] key) throws CryptoException {
        switch (kind) {
            case 0:
                return new AesGcm(key);
            case 1:
                return new ChaCha20Poly1305(key);
            case 2:
                return new AesCcm(key, 16);
            default:
                return new AesCcm(key, 8);
        }
    }

    @Override
    public String toString() {
        return suite.name();
    }
}
