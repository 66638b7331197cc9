package org.tls4j.starttls;

import java.io.IOException;
import java.net.Socket;
import java.util.Collections;

/**
 * LDAP StartTLS, client side (RFC 4511, Section 4.14; BER per X.690 with RFC 4511, Section 5.1's
 * restrictions).
 *
 * <pre>
 *   C: LDAPMessage { messageID 1, ExtendedRequest [APPLICATION 23] { requestName [0] "1.3.6.1.4.1.1466.20037" } }
 *      30 1d 02 01 01 77 18 80 16 "1.3.6.1.4.1.1466.20037"
 *   S: LDAPMessage { messageID 1, ExtendedResponse [APPLICATION 24] { resultCode ENUMERATED, matchedDN,
 *      diagnosticMessage, [responseName [10]] } }   resultCode 0 = success: from here on, TLS
 * </pre>
 */
public final class LdapStartTls {
    /** The StartTLS extended operation's OID (RFC 4511, Section 4.14.1). */
    public static final String OID = "1.3.6.1.4.1.1466.20037";
    private static final int MAX_MESSAGE = 65536;

    private LdapStartTls() {}

    /** The encoded StartTLS extended request with message ID 1. */
    static byte[] request() {
        byte[] oid = OID.getBytes(Wire.ASCII);
        byte[] m = new byte[9 + oid.length];
        m[0] = 0x30;
        m[1] = (byte) (7 + oid.length);
        m[2] = 0x02;
        m[3] = 0x01;
        m[4] = 0x01;
        m[5] = 0x77;
        m[6] = (byte) (2 + oid.length);
        m[7] = (byte) 0x80;
        m[8] = (byte) oid.length;
        System.arraycopy(oid, 0, m, 9, oid.length);
        return m;
    }

    /** Runs the exchange up to and including a successful ExtendedResponse. */
    public static Upgrade client(Socket socket) throws IOException {
        Wire w = new Wire(socket, "server");
        w.writeBytes(request());
        int tag = w.readByte("the StartTLS response");
        if (tag != 0x30) {
            throw new StartTlsException(String.format("the server answered with a byte 0x%02x where an LDAPMessage"
                    + " (SEQUENCE, 0x30) was expected: is this an LDAP server?", tag));
        }
        StringBuilder header = new StringBuilder("30");
        int len = readLength(w, header);
        byte[] body = w.readExact(len, "the StartTLS response");
        w.transcript.add("S: " + header + Wire.hex(body));
        Ber b = new Ber(body);
        long id = b.integer(0x02, "messageID");
        int op = b.tag();
        int opLen = b.length();
        int opEnd = b.pos + opLen;
        if (op != 0x78) {
            throw new StartTlsException(String.format("the server answered with LDAP operation 0x%02x instead of an"
                    + " ExtendedResponse (0x78)", op));
        }
        if (opEnd > body.length) {
            throw Ber.truncated();
        }
        long result = b.integer(0x0a, "resultCode");
        b.octets("matchedDN");
        String diagnostic = b.octets("diagnosticMessage");
        if (id == 0) {
            throw new StartTlsException("the server sent a Notice of Disconnection (RFC 4511, Section 4.4.1), result "
                    + resultName(result) + (diagnostic.isEmpty() ? "" : ": " + diagnostic) + "; it is closing the"
                    + " connection");
        }
        if (id != 1) {
            throw new StartTlsException("the server answered message " + id + " where our StartTLS request was message 1");
        }
        if (result != 0) {
            String hint = result == 2 ? " (the server does not know the StartTLS operation)"
                    : result == 1 ? " (TLS is already active, or another operation is in progress)"
                    : result == 52 ? " (TLS is not available on the server)" : "";
            throw new StartTlsException("the server refused StartTLS: result " + resultName(result) + hint
                    + (diagnostic.isEmpty() ? "" : ": " + diagnostic), diagnostic);
        }
        w.requireNothingMore("its successful StartTLS response");
        return new Upgrade(socket, w.leftover(), "LDAP", w.transcript, Collections.<String>emptyList());
    }

    private static int readLength(Wire w, StringBuilder header) throws IOException {
        int first = w.readByte("the StartTLS response");
        header.append(String.format("%02x", first));
        if (first < 0x80) {
            return first;
        }
        int n = first & 0x7f;
        if (n == 0 || n > 3) {
            throw new StartTlsException("the server's LDAP message has a BER length of " + n + " bytes; at most 3 are"
                    + " accepted (and indefinite lengths are not allowed, RFC 4511, Section 5.1)");
        }
        int len = 0;
        for (int i = 0; i < n; i++) {
            int b = w.readByte("the StartTLS response");
            header.append(String.format("%02x", b));
            len = (len << 8) | b;
        }
        if (len > MAX_MESSAGE) {
            throw new StartTlsException("the server's LDAP message claims " + len + " bytes; a StartTLS response is"
                    + " far smaller");
        }
        return len;
    }

    static String resultName(long code) {
        switch ((int) code) {
            case 0: return "success (0)";
            case 1: return "operationsError (1)";
            case 2: return "protocolError (2)";
            case 3: return "timeLimitExceeded (3)";
            case 8: return "strongerAuthRequired (8)";
            case 51: return "busy (51)";
            case 52: return "unavailable (52)";
            case 53: return "unwillingToPerform (53)";
            case 80: return "other (80)";
            default: return String.valueOf(code);
        }
    }

    /** Definite-length BER reads inside one received message. */
    private static final class Ber {
        private final byte[] b;
        private int pos;

        Ber(byte[] b) {
            this.b = b;
        }

        int tag() throws StartTlsException {
            if (pos >= b.length) {
                throw truncated();
            }
            return b[pos++] & 0xff;
        }

        int length() throws StartTlsException {
            int first = tag();
            if (first < 0x80) {
                return first;
            }
            int n = first & 0x7f;
            if (n == 0 || n > 3) {
                throw new StartTlsException("the server's LDAP response has an unsupported BER length form");
            }
            int len = 0;
            for (int i = 0; i < n; i++) {
                len = (len << 8) | tag();
            }
            return len;
        }

        long integer(int expectedTag, String what) throws StartTlsException {
            int t = tag();
            if (t != expectedTag) {
                throw new StartTlsException(String.format("the server's LDAP response has tag 0x%02x where %s (0x%02x)"
                        + " was expected", t, what, expectedTag));
            }
            int len = length();
            if (len < 1 || len > 4 || pos + len > b.length) {
                throw new StartTlsException("the server's LDAP response has a " + what + " of " + len + " bytes");
            }
            long v = 0;
            for (int i = 0; i < len; i++) {
                v = (v << 8) | (b[pos++] & 0xff);
            }
            return v;
        }

        String octets(String what) throws StartTlsException {
            int t = tag();
            if (t != 0x04) {
                throw new StartTlsException(String.format("the server's LDAP response has tag 0x%02x where the %s"
                        + " (OCTET STRING, 0x04) was expected", t, what));
            }
            int len = length();
            if (pos + len > b.length) {
                throw truncated();
            }
            String s = new String(b, pos, len, java.nio.charset.StandardCharsets.UTF_8);
            pos += len;
            return s;
        }

        private static StartTlsException truncated() {
            return new StartTlsException("the server's LDAP response ends in the middle of a field");
        }
    }
}
