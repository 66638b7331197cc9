package org.tls4j.handshake.msg;

import org.tls4j.handshake.Alerts;
import org.tls4j.handshake.HandshakeMessage;
import org.tls4j.handshake.RawHandshakeMessage;
import org.tls4j.handshake.TlsReader;
import org.tls4j.record.TlsAlert;

/**
 * Parses a whole TLS 1.3 handshake message into its class, by {@code msg_type} (RFC 8446, Section 4).
 * A server_hello is a {@link HelloRetryRequest} when its random says so (Section 4.1.3). A type that
 * TLS 1.3 does not define is refused with unexpected_message (Section 6.2: "an inappropriate message
 * ... was received").
 */
public final class Tls13Messages {
    private Tls13Messages() {}

    /**
     * Parses {@code m}. {@code hashLength} is the negotiated hash's output length, the length of a
     * Finished (Section 4.4.4); pass 0 before a suite is chosen (a Finished then fails to parse).
     */
    public static HandshakeMessage parse(RawHandshakeMessage m, int hashLength) throws TlsAlert {
        TlsReader r = m.reader();
        switch (m.type.code) {
            case 1:
                return ClientHello.read(r);
            case 2:
                return HelloRetryRequest.isHelloRetryRequest(m) ? HelloRetryRequest.read(r) : ServerHello.read(r);
            case 4:
                return NewSessionTicket.read(r);
            case 5:
                return EndOfEarlyData.read(r);
            case 8:
                return EncryptedExtensions.read(r);
            case 11:
                return Certificate.read(r);
            case 13:
                return CertificateRequest.read(r);
            case 15:
                return CertificateVerify.read(r);
            case 20:
                return Finished.read(r, hashLength);
            case 24:
                return KeyUpdate.read(r);
            default:
                throw Alerts.unexpectedMessage("handshake type " + m.type + " does not exist in TLS 1.3");
        }
    }
}
