/**
 * The hello extensions specific to TLS 1.2 and earlier: extended_master_secret (RFC 7627),
 * encrypt_then_mac (RFC 7366), renegotiation_info (RFC 5746), session_ticket (RFC 5077),
 * ec_point_formats (RFC 8422), max_fragment_length and status_request (RFC 6066).
 * {@link org.tls4j.handshake.tls12.ext.Tls12Extensions#typed} turns the raw ones of a hello into these
 * classes.
 */
package org.tls4j.handshake.tls12.ext;
