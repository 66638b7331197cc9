/**
 * Handshake messages, one immutable class each, with {@code static read(TlsReader)} and {@code
 * write(TlsWriter)} over the message body and the RFC 8446 struct quoted in the class comment.
 * {@link org.tls4j.handshake.msg.Tls13Messages} picks the class for a TLS 1.3 message by its type
 * (and, for server_hello, by its random: {@link org.tls4j.handshake.msg.HelloRetryRequest}).
 *
 * <p>Codecs check syntax: lengths, bounds, forbidden empty vectors, duplicate extensions, the
 * extension-per-message table. Whether a message is acceptable now (versions, suites, what was
 * offered) is the state machine's decision.
 */
package org.tls4j.handshake.msg;
