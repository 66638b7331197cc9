package org.tls4j.crypto.rand;

import java.security.SecureRandom;
import java.util.Arrays;
import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.Destroyable;
import org.tls4j.crypto.hash.Digest;
import org.tls4j.crypto.hash.Sha256;
import org.tls4j.crypto.mac.Hmac;

/**
 * HMAC_DRBG, the deterministic random bit generator of NIST SP 800-90A Rev. 1, Section 10.1.2, over
 * HMAC-SHA-256, -384 or -512 (security strength 256 bits).
 *
 * <p>The state is a key K and a value V of the hash's output length. The update function
 * (Section 10.1.2.2) is
 * <pre>
 * K = HMAC(K, V || 0x00 || provided_data);  V = HMAC(K, V)
 * if provided_data is not empty:  K = HMAC(K, V || 0x01 || provided_data);  V = HMAC(K, V)
 * </pre>
 * Instantiate (10.1.2.3) sets K = 0x00.., V = 0x01.. and updates with entropy || nonce ||
 * personalization; reseed (10.1.2.4) updates with entropy || additional_input; generate (10.1.2.5)
 * updates with the additional input if any, outputs V = HMAC(K, V) blocks, then updates again.
 *
 * <p>{@link #fromSystem()} seeds from {@link SecureRandom} (the only JCA class tls4j uses) and reseeds
 * itself from it every {@link #SYSTEM_RESEED_INTERVAL} requests. The constructor with explicit entropy
 * is for known-answer tests and for callers that bring their own entropy; such an instance never
 * reseeds by itself, and after {@link #RESEED_INTERVAL} requests it refuses to generate until
 * {@link #reseed} is called (SP 800-90A, Section 9.3.1, step 7).
 *
 * <p>All public methods are synchronized, so one instance can serve many threads.
 *
 * <p>constant-time: yes. No branch or index depends on K, V or the seed material; lengths are public.
 */
public final class HmacDrbg implements RandomSource, Destroyable {
    /** reseed_interval: the maximum of SP 800-90A, Table 2 (2^48 requests). */
    public static final long RESEED_INTERVAL = 1L << 48;
    /** How often an instance from {@link #fromSystem()} draws fresh entropy (a local policy, far below the limit). */
    public static final long SYSTEM_RESEED_INTERVAL = 1L << 20;
    /** max_number_of_bits_per_request of Table 2 (2^19 bits), in bytes. */
    public static final int MAX_BYTES_PER_REQUEST = 1 << 16;
    /** The security strength in bytes, the minimum entropy input (Section 10.1.2.3 via 8.6.7). */
    public static final int SECURITY_STRENGTH_BYTES = 32;

    private final Digest prototype;
    private final int outLen;
    private final byte[] k;
    private final byte[] v;
    private long reseedCounter;
    private final SecureRandom entropySource;
    private final long reseedInterval;
    private boolean destroyed;

    /**
     * Instantiates with caller-supplied seed material (SP 800-90A, Section 10.1.2.3).
     *
     * @param prototype SHA-256, SHA-384 or SHA-512 (copied)
     * @param entropy the entropy input, at least {@link #SECURITY_STRENGTH_BYTES} bytes
     * @param nonce the nonce, at least half the security strength (16 bytes) (Section 8.6.7)
     * @param personalization the personalization string, or {@code null}
     * @throws CryptoException for another hash or too little entropy or nonce
     */
    public HmacDrbg(Digest prototype, byte[] entropy, byte[] nonce, byte[] personalization) throws CryptoException {
        this(prototype, entropy, nonce, personalization, null, RESEED_INTERVAL);
    }

