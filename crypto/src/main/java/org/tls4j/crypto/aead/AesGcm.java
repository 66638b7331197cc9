package org.tls4j.crypto.aead;

import java.util.Arrays;
import org.tls4j.crypto.AuthenticationException;
import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.cipher.AesCt64;
import org.tls4j.crypto.ct.ConstantTime;

/**
 * AES-GCM (NIST SP 800-38D) with a 16-byte tag, as TLS uses it: RFC 5288 (TLS 1.2 AES_GCM suites) and
 * RFC 8446, Section 5.3 (TLS 1.3). Built on the bitsliced {@link AesCt64} and a constant-time GHASH.
 *
 * <p><b>constant-time: yes.</b> AES is bitsliced, GHASH uses carry-less multiplication by integer
 * multiplies (no tables), and the tag is compared with {@link ConstantTime#equals(byte[], int, byte[],
 * int, int)}. Only public lengths steer the loops.
 *
 * <p>The nonce length is fixed per instance: 12 bytes (the TLS case and the fast path,
 * J0 = IV || 0^31 || 1) unless another non-zero length is given, in which case J0 = GHASH(IV padded ||
 * 0^64 || len(IV)) (SP 800-38D, Section 7.1, step 2). A zero-length nonce is rejected: the spec requires
 * 1 <= len(IV).
 *
 * <p>{@code open} first recomputes the tag over the ciphertext and only decrypts when it matches; on a
 * mismatch the output range is zeroed and {@link AuthenticationException} is thrown. Not thread-safe;
 * nothing is allocated per call.
 */
public final class AesGcm implements Aead {
    private boolean destroyed;
    private static final int TAG = 16;
    private final AesCt64 aes;
    private final Ghash ghash = new Ghash();
    private final int nonceLength;
    private final byte[] j0 = new byte[16];
    private final byte[] ctr = new byte[64];
    private final byte[] ks = new byte[64];
    private final byte[] tag = new byte[16];
    /** E(K, J0), the mask of the tag. */
    private final byte[] ekj0 = new byte[16];
    private int counter;
    private int ksPos;

    /** AES-GCM with a 12-byte nonce; the key is 16, 24 or 32 bytes. */
    public AesGcm(byte[] key) throws CryptoException {
        this(key, 12);
    }

    /**
     * AES-GCM with a {@code nonceLength}-byte nonce (at least 1; 12 is the fast path and the only
     * length TLS uses).
     */
    public AesGcm(byte[] key, int nonceLength) throws CryptoException {
        if (nonceLength < 1) {
            throw new CryptoException("GCM nonce must be at least 1 byte");
        }
        this.aes = new AesCt64(key);
        this.nonceLength = nonceLength;
        byte[] h = new byte[16];
        aes.encryptBlock(h, 0, h, 0);
        ghash.init(h, 0);
        Arrays.fill(h, (byte) 0);
    }

    @Override
    public String algorithm() {
        return "AES-" + (aes.keyLength() * 8) + "-GCM";
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
        return TAG;
    }

    @Override
    public int seal(byte[] nonce, int nonceOff, byte[] aad, int aadOff, int aadLen,
            byte[] in, int inOff, int len, byte[] out, int outOff) throws CryptoException {
        AeadChecks.alive(destroyed, this);
        AeadChecks.seal(this, nonce, nonceOff, aad, aadOff, aadLen, in, inOff, len, out, outOff);
        computeJ0(nonce, nonceOff);
        startKeystream();
        xorKeystream(in, inOff, len, out, outOff);
        computeTag(aad, aadOff, aadLen, out, outOff, len);
        System.arraycopy(tag, 0, out, outOff + len, TAG);
        Arrays.fill(tag, (byte) 0);
        Arrays.fill(ekj0, (byte) 0);
        return len + TAG;
    }

