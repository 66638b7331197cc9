package org.tls4j.crypto.cipher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tls4j.testing.Hex;
import org.tls4j.testing.Vectors;

/**
 * NIST CAVP AES known answers (nist-cavp/aes): every ECB and CBC file there, both directions. The
 * directory holds only the 128- and 256-bit files; AES-192 is covered by Wycheproof GCM/CCM/CBC and the
 * JDK comparison in {@link CipherModeProperties}.
 */
class AesCavpTest {
    static final String[] FILES = {"ECBGFSbox128.rsp", "ECBKeySbox128.rsp", "ECBVarKey128.rsp", "ECBVarTxt128.rsp",
        "ECBMMT128.rsp", "CBCMMT128.rsp", "ECBGFSbox256.rsp", "ECBKeySbox256.rsp", "ECBVarKey256.rsp",
        "ECBVarTxt256.rsp", "ECBMMT256.rsp", "CBCMMT256.rsp"};

    /** Every file in nist-cavp/aes is run by {@link #knownAnswers}; a new file fails here until it is added. */
    @Test
    void everyFileIsCovered() throws Exception {
        Set<String> present;
        try (Stream<Path> s = Files.list(Vectors.dir().resolve("nist-cavp/aes"))) {
            present = s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(new TreeSet<>(List.of(FILES)), present);
        System.out.println("nist-cavp aes: all " + FILES.length + " files run; the folder has no AES-192 files and"
                + " no Monte Carlo (*MCT*) files, so none are run (AES-192 is covered by Wycheproof and the JDK"
                + " comparison)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ECBGFSbox128.rsp", "ECBKeySbox128.rsp", "ECBVarKey128.rsp", "ECBVarTxt128.rsp",
            "ECBMMT128.rsp", "CBCMMT128.rsp", "ECBGFSbox256.rsp", "ECBKeySbox256.rsp", "ECBVarKey256.rsp",
            "ECBVarTxt256.rsp", "ECBMMT256.rsp", "CBCMMT256.rsp"})
    void knownAnswers(String file) throws Exception {
        List<CavpFile.Record> recs = CavpFile.read("nist-cavp/aes/" + file);
        boolean cbc = file.startsWith("CBC");
        int enc = 0, dec = 0;
        for (CavpFile.Record r : recs) {
            byte[] key = r.hex("KEY");
            byte[] pt = r.hex("PLAINTEXT");
            byte[] ct = r.hex("CIPHERTEXT");
            assertEquals(0, pt.length % 16, r.toString());
            AesCt64 aes = new AesCt64(key);
            byte[] out = new byte[pt.length];
            if (r.section.equals("ENCRYPT")) {
                if (cbc) {
                    new Cbc(aes).encrypt(r.hex("IV"), 0, pt, 0, pt.length, out, 0);
                } else {
                    aes.encryptBlocks(pt, 0, out, 0, pt.length / 16);
                }
                assertArrayEquals(ct, out, () -> file + " " + r + " got " + Hex.encode(out));
                enc++;
            } else if (r.section.equals("DECRYPT")) {
                if (cbc) {
                    new Cbc(aes).decrypt(r.hex("IV"), 0, ct, 0, ct.length, out, 0);
                } else {
                    aes.decryptBlocks(ct, 0, out, 0, ct.length / 16);
                }
                assertArrayEquals(pt, out, () -> file + " " + r + " got " + Hex.encode(out));
                dec++;
            } else {
                throw new AssertionError("unknown section " + r);
            }
            aes.destroy();
        }
        System.out.printf("nist-cavp aes/%s: %d records (%d encrypt, %d decrypt)%n", file, enc + dec, enc, dec);
        assertEquals(recs.size(), enc + dec);
    }
}