    private HmacDrbg(Digest prototype, byte[] entropy, byte[] nonce, byte[] personalization,
            SecureRandom entropySource, long reseedInterval) throws CryptoException {
        String alg = prototype.algorithm();
        if (!alg.equals("SHA-256") && !alg.equals("SHA-384") && !alg.equals("SHA-512")) {
            throw new CryptoException("HMAC_DRBG here supports SHA-256, SHA-384 and SHA-512 (256-bit strength), not "
                    + alg);
        }
        if (entropy.length < SECURITY_STRENGTH_BYTES) {
            throw new CryptoException("HMAC_DRBG: entropy input of " + entropy.length + " bytes, need at least "
                    + SECURITY_STRENGTH_BYTES);
        }
        if (nonce.length < SECURITY_STRENGTH_BYTES / 2) {
            throw new CryptoException("HMAC_DRBG: nonce of " + nonce.length + " bytes, need at least "
                    + (SECURITY_STRENGTH_BYTES / 2));
        }
        Digest d = prototype.copy();
        d.reset();
        this.prototype = d;
        this.outLen = d.digestLength();
        this.k = new byte[outLen];
        this.v = new byte[outLen];
        this.entropySource = entropySource;
        this.reseedInterval = reseedInterval;
        // Instantiate: K = 0x00 00...00, V = 0x01 01...01, then update with the seed material.
        Arrays.fill(v, (byte) 0x01);
        byte[] pers = personalization == null ? new byte[0] : personalization;
        update(entropy, nonce, pers);
        reseedCounter = 1;
    }

    /**
     * An HMAC_DRBG over SHA-256 seeded from a fresh {@link SecureRandom}: see {@link #fromSecureRandom}.
     * Note that the JDK's SecureRandom itself needs a JCA provider (its fallback SHA1PRNG looks up
     * SHA-1 through the provider list), so in a JVM with every provider removed use
     * {@link #fromSecureRandom} with an instance made beforehand.
     */
    public static HmacDrbg fromSystem() {
        return fromSecureRandom(new SecureRandom());
    }

    /**
     * An HMAC_DRBG over SHA-256 seeded from {@code entropySource}: 32 bytes of entropy, a 16-byte nonce,
     * and a personalization string made of the creation time (which only adds uniqueness). It reseeds
     * itself from the same source every {@link #SYSTEM_RESEED_INTERVAL} requests.
     */
    public static HmacDrbg fromSecureRandom(SecureRandom entropySource) {
        byte[] entropy = new byte[SECURITY_STRENGTH_BYTES];
        byte[] nonce = new byte[SECURITY_STRENGTH_BYTES / 2];
        entropySource.nextBytes(entropy);
        entropySource.nextBytes(nonce);
        long t = System.nanoTime();
        long w = System.currentTimeMillis();
        byte[] pers = new byte[16];
        for (int i = 0; i < 8; i++) {
            pers[i] = (byte) (t >>> (8 * i));
            pers[8 + i] = (byte) (w >>> (8 * i));
        }
        try {
            return new HmacDrbg(new Sha256(), entropy, nonce, pers, entropySource, SYSTEM_RESEED_INTERVAL);
        } catch (CryptoException e) {
            throw new AssertionError("fixed, valid parameters were refused", e);
        } finally {
            Arrays.fill(entropy, (byte) 0);
            Arrays.fill(nonce, (byte) 0);
        }
    }

    /** For tests of the automatic reseed: explicit seed material, entropy source and interval. */
    static HmacDrbg withReseedSource(Digest prototype, byte[] entropy, byte[] nonce, byte[] personalization,
            SecureRandom entropySource, long reseedInterval) throws CryptoException {
        return new HmacDrbg(prototype, entropy, nonce, personalization, entropySource, reseedInterval);
    }

    /** The hash's name, e.g. {@code "SHA-256"}. */
    public String hashAlgorithm() {
        return prototype.algorithm();
    }

    /**
     * Reseed (SP 800-90A, Section 10.1.2.4): update with entropy || additional input; the counter goes
     * back to 1.
     *
     * @throws CryptoException if the entropy is shorter than {@link #SECURITY_STRENGTH_BYTES}
     */
    public synchronized void reseed(byte[] entropy, byte[] additionalInput) throws CryptoException {
        checkAlive();
        if (entropy.length < SECURITY_STRENGTH_BYTES) {
            throw new CryptoException("HMAC_DRBG reseed: entropy input of " + entropy.length
                    + " bytes, need at least " + SECURITY_STRENGTH_BYTES);
        }
        update(entropy, additionalInput == null ? new byte[0] : additionalInput, new byte[0]);
        reseedCounter = 1;
    }

