package org.tls4j.handshake.ext;

import java.nio.charset.StandardCharsets;
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
 * application_layer_protocol_negotiation (RFC 7301, Section 3.1):
 *
 * <pre>
 * opaque ProtocolName&lt;1..2^8-1&gt;;
 *
 * struct {
 *     ProtocolName protocol_name_list&lt;2..2^16-1&gt;
 * } ProtocolNameList;
 * </pre>
 *
 * The client lists its protocols in ClientHello; the server answers (in EncryptedExtensions for TLS
 * 1.3) with a list that "MUST contain exactly one ProtocolName". A server list of any other size is
 * refused with decode_error.
 */
public final class ApplicationLayerProtocolNegotiation implements Extension {
    /** Protocol names as bytes (e.g. {@code "h2"}, {@code "http/1.1"}), in order. */
    public final List<byte[]> protocols;

    public ApplicationLayerProtocolNegotiation(List<byte[]> protocols) {
        if (protocols.isEmpty()) {
            throw new IllegalArgumentException("protocol_name_list must not be empty");
        }
        List<byte[]> copy = new ArrayList<byte[]>();
        for (byte[] p : protocols) {
            if (p.length == 0 || p.length > 0xff) {
                throw new IllegalArgumentException("ProtocolName must be 1..255 bytes");
            }
            copy.add(p.clone());
        }
        this.protocols = Collections.unmodifiableList(copy);
    }

    /** Parses the ClientHello form (one or more names). */
    public static ApplicationLayerProtocolNegotiation readClient(TlsReader r) throws TlsAlert {
        TlsReader list = r.sub16().nonEmpty("protocol_name_list");
        List<byte[]> names = new ArrayList<byte[]>();
        while (!list.atEnd()) {
            names.add(list.opaque8("ProtocolName", 1, 0xff));
        }
        r.expectEnd();
        return new ApplicationLayerProtocolNegotiation(names);
    }

    /** Parses the server form (exactly one name, RFC 7301, Section 3.1). */
    public static ApplicationLayerProtocolNegotiation readServer(TlsReader r) throws TlsAlert {
        ApplicationLayerProtocolNegotiation a = readClient(r);
        if (a.protocols.size() != 1) {
            throw Alerts.decodeError("ALPN: the server must select exactly one protocol, got "
                    + a.protocols.size() + " (RFC 7301, Section 3.1)");
        }
        return a;
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.APPLICATION_LAYER_PROTOCOL_NEGOTIATION;
    }

    @Override
    public void writeData(TlsWriter w) {
        int m = w.begin16();
        for (byte[] p : protocols) {
            w.opaque8(p);
        }
        w.end16(m);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApplicationLayerProtocolNegotiation
                && Bytes.listEquals(((ApplicationLayerProtocolNegotiation) o).protocols, protocols);
    }

    @Override
    public int hashCode() {
        return Bytes.listHash(protocols);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("alpn[");
        for (int i = 0; i < protocols.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(new String(protocols.get(i), StandardCharsets.ISO_8859_1));
        }
        return sb.append(']').toString();
    }
}
