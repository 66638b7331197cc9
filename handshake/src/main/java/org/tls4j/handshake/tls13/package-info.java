/**
 * TLS 1.3 key derivation: the running {@link org.tls4j.handshake.tls13.Transcript} hash (with the
 * HelloRetryRequest {@code message_hash} rule, RFC 8446, Section 4.4.1) and the {@link
 * org.tls4j.handshake.tls13.KeySchedule13} of RFC 8446, Section 7. The TLS 1.3 client and server
 * state machines will live here too.
 */
package org.tls4j.handshake.tls13;
