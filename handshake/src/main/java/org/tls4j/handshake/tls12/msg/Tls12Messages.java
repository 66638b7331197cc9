package org.tls4j.handshake.tls12.msg;

import org.tls4j.handshake.Alerts;
import org.tls4j.handshake.HandshakeMessage;
import org.tls4j.handshake.RawHandshakeMessage;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.msg.ClientHello;
import org.tls4j.handshake.msg.Finished;
import org.tls4j.handshake.msg.ServerHello;
import org.tls4j.handshake.tls12.KeyExchange12;
import org.tls4j.handshake.tls12.VersionRules;
import org.tls4j.record.TlsAlert;

/**
 * Parses a reassembled SSL 3.0-TLS 1.2 handshake message into its class. Three messages cannot be
 * parsed from their bytes alone, so the caller supplies what the handshake has negotiated so far:
 * ServerKeyExchange and ClientKeyExchange depend on the key exchange, and CertificateRequest,
 * CertificateVerify and the signature in ServerKeyExchange on whether the version has signature
 * algorithms; Finished's length is the version's ({@link VersionRules#finishedLength()}).
 *
 * <p>A message type that does not exist in these versions, or a key-exchange message before the key
 * exchange is known (or for RSA, which has no ServerKeyExchange), is unexpected_message.
 */
public final class Tls12Messages {
    private Tls12Messages() {}

    /**
     * @param rules the negotiated version's rules
     * @param kx the negotiated key exchange, or null before ServerHello
     */
    public static HandshakeMessage parse(RawHandshakeMessage raw, VersionRules rules, KeyExchange12 kx)
            throws TlsAlert {
        TlsReader r = raw.reader();
        switch (raw.type.code) {
            case 0:
                return HelloRequest.read(r);
            case 1:
                return ClientHello.read(r);
            case 2:
                return ServerHello.read(r);
            case 4:
                return NewSessionTicket12.read(r);
            case 11:
                return Certificate12.read(r);
            case 12:
                if (kx == null || !kx.serverKeyExchange) {
                    throw Alerts.unexpectedMessage("ServerKeyExchange with key exchange " + kx
                            + " (RFC 5246, Section 7.4.3)");
                }
                return kx.isEcdhe() ? EcdheServerKeyExchange.read(r, rules.signatureAlgorithms)
                        : DheServerKeyExchange.read(r, rules.signatureAlgorithms);
            case 13:
                return CertificateRequest12.read(r, rules.signatureAlgorithms);
            case 14:
                return ServerHelloDone.read(r);
            case 15:
                return CertificateVerify12.read(r, rules.signatureAlgorithms);
            case 16:
                if (kx == null) {
                    throw Alerts.unexpectedMessage("ClientKeyExchange before a key exchange was negotiated");
                }
                switch (kx) {
                    case RSA:
                        return RsaClientKeyExchange.read(r, rules.rsaPremasterLengthPrefix);
                    case DHE_RSA:
                        return DheClientKeyExchange.read(r);
                    default:
                        return EcdheClientKeyExchange.read(r);
                }
            case 20:
                return Finished.read(r, rules.finishedLength());
            case 22:
                return CertificateStatus.read(r);
            default:
                throw Alerts.unexpectedMessage("handshake message " + raw.type + " does not exist in "
                        + rules.version);
        }
    }
}
