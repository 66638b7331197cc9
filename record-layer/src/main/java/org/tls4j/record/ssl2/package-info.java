/**
 * SSL 2.0 record framing: the 2- and 3-byte record headers. Enough to read an SSL 2.0-format
 * ClientHello on a server (with {@link org.tls4j.record.Deframer#setAcceptSsl2ClientHello}); SSL 2.0
 * record protection comes with the SSL 2.0 handshake. SSL 2.0 is off by default (DROWN).
 */
package org.tls4j.record.ssl2;
