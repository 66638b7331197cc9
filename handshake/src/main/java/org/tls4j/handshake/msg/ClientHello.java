package org.tls4j.handshake.msg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.tls4j.handshake.Alerts;
import org.tls4j.handshake.Bytes;
import org.tls4j.handshake.CipherSuite;
import org.tls4j.handshake.ExtensionType;
import org.tls4j.handshake.HandshakeMessage;
import org.tls4j.handshake.HandshakeType;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.TlsWriter;
import org.tls4j.handshake.ext.Extension;
import org.tls4j.handshake.ext.ExtensionContext;
import org.tls4j.handshake.ext.Extensions;
import org.tls4j.handshake.ext.PreSharedKeyClientHello;
import org.tls4j.record.ProtocolVersion;
import org.tls4j.record.TlsAlert;

/**
 * ClientHello (RFC 8446, Section 4.1.2; the same wire format as RFC 5246, Section 7.4.1.2):
 *
 * <pre>
 * uint16 ProtocolVersion;
 * opaque Random[32];
 * uint8 CipherSuite[2];    // Cryptographic suite selector
 *
 * struct {
 *     ProtocolVersion legacy_version = 0x0303;    // TLS v1.2
 *     Random random;
 *     opaque legacy_session_id&lt;0..32&gt;;
 *     CipherSuite cipher_suites&lt;2..2^16-2&gt;;
 *     opaque legacy_compression_methods&lt;1..2^8-1&gt;;
 *     Extension extensions&lt;8..2^16-1&gt;;
 * } ClientHello;
 * </pre>
 *
 * Clients of TLS 1.2 and older may end the message after the compression methods (RFC 5246,
 * Section 7.4.1.2): then {@link #extensions} is null, and the message re-encodes without the block.
 *
 * <p>Checked while reading: the lengths above; "The pre_shared_key extension MUST be the last
 * extension in the ClientHello ... Servers MUST check that it is the last extension and otherwise
 * fail the handshake with an illegal_parameter alert" (Section 4.2.11). Everything that depends on
 * configuration (versions, suites, compression method null) is the state machine's job.
 */
public final class ClientHello implements HandshakeMessage {
    /** legacy_version: 0x0303 from a TLS 1.3 client. */
    public final ProtocolVersion legacyVersion;
    private final byte[] random;
    private final byte[] legacySessionId;
    /** cipher_suites in the client's order (unknown, GREASE and signalling values kept). */
    public final List<CipherSuite> cipherSuites;
    private final byte[] legacyCompressionMethods;
    /** The extension block, or null when the message has none (TLS 1.2 and older only). */
    public final Extensions extensions;

    public ClientHello(ProtocolVersion legacyVersion, byte[] random, byte[] legacySessionId,
            List<CipherSuite> cipherSuites, byte[] legacyCompressionMethods, Extensions extensions) {
        if (random.length != 32) {
            throw new IllegalArgumentException("random must be 32 bytes");
        }
        if (legacySessionId.length > 32) {
            throw new IllegalArgumentException("legacy_session_id is at most 32 bytes");
        }
        if (cipherSuites.isEmpty() || cipherSuites.size() > 0x7fff) {
            throw new IllegalArgumentException("cipher_suites must hold 1..32767 suites");
        }
        if (legacyCompressionMethods.length == 0 || legacyCompressionMethods.length > 0xff) {
            throw new IllegalArgumentException("legacy_compression_methods must be 1..255 bytes");
        }
        this.legacyVersion = legacyVersion;
        this.random = random.clone();
        this.legacySessionId = legacySessionId.clone();
        this.cipherSuites = Collections.unmodifiableList(new ArrayList<CipherSuite>(cipherSuites));
        this.legacyCompressionMethods = legacyCompressionMethods.clone();
        this.extensions = extensions;
        if (extensions != null) {
            List<Extension> list = extensions.list();
            for (int i = 0; i < list.size() - 1; i++) {
                if (list.get(i).type().equals(ExtensionType.PRE_SHARED_KEY)) {
                    throw new IllegalArgumentException("pre_shared_key must be the last extension");
                }
            }
        }
    }

    /** Parses a ClientHello body. */
    public static ClientHello read(TlsReader r) throws TlsAlert {
        ProtocolVersion version = ProtocolVersion.of(r.u16());
        byte[] random = r.bytes(32);
        byte[] sessionId = r.opaque8("legacy_session_id", 0, 32);
        TlsReader suites = r.sub16().nonEmpty("cipher_suites");
        List<CipherSuite> cipherSuites = new ArrayList<CipherSuite>();
        while (!suites.atEnd()) {
            cipherSuites.add(CipherSuite.of(suites.u16()));
        }
        byte[] compression = r.opaque8("legacy_compression_methods", 1, 0xff);
        Extensions extensions = null;
        if (!r.atEnd()) {
            extensions = Extensions.read(r, ExtensionContext.CLIENT_HELLO);
            r.expectEnd();
            List<Extension> list = extensions.list();
            for (int i = 0; i < list.size() - 1; i++) {
                if (list.get(i).type().equals(ExtensionType.PRE_SHARED_KEY)) {
                    throw Alerts.illegalParameter("pre_shared_key is not the last extension of the"
                            + " ClientHello (RFC 8446, Section 4.2.11)");
                }
            }
        }
        return new ClientHello(version, random, sessionId, cipherSuites, compression, extensions);
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CLIENT_HELLO;
    }

    @Override
    public void write(TlsWriter w) {
        w.u16(legacyVersion.code).bytes(random).opaque8(legacySessionId);
        int m = w.begin16();
        for (CipherSuite s : cipherSuites) {
            w.u16(s.code);
        }
        w.end16(m, 0xfffe);
        w.opaque8(legacyCompressionMethods);
        if (extensions != null) {
            extensions.write(w);
        }
    }

    /**
     * The encoded message (header included) without its PSK binders list: the input to the binder
     * HMAC (RFC 8446, Section 4.2.11.2). Fails when there is no pre_shared_key extension.
     */
    public byte[] encodeTruncatedForBinders() {
        PreSharedKeyClientHello psk = extensions == null ? null : extensions.find(PreSharedKeyClientHello.class);
        if (psk == null) {
            throw new IllegalStateException("no pre_shared_key extension");
        }
        byte[] whole = encode();
        return Arrays.copyOf(whole, whole.length - psk.bindersLength());
    }

    /** A copy of the 32-byte random. */
    public byte[] random() {
        return random.clone();
    }

    /** A copy of legacy_session_id (0..32 bytes). */
    public byte[] legacySessionId() {
        return legacySessionId.clone();
    }

    /** A copy of legacy_compression_methods (a TLS 1.3 client sends exactly {0}). */
    public byte[] legacyCompressionMethods() {
        return legacyCompressionMethods.clone();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ClientHello)) {
            return false;
        }
        ClientHello c = (ClientHello) o;
        return c.legacyVersion.equals(legacyVersion) && Arrays.equals(c.random, random)
                && Arrays.equals(c.legacySessionId, legacySessionId) && c.cipherSuites.equals(cipherSuites)
                && Arrays.equals(c.legacyCompressionMethods, legacyCompressionMethods)
                && (c.extensions == null ? extensions == null : c.extensions.equals(extensions));
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(random) * 31 + cipherSuites.hashCode();
    }

    @Override
    public String toString() {
        return "ClientHello{version=" + legacyVersion + ", random=" + Bytes.hex(random) + ", suites="
                + cipherSuites + ", extensions=" + extensions + "}";
    }
}
