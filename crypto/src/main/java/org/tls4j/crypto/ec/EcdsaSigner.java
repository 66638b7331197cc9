package org.tls4j.crypto.ec;

import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.ct.ConstantTime;
import org.tls4j.crypto.hash.Digest;
import org.tls4j.crypto.rand.RandomSource;
import org.tls4j.crypto.sig.Signer;

/**
 * ECDSA signing (FIPS 186-5, Section 6.4.1) on P-256/384/521 with a given hash, for TLS's
 * {@code ecdsa_secp256r1_sha256} etc. (RFC 8446, Section 4.2.3) and TLS 1.2's ECDSA with any hash.
 *
 * <p><b>Nonces.</b> By default k is deterministic, RFC 6979, Section 3.2: the same key and message always
 * give the same signature, no random generator can leak the key through a biased or repeated k, and
 * test vectors are reproducible. The usual objection to deterministic signing is fault attacks (a glitch
 * in one of two signatures of the same message reveals the key); tls4j counters it by verifying every
 * signature with the public key before releasing it. The constructor with a {@link RandomSource} gives
 * hedged nonces instead: fresh random bytes enter the DRBG as the additional data k' of RFC 6979,
 * Section 3.6, so k stays secret even if the generator is bad and differs between repeated signings.
 *
 * <p>k^-1 is computed as k^(n-2) (Fermat) with the fixed square-and-multiply chain of the public
 * exponent; k·G uses the constant-time fixed-window multiplication of {@link EcCurve}.
 *
 * <p>constant-time: yes.
 */
public final class EcdsaSigner implements Signer {
    private final EcPrivateKey key;
    private final Digest digest;
    private final SignatureEncoding encoding;
    private final RandomSource hedge;

    /**
     * A deterministic (RFC 6979) signer.
     *
     * @param digest the hash (a fresh instance, e.g. {@code new Sha256()}; the signer keeps its own copy)
     */
    public EcdsaSigner(EcPrivateKey key, Digest digest, SignatureEncoding encoding) {
        this(key, digest, encoding, null);
    }

    /** A hedged signer: RFC 6979 with fresh random additional data (Section 3.6) from {@code hedge}. */
    public EcdsaSigner(EcPrivateKey key, Digest digest, SignatureEncoding encoding, RandomSource hedge) {
        this.key = key;
        this.digest = digest.copy();
        this.digest.reset();
        this.encoding = encoding;
        this.hedge = hedge;
    }

    @Override
    public String algorithm() {
        return "ECDSA-" + key.curve().nistName().replace("-", "") + "-" + digest.algorithm().replace("-", "");
    }

    @Override
    public byte[] sign(byte[] message, int off, int len) throws CryptoException {
        EcCurve c = key.curve();
        digest.reset();
        digest.update(message, off, len);
        byte[] h1 = digest.digest();
        byte[] e = Rfc6979.bits2int(c, h1);
        byte[] extra = hedge == null ? null : hedge.nextBytes(c.orderLength());
        Rfc6979 drbg = new Rfc6979(digest, c, key.d(), h1, extra);
        ConstantTime.zero(extra);
        byte[] rs;
        try {
            do {
                byte[] k = drbg.next();
                rs = Ecdsa.signRaw(c, key.d(), e, k);
                ConstantTime.zero(k);
            } while (rs == null);
        } finally {
            drbg.destroy();
        }
        // Verify before release: a fault during signing must not leak a faulty signature.
        if (!Ecdsa.verifyRaw(c, key.publicKey().point, e, rs)) {
            throw new CryptoException("ECDSA signature failed its own verification (fault?)");
        }
        return encoding == SignatureEncoding.DER ? Ecdsa.toDer(rs, c.orderLength()) : rs;
    }

    /**
     * Test hook (NIST CAVP SigGen gives k): r || s for a given nonce k (orderLength() bytes), or null
     * when r or s is zero. Not for production use: a nonce must never be chosen by a caller.
     */
    static byte[] signWithNonce(EcPrivateKey key, Digest digest, byte[] message, byte[] k) throws CryptoException {
        Digest md = digest.copy();
        md.reset();
        md.update(message, 0, message.length);
        byte[] e = Rfc6979.bits2int(key.curve(), md.digest());
        return Ecdsa.signRaw(key.curve(), key.d(), e, k);
    }

    @Override
    public void destroy() {
        key.destroy();
    }
}
