package org.tls4j.starttls;

import java.io.IOException;
import java.net.Socket;
import java.util.Collections;
import java.util.Locale;

/**
 * SMTP STARTTLS, server side (RFC 3207): greets, answers EHLO with the STARTTLS keyword, accepts
 * STARTTLS with {@code 220}, and hands the socket over for TLS with whatever the client sent after its
 * command (a client that pipelines its ClientHello).
 *
 * <pre>
 *   S: 220 HOST ESMTP tls4j
 *   C: EHLO client          S: 250-HOST / 250-STARTTLS / 250-8BITMIME / 250 SIZE 10485760
 *   C: STARTTLS             S: 220 2.0.0 Ready to start TLS
 * </pre>
 *
 * Before TLS, HELO gets a plain 250, NOOP and RSET 250, QUIT 221 (and the preamble ends with an
 * exception), mail commands {@code 530 5.7.0 Must issue a STARTTLS command first} (RFC 3207, Section 4),
 * and anything else {@code 500}. After the handshake the client sends EHLO again over TLS; the caller
 * answers it without the STARTTLS keyword (RFC 3207, Section 4.2) and carries on with the session.
 */
public final class SmtpStartTlsServer {
    /** Commands accepted before STARTTLS; a client that needs more is not heading for TLS. */
    public static final int MAX_COMMANDS = 20;

    private SmtpStartTlsServer() {}

    /**
     * Runs the server side of the preamble on an accepted socket, up to and including our {@code 220}
     * answer to STARTTLS.
     *
     * @param hostname the name we greet with
     */
    public static Upgrade accept(Socket socket, String hostname) throws IOException {
        SmtpStartTls.checkName(hostname);
        Wire w = new Wire(socket, "client");
        w.writeLine("220 " + hostname + " ESMTP tls4j");
        for (int i = 0; i < MAX_COMMANDS; i++) {
            String line = w.readLine("an SMTP command");
            String upper = line.toUpperCase(Locale.ROOT);
            String verb = upper.indexOf(' ') < 0 ? upper : upper.substring(0, upper.indexOf(' '));
            if (verb.equals("EHLO")) {
                w.writeLine("250-" + hostname);
                w.writeLine("250-STARTTLS");
                w.writeLine("250-8BITMIME");
                w.writeLine("250 SIZE 10485760");
            } else if (verb.equals("HELO")) {
                w.writeLine("250 " + hostname);
            } else if (verb.equals("STARTTLS")) {
                if (!upper.equals("STARTTLS")) {
                    w.writeLine("501 5.5.4 Syntax error (no parameters allowed)");
                    continue;
                }
                w.writeLine("220 2.0.0 Ready to start TLS");
                return new Upgrade(socket, w.leftover(), "SMTP", w.transcript, Collections.<String>emptyList());
            } else if (verb.equals("NOOP") || verb.equals("RSET")) {
                w.writeLine("250 2.0.0 OK");
            } else if (verb.equals("QUIT")) {
                w.writeLine("221 2.0.0 Bye");
                throw new StartTlsException("the client said QUIT before STARTTLS: it did not want TLS", line);
            } else if (verb.equals("MAIL") || verb.equals("RCPT") || verb.equals("DATA") || verb.equals("AUTH")
                    || verb.equals("BDAT")) {
                w.writeLine("530 5.7.0 Must issue a STARTTLS command first");
            } else {
                w.writeLine("500 5.5.1 Command not recognized");
            }
        }
        w.writeLine("421 4.7.0 Too many commands before STARTTLS, closing");
        throw new StartTlsException("the client sent " + MAX_COMMANDS + " commands without STARTTLS: it is not heading"
                + " for TLS");
    }
}
