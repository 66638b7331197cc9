/**
 * The handshake messages of SSL 3.0 to TLS 1.2 that differ from TLS 1.3's (RFC 5246, Section 7.4;
 * RFC 4346; RFC 2246; RFC 6101; RFC 8422 for ECDHE; RFC 5077 NewSessionTicket; RFC 6066
 * CertificateStatus). ClientHello, ServerHello and Finished are shared with TLS 1.3 ({@code msg}).
 * {@link org.tls4j.handshake.tls12.msg.Tls12Messages} parses a reassembled message given the version
 * rules and key exchange.
 */
package org.tls4j.handshake.tls12.msg;
