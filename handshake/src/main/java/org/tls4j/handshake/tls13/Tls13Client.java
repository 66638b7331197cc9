package org.tls4j.handshake.tls13;

import org.tls4j.record.AlertDescription;
import org.tls4j.record.TlsAlert;

/** Placeholder (being written). */
public final class Tls13Client {
    private Tls13Client() {}

    static HandshakeState start(HandshakeContext cx) throws TlsAlert {
        throw new TlsAlert(AlertDescription.INTERNAL_ERROR, "the TLS 1.3 client is not written yet");
    }
}
