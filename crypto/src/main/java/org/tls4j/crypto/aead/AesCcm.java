package org.tls4j.crypto.aead;

import java.util.Arrays;
import org.tls4j.crypto.AuthenticationException;
import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.cipher.AesCt64;
import org.tls4j.crypto.ct.ConstantTime;

/**
 * AES-CCM (RFC 3610; NIST SP 800-38C): CBC-MAC over a formatted header, the AAD and the plaintext, then
 * counter-mode encryption of the plaintext and of the MAC. TLS uses it with a 12-byte nonce and a
 * 16-byte tag (TLS_AES_128_CCM_SHA256, RFC 8446; AES_CCM suites, RFC 6655) or an 8-byte tag (the
 * "CCM_8" suites, RFC 6655 and RFC 8446).
 *
 * <p>Parameters (RFC 3610, Section 2): tag length M in {4, 6, 8, 10, 12, 14, 16}; nonce length 15 - L for
 * a length field of L bytes, 2 <= L <= 8, i.e. a nonce of 7 to 13 bytes. A message must fit in L bytes
 * (at most 65535 bytes with a 13-byte nonce).
 *
 * <p><b>constant-time: yes</b> (bitsliced {@link AesCt64}; tag compared in constant time). {@code open}
 * has to decrypt before it can compute the MAC; when the tag does not match it zeroes the whole output
 * range before throwing {@link AuthenticationException}, so no plaintext is released. The CBC-MAC is
 * sequential (one block per AES call); the counter part runs four blocks per AES call. Not thread-safe;
 * allocates nothing per call; in place is allowed.
 */
public final class AesCcm implements Aead {
    private boolean destroyed;
    private final AesCt64 aes;
    private final int tagLength;
    private final int nonceLength;
    private final int lenBytes; // L
    private final byte[] x = new byte[16];
    private final byte[] ctr = new byte[64];
    private final byte[] ks = new byte[64];
    private final byte[] s0 = new byte[16];

    /** AES-CCM with a 12-byte nonce (the TLS case) and the given tag length (16 or 8 for TLS). */
    public AesCcm(byte[] key, int tagLength) throws CryptoException {
        this(key, tagLength, 12);
    }

    /**
     * AES-CCM with the given tag length (4, 6, ..., 16) and nonce length (7 to 13).
     *
     * @throws CryptoException a key, tag or nonce length that RFC 3610 does not allow
     */
    public AesCcm(byte[] key, int tagLength, int nonceLength) throws CryptoException {
        if (tagLength < 4 || tagLength > 16 || (tagLength & 1) != 0) {
            throw new CryptoException("CCM tag length must be 4, 6, 8, 10, 12, 14 or 16 bytes");
        }
        if (nonceLength < 7 || nonceLength > 13) {
            throw new CryptoException("CCM nonce length must be 7 to 13 bytes");
        }
        this.aes = new AesCt64(key);
        this.tagLength = tagLength;
        this.nonceLength = nonceLength;
        this.lenBytes = 15 - nonceLength;
    }

    @Override
    public String algorithm() {
        return "AES-" + (aes.keyLength() * 8) + "-CCM" + (tagLength == 16 ? "" : "-" + tagLength);
    }

    @Override
    public int keyLength() {
        return aes.keyLength();
    }

    @Override
    public int nonceLength() {
        return nonceLength;
    }

    @Override
    public int tagLength() {
        return tagLength;
    }

    private void checkMessageLength(int len) throws CryptoException {
        if (lenBytes < 4 && len >= (1 << (8 * lenBytes))) {
            throw new CryptoException("message too long for a " + nonceLength + "-byte CCM nonce");
        }
    }

    @Override
    public int seal(byte[] nonce, int nonceOff, byte[] aad, int aadOff, int aadLen,
            byte[] in, int inOff, int len, byte[] out, int outOff) throws CryptoException {
        AeadChecks.alive(destroyed, this);
        AeadChecks.seal(this, nonce, nonceOff, aad, aadOff, aadLen, in, inOff, len, out, outOff);
        checkMessageLength(len);
        cbcMac(nonce, nonceOff, aad, aadOff, aadLen, in, inOff, len);
        ctr(nonce, nonceOff, in, inOff, len, out, outOff);
        for (int i = 0; i < tagLength; i++) {
            out[outOff + len + i] = (byte) (x[i] ^ s0[i]);
        }
        wipe();
        return len + tagLength;
    }

