package org.tls4j.crypto.kdf;

import java.util.Arrays;
import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.hash.Md5;

/**
 * The key derivations of the 40-bit "export" cipher suites of SSL 2.0, SSL 3.0 and TLS 1.0.
 *
 * <p><b>Broken by design; TLS keeps export suites off by default.</b> US export rules before 2000 allowed
 * 40 secret key bits, so these derivations stretch a 5-byte secret into a full-size cipher key with public
 * data: the result has only 2^40 possible values, found by exhaustive search in minutes on one PC. FREAK
 * (Beurdouche et al., "A Messy State of the Union", 2015) showed that clients could be tricked into
 * accepting export RSA key exchange from servers that still offered it, and Logjam (2015) did the same
 * for export Diffie-Hellman. TLS 1.1 (RFC 4346, Appendix A.5) forbids negotiating export suites. tls4j
 * keeps these functions for studying and testing old peers only; no suite using them is enabled by default.
 *
 * <p>Three derivations:
 * <ul>
 * <li><b>SSL 3.0</b> (RFC 6101, Section 6.2.2.3): the key block yields 5-byte write keys, then
 * <pre>
 * final_client_write_key = MD5(client_write_key + ClientHello.random + ServerHello.random)
 * final_server_write_key = MD5(server_write_key + ServerHello.random + ClientHello.random)
 * client_write_IV        = MD5(ClientHello.random + ServerHello.random)
 * server_write_IV        = MD5(ServerHello.random + ClientHello.random)
 * </pre>
 * each truncated to the cipher's key or IV size (16 bytes for RC4 and RC2, 8 for DES40).</li>
 * <li><b>TLS 1.0</b> (RFC 2246, Section 6.3.1), with the TLS 1.0 PRF ({@link Tls10Prf}):
 * <pre>
 * final_client_write_key = PRF(client_write_key, "client write key", client_random + server_random)
 * final_server_write_key = PRF(server_write_key, "server write key", client_random + server_random)
 * iv_block               = PRF("", "IV block", client_random + server_random)
 * </pre>
 * where iv_block is split into client_write_IV then server_write_IV. Note both key derivations use the
 * randoms in the same order, unlike SSL 3.0.</li>
 * <li><b>SSL 2.0</b> (draft-hickman-netscape-ssl-00, "Cipher Kind" and CLIENT-MASTER-KEY): the client sends
 * the 16-byte master key as CLEAR-KEY-DATA (11 bytes, in the clear) and SECRET-KEY-DATA (5 bytes, RSA
 * encrypted); {@code MASTER-KEY = CLEAR-KEY-DATA || SECRET-KEY-DATA} and
 * <pre>
 * KEY-MATERIAL-i = MD5(MASTER-KEY || "i" || CHALLENGE || CONNECTION-ID)     ("i" the ASCII digit i)
 * </pre>
 * concatenated for i = 0, 1, ...; CLIENT-READ-KEY (= SERVER-WRITE-KEY) is the first key-length bytes and
 * CLIENT-WRITE-KEY (= SERVER-READ-KEY) the next. The IV is not derived: SSL 2.0 sends it in the clear
 * (KEY-ARG-DATA). The same formula serves the non-export SSL 2.0 kinds, where CLEAR-KEY-DATA is empty.</li>
 * </ul>
 *
 * <p>The derived keys go into the ordinary ciphers: a 16-byte key into {@link
 * org.tls4j.crypto.cipher.legacy.Rc4} (RC4_40), a 16-byte key into {@link
 * org.tls4j.crypto.cipher.legacy.Rc2} (RC2_CBC_40), an 8-byte key into {@link
 * org.tls4j.crypto.cipher.legacy.Des} (DES40_CBC); see {@link org.tls4j.crypto.cipher.legacy.Export40}.
 *
 * <p>constant-time: yes. MD5 and the PRF are constant-time; every length is public.
 */
public final class ExportKeys {
    /** The length of ClientHello.random and ServerHello.random (RFC 6101 and RFC 2246, Section 7.4.1.2). */
    public static final int RANDOM_LENGTH = 32;
    /** The largest final key or IV these functions produce: one MD5 output, more than any export cipher needs. */
    public static final int MAX_LENGTH = 16;
    /** The largest SSL 2.0 key material: KEY-MATERIAL-0..9 (one ASCII digit each). */
    public static final int SSL2_MAX_KEY_MATERIAL = 10 * 16;

