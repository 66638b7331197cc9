package org.tls4j;

import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.tls4j.handshake.tls13.TlsListener;

/**
 * A {@link TlsListener} that appends every secret to a key log file in the NSS key log format, the
 * format of the {@code SSLKEYLOGFILE} variable that Wireshark, tshark, OpenSSL ({@code -keylogfile}),
 * NSS and curl understand. One line per secret:
 *
 * <pre>
 * LABEL &lt;ClientHello.random, 64 hex digits&gt; &lt;secret, hex&gt;
 * </pre>
 *
 * For TLS 1.3 the labels are CLIENT_HANDSHAKE_TRAFFIC_SECRET, SERVER_HANDSHAKE_TRAFFIC_SECRET,
 * CLIENT_TRAFFIC_SECRET_0, SERVER_TRAFFIC_SECRET_0 and EXPORTER_SECRET (RFC 8446, Section 7.1 names the
 * secrets; the format is described in draft-ietf-tls-keylogfile).
 *
 * <p>INSECURE by design: whoever can read the file can decrypt every logged connection. For debugging
 * and teaching only. Thread-safe: engines on several threads may share one writer; each line is written
 * whole and flushed at once, so a capture tool reading the file sees complete lines.
 */
public final class KeyLogWriter implements TlsListener, Closeable {
    private final OutputStream out;

    /** Appends to {@code path} (created when missing). */
    public KeyLogWriter(String path) throws IOException {
        this(new FileOutputStream(path, true));
    }

    /** Writes to {@code out} (closed by {@link #close()}). */
    public KeyLogWriter(OutputStream out) {
        if (out == null) {
            throw new IllegalArgumentException("no output stream");
        }
        this.out = out;
    }

    /** The key log line for one secret, without the line break. */
    public static String line(String label, byte[] clientRandom, byte[] secret) {
        StringBuilder b = new StringBuilder(label.length() + 2 + 2 * (clientRandom.length + secret.length));
        b.append(label).append(' ');
        hex(b, clientRandom);
        b.append(' ');
        hex(b, secret);
        return b.toString();
    }

    private static void hex(StringBuilder b, byte[] v) {
        final String digits = "0123456789abcdef";
        for (byte x : v) {
            b.append(digits.charAt((x >> 4) & 0xf)).append(digits.charAt(x & 0xf));
        }
    }

    /**
     * Appends and flushes the line.
     *
     * @throws UncheckedIOException when the file cannot be written (the listener interface has no
     *     checked exception; losing key log lines silently would defeat the purpose)
     */
    @Override
    public void onSecret(String label, byte[] clientRandom, byte[] secret) {
        byte[] l = (line(label, clientRandom, secret) + "\n").getBytes(StandardCharsets.US_ASCII);
        synchronized (out) {
            try {
                out.write(l);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the key log: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (out) {
            out.close();
        }
    }
}
