package org.tls4j.handshake.msg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.tls4j.handshake.HandshakeReassembler;
import org.tls4j.handshake.HandshakeType;
import org.tls4j.handshake.RawHandshakeMessage;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.TlsWriter;
import org.tls4j.handshake.ext.ExtensionContext;
import org.tls4j.handshake.ext.Extensions;
import org.tls4j.record.AlertDescription;
import org.tls4j.record.TlsAlert;
import org.tls4j.testing.Hex;

/** Each rule the codecs enforce, with the exact alert and its RFC. */
class CodecRejectionTest {

    static void assertAlert(AlertDescription expected, Executable e) {
        TlsAlert a = assertThrows(TlsAlert.class, e);
        assertEquals(expected, a.description(), a.getMessage());
    }

    /** An extension block holding the given (type, data-hex) pairs. */
    static byte[] block(Object... typeAndHex) {
        TlsWriter w = new TlsWriter();
        int m = w.begin16();
        for (int i = 0; i < typeAndHex.length; i += 2) {
            w.u16((Integer) typeAndHex[i]).opaque16(Hex.decode((String) typeAndHex[i + 1]));
        }
        w.end16(m);
        return w.toByteArray();
    }

    static Extensions read(ExtensionContext ctx, byte[] block) throws TlsAlert {
        TlsReader r = new TlsReader(block);
        Extensions e = Extensions.read(r, ctx);
        r.expectEnd();
        return e;
    }

    /** A ClientHello body around an extension block. */
    static byte[] clientHello(byte[] extBlock) {
        TlsWriter w = new TlsWriter();
        w.u16(0x0303).bytes(new byte[32]).opaque8(new byte[0]).u16(2).u16(0x1301).opaque8(new byte[] {0});
        if (extBlock != null) {
            w.bytes(extBlock);
        }
        return w.toByteArray();
    }

    @Test
    void duplicateExtensionIsIllegalParameter() {
        // RFC 8446, Section 4.2: "There MUST NOT be more than one extension of the same type".
        assertAlert(AlertDescription.ILLEGAL_PARAMETER,
                () -> read(ExtensionContext.ENCRYPTED_EXTENSIONS, block(0x1234, "", 0x1234, "00")));
        assertAlert(AlertDescription.ILLEGAL_PARAMETER,
                () -> read(ExtensionContext.CLIENT_HELLO, block(10, "0002001d", 10, "00020017")));
    }

    @Test
    void emptyVectorsTheRfcForbidsAreDecodeErrors() {
        assertAlert(AlertDescription.DECODE_ERROR, () -> read(ExtensionContext.CLIENT_HELLO, block(10, "0000")));
        assertAlert(AlertDescription.DECODE_ERROR, () -> read(ExtensionContext.CLIENT_HELLO, block(13, "0000")));
        assertAlert(AlertDescription.DECODE_ERROR, () -> read(ExtensionContext.CLIENT_HELLO, block(50, "0000")));
        assertAlert(AlertDescription.DECODE_ERROR, () -> read(ExtensionContext.CLIENT_HELLO, block(43, "00")));
        assertAlert(AlertDescription.DECODE_ERROR, () -> read(ExtensionContext.CLIENT_HELLO, block(45, "00")));
        assertAlert(AlertDescription.DECODE_ERROR, () -> read(ExtensionContext.CLIENT_HELLO, block(44, "0000")));
        assertAlert(AlertDescription.DECODE_ERROR, () -> read(ExtensionContext.CLIENT_HELLO, block(0, "0000")));
        assertAlert(AlertDescription.DECODE_ERROR, () -> read(ExtensionContext.CLIENT_HELLO, block(16, "0000")));
        assertAlert(AlertDescription.DECODE_ERROR, () -> read(ExtensionContext.CLIENT_HELLO, block(16, "000100")));
        assertAlert(AlertDescription.DECODE_ERROR, () -> read(ExtensionContext.CLIENT_HELLO, block(47, "0000")));
        assertAlert(AlertDescription.DECODE_ERROR,
                () -> read(ExtensionContext.CLIENT_HELLO, block(51, "0004001d0000"))); // key_exchange<1..>
        // cipher_suites<2..2^16-2> and legacy_compression_methods<1..2^8-1>
        byte[] noSuites = clientHello(null);
        noSuites[35] = 0;
        noSuites[36] = 0;
        assertAlert(AlertDescription.DECODE_ERROR, () -> ClientHello.read(new TlsReader(Arrays.copyOf(noSuites, 37))));
        TlsWriter w = new TlsWriter();
        w.u16(0x0303).bytes(new byte[32]).opaque8(new byte[0]).u16(2).u16(0x1301).opaque8(new byte[0]);
        assertAlert(AlertDescription.DECODE_ERROR, () -> ClientHello.read(new TlsReader(w.toByteArray())));
    }

    @Test
    void emptyKeyShareListIsAllowed() throws TlsAlert {
        // client_shares<0..2^16-1>: an empty list asks for a HelloRetryRequest.
        assertEquals(1, read(ExtensionContext.CLIENT_HELLO, block(51, "0000")).size());
    }

