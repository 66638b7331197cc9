package org.tls4j.handshake.msg;

import java.util.Arrays;

import org.tls4j.handshake.Alerts;
import org.tls4j.handshake.HandshakeMessage;
import org.tls4j.handshake.HandshakeType;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.TlsWriter;
import org.tls4j.record.TlsAlert;

/**
 * Finished (RFC 8446, Section 4.4.4):
 *
 * <pre>
 * struct {
 *     opaque verify_data[Hash.length];
 * } Finished;
 * </pre>
 *
 * The length is not on the wire: it is the suite's hash length (TLS 1.3) or 12 (TLS 1.2,
 * RFC 5246, Section 7.4.9), so {@link #read(TlsReader, int)} takes it from the caller and a body of
 * any other length is refused with decode_error. Comparing verify_data with the expected value is the
 * state machine's job, in constant time ({@code ConstantTime.equals}); this class does no comparison
 * of secrets ({@link #equals} is for tests of the codec only).
 */
public final class Finished implements HandshakeMessage {
    private final byte[] verifyData;

    public Finished(byte[] verifyData) {
        if (verifyData.length == 0) {
            throw new IllegalArgumentException("verify_data must not be empty");
        }
        this.verifyData = verifyData.clone();
    }

    /** Parses a body that must be exactly {@code verifyDataLength} bytes. */
    public static Finished read(TlsReader r, int verifyDataLength) throws TlsAlert {
        if (verifyDataLength <= 0) {
            throw Alerts.unexpectedMessage("Finished before a hash was negotiated");
        }
        if (r.remaining() != verifyDataLength) {
            throw Alerts.decodeError("Finished of " + r.remaining() + " bytes, expected " + verifyDataLength);
        }
        return new Finished(r.bytes(verifyDataLength));
    }

    /** A copy of verify_data. */
    public byte[] verifyData() {
        return verifyData.clone();
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.FINISHED;
    }

    @Override
    public void write(TlsWriter w) {
        w.bytes(verifyData);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Finished && Arrays.equals(((Finished) o).verifyData, verifyData);
    }

    @Override
    public int hashCode() {
        return verifyData.length;
    }

    @Override
    public String toString() {
        return "Finished(" + verifyData.length + " bytes)";
    }
}
