package org.tls4j.handshake;

import java.util.Arrays;
import java.util.List;

/** Small helpers for byte strings in messages: equality of lists of arrays, and hex for toString. */
public final class Bytes {
    private Bytes() {}

    /** Element-wise {@link Arrays#equals(byte[], byte[])}. Not constant-time: for public values only. */
    public static boolean listEquals(List<byte[]> a, List<byte[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** A hash code consistent with {@link #listEquals(List, List)}. */
    public static int listHash(List<byte[]> a) {
        int h = 1;
        for (byte[] b : a) {
            h = 31 * h + Arrays.hashCode(b);
        }
        return h;
    }

    /** Lower-case hex. */
    public static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length * 2);
        for (byte x : b) {
            sb.append(Character.forDigit((x >>> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
        }
        return sb.toString();
    }
}
