/**
 * STARTTLS: the plain-text preambles that turn a connected plain socket into one ready for TLS.
 *
 * <p>Clients for SMTP (RFC 3207), IMAP (RFC 3501), POP3 (RFC 2595), FTP (RFC 4217), XMPP (RFC 6120),
 * LDAP (RFC 4511) and PostgreSQL (SSLRequest), and the server side for SMTP. Each returns an
 * {@link org.tls4j.starttls.Upgrade}: the socket plus every byte already read past the preamble, so TLS
 * can start without losing a byte. {@link org.tls4j.TlsSocket#upgrade} then runs TLS over it:
 * <pre>{@code
 * Upgrade u = SmtpStartTls.client(plainSocket, "client.example");
 * TlsSocket tls = TlsSocket.upgrade(u, config, true);      // leftover bytes go to TLS first
 * List<String> ehlo = SmtpStartTls.ehloAfterUpgrade(tls.getInputStream(), tls.getOutputStream(), "client.example");
 * }</pre>
 * Errors are {@link org.tls4j.starttls.StartTlsException}s in plain words: the server does not offer
 * the upgrade, refused it, or is not the server we think.
 */
package org.tls4j.starttls;
