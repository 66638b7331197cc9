package org.tls4j.handshake.tls12.msg;

import java.util.Arrays;

import org.tls4j.handshake.SignatureScheme;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.TlsWriter;
import org.tls4j.record.TlsAlert;

/**
 * A signature with, from TLS 1.2 on, its algorithm (RFC 5246, Section 4.7):
 *
 * <pre>
 * struct {
 *    SignatureAndHashAlgorithm algorithm;   // TLS 1.2 only (RFC 5246, Section 7.4.1.4.1)
 *    opaque signature&lt;0..2^16-1&gt;;
 * } DigitallySigned;
 * </pre>
 *
 * TLS 1.0/1.1 and SSL 3.0 send only the signature (RFC 4346, Section 7.4.3); then {@link #algorithm} is
 * null and the algorithm follows from the certificate's key.
 */
public final class DigitallySigned {
    /** The scheme (TLS 1.2), or null (TLS 1.1 and earlier). */
    public final SignatureScheme algorithm;
    private final byte[] signature;

    public DigitallySigned(SignatureScheme algorithm, byte[] signature) {
        if (signature.length > 0xffff) {
            throw new IllegalArgumentException("signature is at most 2^16-1 bytes");
        }
        this.algorithm = algorithm;
        this.signature = signature.clone();
    }

    /** Reads the struct; {@code withAlgorithm} is {@code VersionRules.signatureAlgorithms}. */
    public static DigitallySigned read(TlsReader r, boolean withAlgorithm) throws TlsAlert {
        SignatureScheme s = withAlgorithm ? SignatureScheme.of(r.u16()) : null;
        return new DigitallySigned(s, r.opaque16());
    }

    /** Writes the struct (the algorithm only when present). */
    public void write(TlsWriter w) {
        if (algorithm != null) {
            w.u16(algorithm.code);
        }
        w.opaque16(signature);
    }

    /** A copy of the signature bytes. */
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DigitallySigned)) {
            return false;
        }
        DigitallySigned d = (DigitallySigned) o;
        return (algorithm == null ? d.algorithm == null : algorithm.equals(d.algorithm))
                && Arrays.equals(signature, d.signature);
    }

    @Override
    public int hashCode() {
        return (algorithm == null ? 0 : algorithm.hashCode()) * 31 + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return (algorithm == null ? "legacy" : algorithm.toString()) + ":" + signature.length + " bytes";
    }
}
