/**
 * The public API of tls4j: {@link org.tls4j.TlsConfig} (immutable configuration),
 * {@link org.tls4j.TlsEngine} (one connection, sans-IO: wrap and unwrap over ByteBuffers),
 * {@link org.tls4j.TlsResult}, {@link org.tls4j.TlsException} and {@link org.tls4j.TlsSession}.
 * Only TLS 1.3 is implemented so far. The engine applies what the handshake
 * ({@code org.tls4j.handshake.tls13.Tls13Handshake}) asks for to the record layer
 * ({@code org.tls4j.record}); see the TlsEngine class comment for the data flow and a complete example.
 */
package org.tls4j;
