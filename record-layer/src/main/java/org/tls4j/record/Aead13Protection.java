package org.tls4j.record;

import java.util.Arrays;
import java.util.Locale;
import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.aead.Aead;
import org.tls4j.crypto.ct.ConstantTime;

/**
 * TLS 1.3 record protection (RFC 8446, Section 5.2-5.5).
 *
 * <pre>
 *   struct { opaque content[length]; ContentType type; uint8 zeros[length_of_padding]; } TLSInnerPlaintext;
 *   struct { ContentType opaque_type = application_data; ProtocolVersion legacy_record_version = 0x0303;
 *            uint16 length; opaque encrypted_record[TLSCiphertext.length]; } TLSCiphertext;
 *   nonce           = client/server_write_iv XOR (0^(iv_length-8) + seq_num(8))      (Section 5.3)
 *   additional_data = opaque_type + legacy_record_version + length                    (Section 5.2)
 * </pre>
 *
 * <p>Receiving: the outer type must be application_data (change_cipher_spec is let through unprotected
 * by {@link ReadState}; any other type gives unexpected_message). A failed AEAD open gives
 * bad_record_mac. The inner plaintext may be at most 2^14 + 1 bytes (record_overflow). The padding is
 * removed by a constant-time scan for the last non-zero byte, so the time does not tell the padding
 * length (Section 5.4). A plaintext of only zeros, or an inner type other than alert, handshake or
 * application data, gives unexpected_message (Section 5 and 5.4).
 *
 * <p>Sending: an optional {@link PaddingPolicy} adds zeros, kept within the peer's record size limit
 * (RFC 8449, Section 4). {@link #recordLimit()} gives the AEAD's limit from Section 5.5.
 * constant-time: as the AEAD, plus the constant-time padding scan.
 */
public final class Aead13Protection implements RecordProtection {
    /**
     * RFC 8446, Section 5.5: "For AES-GCM, up to 2^24.5 full-size records (about 24 million) may be
     * encrypted on a given connection while keeping a safety margin of approximately 2^-57". AES-CCM
     * (with a 16-byte tag) gets the same limit here.
     */
    public static final long LIMIT_AES = 23_726_566L;
    /**
     * RFC 8446, Section 5.5: "For ChaCha20/Poly1305, the record sequence number would wrap before the
     * safety limit is reached." tls4j still changes keys after 2^48 records (over 4 EiB of full
     * records), so that no key lives unbounded and the sequence number can never run out on a live
     * connection; in practice this limit is never reached.
     */
    public static final long LIMIT_CHACHA20 = 1L << 48;

    /** Chooses how many zero bytes of padding to add to a record (RFC 8446, Section 5.4). */
    public interface PaddingPolicy {
        /** No padding. */
        PaddingPolicy NONE = (type, len, max) -> 0;

        /**
         * The padding for a record of {@code len} content bytes; at most {@code maxPadding} bytes are
         * used (larger answers are clipped). Must be a deterministic function of its arguments.
         */
        int padding(ContentType type, int len, int maxPadding);

        /** Pads every record up to a multiple of {@code block} bytes of inner plaintext (content + type). */
        static PaddingPolicy toMultipleOf(int block) {
            if (block < 1) {
                throw new IllegalArgumentException("padding block " + block);
            }
            return (type, len, max) -> (block - (len + 1) % block) % block;
        }
    }

    private final Aead aead;
    private final byte[] iv;
    private final byte[] nonce;
    private final byte[] aad = new byte[RecordHeader.LENGTH];
    private final long limit;
    private final PaddingPolicy padding;
    private int maxPlaintext = RecordHeader.MAX_PLAINTEXT;
    /** The longest TLSInnerPlaintext accepted: 2^14 + 1, or our record_size_limit (RFC 8449). */
    private int maxInnerReceived = RecordHeader.MAX_PLAINTEXT + 1;

    private Aead13Protection(Aead aead, byte[] iv, PaddingPolicy padding) {
        if (iv.length != aead.nonceLength() || iv.length < 8) {
            throw new IllegalArgumentException("TLS 1.3 IV of " + iv.length + " bytes for " + aead.algorithm()
                    + " (nonce length " + aead.nonceLength() + ")");
        }
        this.aead = aead;
        this.iv = iv.clone();
        this.nonce = new byte[iv.length];
        this.limit = limitFor(aead);
        this.padding = padding == null ? PaddingPolicy.NONE : padding;
    }

    /** Protection with the traffic key's AEAD and write IV (RFC 8446, Section 7.3), without padding. */
    public static Aead13Protection create(Aead aead, byte[] iv) {
        return new Aead13Protection(aead, iv, PaddingPolicy.NONE);
    }

    /** As {@link #create(Aead, byte[])}, with a padding policy for sent records. */
    public static Aead13Protection create(Aead aead, byte[] iv, PaddingPolicy padding) {
        return new Aead13Protection(aead, iv, padding);
    }

    /** The RFC 8446, Section 5.5 record limit for an AEAD, by its algorithm name. */
    static long limitFor(Aead aead) {
        String a = aead.algorithm().toUpperCase(Locale.ROOT);
        if (a.contains("CHACHA")) {
            return LIMIT_CHACHA20;
        }
        return LIMIT_AES;
    }

