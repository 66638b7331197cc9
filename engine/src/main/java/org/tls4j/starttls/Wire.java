package org.tls4j.starttls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * Line and byte I/O for plain-text preambles, through a small buffer whose unread bytes are handed over
 * as leftover (never dropped). Everything read and written is kept in a transcript.
 */
final class Wire {
    static final Charset ASCII = Charset.forName("ISO-8859-1");
    /** Longest line accepted (RFC 5321, Section 4.5.3.1.5 allows 512 for SMTP replies; others are longer). */
    static final int MAX_LINE = 8192;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String peer;
    private final byte[] buf;
    private int pos;
    private int end;
    final List<String> transcript = new ArrayList<String>();

    /** Over a socket, reading in chunks of up to 4 KiB. {@code peer} is "server" or "client". */
    Wire(Socket socket, String peer) throws IOException {
        this(socket, socket.getInputStream(), socket.getOutputStream(), peer, 4096);
    }

    /** Over streams; {@code chunk} 1 reads one byte at a time and so never reads past a line. */
    Wire(Socket socket, InputStream in, OutputStream out, String peer, int chunk) {
        this.socket = socket;
        this.in = in;
        this.out = out;
        this.peer = peer;
        this.buf = new byte[chunk];
    }

    private String sent() {
        return peer.equals("server") ? "C: " : "S: ";
    }

    private String received() {
        return peer.equals("server") ? "S: " : "C: ";
    }

    private boolean fill(String waitingFor) throws IOException {
        if (pos < end) {
            return true;
        }
        pos = 0;
        end = 0;
        int n;
        try {
            n = in.read(buf, 0, buf.length);
        } catch (SocketTimeoutException e) {
            int ms = socket != null ? socket.getSoTimeout() : 0;
            throw new StartTlsException("the " + peer + " sent nothing for " + ms + " ms while we waited for "
                    + waitingFor, null, e);
        }
        if (n <= 0) {
            return false;
        }
        end = n;
        return true;
    }

    /** One line without its CR LF (a bare LF also ends a line). */
    String readLine(String waitingFor) throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            if (!fill(waitingFor)) {
                throw new StartTlsException("the " + peer + " closed the connection while we waited for " + waitingFor
                        + (line.length() > 0 ? " (after the partial line \"" + line + "\")" : ""), line.toString());
            }
            byte b = buf[pos++];
            if (b == '\n') {
                int len = line.length();
                if (len > 0 && line.charAt(len - 1) == '\r') {
                    line.setLength(len - 1);
                }
                String s = line.toString();
                transcript.add(received() + s);
                return s;
            }
            if (line.length() >= MAX_LINE) {
                throw new StartTlsException("the " + peer + " sent a line longer than " + MAX_LINE + " bytes while we"
                        + " waited for " + waitingFor + ": it is not speaking the expected protocol");
            }
            line.append((char) (b & 0xff));
        }
    }

    int readByte(String waitingFor) throws IOException {
        if (!fill(waitingFor)) {
            throw new StartTlsException("the " + peer + " closed the connection while we waited for " + waitingFor);
        }
        return buf[pos++] & 0xff;
    }

    byte[] readExact(int n, String waitingFor) throws IOException {
        byte[] r = new byte[n];
        for (int i = 0; i < n; i++) {
            r[i] = (byte) readByte(waitingFor);
        }
        return r;
    }

    /** Text up to and including the first of {@code markers}, at most {@code max} bytes. */
    String readUntil(String waitingFor, int max, String... markers) throws IOException {
        StringBuilder s = new StringBuilder();
        while (true) {
            s.append((char) readByte(waitingFor));
            for (String m : markers) {
                if (endsWith(s, m)) {
                    transcript.add(received() + s);
                    return s.toString();
                }
            }
            if (s.length() >= max) {
                throw new StartTlsException("the " + peer + " sent " + max + " bytes without " + waitingFor + ": it is not"
                        + " speaking the expected protocol", s.substring(0, Math.min(80, s.length())));
            }
        }
    }

    private static boolean endsWith(StringBuilder s, String m) {
        int off = s.length() - m.length();
        if (off < 0) {
            return false;
        }
        for (int i = 0; i < m.length(); i++) {
            if (s.charAt(off + i) != m.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    void writeLine(String line) throws IOException {
        transcript.add(sent() + line);
        out.write((line + "\r\n").getBytes(ASCII));
        out.flush();
    }

    void writeText(String text) throws IOException {
        transcript.add(sent() + text);
        out.write(text.getBytes(ASCII));
        out.flush();
    }

    void writeBytes(byte[] b) throws IOException {
        transcript.add(sent() + hex(b));
        out.write(b);
        out.flush();
    }

    /** The bytes read into the buffer but not consumed. */
    byte[] leftover() {
        byte[] r = new byte[end - pos];
        System.arraycopy(buf, pos, r, 0, r.length);
        return r;
    }

    /**
     * Client side: the server's go-ahead must be the last thing before TLS. Bytes already buffered were
     * injected in plain text (STARTTLS response injection; Poddebniak et al., "Why TLS is better without
     * STARTTLS", USENIX Security 2021; PostgreSQL CVE-2021-23222), so they are refused.
     */
    void requireNothingMore(String after) throws StartTlsException {
        if (end > pos) {
            byte[] extra = leftover();
            throw new StartTlsException("the server sent " + extra.length + " more byte" + (extra.length == 1 ? "" : "s")
                    + " right after " + after + ", before TLS began (" + hex(extra) + "): a server must wait for our"
                    + " ClientHello, so these bytes were injected in plain text (STARTTLS response injection);"
                    + " refusing to continue");
        }
    }

    static String hex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < b.length && i < 32; i++) {
            s.append(String.format("%02x", b[i] & 0xff));
        }
        if (b.length > 32) {
            s.append("...");
        }
        return s.toString();
    }

    Socket socket() {
        return socket;
    }
}
