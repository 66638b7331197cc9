package org.tls4j.record;

import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.aead.AesCcm;
import org.tls4j.crypto.aead.AesGcm;
import org.tls4j.crypto.aead.ChaCha20Poly1305;
import org.tls4j.crypto.cipher.AesCt64;
import org.tls4j.crypto.cipher.legacy.Des3;
import org.tls4j.crypto.cipher.legacy.Rc4;
import org.tls4j.crypto.hash.Md5;
import org.tls4j.crypto.hash.Sha1;
import org.tls4j.crypto.hash.Sha256;
import org.tls4j.crypto.hash.Sha384;
import org.tls4j.testing.SeededRandomSource;

/**
 * Every protection type and version, built with tls4j's own primitives. {@link #create()} is
 * deterministic, so two calls give a matching sender and receiver.
 */
enum Suite {
    NULL(ProtocolVersion.TLS12),
    NULL_SHA(ProtocolVersion.TLS12),
    RC4_SHA(ProtocolVersion.TLS12),
    SSL3_RC4_MD5(ProtocolVersion.SSL3),
    SSL3_AES_SHA(ProtocolVersion.SSL3),
    SSL3_3DES_SHA(ProtocolVersion.SSL3),
    TLS10_AES_SHA_MTE(ProtocolVersion.TLS10),
    TLS10_AES_SHA_ETM(ProtocolVersion.TLS10),
    TLS11_AES_SHA_MTE(ProtocolVersion.TLS11),
    TLS12_AES_SHA256_MTE(ProtocolVersion.TLS12),
    TLS12_AES_SHA384_MTE(ProtocolVersion.TLS12),
    TLS12_3DES_SHA_MTE(ProtocolVersion.TLS12),
    TLS12_AES_SHA256_ETM(ProtocolVersion.TLS12),
    TLS12_AES128_GCM(ProtocolVersion.TLS12),
    TLS12_AES256_GCM(ProtocolVersion.TLS12),
    TLS12_AES_CCM(ProtocolVersion.TLS12),
    TLS12_AES_CCM8(ProtocolVersion.TLS12),
    TLS12_CHACHA20(ProtocolVersion.TLS12),
    TLS13_AES128_GCM(ProtocolVersion.TLS13),
    TLS13_AES256_GCM(ProtocolVersion.TLS13),
    TLS13_CHACHA20(ProtocolVersion.TLS13),
    TLS13_AES_CCM(ProtocolVersion.TLS13),
    TLS13_AES_CCM8(ProtocolVersion.TLS13),
    TLS13_AES128_GCM_PADDED(ProtocolVersion.TLS13);

    final ProtocolVersion version;

    Suite(ProtocolVersion version) {
        this.version = version;
    }

    /** The version written in record headers. */
    ProtocolVersion recordVersion() {
        return version.equals(ProtocolVersion.TLS13) ? ProtocolVersion.TLS12 : version;
    }

