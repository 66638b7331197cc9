package org.tls4j;

import java.io.IOException;
import java.net.ConnectException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.tls4j.record.ProtocolVersion;

/**
 * A transport URL in PHP's stream-transport form, {@code scheme://host:port}: parsed, formatted, and
 * (for the plain schemes) opened.
 *
 * <pre>
 *   tcp://example.org:25        tls://[2001:db8::1]:443      tlsv1.2://192.0.2.7:8443
 *   example.org:80  (a bare host means tcp://)               tcp://[fe80::1%eth0]:22
 * </pre>
 *
 * <p>The grammar is small on purpose: a scheme from {@link TransportScheme}, a host, a port, nothing
 * else (no user, path or query). The host is an IPv4 address in dotted-quad form, an IPv6 address in
 * brackets (RFC 3986, Section 3.2.2; a zone id after {@code %} as in RFC 6874 is kept verbatim), or a DNS
 * name (RFC 1123, Section 2.1: labels of letters, digits and hyphens, at most 63 bytes each, 253 in all;
 * underscores are tolerated since real names use them). The port runs from 1 to 65535. Every rejection
 * is a {@link TransportException} whose message names the problem and quotes the URL. Parsing never
 * touches the network.
 *
 * <p><b>Versions.</b> {@link #versionsToOffer(Collection)} turns the scheme and the versions a
 * configuration enables into the versions a ClientHello will offer, or refuses in plain words before
 * any byte is sent: a legacy version the configuration leaves off is never offered silently, SSL 2.0 and
 * SSL 3.0 are "not implemented yet", and there is no fallback to another version.
 *
 * <p><b>Opening.</b> {@link #openSocket(int)} connects {@code tcp://}, {@link #openPlainDatagram()}
 * connects {@code udp://} (plain datagrams; there is no DTLS), and {@link #open(TlsConfig, int)} opens a
 * secure scheme as a {@link TlsSocket}: the configuration narrowed to the scheme's versions first
 * ({@link #narrow}: {@code tlsv1.2://} enables TLS 1.2 only), then TCP, SNI and the handshake.
 *
 * <p>Immutable and thread-safe.
 */
public final class Transport {
    /** Longer URLs are refused before any parsing (no host name or port needs more). */
    public static final int MAX_URL_LENGTH = 1024;

    private final TransportScheme scheme;
    private final String host;
    private final int port;

    private Transport(TransportScheme scheme, String host, int port) {
        this.scheme = scheme;
        this.host = host;
        this.port = port;
    }

    /**
     * A transport from its parts, checked as {@link #parse(String)} checks them. An IPv6 host is given
     * without brackets.
     */
    public static Transport of(TransportScheme scheme, String host, int port) throws TransportException {
        if (scheme == null) {
            throw new TransportException("no transport scheme given: choose one of " + TransportScheme.knownList());
        }
        if (host == null || host.isEmpty()) {
            throw new TransportException("the host is empty: give a DNS name, an IPv4 address or an IPv6 address");
        }
        String shown = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return parse(scheme.prefix() + "://" + shown + ":" + port);
    }

    /** Parses a URL that must carry a port. */
    public static Transport parse(String url) throws TransportException {
        return parse(url, -1);
    }

