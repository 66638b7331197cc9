package org.tls4j.handshake.msg;

import java.util.Arrays;

import org.tls4j.handshake.HandshakeMessage;
import org.tls4j.handshake.HandshakeType;
import org.tls4j.handshake.SignatureScheme;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.TlsWriter;
import org.tls4j.record.TlsAlert;

/**
 * CertificateVerify (RFC 8446, Section 4.4.3): a signature over the transcript hash with the key of
 * the certificate just sent.
 *
 * <pre>
 * struct {
 *     SignatureScheme algorithm;
 *     opaque signature&lt;0..2^16-1&gt;;
 * } CertificateVerify;
 * </pre>
 *
 * The signed content (64 spaces, a context string, a zero byte, the transcript hash) is built by the
 * state machine.
 */
public final class CertificateVerify implements HandshakeMessage {
    /** The signature scheme used. */
    public final SignatureScheme algorithm;
    private final byte[] signature;

    public CertificateVerify(SignatureScheme algorithm, byte[] signature) {
        if (signature.length > 0xffff) {
            throw new IllegalArgumentException("signature is at most 2^16-1 bytes");
        }
        this.algorithm = algorithm;
        this.signature = signature.clone();
    }

    /** Parses the body. */
    public static CertificateVerify read(TlsReader r) throws TlsAlert {
        SignatureScheme s = SignatureScheme.of(r.u16());
        byte[] sig = r.opaque16();
        r.expectEnd();
        return new CertificateVerify(s, sig);
    }

    /** A copy of the signature. */
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CERTIFICATE_VERIFY;
    }

    @Override
    public void write(TlsWriter w) {
        w.u16(algorithm.code).opaque16(signature);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CertificateVerify && ((CertificateVerify) o).algorithm.equals(algorithm)
                && Arrays.equals(((CertificateVerify) o).signature, signature);
    }

    @Override
    public int hashCode() {
        return algorithm.hashCode() * 31 + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "CertificateVerify{" + algorithm + ", " + signature.length + " bytes}";
    }
}
