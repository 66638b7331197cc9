package org.tls4j.crypto.ec;

import org.tls4j.crypto.hash.Digest;
import org.tls4j.crypto.sig.Verifier;

/**
 * ECDSA verification (FIPS 186-5, Section 6.4.2) on P-256/384/521. r and s must lie in [1, n-1];
 * DER signatures must be strict DER (see {@link SignatureEncoding}); P1363 signatures must be exactly
 * 2·orderLength() bytes. Any malformed input gives {@code false}.
 *
 * <p>constant-time: no, and it need not be: every input (key, message, signature) is public.
 */
public final class EcdsaVerifier implements Verifier {
    private final EcPublicKey key;
    private final Digest digest;
    private final SignatureEncoding encoding;

    /** @param digest the hash (a fresh instance; the verifier keeps its own copy) */
    public EcdsaVerifier(EcPublicKey key, Digest digest, SignatureEncoding encoding) {
        this.key = key;
        this.digest = digest.copy();
        this.digest.reset();
        this.encoding = encoding;
    }

    @Override
    public String algorithm() {
        return "ECDSA-" + key.curve().nistName().replace("-", "") + "-" + digest.algorithm().replace("-", "");
    }

    @Override
    public boolean verify(byte[] message, int mOff, int mLen, byte[] signature, int sOff, int sLen) {
        if (mOff < 0 || mLen < 0 || mOff > message.length - mLen
                || sOff < 0 || sLen < 0 || sOff > signature.length - sLen) {
            return false;
        }
        EcCurve c = key.curve();
        int n = c.orderLength();
        byte[] rs;
        if (encoding == SignatureEncoding.DER) {
            rs = Ecdsa.fromDer(signature, sOff, sLen, n);
        } else {
            rs = sLen == 2 * n ? java.util.Arrays.copyOfRange(signature, sOff, sOff + sLen) : null;
        }
        if (rs == null) {
            return false;
        }
        digest.reset();
        digest.update(message, mOff, mLen);
        byte[] e = Rfc6979.bits2int(c, digest.digest());
        return Ecdsa.verifyRaw(c, key.point, e, rs);
    }
}