    /**
     * Parses a URL; when it has no port, {@code defaultPort} is used (pass -1 to require a port).
     *
     * @throws TransportException naming what is wrong with the URL, in plain words
     */
    public static Transport parse(String url, int defaultPort) throws TransportException {
        if (url == null) {
            throw new TransportException("no transport URL given");
        }
        if (url.isEmpty()) {
            throw new TransportException("the transport URL is empty: write it as tcp://HOST:PORT or tls://HOST:PORT");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw new TransportException("the transport URL is " + url.length() + " characters long; at most "
                    + MAX_URL_LENGTH + " are accepted");
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c > 0x7e) {
                throw new TransportException("the transport URL '" + printable(url) + "' contains the non-ASCII character "
                        + String.format("U+%04X", (int) c) + " at position " + i
                        + ": write an internationalised host name in its ASCII (xn--) form");
            }
            if (c <= 0x20 || c == 0x7f) {
                throw new TransportException("the transport URL '" + printable(url) + "' contains "
                        + (c == ' ' ? "a space" : String.format("the control character 0x%02x", (int) c))
                        + " at position " + i + ": a transport URL has no spaces or control characters");
            }
        }
        TransportScheme scheme = TransportScheme.TCP;
        String rest = url;
        int sep = url.indexOf("://");
        if (sep >= 0) {
            String prefix = url.substring(0, sep);
            if (prefix.isEmpty()) {
                throw new TransportException("'" + url + "' starts with '://': put a transport before it, one of "
                        + TransportScheme.knownList());
            }
            scheme = TransportScheme.forPrefix(prefix);
            if (scheme == null) {
                throw new TransportException("unknown transport '" + prefix + "://' in '" + url
                        + "': the known transports are " + TransportScheme.knownList() + hintFor(prefix));
            }
            rest = url.substring(sep + 3);
        }
        if (rest.isEmpty()) {
            throw new TransportException("the host is empty in '" + url + "': write it as " + scheme + "HOST:PORT");
        }
        String host;
        String portText;
        if (rest.charAt(0) == '[') {
            int close = rest.indexOf(']');
            if (close < 0) {
                throw new TransportException("the IPv6 address in '" + url + "' opens with '[' but never closes with ']'");
            }
            host = rest.substring(1, close);
            if (host.isEmpty()) {
                throw new TransportException("the host is empty in '" + url + "': the brackets [] hold no IPv6 address");
            }
            String problem = ipv6Problem(host);
            if (problem != null) {
                throw new TransportException("'" + host + "' in '" + url + "' is not an IPv6 address: " + problem);
            }
            String after = rest.substring(close + 1);
            if (after.isEmpty()) {
                portText = null;
            } else if (after.charAt(0) == ':') {
                portText = after.substring(1);
            } else {
                throw new TransportException("unexpected '" + after + "' after the IPv6 address [" + host + "] in '" + url
                        + "': only ':PORT' may follow it");
            }
        } else {
            int first = rest.indexOf(':');
            int last = rest.lastIndexOf(':');
            if (first != last) {
                throw new TransportException(unbracketed(url, scheme, rest, last));
            }
            if (first < 0) {
                host = rest;
                portText = null;
            } else {
                host = rest.substring(0, first);
                portText = rest.substring(first + 1);
            }
            if (host.isEmpty()) {
                throw new TransportException("the host is empty in '" + url + "': write it as " + scheme + "HOST:PORT");
            }
            String problem = isDigitsAndDots(host) ? ipv4Problem(host) : dnsProblem(host);
            if (problem != null) {
                throw new TransportException("'" + host + "' in '" + url + "' is not a valid host: " + problem);
            }
        }
        int port;
        if (portText == null) {
            if (defaultPort < 0) {
                throw new TransportException("no port in '" + url + "': add one as ':PORT', for example " + scheme
                        + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":443");
            }
            if (defaultPort < 1 || defaultPort > 65535) {
                throw new TransportException("the default port " + defaultPort + " is out of range: ports go from 1 to 65535");
            }
            port = defaultPort;
        } else {
            port = parsePort(url, portText);
        }
        return new Transport(scheme, host, port);
    }

    private static int parsePort(String url, String text) throws TransportException {
        if (text.isEmpty()) {
            throw new TransportException("the port after ':' is empty in '" + url + "': write a number from 1 to 65535");
        }
        int digits = 0;
        while (digits < text.length() && text.charAt(digits) >= '0' && text.charAt(digits) <= '9') {
            digits++;
        }
        if (digits == 0) {
            throw new TransportException("the port '" + text + "' in '" + url + "' is not a number: write a number from 1 to 65535");
        }
        if (digits < text.length()) {
            throw new TransportException("unexpected '" + text.substring(digits) + "' after the port " + text.substring(0, digits)
                    + " in '" + url + "': a transport URL ends with the port (no path, no query)");
        }
        int start = 0;
        while (start < digits - 1 && text.charAt(start) == '0') {
            start++;
        }
        String significant = text.substring(start);
        if (significant.length() > 5 || Integer.parseInt(significant) > 65535 || Integer.parseInt(significant) == 0) {
            throw new TransportException("the port " + text + " in '" + url + "' is out of range: ports go from 1 to 65535");
        }
        return Integer.parseInt(significant);
    }

    private static String unbracketed(String url, TransportScheme scheme, String rest, int lastColon) {
        String before = rest.substring(0, lastColon);
        String after = rest.substring(lastColon + 1);
        boolean withPort = ipv6Problem(before) == null && !after.isEmpty() && isDigits(after);
        if (ipv6Problem(rest) == null && withPort) {
            return "'" + rest + "' in '" + url + "' is ambiguous: it reads as the IPv6 address " + rest + ", or as "
                    + before + " with port " + after + "; an IPv6 address goes in brackets: write " + scheme + "["
                    + before + "]:" + after + " for port " + after + ", or " + scheme + "[" + rest + "]:PORT";
        }
        if (ipv6Problem(rest) == null) {
            return "'" + rest + "' in '" + url + "' looks like an IPv6 address: write it in brackets, as in "
                    + scheme + "[" + rest + "]:PORT";
        }
        if (withPort) {
            return "the IPv6 address " + before + " in '" + url + "' must be in brackets when a port follows: write "
                    + scheme + "[" + before + "]:" + after;
        }
        return "'" + rest + "' in '" + url + "' has more than one ':': a host is followed by one ':PORT', and an IPv6"
                + " address goes in brackets, as in " + scheme + "[2001:db8::1]:443";
    }

    private static String hintFor(String prefix) {
        String p = prefix.toLowerCase(Locale.ROOT);
        if (p.equals("https")) {
            return " (for HTTPS write tls://HOST:443)";
        }
        if (p.equals("http")) {
            return " (for plain HTTP write tcp://HOST:80)";
        }
        if (p.equals("dtls")) {
            return " (DTLS is not implemented)";
        }
        if (p.startsWith("tlsv1") || p.startsWith("sslv")) {
            return " (versions are written tlsv1.0 to tlsv1.3, sslv2 and sslv3)";
        }
        return "";
    }

    private static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigitsAndDots(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < '0' || c > '9') && c != '.') {
                return false;
            }
        }
        return true;
    }

    /** Null for a dotted-quad IPv4 address (RFC 3986, Section 3.2.2, dec-octet), else what is wrong. */
    static String ipv4Problem(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return "an IPv4 address has four numbers separated by dots, this has " + parts.length;
        }
        for (String p : parts) {
            if (p.isEmpty()) {
                return "an IPv4 address has no empty part";
            }
            if (p.length() > 1 && p.charAt(0) == '0') {
                return "the part '" + p + "' has a leading zero, which some systems read as octal; write it without";
            }
            if (p.length() > 3 || Integer.parseInt(p) > 255) {
                return "the part " + p + " is above 255";
            }
        }
        return null;
    }

    /**
     * Null for an IPv6 address in RFC 4291, Section 2.2 text form (optionally with a trailing IPv4
     * part and a {@code %zone} as in RFC 6874), else what is wrong.
     */
    static String ipv6Problem(String s) {
        String addr = s;
        int pct = s.indexOf('%');
        if (pct >= 0) {
            addr = s.substring(0, pct);
            String zone = s.substring(pct + 1);
            if (zone.isEmpty()) {
                return "the zone id after '%' is empty";
            }
            for (int i = 0; i < zone.length(); i++) {
                char c = zone.charAt(i);
                if (!(Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '~' || c == '-')) {
                    return "the zone id '" + zone + "' contains '" + c + "'";
                }
            }
        }
        if (addr.isEmpty()) {
            return "the address is empty";
        }
        int dbl = addr.indexOf("::");
        if (dbl >= 0 && addr.indexOf("::", dbl + 1) >= 0) {
            return "'::' may appear only once";
        }
        int groups;
        if (dbl >= 0) {
            int head = countGroups(addr.substring(0, dbl), false);
            int tail = countGroups(addr.substring(dbl + 2), true);
            if (head < 0 || tail < 0) {
                return groupProblem(addr);
            }
            groups = head + tail;
            if (groups > 7) {
                return "it has " + groups + " groups besides '::', at most 7 fit";
            }
        } else {
            groups = countGroups(addr, true);
            if (groups < 0) {
                return groupProblem(addr);
            }
            if (groups != 8) {
                return "it has " + groups + " groups of hex digits; an IPv6 address has 8, or '::' for a run of zeros";
            }
        }
        return null;
    }

    private static String groupProblem(String addr) {
        return "'" + addr + "' is not made of groups of 1 to 4 hex digits separated by ':'";
    }

    /** The number of 16-bit groups in a ':'-separated run, an IPv4 tail counting two; -1 when invalid. */
    private static int countGroups(String part, boolean ipv4TailAllowed) {
        if (part.isEmpty()) {
            return 0;
        }
        String[] g = part.split(":", -1);
        int n = 0;
        for (int i = 0; i < g.length; i++) {
            String x = g[i];
            if (i == g.length - 1 && ipv4TailAllowed && x.indexOf('.') >= 0) {
                if (!isDigitsAndDots(x) || ipv4Problem(x) != null) {
                    return -1;
                }
                n += 2;
                continue;
            }
            if (x.isEmpty() || x.length() > 4) {
                return -1;
            }
            for (int k = 0; k < x.length(); k++) {
                if (Character.digit(x.charAt(k), 16) < 0) {
                    return -1;
                }
            }
            n++;
        }
        return n;
    }

    /** Null for a DNS name (RFC 1123, Section 2.1; RFC 1035, Section 2.3.4 lengths), else what is wrong. */
    static String dnsProblem(String s) {
        String name = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        if (name.isEmpty()) {
            return "a host name needs at least one label";
        }
        if (name.length() > 253) {
            return "a DNS name is at most 253 characters, this has " + name.length();
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' ) {
                return "it contains '/', and a transport URL has no path";
            }
            if (c == '@') {
                return "it contains '@', and a transport URL has no user name";
            }
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.')) {
                return "it contains '" + c + "', which no host name contains (letters, digits, '-' and '.')";
            }
        }
        String[] labels = name.split("\\.", -1);
        for (String label : labels) {
            if (label.isEmpty()) {
                return "it has an empty label (two dots in a row, or a leading dot)";
            }
            if (label.length() > 63) {
                return "the label '" + label.substring(0, 10) + "...' is " + label.length() + " characters, at most 63 fit";
            }
            if (label.charAt(0) == '-' || label.charAt(label.length() - 1) == '-') {
                return "the label '" + label + "' starts or ends with '-'";
            }
        }
        return null;
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && i < 80; i++) {
            char c = s.charAt(i);
            b.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return b.toString();
    }

    public TransportScheme scheme() {
        return scheme;
    }

    /** The host as written, without brackets for IPv6 (a zone id stays after its {@code %}). */
    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** True when the host is an IPv6 literal (written in brackets). */
    public boolean isIpv6Literal() {
        return host.indexOf(':') >= 0;
    }

    /** True when the host is an IPv4 or IPv6 literal rather than a DNS name. */
    public boolean isIpLiteral() {
        return isIpv6Literal() || isDigitsAndDots(host);
    }

    /**
     * The name to send in server_name, or null for an IP literal: RFC 6066, Section 3 allows only DNS
     * host names there ("Literal IPv4 and IPv6 addresses are not permitted"). A trailing dot is dropped.
     */
    public String serverName() {
        if (isIpLiteral()) {
            return null;
        }
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    /** Host and port as an unresolved socket address: building it does no DNS lookup. */
    public InetSocketAddress target() {
        return InetSocketAddress.createUnresolved(host, port);
    }

    /**
     * The versions a client offers for this transport, highest first, given the versions the
     * configuration enables; or a refusal in plain words, thrown before any byte is sent.
     *
     * <ul>
     *   <li>{@code ssl://}: every enabled version;
     *   <li>{@code tls://}: the enabled ones among TLS 1.0-1.3;
     *   <li>an exact scheme: its one version, which the configuration must enable. A legacy version
     *       that is off is refused with the way to turn it on; nothing falls back to another version.
     * </ul>
     * SSL 2.0 and SSL 3.0 are not implemented yet: any scheme that would offer them is refused.
     */
    public List<ProtocolVersion> versionsToOffer(Collection<ProtocolVersion> enabled) throws TransportException {
        if (!scheme.isSecure()) {
            throw new TransportException(scheme + " is a plain transport: it offers no SSL/TLS version;"
                    + " use tls:// (or ssl://) for TLS");
        }
        if (enabled == null || enabled.isEmpty()) {
            throw new TransportException("the configuration enables no protocol version, so " + scheme
                    + " has nothing to offer: enable at least TLSv1.3");
        }
        List<ProtocolVersion> sorted = new ArrayList<ProtocolVersion>();
        for (ProtocolVersion v : enabled) {
            if (v == null) {
                throw new TransportException("the configuration's enabled versions contain a null entry");
            }
            if (!sorted.contains(v)) {
                sorted.add(v);
            }
        }
        Collections.sort(sorted, Collections.<ProtocolVersion>reverseOrder());
        if (scheme.isExactVersion()) {
            ProtocolVersion v = scheme.namedVersions().get(0);
            if (isNotImplemented(v)) {
                throw new TransportException(notImplemented(v, scheme.toString() + " asks for exactly " + v));
            }
            if (!sorted.contains(v)) {
                throw new TransportException(scheme + " asks for exactly " + v + ", but the configuration does not enable"
                        + " it (it enables " + join(sorted) + ")" + howToEnable(v)
                        + "; tls4j does not fall back to another version");
            }
            return Collections.singletonList(v);
        }
        List<ProtocolVersion> offer = new ArrayList<ProtocolVersion>();
        for (ProtocolVersion v : sorted) {
            if (scheme.isNegotiated() && isNotImplemented(v)) {
                throw new TransportException(notImplemented(v, "the configuration enables " + v + " for ssl://"));
            }
            if (scheme.isNegotiated() || scheme.namedVersions().contains(v)) {
                offer.add(v);
            }
        }
        if (offer.isEmpty()) {
            throw new TransportException(scheme + " means " + join(scheme.namedVersions()) + ", but the configuration"
                    + " enables none of them (it enables " + join(sorted) + "): enable TLSv1.3 or TLSv1.2,"
                    + " or use ssl:// to offer exactly what the configuration enables");
        }
        return Collections.unmodifiableList(offer);
    }

    private static boolean isNotImplemented(ProtocolVersion v) {
        return v.equals(ProtocolVersion.SSL2) || v.equals(ProtocolVersion.SSL3) || !v.isKnown() || v.isDtls();
    }

    private static String notImplemented(ProtocolVersion v, String what) {
        if (v.equals(ProtocolVersion.SSL2) || v.equals(ProtocolVersion.SSL3)) {
            return what + ", which tls4j does not implement yet (SSL 2.0 and SSL 3.0 arrive in a later release);"
                    + " nothing was sent, and tls4j does not fall back to another version";
        }
        return what + ", which tls4j does not implement; nothing was sent";
    }

    /** How to turn on a version the configuration leaves off, and why it is off (RFC 8996 for 1.0/1.1). */
    static String howToEnable(ProtocolVersion v) {
        String why = "";
        if (v.equals(ProtocolVersion.TLS10) || v.equals(ProtocolVersion.TLS11)) {
            why = ". " + v + " is deprecated (RFC 8996) and off by default";
        }
        return why + ". To use it anyway, enable it in the configuration, for example"
                + " TlsConfig.builder().versions(ProtocolVersion.TLS13, ProtocolVersion."
                + constantName(v) + ") (tls4j client --versions " + v + ")";
    }

    /** The ProtocolVersion constant's name, as a user writes it in TlsConfig.builder().versions(...). */
    static String constantName(ProtocolVersion v) {
        if (v.equals(ProtocolVersion.TLS10)) {
            return "TLS10";
        } else if (v.equals(ProtocolVersion.TLS11)) {
            return "TLS11";
        } else if (v.equals(ProtocolVersion.TLS12)) {
            return "TLS12";
        } else if (v.equals(ProtocolVersion.TLS13)) {
            return "TLS13";
        } else if (v.equals(ProtocolVersion.SSL3)) {
            return "SSL3";
        }
        return "SSL2";
    }

    static String join(Collection<ProtocolVersion> vs) {
        StringBuilder b = new StringBuilder();
        for (ProtocolVersion v : vs) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(v);
        }
        return b.length() == 0 ? "none" : b.toString();
    }

    /**
     * Opens a secure transport ({@code tls://}, {@code ssl://}, an exact-version scheme) as a client
     * {@link TlsSocket} with its handshake done:
     * <ol>
     *   <li>{@link #narrow}: the configuration keeps only the scheme's versions ({@link #versionsToOffer});
     *       a refusal (a version the configuration leaves off, SSL 2.0/3.0, suites that do not fit) is
     *       thrown before any connection;
     *   <li>TCP connect within {@code timeoutMillis};
     *   <li>SNI: the configuration's {@link TlsConfig#serverName()} if set, otherwise {@link #serverName()}
     *       (the host when it is a DNS name; none for an IP literal, RFC 6066, Section 3);
     *   <li>the handshake, within {@code timeoutMillis} too; its failure closes the socket and is thrown
     *       (in plain words when the server does not speak TLS).
     * </ol>
     *
     * @param timeoutMillis connect timeout and handshake timeout (each); 0 waits forever
     */
    public TlsSocket open(TlsConfig config, int timeoutMillis) throws IOException {
        if (timeoutMillis < 0) {
            throw new TransportException("the timeout is negative (" + timeoutMillis + " ms)");
        }
        if (!scheme.isSecure()) {
            throw new TransportException(scheme + " is a plain transport: open it with openSocket(timeout), or use"
                    + " tls:// for TLS");
        }
        TlsConfig narrowed = narrow(config);
        TlsConfig c = narrowed.serverName() != null ? narrowed : narrowed.withServerName(serverName());
        Socket s = connectTcp(timeoutMillis);
        TlsSocket t;
        try {
            t = TlsSocket.client(s, c);
        } catch (IOException | RuntimeException e) {
            closeQuietly(s);
            throw e;
        }
        t.setHandshakeTimeout(timeoutMillis);
        try {
            t.startHandshake();
        } catch (IOException | RuntimeException e) {
            t.close();
            throw e;
        }
        return t;
    }

    /**
     * The configuration a secure scheme opens with: {@code config} with only the versions of
     * {@link #versionsToOffer} enabled ({@link TlsConfig#withVersions}), everything else kept, including
     * the session cache. Refused in plain words, before any byte is sent, when the scheme needs a
     * version the configuration does not enable, or when the configuration's TLS 1.0-1.2 cipher suites
     * cannot be used in the narrowed versions.
     */
    public TlsConfig narrow(TlsConfig config) throws TransportException {
        if (config == null) {
            throw new TransportException("no TlsConfig given: use TlsConfig.builder().build() for the defaults");
        }
        List<ProtocolVersion> offer = versionsToOffer(config.versions());
        if (offer.size() == config.versions().size() && offer.containsAll(config.versions())) {
            return config;
        }
        try {
            return config.withVersions(offer.toArray(new ProtocolVersion[0]));
        } catch (IllegalArgumentException e) {
            throw new TransportException(scheme + " narrows the configuration to " + join(offer) + ", but that does"
                    + " not work with the rest of it (" + e.getMessage() + "); enable TLS 1.0-1.2 suites that "
                    + join(offer) + " can use with TlsConfig.builder().tls12CipherSuites(...), or use another"
                    + " scheme; nothing was sent", e);
        }
    }

    /**
     * Connects a {@code tcp://} transport: resolves the host, connects within the timeout, and returns
     * the connected socket. Secure schemes are refused here: open them with {@link #open(TlsConfig, int)}.
     *
     * @param connectTimeoutMillis the connect timeout; 0 waits forever
     */
    public Socket openSocket(int connectTimeoutMillis) throws IOException {
        if (connectTimeoutMillis < 0) {
            throw new TransportException("the connect timeout is negative (" + connectTimeoutMillis + " ms)");
        }
        if (scheme == TransportScheme.UDP) {
            throw new TransportException("udp:// is a datagram transport: open it with openPlainDatagram(), not as a socket");
        }
        if (scheme.isSecure()) {
            throw new TransportException(scheme + " is a secure transport: open it with open(TlsConfig, timeout),"
                    + " which returns a TlsSocket, or connect with tcp:// for plain TCP");
        }
        return connectTcp(connectTimeoutMillis);
    }

    private Socket connectTcp(int connectTimeoutMillis) throws IOException {
        InetSocketAddress address = resolve();
        Socket s = new Socket();
        try {
            s.connect(address, connectTimeoutMillis);
            return s;
        } catch (SocketTimeoutException e) {
            closeQuietly(s);
            throw new TransportException("no answer from " + format() + " within " + connectTimeoutMillis
                    + " ms: the host is down, unreachable, or a firewall drops the connection", e);
        } catch (ConnectException e) {
            closeQuietly(s);
            throw new TransportException("nothing accepts connections at " + format() + " (" + e.getMessage()
                    + "): check the host and the port", e);
        } catch (IOException e) {
            closeQuietly(s);
            throw e;
        }
    }

    /**
     * Opens a {@code udp://} transport as a plain, connected {@link DatagramSocket}: no DTLS, the
     * datagrams travel in the clear.
     */
    public DatagramSocket openPlainDatagram() throws IOException {
        if (scheme != TransportScheme.UDP) {
            throw new TransportException(scheme + " is not a datagram transport: only udp:// opens as a plain DatagramSocket");
        }
        InetSocketAddress address = resolve();
        DatagramSocket d = new DatagramSocket();
        try {
            d.connect(address);
            return d;
        } catch (RuntimeException e) {
            d.close();
            throw new TransportException("cannot connect the datagram socket to " + format() + ": " + e.getMessage(), e);
        }
    }

    private InetSocketAddress resolve() throws TransportException {
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw new TransportException("cannot resolve the host '" + host + "' of " + format()
                    + ": check its spelling and the DNS", e);
        } catch (SecurityException e) {
            throw new TransportException("not allowed to resolve '" + host + "': " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // the connect already failed; that failure is the one reported
        }
    }

    /** The URL in canonical form: lower-case scheme, IPv6 in brackets, always a port. */
    public String format() {
        return scheme.prefix() + "://" + (isIpv6Literal() ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        return format();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Transport)) {
            return false;
        }
        Transport t = (Transport) o;
        return t.scheme == scheme && t.host.equals(host) && t.port == port;
    }

    @Override
    public int hashCode() {
        return (scheme.hashCode() * 31 + host.hashCode()) * 31 + port;
    }
}
