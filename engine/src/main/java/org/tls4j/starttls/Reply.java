package org.tls4j.starttls;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A numbered reply as SMTP (RFC 5321, Section 4.2.1) and FTP (RFC 959, Section 4.2) write them: lines
 * {@code "250-text"} continue, the line {@code "250 text"} (or just {@code "250"}) ends the reply.
 */
final class Reply {
    /** More lines than this in one reply is not a server we talk to. */
    static final int MAX_LINES = 200;

    final int code;
    /** The text of each line, without the code and separator. */
    final List<String> texts;
    /** The first line as received, for messages. */
    final String firstLine;

    private Reply(int code, List<String> texts, String firstLine) {
        this.code = code;
        this.texts = Collections.unmodifiableList(texts);
        this.firstLine = firstLine;
    }

    /**
     * Reads one reply. With {@code everyLineNumbered} (SMTP) every line must carry the same code; FTP
     * allows free text between the first and the last line.
     */
    static Reply read(Wire w, boolean everyLineNumbered, String waitingFor, String protocol) throws IOException {
        String first = w.readLine(waitingFor);
        int code = codeOf(first);
        if (code < 0) {
            throw new StartTlsException("the server answered \"" + first + "\" while we waited for " + waitingFor
                    + ": that is not a " + protocol + " reply (three digits and a space); is this a " + protocol
                    + " server?", first);
        }
        List<String> texts = new ArrayList<String>();
        texts.add(first.length() > 4 ? first.substring(4) : "");
        String line = first;
        while (line.length() > 3 && line.charAt(3) == '-') {
            if (texts.size() >= MAX_LINES) {
                throw new StartTlsException("the server's " + code + " reply ran past " + MAX_LINES + " lines", first);
            }
            line = w.readLine(waitingFor);
            int c = codeOf(line);
            if (c == code) {
                texts.add(line.length() > 4 ? line.substring(4) : "");
            } else if (everyLineNumbered) {
                throw new StartTlsException("the server's multi-line reply mixed codes " + code + " and \"" + line
                        + "\": that is not a valid " + protocol + " reply", line);
            } else {
                texts.add(line);
                line = "xxx-";
            }
        }
        return new Reply(code, texts, first);
    }

    /** The code of a line "ddd", "ddd text" or "ddd-text", or -1. */
    static int codeOf(String line) {
        if (line.length() < 3 || (line.length() > 3 && line.charAt(3) != ' ' && line.charAt(3) != '-')) {
            return -1;
        }
        int c = 0;
        for (int i = 0; i < 3; i++) {
            char d = line.charAt(i);
            if (d < '0' || d > '9') {
                return -1;
            }
            c = c * 10 + (d - '0');
        }
        return c >= 100 && c < 600 ? c : -1;
    }
}
