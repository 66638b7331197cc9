package org.tls4j.record;

import org.tls4j.crypto.Destroyable;
import org.tls4j.crypto.ct.ConstantTime;
import org.tls4j.crypto.hash.Digest;
import org.tls4j.crypto.hash.RestorableDigest;

/**
 * The record MAC of SSL 3.0 and TLS 1.0-1.2, computed on top of any {@link Digest}, with a constant-time
 * form for CBC MAC-then-encrypt records (the Lucky Thirteen countermeasure).
 *
 * <pre>
 *   TLS  (RFC 5246, Section 6.2.3.1):  HMAC_hash(MAC_write_key, seq_num(8) + type(1) + version(2) + length(2) + content)
 *   SSL 3.0 (RFC 6101, Section 5.2.3.1):
 *        hash(MAC_write_secret + pad_2 + hash(MAC_write_secret + pad_1 + seq_num(8) + type(1) + length(2) + content))
 *        pad_1 = 0x36 and pad_2 = 0x5c repeated 48 times for MD5, 40 times for SHA-1
 * </pre>
 * Both are "inner hash over a secret prefix and the record, outer hash over a second prefix and the inner
 * result", so one class computes both, with the prefixes chosen at construction. HMAC is RFC 2104.
 *
 * <p><b>Constant time.</b> {@link #compute} runs in time that depends on the (public) length it is
 * given: right for sealing, for stream ciphers and for encrypt-then-MAC, where the MAC covers public
 * lengths. For MAC-then-encrypt CBC the content length depends on the padding length, which is secret
 * until the MAC has been checked. {@link #computeConstantTime} handles that case. It feeds the digest
 * the same bytes whatever the secret length: every byte up to the largest possible length. At each
 * candidate length from the smallest to the largest it finalizes a {@link Digest#copy()} snapshot, and
 * keeps the one for the real length with {@link ConstantTime#ccopy}. The sequence of digest operations
 * depends only on public lengths; the secret chooses only which snapshot is kept. The price is one
 * finalization per candidate length: at most 256 for TLS and one block size for SSL 3.0. A digest with
 * raw compression-function access would allow the cheaper masked-final-block method (OpenSSL's
 * {@code ssl3_cbc_digest_record}); the {@link Digest} interface does not expose its blocks. With a
 * {@link RestorableDigest} (every tls4j hash) the snapshot is one preallocated object overwritten with
 * {@link RestorableDigest#restore}, so nothing is allocated per record; another {@link Digest} falls back
 * to {@link Digest#copy()}.
 * constant-time: yes (in the secret content length, given the public record length).
 */
public final class RecordMac implements Destroyable {
    private final Digest d;
    private final boolean ssl3;
    private final byte[] innerPrefix;
    private final byte[] outerPrefix;
    private final byte[] hdr = new byte[13];
    private final byte[] tmp;
    private final byte[] sel;
    /** Preallocated snapshot for the constant-time path (when d is a RestorableDigest). */
    private final RestorableDigest snap;
    private boolean destroyed;

    private RecordMac(Digest d, boolean ssl3, byte[] innerPrefix, byte[] outerPrefix) {
        this.d = d;
        this.snap = d instanceof RestorableDigest ? (RestorableDigest) d.copy() : null;
        this.ssl3 = ssl3;
        this.innerPrefix = innerPrefix;
        this.outerPrefix = outerPrefix;
        this.tmp = new byte[d.digestLength()];
        this.sel = new byte[d.digestLength()];
    }

    /** HMAC (RFC 2104) with {@code d} and {@code key} (copied), for TLS 1.0-1.2 records. */
    public static RecordMac hmac(Digest d, byte[] key) {
        int b = d.blockLength();
        byte[] k = key;
        if (k.length > b) {
            d.reset();
            d.update(k, 0, k.length);
            k = d.digest();
        }
        byte[] ipad = new byte[b];
        byte[] opad = new byte[b];
        for (int i = 0; i < b; i++) {
            int ki = i < k.length ? k[i] : 0;
            ipad[i] = (byte) (ki ^ 0x36);
            opad[i] = (byte) (ki ^ 0x5c);
        }
        if (k != key) {
            ConstantTime.zero(k);
        }
        d.reset();
        return new RecordMac(d, false, ipad, opad);
    }

