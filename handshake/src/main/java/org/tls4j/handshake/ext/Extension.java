package org.tls4j.handshake.ext;

import org.tls4j.handshake.ExtensionType;
import org.tls4j.handshake.TlsWriter;

/**
 * One extension (RFC 8446, Section 4.2):
 *
 * <pre>
 * struct {
 *     ExtensionType extension_type;
 *     opaque extension_data&lt;0..2^16-1&gt;;
 * } Extension;
 * </pre>
 *
 * Each implementation is one extension in one form (some extensions have a different body in
 * ClientHello and ServerHello). {@link #writeData} writes {@code extension_data} without its length;
 * {@link Extensions} adds the type and length around it.
 */
public interface Extension {
    /** The extension's type. */
    ExtensionType type();

    /** Writes the contents of {@code extension_data} (without its two-byte length). */
    void writeData(TlsWriter w);
}
