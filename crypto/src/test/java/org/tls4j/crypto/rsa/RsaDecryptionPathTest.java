package org.tls4j.crypto.rsa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.ct.ConstantTime;
import org.tls4j.crypto.math.Modulus;

/**
 * The TLS decryption path does the same operations for good and bad padding: the same number of Montgomery
 * multiplications (private operation, fault check) and the same number of padding-check steps. This asserts
 * the code path, not the wall time.
 */
class RsaDecryptionPathTest {

    /** Encrypts a raw EM (any padding, good or bad) with the public key. */
    private static byte[] rawEncrypt(RsaPublicKey pub, byte[] em) {
        return Rsa.i2osp(new BigInteger(1, em).modPow(pub.publicExponent(), pub.modulus()), pub.byteLength());
    }

    private static byte[] goodEm(int k, byte[] pms) {
        byte[] em = new byte[k];
        em[1] = 2;
        for (int i = 2; i < k - 49; i++) {
            em[i] = (byte) (1 + (i % 250));
        }
        System.arraycopy(pms, 0, em, k - 48, 48);
        return em;
    }

    @Test
    void sameOperationsForGoodAndBadPadding() throws CryptoException {
        RsaPrivateKey key = TestKeys.rsa2048();
        RsaPublicKey pub = key.publicKey();
        int k = pub.byteLength();
        byte[] pms = new byte[48];
        for (int i = 0; i < 48; i++) {
            pms[i] = (byte) (i * 7 + 3);
        }
        pms[0] = 3;
        pms[1] = 3;
        List<byte[]> bad = new ArrayList<>();
        byte[] e;
        e = goodEm(k, pms); e[0] = 1; bad.add(e);            // first byte not zero
        e = goodEm(k, pms); e[1] = 1; bad.add(e);            // block type 1
        e = goodEm(k, pms); e[k - 49] = 7; bad.add(e);       // no separator
        e = goodEm(k, pms); e[5] = 0; bad.add(e);            // zero inside PS (wrong length)
        e = goodEm(k, pms); e[k - 50] = 0; e[k - 49] = 1; bad.add(e); // 49-byte message
        e = new byte[k]; e[1] = 2; bad.add(e);               // all zero after the type

        long[] goodCost = run(key, rawEncrypt(pub, goodEm(k, pms)), pms, 1);
        for (byte[] em : bad) {
            long[] cost = run(key, rawEncrypt(pub, em), null, 0);
            assertArrayEquals(goodCost, cost, "bad padding took another path");
        }
        System.out.printf("rsa decryptTls path: %d Montgomery multiplications and %d padding steps for good and"
                + " %d kinds of bad padding%n", goodCost[0], goodCost[1], bad.size());
    }

    private static long[] run(RsaPrivateKey key, byte[] ct, byte[] expected, int expectedFlag) throws CryptoException {
        byte[] random = new byte[48];
        java.util.Arrays.fill(random, (byte) 0x77);
        byte[] out = random.clone(); // the RFC 5246 pattern: pre-filled with the random premaster
        long mm0 = Modulus.montMulCount();
        long st0 = RsaPkcs1Encryption.tlsSteps;
        int flag = RsaPkcs1Encryption.decryptTls(key, ct, 0, ct.length, out, 0, 48);
        long mm = Modulus.montMulCount() - mm0;
        long st = RsaPkcs1Encryption.tlsSteps - st0;
        assertEquals(expectedFlag, flag);
        assertArrayEquals(expected != null ? expected : random, out);
        // the handshake's substitution is idempotent here:
        ConstantTime.ccopy(ConstantTime.not(flag), out, 0, random, 0, 48);
        assertArrayEquals(expected != null ? expected : random, out);
        return new long[] {mm, st};
    }
}
