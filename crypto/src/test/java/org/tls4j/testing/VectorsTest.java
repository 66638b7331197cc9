package org.tls4j.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class VectorsTest {
    @Test
    void vectorsFolderIsFoundThroughTheProperty() {
        Path d = Vectors.dir();
        System.out.println("tls4j.vectors = " + d);
        assertTrue(Files.isRegularFile(d.resolve("README.md")), "vectors README at " + d);
        assertTrue(Files.isDirectory(d.resolve("wycheproof")), "wycheproof folder at " + d);
    }

    @Test
    void aMissingVectorFileFailsLoudly() {
        AssertionError e = assertThrows(AssertionError.class, () -> Vectors.file("no/such/file.json"));
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
    }

    @Test
    void hexRoundTrips() {
        byte[] b = {0, 1, (byte) 0x7f, (byte) 0x80, (byte) 0xff};
        assertTrue(java.util.Arrays.equals(b, Hex.decode(Hex.encode(b))));
        assertThrows(IllegalArgumentException.class, () -> Hex.decode("abc"));
        assertThrows(IllegalArgumentException.class, () -> Hex.decode("zz"));
    }
}
