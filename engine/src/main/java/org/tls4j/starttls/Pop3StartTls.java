package org.tls4j.starttls;

import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * POP3 STLS, client side (RFC 2595, Section 4; CAPA from RFC 2449, Section 5).
 *
 * <pre>
 *   S: +OK POP3 ready
 *   C: CAPA
 *   S: +OK / TOP / USER / STLS / .        multi-line, ends with a lone "."
 *   C: STLS
 *   S: +OK Begin TLS                      from here on: TLS
 * </pre>
 *
 * A server that does not know CAPA ({@code -ERR}) is still asked STLS.
 */
public final class Pop3StartTls {
    private static final int MAX_CAPA_LINES = 200;

    private Pop3StartTls() {}

    /** Runs the preamble up to and including the {@code +OK} to STLS. */
    public static Upgrade client(Socket socket) throws IOException {
        Wire w = new Wire(socket, "server");
        String greeting = w.readLine("the POP3 greeting");
        if (greeting.startsWith("-ERR")) {
            throw new StartTlsException("the server refused the connection: \"" + greeting + "\"", greeting);
        }
        if (!greeting.startsWith("+OK")) {
            throw new StartTlsException("the server greeted with \"" + greeting + "\", not a POP3 \"+OK\": is this a POP3"
                    + " server?", greeting);
        }
        w.writeLine("CAPA");
        String capa = w.readLine("the answer to CAPA");
        List<String> caps = new ArrayList<String>();
        if (capa.startsWith("+OK")) {
            for (int i = 0; ; i++) {
                if (i >= MAX_CAPA_LINES) {
                    throw new StartTlsException("the server's CAPA list ran past " + MAX_CAPA_LINES + " lines", capa);
                }
                String line = w.readLine("the end of the CAPA list");
                if (line.equals(".")) {
                    break;
                }
                caps.add(line.toUpperCase(Locale.ROOT));
            }
            if (!hasWord(caps, "STLS")) {
                throw new StartTlsException("the server does not offer STLS (its CAPA list is " + String.join(", ", caps)
                        + "): it cannot upgrade this connection to TLS; try port 995 (implicit TLS, tls://)", capa);
            }
        }
        w.writeLine("STLS");
        String go = w.readLine("the answer to STLS");
        if (!go.startsWith("+OK")) {
            throw new StartTlsException("the server refused STLS: \"" + go + "\"", go);
        }
        w.requireNothingMore("its +OK to STLS");
        return new Upgrade(socket, w.leftover(), "POP3", w.transcript, caps);
    }

    private static boolean hasWord(List<String> lines, String word) {
        for (String l : lines) {
            if (l.equals(word) || l.startsWith(word + " ")) {
                return true;
            }
        }
        return false;
    }
}
