package org.tls4j.handshake.msg;

import java.util.Arrays;

import org.tls4j.handshake.Alerts;
import org.tls4j.handshake.Bytes;
import org.tls4j.handshake.CipherSuite;
import org.tls4j.handshake.HandshakeMessage;
import org.tls4j.handshake.HandshakeType;
import org.tls4j.handshake.RawHandshakeMessage;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.TlsWriter;
import org.tls4j.handshake.ext.ExtensionContext;
import org.tls4j.handshake.ext.Extensions;
import org.tls4j.record.ProtocolVersion;
import org.tls4j.record.TlsAlert;

/**
 * HelloRetryRequest (RFC 8446, Section 4.1.3 and 4.1.4): a ServerHello on the wire
 * ({@code msg_type} server_hello), recognised by its random, which is SHA-256("HelloRetryRequest"):
 *
 * <pre>
 * CF 21 AD 74 E5 9A 61 11 BE 1D 8C 02 1E 65 B8 91
 * C2 A2 11 16 7A BB 8C 5E 07 9E 09 E2 C8 A8 33 9C
 * </pre>
 *
 * Its extensions are parsed in the HelloRetryRequest form (key_share holds only the selected group)
 * and must be ones the Section 4.2 table allows in HRR (supported_versions, key_share, cookie), else
 * illegal_parameter. "The server's extensions MUST contain supported_versions", and an HRR that would
 * not change the ClientHello is refused, but both are checks for the client's state machine.
 */
public final class HelloRetryRequest implements HandshakeMessage {
    /** The special random value (RFC 8446, Section 4.1.3). */
    static final byte[] RANDOM = {
        (byte) 0xCF, (byte) 0x21, (byte) 0xAD, (byte) 0x74, (byte) 0xE5, (byte) 0x9A, (byte) 0x61, (byte) 0x11,
        (byte) 0xBE, (byte) 0x1D, (byte) 0x8C, (byte) 0x02, (byte) 0x1E, (byte) 0x65, (byte) 0xB8, (byte) 0x91,
        (byte) 0xC2, (byte) 0xA2, (byte) 0x11, (byte) 0x16, (byte) 0x7A, (byte) 0xBB, (byte) 0x8C, (byte) 0x5E,
        (byte) 0x07, (byte) 0x9E, (byte) 0x09, (byte) 0xE2, (byte) 0xC8, (byte) 0xA8, (byte) 0x33, (byte) 0x9C,
    };

    /** legacy_version (0x0303). */
    public final ProtocolVersion legacyVersion;
    private final byte[] legacySessionIdEcho;
    /** The suite the server will use. */
    public final CipherSuite cipherSuite;
    /** legacy_compression_method (0). */
    public final int legacyCompressionMethod;
    /** The extensions (HRR forms). */
    public final Extensions extensions;

    public HelloRetryRequest(ProtocolVersion legacyVersion, byte[] legacySessionIdEcho, CipherSuite cipherSuite,
            int legacyCompressionMethod, Extensions extensions) {
        if (legacySessionIdEcho.length > 32) {
            throw new IllegalArgumentException("legacy_session_id_echo is at most 32 bytes");
        }
        if (legacyCompressionMethod < 0 || legacyCompressionMethod > 0xff) {
            throw new IllegalArgumentException("compression method is a uint8");
        }
        this.legacyVersion = legacyVersion;
        this.legacySessionIdEcho = legacySessionIdEcho.clone();
        this.cipherSuite = cipherSuite;
        this.legacyCompressionMethod = legacyCompressionMethod;
        this.extensions = extensions;
    }

    /** The special random, copied. */
    public static byte[] specialRandom() {
        return RANDOM.clone();
    }

    /**
     * True when {@code m} is a server_hello whose random is the HelloRetryRequest value. The random
     * is public, so a plain comparison is fine.
     */
    public static boolean isHelloRetryRequest(RawHandshakeMessage m) {
        if (!m.type.equals(HandshakeType.SERVER_HELLO) || m.bodyLength() < 34) {
            return false;
        }
        byte[] body = m.body();
        return Arrays.equals(Arrays.copyOfRange(body, 2, 34), RANDOM);
    }

    /** Parses the body of a server_hello message that carries the special random. */
    public static HelloRetryRequest read(TlsReader r) throws TlsAlert {
        ProtocolVersion version = ProtocolVersion.of(r.u16());
        byte[] random = r.bytes(32);
        if (!Arrays.equals(random, RANDOM)) {
            throw Alerts.unexpectedMessage("a ServerHello where a HelloRetryRequest was read");
        }
        byte[] sessionId = r.opaque8("legacy_session_id_echo", 0, 32);
        CipherSuite suite = CipherSuite.of(r.u16());
        int compression = r.u8();
        Extensions extensions = Extensions.read(r, ExtensionContext.HELLO_RETRY_REQUEST);
        r.expectEnd();
        return new HelloRetryRequest(version, sessionId, suite, compression, extensions);
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.SERVER_HELLO;
    }

    @Override
    public void write(TlsWriter w) {
        w.u16(legacyVersion.code).bytes(RANDOM).opaque8(legacySessionIdEcho).u16(cipherSuite.code)
                .u8(legacyCompressionMethod);
        extensions.write(w);
    }

    /** A copy of legacy_session_id_echo. */
    public byte[] legacySessionIdEcho() {
        return legacySessionIdEcho.clone();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof HelloRetryRequest)) {
            return false;
        }
        HelloRetryRequest h = (HelloRetryRequest) o;
        return h.legacyVersion.equals(legacyVersion) && Arrays.equals(h.legacySessionIdEcho, legacySessionIdEcho)
                && h.cipherSuite.equals(cipherSuite) && h.legacyCompressionMethod == legacyCompressionMethod
                && h.extensions.equals(extensions);
    }

    @Override
    public int hashCode() {
        return cipherSuite.hashCode() * 31 + extensions.hashCode();
    }

    @Override
    public String toString() {
        return "HelloRetryRequest{suite=" + cipherSuite + ", session_id=" + Bytes.hex(legacySessionIdEcho)
                + ", extensions=" + extensions + "}";
    }
}
