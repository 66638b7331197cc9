package org.tls4j.crypto.x509;

/**
 * Strict textual IP address parsing for hostname verification: IPv4 only as four decimal octets
 * without leading zeros (so {@code 010.1.1.1} or {@code 0x7f.1} are not addresses, avoiding the
 * inet_aton ambiguity), IPv6 as in RFC 4291, Section 2.2 (with {@code ::} and a trailing IPv4 part).
 */
public final class IpAddresses {
    private IpAddresses() {}

    /** The 4 or 16 address octets, or null when {@code s} is not an IP address literal. */
    public static byte[] parse(String s) {
        if (s.indexOf(':') >= 0) {
            return parseV6(s);
        }
        return parseV4(s);
    }

    static byte[] parseV4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')) {
                return null;
            }
            int v = 0;
            for (int j = 0; j < p.length(); j++) {
                char c = p.charAt(j);
                if (c < '0' || c > '9') {
                    return null;
                }
                v = v * 10 + (c - '0');
            }
            if (v > 255) {
                return null;
            }
            out[i] = (byte) v;
        }
        return out;
    }

    static byte[] parseV6(String s) {
        if (s.length() > 45 || s.isEmpty()) {
            return null;
        }
        int dbl = s.indexOf("::");
        if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) {
            return null;
        }
        String head = dbl >= 0 ? s.substring(0, dbl) : s;
        String tail = dbl >= 0 ? s.substring(dbl + 2) : "";
        int[] h = groups(head);
        int[] t = groups(tail);
        if (h == null || t == null) {
            return null;
        }
        int total = h.length + t.length;
        if ((dbl < 0 && total != 8) || (dbl >= 0 && total > 7)) {
            return null;
        }
        byte[] out = new byte[16];
        for (int i = 0; i < h.length; i++) {
            out[2 * i] = (byte) (h[i] >> 8);
            out[2 * i + 1] = (byte) h[i];
        }
        for (int i = 0; i < t.length; i++) {
            int k = 8 - t.length + i;
            out[2 * k] = (byte) (t[i] >> 8);
            out[2 * k + 1] = (byte) t[i];
        }
        return out;
    }

    /** 16-bit groups of a colon-separated run; a final dotted IPv4 part counts as two groups. */
    private static int[] groups(String s) {
        if (s.isEmpty()) {
            return new int[0];
        }
        String[] parts = s.split(":", -1);
        int n = parts.length;
        boolean v4 = parts[n - 1].indexOf('.') >= 0;
        int[] out = new int[v4 ? n + 1 : n];
        for (int i = 0; i < n; i++) {
            String p = parts[i];
            if (v4 && i == n - 1) {
                byte[] a = parseV4(p);
                if (a == null) {
                    return null;
                }
                out[i] = ((a[0] & 0xff) << 8) | (a[1] & 0xff);
                out[i + 1] = ((a[2] & 0xff) << 8) | (a[3] & 0xff);
                continue;
            }
            if (p.isEmpty() || p.length() > 4) {
                return null;
            }
            int v = 0;
            for (int j = 0; j < p.length(); j++) {
                int d = Character.digit(p.charAt(j), 16);
                if (d < 0) {
                    return null;
                }
                v = (v << 4) | d;
            }
            out[i] = v;
        }
        return out;
    }

    /** Dotted quad for 4 octets, full colon-hex for 16, and address/mask for the constraint forms. */
    public static String format(byte[] a) {
        if (a.length == 8 || a.length == 32) {
            int h = a.length / 2;
            return format(java.util.Arrays.copyOf(a, h)) + "/" + format(java.util.Arrays.copyOfRange(a, h, a.length));
        }
        StringBuilder sb = new StringBuilder();
        if (a.length == 4) {
            for (int i = 0; i < 4; i++) {
                sb.append(i > 0 ? "." : "").append(a[i] & 0xff);
            }
        } else {
            for (int i = 0; i < a.length; i += 2) {
                sb.append(i > 0 ? ":" : "").append(Integer.toHexString(((a[i] & 0xff) << 8) | (a[i + 1] & 0xff)));
            }
        }
        return sb.toString();
    }
}
