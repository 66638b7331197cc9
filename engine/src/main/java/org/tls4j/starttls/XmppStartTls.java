package org.tls4j.starttls;

import java.io.IOException;
import java.net.Socket;
import java.util.Collections;

/**
 * XMPP STARTTLS, client side (RFC 6120, Section 5.4).
 *
 * <pre>
 *   C: &lt;?xml version='1.0'?&gt;&lt;stream:stream to='example.org' version='1.0' xmlns='jabber:client' ...&gt;
 *   S: &lt;stream:stream ...&gt;&lt;stream:features&gt;&lt;starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/&gt;...&lt;/stream:features&gt;
 *   C: &lt;starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/&gt;
 *   S: &lt;proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/&gt;           from here on: TLS
 * </pre>
 *
 * No XML parser: the preamble looks for the elements above in the text it reads (at most 64 KiB), which
 * is what RFC 6120 fixes; after TLS the client opens a new stream (RFC 6120, Section 5.4.3.3).
 */
public final class XmppStartTls {
    static final String TLS_NS = "urn:ietf:params:xml:ns:xmpp-tls";
    private static final int MAX_FEATURES = 65536;

    private XmppStartTls() {}

    /**
     * Runs the preamble up to and including {@code <proceed/>}.
     *
     * @param domain the server's XMPP domain, sent as the stream's {@code to}
     */
    public static Upgrade client(Socket socket, String domain) throws IOException {
        if (domain == null || domain.isEmpty() || !domain.matches("[A-Za-z0-9.\\-_]+")) {
            throw new StartTlsException("'" + domain + "' is not an XMPP domain we can send: use letters, digits, '.',"
                    + " '-' and '_' (the ASCII form of the domain)");
        }
        Wire w = new Wire(socket, "server");
        w.writeText("<?xml version='1.0'?><stream:stream to='" + domain + "' version='1.0' xml:lang='en'"
                + " xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>");
        String head = w.readUntil("the server's stream features", MAX_FEATURES, "</stream:features>",
                "<stream:features/>", "</stream:error>");
        if (head.contains("<stream:error")) {
            throw new StartTlsException("the server closed the stream with an error: " + head.substring(
                    head.indexOf("<stream:error")), head);
        }
        if (!head.contains("<stream:stream")) {
            throw new StartTlsException("the server did not open an XMPP stream; it sent: " + abbreviate(head), head);
        }
        String features = head.substring(head.indexOf("<stream:features"));
        if (!(features.contains("<starttls") && features.contains(TLS_NS))) {
            throw new StartTlsException("the server does not offer STARTTLS (its stream features are "
                    + abbreviate(features) + "): it cannot upgrade this connection to TLS; try port 5223 (direct TLS,"
                    + " tls://)", features);
        }
        w.writeText("<starttls xmlns='" + TLS_NS + "'/>");
        String answer = w.readUntil("the answer to starttls", MAX_FEATURES, ">").trim();
        if (answer.startsWith("<proceed") && answer.contains(TLS_NS)) {
            if (!answer.endsWith("/>")) {
                w.readUntil("the end of <proceed>", MAX_FEATURES, "</proceed>");
            }
        } else if (answer.startsWith("<failure")) {
            throw new StartTlsException("the server refused STARTTLS (<failure/>): it cannot use TLS now (RFC 6120,"
                    + " Section 5.4.2.2)", answer);
        } else {
            throw new StartTlsException("the server answered starttls with " + abbreviate(answer) + " instead of"
                    + " <proceed/>", answer);
        }
        w.requireNothingMore("its <proceed/>");
        return new Upgrade(socket, w.leftover(), "XMPP", w.transcript, Collections.<String>emptyList());
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
