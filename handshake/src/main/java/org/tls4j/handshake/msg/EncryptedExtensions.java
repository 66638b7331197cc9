package org.tls4j.handshake.msg;

import org.tls4j.handshake.HandshakeMessage;
import org.tls4j.handshake.HandshakeType;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.TlsWriter;
import org.tls4j.handshake.ext.ExtensionContext;
import org.tls4j.handshake.ext.Extensions;
import org.tls4j.record.TlsAlert;

/**
 * EncryptedExtensions (RFC 8446, Section 4.3.1): the server's extensions that are not needed to set
 * up keys, sent under the handshake traffic keys.
 *
 * <pre>
 * struct {
 *     Extension extensions&lt;0..2^16-1&gt;;
 * } EncryptedExtensions;
 * </pre>
 */
public final class EncryptedExtensions implements HandshakeMessage {
    /** The extensions (EE forms). */
    public final Extensions extensions;

    public EncryptedExtensions(Extensions extensions) {
        this.extensions = extensions;
    }

    /** Parses the body. */
    public static EncryptedExtensions read(TlsReader r) throws TlsAlert {
        Extensions e = Extensions.read(r, ExtensionContext.ENCRYPTED_EXTENSIONS);
        r.expectEnd();
        return new EncryptedExtensions(e);
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.ENCRYPTED_EXTENSIONS;
    }

    @Override
    public void write(TlsWriter w) {
        extensions.write(w);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EncryptedExtensions && ((EncryptedExtensions) o).extensions.equals(extensions);
    }

    @Override
    public int hashCode() {
        return extensions.hashCode();
    }

    @Override
    public String toString() {
        return "EncryptedExtensions" + extensions;
    }
}
