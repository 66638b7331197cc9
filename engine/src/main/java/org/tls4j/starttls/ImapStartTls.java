package org.tls4j.starttls;

import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * IMAP STARTTLS, client side (RFC 3501, Section 6.2.1; RFC 2595, Section 3.1).
 *
 * <pre>
 *   S: * OK [CAPABILITY IMAP4rev1 STARTTLS] ready      (the capability code is optional)
 *   C: a1 CAPABILITY                                     only when the greeting had none
 *   S: * CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED
 *   S: a1 OK done
 *   C: a2 STARTTLS
 *   S: a2 OK Begin TLS negotiation now                   from here on: TLS
 * </pre>
 *
 * After TLS the client must ask for the capabilities again (RFC 3501, Section 6.2.1).
 */
public final class ImapStartTls {
    private static final int MAX_UNTAGGED = 200;

    private ImapStartTls() {}

    /** Runs the preamble up to and including the tagged OK to STARTTLS. */
    public static Upgrade client(Socket socket) throws IOException {
        Wire w = new Wire(socket, "server");
        String greeting = w.readLine("the IMAP greeting");
        String ug = greeting.toUpperCase(Locale.ROOT);
        if (ug.startsWith("* PREAUTH")) {
            throw new StartTlsException("the server greeted with PREAUTH (\"" + greeting + "\"): the session is already"
                    + " authenticated, and STARTTLS is only allowed before that (RFC 3501, Section 6.2.1)", greeting);
        }
        if (ug.startsWith("* BYE")) {
            throw new StartTlsException("the server refused the connection: \"" + greeting + "\"", greeting);
        }
        if (!ug.startsWith("* OK")) {
            throw new StartTlsException("the server greeted with \"" + greeting + "\", not an IMAP \"* OK\": is this an"
                    + " IMAP server?", greeting);
        }
        List<String> caps = capabilityCode(greeting);
        if (caps.isEmpty()) {
            w.writeLine("a1 CAPABILITY");
            caps = new ArrayList<String>();
            String done = untilTagged(w, "a1", "the answer to CAPABILITY", caps);
            if (!done.toUpperCase(Locale.ROOT).startsWith("A1 OK")) {
                throw new StartTlsException("the server answered CAPABILITY with \"" + done + "\"", done);
            }
        }
        if (!caps.contains("STARTTLS")) {
            throw new StartTlsException("the server does not offer STARTTLS (its capabilities are " + String.join(" ", caps)
                    + "): it cannot upgrade this connection to TLS; try port 993 (implicit TLS, tls://)", greeting);
        }
        w.writeLine("a2 STARTTLS");
        String done = untilTagged(w, "a2", "the answer to STARTTLS", null);
        if (!done.toUpperCase(Locale.ROOT).startsWith("A2 OK")) {
            throw new StartTlsException("the server refused STARTTLS: \"" + done + "\"", done);
        }
        w.requireNothingMore("its OK to STARTTLS");
        return new Upgrade(socket, w.leftover(), "IMAP", w.transcript, caps);
    }

    /** Reads untagged lines (collecting CAPABILITY words) until the line tagged {@code tag}. */
    private static String untilTagged(Wire w, String tag, String waitingFor, List<String> caps) throws IOException {
        for (int i = 0; i < MAX_UNTAGGED; i++) {
            String line = w.readLine(waitingFor);
            String u = line.toUpperCase(Locale.ROOT);
            if (u.startsWith(tag.toUpperCase(Locale.ROOT) + " ")) {
                if (caps != null) {
                    caps.addAll(capabilityCode(line));
                }
                return line;
            }
            if (u.startsWith("* BYE")) {
                throw new StartTlsException("the server closed the session: \"" + line + "\"", line);
            }
            if (caps != null && u.startsWith("* CAPABILITY ")) {
                caps.addAll(words(line.substring("* CAPABILITY ".length())));
            }
        }
        throw new StartTlsException("the server sent " + MAX_UNTAGGED + " lines without answering " + tag);
    }

    /** The words of a "[CAPABILITY ...]" response code (RFC 3501, Section 7.1), upper case. */
    static List<String> capabilityCode(String line) {
        String u = line.toUpperCase(Locale.ROOT);
        int start = u.indexOf("[CAPABILITY ");
        if (start < 0) {
            return new ArrayList<String>();
        }
        int end = u.indexOf(']', start);
        return words(u.substring(start + "[CAPABILITY ".length(), end < 0 ? u.length() : end));
    }

    private static List<String> words(String s) {
        List<String> l = new ArrayList<String>();
        for (String x : s.trim().split(" +")) {
            if (!x.isEmpty()) {
                l.add(x.toUpperCase(Locale.ROOT));
            }
        }
        return l;
    }
}