    private ExportKeys() {}

    // ---------------------------------------------------------------- SSL 3.0 (RFC 6101, Section 6.2.2.3)

    /** SSL 3.0 final_client_write_key: MD5(client_write_key + ClientHello.random + ServerHello.random), truncated. */
    public static byte[] ssl3FinalClientWriteKey(byte[] clientWriteKey, byte[] clientRandom, byte[] serverRandom,
            int length) throws CryptoException {
        checkKey(clientWriteKey);
        checkRandoms(clientRandom, serverRandom);
        return md5(length, clientWriteKey, clientRandom, serverRandom);
    }

    /** SSL 3.0 final_server_write_key: MD5(server_write_key + ServerHello.random + ClientHello.random), truncated. */
    public static byte[] ssl3FinalServerWriteKey(byte[] serverWriteKey, byte[] clientRandom, byte[] serverRandom,
            int length) throws CryptoException {
        checkKey(serverWriteKey);
        checkRandoms(clientRandom, serverRandom);
        return md5(length, serverWriteKey, serverRandom, clientRandom);
    }

    /** SSL 3.0 export client_write_IV: MD5(ClientHello.random + ServerHello.random), truncated (public data only). */
    public static byte[] ssl3ClientWriteIv(byte[] clientRandom, byte[] serverRandom, int length) throws CryptoException {
        checkRandoms(clientRandom, serverRandom);
        return md5(length, clientRandom, serverRandom);
    }

    /** SSL 3.0 export server_write_IV: MD5(ServerHello.random + ClientHello.random), truncated (public data only). */
    public static byte[] ssl3ServerWriteIv(byte[] clientRandom, byte[] serverRandom, int length) throws CryptoException {
        checkRandoms(clientRandom, serverRandom);
        return md5(length, serverRandom, clientRandom);
    }

    // ---------------------------------------------------------------- TLS 1.0 (RFC 2246, Section 6.3.1)

    /** TLS 1.0 final_client_write_key: PRF(client_write_key, "client write key", client_random + server_random). */
    public static byte[] tls10FinalClientWriteKey(byte[] clientWriteKey, byte[] clientRandom, byte[] serverRandom,
            int length) throws CryptoException {
        checkKey(clientWriteKey);
        checkRandoms(clientRandom, serverRandom);
        checkLength(length, 1);
        return Tls10Prf.derive(clientWriteKey, "client write key", concat(clientRandom, serverRandom), length);
    }

    /** TLS 1.0 final_server_write_key: PRF(server_write_key, "server write key", client_random + server_random). */
    public static byte[] tls10FinalServerWriteKey(byte[] serverWriteKey, byte[] clientRandom, byte[] serverRandom,
            int length) throws CryptoException {
        checkKey(serverWriteKey);
        checkRandoms(clientRandom, serverRandom);
        checkLength(length, 1);
        return Tls10Prf.derive(serverWriteKey, "server write key", concat(clientRandom, serverRandom), length);
    }

    /**
     * TLS 1.0 export iv_block: PRF("", "IV block", client_random + server_random) of {@code 2 * ivLength}
     * bytes, client_write_IV first, then server_write_IV. Public data only: an export IV is no secret.
     */
    public static byte[] tls10IvBlock(byte[] clientRandom, byte[] serverRandom, int ivLength) throws CryptoException {
        checkRandoms(clientRandom, serverRandom);
        checkLength(ivLength, 0);
        return Tls10Prf.derive(new byte[0], "IV block", concat(clientRandom, serverRandom), 2 * ivLength);
    }

    // ---------------------------------------------------------------- SSL 2.0 (draft-hickman-netscape-ssl-00)

