package org.tls4j.handshake.ext;

import org.tls4j.handshake.ExtensionType;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.TlsWriter;
import org.tls4j.record.ProtocolVersion;
import org.tls4j.record.TlsAlert;

/**
 * supported_versions in ServerHello and HelloRetryRequest (RFC 8446, Section 4.2.1): the
 * {@code selected_version} arm, a single ProtocolVersion. See {@link SupportedVersionsClientHello}.
 */
public final class SupportedVersionsServerHello implements Extension {
    /** The version the server selected. */
    public final ProtocolVersion selectedVersion;

    public SupportedVersionsServerHello(ProtocolVersion selectedVersion) {
        this.selectedVersion = selectedVersion;
    }

    /** Parses {@code extension_data}. */
    public static SupportedVersionsServerHello read(TlsReader r) throws TlsAlert {
        int v = r.u16();
        r.expectEnd();
        return new SupportedVersionsServerHello(ProtocolVersion.of(v));
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.SUPPORTED_VERSIONS;
    }

    @Override
    public void writeData(TlsWriter w) {
        w.u16(selectedVersion.code);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SupportedVersionsServerHello
                && ((SupportedVersionsServerHello) o).selectedVersion.equals(selectedVersion);
    }

    @Override
    public int hashCode() {
        return selectedVersion.hashCode();
    }

    @Override
    public String toString() {
        return "supported_versions(" + selectedVersion + ")";
    }
}
