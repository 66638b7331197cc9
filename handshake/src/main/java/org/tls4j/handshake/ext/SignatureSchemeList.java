package org.tls4j.handshake.ext;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.tls4j.handshake.SignatureScheme;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.TlsWriter;
import org.tls4j.record.TlsAlert;

/**
 * The body shared by signature_algorithms and signature_algorithms_cert (RFC 8446, Section 4.2.3):
 *
 * <pre>
 * struct {
 *     SignatureScheme supported_signature_algorithms&lt;2..2^16-2&gt;;
 * } SignatureSchemeList;
 * </pre>
 *
 * The two extensions differ only in their type and in what the list is for; {@link SignatureAlgorithms}
 * and {@link SignatureAlgorithmsCert} extend this class and add just that.
 */
abstract class SignatureSchemeList implements Extension {
    /** The schemes, most preferred first (unknown and GREASE values kept). */
    public final List<SignatureScheme> schemes;

    SignatureSchemeList(List<SignatureScheme> schemes) {
        if (schemes.isEmpty()) {
            throw new IllegalArgumentException("supported_signature_algorithms must not be empty");
        }
        this.schemes = Collections.unmodifiableList(new ArrayList<SignatureScheme>(schemes));
    }

    /** Parses {@code extension_data}: a non-empty list of two-byte codes, and nothing after it. */
    static List<SignatureScheme> readSchemes(TlsReader r) throws TlsAlert {
        TlsReader list = r.sub16().nonEmpty("supported_signature_algorithms");
        List<SignatureScheme> out = new ArrayList<SignatureScheme>();
        while (!list.atEnd()) {
            out.add(SignatureScheme.of(list.u16()));
        }
        r.expectEnd();
        return out;
    }

    @Override
    public final void writeData(TlsWriter w) {
        int m = w.begin16();
        for (SignatureScheme s : schemes) {
            w.u16(s.code);
        }
        w.end16(m, 0xfffe);
    }

    /** Equal when the same extension (same class) with the same list in the same order. */
    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((SignatureSchemeList) o).schemes.equals(schemes);
    }

    @Override
    public final int hashCode() {
        return schemes.hashCode();
    }

    /** The extension's name followed by the list, e.g. {@code signature_algorithms[ed25519, ...]}. */
    @Override
    public final String toString() {
        return type().name() + schemes;
    }
}
