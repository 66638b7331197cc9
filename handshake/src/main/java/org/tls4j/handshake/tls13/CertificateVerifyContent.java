package org.tls4j.handshake.tls13;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.tls4j.crypto.x509.Certificate;
import org.tls4j.crypto.x509.CertificateRejectedException;
import org.tls4j.crypto.x509.DefaultVerifiers;
import org.tls4j.crypto.x509.PublicKeyInfo;
import org.tls4j.handshake.SignatureScheme;
import org.tls4j.handshake.msg.CertificateVerify;
import org.tls4j.record.AlertDescription;
import org.tls4j.record.TlsAlert;

/**
 * The bytes a TLS 1.3 CertificateVerify signs (RFC 8446, Section 4.4.3):
 *
 * <pre>
 * 64 bytes of 0x20 (space)
 * the context string: "TLS 1.3, server CertificateVerify" or "TLS 1.3, client CertificateVerify"
 * a single 0 byte
 * Transcript-Hash(Handshake Context, Certificate)
 * </pre>
 *
 * The 64 spaces keep the signed content from sharing a prefix with earlier TLS versions' signed
 * data; the context string keeps a server's signature from being replayed as a client's.
 */
public final class CertificateVerifyContent {
    /** Context string of the server's CertificateVerify. */
    public static final String SERVER_CONTEXT = "TLS 1.3, server CertificateVerify";
    /** Context string of the client's CertificateVerify. */
    public static final String CLIENT_CONTEXT = "TLS 1.3, client CertificateVerify";

    private CertificateVerifyContent() {}

    /** The content to sign or verify, for the server's ({@code server}) or the client's signature. */
    public static byte[] of(boolean server, byte[] transcriptHash) {
        byte[] context = (server ? SERVER_CONTEXT : CLIENT_CONTEXT).getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[64 + context.length + 1 + transcriptHash.length];
        Arrays.fill(out, 0, 64, (byte) 0x20);
        System.arraycopy(context, 0, out, 64, context.length);
        out[64 + context.length] = 0;
        System.arraycopy(transcriptHash, 0, out, 64 + context.length + 1, transcriptHash.length);
        return out;
    }

    /**
     * Checks a received CertificateVerify against the peer's leaf certificate and returns the proof
     * token the next states require (RFC 8446, Section 4.4.3). The same rules hold for both sides:
     * the scheme must be one we offered for TLS 1.3 signatures (illegal_parameter otherwise), it must
     * fit the leaf's key (Section 4.2.3; illegal_parameter), and the signature over
     * {@link #of(boolean, byte[]) the content} must verify (decrypt_error, from {@link SignatureVerified}).
     *
     * @param server true for the server's CertificateVerify (checked by the client), false for the client's
     * @param transcriptHash Transcript-Hash up to and including the peer's Certificate
     */
    static SignatureVerified verify(HandshakeContext cx, CertificateVerify cv, Certificate leaf, boolean server,
            byte[] transcriptHash) throws TlsAlert {
        SignatureScheme s = cv.algorithm;
        PublicKeyInfo key = leaf.publicKey();
        String which = server ? "CertificateVerify" : "client CertificateVerify";
        if (!cx.config.signatureSchemes.contains(s) || !SignatureSchemes13.isAllowedInCertificateVerify(s)) {
            throw new TlsAlert(AlertDescription.ILLEGAL_PARAMETER, which + " with " + s + ", which "
                    + (server ? "the client" : "the CertificateRequest")
                    + " did not offer for TLS 1.3 signatures (RFC 8446, Section 4.4.3)");
        }
        if (!SignatureSchemes13.fits(s, key)) {
            throw new TlsAlert(AlertDescription.ILLEGAL_PARAMETER, which + " with " + s
                    + ", which does not fit the certificate's " + key.type() + " key (RFC 8446, Section 4.2.3)");
        }
        org.tls4j.crypto.sig.Verifier v;
        try {
            v = DefaultVerifiers.INSTANCE.verifier(SignatureSchemes13.algorithm(s), key);
        } catch (CertificateRejectedException e) {
            throw CertificateAlerts.toAlert(e);
        }
        return SignatureVerified.check(v, of(server, transcriptHash), cv.signature());
    }
}