    /**
     * Generate (SP 800-90A, Section 10.1.2.5): {@code len} bytes into {@code out} at {@code off}.
     *
     * @param additionalInput optional additional input, or {@code null}
     * @throws CryptoException if {@code len} exceeds {@link #MAX_BYTES_PER_REQUEST} or is negative, or a
     *     reseed is required and this instance has no entropy source
     */
    public synchronized void generate(byte[] out, int off, int len, byte[] additionalInput) throws CryptoException {
        checkAlive();
        if (len < 0 || len > MAX_BYTES_PER_REQUEST) {
            throw new CryptoException("HMAC_DRBG: request of " + len + " bytes is outside 0.." + MAX_BYTES_PER_REQUEST);
        }
        if (off < 0 || off > out.length - len) {
            throw new CryptoException("HMAC_DRBG: output range [" + off + ", +" + len + ") outside the array");
        }
        byte[] add = additionalInput == null ? new byte[0] : additionalInput;
        if (reseedCounter > reseedInterval) {
            if (entropySource == null) {
                throw new CryptoException("HMAC_DRBG: reseed required (SP 800-90A, Section 9.3.1)");
            }
            // SP 800-90A, Section 9.3.1, step 7: reseed with the additional input, which then becomes empty.
            byte[] e = new byte[SECURITY_STRENGTH_BYTES];
            entropySource.nextBytes(e);
            reseed(e, add);
            Arrays.fill(e, (byte) 0);
            add = new byte[0];
        }
        if (add.length > 0) {
            update(add, null, null);
        }
        Hmac mac = new Hmac(prototype, k);
        int done = 0;
        while (done < len) {
            mac.update(v, 0, outLen);
            mac.doFinal(v, 0);
            int n = Math.min(outLen, len - done);
            System.arraycopy(v, 0, out, off + done, n);
            done += n;
        }
        mac.destroy();
        update(add, null, null);
        reseedCounter++;
    }

    /**
     * Fills {@code out[off .. off+len)}, splitting long requests into requests of at most
     * {@link #MAX_BYTES_PER_REQUEST} bytes. An instance from {@link #fromSystem()} reseeds itself as
     * needed. An instance with caller-supplied entropy that has reached {@link #RESEED_INTERVAL}
     * requests (2^48: not reachable in practice) throws IllegalStateException here, since this
     * interface cannot report a checked exception; use {@link #generate} to get a CryptoException.
     */
    @Override
    public synchronized void nextBytes(byte[] out, int off, int len) {
        if (off < 0 || len < 0 || off > out.length - len) {
            throw new IndexOutOfBoundsException("range [" + off + ", +" + len + ") outside an array of "
                    + out.length + " bytes");
        }
        try {
            while (len > 0) {
                int n = Math.min(len, MAX_BYTES_PER_REQUEST);
                generate(out, off, n, null);
                off += n;
                len -= n;
            }
        } catch (CryptoException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Zeroes K and V; the generator cannot be used afterwards. */
    @Override
    public synchronized void destroy() {
        Arrays.fill(k, (byte) 0);
        Arrays.fill(v, (byte) 0);
        destroyed = true;
    }

    /** The HMAC_DRBG_Update function (Section 10.1.2.2); provided_data = a || b || c (nulls are empty). */
    private void update(byte[] a, byte[] b, byte[] c) {
        boolean hasData = len(a) + len(b) + len(c) > 0;
        for (int round = 0; round < (hasData ? 2 : 1); round++) {
            Hmac mac = new Hmac(prototype, k);
            mac.update(v, 0, outLen);
            mac.update((byte) round); // 0x00, then 0x01
            feed(mac, a);
            feed(mac, b);
            feed(mac, c);
            mac.doFinal(k, 0);
            mac.destroy();
            mac = new Hmac(prototype, k);
            mac.update(v, 0, outLen);
            mac.doFinal(v, 0);
            mac.destroy();
        }
    }

    private static int len(byte[] x) {
        return x == null ? 0 : x.length;
    }

    private static void feed(Hmac mac, byte[] x) {
        if (x != null) {
            mac.update(x, 0, x.length);
        }
    }

    private void checkAlive() {
        if (destroyed) {
            throw new IllegalStateException("HMAC_DRBG was destroyed");
        }
    }

    @Override
    public String toString() {
        return "HMAC_DRBG(" + prototype.algorithm() + ")";
    }
}