    /**
     * MASTER-KEY = CLEAR-KEY-DATA || SECRET-KEY-DATA (CLIENT-MASTER-KEY). For the export kinds the clear part
     * is 11 bytes and the secret part 5; for the others the clear part is empty.
     *
     * @throws CryptoException if the master key would be empty or longer than 32 bytes (the largest SSL 2.0
     *     cipher kind, DES-EDE3, needs 24)
     */
    public static byte[] ssl2MasterKey(byte[] clearKeyData, byte[] secretKeyData) throws CryptoException {
        if (clearKeyData == null || secretKeyData == null || secretKeyData.length == 0
                || clearKeyData.length + secretKeyData.length > 32) {
            throw new CryptoException("SSL 2.0 master key: need 1 to 32 bytes with a non-empty secret part");
        }
        return concat(clearKeyData, secretKeyData);
    }

    /**
     * The first {@code length} bytes of KEY-MATERIAL-0 || KEY-MATERIAL-1 || ..., with
     * KEY-MATERIAL-i = MD5(MASTER-KEY || "i" || CHALLENGE || CONNECTION-ID). For a cipher with a k-byte key ask
     * for 2k bytes: CLIENT-READ-KEY is bytes 0..k-1, CLIENT-WRITE-KEY bytes k..2k-1.
     *
     * @param challenge the CLIENT-HELLO challenge data, 16 to 32 bytes
     * @param connectionId the SERVER-HELLO connection id, 16 to 32 bytes
     * @throws CryptoException for a bad length
     */
    public static byte[] ssl2KeyMaterial(byte[] masterKey, byte[] challenge, byte[] connectionId, int length)
            throws CryptoException {
        if (masterKey == null || masterKey.length < 1 || masterKey.length > 32) {
            throw new CryptoException("SSL 2.0 key material: master key must be 1 to 32 bytes");
        }
        if (challenge == null || challenge.length < 16 || challenge.length > 32) {
            throw new CryptoException("SSL 2.0 key material: challenge must be 16 to 32 bytes");
        }
        if (connectionId == null || connectionId.length < 16 || connectionId.length > 32) {
            throw new CryptoException("SSL 2.0 key material: connection id must be 16 to 32 bytes");
        }
        if (length < 1 || length > SSL2_MAX_KEY_MATERIAL) {
            throw new CryptoException("SSL 2.0 key material: length must be 1 to " + SSL2_MAX_KEY_MATERIAL);
        }
        byte[] out = new byte[length];
        byte[] block = new byte[16];
        Md5 md5 = new Md5();
        for (int i = 0; i * 16 < length; i++) {
            md5.update(masterKey, 0, masterKey.length);
            md5.update((byte) ('0' + i));
            md5.update(challenge, 0, challenge.length);
            md5.update(connectionId, 0, connectionId.length);
            md5.digest(block, 0);
            System.arraycopy(block, 0, out, 16 * i, Math.min(16, length - 16 * i));
        }
        Arrays.fill(block, (byte) 0);
        return out;
    }

    // ---------------------------------------------------------------- helpers

    private static void checkKey(byte[] writeKey) throws CryptoException {
        if (writeKey == null || writeKey.length < 1 || writeKey.length > MAX_LENGTH) {
            throw new CryptoException("export key derivation: write key must be 1 to " + MAX_LENGTH
                    + " bytes (5 for every export suite)");
        }
    }

    private static void checkRandoms(byte[] clientRandom, byte[] serverRandom) throws CryptoException {
        if (clientRandom == null || serverRandom == null || clientRandom.length != RANDOM_LENGTH
                || serverRandom.length != RANDOM_LENGTH) {
            throw new CryptoException("export key derivation: hello randoms must be " + RANDOM_LENGTH + " bytes");
        }
    }

    private static void checkLength(int length, int min) throws CryptoException {
        if (length < min || length > MAX_LENGTH) {
            throw new CryptoException("export key derivation: output length must be " + min + " to " + MAX_LENGTH
                    + ", got " + length);
        }
    }

    private static byte[] md5(int length, byte[]... parts) throws CryptoException {
        checkLength(length, 0);
        Md5 md5 = new Md5();
        for (byte[] p : parts) {
            md5.update(p, 0, p.length);
        }
        byte[] full = md5.digest();
        byte[] out = Arrays.copyOf(full, length);
        Arrays.fill(full, (byte) 0);
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = new byte[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
