package org.tls4j.handshake.tls12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.tls4j.handshake.CipherSuite;
import org.tls4j.handshake.ExtensionType;
import org.tls4j.handshake.HandshakeType;
import org.tls4j.handshake.RawHandshakeMessage;
import org.tls4j.handshake.ext.ExtensionContext;
import org.tls4j.handshake.ext.Extensions;
import org.tls4j.handshake.ext.RawExtension;
import org.tls4j.handshake.msg.ClientHello;
import org.tls4j.handshake.tls12.ext.EcPointFormats;
import org.tls4j.handshake.tls12.ext.Tls12Extensions;
import org.tls4j.handshake.tls12.msg.Tls12Messages;
import org.tls4j.record.AlertDescription;
import org.tls4j.record.ProtocolVersion;
import org.tls4j.record.TlsAlert;
import org.tls4j.testing.Hex;

/** Each strict-parsing rule of the tls12 codecs and the SCSV checks, with the exact alert. */
class Tls12RejectionTest {
    static void alert(AlertDescription d, Executable e) {
        TlsAlert a = assertThrows(TlsAlert.class, e);
        assertEquals(d, a.description(), a.getMessage());
    }

    static Executable msg(int type, String hex, VersionRules r, KeyExchange12 kx) {
        return () -> Tls12Messages.parse(new RawHandshakeMessage(HandshakeType.of(type), Hex.decode(hex)), r, kx);
    }

    static Executable ext(int type, String hex, ExtensionContext ctx) {
        return () -> Tls12Extensions.parse(new RawExtension(ExtensionType.of(type), Hex.decode(hex)), ctx);
    }

    @Test
    void messages() {
        VersionRules t12 = VersionRules.TLS12;
        alert(AlertDescription.DECODE_ERROR, msg(0, "00", t12, null));        // HelloRequest not empty
        alert(AlertDescription.DECODE_ERROR, msg(14, "00", t12, null));       // ServerHelloDone not empty
        alert(AlertDescription.DECODE_ERROR, msg(11, "000003000000", t12, null)); // empty ASN.1Cert
        alert(AlertDescription.DECODE_ERROR, msg(11, "00000000", t12, null)); // trailing byte
        // explicit_prime curve
        alert(AlertDescription.ILLEGAL_PARAMETER, msg(12, "01001701040000", t12, KeyExchange12.ECDHE_RSA));
        // empty ECPoint
        alert(AlertDescription.DECODE_ERROR, msg(12, "030017000401000000", t12, KeyExchange12.ECDHE_RSA));
        // ServerKeyExchange for RSA or before the key exchange is known
        alert(AlertDescription.UNEXPECTED_MESSAGE, msg(12, "", t12, KeyExchange12.RSA));
        alert(AlertDescription.UNEXPECTED_MESSAGE, msg(12, "", t12, null));
        alert(AlertDescription.UNEXPECTED_MESSAGE, msg(16, "", t12, null));
        // empty dh_p
        alert(AlertDescription.DECODE_ERROR, msg(12, "0000000102000102", t12, KeyExchange12.DHE_RSA));
        // CertificateRequest: empty types; odd-length algorithms; empty DN
        alert(AlertDescription.DECODE_ERROR, msg(13, "0000020401" + "0000", t12, null));
        alert(AlertDescription.DECODE_ERROR, msg(13, "010100030401020000", t12, null));
        alert(AlertDescription.DECODE_ERROR, msg(13, "01010002040100020000", t12, null));
        // Finished of the wrong length for the version
        alert(AlertDescription.DECODE_ERROR, msg(20, "00".repeat(36), t12, null));
        alert(AlertDescription.DECODE_ERROR, msg(20, "00".repeat(12), VersionRules.SSL3, null));
        // empty ClientKeyExchange points
        alert(AlertDescription.DECODE_ERROR, msg(16, "00", t12, KeyExchange12.ECDHE_RSA));
        alert(AlertDescription.DECODE_ERROR, msg(16, "0000", t12, KeyExchange12.DHE_RSA));
        // CertificateStatus of a type other than ocsp; empty OCSPResponse
        alert(AlertDescription.ILLEGAL_PARAMETER, msg(22, "0200000101", t12, null));
        alert(AlertDescription.DECODE_ERROR, msg(22, "01000000", t12, null));
        // types that do not exist in TLS 1.2
        alert(AlertDescription.UNEXPECTED_MESSAGE, msg(8, "0000", t12, null));
        alert(AlertDescription.UNEXPECTED_MESSAGE, msg(24, "00", t12, null));
    }

