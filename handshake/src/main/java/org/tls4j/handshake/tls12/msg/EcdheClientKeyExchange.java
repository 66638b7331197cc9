package org.tls4j.handshake.tls12.msg;

import java.util.Arrays;

import org.tls4j.handshake.HandshakeMessage;
import org.tls4j.handshake.HandshakeType;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.TlsWriter;
import org.tls4j.record.TlsAlert;

/**
 * ClientKeyExchange for ECDHE (RFC 8422, Section 5.7):
 *
 * <pre>
 * struct {
 *     opaque point &lt;1..2^8-1&gt;;
 * } ECPoint;
 * struct {
 *     select (PublicValueEncoding) {
 *         case implicit: struct { };     // fixed ECDH only, not supported
 *         case explicit: ECPoint ecdh_Yc;
 *     } ecdh_public;
 * } ClientECDiffieHellmanPublic;
 * </pre>
 *
 * Ephemeral ECDH always uses the explicit form, so an empty body is a decode_error. The point is
 * validated by the key exchange.
 */
public final class EcdheClientKeyExchange implements HandshakeMessage {
    private final byte[] point;

    public EcdheClientKeyExchange(byte[] point) {
        if (point.length < 1 || point.length > 0xff) {
            throw new IllegalArgumentException("ECPoint must be 1..255 bytes");
        }
        this.point = point.clone();
    }

    /** Parses the body. */
    public static EcdheClientKeyExchange read(TlsReader r) throws TlsAlert {
        byte[] p = r.opaque8("ecdh_Yc", 1, 0xff);
        r.expectEnd();
        return new EcdheClientKeyExchange(p);
    }

    /** A copy of the client's public point. */
    public byte[] point() {
        return point.clone();
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CLIENT_KEY_EXCHANGE;
    }

    @Override
    public void write(TlsWriter w) {
        w.opaque8(point);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EcdheClientKeyExchange && Arrays.equals(((EcdheClientKeyExchange) o).point, point);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(point);
    }

    @Override
    public String toString() {
        return "ClientKeyExchange{ECDHE " + point.length + "-byte point}";
    }
}