    @Test
    void trailingBytesInsideAnExtensionAreDecodeErrors() {
        assertAlert(AlertDescription.DECODE_ERROR, () -> read(ExtensionContext.CLIENT_HELLO, block(28, "400100")));
        assertAlert(AlertDescription.DECODE_ERROR, () -> read(ExtensionContext.ENCRYPTED_EXTENSIONS, block(0, "00")));
        assertAlert(AlertDescription.DECODE_ERROR, () -> read(ExtensionContext.CLIENT_HELLO, block(42, "00")));
        assertAlert(AlertDescription.DECODE_ERROR,
                () -> read(ExtensionContext.SERVER_HELLO, block(43, "030400")));
    }

    @Test
    void extensionRules() {
        // RFC 8449, Section 4: record_size_limit below 64.
        assertAlert(AlertDescription.ILLEGAL_PARAMETER, () -> read(ExtensionContext.CLIENT_HELLO, block(28, "003f")));
        // RFC 8446, Section 4.2.8: two shares for one group.
        assertAlert(AlertDescription.ILLEGAL_PARAMETER,
                () -> read(ExtensionContext.CLIENT_HELLO, block(51, "000a001d000101001d000102")));
        // RFC 8446, Section 4.2.11: one binder per identity.
        String identity = "0007" + "0001aa" + "00000000";
        String twoBinders = "0042" + "20" + "00".repeat(32) + "20" + "00".repeat(32);
        assertAlert(AlertDescription.ILLEGAL_PARAMETER,
                () -> read(ExtensionContext.CLIENT_HELLO, block(41, identity + twoBinders)));
        // PskBinderEntry<32..255>
        assertAlert(AlertDescription.DECODE_ERROR,
                () -> read(ExtensionContext.CLIENT_HELLO, block(41, identity + "0002" + "01aa")));
        // RFC 7301, Section 3.1: the server selects exactly one protocol.
        assertAlert(AlertDescription.DECODE_ERROR,
                () -> read(ExtensionContext.ENCRYPTED_EXTENSIONS, block(16, "0006026832026833")));
        // RFC 6066, Section 3: only host_name, and only one of it.
        assertAlert(AlertDescription.DECODE_ERROR, () -> read(ExtensionContext.CLIENT_HELLO, block(0, "000401000161")));
        assertAlert(AlertDescription.ILLEGAL_PARAMETER,
                () -> read(ExtensionContext.CLIENT_HELLO, block(0, "0008000001610000016200")));
        // RFC 7685, Section 3: padding is zero bytes.
        assertAlert(AlertDescription.DECODE_ERROR, () -> read(ExtensionContext.CLIENT_HELLO, block(21, "0001")));
    }

    @Test
    void extensionInTheWrongTls13MessageIsIllegalParameter() throws TlsAlert {
        // RFC 8446, Section 4.2: a recognised extension not specified for the message.
        assertAlert(AlertDescription.ILLEGAL_PARAMETER,
                () -> read(ExtensionContext.ENCRYPTED_EXTENSIONS, block(51, "001d")));
        assertAlert(AlertDescription.ILLEGAL_PARAMETER,
                () -> read(ExtensionContext.ENCRYPTED_EXTENSIONS, block(44, "000101")));
        assertAlert(AlertDescription.ILLEGAL_PARAMETER,
                () -> read(ExtensionContext.HELLO_RETRY_REQUEST, block(10, "0002001d")));
        assertAlert(AlertDescription.ILLEGAL_PARAMETER,
                () -> read(ExtensionContext.NEW_SESSION_TICKET, block(0, "")));
        assertAlert(AlertDescription.ILLEGAL_PARAMETER,
                () -> read(ExtensionContext.CERTIFICATE, block(13, "00020403")));
        // ClientHello/ServerHello are shared with TLS 1.2: the check runs when the state machine asks.
        Extensions sh = read(ExtensionContext.SERVER_HELLO, block(10, "0002001d"));
        assertAlert(AlertDescription.ILLEGAL_PARAMETER, () -> sh.checkAllowedInTls13(ExtensionContext.SERVER_HELLO));
        // Unknown extensions are fine anywhere.
        assertEquals(1, read(ExtensionContext.NEW_SESSION_TICKET, block(0x7777, "01")).size());
    }

    @Test
    void preSharedKeyMustBeLastInClientHello() {
        String psk = "0007" + "0001aa" + "00000000" + "0021" + "20" + "00".repeat(32);
        // RFC 8446, Section 4.2.11.
        assertAlert(AlertDescription.ILLEGAL_PARAMETER,
                () -> ClientHello.read(new TlsReader(clientHello(block(41, psk, 0x1234, "")))));
    }

