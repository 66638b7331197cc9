package org.tls4j.cli;

import java.io.PrintStream;
import org.tls4j.TlsSession;

/** One place for how a negotiated session is shown. */
final class SessionPrinter {
    private SessionPrinter() {}

    static void print(PrintStream out, TlsSession s) {
        out.println("version:          " + s.version());
        out.println("cipher suite:     " + s.cipherSuite().name());
        out.println("group:            " + (s.group() == null ? "-" : s.group().name())
                + (s.helloRetried() ? " (after HelloRetryRequest)" : ""));
        out.println("signature scheme: " + (s.signatureScheme() == null ? "-" : s.signatureScheme().name()));
        out.println("ALPN:             " + (s.applicationProtocol() == null ? "-" : s.applicationProtocol()));
        out.println("server name:      " + (s.serverName() == null ? "-" : s.serverName()));
    }

    /** The one-line form the server logs per connection. */
    static String oneLine(TlsSession s) {
        return s.version() + " " + s.cipherSuite().name() + " " + (s.group() == null ? "-" : s.group().name())
                + (s.helloRetried() ? "(HRR)" : "") + " " + (s.signatureScheme() == null ? "-" : s.signatureScheme().name())
                + " alpn=" + (s.applicationProtocol() == null ? "-" : s.applicationProtocol())
                + " sni=" + (s.serverName() == null ? "-" : s.serverName());
    }
}
