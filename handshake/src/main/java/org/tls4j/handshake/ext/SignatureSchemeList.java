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
 */
final class SignatureSchemeList {
    private SignatureSchemeList() {}

    static List<SignatureScheme> copy(List<SignatureScheme> schemes) {
        if (schemes.isEmpty()) {
            throw new IllegalArgumentException("supported_signature_algorithms must not be empty");
        }
        return Collections.unmodifiableList(new ArrayList<SignatureScheme>(schemes));
    }

    static List<SignatureScheme> read(TlsReader r) throws TlsAlert {
        TlsReader list = r.sub16().nonEmpty("supported_signature_algorithms");
        List<SignatureScheme> out = new ArrayList<SignatureScheme>();
        while (!list.atEnd()) {
            out.add(SignatureScheme.of(list.u16()));
        }
        r.expectEnd();
        return out;
    }

    static void write(TlsWriter w, List<SignatureScheme> schemes) {
        int m = w.begin16();
        for (SignatureScheme s : schemes) {
            w.u16(s.code);
        }
        w.end16(m, 0xfffe);
    }
}
