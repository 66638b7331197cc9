package org.tls4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.tls4j.record.ProtocolVersion;

/**
 * The schemes of a transport URL, as PHP's stream transports name them
 * (https://www.php.net/manual/en/transports.inet.php), and the protocol versions each one names.
 *
 * <ul>
 *   <li>{@code tcp://}, {@code udp://}: plain sockets, no TLS (no DTLS either: {@code udp://} is plain).
 *   <li>{@code ssl://}: every version the configuration enables; the handshake negotiates one.
 *   <li>{@code tls://}: TLS 1.0 to TLS 1.3 (RFC 2246, 4346, 5246, 8446), as far as the configuration
 *       enables them.
 *   <li>{@code sslv2://}, {@code sslv3://}, {@code tlsv1.0://} ... {@code tlsv1.3://}: exactly that
 *       version, nothing else, never a fallback.
 * </ul>
 *
 * <p>The mapping is data ({@link #namedVersions()}), so the CLI, the docs and the tests read one table.
 */
public enum TransportScheme {
    TCP("tcp", false, false),
    UDP("udp", false, false),
    SSL("ssl", true, true),
    TLS("tls", true, false, ProtocolVersion.TLS10, ProtocolVersion.TLS11, ProtocolVersion.TLS12,
            ProtocolVersion.TLS13),
    SSLV2("sslv2", true, false, ProtocolVersion.SSL2),
    SSLV3("sslv3", true, false, ProtocolVersion.SSL3),
    TLSV1_0("tlsv1.0", true, false, ProtocolVersion.TLS10),
    TLSV1_1("tlsv1.1", true, false, ProtocolVersion.TLS11),
    TLSV1_2("tlsv1.2", true, false, ProtocolVersion.TLS12),
    TLSV1_3("tlsv1.3", true, false, ProtocolVersion.TLS13);

    private final String prefix;
    private final boolean secure;
    private final boolean negotiated;
    private final List<ProtocolVersion> versions;

    TransportScheme(String prefix, boolean secure, boolean negotiated, ProtocolVersion... versions) {
        this.prefix = prefix;
        this.secure = secure;
        this.negotiated = negotiated;
        this.versions = Collections.unmodifiableList(new ArrayList<ProtocolVersion>(Arrays.asList(versions)));
    }

    /** The name before {@code ://}, in lower case: {@code "tlsv1.2"}. */
    public String prefix() {
        return prefix;
    }

    /** True for every scheme that runs SSL/TLS over the connection (all but tcp and udp). */
    public boolean isSecure() {
        return secure;
    }

    /** True for {@code ssl://} only: it names no versions of its own, it takes the config's. */
    public boolean isNegotiated() {
        return negotiated;
    }

    /**
     * The versions the scheme names, lowest first: TLS 1.0-1.3 for {@code tls://}, one version for the
     * exact schemes, and an empty list for {@code tcp://}, {@code udp://} and {@code ssl://} (which takes
     * whatever the configuration enables).
     */
    public List<ProtocolVersion> namedVersions() {
        return versions;
    }

    /** True when the scheme asks for exactly one version ({@code sslv2://} ... {@code tlsv1.3://}). */
    public boolean isExactVersion() {
        return versions.size() == 1;
    }

    /** The scheme for a prefix (case-insensitive), or null when there is none. */
    public static TransportScheme forPrefix(String prefix) {
        String p = prefix.toLowerCase(Locale.ROOT);
        for (TransportScheme s : values()) {
            if (s.prefix.equals(p)) {
                return s;
            }
        }
        return null;
    }

    /** "tcp://, udp://, ssl://, ..." for error messages. */
    static String knownList() {
        StringBuilder b = new StringBuilder();
        for (TransportScheme s : values()) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(s.prefix).append("://");
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return prefix + "://";
    }
}
