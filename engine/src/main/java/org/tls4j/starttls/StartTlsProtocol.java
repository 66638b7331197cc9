package org.tls4j.starttls;

import java.io.IOException;
import java.net.Socket;
import java.util.Locale;

/**
 * The STARTTLS preambles by name, as {@code tls4j client --starttls NAME} takes them: smtp, imap, pop3,
 * ftp, xmpp, ldap, postgres.
 */
public enum StartTlsProtocol {
    SMTP, IMAP, POP3, FTP, XMPP, LDAP, POSTGRES;

    /** The lower-case name used on the command line. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The protocol for a command-line name (case-insensitive), with a plain-words error otherwise. */
    public static StartTlsProtocol forName(String name) throws StartTlsException {
        for (StartTlsProtocol p : values()) {
            if (p.cliName().equalsIgnoreCase(name)) {
                return p;
            }
        }
        throw new StartTlsException("unknown STARTTLS protocol '" + name + "': choose one of smtp, imap, pop3, ftp,"
                + " xmpp, ldap, postgres");
    }

    /**
     * Runs this protocol's client preamble on a connected socket.
     *
     * @param serverName the server's name; XMPP sends it as the stream's {@code to}, the others ignore it
     */
    public Upgrade client(Socket socket, String serverName) throws IOException {
        switch (this) {
            case SMTP:
                return SmtpStartTls.client(socket);
            case IMAP:
                return ImapStartTls.client(socket);
            case POP3:
                return Pop3StartTls.client(socket);
            case FTP:
                return FtpStartTls.client(socket);
            case XMPP:
                return XmppStartTls.client(socket, serverName);
            case LDAP:
                return LdapStartTls.client(socket);
            default:
                return PostgresStartTls.client(socket);
        }
    }
}
