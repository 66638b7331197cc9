package org.tls4j.handshake.tls13;

import org.tls4j.handshake.HandshakeMessage;
import org.tls4j.record.AlertDescription;
import org.tls4j.record.TlsAlert;

/** Placeholder (being written). */
public final class Tls13Server {
    private Tls13Server() {}

    static final class ExpectClientHello implements HandshakeState {
        @Override
        public HandshakeState handle(HandshakeContext cx, HandshakeMessage m) throws TlsAlert {
            throw new TlsAlert(AlertDescription.INTERNAL_ERROR, "the TLS 1.3 server is not written yet");
        }
    }
}
