package org.tls4j.handshake.tls12;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tls4j.handshake.CipherSuite;
import org.tls4j.record.ProtocolVersion;

/**
 * One SSL 3.0-TLS 1.2 cipher suite as data: its key exchange, record protection recipe (cipher, key
 * length, MAC or AEAD, fixed and record IV lengths), PRF hash, lowest version, and whether it is legacy.
 * The recipe follows RFC 5246, Appendix C and the RFCs that define each suite (RFC 5288 GCM, RFC 6655 and
 * RFC 7251 CCM, RFC 7905 ChaCha20-Poly1305, RFC 8422 ECDHE, RFC 5289 ECDHE with SHA-256/384).
 *
 * <p><b>Legacy suites</b> ({@link #legacy}): 3DES (64-bit blocks, SWEET32), RC4 (biased keystream,
 * prohibited by RFC 7465), NULL (no confidentiality) and CCM_8 (8-byte tag). They are never in
 * {@link #defaultOrder}; a configuration that enables one should say so loudly.
 *
 * <p><b>Default order</b> ({@link #defaultOrder(boolean)}), argued:
 * <ol>
 *   <li>Forward secrecy first: every ECDHE and DHE suite comes before every RSA key-transport suite, because
 *       RSA key transport lets a later key compromise decrypt recorded traffic, and its server side is a
 *       padding-oracle risk (ROBOT).</li>
 *   <li>Within a key exchange, AEAD before CBC: CBC MAC-then-encrypt is the source of Lucky Thirteen and
 *       POODLE-style oracles; we defend against them, but an AEAD has no such oracle to defend.</li>
 *   <li>ECDHE before DHE: smaller, faster, and no server-chosen group to validate.</li>
 *   <li>ECDSA before RSA authentication within ECDHE (it only matters when the server has both keys):
 *       signatures are cheaper.</li>
 *   <li>AES-128 before AES-256: 128-bit keys are ample against classical attacks and cost fewer rounds.</li>
 *   <li>AES-GCM before ChaCha20-Poly1305, <em>unless the client prefers ChaCha20</em>: a client that lists
 *       a ChaCha20 suite before every AES-GCM suite is telling us it has no AES hardware (what BoringSSL
 *       and Go infer from the same signal), so for that client ChaCha20 moves ahead of AES-GCM within each
 *       key exchange ({@link #clientPrefersChaCha20}). Our own AES is bitsliced and constant-time in any
 *       case, so this rule is about the peer's cost, not our safety.</li>
 *   <li>AES-CCM after GCM and ChaCha20 (rarely offered outside IoT), CBC-SHA256/384 before CBC-SHA1
 *       (the SHA-1 suites are the only CBC suites TLS 1.0/1.1 can use, so they stay enabled).</li>
 * </ol>
 */
public final class Suite12 {
    private static final Map<Integer, Suite12> BY_CODE = new LinkedHashMap<Integer, Suite12>();

    /** The wire identifier. */
    public final CipherSuite suite;
    public final KeyExchange12 keyExchange;
    public final BulkCipher12 cipher;
    public final Mac12 mac;
    /** The TLS 1.2 PRF hash ("SHA-256" or "SHA-384"); earlier versions use their own PRF. */
    public final String prfHash;
    /** The lowest version that may negotiate this suite (AEAD and SHA-256/384 suites: TLS 1.2). */
    public final ProtocolVersion minVersion;
    /** Broken or weak; never enabled by default. */
    public final boolean legacy;

    private Suite12(CipherSuite suite, KeyExchange12 kx, BulkCipher12 cipher, Mac12 mac, String prfHash,
            ProtocolVersion minVersion, boolean legacy) {
        this.suite = suite;
        this.keyExchange = kx;
        this.cipher = cipher;
        this.mac = mac;
        this.prfHash = prfHash;
        this.minVersion = minVersion;
        this.legacy = legacy;
    }

