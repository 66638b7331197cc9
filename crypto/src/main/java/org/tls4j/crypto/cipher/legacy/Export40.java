package org.tls4j.crypto.cipher.legacy;

import org.tls4j.crypto.CryptoException;

/**
 * The ciphers of the 40-bit export suites, keyed with the final keys of {@link
 * org.tls4j.crypto.kdf.ExportKeys}: {@code RC4_40} (16-byte key into {@link Rc4}), {@code RC2_CBC_40}
 * (16-byte key into {@link Rc2}, effective key bits 128) and {@code DES40_CBC} (8-byte key into {@link Des},
 * parity bits ignored). The ciphers are the ordinary ones; what makes them "40-bit" is that the key came
 * from 5 secret bytes and public data. The checks here only pin the key sizes of RFC 2246, Appendix C
 * ("Expanded Key Material": 16, 16 and 8) and of the SSL 2.0 export kinds (16).
 *
 * <p><b>Broken; TLS keeps export suites off by default.</b> 40 secret key bits fall to exhaustive search in
 * minutes; FREAK (2015) downgraded clients to export RSA. TLS 1.1 (RFC 4346) forbids export suites.
 *
 * <p>constant-time: as the underlying cipher (RC4: no; RC2 and DES: yes).
 */
public final class Export40 {
    /** The final key size of RC4_40 and RC2_CBC_40 (RFC 2246, Appendix C; SSL 2.0 export kinds). */
    public static final int RC_KEY_LENGTH = 16;
    /** The final key size of DES40_CBC (RFC 2246, Appendix C). */
    public static final int DES_KEY_LENGTH = 8;

    private Export40() {}

    /** RC4_40: RC4 keyed with the 16-byte final key. */
    public static Rc4 rc4(byte[] finalKey) throws CryptoException {
        check(finalKey, RC_KEY_LENGTH, "RC4_40");
        return new Rc4(finalKey);
    }

    /**
     * RC2_CBC_40 (SSL 3.0, TLS 1.0) and RC2_128_CBC_EXPORT40 (SSL 2.0): RC2 keyed with the 16-byte final key,
     * effective key bits 128, as the SSL libraries of the time did (see {@link Rc2}).
     */
    public static Rc2 rc2(byte[] finalKey) throws CryptoException {
        check(finalKey, RC_KEY_LENGTH, "RC2_CBC_40");
        return new Rc2(finalKey, 128);
    }

    /** DES40_CBC: DES keyed with the 8-byte final key (its parity bits ignored, like any DES key). */
    public static Des des(byte[] finalKey) throws CryptoException {
        check(finalKey, DES_KEY_LENGTH, "DES40_CBC");
        return new Des(finalKey);
    }

    private static void check(byte[] key, int len, String what) throws CryptoException {
        if (key == null || key.length != len) {
            throw new CryptoException(what + ": final key must be " + len + " bytes");
        }
    }
}
