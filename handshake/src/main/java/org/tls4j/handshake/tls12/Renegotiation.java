package org.tls4j.handshake.tls12;

/**
 * What a TLS 1.0-1.2 connection does when either side wants to renegotiate (run a new handshake over the
 * established connection, RFC 5246, Section 7.4.1.1 and 7.4.1.2). TLS 1.3 has no renegotiation.
 *
 * <p>The default is {@link #REFUSE}. Renegotiation was the root of the 2009 renegotiation attack
 * (CVE-2009-3555: a man in the middle splices its own handshake and data in front of the victim's,
 * fixed by RFC 5746) and of the 2014 triple handshake attack (Bhargavan et al., "Triple Handshakes and
 * Cookie Cutters", IEEE S&amp;P 2014; fixed by RFC 7627 and by pinning the server certificate). Few
 * applications need it (some servers ask for a client certificate part-way through a connection), it
 * makes the peer's identity and the keys change under the application's feet, and HTTP/2 forbids it
 * (RFC 7540, Section 9.2.1). A careful user therefore gets none unless asked, as Go's crypto/tls does
 * ({@code RenegotiateNever} by default).
 */
public enum Renegotiation {
    /**
     * Never renegotiate: a HelloRequest (to a client) or a renegotiating ClientHello (to a server) is
     * answered with a no_renegotiation warning (RFC 5746, Section 4.2 and 4.4; RFC 5246, Section 7.2.2),
     * and {@code TlsEngine.renegotiate()} is refused.
     */
    REFUSE,
    /**
     * Renegotiate, started by either side, only with a peer that showed RFC 5746 support on the initial
     * handshake (the extension or the SCSV); anyone else gets a no_renegotiation warning. Each
     * renegotiation carries both Finished values in renegotiation_info, checked in constant time
     * (handshake_failure on a mismatch, RFC 5746, Section 3.5-3.7), and a client requires the server to
     * present the same certificate again (the triple handshake mitigation; see {@code Renegotiation12}).
     */
    ACCEPT_SECURE
}
