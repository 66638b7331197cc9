package org.tls4j.handshake.tls12;

import java.util.Arrays;

import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.hash.Digest;
import org.tls4j.crypto.hash.Md5;
import org.tls4j.crypto.hash.Sha1;
import org.tls4j.crypto.hash.Digests;
import org.tls4j.crypto.kdf.Ssl3Prf;
import org.tls4j.crypto.kdf.Tls10Prf;
import org.tls4j.crypto.kdf.Tls12Prf;
import org.tls4j.record.ProtocolVersion;

/**
 * Exactly what differs between SSL 3.0, TLS 1.0, TLS 1.1 and TLS 1.2 in the one shared handshake flow
 * (CONVENTIONS.md, "Where code lives"): the PRF, the Finished computation, the form of the
 * CertificateVerify hash, explicit CBC IVs, whether signature algorithms are on the wire, 1/n−1 CBC
 * splitting, and the RSA premaster's length prefix. Everything else (message order, extensions) is the
 * same flow.
 *
 * <table>
 * <caption>Per-version differences</caption>
 * <tr><th></th><th>SSL 3.0 (RFC 6101)</th><th>TLS 1.0 (RFC 2246)</th><th>TLS 1.1 (RFC 4346)</th><th>TLS 1.2 (RFC 5246)</th></tr>
 * <tr><td>PRF</td><td>MD5/SHA-1 construction (§6.1, 6.2.2)</td><td>P_MD5 ⊕ P_SHA1 (§5)</td><td>same</td><td>P_hash of the suite (§5)</td></tr>
 * <tr><td>Finished</td><td>36 bytes, MD5+SHA-1 with pads (§5.6.9)</td><td>12 bytes of PRF over MD5+SHA-1 (§7.4.9)</td><td>same</td><td>12 bytes of PRF over the suite hash (§7.4.9)</td></tr>
 * <tr><td>CertificateVerify</td><td>MD5+SHA-1 with master-secret pads (§5.6.8)</td><td>RSA: MD5+SHA-1; ECDSA: SHA-1 (§7.4.8; RFC 4492 §5.10)</td><td>same</td><td>signature_algorithms scheme over the messages (§7.4.8)</td></tr>
 * <tr><td>CBC IV</td><td>chained, from key block</td><td>chained, from key block</td><td>explicit per record (§6.2.3.2)</td><td>explicit</td></tr>
 * <tr><td>SignatureAndHashAlgorithm on the wire</td><td>no</td><td>no</td><td>no</td><td>yes (§7.4.1.4.1)</td></tr>
 * <tr><td>1/n−1 split (BEAST) by default</td><td>yes</td><td>yes</td><td>no</td><td>no</td></tr>
 * <tr><td>RSA EncryptedPreMasterSecret length prefix</td><td>no</td><td>yes (§7.4.7.1)</td><td>yes</td><td>yes</td></tr>
 * </table>
 *
 * SSL 3.0 is broken (POODLE; prohibited by RFC 7568) and TLS 1.0/1.1 are deprecated (RFC 8996); tls4j
 * keeps them off by default. Their rules are here so the same flow can serve them when enabled.
 */
public final class VersionRules {
    /** How the pseudo-random function is built. */
    public enum Prf {
        /** RFC 6101, Sections 6.1 and 6.2.2. */
        SSL3,
        /** RFC 2246, Section 5: P_MD5 XOR P_SHA1. */
        TLS10_MD5_SHA1,
        /** RFC 5246, Section 5: P_hash with the suite's PRF hash. */
        TLS12_SUITE_HASH
    }

    /** How the CertificateVerify signature input is formed. */
    public enum CertificateVerifyForm {
        /** RFC 6101, Section 5.6.8: MD5 and SHA-1 hashes keyed with the master secret and pads. */
        SSL3_KEYED_MD5_SHA1,
        /** RFC 2246/4346, Section 7.4.8 (and RFC 4492, Section 5.10): MD5+SHA-1 for RSA, SHA-1 for ECDSA. */
        MD5_SHA1,
        /** RFC 5246, Section 7.4.8: the negotiated SignatureScheme signs handshake_messages itself. */
        SIGNATURE_SCHEME
    }

