package org.tls4j.crypto.cipher.legacy;

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
import org.tls4j.crypto.cipher.CavpFile;
import org.tls4j.testing.Vectors;

/**
 * RC4 known answers: RFC 6229 keystream at offsets 0 to 4096 for 80-bit keys (pyca's NIST-style file)
 * and OpenSSL's evpciph_rc4.txt (classic vectors and RFC 6229 offset-0 values for 40- and 128-bit keys).
 */
class Rc4VectorsTest {
    @Test
    void pycaArc4Folder() throws Exception {
        Set<String> present;
        try (Stream<Path> s = Files.list(Vectors.dir().resolve("pyca/ciphers/ARC4"))) {
            present = s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        // the folder holds only the 80-bit file; this fails when more are added, so they get run too
        assertEquals(new TreeSet<>(List.of("rfc-6229-80.txt")), present);
        List<CavpFile.Record> recs = CavpFile.read("pyca/ciphers/ARC4/rfc-6229-80.txt");
        int n = 0;
        for (CavpFile.Record r : recs) {
            int offset = Integer.parseInt(r.str("OFFSET"));
            byte[] pt = r.hex("PLAINTEXT");
            Rc4 rc4 = new Rc4(r.hex("KEY"));
            byte[] skip = new byte[offset];
            rc4.process(skip, 0, offset, skip, 0);
            byte[] out = new byte[pt.length];
            rc4.process(pt, 0, pt.length, out, 0);
            assertArrayEquals(r.hex("CIPHERTEXT"), out, r.toString());
            n++;
        }
        System.out.println("pyca ARC4/rfc-6229-80.txt: " + n + " records (the only file in pyca/ciphers/ARC4)");
        assertEquals(36, n);
    }

    @Test
    void opensslEvpciphRc4() throws Exception {
        List<CavpFile.Record> recs = CavpFile.read("openssl/evpciph_rc4.txt");
        int n = 0, other = 0;
        for (CavpFile.Record r : recs) {
            if (!r.has("Cipher")) {
                assertEquals(Set.of("Title"), r.fields.keySet(), r.toString());
                other++; // a "Title = ..." line
                continue;
            }
            // OpenSSL's "RC4-40" is plain RC4 with a 5-byte key
            String name = r.str("Cipher");
            if (name.equals("RC4-40")) {
                assertEquals(5, r.hex("Key").length, r.toString());
            } else {
                assertEquals("RC4", name, r.toString());
            }
            byte[] pt = r.hex("Plaintext");
            Rc4 rc4 = new Rc4(r.hex("Key"));
            byte[] out = new byte[pt.length];
            rc4.process(pt, 0, pt.length, out, 0);
            assertArrayEquals(r.hex("Ciphertext"), out, r.toString());
            // decryption is the same operation
            Rc4 back = new Rc4(r.hex("Key"));
            back.process(out, 0, out.length, out, 0);
            assertArrayEquals(pt, out);
            n++;
        }
        System.out.println("openssl evpciph_rc4.txt: " + n + " records (" + other + " Title lines)");
        assertEquals(11, n);
    }
}
