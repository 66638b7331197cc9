package org.tls4j.crypto.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The Digest/Xof contract details: names, lengths, restore() checks, state errors. */
class DigestApiTest {
    @Test
    void namesAndLengths() {
        Object[][] expected = {
            {new Md5(), "MD5", 16, 64}, {new Sha1(), "SHA-1", 20, 64}, {new Sha224(), "SHA-224", 28, 64},
            {new Sha256(), "SHA-256", 32, 64}, {new Sha384(), "SHA-384", 48, 128}, {new Sha512(), "SHA-512", 64, 128},
            {new Sha3(224), "SHA3-224", 28, 144}, {new Sha3(256), "SHA3-256", 32, 136},
            {new Sha3(384), "SHA3-384", 48, 104}, {new Sha3(512), "SHA3-512", 64, 72},
        };
        for (Object[] e : expected) {
            Digest d = (Digest) e[0];
            assertEquals(e[1], d.algorithm());
            assertEquals(e[2], d.digestLength(), d.algorithm());
            assertEquals(e[3], d.blockLength(), d.algorithm());
            assertEquals(d.getClass(), d.copy().getClass());
        }
        assertEquals(168, Shake.shake128().rate());
        assertEquals(136, Shake.shake256().rate());
        assertEquals("SHAKE256", Shake.shake256().algorithm());
    }

    @Test
    void unknownNameIsACheckedError() {
        assertThrows(org.tls4j.crypto.CryptoException.class, () -> Digests.forName("SHA-999"));
    }

    @Test
    void restoreRefusesAnotherAlgorithm() {
        assertThrows(IllegalArgumentException.class, () -> new Sha256().restore(new Sha224()));
        assertThrows(IllegalArgumentException.class, () -> new Sha3(256).restore(new Sha3(512)));
        assertThrows(IllegalArgumentException.class, () -> new Sha3(256).restore(new Sha256()));
        assertThrows(IllegalArgumentException.class, () -> new Sha3(100));
    }

    @Test
    void shakeRefusesAbsorbAfterSqueeze() {
        Shake x = Shake.shake128();
        x.absorb(new byte[3]);
        x.squeeze(1);
        assertThrows(IllegalStateException.class, () -> x.absorb((byte) 1));
        x.reset();
        x.absorb((byte) 1);
    }

    @Test
    void rangeChecks() {
        Sha256 d = new Sha256();
        assertThrows(IndexOutOfBoundsException.class, () -> d.update(new byte[4], 2, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> d.update(new byte[4], -1, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> d.digest(new byte[40], 9));
    }
}
