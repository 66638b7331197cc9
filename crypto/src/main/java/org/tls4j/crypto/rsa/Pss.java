package org.tls4j.crypto.rsa;

import org.tls4j.crypto.hash.Digest;

/**
 * EMSA-PSS encoding and verification and MGF1 (RFC 8017, Sections 9.1 and B.2.1). constant-time: not needed
 * (messages, salts and signatures are public; verification branches on public data only).
 */
final class Pss {
    private Pss() {}

    /** MGF1 (RFC 8017, Section B.2.1): XORs {@code len} mask bytes from {@code seed} into {@code out[off..]}. */
    static void mgf1Xor(RsaHash hash, byte[] seed, byte[] out, int off, int len) {
        Digest d = hash.newDigest();
        byte[] c = new byte[4];
        int done = 0;
        for (int counter = 0; done < len; counter++) {
            c[0] = (byte) (counter >>> 24);
            c[1] = (byte) (counter >>> 16);
            c[2] = (byte) (counter >>> 8);
            c[3] = (byte) counter;
            d.update(seed, 0, seed.length);
            d.update(c, 0, 4);
            byte[] t = d.digest();
            int n = Math.min(t.length, len - done);
            for (int i = 0; i < n; i++) {
                out[off + done + i] ^= t[i];
            }
            done += n;
        }
    }

    /** H = Hash(0x00 * 8 || mHash || salt) (RFC 8017, Section 9.1.1, steps 5 and 6). */
    static byte[] hPrime(RsaHash hash, byte[] mHash, byte[] salt, int saltOff, int saltLen) {
        Digest d = hash.newDigest();
        d.update(new byte[8], 0, 8);
        d.update(mHash, 0, mHash.length);
        d.update(salt, saltOff, saltLen);
        return d.digest();
    }

    /**
     * EMSA-PSS-ENCODE (RFC 8017, Section 9.1.1) with {@code emBits = modBits - 1}, returned left-padded to
     * k bytes (when emBits is a multiple of 8, EM is k - 1 bytes and the first byte is zero). Returns null
     * when the modulus is too short for this hash and salt (step 3, "encoding error").
     */
    static byte[] encode(RsaHash hash, RsaHash mgfHash, byte[] mHash, byte[] salt, int modBits, int k) {
        int emBits = modBits - 1;
        int emLen = (emBits + 7) / 8;
        int hLen = hash.length();
        int sLen = salt.length;
        if (emLen < hLen + sLen + 2) {
            return null;
        }
        byte[] h = hPrime(hash, mHash, salt, 0, sLen);
        byte[] out = new byte[k];
        int em = k - emLen; // offset of EM within the k-byte output
        int dbLen = emLen - hLen - 1;
        // DB = PS (zeros) || 0x01 || salt
        out[em + dbLen - sLen - 1] = 0x01;
        System.arraycopy(salt, 0, out, em + dbLen - sLen, sLen);
        mgf1Xor(mgfHash, h, out, em, dbLen);
        out[em] &= (byte) (0xFF >>> (8 * emLen - emBits));
        System.arraycopy(h, 0, out, em + dbLen, hLen);
        out[k - 1] = (byte) 0xBC;
        return out;
    }

    /**
     * EMSA-PSS-VERIFY (RFC 8017, Section 9.1.2) of {@code m = s^e mod n} given as k bytes: checks that the
     * bytes above emLen are zero, then every step of the RFC. Returns true only for a consistent encoding.
     */
    static boolean verify(RsaHash hash, RsaHash mgfHash, byte[] mHash, byte[] m, int modBits, int sLen) {
        int k = m.length;
        int emBits = modBits - 1;
        int emLen = (emBits + 7) / 8;
        int hLen = hash.length();
        if (sLen < 0 || emLen < hLen + sLen + 2) {
            return false;
        }
        int em = k - emLen;
        for (int i = 0; i < em; i++) { // I2OSP(m, emLen) must succeed (RFC 8017, Section 8.1.2, step 2c)
            if (m[i] != 0) {
                return false;
            }
        }
        if (m[k - 1] != (byte) 0xBC) {
            return false;
        }
        int dbLen = emLen - hLen - 1;
        int topMask = 0xFF >>> (8 * emLen - emBits);
        if ((m[em] & ~topMask & 0xFF) != 0) {
            return false;
        }
        byte[] h = new byte[hLen];
        System.arraycopy(m, em + dbLen, h, 0, hLen);
        byte[] db = new byte[dbLen];
        System.arraycopy(m, em, db, 0, dbLen);
        mgf1Xor(mgfHash, h, db, 0, dbLen);
        db[0] &= (byte) topMask;
        int psLen = dbLen - sLen - 1;
        for (int i = 0; i < psLen; i++) {
            if (db[i] != 0) {
                return false;
            }
        }
        if (db[psLen] != 0x01) {
            return false;
        }
        byte[] h2 = hPrime(hash, mHash, db, dbLen - sLen, sLen);
        return org.tls4j.crypto.ct.ConstantTime.equals(h, h2);
    }
}
