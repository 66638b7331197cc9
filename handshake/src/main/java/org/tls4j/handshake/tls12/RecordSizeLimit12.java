package org.tls4j.handshake.tls12;

import org.tls4j.handshake.ExtensionType;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.ext.Extension;
import org.tls4j.handshake.ext.Extensions;
import org.tls4j.handshake.ext.RawExtension;
import org.tls4j.handshake.ext.RecordSizeLimit;
import org.tls4j.record.TlsAlert;

/**
 * record_size_limit (RFC 8449) in TLS 1.0-1.2: the value counts record plaintext only, and "the maximum
 * value ... is 2^14" in TLS 1.2 (Section 4), so a TLS 1.3-style offer of 2^14 + 1 means 2^14 here. The
 * client offers it in the shared ClientHello (when a limit is configured); a server that has a limit
 * answers an offer in ServerHello. Each side then writes records of at most the peer's limit.
 */
final class RecordSizeLimit12 {
    /** The TLS 1.2 maximum plaintext per record. */
    static final int MAXIMUM = 1 << 14;

    private RecordSizeLimit12() {}

    /** The extension in {@code block}, parsed (it may still be raw), or null. */
    static RecordSizeLimit find(Extensions block) throws TlsAlert {
        if (block == null) {
            return null;
        }
        Extension e = block.get(ExtensionType.RECORD_SIZE_LIMIT);
        if (e == null) {
            return null;
        }
        return e instanceof RecordSizeLimit ? (RecordSizeLimit) e
                : RecordSizeLimit.read(new TlsReader(((RawExtension) e).data()));
    }

    static int clamp(int limit) {
        return Math.min(limit, MAXIMUM);
    }
}
