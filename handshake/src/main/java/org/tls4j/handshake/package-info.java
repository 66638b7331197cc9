/**
 * The handshake layer's shared vocabulary: the TLS presentation-language {@link
 * org.tls4j.handshake.TlsReader reader} and {@link org.tls4j.handshake.TlsWriter writer} (RFC 8446,
 * Section 3), the wire registries ({@link org.tls4j.handshake.HandshakeType}, {@link
 * org.tls4j.handshake.ExtensionType}, {@link org.tls4j.handshake.CipherSuite}, {@link
 * org.tls4j.handshake.NamedGroup}, {@link org.tls4j.handshake.SignatureScheme}), handshake framing
 * ({@link org.tls4j.handshake.HandshakeMessage}, {@link org.tls4j.handshake.RawHandshakeMessage}) and
 * the {@link org.tls4j.handshake.HandshakeReassembler} that cuts record payloads into messages.
 *
 * <p>Parse failures are {@link org.tls4j.record.TlsAlert}s chosen in one place, {@link
 * org.tls4j.handshake.Alerts}. Messages live in {@code msg}, extensions in {@code ext}, the TLS 1.3
 * key schedule and transcript in {@code tls13}. Nothing here does I/O or keeps connection state.
 */
package org.tls4j.handshake;