    @Override
    public String name() {
        return "TLS 1.3 " + aead.algorithm();
    }

    @Override
    public boolean isTls13() {
        return true;
    }

    @Override
    public int maxCiphertextLength() {
        return RecordHeader.MAX_CIPHERTEXT_TLS13;
    }

    @Override
    public long recordLimit() {
        return limit;
    }

    @Override
    public void setMaxPlaintext(int max) {
        maxPlaintext = Math.min(max, RecordHeader.MAX_PLAINTEXT);
    }

    @Override
    public void setReceiveLimit(int max) {
        maxInnerReceived = Math.min(max, RecordHeader.MAX_PLAINTEXT + 1);
    }

    private int padFor(ContentType type, int len) {
        int max = Math.max(0, maxPlaintext - len);
        int p = padding.padding(type, len, max);
        return Math.max(0, Math.min(p, max));
    }

    @Override
    public int sealedLength(ContentType type, int len) {
        return len + 1 + padFor(type, len) + aead.tagLength();
    }

    private void makeNonce(long seq) {
        System.arraycopy(iv, 0, nonce, 0, iv.length);
        int base = iv.length - 8;
        for (int i = 0; i < 8; i++) {
            nonce[base + i] ^= (byte) (seq >>> (56 - 8 * i));
        }
    }

    @Override
    public int seal(ContentType type, ProtocolVersion version, long seq, byte[] in, int inOff, int len,
            byte[] out, int outOff) throws TlsAlert {
        int pad = padFor(type, len);
        int inner = len + 1 + pad;
        int fragLen = inner + aead.tagLength();
        int body = outOff + RecordHeader.LENGTH;
        System.arraycopy(in, inOff, out, body, len);
        out[body + len] = (byte) type.code;
        Arrays.fill(out, body + len + 1, body + inner, (byte) 0);
        // RFC 8446, Section 5.1: the outer header says application_data, 0x0303.
        RecordHeader.write(out, outOff, ContentType.APPLICATION_DATA.code, ProtocolVersion.TLS12.code, fragLen);
        System.arraycopy(out, outOff, aad, 0, RecordHeader.LENGTH);
        makeNonce(seq);
        try {
            aead.seal(nonce, 0, aad, 0, aad.length, out, body, inner, out, body);
        } catch (CryptoException e) {
            throw new TlsAlert(AlertDescription.INTERNAL_ERROR, "AEAD seal failed", e);
        }
        return RecordHeader.LENGTH + fragLen;
    }

    @Override
    public void open(long seq, Record rec) throws TlsAlert {
        if (rec.typeCode() != ContentType.APPLICATION_DATA.code) {
            throw new TlsAlert(AlertDescription.UNEXPECTED_MESSAGE, "TLS 1.3 protected record with outer type "
                    + rec.type() + " (RFC 8446, Section 5.2: must be application_data)");
        }
        byte[] buf = rec.array();
        int off = rec.offset();
        int len = rec.length();
        if (len < aead.tagLength() + 1) { // public length
            throw new TlsAlert(AlertDescription.BAD_RECORD_MAC, "TLS 1.3 record shorter than tag and type");
        }
        RecordHeader.write(aad, 0, rec.typeCode(), rec.versionCode(), len);
        makeNonce(seq);
        int n;
        try {
            n = aead.open(nonce, 0, aad, 0, aad.length, buf, off, len, buf, off);
        } catch (CryptoException e) {
            throw new TlsAlert(AlertDescription.BAD_RECORD_MAC, "TLS 1.3 record does not authenticate", e);
        }
        if (n > maxInnerReceived) {
            throw new TlsAlert(AlertDescription.RECORD_OVERFLOW, "TLSInnerPlaintext of " + n + " bytes exceeds "
                    + (maxInnerReceived == RecordHeader.MAX_PLAINTEXT + 1 ? "2^14 + 1 (RFC 8446, Section 5.4)"
                    : "our record_size_limit of " + maxInnerReceived + " (RFC 8449, Section 4)"));
        }
        // Constant-time scan for the last non-zero byte: the content type (RFC 8446, Section 5.4).
        int last = -1;
        for (int i = 0; i < n; i++) {
            last = ConstantTime.mux(ConstantTime.neq(buf[off + i] & 0xff, 0), i, last);
        }
        if (last < 0) {
            throw new TlsAlert(AlertDescription.UNEXPECTED_MESSAGE,
                    "TLS 1.3 record with no non-zero byte, so no content type (RFC 8446, Section 5.4)");
        }
        int type = buf[off + last] & 0xff;
        if (type != ContentType.ALERT.code && type != ContentType.HANDSHAKE.code
                && type != ContentType.APPLICATION_DATA.code) {
            throw new TlsAlert(AlertDescription.UNEXPECTED_MESSAGE,
                    "TLS 1.3 protected record of inner type " + ContentType.of(type) + " (RFC 8446, Section 5)");
        }
        rec.setPlaintext(type, off, last);
    }

    @Override
    public void destroy() {
        aead.destroy();
        ConstantTime.zero(iv);
        ConstantTime.zero(nonce);
    }
}
