package org.tls4j.handshake.ext;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.tls4j.handshake.Alerts;
import org.tls4j.handshake.Bytes;
import org.tls4j.handshake.ExtensionType;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.TlsWriter;
import org.tls4j.record.TlsAlert;

/**
 * server_name (RFC 6066, Section 3). In ClientHello it lists the names the client wants:
 *
 * <pre>
 * struct {
 *     NameType name_type;
 *     select (name_type) {
 *         case host_name: HostName;
 *     } name;
 * } ServerName;
 *
 * enum { host_name(0), (255) } NameType;
 * opaque HostName&lt;1..2^16-1&gt;;
 *
 * struct {
 *     ServerName server_name_list&lt;1..2^16-1&gt;
 * } ServerNameList;
 * </pre>
 *
 * A server that used the name answers with an empty {@code extension_data} (in EncryptedExtensions
 * for TLS 1.3, in ServerHello before that): that form is {@link #ACKNOWLEDGEMENT}, with no names.
 *
 * <p>Only host_name is defined, and RFC 6066 gives no length for other name types, so an entry of
 * another type cannot be skipped: it is refused with decode_error. RFC 6066 also forbids two names of
 * the same type; that is refused with illegal_parameter.
 */
public final class ServerName implements Extension {
    /** NameType host_name(0). */
    public static final int HOST_NAME = 0;

    /** The empty form a server sends back. */
    public static final ServerName ACKNOWLEDGEMENT = new ServerName(Collections.<byte[]>emptyList());

    /** The host names as sent (ASCII, no trailing dot, per RFC 6066); empty for the acknowledgement. */
    public final List<byte[]> hostNames;

    private ServerName(List<byte[]> hostNames) {
        List<byte[]> copy = new ArrayList<byte[]>();
        for (byte[] n : hostNames) {
            if (n.length == 0 || n.length > 0xffff) {
                throw new IllegalArgumentException("HostName must be 1..2^16-1 bytes");
            }
            copy.add(n.clone());
        }
        this.hostNames = Collections.unmodifiableList(copy);
    }

    /** The ClientHello form with one host name. */
    public static ServerName ofHostName(byte[] hostName) {
        return new ServerName(Collections.singletonList(hostName));
    }

    /** Parses the ClientHello form. */
    public static ServerName readClient(TlsReader r) throws TlsAlert {
        TlsReader list = r.sub16().nonEmpty("server_name_list");
        List<byte[]> names = new ArrayList<byte[]>();
        while (!list.atEnd()) {
            int type = list.u8();
            if (type != HOST_NAME) {
                throw Alerts.decodeError("server_name: unknown NameType " + type);
            }
            if (!names.isEmpty()) {
                throw Alerts.illegalParameter("server_name: two names of type host_name (RFC 6066, Section 3)");
            }
            names.add(list.opaque16("HostName", 1, 0xffff));
        }
        r.expectEnd();
        return new ServerName(names);
    }

    /** Parses the server's (empty) form. */
    public static ServerName readServer(TlsReader r) throws TlsAlert {
        r.expectEnd();
        return ACKNOWLEDGEMENT;
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.SERVER_NAME;
    }

    @Override
    public void writeData(TlsWriter w) {
        if (hostNames.isEmpty()) {
            return;
        }
        int m = w.begin16();
        for (byte[] n : hostNames) {
            w.u8(HOST_NAME).opaque16(n);
        }
        w.end16(m);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServerName && Bytes.listEquals(((ServerName) o).hostNames, hostNames);
    }

    @Override
    public int hashCode() {
        return Bytes.listHash(hostNames);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("server_name[");
        for (int i = 0; i < hostNames.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(new String(hostNames.get(i), java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        return sb.append(']').toString();
    }
}
