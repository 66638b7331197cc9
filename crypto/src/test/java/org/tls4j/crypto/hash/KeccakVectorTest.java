package org.tls4j.crypto.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tls4j.testing.Hex;
import org.tls4j.testing.Vectors;

/** Keccak-team KATs for SHA-3 and SHAKE ({@code keccak/ShortMsgKAT_*}) and the Keccak-f[1600] trace. */
class KeccakVectorTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({"SHA3-224, 224", "SHA3-256, 256", "SHA3-384, 384", "SHA3-512, 512"})
    void sha3(String name, int bits) {
        String file = "keccak/ShortMsgKAT_" + name + ".txt";
        int n = 0;
        for (CavpRecords.Rec r : CavpRecords.read(file)) {
            byte[] msg = message(r);
            Sha3 d = new Sha3(bits);
            d.update(msg);
            assertEquals(r.get("MD").toLowerCase(), Hex.encode(d.digest()), file + " line " + r.line());
            for (byte b : msg) {
                d.update(b);
            }
            assertEquals(r.get("MD").toLowerCase(), Hex.encode(d.digest()), file + " line " + r.line() + " bytewise");
            n++;
        }
        assertEquals(256, n);
        System.out.printf("%s: %d messages checked%n", file, n);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"SHAKE128", "SHAKE256"})
    void shake(String name) {
        String file = "keccak/ShortMsgKAT_" + name + ".txt";
        int n = 0;
        for (CavpRecords.Rec r : CavpRecords.read(file)) {
            byte[] msg = message(r);
            String expected = r.get("MD").toLowerCase();
            Shake x = name.equals("SHAKE128") ? Shake.shake128() : Shake.shake256();
            x.absorb(msg);
            assertEquals(expected, Hex.encode(x.squeeze(expected.length() / 2)), file + " line " + r.line());
            // Squeezing in uneven pieces must give the same stream.
            x.reset();
            x.absorb(msg);
            StringBuilder sb = new StringBuilder();
            int[] pieces = {1, 7, 160, 8, 200, 136};
            for (int p : pieces) {
                sb.append(Hex.encode(x.squeeze(p)));
            }
            assertEquals(expected, sb.toString(), file + " line " + r.line() + " in pieces");
            n++;
        }
        assertEquals(256, n);
        System.out.printf("%s: %d messages checked (512-byte outputs)%n", file, n);
    }

    @Test
    void permutationTrace() {
        String text = Vectors.text("keccak/KeccakF-1600-IntermediateValues.txt");
        String[] lines = text.split("\n");
        int rc = 0;
        List<long[]> iotas = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].trim();
            if (l.startsWith("RC[")) {
                long v = Long.parseUnsignedLong(l.substring(l.indexOf('=') + 1).trim(), 16);
                assertEquals(v, Keccak.RC[rc], "round constant " + rc);
                rc++;
            }
            if (l.equals("After iota:")) {
                long[] s = new long[25];
                int k = 0;
                for (int j = 1; k < 25; j++) {
                    for (String w : lines[i + j].trim().split("\\s+")) {
                        s[k++] = Long.parseUnsignedLong(w, 16);
                    }
                }
                iotas.add(s);
            }
        }
        assertEquals(24, rc);
        assertEquals(48, iotas.size());
        long[] state = new long[25];
        Keccak.permute(state);
        assertEquals(java.util.Arrays.toString(iotas.get(23)), java.util.Arrays.toString(state));
        Keccak.permute(state);
        assertEquals(java.util.Arrays.toString(iotas.get(47)), java.util.Arrays.toString(state));
        System.out.println("keccak/KeccakF-1600-IntermediateValues.txt: 24 round constants, 2 permutations checked");
    }

    private static byte[] message(CavpRecords.Rec r) {
        int bits = Integer.parseInt(r.get("Len"));
        byte[] msg = bits == 0 ? new byte[0] : Hex.decode(r.get("Msg"));
        assertEquals(bits / 8, msg.length);
        return msg;
    }
}
