package org.tls4j.handshake.tls12;

import org.tls4j.handshake.HandshakeMessage;
import org.tls4j.handshake.msg.ClientHello;
import org.tls4j.handshake.tls12.msg.HelloRequest;
import org.tls4j.handshake.tls13.HandshakeOutput;
import org.tls4j.record.AlertDescription;
import org.tls4j.record.TlsAlert;

/**
 * The established TLS 1.0-1.2 connection, either side. It holds the master secret for the exporter and
 * needs the proof that the peer's Finished was checked. A renegotiation that {@link Renegotiation12}
 * allows is started by {@link Tls12Handshake} before this state sees the message; every other attempt is
 * refused here: a HelloRequest (to a client) or a ClientHello (to a server) is answered with a no_renegotiation warning and the connection
 * goes on (RFC 5246, Section 7.4.1.1 lets a client ignore HelloRequest; RFC 5746, Section 4.2 and 4.4
 * describe refusing with no_renegotiation, which RFC 5246, Section 7.2.2 defines as a warning). Any other
 * handshake message is unexpected_message.
 */
final class Connected12 implements State12 {
    final Keys12 keys;
    private final boolean client;

    Connected12(Keys12 keys, Keys12.FinishedChecked proof, boolean client) {
        if (proof == null) {
            throw new NullPointerException("the peer's Finished must have been checked");
        }
        this.keys = keys;
        this.client = client;
    }

    @Override
    public void destroy() {
        keys.destroy();
    }

    @Override
    public State12 handle(Context12 cx, HandshakeMessage m) throws TlsAlert {
        if ((client && m instanceof HelloRequest) || (!client && m instanceof ClientHello)) {
            cx.output(HandshakeOutput.For12.warningAlert(AlertDescription.NO_RENEGOTIATION));
            return this;
        }
        throw new TlsAlert(AlertDescription.UNEXPECTED_MESSAGE,
                "received " + m.type() + " after the handshake (RFC 5246, Section 7.4)");
    }
}
