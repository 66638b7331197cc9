package org.tls4j.handshake.tls12;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tls4j.crypto.rand.RandomSource;
import org.tls4j.crypto.rsa.RsaPkcs1Encryption;
import org.tls4j.crypto.rsa.RsaPrivateKey;
import org.tls4j.crypto.rsa.RsaTlsStepCounter;
import org.tls4j.record.ProtocolVersion;

/**
 * The RFC 5246, Section 7.4.7.1 countermeasure: the right premaster for a good ciphertext, the random R
 * for bad padding, a wrong plaintext length or a wrong version, and the same observable path for all of
 * them: one 48-byte draw from the random source, made before the RSA operation, and the same number of
 * padding-check steps inside {@code decryptTls} (its own counter).
 */
class RsaPremasterTest {
    static RsaPrivateKey key;
    static final Random RND = new Random(7471);
    static final RandomSource SRC = (b, off, len) -> {
        for (int i = 0; i < len; i++) {
            b[off + i] = (byte) RND.nextInt();
        }
    };

    @BeforeAll
    static void makeKey() throws Exception {
        key = RsaPrivateKey.generate(2048, SRC);
    }

    /** Records each draw (its length and the decryptTls step count at that moment). */
    static final class CountingRandom implements RandomSource {
        final List<long[]> draws = new ArrayList<>();
        byte[] last;

        @Override
        public void nextBytes(byte[] out, int off, int len) {
            draws.add(new long[] {len, RsaTlsStepCounter.steps()});
            SRC.nextBytes(out, off, len);
            last = Arrays.copyOfRange(out, off, off + len);
        }
    }

    record Outcome(byte[] premaster, byte[] r, long steps) {}

    static Outcome run(byte[] ciphertext, ProtocolVersion clientVersion) throws Exception {
        CountingRandom cr = new CountingRandom();
        long before = RsaTlsStepCounter.steps();
        byte[] pm = RsaPremaster.decrypt(key, ciphertext, clientVersion, cr);
        long steps = RsaTlsStepCounter.steps() - before;
        assertEquals(1, cr.draws.size(), "exactly one draw");
        assertEquals(48, cr.draws.get(0)[0], "of 48 bytes");
        assertEquals(before, cr.draws.get(0)[1], "drawn before the RSA decryption");
        assertEquals(48, pm.length);
        return new Outcome(pm, cr.last, steps);
    }

    static byte[] premaster(int major, int minor) {
        byte[] pm = new byte[48];
        SRC.nextBytes(pm, 0, 48);
        pm[0] = (byte) major;
        pm[1] = (byte) minor;
        return pm;
    }

    @Test
    void everyOutcomeTakesTheSamePath() throws Exception {
        byte[] good = premaster(3, 3);
        Outcome ok = run(RsaPkcs1Encryption.encrypt(key.publicKey(), good, SRC), ProtocolVersion.TLS12);
        assertArrayEquals(good, ok.premaster(), "valid: the client's premaster");

        byte[] old = premaster(3, 1);
        Outcome wrongVersion = run(RsaPkcs1Encryption.encrypt(key.publicKey(), old, SRC), ProtocolVersion.TLS12);
        assertArrayEquals(wrongVersion.r(), wrongVersion.premaster(), "wrong version: R");

        Outcome minorOnly = run(RsaPkcs1Encryption.encrypt(key.publicKey(), premaster(3, 3), SRC),
                ProtocolVersion.TLS11);
        assertArrayEquals(minorOnly.r(), minorOnly.premaster(), "version rollback: R");

        byte[] shortPm = Arrays.copyOf(good, 47);
        Outcome wrongLength = run(RsaPkcs1Encryption.encrypt(key.publicKey(), shortPm, SRC), ProtocolVersion.TLS12);
        assertArrayEquals(wrongLength.r(), wrongLength.premaster(), "47-byte plaintext: R");

        byte[] junk = new byte[key.byteLength()];
        SRC.nextBytes(junk, 0, junk.length);
        junk[0] = 0; // below n: the private operation runs, the padding is garbage
        Outcome badPadding = run(junk, ProtocolVersion.TLS12);
        assertArrayEquals(badPadding.r(), badPadding.premaster(), "bad padding: R");

        for (Outcome o : List.of(wrongVersion, minorOnly, wrongLength, badPadding)) {
            assertEquals(ok.steps(), o.steps(), "same number of constant-time steps");
        }
        System.out.println("RsaPremaster: " + ok.steps() + " decryptTls steps for every outcome");
    }
}