    @Override
    public int open(byte[] nonce, int nonceOff, byte[] aad, int aadOff, int aadLen,
            byte[] in, int inOff, int len, byte[] out, int outOff) throws CryptoException {
        AeadChecks.alive(destroyed, this);
        AeadChecks.open(this, nonce, nonceOff, aad, aadOff, aadLen, in, inOff, len, out, outOff);
        int ctLen = len - TAG;
        computeJ0(nonce, nonceOff);
        startKeystream(); // keystream only: nothing is decrypted before the tag is checked
        computeTag(aad, aadOff, aadLen, in, inOff, ctLen);
        int ok = ConstantTime.equals(tag, 0, in, inOff + ctLen, TAG);
        Arrays.fill(tag, (byte) 0);
        Arrays.fill(ekj0, (byte) 0);
        if (ok == 0) { // the verification result is public: the caller learns it anyway
            Arrays.fill(ks, (byte) 0);
            Arrays.fill(out, outOff, outOff + ctLen, (byte) 0);
            throw new AuthenticationException("AES-GCM tag mismatch");
        }
        xorKeystream(in, inOff, ctLen, out, outOff);
        return ctLen;
    }

    /** J0 (SP 800-38D, Section 7.1, step 2). */
    private void computeJ0(byte[] nonce, int off) {
        if (nonceLength == 12) {
            System.arraycopy(nonce, off, j0, 0, 12);
            j0[12] = 0;
            j0[13] = 0;
            j0[14] = 0;
            j0[15] = 1;
        } else {
            ghash.reset();
            ghash.updatePadded(nonce, off, nonceLength);
            ghash.lengths(0, nonceLength);
            ghash.result(j0, 0);
        }
    }

    /** tag = E(K, J0) xor GHASH(A, C) (SP 800-38D, Section 7.1, steps 5 and 6). */
    private void computeTag(byte[] aad, int aadOff, int aadLen, byte[] c, int cOff, int cLen) {
        ghash.reset();
        ghash.updatePadded(aad, aadOff, aadLen);
        ghash.updatePadded(c, cOff, cLen);
        ghash.lengths(aadLen, cLen);
        ghash.result(tag, 0);
        for (int i = 0; i < TAG; i++) {
            tag[i] ^= ekj0[i];
        }
    }

    private void setCounter(int slot, int c) {
        int o = 16 * slot + 12;
        ctr[o] = (byte) (c >>> 24);
        ctr[o + 1] = (byte) (c >>> 16);
        ctr[o + 2] = (byte) (c >>> 8);
        ctr[o + 3] = (byte) c;
    }

    /**
     * The first AES call of a message encrypts J0 (the tag mask, SP 800-38D Section 7.1 step 6) together
     * with the first three counter blocks inc32(J0), inc32^2(J0), inc32^3(J0), so the tag costs no AES
     * call of its own.
     */
    private void startKeystream() {
        for (int b = 0; b < 4; b++) {
            System.arraycopy(j0, 0, ctr, 16 * b, 12);
        }
        int c = ((j0[12] & 0xFF) << 24) | ((j0[13] & 0xFF) << 16) | ((j0[14] & 0xFF) << 8) | (j0[15] & 0xFF);
        for (int b = 0; b < 4; b++) {
            setCounter(b, c + b); // inc32 wraps modulo 2^32
        }
        aes.encrypt4(ctr, 0, ks, 0);
        System.arraycopy(ks, 0, ekj0, 0, 16);
        counter = c + 3;
        ksPos = 16;
    }

    /** GCTR (SP 800-38D, Section 6.5) continuing from {@link #startKeystream}: four counter blocks per AES call. */
    private void xorKeystream(byte[] in, int inOff, int len, byte[] out, int outOff) {
        int done = 0;
        while (done < len) {
            if (ksPos == 64) {
                for (int b = 0; b < 4; b++) {
                    setCounter(b, ++counter);
                }
                aes.encrypt4(ctr, 0, ks, 0);
                ksPos = 0;
            }
            int n = Math.min(64 - ksPos, len - done);
            for (int i = 0; i < n; i++) {
                out[outOff + done + i] = (byte) (in[inOff + done + i] ^ ks[ksPos + i]);
            }
            ksPos += n;
            done += n;
        }
        Arrays.fill(ks, (byte) 0);
    }

    @Override
    public void destroy() {
        destroyed = true;
        aes.destroy();
        ghash.destroy();
        Arrays.fill(j0, (byte) 0);
        Arrays.fill(ctr, (byte) 0);
        Arrays.fill(ks, (byte) 0);
        Arrays.fill(tag, (byte) 0);
        Arrays.fill(ekj0, (byte) 0);
        counter = 0;
        ksPos = 0;
    }
}
