/**
 * TLS 1.3 (RFC 8446), sans-IO: the client and server typestate machines and what they are built from.
 *
 * <ul>
 * <li>{@link org.tls4j.handshake.tls13.Tls13Client} and {@link org.tls4j.handshake.tls13.Tls13Server}:
 *     one nested state class per step, in protocol order, under the RFC's flow diagram;</li>
 * <li>{@link org.tls4j.handshake.tls13.Tls13Handshake}: drives a machine from record contents
 *     (reassembly, parsing, the dummy ChangeCipherSpec) and hands out
 *     {@link org.tls4j.handshake.tls13.HandshakeOutput}s — bytes to send, keys to install — for the
 *     engine to apply in order;</li>
 * <li>{@link org.tls4j.handshake.tls13.HandshakeState}, {@link org.tls4j.handshake.tls13.HandshakeContext},
 *     the proof tokens {@link org.tls4j.handshake.tls13.SignatureVerified} and
 *     {@link org.tls4j.handshake.tls13.FinishedVerified};</li>
 * <li>the running {@link org.tls4j.handshake.tls13.Transcript} hash (with the HelloRetryRequest
 *     {@code message_hash} rule, Section 4.4.1), the {@link org.tls4j.handshake.tls13.KeySchedule13} of
 *     Section 7, {@link org.tls4j.handshake.tls13.TrafficSecret}s and the
 *     {@link org.tls4j.handshake.tls13.Exporter} (Section 7.5);</li>
 * <li>what the names mean: {@link org.tls4j.handshake.tls13.Tls13Suite}, {@link org.tls4j.handshake.tls13.Groups},
 *     {@link org.tls4j.handshake.tls13.SignatureSchemes13}; the one table from certificate rejections to
 *     alerts, {@link org.tls4j.handshake.tls13.CertificateAlerts}.</li>
 * </ul>
 */
package org.tls4j.handshake.tls13;
