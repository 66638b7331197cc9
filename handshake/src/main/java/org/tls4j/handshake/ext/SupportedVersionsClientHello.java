package org.tls4j.handshake.ext;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.tls4j.handshake.ExtensionType;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.TlsWriter;
import org.tls4j.record.ProtocolVersion;
import org.tls4j.record.TlsAlert;

/**
 * supported_versions in ClientHello (RFC 8446, Section 4.2.1):
 *
 * <pre>
 * struct {
 *     select (Handshake.msg_type) {
 *         case client_hello:
 *              ProtocolVersion versions&lt;2..254&gt;;
 *         case server_hello: // and HelloRetryRequest
 *              ProtocolVersion selected_version;
 *     };
 * } SupportedVersions;
 * </pre>
 *
 * This class is the {@code client_hello} arm; {@link SupportedVersionsServerHello} is the other.
 */
public final class SupportedVersionsClientHello implements Extension {
    /** The versions, most preferred first (unknown and GREASE values kept). */
    public final List<ProtocolVersion> versions;

    public SupportedVersionsClientHello(List<ProtocolVersion> versions) {
        if (versions.isEmpty() || versions.size() > 127) {
            throw new IllegalArgumentException("versions must hold 1..127 entries");
        }
        this.versions = Collections.unmodifiableList(new ArrayList<ProtocolVersion>(versions));
    }

    /** Parses {@code extension_data}. */
    public static SupportedVersionsClientHello read(TlsReader r) throws TlsAlert {
        TlsReader list = r.sub8().nonEmpty("versions");
        List<ProtocolVersion> versions = new ArrayList<ProtocolVersion>();
        while (!list.atEnd()) {
            versions.add(ProtocolVersion.of(list.u16()));
        }
        r.expectEnd();
        return new SupportedVersionsClientHello(versions);
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.SUPPORTED_VERSIONS;
    }

    @Override
    public void writeData(TlsWriter w) {
        int m = w.begin8();
        for (ProtocolVersion v : versions) {
            w.u16(v.code);
        }
        w.end8(m);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SupportedVersionsClientHello
                && ((SupportedVersionsClientHello) o).versions.equals(versions);
    }

    @Override
    public int hashCode() {
        return versions.hashCode();
    }

    @Override
    public String toString() {
        return "supported_versions" + versions;
    }
}
