package org.tls4j.handshake.tls13;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

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
}
