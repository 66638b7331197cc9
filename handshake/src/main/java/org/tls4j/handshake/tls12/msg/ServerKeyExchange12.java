package org.tls4j.handshake.tls12.msg;

import org.tls4j.handshake.HandshakeMessage;

/**
 * A signed ServerKeyExchange (RFC 5246, Section 7.4.3): parameters, then a signature over
 * {@code ClientHello.random + ServerHello.random + params}. {@link #signedContent} builds exactly that.
 */
public interface ServerKeyExchange12 extends HandshakeMessage {
    /** The encoded parameters (ServerECDHParams or ServerDHParams) as they appear on the wire. */
    byte[] params();

    /** The signature. */
    DigitallySigned signature();

    /** {@code client_random + server_random + params}: the bytes the server signed. */
    default byte[] signedContent(byte[] clientRandom, byte[] serverRandom) {
        byte[] p = params();
        byte[] out = new byte[clientRandom.length + serverRandom.length + p.length];
        System.arraycopy(clientRandom, 0, out, 0, clientRandom.length);
        System.arraycopy(serverRandom, 0, out, clientRandom.length, serverRandom.length);
        System.arraycopy(p, 0, out, clientRandom.length + serverRandom.length, p.length);
        return out;
    }
}
