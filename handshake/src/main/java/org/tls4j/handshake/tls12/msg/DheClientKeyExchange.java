package org.tls4j.handshake.tls12.msg;

import java.util.Arrays;

import org.tls4j.handshake.HandshakeMessage;
import org.tls4j.handshake.HandshakeType;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.TlsWriter;
import org.tls4j.record.TlsAlert;

/**
 * ClientKeyExchange for DHE (RFC 5246, Section 7.4.7.2):
 *
 * <pre>
 * struct {
 *     select (PublicValueEncoding) {
 *         case implicit: struct { };           // fixed DH only, not supported
 *         case explicit: opaque dh_Yc&lt;1..2^16-1&gt;;
 *     } dh_public;
 * } ClientDiffieHellmanPublic;
 * </pre>
 *
 * The explicit form only; an empty body is a decode_error. Range checks of Yc belong to the key exchange.
 */
public final class DheClientKeyExchange implements HandshakeMessage {
    private final byte[] yc;

    public DheClientKeyExchange(byte[] yc) {
        if (yc.length < 1 || yc.length > 0xffff) {
            throw new IllegalArgumentException("dh_Yc must be 1..2^16-1 bytes");
        }
        this.yc = yc.clone();
    }

    /** Parses the body. */
    public static DheClientKeyExchange read(TlsReader r) throws TlsAlert {
        byte[] y = r.opaque16("dh_Yc", 1, 0xffff);
        r.expectEnd();
        return new DheClientKeyExchange(y);
    }

    /** A copy of dh_Yc. */
    public byte[] yc() {
        return yc.clone();
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CLIENT_KEY_EXCHANGE;
    }

    @Override
    public void write(TlsWriter w) {
        w.opaque16(yc);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DheClientKeyExchange && Arrays.equals(((DheClientKeyExchange) o).yc, yc);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(yc);
    }

    @Override
    public String toString() {
        return "ClientKeyExchange{DHE " + yc.length + " bytes}";
    }
}