    private static Suite12 def(CipherSuite cs, KeyExchange12 kx, BulkCipher12 cipher, Mac12 mac) {
        boolean aead = cipher.kind == BulkCipher12.Kind.AEAD;
        boolean sha384 = cs.toString().endsWith("SHA384");
        String prf = sha384 ? "SHA-384" : "SHA-256";
        ProtocolVersion min;
        if (aead || mac == Mac12.SHA256 || mac == Mac12.SHA384) {
            min = ProtocolVersion.TLS12; // RFC 5246, 5288, 5289, 6655, 7905: TLS 1.2 only
        } else if (kx.isEcdhe()) {
            min = ProtocolVersion.TLS10; // RFC 8422 needs hello extensions, which SSL 3.0 lacks
        } else {
            min = ProtocolVersion.SSL3;
        }
        boolean legacy = cipher == BulkCipher12.DES3_EDE_CBC || cipher == BulkCipher12.RC4_128
                || cipher == BulkCipher12.NULL || cipher == BulkCipher12.AES_128_CCM_8
                || cipher == BulkCipher12.AES_256_CCM_8;
        Suite12 s = new Suite12(cs, kx, cipher, mac, prf, min, legacy);
        if (BY_CODE.put(cs.code, s) != null) {
            throw new AssertionError("duplicate suite " + cs);
        }
        return s;
    }

    private static final KeyExchange12 EE = KeyExchange12.ECDHE_ECDSA;
    private static final KeyExchange12 ER = KeyExchange12.ECDHE_RSA;
    private static final KeyExchange12 DR = KeyExchange12.DHE_RSA;
    private static final KeyExchange12 R = KeyExchange12.RSA;
    private static final Mac12 AEAD = Mac12.AEAD;

