package org.tls4j.crypto.cipher.legacy;

import java.util.Arrays;
import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.cipher.BlockCipher;
import org.tls4j.crypto.ct.ConstantTime;

/**
 * RC2 (RFC 2268), the 64-bit block cipher of the SSL 2.0 {@code RC2_128_CBC_WITH_MD5} and
 * {@code RC2_128_CBC_EXPORT40_WITH_MD5} kinds and the SSL 3.0/TLS 1.0 {@code RSA_EXPORT_WITH_RC2_CBC_40_MD5}
 * suite. Kept only so tls4j can talk to, and test against, very old peers.
 *
 * <p><b>Broken; TLS keeps it off by default.</b> Every suite that uses RC2 is an export suite or SSL 2.0:
 * the export key derivations ({@link org.tls4j.crypto.kdf.ExportKeys}) leave only 40 secret key bits, found
 * by exhaustive search in minutes, and servers that still offered export suites could be downgraded to them
 * (FREAK, 2015). RC2 itself has related-key attacks (Kelsey, Schneier and Wagner, 1997) and a 64-bit block
 * (birthday bound after about 2^32 blocks, SWEET32). TLS 1.1 (RFC 4346, Appendix A.5) forbids export
 * suites; tls4j enables them only for explicit legacy interop and research.
 *
 * <p><b>The effective-key-bits parameter</b> (RFC 2268, Section 2, "T1"): the key expansion reduces the
 * expanded key to depend on at most T1 bits of key. For the TLS-family suites tls4j follows what the
 * deployed SSL libraries did: the cipher is keyed with the 16-byte final key from {@code ExportKeys} (SSL 3.0,
 * TLS 1.0) or the 16-byte SSL 2.0 key material, with T1 = 128 (OpenSSL's {@code EVP_rc2_cbc} default); the
 * 40-bit limit of the export suites comes from the key derivation, not from T1. Callers that need another
 * T1 (RFC 2268's vectors, CMS/PKCS#12 "RC2-40" with T1 = 40) pass it explicitly.
 *
 * <p><b>constant-time: yes.</b> RC2 has no S-boxes in its rounds, but it has two secret-indexed lookups:
 * the key expansion indexes PITABLE by key bytes, and every MASH round adds {@code K[R[i-1] & 63]}, a key
 * word chosen by the data. A table lookup at a secret index leaks that index through the cache to a local
 * attacker, so both lookups here read every entry of their table and keep the wanted one with a mask
 * ({@link ConstantTime#eq(int, int)}): 256 reads per PITABLE lookup (about 130 per key) and 64 per MASH
 * (8 per block). The rounds themselves are 16-bit additions, AND, NOT and fixed rotations. This is slow
 * (a few MB/s); the cipher exists for interoperability, not speed.
 */
