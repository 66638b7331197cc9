package org.tls4j.crypto.rsa;

import org.tls4j.crypto.ct.ConstantTime;
import org.tls4j.crypto.sig.Verifier;

/**
 * RSASSA-PKCS1-v1_5 verification (RFC 8017, Section 8.2.2).
 *
 * <p>The signature must be exactly k bytes and below n; {@code s^e mod n} is then compared with the
 * expected encoding built from the message ({@code 0x00 0x01 FF..FF 0x00 DigestInfo hash}), as the RFC
 * recommends in Section 8.2.2, Note: encode and compare, never parse. This refuses every variant of the
 * padding or of the DigestInfo that parsers have been tricked by (Bleichenbacher's e = 3 forgery, 2006; the
 * "BERserk" family), including a DigestInfo without the NULL parameter (Wycheproof marks that "acceptable";
 * tls4j rejects it). constant-time: no need (all inputs are public); the comparison is constant-time anyway.
 */
public final class RsaPkcs1Verifier implements Verifier {
    private final RsaPublicKey key;
    private final RsaHash hash;

    /** A verifier for signatures by {@code key} over {@code hash} (SHA-1 allowed here, for legacy signatures). */
    public RsaPkcs1Verifier(RsaPublicKey key, RsaHash hash) {
        this.key = key;
        this.hash = hash;
    }

    @Override
    public String algorithm() {
        return "RSA-PKCS1-" + hash.name().replace("-", "");
    }

    @Override
    public boolean verify(byte[] message, int mOff, int mLen, byte[] signature, int sOff, int sLen) {
        int k = key.byteLength();
        if (sLen != k || k < hash.digestInfoPrefix().length + hash.length() + 11) {
            return false;
        }
        byte[] em = key.publicOp(signature, sOff, sLen);
        if (em == null) {
            return false;
        }
        byte[] expected = encode(hash, hash.hash(message, mOff, mLen), k);
        return ConstantTime.equals(em, expected);
    }

    /** EMSA-PKCS1-v1_5 encoding (RFC 8017, Section 9.2) of a computed hash, k bytes (k checked by callers). */
    static byte[] encode(RsaHash hash, byte[] h, int k) {
        byte[] prefix = hash.digestInfoPrefix();
        int tLen = prefix.length + h.length;
        byte[] em = new byte[k];
        em[1] = 0x01;
        for (int i = 2; i < k - tLen - 1; i++) {
            em[i] = (byte) 0xFF;
        }
        // em[k - tLen - 1] = 0x00 separator
        System.arraycopy(prefix, 0, em, k - tLen, prefix.length);
        System.arraycopy(h, 0, em, k - h.length, h.length);
        return em;
    }
}