    public static final VersionRules SSL3 = new VersionRules(ProtocolVersion.SSL3, Prf.SSL3,
            CertificateVerifyForm.SSL3_KEYED_MD5_SHA1, false, false, true, false);
    public static final VersionRules TLS10 = new VersionRules(ProtocolVersion.TLS10, Prf.TLS10_MD5_SHA1,
            CertificateVerifyForm.MD5_SHA1, false, false, true, true);
    public static final VersionRules TLS11 = new VersionRules(ProtocolVersion.TLS11, Prf.TLS10_MD5_SHA1,
            CertificateVerifyForm.MD5_SHA1, true, false, false, true);
    public static final VersionRules TLS12 = new VersionRules(ProtocolVersion.TLS12, Prf.TLS12_SUITE_HASH,
            CertificateVerifyForm.SIGNATURE_SCHEME, true, true, false, true);

    public final ProtocolVersion version;
    public final Prf prf;
    public final CertificateVerifyForm certificateVerify;
    /** CBC records carry their own IV (TLS 1.1+); otherwise the IV chains and comes from the key block. */
    public final boolean explicitCbcIv;
    /** SignatureAndHashAlgorithm fields are on the wire (ServerKeyExchange, CertificateRequest, CertificateVerify). */
    public final boolean signatureAlgorithms;
    /** 1/n−1 record splitting of CBC application data is on by default (BEAST; chained IVs only). */
    public final boolean cbcSplitByDefault;
    /** EncryptedPreMasterSecret carries a two-byte length (TLS; SSL 3.0 sends the bare ciphertext). */
    public final boolean rsaPremasterLengthPrefix;

    private VersionRules(ProtocolVersion version, Prf prf, CertificateVerifyForm cv, boolean explicitCbcIv,
            boolean signatureAlgorithms, boolean cbcSplitByDefault, boolean rsaPremasterLengthPrefix) {
        this.version = version;
        this.prf = prf;
        this.certificateVerify = cv;
        this.explicitCbcIv = explicitCbcIv;
        this.signatureAlgorithms = signatureAlgorithms;
        this.cbcSplitByDefault = cbcSplitByDefault;
        this.rsaPremasterLengthPrefix = rsaPremasterLengthPrefix;
    }

    /** The rules for SSL 3.0, TLS 1.0, 1.1 or 1.2; IllegalArgumentException for any other version. */
    public static VersionRules of(ProtocolVersion v) {
        if (v.equals(ProtocolVersion.SSL3)) {
            return SSL3;
        }
        if (v.equals(ProtocolVersion.TLS10)) {
            return TLS10;
        }
        if (v.equals(ProtocolVersion.TLS11)) {
            return TLS11;
        }
        if (v.equals(ProtocolVersion.TLS12)) {
            return TLS12;
        }
        throw new IllegalArgumentException("no TLS 1.2-style rules for " + v);
    }

    /** verify_data length: 36 in SSL 3.0 (RFC 6101, Section 5.6.9), 12 in TLS (RFC 5246, Section 7.4.9). */
    public int finishedLength() {
        return prf == Prf.SSL3 ? 36 : 12;
    }

    private void checkSuite(Suite12 s) {
        if (!s.allowedIn(version)) {
            throw new IllegalArgumentException(s + " is not allowed in " + version);
        }
    }

    /** PRF(secret, label, seed) for this version and suite (TLS only; SSL 3.0 has no labelled PRF). */
    public byte[] prf(Suite12 s, byte[] secret, String label, byte[] seed, int length) throws CryptoException {
        switch (prf) {
            case TLS10_MD5_SHA1:
                return Tls10Prf.derive(secret, label, seed, length);
            case TLS12_SUITE_HASH:
                return new Tls12Prf(Digests.forName(s.prfHash)).derive(secret, label, seed, length);
            default:
                throw new IllegalStateException("SSL 3.0 has no labelled PRF");
        }
    }

