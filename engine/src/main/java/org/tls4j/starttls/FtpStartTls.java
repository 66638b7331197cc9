package org.tls4j.starttls;

import java.io.IOException;
import java.net.Socket;
import java.util.Collections;

/**
 * FTP AUTH TLS, client side (RFC 4217, Section 4; replies per RFC 959, Section 4.2).
 *
 * <pre>
 *   S: 220 FTP server ready                (a "120" first means: ready in a few minutes)
 *   C: AUTH TLS
 *   S: 234 AUTH TLS successful             from here on: TLS on the control connection
 * </pre>
 *
 * After TLS the client usually sends {@code PBSZ 0} and {@code PROT P} (RFC 4217, Section 9) over the
 * protected control connection; that belongs to the FTP session, not to this preamble.
 */
public final class FtpStartTls {
    private FtpStartTls() {}

    /** Runs the preamble up to and including the {@code 234} answer to AUTH TLS. */
    public static Upgrade client(Socket socket) throws IOException {
        Wire w = new Wire(socket, "server");
        Reply greeting = Reply.read(w, false, "the FTP greeting", "FTP");
        if (greeting.code == 120) {
            greeting = Reply.read(w, false, "the FTP greeting after 120", "FTP");
        }
        if (greeting.code != 220) {
            throw new StartTlsException("the server greeted with \"" + greeting.firstLine + "\" instead of 220: it does"
                    + " not accept our connection", greeting.firstLine);
        }
        w.writeLine("AUTH TLS");
        Reply auth = Reply.read(w, false, "the answer to AUTH TLS", "FTP");
        if (auth.code != 234) {
            String why;
            if (auth.code == 500 || auth.code == 502 || auth.code == 504) {
                why = ": it does not support AUTH TLS, so it cannot upgrade this connection; try port 990 (implicit"
                        + " FTPS, tls://)";
            } else if (auth.code == 431 || auth.code == 534) {
                why = ": it is unwilling to use TLS now";
            } else {
                why = "";
            }
            throw new StartTlsException("the server answered AUTH TLS with \"" + auth.firstLine + "\"" + why,
                    auth.firstLine);
        }
        w.requireNothingMore("its 234 answer to AUTH TLS");
        return new Upgrade(socket, w.leftover(), "FTP", w.transcript, Collections.<String>emptyList());
    }
}
