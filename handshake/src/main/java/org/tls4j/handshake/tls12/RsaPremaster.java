package org.tls4j.handshake.tls12;

import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.ct.ConstantTime;
import org.tls4j.crypto.rand.RandomSource;
import org.tls4j.crypto.rsa.RsaPkcs1Encryption;
import org.tls4j.crypto.rsa.RsaPrivateKey;
import org.tls4j.record.ProtocolVersion;

/**
 * The server side of RSA key transport with the countermeasure of RFC 5246, Section 7.4.7.1 against
 * Bleichenbacher's attack (1998) and its descendants (ROBOT 2017, Marvin 2023):
 *
 * <pre>
 * 1. Generate a string R of 48 random bytes
 * 2. Decrypt the message to recover the plaintext M
 * 3. If the PKCS#1 padding is not correct, or the length of message M is not exactly 48 bytes:
 *       pre_master_secret = R
 *    else If ClientHello.client_version &lt;= TLS 1.0, and version number check is explicitly disabled:
 *       pre_master_secret = M
 *    else:
 *       pre_master_secret = ClientHello.client_version || M[2..47]
 * </pre>
 *
 * This implementation takes the strict reading that RFC 5246 recommends and every current stack follows:
 * a premaster whose first two bytes are not ClientHello.client_version is treated exactly like bad padding
 * (the random R is used). It never branches on the outcome:
 * <ol>
 *   <li>R is drawn <em>first</em>, always, so the random source is consulted the same way every time;</li>
 *   <li>{@link RsaPkcs1Encryption#decryptTls} checks the padding without a branch and returns a 0/1 flag;</li>
 *   <li>the two version bytes are compared with {@link ConstantTime#eq}, folded into the flag with a
 *       bit-and;</li>
 *   <li>the result is R overwritten by M with {@link ConstantTime#ccopy} under that flag.</li>
 * </ol>
 * There is no exception, alert or early return that depends on the ciphertext's contents: a bad premaster
 * shows up only later, as a Finished that does not verify (decrypt_error / bad_record_mac), the same for
 * every kind of failure. The only branch is on the ciphertext <em>length</em> and range, which are public
 * ({@code decryptTls} returns 0 without the private operation for those).
 * constant-time: yes (given the constant-time RSA private operation of {@code RsaPrivateKey}).
 */
public final class RsaPremaster {
    /** The premaster secret length (RFC 5246, Section 7.4.7.1). */
    public static final int LENGTH = 48;

    private RsaPremaster() {}

    /**
     * The 48-byte premaster secret: the decrypted one when padding, length and version are all right,
     * else fresh random bytes, selected without a branch.
     *
     * @param clientVersion the client_version from ClientHello (not the negotiated version)
     * @throws CryptoException only for a destroyed key, a modulus too small for 48 bytes, or a failed
     *     fault check in the RSA private operation; never for anything the ciphertext contains
     */
    public static byte[] decrypt(RsaPrivateKey key, byte[] encrypted, ProtocolVersion clientVersion,
            RandomSource random) throws CryptoException {
        byte[] r = new byte[LENGTH];
        random.nextBytes(r, 0, LENGTH); // step 1, before anything else
        byte[] m = new byte[LENGTH];
        int good = RsaPkcs1Encryption.decryptTls(key, encrypted, 0, encrypted.length, m, 0, LENGTH);
        good &= ConstantTime.eq(m[0] & 0xff, clientVersion.major());
        good &= ConstantTime.eq(m[1] & 0xff, clientVersion.minor());
        ConstantTime.ccopy(good, r, 0, m, 0, LENGTH);
        ConstantTime.zero(m);
        return r;
    }
}
