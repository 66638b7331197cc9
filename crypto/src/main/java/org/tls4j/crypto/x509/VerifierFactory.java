package org.tls4j.crypto.x509;

import org.tls4j.crypto.sig.Verifier;

/**
 * Maps a certificate's signature algorithm and its issuer's public key to a {@link Verifier}.
 * Path validation depends only on this, so its logic is testable with any signature back end.
 * The caller ({@link PathValidator}) has already checked that key type and algorithm fit together.
 */
public interface VerifierFactory {
    /**
     * A verifier for {@code alg} with {@code key}; a {@link CertificateRejectedException} with reason
     * {@link CertificateRejectedException.Reason#UNSUPPORTED_ALGORITHM} when there is none.
     */
    Verifier verifier(SignatureAlgorithm alg, PublicKeyInfo key) throws CertificateRejectedException;
}
