package org.tls4j.handshake.tls12.msg;

import org.tls4j.handshake.Alerts;
import org.tls4j.handshake.TlsReader;
import org.tls4j.record.TlsAlert;

/** The shared check of the two empty-bodied messages. */
final class EmptyMessages {
    private EmptyMessages() {}

    static void expectEmpty(TlsReader r, String what) throws TlsAlert {
        if (!r.atEnd()) {
            throw Alerts.decodeError(what + " must have an empty body, got " + r.remaining() + " bytes");
        }
    }
}
