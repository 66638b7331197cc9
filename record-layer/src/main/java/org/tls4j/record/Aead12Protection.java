package org.tls4j.record;

import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.aead.Aead;
import org.tls4j.crypto.ct.ConstantTime;

/**
 * TLS 1.2 AEAD record protection (RFC 5246, Section 6.2.3.3).
 *
 * <pre>
 *   additional_data = seq_num(8) + type(1) + version(2) + length(2)      (length of the plaintext)
 *   AES-GCM (RFC 5288, Section 3), AES-CCM (RFC 6655, Section 3):
 *       nonce = salt(4, from the key block) + nonce_explicit(8);  record = nonce_explicit + AEAD(content)
 *   ChaCha20-Poly1305 (RFC 7905, Section 2):
 *       nonce = iv(12, from the key block) XOR (0^4 + seq_num(8));  record = AEAD(content)
 * </pre>
 * The explicit nonce sent here is the sequence number, which never repeats under one key (the choice
 * RFC 5288, Section 3 suggests and every major stack makes).
 * constant-time: as the AEAD; the record layer adds only public-length checks.
 */
public final class Aead12Protection implements RecordProtection {
    private static final int EXPLICIT = 8;

    private final Aead aead;
    private final boolean explicitNonce;
    private final byte[] iv;
    private final byte[] nonce = new byte[12];
    private final byte[] aad = new byte[13];
    private final long limit;

    private Aead12Protection(Aead aead, boolean explicitNonce, byte[] iv, long limit) {
        if (aead.nonceLength() != 12) {
            throw new IllegalArgumentException("TLS AEAD needs a 12-byte nonce, " + aead.algorithm() + " takes "
                    + aead.nonceLength());
        }
        this.aead = aead;
        this.explicitNonce = explicitNonce;
        this.iv = iv.clone();
        this.limit = limit;
    }

    /** AES-GCM or AES-CCM with a 4-byte implicit salt and an 8-byte explicit nonce. */
    public static Aead12Protection explicitNonce(Aead aead, byte[] salt) {
        if (salt.length != 4) {
            throw new IllegalArgumentException("the TLS 1.2 GCM/CCM salt is 4 bytes, not " + salt.length);
        }
        return new Aead12Protection(aead, true, salt, Aead13Protection.limitFor(aead));
    }

    /** ChaCha20-Poly1305 (RFC 7905): a 12-byte IV XORed with the sequence number, no explicit nonce. */
    public static Aead12Protection xorNonce(Aead aead, byte[] iv) {
        if (iv.length != 12) {
            throw new IllegalArgumentException("the RFC 7905 IV is 12 bytes, not " + iv.length);
        }
        return new Aead12Protection(aead, false, iv, Aead13Protection.limitFor(aead));
    }

    @Override
    public String name() {
        return "TLS 1.2 " + aead.algorithm();
    }

    @Override
    public int maxCiphertextLength() {
        return RecordHeader.MAX_CIPHERTEXT_TLS12;
    }

    @Override
    public long recordLimit() {
        return limit;
    }

    @Override
    public int sealedLength(ContentType type, int len) {
        return (explicitNonce ? EXPLICIT : 0) + len + aead.tagLength();
    }

    private void makeNonce(long seq) {
        if (explicitNonce) {
            System.arraycopy(iv, 0, nonce, 0, 4);
            for (int i = 0; i < 8; i++) {
                nonce[4 + i] = (byte) (seq >>> (56 - 8 * i));
            }
        } else {
            System.arraycopy(iv, 0, nonce, 0, 12);
            for (int i = 0; i < 8; i++) {
                nonce[4 + i] ^= (byte) (seq >>> (56 - 8 * i));
            }
        }
    }

    private void makeAad(long seq, int type, int version, int len) {
        for (int i = 0; i < 8; i++) {
            aad[i] = (byte) (seq >>> (56 - 8 * i));
        }
        aad[8] = (byte) type;
        aad[9] = (byte) (version >>> 8);
        aad[10] = (byte) version;
        aad[11] = (byte) (len >>> 8);
        aad[12] = (byte) len;
    }

    @Override
    public int seal(ContentType type, ProtocolVersion version, long seq, byte[] in, int inOff, int len,
            byte[] out, int outOff) throws TlsAlert {
        int body = outOff + RecordHeader.LENGTH;
        int ex = explicitNonce ? EXPLICIT : 0;
        System.arraycopy(in, inOff, out, body + ex, len);
        makeNonce(seq);
        if (explicitNonce) {
            System.arraycopy(nonce, 4, out, body, EXPLICIT);
        }
        makeAad(seq, type.code, version.code, len);
        int n;
        try {
            n = aead.seal(nonce, 0, aad, 0, 13, out, body + ex, len, out, body + ex);
        } catch (CryptoException e) {
            throw new TlsAlert(AlertDescription.INTERNAL_ERROR, "AEAD seal failed", e);
        }
        RecordHeader.write(out, outOff, type.code, version.code, ex + n);
        return RecordHeader.LENGTH + ex + n;
    }

    @Override
    public void open(long seq, Record rec) throws TlsAlert {
        byte[] buf = rec.array();
        int off = rec.offset();
        int len = rec.length();
        int ex = explicitNonce ? EXPLICIT : 0;
        int ctLen = len - ex;
        if (ctLen < aead.tagLength()) { // public length
            throw new TlsAlert(AlertDescription.BAD_RECORD_MAC, "AEAD record shorter than its tag");
        }
        makeNonce(seq);
        if (explicitNonce) {
            System.arraycopy(buf, off, nonce, 4, EXPLICIT);
        }
        makeAad(seq, rec.typeCode(), rec.versionCode(), ctLen - aead.tagLength());
        int n;
        try {
            n = aead.open(nonce, 0, aad, 0, 13, buf, off + ex, ctLen, buf, off + ex);
        } catch (CryptoException e) {
            throw new TlsAlert(AlertDescription.BAD_RECORD_MAC, "AEAD record does not authenticate", e);
        }
        rec.setPlaintext(rec.typeCode(), off + ex, n);
    }

    @Override
    public void destroy() {
        aead.destroy();
        ConstantTime.zero(iv);
        ConstantTime.zero(nonce);
    }
}
