package org.tls4j.starttls;

import java.io.IOException;
import java.net.Socket;
import java.util.Collections;

/**
 * PostgreSQL SSLRequest, client side (PostgreSQL documentation, "Message Flow", SSL Session Encryption,
 * and "Message Formats", SSLRequest).
 *
 * <pre>
 *   C: 00 00 00 08  04 d2 16 2f      length 8, code 80877103
 *   S: 'S'                           from here on: TLS          ('N': the server does not do TLS)
 * </pre>
 *
 * The server must send nothing after 'S' before our ClientHello; PostgreSQL fixed clients that
 * accepted such bytes as CVE-2021-23222, and so are we strict here.
 */
public final class PostgresStartTls {
    /** The SSLRequest code, 1234 in the high 16 bits and 5679 in the low (80877103). */
    public static final int SSL_REQUEST_CODE = 80877103;

    private PostgresStartTls() {}

    static byte[] request() {
        int c = SSL_REQUEST_CODE;
        return new byte[] {0, 0, 0, 8, (byte) (c >>> 24), (byte) (c >>> 16), (byte) (c >>> 8), (byte) c};
    }

    /** Sends SSLRequest and expects 'S'. */
    public static Upgrade client(Socket socket) throws IOException {
        Wire w = new Wire(socket, "server");
        w.writeBytes(request());
        int answer = w.readByte("the answer to SSLRequest");
        w.transcript.add("S: " + (answer >= 0x20 && answer < 0x7f ? "'" + (char) answer + "'"
                : String.format("0x%02x", answer)));
        if (answer == 'N') {
            throw new StartTlsException("the server does not accept TLS connections (it answered 'N' to SSLRequest):"
                    + " its operator must set ssl = on in postgresql.conf; tls4j does not fall back to plain text");
        }
        if (answer == 'E') {
            throw new StartTlsException("the server answered SSLRequest with an error message: it is older than"
                    + " PostgreSQL 7.1 or refuses the request");
        }
        if (answer != 'S') {
            throw new StartTlsException(String.format("the server answered SSLRequest with the byte 0x%02x, which is"
                    + " neither 'S' nor 'N': is this a PostgreSQL server?", answer));
        }
        w.requireNothingMore("its 'S'");
        return new Upgrade(socket, w.leftover(), "PostgreSQL", w.transcript, Collections.<String>emptyList());
    }
}
