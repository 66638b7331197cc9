package org.tls4j.cli;

/**
 * A {@code tls://HOST:PORT} address as the {@code tls4j client} command takes it. HOST may be a name,
 * an IPv4 address or a bracketed IPv6 address ({@code tls://[::1]:8443}); the port is required.
 */
final class Endpoint {
    final String host;
    final int port;

    private Endpoint(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** Parses {@code tls://HOST:PORT}; throws IllegalArgumentException naming what is wrong. */
    static Endpoint parse(String url) {
        String prefix = "tls://";
        if (url == null || !url.regionMatches(true, 0, prefix, 0, prefix.length())) {
            throw new IllegalArgumentException("expected tls://HOST:PORT, got '" + url + "'");
        }
        String rest = url.substring(prefix.length());
        if (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        String host;
        String port;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0 || close + 1 >= rest.length() || rest.charAt(close + 1) != ':') {
                throw new IllegalArgumentException("expected tls://[IPv6]:PORT, got '" + url + "'");
            }
            host = rest.substring(1, close);
            port = rest.substring(close + 2);
        } else {
            int colon = rest.lastIndexOf(':');
            if (colon < 0 || rest.indexOf(':') != colon) {
                throw new IllegalArgumentException("expected tls://HOST:PORT (port required), got '" + url + "'");
            }
            host = rest.substring(0, colon);
            port = rest.substring(colon + 1);
        }
        if (host.isEmpty() || host.indexOf('/') >= 0 || host.indexOf('@') >= 0) {
            throw new IllegalArgumentException("bad host in '" + url + "'");
        }
        int p;
        try {
            p = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port in '" + url + "'");
        }
        if (p < 1 || p > 65535) {
            throw new IllegalArgumentException("port out of range in '" + url + "'");
        }
        return new Endpoint(host, p);
    }

    /** Whether the host is an IP literal (then no server_name is sent, RFC 6066, Section 3). */
    boolean isIpLiteral() {
        return host.indexOf(':') >= 0 || host.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
