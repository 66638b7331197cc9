package org.tls4j.handshake.tls12.msg;

import java.util.Arrays;

import org.tls4j.handshake.HandshakeType;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.TlsWriter;
import org.tls4j.record.TlsAlert;

/**
 * ServerKeyExchange for DHE_RSA (RFC 5246, Section 7.4.3):
 *
 * <pre>
 * struct {
 *     opaque dh_p&lt;1..2^16-1&gt;;
 *     opaque dh_g&lt;1..2^16-1&gt;;
 *     opaque dh_Ys&lt;1..2^16-1&gt;;
 * } ServerDHParams;     // Ephemeral DH parameters
 * struct {
 *     ServerDHParams params;
 *     digitally-signed struct { opaque client_random[32]; opaque server_random[32];
 *                               ServerDHParams params; } signed_params;
 * } ServerKeyExchange;
 * </pre>
 *
 * The values are kept as the big-endian bytes sent. Whether p is a known RFC 7919 group or large enough
 * (Logjam), and whether 1 &lt; Ys &lt; p−1, is checked by the key exchange, not the codec.
 */
public final class DheServerKeyExchange implements ServerKeyExchange12 {
    private final byte[] p;
    private final byte[] g;
    private final byte[] ys;
    private final DigitallySigned signature;

    public DheServerKeyExchange(byte[] p, byte[] g, byte[] ys, DigitallySigned signature) {
        for (byte[] v : new byte[][] {p, g, ys}) {
            if (v.length < 1 || v.length > 0xffff) {
                throw new IllegalArgumentException("DH values are 1..2^16-1 bytes");
            }
        }
        this.p = p.clone();
        this.g = g.clone();
        this.ys = ys.clone();
        this.signature = signature;
    }

    /** Parses the body; {@code withAlgorithm} is true in TLS 1.2. */
    public static DheServerKeyExchange read(TlsReader r, boolean withAlgorithm) throws TlsAlert {
        byte[] p = r.opaque16("dh_p", 1, 0xffff);
        byte[] g = r.opaque16("dh_g", 1, 0xffff);
        byte[] ys = r.opaque16("dh_Ys", 1, 0xffff);
        DigitallySigned sig = DigitallySigned.read(r, withAlgorithm);
        r.expectEnd();
        return new DheServerKeyExchange(p, g, ys, sig);
    }

    /** A copy of dh_p. */
    public byte[] p() {
        return p.clone();
    }

    /** A copy of dh_g. */
    public byte[] g() {
        return g.clone();
    }

    /** A copy of dh_Ys. */
    public byte[] ys() {
        return ys.clone();
    }

    @Override
    public byte[] params() {
        TlsWriter w = new TlsWriter(6 + p.length + g.length + ys.length);
        w.opaque16(p).opaque16(g).opaque16(ys);
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
        if (!(o instanceof DheServerKeyExchange)) {
            return false;
        }
        DheServerKeyExchange d = (DheServerKeyExchange) o;
        return Arrays.equals(d.p, p) && Arrays.equals(d.g, g) && Arrays.equals(d.ys, ys)
                && d.signature.equals(signature);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ys);
    }

    @Override
    public String toString() {
        return "ServerKeyExchange{DHE " + p.length * 8 + "-bit p, " + signature + "}";
    }
}
