package org.tls4j.crypto.kdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.hash.Sha256;
import org.tls4j.crypto.hash.Sha384;
import org.tls4j.testing.Hex;

/** Every KDF refuses out-of-range inputs with a CryptoException, never an unchecked exception. */
class KdfValidationTest {
    private final Hkdf h = new Hkdf(new Sha256());
    private final byte[] secret = new byte[32];

    @Test
    void hkdfLimits() throws CryptoException {
        assertEquals(255 * 32, h.expand(secret, null, 255 * 32).length);
        assertThrows(CryptoException.class, () -> h.expand(secret, null, 255 * 32 + 1));
        assertThrows(CryptoException.class, () -> h.expand(secret, null, -1));
        assertThrows(CryptoException.class, () -> h.expand(new byte[31], null, 10));
        assertEquals(0, h.expand(secret, new byte[0], 0).length);
    }

    @Test
    void expandLabelLimits() throws CryptoException {
        String label249 = "a".repeat(249); // "tls13 " + 249 = 255 bytes: the maximum
        assertEquals(32, h.expandLabel(secret, label249, new byte[255], 32).length);
        assertThrows(CryptoException.class, () -> h.expandLabel(secret, label249 + "a", new byte[0], 32));
        assertThrows(CryptoException.class, () -> h.expandLabel(secret, "key", new byte[256], 32));
        assertThrows(CryptoException.class, () -> h.expandLabel(secret, "key", new byte[0], 0x10000));
        assertThrows(CryptoException.class, () -> h.deriveSecret(secret, "derived", new byte[31]));
        // The HkdfLabel encoding itself: RFC 8446, Section 7.1, for "derived" over SHA-256("").
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Hex.encode(h.emptyHash()));
        assertEquals(48, new Hkdf(new Sha384()).emptyHash().length);
    }

    @Test
    void prfLimits() {
        assertThrows(CryptoException.class, () -> Tls12Prf.sha256().derive(secret, "x", new byte[0], -1));
        assertThrows(CryptoException.class, () -> Tls10Prf.derive(secret, "x", new byte[0], -1));
        assertThrows(CryptoException.class, () -> Ssl3Prf.derive(secret, new byte[0], -1));
    }

    @Test
    void tls12PrfNamesItsHash() {
        assertEquals("SHA-256", Tls12Prf.sha256().hashAlgorithm());
        assertEquals("SHA-384", Tls12Prf.sha384().hashAlgorithm());
        assertEquals("SHA-256", h.hashAlgorithm());
        assertEquals(32, h.hashLength());
    }
}