    // The table. The order of definition is the default preference order (see the class comment);
    // ChaCha20 suites sit right after AES-GCM so that swapping them is local.
    static {
        // 1. ECDHE + AEAD
        def(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, EE, BulkCipher12.AES_128_GCM, AEAD);
        def(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, ER, BulkCipher12.AES_128_GCM, AEAD);
        def(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, EE, BulkCipher12.AES_256_GCM, AEAD);
        def(CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, ER, BulkCipher12.AES_256_GCM, AEAD);
        def(CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, EE, BulkCipher12.CHACHA20_POLY1305, AEAD);
        def(CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256, ER, BulkCipher12.CHACHA20_POLY1305, AEAD);
        def(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CCM, EE, BulkCipher12.AES_128_CCM, AEAD);
        def(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CCM, EE, BulkCipher12.AES_256_CCM, AEAD);
        // 2. DHE + AEAD
        def(CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256, DR, BulkCipher12.AES_128_GCM, AEAD);
        def(CipherSuite.TLS_DHE_RSA_WITH_AES_256_GCM_SHA384, DR, BulkCipher12.AES_256_GCM, AEAD);
        def(CipherSuite.TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256, DR, BulkCipher12.CHACHA20_POLY1305, AEAD);
        def(CipherSuite.TLS_DHE_RSA_WITH_AES_128_CCM, DR, BulkCipher12.AES_128_CCM, AEAD);
        def(CipherSuite.TLS_DHE_RSA_WITH_AES_256_CCM, DR, BulkCipher12.AES_256_CCM, AEAD);
        // 3. ECDHE + CBC
        def(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256, EE, BulkCipher12.AES_128_CBC, Mac12.SHA256);
        def(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256, ER, BulkCipher12.AES_128_CBC, Mac12.SHA256);
        def(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384, EE, BulkCipher12.AES_256_CBC, Mac12.SHA384);
        def(CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384, ER, BulkCipher12.AES_256_CBC, Mac12.SHA384);
        def(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA, EE, BulkCipher12.AES_128_CBC, Mac12.SHA1);
        def(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA, ER, BulkCipher12.AES_128_CBC, Mac12.SHA1);
        def(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA, EE, BulkCipher12.AES_256_CBC, Mac12.SHA1);
        def(CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA, ER, BulkCipher12.AES_256_CBC, Mac12.SHA1);
        // 4. DHE + CBC
        def(CipherSuite.TLS_DHE_RSA_WITH_AES_128_CBC_SHA256, DR, BulkCipher12.AES_128_CBC, Mac12.SHA256);
        def(CipherSuite.TLS_DHE_RSA_WITH_AES_256_CBC_SHA256, DR, BulkCipher12.AES_256_CBC, Mac12.SHA256);
        def(CipherSuite.TLS_DHE_RSA_WITH_AES_128_CBC_SHA, DR, BulkCipher12.AES_128_CBC, Mac12.SHA1);
        def(CipherSuite.TLS_DHE_RSA_WITH_AES_256_CBC_SHA, DR, BulkCipher12.AES_256_CBC, Mac12.SHA1);
        // 5. RSA key transport (no forward secrecy)
        def(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256, R, BulkCipher12.AES_128_GCM, AEAD);
        def(CipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384, R, BulkCipher12.AES_256_GCM, AEAD);
        def(CipherSuite.TLS_RSA_WITH_AES_128_CCM, R, BulkCipher12.AES_128_CCM, AEAD);
        def(CipherSuite.TLS_RSA_WITH_AES_256_CCM, R, BulkCipher12.AES_256_CCM, AEAD);
        def(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA256, R, BulkCipher12.AES_128_CBC, Mac12.SHA256);
        def(CipherSuite.TLS_RSA_WITH_AES_256_CBC_SHA256, R, BulkCipher12.AES_256_CBC, Mac12.SHA256);
        def(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA, R, BulkCipher12.AES_128_CBC, Mac12.SHA1);
        def(CipherSuite.TLS_RSA_WITH_AES_256_CBC_SHA, R, BulkCipher12.AES_256_CBC, Mac12.SHA1);
        // 6. Legacy: never in the default order.
        def(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8, EE, BulkCipher12.AES_128_CCM_8, AEAD);
        def(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CCM_8, EE, BulkCipher12.AES_256_CCM_8, AEAD);
        def(CipherSuite.TLS_DHE_RSA_WITH_AES_128_CCM_8, DR, BulkCipher12.AES_128_CCM_8, AEAD);
        def(CipherSuite.TLS_DHE_RSA_WITH_AES_256_CCM_8, DR, BulkCipher12.AES_256_CCM_8, AEAD);
        def(CipherSuite.TLS_RSA_WITH_AES_128_CCM_8, R, BulkCipher12.AES_128_CCM_8, AEAD);
        def(CipherSuite.TLS_RSA_WITH_AES_256_CCM_8, R, BulkCipher12.AES_256_CCM_8, AEAD);
        def(CipherSuite.TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA, EE, BulkCipher12.DES3_EDE_CBC, Mac12.SHA1);
        def(CipherSuite.TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA, ER, BulkCipher12.DES3_EDE_CBC, Mac12.SHA1);
        def(CipherSuite.TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA, DR, BulkCipher12.DES3_EDE_CBC, Mac12.SHA1);
        def(CipherSuite.TLS_RSA_WITH_3DES_EDE_CBC_SHA, R, BulkCipher12.DES3_EDE_CBC, Mac12.SHA1);
        def(CipherSuite.TLS_ECDHE_ECDSA_WITH_RC4_128_SHA, EE, BulkCipher12.RC4_128, Mac12.SHA1);
        def(CipherSuite.TLS_ECDHE_RSA_WITH_RC4_128_SHA, ER, BulkCipher12.RC4_128, Mac12.SHA1);
        def(CipherSuite.TLS_RSA_WITH_RC4_128_SHA, R, BulkCipher12.RC4_128, Mac12.SHA1);
        def(CipherSuite.TLS_RSA_WITH_RC4_128_MD5, R, BulkCipher12.RC4_128, Mac12.MD5);
        def(CipherSuite.TLS_ECDHE_ECDSA_WITH_NULL_SHA, EE, BulkCipher12.NULL, Mac12.SHA1);
        def(CipherSuite.TLS_ECDHE_RSA_WITH_NULL_SHA, ER, BulkCipher12.NULL, Mac12.SHA1);
        def(CipherSuite.TLS_RSA_WITH_NULL_SHA256, R, BulkCipher12.NULL, Mac12.SHA256);
        def(CipherSuite.TLS_RSA_WITH_NULL_SHA, R, BulkCipher12.NULL, Mac12.SHA1);
        def(CipherSuite.TLS_RSA_WITH_NULL_MD5, R, BulkCipher12.NULL, Mac12.MD5);
    }