public final class Rc2 implements BlockCipher {
    /**
     * PITABLE (RFC 2268, Section 2): a permutation of 0..255 "based on the digits of pi", used only by the
     * key expansion.
     */
    private static final int[] PITABLE = {
        0xd9, 0x78, 0xf9, 0xc4, 0x19, 0xdd, 0xb5, 0xed, 0x28, 0xe9, 0xfd, 0x79, 0x4a, 0xa0, 0xd8, 0x9d,
        0xc6, 0x7e, 0x37, 0x83, 0x2b, 0x76, 0x53, 0x8e, 0x62, 0x4c, 0x64, 0x88, 0x44, 0x8b, 0xfb, 0xa2,
        0x17, 0x9a, 0x59, 0xf5, 0x87, 0xb3, 0x4f, 0x13, 0x61, 0x45, 0x6d, 0x8d, 0x09, 0x81, 0x7d, 0x32,
        0xbd, 0x8f, 0x40, 0xeb, 0x86, 0xb7, 0x7b, 0x0b, 0xf0, 0x95, 0x21, 0x22, 0x5c, 0x6b, 0x4e, 0x82,
        0x54, 0xd6, 0x65, 0x93, 0xce, 0x60, 0xb2, 0x1c, 0x73, 0x56, 0xc0, 0x14, 0xa7, 0x8c, 0xf1, 0xdc,
        0x12, 0x75, 0xca, 0x1f, 0x3b, 0xbe, 0xe4, 0xd1, 0x42, 0x3d, 0xd4, 0x30, 0xa3, 0x3c, 0xb6, 0x26,
        0x6f, 0xbf, 0x0e, 0xda, 0x46, 0x69, 0x07, 0x57, 0x27, 0xf2, 0x1d, 0x9b, 0xbc, 0x94, 0x43, 0x03,
        0xf8, 0x11, 0xc7, 0xf6, 0x90, 0xef, 0x3e, 0xe7, 0x06, 0xc3, 0xd5, 0x2f, 0xc8, 0x66, 0x1e, 0xd7,
        0x08, 0xe8, 0xea, 0xde, 0x80, 0x52, 0xee, 0xf7, 0x84, 0xaa, 0x72, 0xac, 0x35, 0x4d, 0x6a, 0x2a,
        0x96, 0x1a, 0xd2, 0x71, 0x5a, 0x15, 0x49, 0x74, 0x4b, 0x9f, 0xd0, 0x5e, 0x04, 0x18, 0xa4, 0xec,
        0xc2, 0xe0, 0x41, 0x6e, 0x0f, 0x51, 0xcb, 0xcc, 0x24, 0x91, 0xaf, 0x50, 0xa1, 0xf4, 0x70, 0x39,
        0x99, 0x7c, 0x3a, 0x85, 0x23, 0xb8, 0xb4, 0x7a, 0xfc, 0x02, 0x36, 0x5b, 0x25, 0x55, 0x97, 0x31,
        0x2d, 0x5d, 0xfa, 0x98, 0xe3, 0x8a, 0x92, 0xae, 0x05, 0xdf, 0x29, 0x10, 0x67, 0x6c, 0xba, 0xc9,
        0xd3, 0x00, 0xe6, 0xcf, 0xe1, 0x9e, 0xa8, 0x2c, 0x63, 0x16, 0x01, 0x3f, 0x58, 0xe2, 0x89, 0xa9,
        0x0d, 0x38, 0x34, 0x1b, 0xab, 0x33, 0xff, 0xb0, 0xbb, 0x48, 0x0c, 0x5f, 0xb9, 0xb1, 0xcd, 0x2e,
        0xc5, 0xf3, 0xdb, 0x47, 0xe5, 0xa5, 0x9c, 0x77, 0x0a, 0xa6, 0x20, 0x68, 0xfe, 0x7f, 0xc1, 0xad
    };
    /** The rotation amounts s[0..3] of the MIX rounds (RFC 2268, Section 3.1). */
    private static final int[] ROT = {1, 2, 3, 5};

    /** The 64 expanded key words K[0..63], each 16 bits. */
    private final int[] k = new int[64];
    private boolean destroyed;

    /**
     * RC2 with a key of 1 to 128 bytes and {@code effectiveBits} (T1) from 1 to 1024.
     *
     * @throws CryptoException for a key length or T1 out of range
     */
    public Rc2(byte[] key, int effectiveBits) throws CryptoException {
        if (key == null || key.length < 1 || key.length > 128) {
            throw new CryptoException("RC2 key must be 1 to 128 bytes");
        }
        if (effectiveBits < 1 || effectiveBits > 1024) {
            throw new CryptoException("RC2 effective key bits must be 1 to 1024, got " + effectiveBits);
        }
        expand(key, effectiveBits);
    }

    /** RC2 with T1 = 8 times the key length, the usual default (128 for the 16-byte keys of SSL/TLS). */
    public Rc2(byte[] key) throws CryptoException {
        this(key, key == null ? 0 : Math.min(1024, 8 * key.length));
    }

    /** PITABLE[x] for a secret x, reading every entry. */
    private static int pi(int x) {
        int r = 0;
        for (int i = 0; i < 256; i++) {
            r |= PITABLE[i] & -ConstantTime.eq(i, x);
        }
        return r;
    }