    @Override
    public int open(byte[] nonce, int nonceOff, byte[] aad, int aadOff, int aadLen,
            byte[] in, int inOff, int len, byte[] out, int outOff) throws CryptoException {
        AeadChecks.alive(destroyed, this);
        AeadChecks.open(this, nonce, nonceOff, aad, aadOff, aadLen, in, inOff, len, out, outOff);
        int ctLen = len - tagLength;
        checkMessageLength(ctLen);
        ctr(nonce, nonceOff, in, inOff, ctLen, out, outOff);
        cbcMac(nonce, nonceOff, aad, aadOff, aadLen, out, outOff, ctLen);
        for (int i = 0; i < tagLength; i++) {
            x[i] ^= s0[i];
        }
        int ok = ConstantTime.equals(x, 0, in, inOff + ctLen, tagLength);
        wipe();
        if (ok == 0) { // the verification result is public
            Arrays.fill(out, outOff, outOff + ctLen, (byte) 0);
            throw new AuthenticationException("AES-CCM tag mismatch");
        }
        return ctLen;
    }

    /** CBC-MAC over B0 || encoded AAD || plaintext, each part zero-padded (RFC 3610, Section 2.2); T in x. */
    private void cbcMac(byte[] nonce, int nonceOff, byte[] aad, int aadOff, int aadLen,
            byte[] p, int pOff, int pLen) {
        // B0 = flags || nonce || l(m)
        x[0] = (byte) ((aadLen > 0 ? 0x40 : 0) | (((tagLength - 2) / 2) << 3) | (lenBytes - 1));
        System.arraycopy(nonce, nonceOff, x, 1, nonceLength);
        for (int i = 0; i < lenBytes; i++) {
            x[15 - i] = (byte) (i < 4 ? pLen >>> (8 * i) : 0);
        }
        aes.encryptBlock(x, 0, x, 0);
        if (aadLen > 0) {
            // l(a): 2 bytes below 2^16 - 2^8, else 0xFF 0xFE and 4 bytes (an int never needs 8)
            int pos;
            if (aadLen < 0xFF00) {
                x[0] ^= (byte) (aadLen >>> 8);
                x[1] ^= (byte) aadLen;
                pos = 2;
            } else {
                x[0] ^= (byte) 0xFF;
                x[1] ^= (byte) 0xFE;
                x[2] ^= (byte) (aadLen >>> 24);
                x[3] ^= (byte) (aadLen >>> 16);
                x[4] ^= (byte) (aadLen >>> 8);
                x[5] ^= (byte) aadLen;
                pos = 6;
            }
            absorb(aad, aadOff, aadLen, pos);
        }
        if (pLen > 0) {
            absorb(p, pOff, pLen, 0);
        }
    }

    /** XORs data into the CBC-MAC state starting at byte {@code pos} of the current block, encrypting each full block. */
    private void absorb(byte[] d, int off, int len, int pos) {
        for (int i = 0; i < len; i++) {
            x[pos++] ^= d[off + i];
            if (pos == 16) {
                aes.encryptBlock(x, 0, x, 0);
                pos = 0;
            }
        }
        if (pos > 0) {
            aes.encryptBlock(x, 0, x, 0); // zero padding: XOR with zeros changes nothing
        }
    }

    /** S0 = E(A0) into s0, and the payload XOR E(A1) || E(A2) || ... (RFC 3610, Section 2.3). */
    private void ctr(byte[] nonce, int nonceOff, byte[] in, int inOff, int len, byte[] out, int outOff) {
        for (int b = 0; b < 4; b++) {
            ctr[16 * b] = (byte) (lenBytes - 1);
            System.arraycopy(nonce, nonceOff, ctr, 16 * b + 1, nonceLength);
        }
        long counter = 0;
        int done = -16; // the first keystream block is S0, kept for the tag
        while (done < len) {
            for (int b = 0; b < 4; b++) {
                long c = counter++;
                for (int i = 0; i < lenBytes; i++) {
                    ctr[16 * b + 15 - i] = (byte) (c >>> (8 * i));
                }
            }
            aes.encrypt4(ctr, 0, ks, 0);
            int k = 0;
            if (done < 0) {
                System.arraycopy(ks, 0, s0, 0, 16);
                k = 16;
                done = 0;
            }
            int n = Math.min(64 - k, len - done);
            for (int i = 0; i < n; i++) {
                out[outOff + done + i] = (byte) (in[inOff + done + i] ^ ks[k + i]);
            }
            done += n;
        }
    }

    private void wipe() {
        Arrays.fill(x, (byte) 0);
        Arrays.fill(ks, (byte) 0);
        Arrays.fill(s0, (byte) 0);
    }

    @Override
    public void destroy() {
        destroyed = true;
        aes.destroy();
        wipe();
        Arrays.fill(ctr, (byte) 0);
    }
}
