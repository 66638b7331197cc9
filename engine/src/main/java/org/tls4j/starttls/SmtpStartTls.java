package org.tls4j.starttls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SMTP STARTTLS, client side (RFC 3207, Section 4; replies per RFC 5321, Section 4.2).
 *
 * <pre>
 *   S: 220 mail.example.org ESMTP            greeting
 *   C: EHLO client.example                   RFC 5321, Section 4.1.1.1
 *   S: 250-mail.example.org
 *   S: 250-STARTTLS                          the server offers the upgrade
 *   S: 250 8BITMIME
 *   C: STARTTLS
 *   S: 220 2.0.0 Ready to start TLS          from here on: TLS on the same socket
 *   ... TLS handshake ...
 *   C: EHLO client.example                   over TLS: {@link #ehloAfterUpgrade}
 * </pre>
 *
 * RFC 3207, Section 4.2: after the handshake the client must forget what it learned before and should
 * send EHLO again; that second EHLO runs over the TLS streams, so it is a separate step,
 * {@link #ehloAfterUpgrade}, which the caller runs once TLS is up.
 *
 * <p>The socket's read timeout ({@link Socket#setSoTimeout}) bounds every wait.
 */
public final class SmtpStartTls {
    private SmtpStartTls() {}

    /** Runs the preamble, saying EHLO with our address literal (RFC 5321, Section 4.1.3). */
    public static Upgrade client(Socket socket) throws IOException {
        return client(socket, addressLiteral(socket.getLocalAddress()));
    }

    /**
     * Runs the preamble up to and including the server's {@code 220} answer to STARTTLS.
     *
     * @param ehloName our own host name or address literal, sent with EHLO
     * @throws StartTlsException when the server refuses the connection, does not offer STARTTLS, refuses
     *     it, or sends anything after its go-ahead
     */
    public static Upgrade client(Socket socket, String ehloName) throws IOException {
        checkName(ehloName);
        Wire w = new Wire(socket, "server");
        Reply greeting = Reply.read(w, true, "the SMTP greeting", "SMTP");
        if (greeting.code != 220) {
            throw new StartTlsException("the server greeted with \"" + greeting.firstLine + "\" instead of 220: it does"
                    + " not accept our connection", greeting.firstLine);
        }
        w.writeLine("EHLO " + ehloName);
        Reply ehlo = Reply.read(w, true, "the answer to EHLO", "SMTP");
        if (ehlo.code != 250) {
            throw new StartTlsException("the server answered EHLO with \"" + ehlo.firstLine + "\": it does not speak"
                    + " ESMTP, so it cannot offer STARTTLS", ehlo.firstLine);
        }
        List<String> keywords = keywords(ehlo);
        if (!keywords.contains("STARTTLS")) {
            throw new StartTlsException("the server does not offer STARTTLS (its EHLO answer lists "
                    + (keywords.isEmpty() ? "no extensions" : String.join(", ", keywords)) + "): it cannot upgrade this"
                    + " connection to TLS; try port 465 (implicit TLS, tls://), or ask its operator to enable STARTTLS",
                    ehlo.firstLine);
        }
        w.writeLine("STARTTLS");
        Reply go = Reply.read(w, true, "the answer to STARTTLS", "SMTP");
        if (go.code != 220) {
            throw new StartTlsException("the server refused STARTTLS: \"" + go.firstLine + "\""
                    + (go.code == 454 ? " (454: TLS is temporarily unavailable on the server; try again later)" : "")
                    + (go.code == 501 ? " (501: it found a syntax error in our command)" : ""), go.firstLine);
        }
        w.requireNothingMore("its 220 answer to STARTTLS");
        return new Upgrade(socket, w.leftover(), "SMTP", w.transcript, keywords);
    }

    /**
     * The step after the TLS handshake (RFC 3207, Section 4.2): sends EHLO again over the TLS streams and
     * returns the server's extension keywords (upper case, first word of each line after the greeting
     * line). Reads one byte at a time, so nothing after the reply is consumed from {@code in}.
     */
    public static List<String> ehloAfterUpgrade(InputStream in, OutputStream out, String ehloName) throws IOException {
        checkName(ehloName);
        Wire w = new Wire(null, in, out, "server", 1);
        w.writeLine("EHLO " + ehloName);
        Reply ehlo = Reply.read(w, true, "the answer to EHLO after TLS", "SMTP");
        if (ehlo.code != 250) {
            throw new StartTlsException("the server answered our EHLO over TLS with \"" + ehlo.firstLine + "\"",
                    ehlo.firstLine);
        }
        return keywords(ehlo);
    }

    /** The EHLO keywords (RFC 5321, Section 4.1.1.1: every line after the first starts with one). */
    static List<String> keywords(Reply ehlo) {
        List<String> k = new ArrayList<String>();
        for (int i = 1; i < ehlo.texts.size(); i++) {
            String t = ehlo.texts.get(i).trim();
            int sp = t.indexOf(' ');
            String word = (sp < 0 ? t : t.substring(0, sp)).toUpperCase(Locale.ROOT);
            if (!word.isEmpty()) {
                k.add(word);
            }
        }
        return k;
    }

    static void checkName(String name) throws StartTlsException {
        if (name == null || name.isEmpty()) {
            throw new StartTlsException("the host name to send or greet with is empty");
        }
        if (name.length() > 255) {
            throw new StartTlsException("the host name to send or greet with is " + name.length()
                    + " characters long; at most 255 fit in an SMTP line");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                throw new StartTlsException("the host name to send or greet with contains a space, a control character"
                        + " or a non-ASCII character at position " + i + "; that would break the SMTP line");
            }
        }
    }

    /** "[192.0.2.1]" or "[IPv6:2001:db8::1]" (RFC 5321, Section 4.1.3). */
    static String addressLiteral(InetAddress a) {
        String h = a.getHostAddress();
        int pct = h.indexOf('%');
        if (pct >= 0) {
            h = h.substring(0, pct);
        }
        return a instanceof Inet6Address ? "[IPv6:" + h + "]" : "[" + h + "]";
    }
}
