package org.tls4j.crypto.kdf;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.hash.Digest;
import org.tls4j.crypto.mac.Hmac;

/**
 * HKDF (RFC 5869) over HMAC with a given hash, and the TLS 1.3 helpers built on it:
 * HKDF-Expand-Label and Derive-Secret (RFC 8446, Section 7.1).
 *
 * <pre>
 * Hkdf h = new Hkdf(new Sha256());
 * byte[] early = h.extract(null, psk);                       // RFC 5869, Section 2.2
 * byte[] derived = h.deriveSecret(early, "derived", emptyHash);
 * byte[] key = h.expandLabel(trafficSecret, "key", new byte[0], 16);
 * </pre>
 *
 * <p>The object only remembers which hash to use; it holds no key material and is safe to share
 * between threads. Callers own (and should zero) the secrets they pass in and get back.
 *
 * <p>constant-time: yes (as {@link Hmac}); lengths and labels are public.
 */
public final class Hkdf {
    private final Digest prototype;
    private final int hashLen;

    /** HKDF with the hash of {@code prototype} (copied and reset; the argument is not changed). */
    public Hkdf(Digest prototype) {
        Digest d = prototype.copy();
        d.reset();
        this.prototype = d;
        this.hashLen = d.digestLength();
    }

    /** The hash output length in bytes (HashLen of RFC 5869). */
    public int hashLength() {
        return hashLen;
    }

    /** The hash's name, e.g. {@code "SHA-256"}. */
    public String hashAlgorithm() {
        return prototype.algorithm();
    }

    /**
     * HKDF-Extract(salt, IKM) = HMAC-Hash(salt, IKM) (RFC 5869, Section 2.2).
     *
     * @param salt the salt; {@code null} or empty means HashLen zero bytes, as the RFC specifies
     * @param ikm the input keying material
     * @return PRK, HashLen bytes
     */
    public byte[] extract(byte[] salt, byte[] ikm) {
        byte[] s = (salt == null || salt.length == 0) ? new byte[hashLen] : salt;
        Hmac mac = new Hmac(prototype, s);
        mac.update(ikm, 0, ikm.length);
        byte[] prk = mac.doFinal();
        mac.destroy();
        return prk;
    }

    /**
     * HKDF-Expand(PRK, info, L) (RFC 5869, Section 2.3): T(i) = HMAC-Hash(PRK, T(i-1) || info || i),
     * output the first L bytes of T(1) || T(2) || ....
     *
     * @throws CryptoException if {@code length} is negative or above 255 * HashLen, or PRK is shorter
     *     than HashLen (RFC 5869, Section 2.3: "a pseudorandom key of at least HashLen octets")
     */
    public byte[] expand(byte[] prk, byte[] info, int length) throws CryptoException {
        if (length < 0 || length > 255 * hashLen) {
            throw new CryptoException("HKDF-Expand: output length " + length + " is outside 0.." + (255 * hashLen)
                    + " (RFC 5869, Section 2.3)");
        }
        if (prk.length < hashLen) {
            throw new CryptoException("HKDF-Expand: PRK of " + prk.length + " bytes is shorter than HashLen "
                    + hashLen + " (RFC 5869, Section 2.3)");
        }
        byte[] inf = info == null ? new byte[0] : info;
        byte[] out = new byte[length];
        Hmac mac = new Hmac(prototype, prk);
        byte[] t = new byte[hashLen];
        int done = 0;
        for (int i = 1; done < length; i++) {
            if (i > 1) {
                mac.update(t, 0, hashLen);
            }
            mac.update(inf, 0, inf.length);
            mac.update((byte) i);
            mac.doFinal(t, 0);
            int n = Math.min(hashLen, length - done);
            System.arraycopy(t, 0, out, done, n);
            done += n;
        }
        Arrays.fill(t, (byte) 0);
        mac.destroy();
        return out;
    }

    /**
     * HKDF-Expand-Label(Secret, Label, Context, Length) of RFC 8446, Section 7.1: HKDF-Expand(Secret,
     * HkdfLabel, Length), where
     * <pre>
     * struct {
     *     uint16 length = Length;
     *     opaque label&lt;7..255&gt; = "tls13 " + Label;
     *     opaque context&lt;0..255&gt; = Context;
     * } HkdfLabel;
     * </pre>
     *
     * @param label the label without the "tls13 " prefix, e.g. {@code "key"} (ASCII)
     * @throws CryptoException if the label or context do not fit their length fields or Length is out of range
     */
    public byte[] expandLabel(byte[] secret, String label, byte[] context, int length) throws CryptoException {
        byte[] full = ("tls13 " + label).getBytes(StandardCharsets.US_ASCII);
        byte[] ctx = context == null ? new byte[0] : context;
        if (full.length > 255) {
            throw new CryptoException("HKDF-Expand-Label: label of " + full.length + " bytes exceeds 255");
        }
        if (ctx.length > 255) {
            throw new CryptoException("HKDF-Expand-Label: context of " + ctx.length + " bytes exceeds 255");
        }
        if (length < 0 || length > 0xffff) {
            throw new CryptoException("HKDF-Expand-Label: length " + length + " does not fit a uint16");
        }
        byte[] hkdfLabel = new byte[2 + 1 + full.length + 1 + ctx.length];
        hkdfLabel[0] = (byte) (length >>> 8);
        hkdfLabel[1] = (byte) length;
        hkdfLabel[2] = (byte) full.length;
        System.arraycopy(full, 0, hkdfLabel, 3, full.length);
        hkdfLabel[3 + full.length] = (byte) ctx.length;
        System.arraycopy(ctx, 0, hkdfLabel, 4 + full.length, ctx.length);
        return expand(secret, hkdfLabel, length);
    }

    /**
     * Derive-Secret(Secret, Label, Messages) = HKDF-Expand-Label(Secret, Label, Transcript-Hash(Messages),
     * Hash.length) (RFC 8446, Section 7.1).
     *
     * @param transcriptHash Transcript-Hash(Messages), already computed by the caller (for "derived" it
     *     is the hash of the empty string)
     */
    public byte[] deriveSecret(byte[] secret, String label, byte[] transcriptHash) throws CryptoException {
        if (transcriptHash.length != hashLen) {
            throw new CryptoException("Derive-Secret: transcript hash of " + transcriptHash.length
                    + " bytes, expected " + hashLen);
        }
        return expandLabel(secret, label, transcriptHash, hashLen);
    }

    /** The hash of the empty string, the Transcript-Hash for the "derived" steps of RFC 8446, Section 7.1. */
    public byte[] emptyHash() {
        Digest d = prototype.copy();
        return d.digest();
    }
}
