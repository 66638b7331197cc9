package org.tls4j.crypto.aead;

import java.util.Arrays;
import org.tls4j.crypto.AuthenticationException;
import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.cipher.ChaCha20;
import org.tls4j.crypto.ct.ConstantTime;

/**
 * The ChaCha20-Poly1305 AEAD of RFC 8439, Section 2.8 (TLS: RFC 7905 for TLS 1.2, RFC 8446 for 1.3):
 * 32-byte key, 12-byte nonce, 16-byte tag.
 *
 * <ol>
 * <li>The one-time Poly1305 key is the first 32 bytes of the ChaCha20 block with counter 0 (Section
 * 2.6).</li>
 * <li>The plaintext is encrypted with ChaCha20 starting at counter 1.</li>
 * <li>The tag is Poly1305 over AAD || pad16 || ciphertext || pad16 || len(AAD) || len(ciphertext), the
 * lengths as 64-bit little-endian numbers.</li>
 * </ol>
 *
 * <p><b>constant-time: yes</b> (ChaCha20 and Poly1305 are, and the tag is compared with
 * {@link ConstantTime#equals(byte[], int, byte[], int, int)}). {@code open} authenticates the ciphertext
 * before decrypting anything; on failure the output range is zeroed and {@link AuthenticationException}
 * is thrown. Not thread-safe; allocates nothing per call; in place is allowed.
 */
public final class ChaCha20Poly1305 implements Aead {
    private boolean destroyed;
    private final ChaCha20 chacha;
    private final Poly1305 poly;
    private final byte[] block = new byte[64];
    private final byte[] tag = new byte[16];
    private final byte[] lens = new byte[16];

    /** ChaCha20-Poly1305 with a 32-byte key. */
    public ChaCha20Poly1305(byte[] key) throws CryptoException {
        this.chacha = new ChaCha20(key);
        this.poly = new Poly1305(new byte[32]);
    }

    @Override
    public String algorithm() {
        return "ChaCha20-Poly1305";
    }

    @Override
    public int keyLength() {
        return 32;
    }

    @Override
    public int nonceLength() {
        return 12;
    }

    @Override
    public int tagLength() {
        return 16;
    }

    @Override
    public int seal(byte[] nonce, int nonceOff, byte[] aad, int aadOff, int aadLen,
            byte[] in, int inOff, int len, byte[] out, int outOff) throws CryptoException {
        AeadChecks.alive(destroyed, this);
        AeadChecks.seal(this, nonce, nonceOff, aad, aadOff, aadLen, in, inOff, len, out, outOff);
        start(nonce, nonceOff);
        chacha.process(in, inOff, len, out, outOff);
        mac(aad, aadOff, aadLen, out, outOff, len);
        System.arraycopy(tag, 0, out, outOff + len, 16);
        Arrays.fill(tag, (byte) 0);
        return len + 16;
    }

    @Override
    public int open(byte[] nonce, int nonceOff, byte[] aad, int aadOff, int aadLen,
            byte[] in, int inOff, int len, byte[] out, int outOff) throws CryptoException {
        AeadChecks.alive(destroyed, this);
        AeadChecks.open(this, nonce, nonceOff, aad, aadOff, aadLen, in, inOff, len, out, outOff);
        int ctLen = len - 16;
        start(nonce, nonceOff);
        mac(aad, aadOff, aadLen, in, inOff, ctLen);
        int ok = ConstantTime.equals(tag, 0, in, inOff + ctLen, 16);
        Arrays.fill(tag, (byte) 0);
        if (ok == 0) { // the verification result is public
            Arrays.fill(out, outOff, outOff + ctLen, (byte) 0);
            throw new AuthenticationException("ChaCha20-Poly1305 tag mismatch");
        }
        chacha.process(in, inOff, ctLen, out, outOff);
        return ctLen;
    }

    /** Derives the Poly1305 key from block 0 (Section 2.6) and positions ChaCha20 at counter 1. */
    private void start(byte[] nonce, int nonceOff) throws CryptoException {
        chacha.init(nonce, nonceOff, 1);
        chacha.block(0, block, 0);
        poly.init(block, 0);
        Arrays.fill(block, (byte) 0);
    }

    private void mac(byte[] aad, int aadOff, int aadLen, byte[] ct, int ctOff, int ctLen) {
        poly.updatePadded(aad, aadOff, aadLen);
        poly.updatePadded(ct, ctOff, ctLen);
        for (int i = 0; i < 8; i++) {
            lens[i] = (byte) ((long) aadLen >>> (8 * i));
            lens[8 + i] = (byte) ((long) ctLen >>> (8 * i));
        }
        poly.update(lens, 0, 16);
        poly.doFinal(tag, 0);
    }

    @Override
    public void destroy() {
        destroyed = true;
        chacha.destroy();
        poly.destroy();
        Arrays.fill(block, (byte) 0);
        Arrays.fill(tag, (byte) 0);
        Arrays.fill(lens, (byte) 0);
    }
}
