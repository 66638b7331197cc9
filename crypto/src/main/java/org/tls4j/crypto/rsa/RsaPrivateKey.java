package org.tls4j.crypto.rsa;

import java.math.BigInteger;
import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.Destroyable;
import org.tls4j.crypto.asn1.DerWriter;
import org.tls4j.crypto.ct.ConstantTime;
import org.tls4j.crypto.math.Modulus;
import org.tls4j.crypto.math.Nat31;
import org.tls4j.crypto.rand.RandomSource;

/**
 * An RSA private key, normally in the Chinese Remainder Theorem form (p, q, dp, dq, qinv) of RFC 8017,
 * Section 3.2, together with n, e and, when given, d.
 *
 * <p>The private operation (RSADP/RSASP1, RFC 8017, Sections 5.1.2 and 5.2.1) runs on the constant-time
 * Montgomery code of {@link Modulus}: {@code m1 = c^dp mod p}, {@code m2 = c^dq mod q},
 * {@code h = qinv·(m1 - m2) mod p}, {@code m = m2 + h·q} (Garner's recombination). No {@link BigInteger}
 * touches p, q, d, dp, dq, qinv or the result. Exponents are processed over their full public byte length
 * with a fixed window and constant-time table scans.
 *
 * <p>Every result is checked with the public key before it is used ({@code m^e mod n == c}, computed on
 * the same constant-time code and compared in constant time): a CRT computation disturbed by a fault would
 * otherwise give a signature that factors n (Boneh, DeMillo and Lipton, "On the importance of checking
 * cryptographic protocols for faults", 1997). Blinding is not applied: the computation has no
 * secret-dependent timing to hide, so blinding would only add cost (a possible future hardening).
 *
 * <p>A key with only (n, e, d) (as in some test-vector files) is also accepted; its private operation is
 * {@code c^d mod n} on the same constant-time code, without CRT (about four times slower).
 *
 * <p>Key generation ({@link #generate}) uses BigInteger, which is not constant-time; that happens once,
 * locally, before the key exists. constant-time: yes (private operation); no (key generation).
 */
public final class RsaPrivateKey implements Destroyable {
    private final RsaPublicKey publicKey;
    private final Modulus nMod; // public modulus, for the fault check and the non-CRT form
    private final byte[] eBytes;
    // CRT form (null in the (n, e, d) form)
    private final Modulus pMod;
    private final Modulus qMod;
    private final byte[] dp;
    private final byte[] dq;
    private final int[] qinv; // plain residue, < p
    private final int[] qLimbs;
    // byte forms of p, q and qinv, kept for export ({@link #toPkcs1Der}); null in the (n, e, d) form
    private final byte[] pBytes;
    private final byte[] qBytes;
    private final byte[] qinvBytes;
    // non-CRT exponent (null unless given), k bytes
    private final byte[] d;
    private volatile boolean destroyed;

    private RsaPrivateKey(RsaPublicKey publicKey, Modulus nMod, Modulus pMod, Modulus qMod, byte[] dp, byte[] dq,
            int[] qinv, int[] qLimbs, byte[] pBytes, byte[] qBytes, byte[] qinvBytes, byte[] d) {
        this.publicKey = publicKey;
        this.nMod = nMod;
        this.eBytes = Rsa.unsigned(publicKey.publicExponent());
        this.pMod = pMod;
        this.qMod = qMod;
        this.dp = dp;
        this.dq = dq;
        this.qinv = qinv;
        this.qLimbs = qLimbs;
        this.pBytes = pBytes;
        this.qBytes = qBytes;
        this.qinvBytes = qinvBytes;
        this.d = d;
    }

