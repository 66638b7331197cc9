package org.tls4j.handshake.ext;

import java.util.Arrays;

import org.tls4j.handshake.Bytes;
import org.tls4j.handshake.NamedGroup;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.TlsWriter;
import org.tls4j.record.TlsAlert;

/**
 * One offered or selected key share (RFC 8446, Section 4.2.8):
 *
 * <pre>
 * struct {
 *     NamedGroup group;
 *     opaque key_exchange&lt;1..2^16-1&gt;;
 * } KeyShareEntry;
 * </pre>
 *
 * {@code key_exchange} is kept as bytes; its format per group (Section 4.2.8.1 and 4.2.8.2) is
 * checked by the key-exchange code, which knows the expected size.
 */
public final class KeyShareEntry {
    /** The group this share is for. */
    public final NamedGroup group;
    private final byte[] keyExchange;

    public KeyShareEntry(NamedGroup group, byte[] keyExchange) {
        if (keyExchange.length == 0 || keyExchange.length > 0xffff) {
            throw new IllegalArgumentException("key_exchange must be 1..2^16-1 bytes");
        }
        this.group = group;
        this.keyExchange = keyExchange.clone();
    }

    static KeyShareEntry read(TlsReader r) throws TlsAlert {
        NamedGroup g = NamedGroup.of(r.u16());
        return new KeyShareEntry(g, r.opaque16("key_exchange", 1, 0xffff));
    }

    void write(TlsWriter w) {
        w.u16(group.code).opaque16(keyExchange);
    }

    /** A copy of the public key-exchange value. */
    public byte[] keyExchange() {
        return keyExchange.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyShareEntry && ((KeyShareEntry) o).group.equals(group)
                && Arrays.equals(((KeyShareEntry) o).keyExchange, keyExchange);
    }

    @Override
    public int hashCode() {
        return group.hashCode() * 31 + Arrays.hashCode(keyExchange);
    }

    @Override
    public String toString() {
        return group + ":" + Bytes.hex(keyExchange);
    }
}