    /** The key expansion of RFC 2268, Section 2; T (key length) and T1 are public. */
    private void expand(byte[] key, int t1) {
        int t = key.length;
        int t8 = (t1 + 7) / 8;
        int tm = 0xFF >>> (8 * t8 - t1);
        int[] l = new int[128];
        for (int i = 0; i < t; i++) {
            l[i] = key[i] & 0xFF;
        }
        for (int i = t; i < 128; i++) {
            l[i] = pi((l[i - 1] + l[i - t]) & 0xFF);
        }
        l[128 - t8] = pi(l[128 - t8] & tm);
        for (int i = 127 - t8; i >= 0; i--) {
            l[i] = pi(l[i + 1] ^ l[i + t8]);
        }
        for (int i = 0; i < 64; i++) {
            k[i] = l[2 * i] | (l[2 * i + 1] << 8);
        }
        Arrays.fill(l, 0);
    }

    /** K[x & 63] for a secret x, reading every word (the MASH lookup). */
    private int keyWord(int x) {
        int idx = x & 63;
        int r = 0;
        for (int i = 0; i < 64; i++) {
            r |= k[i] & -ConstantTime.eq(i, idx);
        }
        return r;
    }

    @Override
    public String algorithm() {
        return "RC2";
    }

    @Override
    public int blockSize() {
        return 8;
    }

    private void checkLive() {
        if (destroyed) {
            throw new IllegalStateException("RC2 key was destroyed");
        }
    }

    private static int[] load(byte[] in, int off) {
        int[] r = new int[4];
        for (int i = 0; i < 4; i++) {
            r[i] = (in[off + 2 * i] & 0xFF) | ((in[off + 2 * i + 1] & 0xFF) << 8); // little-endian words
        }
        return r;
    }

    private static void store(int[] r, byte[] out, int off) {
        for (int i = 0; i < 4; i++) {
            out[off + 2 * i] = (byte) r[i];
            out[off + 2 * i + 1] = (byte) (r[i] >>> 8);
        }
    }

    /** Encryption (RFC 2268, Section 3): 5 MIX rounds, MASH, 6 MIX, MASH, 5 MIX. */
    @Override
    public void encryptBlock(byte[] in, int inOff, byte[] out, int outOff) {
        checkLive();
        int[] r = load(in, inOff);
        int j = 0;
        for (int round = 0; round < 16; round++) {
            for (int i = 0; i < 4; i++) { // MIX up R[i] (Section 3.1)
                int x = r[i] + k[j++] + (r[(i + 3) & 3] & r[(i + 2) & 3]) + (~r[(i + 3) & 3] & r[(i + 1) & 3]);
                x &= 0xFFFF;
                r[i] = ((x << ROT[i]) | (x >>> (16 - ROT[i]))) & 0xFFFF;
            }
            if (round == 4 || round == 10) {
                for (int i = 0; i < 4; i++) { // MASH R[i] (Section 3.2)
                    r[i] = (r[i] + keyWord(r[(i + 3) & 3])) & 0xFFFF;
                }
            }
        }
        store(r, out, outOff);
    }

    /** Decryption (RFC 2268, Section 4): the rounds undone in reverse order. */
    @Override
    public void decryptBlock(byte[] in, int inOff, byte[] out, int outOff) {
        checkLive();
        int[] r = load(in, inOff);
        int j = 63;
        for (int round = 15; round >= 0; round--) {
            for (int i = 3; i >= 0; i--) { // R-MIX up R[i] (Section 4.1)
                int x = r[i];
                x = ((x >>> ROT[i]) | (x << (16 - ROT[i]))) & 0xFFFF;
                r[i] = (x - k[j--] - (r[(i + 3) & 3] & r[(i + 2) & 3]) - (~r[(i + 3) & 3] & r[(i + 1) & 3])) & 0xFFFF;
            }
            if (round == 11 || round == 5) {
                for (int i = 3; i >= 0; i--) { // R-MASH R[i] (Section 4.2)
                    r[i] = (r[i] - keyWord(r[(i + 3) & 3])) & 0xFFFF;
                }
            }
        }
        store(r, out, outOff);
    }

    /** Zeroes the expanded key. */
    @Override
    public void destroy() {
        Arrays.fill(k, 0);
        destroyed = true;
    }
}
