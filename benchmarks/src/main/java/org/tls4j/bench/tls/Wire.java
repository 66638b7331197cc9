package org.tls4j.bench.tls;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A tap on the two directions of one in-memory connection, and a parser for the plaintext part of the
 * handshake (RFC 8446, Section 4.1; RFC 5246, Section 7.4). It lets the benchmark check, from the bytes
 * each implementation really sent and independently of its API, what was negotiated: version, cipher
 * suite, key-exchange group, the TLS 1.2 ServerKeyExchange signature scheme, whether the connection was
 * resumed and how, and whether encrypt_then_mac was agreed. Only used while a scenario is being checked,
 * never in a timed loop.
 */
final class Wire {
    private final ByteArrayOutputStream c2s = new ByteArrayOutputStream();
    private final ByteArrayOutputStream s2c = new ByteArrayOutputStream();

    void clientSent(byte[] b, int off, int len) {
        c2s.write(b, off, len);
    }

    void serverSent(byte[] b, int off, int len) {
        s2c.write(b, off, len);
    }

    /** What the plaintext handshake shows. */
    static final class Seen {
        int version = -1;
        int suite = -1;
        int group = -1;          // TLS 1.3 ServerHello key_share, TLS 1.2 ServerKeyExchange named curve
        int skeScheme = -1;      // TLS 1.2 ServerKeyExchange signature scheme
        boolean serverCertificate; // a plaintext Certificate message (TLS 1.2 full handshake)
        boolean pskAccepted;     // TLS 1.3 ServerHello pre_shared_key
        boolean pskOffered;      // TLS 1.3 ClientHello pre_shared_key
        int clientTicketLength = -1; // TLS 1.2 ClientHello session_ticket extension length (-1 absent)
        boolean encryptThenMac;  // ServerHello encrypt_then_mac
        boolean extendedMasterSecret;

        @Override
        public String toString() {
            return String.format("version=%x suite=%04x group=%04x skeScheme=%04x cert=%b psk=%b/%b ticketOffered=%d etm=%b ems=%b",
                    version, suite, group, skeScheme, serverCertificate, pskOffered, pskAccepted,
                    clientTicketLength, encryptThenMac, extendedMasterSecret);
        }
    }

    Seen parse() {
        Seen s = new Seen();
        List<byte[]> client = handshakeMessages(c2s.toByteArray());
        List<byte[]> server = handshakeMessages(s2c.toByteArray());
        if (client.isEmpty() || client.get(0)[0] != 1) {
            throw new IllegalStateException("no ClientHello on the wire");
        }
        clientHello(client.get(0), s);
        if (server.isEmpty() || server.get(0)[0] != 2) {
            throw new IllegalStateException("no ServerHello on the wire");
        }
        serverHello(server.get(0), s);
        for (byte[] m : server) {
            if (m[0] == 11) {
                s.serverCertificate = true;
            } else if (m[0] == 12) {
                // ECParameters: curve_type named_curve(3), NamedCurve; ECPoint<1..255>; then DigitallySigned
                int p = 4;
                if ((m[p] & 0xff) != 3) {
                    throw new IllegalStateException("ServerKeyExchange without a named curve");
                }
                s.group = u16(m, p + 1);
                p += 3;
                p += 1 + (m[p] & 0xff);
                s.skeScheme = u16(m, p);
            }
        }
        return s;
    }

    private static void clientHello(byte[] m, Seen s) {
        int p = 4 + 2 + 32;
        p += 1 + (m[p] & 0xff);       // legacy_session_id
        p += 2 + u16(m, p);           // cipher_suites
        p += 1 + (m[p] & 0xff);       // legacy_compression_methods
        if (p >= m.length) {
            return;
        }
        int end = p + 2 + u16(m, p);
        for (p += 2; p < end; ) {
            int type = u16(m, p);
            int len = u16(m, p + 2);
            if (type == 35) {
                s.clientTicketLength = len;
            } else if (type == 41) {
                s.pskOffered = true;
            }
            p += 4 + len;
        }
    }

    private static void serverHello(byte[] m, Seen s) {
        int p = 4;
        s.version = u16(m, p);
        p += 2 + 32;
        p += 1 + (m[p] & 0xff);
        s.suite = u16(m, p);
        p += 3;
        if (p >= m.length) {
            return;
        }
        int end = p + 2 + u16(m, p);
        for (p += 2; p < end; ) {
            int type = u16(m, p);
            int len = u16(m, p + 2);
            if (type == 43) {
                s.version = u16(m, p + 4);
            } else if (type == 51) {
                s.group = u16(m, p + 4);
            } else if (type == 41) {
                s.pskAccepted = true;
            } else if (type == 22) {
                s.encryptThenMac = true;
            } else if (type == 23) {
                s.extendedMasterSecret = true;
            }
            p += 4 + len;
        }
    }

    /** The handshake messages carried in plaintext records before the first change_cipher_spec or
     * protected record of this direction. */
    private static List<byte[]> handshakeMessages(byte[] flow) {
        ByteArrayOutputStream hs = new ByteArrayOutputStream();
        for (int p = 0; p + 5 <= flow.length; ) {
            int type = flow[p] & 0xff;
            int len = u16(flow, p + 3);
            if (type != 22) {
                break;
            }
            hs.write(flow, p + 5, Math.min(len, flow.length - p - 5));
            p += 5 + len;
        }
        byte[] b = hs.toByteArray();
        List<byte[]> out = new ArrayList<>();
        for (int p = 0; p + 4 <= b.length; ) {
            int len = ((b[p + 1] & 0xff) << 16) | u16(b, p + 2);
            if (p + 4 + len > b.length) {
                break;
            }
            byte[] m = new byte[4 + len];
            System.arraycopy(b, p, m, 0, m.length);
            out.add(m);
            p += 4 + len;
        }
        return out;
    }

    private static int u16(byte[] b, int p) {
        return ((b[p] & 0xff) << 8) | (b[p + 1] & 0xff);
    }

    /** Checks what a scenario requires; throws with the whole observation when something differs. */
    static void check(Scenario sc, Seen s, boolean etmAllowed) {
        List<String> bad = new ArrayList<>();
        if (s.version != (sc.tls13() ? 0x0304 : 0x0303)) {
            bad.add("version");
        }
        if (s.suite != sc.suite) {
            bad.add("cipher suite");
        }
        if (sc.tls13()) {
            if (s.group != Scenario.GROUP_X25519) {
                bad.add("key_share group");
            }
            if (sc.resumed() != s.pskAccepted) {
                bad.add(sc.resumed() ? "not resumed" : "unexpectedly resumed");
            }
        } else {
            boolean resumed = !s.serverCertificate;
            if (sc.resumed() != resumed) {
                bad.add(sc.resumed() ? "not resumed" : "unexpectedly resumed");
            }
            if (!resumed && (s.group != Scenario.GROUP_X25519 || s.skeScheme != sc.signatureScheme())) {
                bad.add("ServerKeyExchange group/signature scheme");
            }
            if (sc.mode == Scenario.Mode.TICKET && s.clientTicketLength <= 0) {
                bad.add("no ticket offered in the ClientHello");
            }
            if (sc.mode == Scenario.Mode.SESSION_ID && s.clientTicketLength > 0) {
                bad.add("a ticket was offered (session-ID scenario)");
            }
            if (s.encryptThenMac && !etmAllowed) {
                bad.add("encrypt_then_mac negotiated (the scenarios use MAC-then-encrypt for every peer)");
            }
        }
        if (!bad.isEmpty()) {
            throw new IllegalStateException(sc + ": " + bad + " (" + s + ")");
        }
    }
}