    /**
     * A key in CRT form from unsigned big-endian encodings (leading zero bytes allowed), as in an
     * RSAPrivateKey structure (RFC 8017, Appendix A.1.2). {@code d} may be null. The components are
     * checked: {@code p·q = n}, {@code qinv < p}, and one private operation must pass the public-key check.
     *
     * @throws CryptoException when a component is malformed or the components do not fit together
     */
    public static RsaPrivateKey ofCrt(byte[] n, byte[] e, byte[] d, byte[] p, byte[] q, byte[] dp, byte[] dq,
            byte[] qinv) throws CryptoException {
        RsaPublicKey pub = RsaPublicKey.of(n, e);
        if (p == null || q == null || dp == null || dq == null || qinv == null) {
            throw new CryptoException("RSA private key: missing CRT component");
        }
        Modulus nMod = Modulus.of(pub.modulusBytes());
        // The byte lengths of p and q (about half of n's) are public; stripping their leading zero bytes
        // reveals nothing else.
        byte[] pb = stripZeros(p);
        byte[] qb = stripZeros(q);
        if (pb.length + qb.length > pub.byteLength() + 1 || pb.length < 16 || qb.length < 16) {
            throw new CryptoException("RSA private key: primes do not match the modulus size");
        }
        Modulus pMod = Modulus.of(pb);
        Modulus qMod = Modulus.of(qb);
        byte[] dpFixed = fit(dp, pb.length, "dp");
        byte[] dqFixed = fit(dq, qb.length, "dq");
        int[] qinvLimbs = pMod.newValue();
        byte[] qinvFixed = fit(qinv, pb.length, "qinv");
        Nat31.decode(qinvLimbs, pMod.limbs(), qinvFixed, 0, pb.length);
        if (pMod.isReduced(qinvLimbs) == 0) {
            throw new CryptoException("RSA private key: qinv is not below p");
        }
        int[] qLimbs = qMod.newValue();
        Nat31.decode(qLimbs, qMod.limbs(), qb, 0, qb.length);
        int[] pLimbs = pMod.newValue();
        Nat31.decode(pLimbs, pMod.limbs(), pb, 0, pb.length);
        int total = pMod.limbs() + qMod.limbs();
        int[] pq = new int[total];
        Nat31.mul(pq, pLimbs, pMod.limbs(), qLimbs, qMod.limbs());
        int[] nLimbs = new int[total];
        byte[] nb = pub.modulusBytes();
        Nat31.decode(nLimbs, total, nb, 0, nb.length);
        int ok = Nat31.eq(pq, nLimbs, total);
        ConstantTime.zero(pq);
        ConstantTime.zero(pLimbs);
        if (ok != 1) {
            throw new CryptoException("RSA private key: p·q is not n");
        }
        byte[] dFixed = d == null ? null : fit(d, pub.byteLength(), "d");
        RsaPrivateKey key = new RsaPrivateKey(pub, nMod, pMod, qMod, dpFixed, dqFixed, qinvLimbs, qLimbs, pb, qb,
                qinvFixed, dFixed);
        key.selfTest();
        return key;
    }

    /**
     * A key given only as (n, e, d), without CRT components (test-vector files such as NIST's SigGen and
     * Wycheproof's sig_gen give keys this way). One private operation must pass the public-key check.
     */
    public static RsaPrivateKey ofExponent(byte[] n, byte[] e, byte[] d) throws CryptoException {
        RsaPublicKey pub = RsaPublicKey.of(n, e);
        if (d == null) {
            throw new CryptoException("RSA private key: missing private exponent");
        }
        Modulus nMod = Modulus.of(pub.modulusBytes());
        RsaPrivateKey key = new RsaPrivateKey(pub, nMod, null, null, null, null, null, null, null, null,
                null, fit(d, pub.byteLength(), "d"));
        key.selfTest();
        return key;
    }

    /**
     * Generates a key of {@code bits} bits (2048, 3072 or 4096) with {@code e = 65537}: two random primes of
     * {@code bits/2} bits whose product has exactly {@code bits} bits, with gcd(e, p-1) = gcd(e, q-1) = 1
     * and |p - q| > 2^(bits/2 - 100) (FIPS 186-5, Appendix A.1.3). Uses BigInteger (not constant-time;
     * see the class comment) fed from {@code random}.
     */
    public static RsaPrivateKey generate(int bits, RandomSource random) throws CryptoException {
        if (bits != 2048 && bits != 3072 && bits != 4096) {
            throw new CryptoException("RSA key generation: size must be 2048, 3072 or 4096 bits, got " + bits);
        }
        java.util.Random rnd = new RandomSourceAdapter(random);
        BigInteger e = BigInteger.valueOf(65537);
        BigInteger minDiff = BigInteger.ONE.shiftLeft(bits / 2 - 100);
        while (true) {
            BigInteger p = prime(bits / 2, e, rnd);
            BigInteger q = prime(bits / 2, e, rnd);
            BigInteger n = p.multiply(q);
            if (n.bitLength() != bits || p.subtract(q).abs().compareTo(minDiff) <= 0) {
                continue;
            }
            if (p.compareTo(q) < 0) { // conventional order p > q; either works
                BigInteger t = p;
                p = q;
                q = t;
            }
            BigInteger p1 = p.subtract(BigInteger.ONE);
            BigInteger q1 = q.subtract(BigInteger.ONE);
            BigInteger lambda = p1.divide(p1.gcd(q1)).multiply(q1);
            BigInteger d = e.modInverse(lambda);
            if (d.bitLength() <= bits / 2) { // FIPS 186-5 requires d > 2^(nlen/2)
                continue;
            }
            return ofCrt(Rsa.unsigned(n), Rsa.unsigned(e), Rsa.unsigned(d), Rsa.unsigned(p), Rsa.unsigned(q),
                    Rsa.unsigned(d.mod(p1)), Rsa.unsigned(d.mod(q1)), Rsa.unsigned(q.modInverse(p)));
        }
    }