    /**
     * The SSL 3.0 MAC (RFC 6101, Section 5.2.3.1) with MD5 or SHA-1 and {@code secret} (copied). SSL 3.0 is
     * broken (POODLE, no modern key derivation) and tls4j keeps it off by default.
     */
    public static RecordMac ssl3(Digest d, byte[] secret) {
        int padLen;
        if (d.digestLength() == 16) {
            padLen = 48;
        } else if (d.digestLength() == 20) {
            padLen = 40;
        } else {
            throw new IllegalArgumentException("the SSL 3.0 MAC is defined for MD5 and SHA-1 only, not "
                    + d.algorithm());
        }
        byte[] inner = new byte[secret.length + padLen];
        byte[] outer = new byte[secret.length + padLen];
        System.arraycopy(secret, 0, inner, 0, secret.length);
        System.arraycopy(secret, 0, outer, 0, secret.length);
        for (int i = 0; i < padLen; i++) {
            inner[secret.length + i] = 0x36;
            outer[secret.length + i] = 0x5c;
        }
        d.reset();
        return new RecordMac(d, true, inner, outer);
    }

    /** The MAC length in bytes. */
    public int length() {
        return tmp.length;
    }

    public String algorithm() {
        return (ssl3 ? "SSL3-MAC-" : "HMAC-") + d.algorithm();
    }

    public boolean isSsl3() {
        return ssl3;
    }

    private int header(long seq, int type, int version, int len) {
        for (int i = 0; i < 8; i++) {
            hdr[i] = (byte) (seq >>> (56 - 8 * i));
        }
        hdr[8] = (byte) type;
        if (ssl3) {
            hdr[9] = (byte) (len >>> 8);
            hdr[10] = (byte) len;
            return 11;
        }
        hdr[9] = (byte) (version >>> 8);
        hdr[10] = (byte) version;
        hdr[11] = (byte) (len >>> 8);
        hdr[12] = (byte) len;
        return 13;
    }

    private void check() {
        if (destroyed) {
            throw new IllegalStateException("RecordMac used after destroy()");
        }
    }

    /** The MAC of {@code data[off .. off+len)} as record {@code seq} of {@code type}; writes {@link #length()} bytes. */
    public void compute(long seq, int type, int version, byte[] data, int off, int len, byte[] out, int outOff) {
        check();
        int h = header(seq, type, version, len);
        d.reset();
        d.update(innerPrefix, 0, innerPrefix.length);
        d.update(hdr, 0, h);
        d.update(data, off, len);
        d.digest(tmp, 0);
        d.update(outerPrefix, 0, outerPrefix.length);
        d.update(tmp, 0, tmp.length);
        d.digest(out, outOff);
    }

    /**
     * The MAC of {@code data[off .. off+secretLen)}, where {@code secretLen} is secret and lies in
     * {@code [minLen, maxLen]} (public). Reads {@code data[off .. off+maxLen)} and performs the same digest
     * operations for every {@code secretLen} in that range (see the class comment).
     */
    public void computeConstantTime(long seq, int type, int version, byte[] data, int off, int secretLen,
            int minLen, int maxLen, byte[] out, int outOff) {
        check();
        if (minLen < 0 || minLen > maxLen) {
            throw new IllegalArgumentException("bad length range [" + minLen + ", " + maxLen + "]");
        }
        int h = header(seq, type, version, secretLen);
        d.reset();
        d.update(innerPrefix, 0, innerPrefix.length);
        d.update(hdr, 0, h);
        d.update(data, off, minLen);
        for (int i = minLen; i <= maxLen; i++) { // public bounds
            Digest snapshot;
            if (snap != null) {
                snap.restore(d);
                snapshot = snap;
            } else {
                snapshot = d.copy();
            }
            snapshot.digest(tmp, 0);
            ConstantTime.ccopy(ConstantTime.eq(i, secretLen), sel, 0, tmp, 0, tmp.length);
            if (i < maxLen) {
                d.update(data[off + i]);
            }
        }
        d.reset();
        d.update(outerPrefix, 0, outerPrefix.length);
        d.update(sel, 0, sel.length);
        d.digest(out, outOff);
        ConstantTime.zero(sel);
    }

    @Override
    public void destroy() {
        destroyed = true;
        ConstantTime.zero(innerPrefix);
        ConstantTime.zero(outerPrefix);
        ConstantTime.zero(tmp);
        ConstantTime.zero(sel);
        d.reset();
        if (snap != null) {
            snap.reset();
        }
    }
}