    @Test
    void extensions() {
        ExtensionContext ch = ExtensionContext.CLIENT_HELLO;
        ExtensionContext sh = ExtensionContext.SERVER_HELLO;
        alert(AlertDescription.DECODE_ERROR, ext(0x0017, "00", ch));     // EMS not empty
        alert(AlertDescription.DECODE_ERROR, ext(0x0016, "00", sh));     // EtM not empty
        alert(AlertDescription.DECODE_ERROR, ext(0xff01, "", ch));       // renegotiation_info without length
        alert(AlertDescription.DECODE_ERROR, ext(0xff01, "0000", ch));   // trailing
        alert(AlertDescription.DECODE_ERROR, ext(0x000b, "00", ch));     // empty point-format list
        alert(AlertDescription.ILLEGAL_PARAMETER, ext(0x0001, "05", ch)); // max_fragment_length 5
        alert(AlertDescription.ILLEGAL_PARAMETER, ext(0x0001, "00", sh));
        alert(AlertDescription.DECODE_ERROR, ext(0x0023, "00", sh));     // ServerHello session_ticket not empty
        alert(AlertDescription.DECODE_ERROR, ext(0x0005, "00", sh));     // ServerHello status_request not empty
        alert(AlertDescription.ILLEGAL_PARAMETER, ext(0x0005, "0200000000", ch)); // status_type 2
        alert(AlertDescription.DECODE_ERROR, ext(0x0005, "01000200000000", ch));  // empty ResponderID
        assertFalse(new EcPointFormats(new byte[] {1, 2}).hasUncompressed());
        assertTrue(EcPointFormats.UNCOMPRESSED_ONLY.hasUncompressed());
    }

    static ClientHello hello(List<CipherSuite> suites, Extensions ext) {
        return new ClientHello(ProtocolVersion.TLS12, new byte[32], new byte[0], suites, new byte[] {0}, ext);
    }

    @Test
    void scsvs() throws Exception {
        List<CipherSuite> plain = List.of(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256);
        List<CipherSuite> withReneg = List.of(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
                CipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV);
        List<CipherSuite> fallback = List.of(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
                CipherSuite.TLS_FALLBACK_SCSV);

        assertFalse(Scsv.signalsSecureRenegotiation(hello(plain, Extensions.EMPTY)));
        assertTrue(Scsv.signalsSecureRenegotiation(hello(withReneg, Extensions.EMPTY)));
        assertTrue(Scsv.signalsSecureRenegotiation(hello(plain, new Extensions(
                List.of(new RawExtension(ExtensionType.RENEGOTIATION_INFO, new byte[] {0}))))));
        alert(AlertDescription.HANDSHAKE_FAILURE, () -> Scsv.checkRenegotiationHello(hello(withReneg, Extensions.EMPTY)));
        Scsv.checkRenegotiationHello(hello(plain, Extensions.EMPTY));

        alert(AlertDescription.INAPPROPRIATE_FALLBACK,
                () -> Scsv.checkFallback(fallback, ProtocolVersion.TLS11, ProtocolVersion.TLS12));
        Scsv.checkFallback(fallback, ProtocolVersion.TLS12, ProtocolVersion.TLS12); // not below: fine
        Scsv.checkFallback(plain, ProtocolVersion.TLS10, ProtocolVersion.TLS12);    // no SCSV: fine
    }
}