    private static BigInteger prime(int bits, BigInteger e, java.util.Random rnd) {
        while (true) {
            BigInteger c = new BigInteger(bits, rnd).setBit(bits - 1).setBit(bits - 2).setBit(0);
            if (c.subtract(BigInteger.ONE).gcd(e).equals(BigInteger.ONE) && c.isProbablePrime(128)) {
                return c;
            }
        }
    }

    /** java.util.Random drawing from a RandomSource (for BigInteger's constructors during key generation). */
    private static final class RandomSourceAdapter extends java.util.Random {
        private static final long serialVersionUID = 1L;
        private final transient RandomSource src;

        RandomSourceAdapter(RandomSource src) {
            super(0);
            this.src = src;
        }

        @Override
        protected int next(int bits) {
            byte[] b = src.nextBytes(4);
            int v = ((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
            return v >>> (32 - bits);
        }
    }

    private static byte[] stripZeros(byte[] v) throws CryptoException {
        int i = 0;
        while (i < v.length && v[i] == 0) {
            i++;
        }
        if (i == v.length) {
            throw new CryptoException("RSA private key: zero component");
        }
        byte[] out = new byte[v.length - i];
        System.arraycopy(v, i, out, 0, out.length);
        return out;
    }

    /**
     * The value as exactly {@code len} bytes: left-padded, or with surplus leading bytes that must all be
     * zero (checked without a branch per byte; only the final accept/reject is a branch).
     */
    private static byte[] fit(byte[] v, int len, String what) throws CryptoException {
        byte[] out = new byte[len];
        if (v.length <= len) {
            System.arraycopy(v, 0, out, len - v.length, v.length);
            return out;
        }
        int extra = v.length - len;
        int or = 0;
        for (int i = 0; i < extra; i++) {
            or |= v[i];
        }
        if ((or & 0xFF) != 0) {
            throw new CryptoException("RSA private key: " + what + " is too large");
        }
        System.arraycopy(v, extra, out, 0, len);
        return out;
    }

    private void selfTest() throws CryptoException {
        byte[] x = new byte[publicKey.byteLength()];
        x[x.length - 1] = 2;
        privateOp(x, 0, x.length);
    }

    /** The matching public key. */
    public RsaPublicKey publicKey() {
        return publicKey;
    }

    /** The size of n in bytes (k). */
    public int byteLength() {
        return publicKey.byteLength();
    }

    /** True when the key carries the CRT components (the fast path). */
    public boolean isCrt() {
        return pMod != null;
    }

    /** True when the key can be exported by {@link #toPkcs1Der()}: CRT form with d known, not destroyed. */
    public boolean isExportable() {
        return pMod != null && d != null && !destroyed;
    }

    /**
     * The key as a PKCS#1 {@code RSAPrivateKey} (RFC 8017, Appendix A.1.2), version 0 (two-prime):
     * <pre>
     * RSAPrivateKey ::= SEQUENCE { version, modulus, publicExponent, privateExponent,
     *                              prime1, prime2, exponent1, exponent2, coefficient }
     * </pre>
     * Wrap it with {@link org.tls4j.crypto.pem.PrivateKeyData#rsaPkcs8} for PKCS#8 ({@code PRIVATE KEY}),
     * or PEM-encode it as is under {@code RSA PRIVATE KEY}. The caller should zero the result.
     *
     * <p>The components are encoded from the byte arrays the key holds since construction, never through
     * {@link BigInteger}. DER wants minimal INTEGERs, so the encoder skips leading zero bytes: the
     * encoding's length (and the time taken) reveals each component's byte length, which every DER
     * encoding of the key reveals anyway; no value-dependent work happens beyond that.
     *
     * @throws CryptoException if the key was destroyed, lacks the CRT components (the (n, e, d) form) or
     *     was built without d (PKCS#1 has no way to leave d out)
     */
    public byte[] toPkcs1Der() throws CryptoException {
        if (destroyed) {
            throw new CryptoException("RSA private key has been destroyed");
        }
        if (pMod == null) {
            throw new CryptoException("RSA private key: PKCS#1 needs the CRT components, this key has only (n, e, d)");
        }
        if (d == null) {
            throw new CryptoException("RSA private key: PKCS#1 needs d, this key was built without it");
        }
        return new DerWriter().sequence().integer(0)
                .unsignedInteger(publicKey.modulusBytes()).unsignedInteger(eBytes).unsignedInteger(d)
                .unsignedInteger(pBytes).unsignedInteger(qBytes).unsignedInteger(dp).unsignedInteger(dq)
                .unsignedInteger(qinvBytes).end().toByteArrayAndWipe();
    }

    /**
     * RSADP/RSASP1 with the public-key check: {@code c^d mod n} for an input of exactly k bytes whose value
     * is below n, as k bytes. The length and range checks are on the public input; the rest is
     * constant-time.
     *
     * @throws CryptoException bad length, input not below n, destroyed key, or a failed public-key check
     */
    byte[] privateOp(byte[] in, int off, int len) throws CryptoException {
        if (destroyed) {
            throw new CryptoException("RSA private key has been destroyed");
        }
        int k = publicKey.byteLength();
        if (len != k) {
            throw new CryptoException("RSA input must be " + k + " bytes, got " + len);
        }
        int nl = nMod.limbs();
        int[] c = new int[nl];
        Nat31.decode(c, nl, in, off, len);
        if (nMod.isReduced(c) == 0) { // the input is public (a ciphertext or an encoded message)
            throw new CryptoException("RSA input is not below the modulus");
        }
        int[] m;
        if (pMod != null) {
            m = crt(in, off, len);
        } else {
            m = nMod.fromMont(nMod.modPow(nMod.toMont(c), d, 0, d.length));
        }
        // Fault check: m^e mod n must give c back (computed on the constant-time code: m is secret when
        // this is a decryption).
        int[] back = nMod.fromMont(nMod.modPow(nMod.toMont(m), eBytes, 0, eBytes.length));
        int ok = Nat31.eq(back, c, nl);
        byte[] out = new byte[k];
        Nat31.encode(out, 0, k, m, nl);
        ConstantTime.zero(m);
        ConstantTime.zero(back);
        if (ok != 1) {
            ConstantTime.zero(out);
            throw new CryptoException("RSA private operation failed its public-key check (fault or bad key)");
        }
        return out;
    }

    /** Garner's CRT recombination; the result has n's limb count. */
    private int[] crt(byte[] in, int off, int len) {
        Modulus p = pMod;
        Modulus q = qMod;
        int[] cp = p.reduceToMont(in, off, len);
        int[] m1 = p.modPow(cp, dp, 0, dp.length); // m1·Rp mod p
        int[] cq = q.reduceToMont(in, off, len);
        int[] m2M = q.modPow(cq, dq, 0, dq.length);
        int[] m2 = q.fromMont(m2M); // plain, < q
        int[] m2p = p.reduceToMont(m2, q.limbs()); // m2·Rp mod p
        p.modSub(m1, m2p); // (m1 - m2)·Rp mod p
        int[] h = p.montMul(m1, qinv); // (m1 - m2)·qinv mod p, plain
        int total = p.limbs() + q.limbs();
        int[] r = new int[total];
        Nat31.mul(r, h, p.limbs(), qLimbs, q.limbs());
        int[] m2ext = new int[total];
        System.arraycopy(m2, 0, m2ext, 0, q.limbs());
        Nat31.add(r, m2ext, total, 1); // h·q + m2 < n: no carry out
        int nl = nMod.limbs();
        int[] out = new int[nl];
        // n has at most total limbs (p and q have at least as many bits together as n); copy the low ones.
        System.arraycopy(r, 0, out, 0, Math.min(nl, total));
        for (int[] t : new int[][] {cp, m1, cq, m2M, m2, m2p, h, r, m2ext}) {
            ConstantTime.zero(t);
        }
        return out;
    }

    /** Zeroes every private component; the key cannot be used afterwards. */
    @Override
    public void destroy() {
        destroyed = true;
        if (pMod != null) {
            pMod.destroy();
            qMod.destroy();
        }
        ConstantTime.zero(dp);
        ConstantTime.zero(dq);
        ConstantTime.zero(qinv);
        ConstantTime.zero(qLimbs);
        ConstantTime.zero(pBytes);
        ConstantTime.zero(qBytes);
        ConstantTime.zero(qinvBytes);
        ConstantTime.zero(d);
    }

    @Override
    public String toString() {
        return "RsaPrivateKey(" + publicKey.bitLength() + " bits" + (isCrt() ? ", CRT" : "") + ")";
    }
}