    @Test
    void messageRules() throws TlsAlert {
        // RFC 8446, Section 4.6.3: request_update other than 0 or 1.
        assertAlert(AlertDescription.ILLEGAL_PARAMETER, () -> KeyUpdate.read(new TlsReader(new byte[] {2})));
        assertAlert(AlertDescription.DECODE_ERROR, () -> KeyUpdate.read(new TlsReader(new byte[] {0, 0})));
        // RFC 8446, Section 4.5: EndOfEarlyData is empty.
        assertAlert(AlertDescription.DECODE_ERROR, () -> EndOfEarlyData.read(new TlsReader(new byte[] {0})));
        // Finished is exactly Hash.length.
        assertAlert(AlertDescription.DECODE_ERROR, () -> Finished.read(new TlsReader(new byte[31]), 32));
        assertAlert(AlertDescription.DECODE_ERROR, () -> Finished.read(new TlsReader(new byte[33]), 32));
        assertAlert(AlertDescription.UNEXPECTED_MESSAGE, () -> Finished.read(new TlsReader(new byte[0]), 0));
        // RFC 8446, Section 4.3.2: CertificateRequest must carry signature_algorithms.
        TlsWriter w = new TlsWriter();
        w.opaque8(new byte[0]).bytes(block(47, "0003000101"));
        assertAlert(AlertDescription.MISSING_EXTENSION, () -> CertificateRequest.read(new TlsReader(w.toByteArray())));
        // A type TLS 1.3 does not define.
        assertAlert(AlertDescription.UNEXPECTED_MESSAGE,
                () -> Tls13Messages.parse(new RawHandshakeMessage(HandshakeType.SERVER_HELLO_DONE, new byte[0]), 32));
        // A HelloRetryRequest is never read as a ServerHello, nor the reverse.
        byte[] hrr = new HelloRetryRequest(org.tls4j.record.ProtocolVersion.TLS12, new byte[0],
                org.tls4j.handshake.CipherSuite.TLS_AES_128_GCM_SHA256, 0, Extensions.EMPTY).encode();
        byte[] body = Arrays.copyOfRange(hrr, 4, hrr.length);
        assertAlert(AlertDescription.UNEXPECTED_MESSAGE, () -> ServerHello.read(new TlsReader(body)));
        byte[] notHrr = body.clone();
        notHrr[2] ^= 1;
        assertAlert(AlertDescription.UNEXPECTED_MESSAGE, () -> HelloRetryRequest.read(new TlsReader(notHrr)));
        assertTrue(Tls13Messages.parse(new RawHandshakeMessage(HandshakeType.SERVER_HELLO, body), 32)
                instanceof HelloRetryRequest);
        // legacy_session_id<0..32>
        byte[] ch = clientHello(block());
        ch[34] = 33;
        assertAlert(AlertDescription.DECODE_ERROR, () -> ClientHello.read(new TlsReader(ch)));
    }

    @Test
    void downgradeSentinel() {
        byte[] random = new byte[32];
        ServerHello none = new ServerHello(org.tls4j.record.ProtocolVersion.TLS12, random, new byte[0],
                org.tls4j.handshake.CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, 0, null);
        assertEquals(0, none.downgradeSentinel());
        byte[] marked = Hex.decode("00000000000000000000000000000000" + "0000000000000000" + "444f574e47524401");
        assertEquals(12, new ServerHello(org.tls4j.record.ProtocolVersion.TLS12, marked, new byte[0],
                org.tls4j.handshake.CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, 0, null).downgradeSentinel());
        marked[31] = 0;
        assertEquals(11, new ServerHello(org.tls4j.record.ProtocolVersion.TLS12, marked, new byte[0],
                org.tls4j.handshake.CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, 0, null).downgradeSentinel());
        marked[31] = 2;
        assertEquals(0, new ServerHello(org.tls4j.record.ProtocolVersion.TLS12, marked, new byte[0],
                org.tls4j.handshake.CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, 0, null).downgradeSentinel());
    }

    @Test
    void reassemblerRules() throws TlsAlert {
        HandshakeReassembler r = new HandshakeReassembler(100);
        // RFC 8446, Section 5.1: no zero-length handshake fragments.
        assertAlert(AlertDescription.UNEXPECTED_MESSAGE, () -> r.add(new byte[0]));
        // Over the size limit: refused from the header alone (decode_error, see the class comment).
        assertAlert(AlertDescription.DECODE_ERROR, () -> new HandshakeReassembler(100).add(Hex.decode("01000065")));
        // A second message over the limit behind a good one is refused when the first is taken.
        HandshakeReassembler r2 = new HandshakeReassembler(100);
        r2.add(Hex.decode("18000001000100ffff"));
        assertAlert(AlertDescription.DECODE_ERROR, r2::next);
        // A partial message at a key change (RFC 8446, Section 5.1).
        HandshakeReassembler r3 = new HandshakeReassembler();
        r3.add(Hex.decode("140000"));
        assertAlert(AlertDescription.UNEXPECTED_MESSAGE, () -> r3.requireEmpty("switching to handshake keys"));
        r3.add(Hex.decode("0100"));
        assertEquals(HandshakeType.FINISHED, r3.next().type);
        r3.requireEmpty("switching keys");
    }
}
