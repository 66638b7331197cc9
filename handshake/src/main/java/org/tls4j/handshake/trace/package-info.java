/**
 * Structured traces of handshakes for people: {@link org.tls4j.handshake.trace.HandshakeDescriber} turns
 * each handshake message and extension into a {@link org.tls4j.handshake.trace.TraceNode} tree of named
 * fields (the names of the RFC's struct definitions), decoded values and the RFC section that defines
 * it. The {@code tls4j} command prints these trees; tests check them against the RFC 8448 trace.
 */
package org.tls4j.handshake.trace;
