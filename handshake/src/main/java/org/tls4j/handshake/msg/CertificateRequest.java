package org.tls4j.handshake.msg;

import java.util.Arrays;

import org.tls4j.handshake.Alerts;
import org.tls4j.handshake.Bytes;
import org.tls4j.handshake.ExtensionType;
import org.tls4j.handshake.HandshakeMessage;
import org.tls4j.handshake.HandshakeType;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.TlsWriter;
import org.tls4j.handshake.ext.ExtensionContext;
import org.tls4j.handshake.ext.Extensions;
import org.tls4j.record.TlsAlert;

/**
 * CertificateRequest, TLS 1.3 form (RFC 8446, Section 4.3.2):
 *
 * <pre>
 * struct {
 *     opaque certificate_request_context&lt;0..2^8-1&gt;;
 *     Extension extensions&lt;2..2^16-1&gt;;
 * } CertificateRequest;
 * </pre>
 *
 * "The signature_algorithms extension MUST be specified": its absence is refused with
 * missing_extension (RFC 8446, Section 6.2: "sent by endpoints that receive a handshake message not
 * containing an extension that is mandatory to send for the offered TLS version").
 */
public final class CertificateRequest implements HandshakeMessage {
    private final byte[] context;
    /** The extensions (CR forms); always holds signature_algorithms. */
    public final Extensions extensions;

    public CertificateRequest(byte[] context, Extensions extensions) {
        if (context.length > 0xff) {
            throw new IllegalArgumentException("certificate_request_context is at most 255 bytes");
        }
        if (!extensions.contains(ExtensionType.SIGNATURE_ALGORITHMS)) {
            throw new IllegalArgumentException("signature_algorithms is mandatory");
        }
        this.context = context.clone();
        this.extensions = extensions;
    }

    /** Parses the body. */
    public static CertificateRequest read(TlsReader r) throws TlsAlert {
        byte[] context = r.opaque8();
        Extensions e = Extensions.read(r, ExtensionContext.CERTIFICATE_REQUEST);
        r.expectEnd();
        if (!e.contains(ExtensionType.SIGNATURE_ALGORITHMS)) {
            throw Alerts.missingExtension("CertificateRequest without signature_algorithms"
                    + " (RFC 8446, Section 4.3.2)");
        }
        return new CertificateRequest(context, e);
    }

    /** A copy of certificate_request_context (empty during the handshake). */
    public byte[] context() {
        return context.clone();
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CERTIFICATE_REQUEST;
    }

    @Override
    public void write(TlsWriter w) {
        w.opaque8(context);
        extensions.write(w);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CertificateRequest && Arrays.equals(((CertificateRequest) o).context, context)
                && ((CertificateRequest) o).extensions.equals(extensions);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(context) * 31 + extensions.hashCode();
    }

    @Override
    public String toString() {
        return "CertificateRequest{context=" + Bytes.hex(context) + ", extensions=" + extensions + "}";
    }
}
