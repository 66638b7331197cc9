package org.tls4j.handshake.tls12.ext;

import org.tls4j.handshake.ExtensionType;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.TlsWriter;
import org.tls4j.handshake.ext.Extension;
import org.tls4j.record.TlsAlert;

/**
 * encrypt_then_mac (RFC 7366, Section 2), in ClientHello and ServerHello, with empty
 * {@code extension_data} (a non-empty body is a decode_error). Negotiated only for CBC suites: "If a server
 * receives an encrypt-then-MAC request extension from a client and then selects a stream or AEAD
 * ciphersuite, it MUST NOT send an encrypt-then-MAC response extension back to the client" (Section 3).
 */
public final class EncryptThenMac implements Extension {
    /** The only value. */
    public static final EncryptThenMac INSTANCE = new EncryptThenMac();

    private EncryptThenMac() {}

    /** Parses {@code extension_data}. */
    public static EncryptThenMac read(TlsReader r) throws TlsAlert {
        r.expectEnd();
        return INSTANCE;
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.ENCRYPT_THEN_MAC;
    }

    @Override
    public void writeData(TlsWriter w) {}

    @Override
    public String toString() {
        return "encrypt_then_mac";
    }
}