    static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (seed * 31 + i * 7 + 1);
        }
        return b;
    }

    RecordProtection create() {
        try {
            switch (this) {
                case NULL:
                    return NullProtection.INSTANCE;
                case NULL_SHA:
                    return StreamProtection.macOnly(RecordMac.hmac(new Sha1(), bytes(20, 1)));
                case RC4_SHA:
                    return StreamProtection.create(new Rc4(bytes(16, 2)),
                            RecordMac.hmac(new Sha1(), bytes(20, 3)));
                case SSL3_RC4_MD5:
                    return StreamProtection.create(new Rc4(bytes(16, 4)),
                            RecordMac.ssl3(new Md5(), bytes(16, 5)));
                case SSL3_AES_SHA:
                    return Ssl3CbcProtection.create(new AesCt64(bytes(16, 6)), RecordMac.ssl3(new Sha1(), bytes(20, 7)),
                            bytes(16, 8), true);
                case SSL3_3DES_SHA:
                    return Ssl3CbcProtection.create(new Des3(bytes(24, 9)),
                            RecordMac.ssl3(new Sha1(), bytes(20, 10)), bytes(8, 11), false);
                case TLS10_AES_SHA_MTE:
                    return TlsCbcProtection.macThenEncrypt(version, new AesCt64(bytes(16, 12)),
                            RecordMac.hmac(new Sha1(), bytes(20, 13)), bytes(16, 14), null, true);
                case TLS10_AES_SHA_ETM:
                    return TlsCbcProtection.encryptThenMac(version, new AesCt64(bytes(16, 15)),
                            RecordMac.hmac(new Sha1(), bytes(20, 16)), bytes(16, 17), null, false);
                case TLS11_AES_SHA_MTE:
                    return TlsCbcProtection.macThenEncrypt(version, new AesCt64(bytes(32, 18)),
                            RecordMac.hmac(new Sha1(), bytes(20, 19)), null, new SeededRandomSource(1), false);
                case TLS12_AES_SHA256_MTE:
                    return TlsCbcProtection.macThenEncrypt(version, new AesCt64(bytes(16, 20)),
                            RecordMac.hmac(new Sha256(), bytes(32, 21)), null, new SeededRandomSource(2), false);
                case TLS12_AES_SHA384_MTE:
                    return TlsCbcProtection.macThenEncrypt(version, new AesCt64(bytes(32, 22)),
                            RecordMac.hmac(new Sha384(), bytes(48, 23)), null, new SeededRandomSource(3), false);
                case TLS12_3DES_SHA_MTE:
                    return TlsCbcProtection.macThenEncrypt(version, new Des3(bytes(24, 24)),
                            RecordMac.hmac(new Sha1(), bytes(20, 25)), null, new SeededRandomSource(4), false);
                case TLS12_AES_SHA256_ETM:
                    return TlsCbcProtection.encryptThenMac(version, new AesCt64(bytes(16, 26)),
                            RecordMac.hmac(new Sha256(), bytes(32, 27)), null, new SeededRandomSource(5), false);
                case TLS12_AES128_GCM:
                    return Aead12Protection.explicitNonce(new AesGcm(bytes(16, 28)), bytes(4, 29));
                case TLS12_AES256_GCM:
                    return Aead12Protection.explicitNonce(new AesGcm(bytes(32, 30)), bytes(4, 31));
                case TLS12_AES_CCM:
                    return Aead12Protection.explicitNonce(new AesCcm(bytes(16, 32), 16), bytes(4, 33));
                case TLS12_AES_CCM8:
                    return Aead12Protection.explicitNonce(new AesCcm(bytes(16, 34), 8), bytes(4, 35));
                case TLS12_CHACHA20:
                    return Aead12Protection.xorNonce(new ChaCha20Poly1305(bytes(32, 36)), bytes(12, 37));
                case TLS13_AES128_GCM:
                    return Aead13Protection.create(new AesGcm(bytes(16, 38)), bytes(12, 39));
                case TLS13_AES256_GCM:
                    return Aead13Protection.create(new AesGcm(bytes(32, 40)), bytes(12, 41));
                case TLS13_CHACHA20:
                    return Aead13Protection.create(new ChaCha20Poly1305(bytes(32, 42)), bytes(12, 43));
                case TLS13_AES_CCM:
                    return Aead13Protection.create(new AesCcm(bytes(16, 44), 16), bytes(12, 45));
                case TLS13_AES_CCM8:
                    return Aead13Protection.create(new AesCcm(bytes(16, 46), 8), bytes(12, 47));
                case TLS13_AES128_GCM_PADDED:
                    return Aead13Protection.create(new AesGcm(bytes(16, 48)), bytes(12, 49),
                            Aead13Protection.PaddingPolicy.toMultipleOf(256));
                default:
                    throw new AssertionError(this);
            }
        } catch (CryptoException e) {
            throw new AssertionError(e);
        }
    }
}
