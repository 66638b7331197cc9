package org.tls4j.starttls;

import java.net.Socket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The outcome of a finished STARTTLS preamble: the socket, now ready for the first TLS byte, and every
 * byte already read from it past the preamble. {@link org.tls4j.TlsSocket#upgrade} runs TLS over it.
 *
 * <p><b>Leftover bytes.</b> Preambles read through a small buffer, so the bytes after the last plain-text
 * line may already have been read. They are never dropped: {@link #leftover()} returns them, and whoever
 * runs TLS over {@link #socket()} must feed them to the TLS record layer before reading the socket. They
 * arrived before TLS, so they are unauthenticated: they may only ever be parsed as TLS records, never
 * handed to the application (the STARTTLS command injection of CVE-2011-0411 came from servers that
 * treated such bytes as if they had come over TLS).
 *
 * <p>On the client side the server has nothing to say between its go-ahead and our ClientHello, so the
 * client preambles refuse any leftover (see {@link StartTlsException}) and their leftover is always
 * empty; on the server side a client may pipeline its ClientHello right after the command, and those bytes
 * are here.
 */
public final class Upgrade {
    private final Socket socket;
    private final byte[] leftover;
    private final String protocol;
    private final List<String> transcript;
    private final List<String> capabilities;

    Upgrade(Socket socket, byte[] leftover, String protocol, List<String> transcript, List<String> capabilities) {
        this.socket = socket;
        this.leftover = leftover.clone();
        this.protocol = protocol;
        this.transcript = Collections.unmodifiableList(new ArrayList<String>(transcript));
        this.capabilities = Collections.unmodifiableList(new ArrayList<String>(capabilities));
    }

    /** The connected socket; the next byte on it belongs to TLS. */
    public Socket socket() {
        return socket;
    }

    /** A copy of the bytes read past the preamble, to be given to TLS before the socket's own bytes. */
    public byte[] leftover() {
        return leftover.clone();
    }

    /** "SMTP", "IMAP", "POP3", "FTP", "XMPP", "LDAP" or "PostgreSQL". */
    public String protocol() {
        return protocol;
    }

    /**
     * The plain-text exchange, one entry per line or message: {@code "C: EHLO ..."} for what the client
     * sent, {@code "S: 250-STARTTLS"} for what the server sent (binary messages in hex), for traces.
     */
    public List<String> transcript() {
        return transcript;
    }

    /**
     * What the server advertised before the upgrade (SMTP EHLO keywords, IMAP capabilities, POP3 CAPA
     * lines; empty otherwise). RFC 3207, Section 4.2 and RFC 3501, Section 6.2.1: this knowledge must be
     * discarded after TLS and asked for again; it is kept here for the trace only.
     */
    public List<String> capabilities() {
        return capabilities;
    }
}
