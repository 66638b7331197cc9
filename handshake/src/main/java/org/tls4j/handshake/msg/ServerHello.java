package org.tls4j.handshake.msg;

import java.util.Arrays;

import org.tls4j.handshake.Alerts;
import org.tls4j.handshake.Bytes;
import org.tls4j.handshake.CipherSuite;
import org.tls4j.handshake.HandshakeMessage;
import org.tls4j.handshake.HandshakeType;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.TlsWriter;
import org.tls4j.handshake.ext.ExtensionContext;
import org.tls4j.handshake.ext.Extensions;
import org.tls4j.record.ProtocolVersion;
import org.tls4j.record.TlsAlert;

/**
 * ServerHello (RFC 8446, Section 4.1.3; the same wire format as RFC 5246, Section 7.4.1.3):
 *
 * <pre>
 * struct {
 *     ProtocolVersion legacy_version = 0x0303;    // TLS v1.2
 *     Random random;
 *     opaque legacy_session_id_echo&lt;0..32&gt;;
 *     CipherSuite cipher_suite;
 *     uint8 legacy_compression_method = 0;
 *     Extension extensions&lt;6..2^16-1&gt;;
 * } ServerHello;
 * </pre>
 *
 * A message of this type whose random is the special value of Section 4.1.3 is a
 * {@link HelloRetryRequest}, a separate class; {@link #read} refuses it with unexpected_message so a
 * ServerHello object is never a HelloRetryRequest in disguise. Use
 * {@link HelloRetryRequest#isHelloRetryRequest(org.tls4j.handshake.RawHandshakeMessage)} to choose.
 *
 * <p>Servers of TLS 1.2 and older may omit the extension block: then {@link #extensions} is null.
 */
public final class ServerHello implements HandshakeMessage {
    /** legacy_version: 0x0303 from a TLS 1.3 server. */
    public final ProtocolVersion legacyVersion;
    private final byte[] random;
    private final byte[] legacySessionIdEcho;
    /** The selected suite. */
    public final CipherSuite cipherSuite;
    /** legacy_compression_method (0 in TLS 1.3). */
    public final int legacyCompressionMethod;
    /** The extension block, or null when the message has none (TLS 1.2 and older only). */
    public final Extensions extensions;

    public ServerHello(ProtocolVersion legacyVersion, byte[] random, byte[] legacySessionIdEcho,
            CipherSuite cipherSuite, int legacyCompressionMethod, Extensions extensions) {
        if (random.length != 32) {
            throw new IllegalArgumentException("random must be 32 bytes");
        }
        if (Arrays.equals(random, HelloRetryRequest.RANDOM)) {
            throw new IllegalArgumentException("that random marks a HelloRetryRequest");
        }
        if (legacySessionIdEcho.length > 32) {
            throw new IllegalArgumentException("legacy_session_id_echo is at most 32 bytes");
        }
        if (legacyCompressionMethod < 0 || legacyCompressionMethod > 0xff) {
            throw new IllegalArgumentException("compression method is a uint8");
        }
        this.legacyVersion = legacyVersion;
        this.random = random.clone();
        this.legacySessionIdEcho = legacySessionIdEcho.clone();
        this.cipherSuite = cipherSuite;
        this.legacyCompressionMethod = legacyCompressionMethod;
        this.extensions = extensions;
    }

    /** Parses a ServerHello body (refusing a HelloRetryRequest, see the class comment). */
    public static ServerHello read(TlsReader r) throws TlsAlert {
        ProtocolVersion version = ProtocolVersion.of(r.u16());
        byte[] random = r.bytes(32);
        if (Arrays.equals(random, HelloRetryRequest.RANDOM)) {
            throw Alerts.unexpectedMessage("a HelloRetryRequest where a ServerHello was read"
                    + " (RFC 8446, Section 4.1.3)");
        }
        byte[] sessionId = r.opaque8("legacy_session_id_echo", 0, 32);
        CipherSuite suite = CipherSuite.of(r.u16());
        int compression = r.u8();
        Extensions extensions = null;
        if (!r.atEnd()) {
            extensions = Extensions.read(r, ExtensionContext.SERVER_HELLO);
            r.expectEnd();
        }
        return new ServerHello(version, random, sessionId, suite, compression, extensions);
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.SERVER_HELLO;
    }

    @Override
    public void write(TlsWriter w) {
        w.u16(legacyVersion.code).bytes(random).opaque8(legacySessionIdEcho).u16(cipherSuite.code)
                .u8(legacyCompressionMethod);
        if (extensions != null) {
            extensions.write(w);
        }
    }

    /**
     * The downgrade sentinel in the last 8 bytes of the random (RFC 8446, Section 4.1.3): a TLS 1.3
     * server that negotiates TLS 1.2 ends its random with {@code 44 4F 57 4E 47 52 44 01} ("DOWNGRD"
     * and 01), and one that negotiates TLS 1.1 or older with {@code ... 00}. A TLS 1.3 client that
     * sees either MUST abort with illegal_parameter.
     *
     * @return 12 for the TLS 1.2 sentinel, 11 for the TLS 1.1-or-below sentinel, 0 for none
     */
    public int downgradeSentinel() {
        byte[] down = {0x44, 0x4F, 0x57, 0x4E, 0x47, 0x52, 0x44};
        for (int i = 0; i < 7; i++) {
            if (random[24 + i] != down[i]) {
                return 0;
            }
        }
        return random[31] == 1 ? 12 : random[31] == 0 ? 11 : 0;
    }

    /** A copy of the 32-byte random. */
    public byte[] random() {
        return random.clone();
    }

    /** A copy of legacy_session_id_echo. */
    public byte[] legacySessionIdEcho() {
        return legacySessionIdEcho.clone();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ServerHello)) {
            return false;
        }
        ServerHello s = (ServerHello) o;
        return s.legacyVersion.equals(legacyVersion) && Arrays.equals(s.random, random)
                && Arrays.equals(s.legacySessionIdEcho, legacySessionIdEcho) && s.cipherSuite.equals(cipherSuite)
                && s.legacyCompressionMethod == legacyCompressionMethod
                && (s.extensions == null ? extensions == null : s.extensions.equals(extensions));
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(random);
    }

    @Override
    public String toString() {
        return "ServerHello{version=" + legacyVersion + ", random=" + Bytes.hex(random) + ", suite="
                + cipherSuite + ", extensions=" + extensions + "}";
    }
}
