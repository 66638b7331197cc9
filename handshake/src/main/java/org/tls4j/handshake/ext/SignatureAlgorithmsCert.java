package org.tls4j.handshake.ext;

import java.util.List;

import org.tls4j.handshake.ExtensionType;
import org.tls4j.handshake.SignatureScheme;
import org.tls4j.handshake.TlsReader;
import org.tls4j.record.TlsAlert;

/**
 * signature_algorithms_cert (RFC 8446, Section 4.2.3), in ClientHello and CertificateRequest: the signatures the sender accepts in certificates.
 *
 * <pre>
 * struct {
 *     SignatureScheme supported_signature_algorithms&lt;2..2^16-2&gt;;
 * } SignatureSchemeList;
 * </pre>
 *
 * <p>The list, its codec and equality are in {@code SignatureSchemeList}, shared with
 * {@link SignatureAlgorithms}.
 */
public final class SignatureAlgorithmsCert extends SignatureSchemeList {
    /**
     * @param schemes the schemes, most preferred first; copied
     * @throws IllegalArgumentException when the list is empty (the RFC requires at least one)
     */
    public SignatureAlgorithmsCert(List<SignatureScheme> schemes) {
        super(schemes);
    }

    /** Parses {@code extension_data}. */
    public static SignatureAlgorithmsCert read(TlsReader r) throws TlsAlert {
        return new SignatureAlgorithmsCert(readSchemes(r));
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.SIGNATURE_ALGORITHMS_CERT;
    }
}