    /**
     * master_secret = PRF(pre_master_secret, "master secret", ClientHello.random + ServerHello.random)[0..47]
     * (RFC 5246, Section 8.1); in SSL 3.0 the construction of RFC 6101, Section 6.1.
     */
    public byte[] masterSecret(Suite12 s, byte[] preMasterSecret, byte[] clientRandom, byte[] serverRandom)
            throws CryptoException {
        checkSuite(s);
        if (prf == Prf.SSL3) {
            return Ssl3Prf.masterSecret(preMasterSecret, clientRandom, serverRandom);
        }
        return prf(s, preMasterSecret, "master secret", concat(clientRandom, serverRandom), 48);
    }

    /**
     * master_secret = PRF(pre_master_secret, "extended master secret", session_hash)[0..47]
     * (RFC 7627, Section 4). TLS only: RFC 7627 does not define it for SSL 3.0.
     */
    public byte[] extendedMasterSecret(Suite12 s, byte[] preMasterSecret, byte[] sessionHash)
            throws CryptoException {
        checkSuite(s);
        if (prf == Prf.SSL3) {
            throw new IllegalStateException("extended_master_secret is not defined for SSL 3.0 (RFC 7627)");
        }
        return prf(s, preMasterSecret, "extended master secret", sessionHash, 48);
    }

    /**
     * The hash of the handshake transcript in this version's form: TLS 1.2 the suite's PRF hash;
     * TLS 1.0/1.1 and SSL 3.0 MD5 || SHA-1 (36 bytes). This is the session_hash of RFC 7627, Section 3
     * (taken up to and including ClientKeyExchange) and the Finished input of TLS.
     */
    public byte[] transcriptHash(Suite12 s, byte[] handshakeMessages) throws CryptoException {
        if (prf == Prf.TLS12_SUITE_HASH) {
            Digest d = Digests.forName(s.prfHash);
            d.update(handshakeMessages);
            return d.digest();
        }
        Md5 md5 = new Md5();
        md5.update(handshakeMessages);
        Sha1 sha = new Sha1();
        sha.update(handshakeMessages);
        return concat(md5.digest(), sha.digest());
    }

    /** mac_key_length for {@code s} (0 for AEAD). */
    public int macKeyLength(Suite12 s) {
        return s.mac.length;
    }

    /** fixed_iv_length for {@code s} in this version: the AEAD salt/IV, or the CBC IV when IVs chain. */
    public int fixedIvLength(Suite12 s) {
        if (s.cipher.kind == BulkCipher12.Kind.BLOCK) {
            return explicitCbcIv ? 0 : s.cipher.fixedIvLength;
        }
        return s.cipher.fixedIvLength;
    }

    /** The number of key-block bytes the suite uses in this version. */
    public int keyBlockLength(Suite12 s) {
        return 2 * (macKeyLength(s) + s.cipher.keyLength + fixedIvLength(s));
    }

    /**
     * key_block = PRF(master_secret, "key expansion", server_random + client_random) (RFC 5246, Section
     * 6.3; SSL 3.0: RFC 6101, Section 6.2.2), cut into its six parts.
     */
    public KeyBlock keyBlock(Suite12 s, byte[] masterSecret, byte[] clientRandom, byte[] serverRandom)
            throws CryptoException {
        checkSuite(s);
        int n = keyBlockLength(s);
        byte[] block = prf == Prf.SSL3 ? Ssl3Prf.keyBlock(masterSecret, serverRandom, clientRandom, n)
                : prf(s, masterSecret, "key expansion", concat(serverRandom, clientRandom), n);
        try {
            return new KeyBlock(block, macKeyLength(s), s.cipher.keyLength, fixedIvLength(s));
        } finally {
            Arrays.fill(block, (byte) 0);
        }
    }

