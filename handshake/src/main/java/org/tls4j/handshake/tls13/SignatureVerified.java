package org.tls4j.handshake.tls13;

import org.tls4j.crypto.sig.Verifier;
import org.tls4j.record.AlertDescription;
import org.tls4j.record.TlsAlert;

/**
 * Proof that the server's CertificateVerify signature was checked over the transcript (RFC 8446,
 * Section 4.4.3). Only {@link #check} makes one; the client's connected state requires it.
 */
public final class SignatureVerified {
    private SignatureVerified() {}

    /** "If the verification fails, the receiver MUST terminate the handshake with a decrypt_error alert." */
    static SignatureVerified check(Verifier v, byte[] content, byte[] signature) throws TlsAlert {
        if (!v.verify(content, signature)) {
            throw new TlsAlert(AlertDescription.DECRYPT_ERROR,
                    "CertificateVerify signature does not verify with the certificate's key (RFC 8446, Section 4.4.3)");
        }
        return new SignatureVerified();
    }
}
