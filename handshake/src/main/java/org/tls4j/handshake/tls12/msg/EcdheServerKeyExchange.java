package org.tls4j.handshake.tls12.msg;

import java.util.Arrays;

import org.tls4j.handshake.Alerts;
import org.tls4j.handshake.HandshakeType;
import org.tls4j.handshake.NamedGroup;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.TlsWriter;
import org.tls4j.record.TlsAlert;

/**
 * ServerKeyExchange for ECDHE_ECDSA and ECDHE_RSA (RFC 8422, Section 5.4):
 *
 * <pre>
 * enum { explicit_prime (1), explicit_char2 (2), named_curve (3), reserved(248..255) } ECCurveType;
 * struct {
 *     ECCurveType    curve_type;
 *     select (curve_type) {
 *         case named_curve:
 *             NamedCurve namedcurve;
 *     };
 * } ECParameters;
 * struct {
 *     opaque point &lt;1..2^8-1&gt;;
 * } ECPoint;
 * struct {
 *     ECParameters    curve_params;
 *     ECPoint         public;
 * } ServerECDHParams;
 * struct {
 *     ServerECDHParams    params;
 *     Signature           signed_params;   // DigitallySigned; algorithm only in TLS 1.2
 * } ServerKeyExchange;
 * </pre>
 *
 * RFC 8422, Section 5.4 deprecates explicit curves ("MUST NOT be used"): any curve_type other than
 * named_curve is refused with illegal_parameter. The point is not validated here (that is the key
 * exchange's job, once the group is known to be supported).
 */
public final class EcdheServerKeyExchange implements ServerKeyExchange12 {
    /** ECCurveType named_curve. */
    public static final int NAMED_CURVE = 3;

    public final NamedGroup group;
    private final byte[] point;
    private final DigitallySigned signature;

    public EcdheServerKeyExchange(NamedGroup group, byte[] point, DigitallySigned signature) {
        if (point.length < 1 || point.length > 0xff) {
            throw new IllegalArgumentException("ECPoint must be 1..255 bytes");
        }
        this.group = group;
        this.point = point.clone();
        this.signature = signature;
    }

    /** Parses the body; {@code withAlgorithm} is true in TLS 1.2. */
    public static EcdheServerKeyExchange read(TlsReader r, boolean withAlgorithm) throws TlsAlert {
        int curveType = r.u8();
        if (curveType != NAMED_CURVE) {
            throw Alerts.illegalParameter("ECCurveType " + curveType + " is not named_curve (RFC 8422, Section 5.4)");
        }
        NamedGroup g = NamedGroup.of(r.u16());
        byte[] point = r.opaque8("ECPoint", 1, 0xff);
        DigitallySigned sig = DigitallySigned.read(r, withAlgorithm);
        r.expectEnd();
        return new EcdheServerKeyExchange(g, point, sig);
    }

    /** A copy of the server's public point. */
    public byte[] point() {
        return point.clone();
    }

    @Override
    public byte[] params() {
        TlsWriter w = new TlsWriter(4 + point.length);
        w.u8(NAMED_CURVE).u16(group.code).opaque8(point);
        return w.toByteArray();
    }

    @Override
    public DigitallySigned signature() {
        return signature;
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.SERVER_KEY_EXCHANGE;
    }

    @Override
    public void write(TlsWriter w) {
        w.bytes(params());
        signature.write(w);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof EcdheServerKeyExchange)) {
            return false;
        }
        EcdheServerKeyExchange e = (EcdheServerKeyExchange) o;
        return e.group.equals(group) && Arrays.equals(e.point, point) && e.signature.equals(signature);
    }

    @Override
    public int hashCode() {
        return group.hashCode() * 31 + Arrays.hashCode(point);
    }

    @Override
    public String toString() {
        return "ServerKeyExchange{ECDHE " + group + ", " + point.length + "-byte point, " + signature + "}";
    }
}
