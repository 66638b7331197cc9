package org.tls4j.handshake.tls12.ext;

import org.tls4j.handshake.ExtensionType;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.TlsWriter;
import org.tls4j.handshake.ext.Extension;
import org.tls4j.record.TlsAlert;

/**
 * extended_master_secret (RFC 7627, Section 5.1), in ClientHello and ServerHello: "The
 * 'extension_data' field of this extension is empty." A non-empty body is a decode_error. When both sides
 * send it, the master secret is derived from the session hash ({@code VersionRules.extendedMasterSecret}),
 * which binds it to the whole handshake (the triple-handshake attack, 3SHAKE).
 */
public final class ExtendedMasterSecret implements Extension {
    /** The only value. */
    public static final ExtendedMasterSecret INSTANCE = new ExtendedMasterSecret();

    private ExtendedMasterSecret() {}

    /** Parses {@code extension_data}. */
    public static ExtendedMasterSecret read(TlsReader r) throws TlsAlert {
        r.expectEnd();
        return INSTANCE;
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.EXTENDED_MASTER_SECRET;
    }

    @Override
    public void writeData(TlsWriter w) {}

    @Override
    public String toString() {
        return "extended_master_secret";
    }
}