    /** The suite for this wire code, or null when tls4j does not implement it for TLS ≤ 1.2. */
    public static Suite12 of(CipherSuite cs) {
        return BY_CODE.get(cs.code);
    }

    /** Every implemented suite, in table order (legacy ones last). */
    public static List<Suite12> all() {
        return Collections.unmodifiableList(new ArrayList<Suite12>(BY_CODE.values()));
    }

    /** True when the suite has forward secrecy (ECDHE or DHE). */
    public boolean forwardSecrecy() {
        return keyExchange.forwardSecrecy;
    }

    /** True for AEAD suites. */
    public boolean isAead() {
        return cipher.kind == BulkCipher12.Kind.AEAD;
    }

    /** True when the suite may be used at {@code v}. */
    public boolean allowedIn(ProtocolVersion v) {
        return v.atLeast(minVersion) && !v.atLeast(ProtocolVersion.TLS13);
    }

    /** True for the ChaCha20-Poly1305 suites. */
    public boolean isChaCha20() {
        return cipher == BulkCipher12.CHACHA20_POLY1305;
    }

    private boolean isAesGcm() {
        return cipher == BulkCipher12.AES_128_GCM || cipher == BulkCipher12.AES_256_GCM;
    }

    /**
     * The default server preference (no legacy suites), with ChaCha20-Poly1305 moved ahead of AES-GCM
     * within each key exchange when {@code chacha20First}.
     */
    public static List<Suite12> defaultOrder(boolean chacha20First) {
        List<Suite12> out = new ArrayList<Suite12>();
        for (Suite12 s : BY_CODE.values()) {
            if (!s.legacy) {
                out.add(s);
            }
        }
        if (chacha20First) {
            // Stable move: each ChaCha20 suite goes in front of the first AES-GCM suite of its key exchange.
            List<Suite12> chacha = new ArrayList<Suite12>();
            for (Suite12 s : out) {
                if (s.isChaCha20()) {
                    chacha.add(s);
                }
            }
            for (Suite12 c : chacha) {
                out.remove(c);
                int at = out.size();
                for (int i = 0; i < out.size(); i++) {
                    if (out.get(i).isAesGcm() && out.get(i).keyExchange == c.keyExchange) {
                        at = i;
                        break;
                    }
                }
                out.add(at, c);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The ChaCha20 preference signal: true when the client lists a ChaCha20-Poly1305 suite (TLS 1.2 or
     * TLS 1.3) before any AES-GCM suite.
     */
    public static boolean clientPrefersChaCha20(List<CipherSuite> clientSuites) {
        for (CipherSuite cs : clientSuites) {
            if (cs.equals(CipherSuite.TLS_CHACHA20_POLY1305_SHA256)) {
                return true;
            }
            if (cs.equals(CipherSuite.TLS_AES_128_GCM_SHA256) || cs.equals(CipherSuite.TLS_AES_256_GCM_SHA384)) {
                return false;
            }
            Suite12 s = of(cs);
            if (s != null && s.isChaCha20()) {
                return true;
            }
            if (s != null && s.isAesGcm()) {
                return false;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return suite.toString();
    }
}