    private static final byte[] SENDER_CLIENT = {0x43, 0x4C, 0x4E, 0x54}; // "CLNT"
    private static final byte[] SENDER_SERVER = {0x53, 0x52, 0x56, 0x52}; // "SRVR"

    /**
     * Finished.verify_data for the side {@code fromClient} over {@code handshakeMessages} (every
     * handshake message so far, headers included, not counting HelloRequest):
     * <ul>
     *   <li>TLS: {@code PRF(master_secret, finished_label, Hash(handshake_messages))[0..11]} with
     *       "client finished"/"server finished" (RFC 5246, Section 7.4.9; the hash is MD5+SHA-1 before
     *       TLS 1.2, RFC 2246, Section 7.4.9);</li>
     *   <li>SSL 3.0: {@code MD5(master_secret + pad2 + MD5(handshake_messages + Sender + master_secret +
     *       pad1)) + SHA(same with SHA)}, Sender "CLNT" or "SRVR" (RFC 6101, Section 5.6.9).</li>
     * </ul>
     */
    public byte[] finished(Suite12 s, byte[] masterSecret, boolean fromClient, byte[] handshakeMessages)
            throws CryptoException {
        checkSuite(s);
        if (prf == Prf.SSL3) {
            return ssl3Hashes(masterSecret, handshakeMessages, fromClient ? SENDER_CLIENT : SENDER_SERVER);
        }
        return prf(s, masterSecret, fromClient ? "client finished" : "server finished",
                transcriptHash(s, handshakeMessages), 12);
    }

    /**
     * The signature input of CertificateVerify before TLS 1.2 (for TLS 1.2 the scheme signs
     * {@code handshakeMessages} itself and this method refuses):
     * TLS 1.0/1.1: MD5 || SHA-1 of the messages for RSA, SHA-1 alone for ECDSA (RFC 2246, Section
     * 7.4.8; RFC 4492, Section 5.10); SSL 3.0: the keyed MD5 || SHA hashes of RFC 6101, Section 5.6.8
     * for RSA, the SHA part alone for a non-RSA (DSS) key.
     */
    public byte[] legacyCertificateVerifyInput(boolean rsa, byte[] masterSecret, byte[] handshakeMessages)
            throws CryptoException {
        switch (certificateVerify) {
            case SSL3_KEYED_MD5_SHA1: {
                byte[] both = ssl3Hashes(masterSecret, handshakeMessages, new byte[0]);
                return rsa ? both : Arrays.copyOfRange(both, 16, 36);
            }
            case MD5_SHA1: {
                Sha1 sha = new Sha1();
                sha.update(handshakeMessages);
                if (!rsa) {
                    return sha.digest();
                }
                Md5 md5 = new Md5();
                md5.update(handshakeMessages);
                return concat(md5.digest(), sha.digest());
            }
            default:
                throw new IllegalStateException("TLS 1.2 CertificateVerify signs with a SignatureScheme");
        }
    }

    /** hash(ms + pad2 + hash(messages + sender + ms + pad1)) for MD5 (48-byte pads) then SHA-1 (40). */
    private static byte[] ssl3Hashes(byte[] ms, byte[] messages, byte[] sender) {
        byte[] out = new byte[36];
        ssl3Hash(new Md5(), 48, ms, messages, sender, out, 0);
        ssl3Hash(new Sha1(), 40, ms, messages, sender, out, 16);
        return out;
    }

    private static void ssl3Hash(Digest d, int padLen, byte[] ms, byte[] messages, byte[] sender, byte[] out,
            int off) {
        byte[] pad = new byte[padLen];
        Arrays.fill(pad, (byte) 0x36);
        d.update(messages);
        d.update(sender);
        d.update(ms);
        d.update(pad);
        byte[] inner = d.digest();
        Arrays.fill(pad, (byte) 0x5c);
        d.reset();
        d.update(ms);
        d.update(pad);
        d.update(inner);
        d.digest(out, off);
        Arrays.fill(inner, (byte) 0);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    @Override
    public String toString() {
        return "VersionRules(" + version + ")";
    }

}
