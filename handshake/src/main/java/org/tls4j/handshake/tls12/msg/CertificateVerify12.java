package org.tls4j.handshake.tls12.msg;

import org.tls4j.handshake.HandshakeMessage;
import org.tls4j.handshake.HandshakeType;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.TlsWriter;
import org.tls4j.record.TlsAlert;

/**
 * CertificateVerify in SSL 3.0-TLS 1.2 (RFC 5246, Section 7.4.8):
 *
 * <pre>
 * struct {
 *      digitally-signed struct {
 *          opaque handshake_messages[handshake_messages_length];
 *      }
 * } CertificateVerify;
 * </pre>
 *
 * On the wire a {@link DigitallySigned}: algorithm and signature in TLS 1.2, the signature alone before.
 * What is signed differs per version ({@code VersionRules.certificateVerify}).
 */
public final class CertificateVerify12 implements HandshakeMessage {
    public final DigitallySigned signed;

    public CertificateVerify12(DigitallySigned signed) {
        this.signed = signed;
    }

    /** Parses the body; {@code withAlgorithm} is true in TLS 1.2. */
    public static CertificateVerify12 read(TlsReader r, boolean withAlgorithm) throws TlsAlert {
        DigitallySigned d = DigitallySigned.read(r, withAlgorithm);
        r.expectEnd();
        return new CertificateVerify12(d);
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CERTIFICATE_VERIFY;
    }

    @Override
    public void write(TlsWriter w) {
        signed.write(w);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CertificateVerify12 && ((CertificateVerify12) o).signed.equals(signed);
    }

    @Override
    public int hashCode() {
        return signed.hashCode();
    }

    @Override
    public String toString() {
        return "CertificateVerify{" + signed + "}";
    }
}
