package org.tls4j.handshake.ext;

import java.util.List;

import org.tls4j.handshake.ExtensionType;
import org.tls4j.handshake.SignatureScheme;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.TlsWriter;
import org.tls4j.record.TlsAlert;

/**
 * signature_algorithms (RFC 8446, Section 4.2.3), in ClientHello and CertificateRequest: the signatures the sender accepts in CertificateVerify (and, when signature_algorithms_cert is absent, in certificates too).
 *
 * <pre>
 * struct {
 *     SignatureScheme supported_signature_algorithms&lt;2..2^16-2&gt;;
 * } SignatureSchemeList;
 * </pre>
 */
public final class SignatureAlgorithms implements Extension {
    /** The schemes, most preferred first (unknown and GREASE values kept). */
    public final List<SignatureScheme> schemes;

    public SignatureAlgorithms(List<SignatureScheme> schemes) {
        this.schemes = SignatureSchemeList.copy(schemes);
    }

    /** Parses {@code extension_data}. */
    public static SignatureAlgorithms read(TlsReader r) throws TlsAlert {
        return new SignatureAlgorithms(SignatureSchemeList.read(r));
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.SIGNATURE_ALGORITHMS;
    }

    @Override
    public void writeData(TlsWriter w) {
        SignatureSchemeList.write(w, schemes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignatureAlgorithms && ((SignatureAlgorithms) o).schemes.equals(schemes);
    }

    @Override
    public int hashCode() {
        return schemes.hashCode();
    }

    @Override
    public String toString() {
        return "signature_algorithms" + schemes;
    }
}
