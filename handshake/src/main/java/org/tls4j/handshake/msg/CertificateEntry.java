package org.tls4j.handshake.msg;

import java.util.Arrays;

import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.TlsWriter;
import org.tls4j.handshake.ext.ExtensionContext;
import org.tls4j.handshake.ext.Extensions;
import org.tls4j.record.TlsAlert;

/**
 * One entry of a TLS 1.3 Certificate message (RFC 8446, Section 4.4.2):
 *
 * <pre>
 * struct {
 *     select (certificate_type) {
 *         case RawPublicKey:
 *           // From RFC 7250 ASN.1_subjectPublicKeyInfo
 *           opaque ASN1_subjectPublicKeyInfo&lt;1..2^24-1&gt;;
 *
 *         case X509:
 *           opaque cert_data&lt;1..2^24-1&gt;;
 *     };
 *     Extension extensions&lt;0..2^16-1&gt;;
 * } CertificateEntry;
 * </pre>
 *
 * Both arms are one opaque vector on the wire, so the bytes are kept without interpretation; the
 * certificate type negotiated (RFC 7250) says how to decode them.
 */
public final class CertificateEntry {
    private final byte[] data;
    /** Per-entry extensions (CT forms, e.g. status_request, signed_certificate_timestamp). */
    public final Extensions extensions;

    public CertificateEntry(byte[] data, Extensions extensions) {
        if (data.length == 0 || data.length > 0xffffff) {
            throw new IllegalArgumentException("cert_data must be 1..2^24-1 bytes");
        }
        this.data = data.clone();
        this.extensions = extensions;
    }

    static CertificateEntry read(TlsReader r) throws TlsAlert {
        byte[] data = r.opaque24("cert_data", 1, 0xffffff);
        return new CertificateEntry(data, Extensions.read(r, ExtensionContext.CERTIFICATE));
    }

    void write(TlsWriter w) {
        w.opaque24(data);
        extensions.write(w);
    }

    /** A copy of cert_data (DER certificate) or ASN1_subjectPublicKeyInfo. */
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CertificateEntry && Arrays.equals(((CertificateEntry) o).data, data)
                && ((CertificateEntry) o).extensions.equals(extensions);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data) * 31 + extensions.hashCode();
    }

    @Override
    public String toString() {
        return "CertificateEntry(" + data.length + " bytes, " + extensions + ")";
    }
}
