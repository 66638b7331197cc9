package org.tls4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tls4j.record.AlertDescription;
import org.tls4j.record.ProtocolVersion;
import org.tls4j.testing.Hex;

class PlainWordsTest {
    private static String server(String s) {
        return PlainWords.fromServer(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String client(String s) {
        return PlainWords.fromClient(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void smtpGreeting() {
        assertEquals("the server sent an SMTP greeting (\"220 mx.example.org ESMTP Postfix (Debian/GNU)\") where a TLS"
                + " record was expected: this port speaks plain SMTP; connect with tcp:// and upgrade with STARTTLS, or"
                + " use port 465 for implicit TLS", server("220 mx.example.org ESMTP Postfix (Debian/GNU)\r\n"));
        assertEquals("the server sent an SMTP greeting (\"220-mail.example.com ESMTP Exim 4.96 ready\") where a TLS"
                + " record was expected: this port speaks plain SMTP; connect with tcp:// and upgrade with STARTTLS, or"
                + " use port 465 for implicit TLS", server("220-mail.example.com ESMTP Exim 4.96 ready\r\n220 more\r\n"));
    }

    @Test
    void ftpGreetingToldApartFromSmtp() {
        assertEquals("the server sent an FTP greeting (\"220 (vsFTPd 3.0.3)\") where a TLS record was expected: this port"
                + " speaks plain FTP; connect with tcp:// and upgrade with AUTH TLS, or use port 990 for implicit FTPS",
                server("220 (vsFTPd 3.0.3)\r\n"));
        assertEquals("the server sent an FTP greeting (\"220 ProFTPD Server (Debian) [::ffff:192.0.2.1]\") where a TLS"
                + " record was expected: this port speaks plain FTP; connect with tcp:// and upgrade with AUTH TLS, or use"
                + " port 990 for implicit FTPS", server("220 ProFTPD Server (Debian) [::ffff:192.0.2.1]\r\n"));
        assertEquals("the server sent a plain-text greeting with reply code 220 (\"220 welcome\"), as SMTP and FTP servers"
                + " do, where a TLS record was expected: for SMTP connect with tcp:// and upgrade with STARTTLS (or use"
                + " port 465), for FTP upgrade with AUTH TLS (or use port 990)", server("220 welcome\r\n"));
    }

    @Test
    void httpImapPop3SshXmpp() {
        assertEquals("the server sent an HTTP response (\"HTTP/1.1 400 Bad Request\") where a TLS record was expected:"
                + " this port speaks plain HTTP; use tcp:// (http://) here, or the server's HTTPS port (usually 443) for"
                + " TLS", server("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"));
        assertEquals("the server sent an HTML page (\"<html><head><title>400</title>\") where a TLS record was expected:"
                + " this port speaks plain HTTP (the page came without a status line, as old servers answer a request"
                + " they cannot parse); use tcp:// (http://) here, or the server's HTTPS port (usually 443) for TLS",
                server("<html><head><title>400</title>\n"));
        assertEquals("the server sent an IMAP greeting (\"* OK [CAPABILITY IMAP4rev1 STARTTLS] Dovecot ready.\") where a"
                + " TLS record was expected: this port speaks plain IMAP; connect with tcp:// and upgrade with STARTTLS,"
                + " or use port 993 for implicit TLS", server("* OK [CAPABILITY IMAP4rev1 STARTTLS] Dovecot ready.\r\n"));
        assertEquals("the server sent a POP3 greeting (\"+OK Dovecot ready.\") where a TLS record was expected: this port"
                + " speaks plain POP3; connect with tcp:// and upgrade with STLS, or use port 995 for implicit TLS",
                server("+OK Dovecot ready.\r\n"));
        assertEquals("the server sent an SSH banner (\"SSH-2.0-OpenSSH_9.2p1 Debian-2\") where a TLS record was expected:"
                + " this port speaks SSH, not TLS; use an SSH client", server("SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n"));
        assertEquals("the server sent an XMPP stream (\"<?xml version='1.0'?><stream:stream xmlns='jabber:client'"
                + " xmlns:stream='...\") where a TLS record was expected: this port speaks plain XMPP; connect"
                + " with tcp:// and upgrade with STARTTLS (RFC 6120, Section 5), or use port 5223 for direct TLS",
                server("<?xml version='1.0'?><stream:stream xmlns='jabber:client' xmlns:stream='....jabber.org/streams'>"));
    }

    @Test
    void ldapAndPostgres() {
        // RFC 4511, Section 4.4.1 Notice of Disconnection: messageID 0, ExtendedResponse, protocolError (2)
        byte[] notice = Hex.decode("3024020100781f0a010204000400" + "8a16312e332e362e312e342e312e313436362e3230303336");
        assertEquals("the server sent an LDAP Notice of Disconnection (an ExtendedResponse with message ID 0, RFC 4511,"
                + " Section 4.4.1) where a TLS record was expected: this port speaks plain LDAP; connect with tcp:// and"
                + " upgrade with the StartTLS extended operation (RFC 4511, Section 4.14), or use port 636 (LDAPS) for"
                + " implicit TLS", PlainWords.fromServer(notice));
        byte[] pgError = ("E\0\0\0\u0040SFATAL\0VFATAL\0C08P01\0Minvalid length of startup packet\0\0")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("the server sent a PostgreSQL error message (FATAL: invalid length of startup packet) where a TLS"
                + " record was expected: this port speaks the PostgreSQL protocol; connect with tcp:// and send an"
                + " SSLRequest first (tls4j's postgres STARTTLS)", PlainWords.fromServer(pgError));
    }

    @Test
    void tlsAlertsAndRecords() {
        assertEquals("the server sent a fatal TLS alert, handshake_failure (40): it found nothing acceptable in what we"
                + " offered (versions, cipher suites, groups or signature algorithms); compare both sides' settings",
                PlainWords.fromServer(Hex.decode("15030300020228")));
        assertEquals("the server sent a fatal TLS alert, protocol_version (70): it does not accept the protocol version we"
                + " offered; find out which it supports with 'tls4j client --versions ...'",
                PlainWords.fromServer(Hex.decode("15030100020246")));
        assertEquals("the server sent a fatal TLS alert, unrecognized_name (112): it serves no certificate for the server"
                + " name we sent (SNI); check the host name", PlainWords.fromServer(Hex.decode("15030300020270")));
        assertEquals("the server sent a warning TLS alert, close_notify (0): it closed the connection",
                PlainWords.fromServer(Hex.decode("15030300020100")));
        assertEquals("the server sent a fatal TLS alert, unknown_alert(0xc8) (200): the client's side of the handshake was"
                + " refused", PlainWords.fromServer(Hex.decode("150303000202c8")));
        assertEquals("the server sent a TLS alert record of 19 bytes: it is encrypted, so its description cannot be read"
                + " here", PlainWords.fromServer(Hex.decode("1503030013aabbcc")));
        assertEquals("the server sent a TLS handshake record (record version 0x0303, 122 bytes): it speaks TLS",
                PlainWords.fromServer(Hex.decode("160303007a020000760303")));
        assertEquals("the client sent a TLS handshake record (record version 0x0301, 512 bytes): it speaks TLS",
                PlainWords.fromClient(Hex.decode("1603010200010001fc0303")));
        assertEquals("the server sent 2 bytes (16 03) that could begin a TLS record, then stopped",
                PlainWords.fromServer(Hex.decode("1603")));
    }

    @Test
    void ssl2() {
        assertEquals("the server answered with an SSL 2.0 SERVER-HELLO: it speaks only SSL 2.0, which is broken (DROWN;"
                + " RFC 6176 forbids it) and not implemented in tls4j yet",
                PlainWords.fromServer(Hex.decode("83a504000100020390000300")));
        assertEquals("the server answered with an SSL 2.0 ERROR (NO-CIPHER-ERROR): it speaks only SSL 2.0, which is broken"
                + " (DROWN; RFC 6176 forbids it) and not implemented in tls4j yet",
                PlainWords.fromServer(Hex.decode("8003000001")));
        assertEquals("the client sent an SSL 2.0-format ClientHello offering TLSv1.0 (the old compatible hello of RFC 5246,"
                + " Appendix E.2): tls4j does not accept this format yet; configure the client to send a TLS ClientHello"
                + " (every current client does)", PlainWords.fromClient(Hex.decode("802e0103010015000000100000040000")));
        assertEquals("the client sent an SSL 2.0 CLIENT-HELLO: it speaks only SSL 2.0, which is broken (DROWN; RFC 6176"
                + " forbids it) and not implemented in tls4j yet; upgrade the client",
                PlainWords.fromClient(Hex.decode("802e0100020015000000100000040000")));
    }

    @Test
    void unknownAndEmpty() {
        assertEquals("the server sent 4 bytes that are neither TLS nor a protocol tls4j recognises (hex de ad be ef; as"
                + " text \"\\xde\\xad\\xbe\\xef\") where a TLS record was expected: it does not speak TLS on this port, or"
                + " something between us (a proxy, a captive portal) answered instead",
                PlainWords.fromServer(Hex.decode("deadbeef")));
        byte[] thirty = new byte[30];
        for (int i = 0; i < 30; i++) {
            thirty[i] = (byte) ('a' + i % 26);
        }
        assertEquals("the client sent 30 bytes that are neither TLS nor a protocol tls4j recognises (hex 61 62 63 64 65 66"
                + " 67 68 69 6a 6b 6c 6d 6e 6f 70 71 72 73 74 75 76 77 78 ...; as text \"abcdefghijklmnopqrstuvwx\") where"
                + " a TLS ClientHello was expected: it is not speaking TLS", PlainWords.fromClient(thirty));
        String closed = "the server closed the connection without sending a byte: it may not speak TLS on this port, or it"
                + " dropped our ClientHello without an alert (some servers do when they share no version or cipher suite"
                + " with us, or serve no certificate for the name we sent)";
        assertEquals(closed, PlainWords.fromServer(new byte[0]));
        assertEquals(closed, PlainWords.fromServer(null));
        assertEquals("the client closed the connection without sending a byte: it connected and gave up, or it waits for"
                + " the server to speak first (a plain-text protocol such as SMTP, FTP, IMAP or POP3)",
                PlainWords.fromClient(null));
    }

    @Test
    void plainTextSentToATlsServer() {
        assertEquals("the client sent an HTTP request in plain text (\"GET / HTTP/1.1\"): it is not speaking TLS, and this"
                + " port expects TLS from the first byte; it should use https:// (tls:// with tls4j)",
                client("GET / HTTP/1.1\r\nHost: example.org\r\n\r\n"));
        assertEquals("the client sent an HTTP request in plain text (\"PRI * HTTP/2.0\"): it is not speaking TLS, and this"
                + " port expects TLS from the first byte; it should use https:// (tls:// with tls4j)",
                client("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"));
        assertEquals("the client sent an SMTP command in plain text (\"EHLO client.example\"): it is not speaking TLS, and"
                + " this port expects TLS from the first byte (implicit TLS, as on port 465); the client should connect"
                + " with tls://, or use port 25 or 587 and STARTTLS", client("EHLO client.example\r\n"));
        assertEquals("the client sent an SMTP command in plain text (\"helo x\"): it is not speaking TLS, and this port"
                + " expects TLS from the first byte (implicit TLS, as on port 465); the client should connect with tls://,"
                + " or use port 25 or 587 and STARTTLS", client("helo x\r\n"));
        assertEquals("the client sent an IMAP command in plain text (\"a001 CAPABILITY\"): it is not speaking TLS, and this"
                + " port expects TLS from the first byte (implicit TLS, as on port 993); the client should connect with"
                + " tls://, or use port 143 and STARTTLS", client("a001 CAPABILITY\r\n"));
        assertEquals("the client sent a POP3 or FTP command in plain text (\"CAPA\"): it is not speaking TLS, and this port"
                + " expects TLS from the first byte (implicit TLS, as on ports 995 and 990); the client should connect"
                + " with tls://, or upgrade with STLS or AUTH TLS on the plain port", client("CAPA\r\n"));
        assertEquals("the client sent an FTP AUTH command in plain text (\"AUTH TLS\"): it is not speaking TLS, and this"
                + " port expects TLS from the first byte (implicit FTPS, as on port 990); the client should connect with"
                + " tls://, or use port 21 and AUTH TLS there", client("AUTH TLS\r\n"));
        assertEquals("the client sent an SSH banner (\"SSH-2.0-OpenSSH_9.2p1\"): it is an SSH client, and this port speaks"
                + " TLS", client("SSH-2.0-OpenSSH_9.2p1\r\n"));
        assertEquals("the client sent an XMPP stream header in plain text (\"<stream:stream to='example.org'>\"): it is not"
                + " speaking TLS, and this port expects TLS from the first byte (direct TLS, as on port 5223); the client"
                + " should connect with tls://, or use port 5222 and STARTTLS", client("<stream:stream to='example.org'>"));
        assertEquals("the client sent a PostgreSQL SSLRequest: it negotiates TLS the PostgreSQL way (it waits for an 'S'"
                + " before its ClientHello), and this port expects TLS from the first byte; point the client at the"
                + " PostgreSQL server itself, or at a server that answers SSLRequest",
                PlainWords.fromClient(Hex.decode("0000000804d2162f")));
        assertEquals("the client sent a PostgreSQL startup message in plain text: it is not speaking TLS; set"
                + " sslmode=require in the client", PlainWords.fromClient(Hex.decode("0000002900030000757365720061")));
        byte[] startTls = Hex.decode("301d02010177188016312e332e362e312e342e312e313436362e3230303337");
        assertEquals("the client sent an LDAP StartTLS request in plain text: it is not speaking TLS, and this port expects"
                + " TLS from the first byte (LDAPS, as on port 636); the client should connect with ldaps:// (tls://), or"
                + " use port 389 and StartTLS", PlainWords.fromClient(startTls));
        assertEquals("the client sent an LDAP BindRequest (BER-encoded, message ID 1) in plain text: it is not speaking"
                + " TLS, and this port expects TLS from the first byte (LDAPS, as on port 636); the client should connect"
                + " with ldaps:// (tls://), or use port 389 and StartTLS",
                PlainWords.fromClient(Hex.decode("300c020101600702010304008000")));
    }

    @Test
    void versionMismatch() {
        ProtocolVersion t10 = ProtocolVersion.TLS10;
        ProtocolVersion t11 = ProtocolVersion.TLS11;
        ProtocolVersion t12 = ProtocolVersion.TLS12;
        ProtocolVersion t13 = ProtocolVersion.TLS13;
        assertEquals("no protocol version in common: we (the client) offered TLSv1.3, TLSv1.2; the server supports"
                + " TLSv1.1, TLSv1.0. The server is older than our configuration allows. TLSv1.1 is deprecated (RFC 8996)"
                + " and off by default. To connect anyway, enable TLSv1.1 in our configuration"
                + " (TlsConfig.builder().versions(...), or --versions TLSv1.1); better, upgrade the server to TLSv1.2 or"
                + " TLSv1.3", PlainWords.versionMismatch(true, List.of(t12, t13), List.of(t10, t11)));
        assertEquals("no protocol version in common: we (the server) accept TLSv1.3; the client offered TLSv1.2. The"
                + " client is older than our configuration allows. To connect anyway, enable TLSv1.2 in our configuration"
                + " (TlsConfig.builder().versions(...), or --versions TLSv1.2); better, upgrade the client to TLSv1.2 or"
                + " TLSv1.3", PlainWords.versionMismatch(false, List.of(t13), List.of(t12)));
        assertEquals("no protocol version in common: we (the client) offered TLSv1.2; the server supports TLSv1.3. The"
                + " server supports only newer versions: enable TLSv1.3 in our configuration",
                PlainWords.versionMismatch(true, List.of(t12), List.of(t13)));
        assertEquals("no protocol version in common: we (the client) offered TLSv1.3, TLSv1.2; the server supports SSLv3."
                + " The server speaks only SSLv3, which is broken (POODLE; RFC 7568 forbids it) and not implemented in"
                + " tls4j yet: upgrade the server",
                PlainWords.versionMismatch(true, List.of(t13, t12), List.of(ProtocolVersion.SSL3)));
        assertEquals("no protocol version in common: we (the client) offered TLSv1.3; the server did not say which"
                + " versions it supports (it refused our ClientHello). Find out with 'tls4j client --versions ...' one"
                + " version at a time", PlainWords.versionMismatch(true, List.of(t13), null));
        assertEquals("no protocol version in common: we (the client) offered TLSv1.3, TLSv1.0; the server supports"
                + " TLSv1.2. Enable one of the server's versions in our configuration",
                PlainWords.versionMismatch(true, List.of(t13, t10), List.of(t12)));
        assertEquals("the server chose TLSv1.0, which we did not offer (we offered TLSv1.3, TLSv1.2): a correct peer never"
                + " does this, so the connection was closed; a middlebox may be rewriting the handshake",
                PlainWords.unofferedVersion(true, List.of(t12, t13), t10));
    }

    // ---- versionProblem: hellos built here byte by byte (RFC 8446, Sections 4.1.2, 4.1.3, 4.2.1) ----

    private static final String RANDOM = "42".repeat(32);

    /** A handshake record around one message; {@code body} in hex. */
    private static byte[] record(int type, String body) {
        int n = body.length() / 2;
        String msg = String.format("%02x%06x", type, n) + body;
        return Hex.decode(String.format("1603%02x%04x", 1, msg.length() / 2) + msg);
    }

    private static byte[] serverHello(String legacy, String extensions) {
        return record(2, legacy + RANDOM + "00" + "1301" + "00" + String.format("%04x", extensions.length() / 2)
                + extensions);
    }

    private static byte[] clientHello(String legacy, String extensions) {
        return record(1, legacy + RANDOM + "00" + "0002c02f" + "0100" + String.format("%04x", extensions.length() / 2)
                + extensions);
    }

    private static final ProtocolVersion T10 = ProtocolVersion.TLS10;
    private static final ProtocolVersion T11 = ProtocolVersion.TLS11;
    private static final ProtocolVersion T12 = ProtocolVersion.TLS12;
    private static final ProtocolVersion T13 = ProtocolVersion.TLS13;

    @Test
    void serverChoseAVersionWeDidNotEnable() {
        // TLS 1.2-era ServerHello: the version is legacy_version (no supported_versions)
        assertEquals("the server chose TLSv1.0, which this client has not enabled (it offered TLSv1.3, TLSv1.2); enable"
                + " it with TlsConfig.builder().versions(ProtocolVersion.TLS13, ProtocolVersion.TLS12, ProtocolVersion.TLS10)"
                + " (TLSv1.0 is deprecated, RFC 8996: better update the server to TLSv1.2 or TLSv1.3), or update the server",
                PlainWords.versionProblem(true, List.of(T12, T13), serverHello("0301", ""),
                        AlertDescription.PROTOCOL_VERSION, false));
        // TLS 1.3 ServerHello: legacy_version 0x0303, the real one in supported_versions
        assertEquals("the server chose TLSv1.3, which this client has not enabled (it offered TLSv1.2); enable it with"
                + " TlsConfig.builder().versions(ProtocolVersion.TLS13, ProtocolVersion.TLS12), or update the server",
                PlainWords.versionProblem(true, List.of(T12), serverHello("0303", "002b00020304"),
                        AlertDescription.ILLEGAL_PARAMETER, false));
        assertEquals("the server chose SSLv3, which this client has not enabled (it offered TLSv1.2); SSLv3 is broken"
                + " (POODLE; RFC 7568 forbids it) and tls4j does not implement it yet: update the server",
                PlainWords.versionProblem(true, List.of(T12), serverHello("0300", ""),
                        AlertDescription.PROTOCOL_VERSION, false));
        // a version we enabled: the failure is about something else
        assertNull(PlainWords.versionProblem(true, List.of(T13, T12), serverHello("0303", ""),
                AlertDescription.HANDSHAKE_FAILURE, true));
    }

    @Test
    void serverRefusedEveryVersionWithAnAlert() {
        byte[] alert = Hex.decode("15030100020246");
        assertEquals("the server refused every version this client offered (TLSv1.3, TLSv1.2, TLSv1.1) with a"
                + " protocol_version alert: it supports none of them; a server that speaks only older versions answers"
                + " like this (find out with 'tls4j client --versions TLSv1.0' or 'openssl s_client -tls1'). Enable a"
                + " version the server supports with TlsConfig.builder().versions(...), or update the server",
                PlainWords.versionProblem(true, List.of(T11, T13, T12), alert, AlertDescription.PROTOCOL_VERSION, true));
        assertEquals("the server refused every version this client offered (TLSv1.0) with a protocol_version alert: it"
                + " supports none of them. Enable a version the server supports with TlsConfig.builder().versions(...),"
                + " or update the server",
                PlainWords.versionProblem(true, List.of(T10), alert, AlertDescription.PROTOCOL_VERSION, true));
        assertNull(PlainWords.versionProblem(true, List.of(T13), alert, AlertDescription.HANDSHAKE_FAILURE, true));
    }

    @Test
    void clientOfferedNothingWeEnable() {
        // supported_versions with a GREASE value (RFC 8701), which is skipped
        assertEquals("the client offered TLSv1.3, which this server has not enabled (it accepts TLSv1.2); enable it with"
                + " TlsConfig.builder().versions(ProtocolVersion.TLS13, ProtocolVersion.TLS12), or update the client",
                PlainWords.versionProblem(false, List.of(T12), clientHello("0303", "002b0005040a0a0304"),
                        AlertDescription.PROTOCOL_VERSION, false));
        assertEquals("the client offered TLSv1.1, TLSv1.0, which this server has not enabled (it accepts TLSv1.3,"
                + " TLSv1.2); enable it with TlsConfig.builder().versions(ProtocolVersion.TLS13, ProtocolVersion.TLS12,"
                + " ProtocolVersion.TLS11) (TLSv1.1 is deprecated, RFC 8996: better update the client to TLSv1.2 or"
                + " TLSv1.3), or update the client",
                PlainWords.versionProblem(false, List.of(T13, T12), clientHello("0302", "002b00050403010302"),
                        AlertDescription.PROTOCOL_VERSION, false));
        // no supported_versions: legacy_version is the highest it speaks
        byte[] legacy = clientHello("0301", "000a00040002001d");
        assertEquals("the client offered at most TLSv1.0 (its ClientHello has legacy_version TLSv1.0 and no"
                + " supported_versions extension), which this server has not enabled (it accepts TLSv1.2); enable it"
                + " with TlsConfig.builder().versions(ProtocolVersion.TLS12, ProtocolVersion.TLS10) (TLSv1.0 is"
                + " deprecated, RFC 8996: better update the client to TLSv1.2 or TLSv1.3), or update the client",
                PlainWords.versionProblem(false, List.of(T12), legacy, AlertDescription.PROTOCOL_VERSION, false));
        // cut off before the extensions: the same reading, never an exception
        byte[] cut = java.util.Arrays.copyOf(legacy, 50);
        assertEquals(PlainWords.versionProblem(false, List.of(T12), legacy, AlertDescription.PROTOCOL_VERSION, false),
                PlainWords.versionProblem(false, List.of(T12), cut, AlertDescription.PROTOCOL_VERSION, false));
        // a shared version and another alert: not about versions
        assertNull(PlainWords.versionProblem(false, List.of(T13, T12), clientHello("0303", "002b0003020304"),
                AlertDescription.HANDSHAKE_FAILURE, false));
        // not a hello at all
        assertNull(PlainWords.versionProblem(false, List.of(T13), Hex.decode("170303000100"),
                AlertDescription.UNEXPECTED_MESSAGE, false));
    }

    @Test
    void versionProblemNeverThrowsOnTruncatedHellos() {
        byte[] full = clientHello("0303", "002b0005040a0a0304000a00040002001d");
        for (int n = 0; n <= full.length; n++) {
            PlainWords.versionProblem(false, List.of(T12), java.util.Arrays.copyOf(full, n),
                    AlertDescription.PROTOCOL_VERSION, false);
            PlainWords.versionProblem(true, List.of(T12), java.util.Arrays.copyOf(serverHello("0304", "002b00020304"),
                    Math.min(n, 60)), AlertDescription.PROTOCOL_VERSION, false);
        }
    }
}
