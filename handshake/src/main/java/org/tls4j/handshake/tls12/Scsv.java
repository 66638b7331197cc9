package org.tls4j.handshake.tls12;

import java.util.List;

import org.tls4j.handshake.CipherSuite;
import org.tls4j.handshake.ExtensionType;
import org.tls4j.handshake.msg.ClientHello;
import org.tls4j.record.AlertDescription;
import org.tls4j.record.ProtocolVersion;
import org.tls4j.record.TlsAlert;

/**
 * The two signalling cipher-suite values of TLS ≤ 1.2, as the server sees them in a ClientHello.
 *
 * <ul>
 *   <li>TLS_EMPTY_RENEGOTIATION_INFO_SCSV (0x00FF, RFC 5746, Section 3.3): equivalent to an empty
 *       renegotiation_info extension on an initial handshake; a client that sends it supports secure
 *       renegotiation. Section 3.7: if the SCSV is present in a renegotiation ClientHello, the server
 *       "MUST abort the handshake" with handshake_failure ({@link #checkRenegotiationHello}).</li>
 *   <li>TLS_FALLBACK_SCSV (0x5600, RFC 7507, Section 3): the client is retrying with a lower version than
 *       it supports. If the offered version is below the highest the server supports, the server
 *       replies with inappropriate_fallback ({@link #checkFallback}).</li>
 * </ul>
 */
public final class Scsv {
    private Scsv() {}

    /** True when {@code suites} contains {@code scsv}. */
    public static boolean contains(List<CipherSuite> suites, CipherSuite scsv) {
        for (CipherSuite s : suites) {
            if (s.equals(scsv)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when an initial ClientHello signals RFC 5746 support: the SCSV or a renegotiation_info
     * extension (Section 3.6, first bullet).
     */
    public static boolean signalsSecureRenegotiation(ClientHello ch) {
        // A ClientHello may end without an extensions block (RFC 5246, Section 7.4.1.2): extensions null.
        return contains(ch.cipherSuites, CipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV)
                || ch.extensions != null && ch.extensions.contains(ExtensionType.RENEGOTIATION_INFO);
    }

    /** RFC 5746, Section 3.7: the SCSV must not appear in a renegotiating ClientHello (handshake_failure). */
    public static void checkRenegotiationHello(ClientHello ch) throws TlsAlert {
        if (contains(ch.cipherSuites, CipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV)) {
            throw new TlsAlert(AlertDescription.HANDSHAKE_FAILURE,
                    "TLS_EMPTY_RENEGOTIATION_INFO_SCSV in a renegotiation ClientHello (RFC 5746, Section 3.7)");
        }
    }

    /**
     * RFC 7507, Section 3: with TLS_FALLBACK_SCSV present and {@code clientVersion} (the version the
     * client offers: legacy_version, or the highest of supported_versions) below {@code serverMax}, the
     * server "MUST respond with a fatal inappropriate_fallback alert".
     */
    public static void checkFallback(List<CipherSuite> suites, ProtocolVersion clientVersion,
            ProtocolVersion serverMax) throws TlsAlert {
        if (contains(suites, CipherSuite.TLS_FALLBACK_SCSV) && clientVersion.compareTo(serverMax) < 0) {
            throw new TlsAlert(AlertDescription.INAPPROPRIATE_FALLBACK, "TLS_FALLBACK_SCSV with offered version "
                    + clientVersion + " below our highest, " + serverMax + " (RFC 7507, Section 3)");
        }
    }
}
