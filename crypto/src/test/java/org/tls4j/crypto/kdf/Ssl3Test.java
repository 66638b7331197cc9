package org.tls4j.crypto.kdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.hash.Md5;
import org.tls4j.crypto.hash.Sha1;
import org.tls4j.crypto.hash.Sha256;
import org.tls4j.crypto.mac.Ssl3Mac;

/**
 * SSL 3.0 key derivation and MAC. The shared vectors have no SSL 3.0 files (the vectors README lists
 * none), so both are checked against a straightforward recomputation of the RFC 6101 formulas written
 * here with the JDK's MessageDigest (Sections 5.2.3.1, 6.1 and 6.2.2).
 */
class Ssl3Test {
    @Property(tries = 100)
    void keyDerivationMatchesRfc6101(@ForAll @Size(max = 64) byte[] secret, @ForAll @Size(max = 80) byte[] seed,
            @ForAll @IntRange(min = 0, max = Ssl3Prf.MAX_OUTPUT) int len) throws Exception {
        assertArrayEquals(oracleDerive(secret, seed, len), Ssl3Prf.derive(secret, seed, len));
    }

    @Test
    void masterSecretAndKeyBlockUseTheRfcOrderOfRandoms() throws Exception {
        byte[] pre = new byte[48];
        byte[] cr = new byte[32];
        byte[] sr = new byte[32];
        for (int i = 0; i < 32; i++) {
            cr[i] = (byte) i;
            sr[i] = (byte) (0x80 + i);
        }
        pre[0] = 3;
        byte[] ms = Ssl3Prf.masterSecret(pre, cr, sr);
        assertArrayEquals(oracleDerive(pre, concat(cr, sr), 48), ms);
        assertArrayEquals(oracleDerive(ms, concat(sr, cr), 104), Ssl3Prf.keyBlock(ms, sr, cr, 104));
        assertThrows(CryptoException.class, () -> Ssl3Prf.derive(pre, cr, Ssl3Prf.MAX_OUTPUT + 1));
        assertThrows(CryptoException.class, () -> Ssl3Prf.derive(pre, cr, -1));
    }

    @Property(tries = 100)
    void macMatchesRfc6101(@ForAll @Size(min = 16, max = 20) byte[] secret, @ForAll @Size(max = 300) byte[] record,
            @ForAll boolean sha) throws Exception {
        Ssl3Mac mac = new Ssl3Mac(sha ? new Sha1() : new Md5(), secret);
        mac.update(record);
        byte[] first = mac.doFinal();
        assertArrayEquals(oracleMac(sha ? "SHA-1" : "MD5", secret, record), first);
        mac.update(record); // the key survives doFinal
        assertArrayEquals(first, mac.doFinal());
        mac.destroy();
    }

    @Test
    void macRefusesOtherHashes() {
        assertThrows(CryptoException.class, () -> new Ssl3Mac(new Sha256(), new byte[32]));
    }

    private static byte[] oracleMac(String alg, byte[] secret, byte[] data) throws Exception {
        int padLen = alg.equals("MD5") ? 48 : 40;
        MessageDigest md = MessageDigest.getInstance(alg);
        md.update(secret);
        for (int i = 0; i < padLen; i++) {
            md.update((byte) 0x36);
        }
        md.update(data);
        byte[] inner = md.digest();
        md.update(secret);
        for (int i = 0; i < padLen; i++) {
            md.update((byte) 0x5c);
        }
        md.update(inner);
        return md.digest();
    }

    private static byte[] oracleDerive(byte[] secret, byte[] seed, int len) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] salts = {"A", "BB", "CCC", "DDDD", "EEEEE", "FFFFFF", "GGGGGGG", "HHHHHHHH", "IIIIIIIII",
            "JJJJJJJJJJ", "KKKKKKKKKKK", "LLLLLLLLLLLL", "MMMMMMMMMMMMM", "NNNNNNNNNNNNNN", "OOOOOOOOOOOOOOO",
            "PPPPPPPPPPPPPPPP", "QQQQQQQQQQQQQQQQQ", "RRRRRRRRRRRRRRRRRR", "SSSSSSSSSSSSSSSSSSS",
            "TTTTTTTTTTTTTTTTTTTT", "UUUUUUUUUUUUUUUUUUUUU", "VVVVVVVVVVVVVVVVVVVVVV", "WWWWWWWWWWWWWWWWWWWWWWW",
            "XXXXXXXXXXXXXXXXXXXXXXXX", "YYYYYYYYYYYYYYYYYYYYYYYYY", "ZZZZZZZZZZZZZZZZZZZZZZZZZZ"};
        for (int i = 0; out.size() < len; i++) {
            MessageDigest sha = MessageDigest.getInstance("SHA-1");
            sha.update(salts[i].getBytes("US-ASCII"));
            sha.update(secret);
            sha.update(seed);
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(secret);
            md5.update(sha.digest());
            out.write(md5.digest());
        }
        byte[] all = out.toByteArray();
        assertEquals(true, all.length >= len);
        return java.util.Arrays.copyOf(all, len);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = new byte[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
