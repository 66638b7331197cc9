package org.tls4j.crypto.cipher.legacy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tls4j.crypto.cipher.BlockCipher;
import org.tls4j.crypto.cipher.Cbc;
import org.tls4j.crypto.cipher.CavpFile;
import org.tls4j.testing.Hex;
import org.tls4j.testing.Vectors;

/**
 * NIST CAVP TDES files (nist-cavp/tdes), ECB and CBC, both directions. MMT3 has three independent keys
 * (the TLS case), MMT2 has K1 = K3 and MMT1 K1 = K2 = K3; all go through {@link Des3} with the 24-byte
 * key K1 || K2 || K3. The KAT files (one key, {@code KEYs}) run through single {@link Des} and through
 * {@link Des3} with K || K || K, which must agree.
 */
class TdesCavpTest {
    static final String[] FILES = {"TECBMMT1.rsp", "TECBMMT2.rsp", "TECBMMT3.rsp", "TCBCMMT1.rsp", "TCBCMMT2.rsp",
        "TCBCMMT3.rsp", "TECBinvperm.rsp", "TECBpermop.rsp", "TECBsubtab.rsp", "TECBvarkey.rsp", "TECBvartext.rsp",
        "TCBCinvperm.rsp", "TCBCpermop.rsp", "TCBCsubtab.rsp", "TCBCvarkey.rsp", "TCBCvartext.rsp"};

    @Test
    void everyFileIsCovered() throws Exception {
        Set<String> present;
        try (Stream<Path> s = Files.list(Vectors.dir().resolve("nist-cavp/tdes"))) {
            present = s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(new TreeSet<>(List.of(FILES)), present);
        System.out.println("nist-cavp tdes: all " + FILES.length + " files run; the folder has no Monte Carlo"
                + " (*Monte*) files, so none are run");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TECBMMT1.rsp", "TECBMMT2.rsp", "TECBMMT3.rsp", "TCBCMMT1.rsp", "TCBCMMT2.rsp",
        "TCBCMMT3.rsp", "TECBinvperm.rsp", "TECBpermop.rsp", "TECBsubtab.rsp", "TECBvarkey.rsp", "TECBvartext.rsp",
        "TCBCinvperm.rsp", "TCBCpermop.rsp", "TCBCsubtab.rsp", "TCBCvarkey.rsp", "TCBCvartext.rsp"})
    void knownAnswers(String file) throws Exception {
        List<CavpFile.Record> recs = CavpFile.read("nist-cavp/tdes/" + file);
        boolean cbc = file.startsWith("TCBC");
        int enc = 0, dec = 0, singleDes = 0;
        for (CavpFile.Record r : recs) {
            byte[] key;
            boolean kat = r.has("KEYs");
            if (kat) {
                byte[] k = r.hex("KEYs");
                key = new byte[24];
                for (int i = 0; i < 3; i++) {
                    System.arraycopy(k, 0, key, 8 * i, 8);
                }
            } else {
                key = new byte[24];
                System.arraycopy(r.hex("KEY1"), 0, key, 0, 8);
                System.arraycopy(r.hex("KEY2"), 0, key, 8, 8);
                System.arraycopy(r.hex("KEY3"), 0, key, 16, 8);
            }
            boolean encrypt = r.section.equals("ENCRYPT");
            if (!encrypt && !r.section.equals("DECRYPT")) {
                throw new AssertionError("unknown section " + r);
            }
            byte[] in = r.hex(encrypt ? "PLAINTEXT" : "CIPHERTEXT");
            byte[] expected = r.hex(encrypt ? "CIPHERTEXT" : "PLAINTEXT");
            byte[] iv = cbc ? r.hex("IV") : null;
            assertArrayEquals(expected, run(new Des3(key), cbc, encrypt, iv, in), () -> file + " " + r);
            if (kat) {
                assertArrayEquals(expected, run(new Des(Arrays.copyOf(key, 8)), cbc, encrypt, iv, in),
                        () -> file + " single DES " + r);
                singleDes++;
            }
            if (encrypt) {
                enc++;
            } else {
                dec++;
            }
        }
        System.out.printf("nist-cavp tdes/%s: %d records (%d encrypt, %d decrypt; %d also as single DES)%n", file,
                enc + dec, enc, dec, singleDes);
        assertEquals(recs.size(), enc + dec);
    }

    static byte[] run(BlockCipher c, boolean cbc, boolean encrypt, byte[] iv, byte[] in) throws Exception {
        byte[] out = new byte[in.length];
        if (cbc) {
            Cbc m = new Cbc(c);
            if (encrypt) {
                m.encrypt(iv, 0, in, 0, in.length, out, 0);
            } else {
                m.decrypt(iv, 0, in, 0, in.length, out, 0);
            }
        } else {
            for (int off = 0; off < in.length; off += 8) {
                if (encrypt) {
                    c.encryptBlock(in, off, out, off);
                } else {
                    c.decryptBlock(in, off, out, off);
                }
            }
        }
        c.destroy();
        return out;
    }
}
