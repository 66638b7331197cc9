package org.tls4j.starttls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tls4j.testing.Hex;

/** IMAP, POP3, FTP, XMPP, LDAP and PostgreSQL preambles against scripted servers. */
class StartTlsClientsTest {
    interface Client {
        Upgrade run(Socket s) throws Exception;
    }

    private static Upgrade ok(Client client, ScriptedServer.Script script) throws Exception {
        try (ScriptedServer srv = new ScriptedServer(script); Socket s = srv.connect()) {
            Upgrade u = client.run(s);
            assertEquals(0, u.leftover().length);
            s.close();
            srv.finish();
            return u;
        }
    }

    private static String refusal(Client client, ScriptedServer.Script script) throws Exception {
        try (ScriptedServer srv = new ScriptedServer(script); Socket s = srv.connect()) {
            StartTlsException e = assertThrows(StartTlsException.class, () -> client.run(s));
            s.close();
            srv.finish();
            return e.getMessage();
        }
    }

    // ---- IMAP (RFC 3501, Section 6.2.1) ----

    @Test
    void imapAsksForCapabilitiesWhenTheGreetingHasNone() throws Exception {
        Upgrade u = ok(ImapStartTls::client, p -> {
            p.send("* OK Dovecot ready.\r\n");
            p.expect("a1 CAPABILITY");
            p.send("* CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ STARTTLS LOGINDISABLED\r\n"
                    + "a1 OK Pre-login capabilities listed, post-login capabilities have more.\r\n");
            p.expect("a2 STARTTLS");
            p.send("a2 OK Begin TLS negotiation now.\r\n");
            p.expectEnd();
        });
        assertEquals("IMAP", u.protocol());
        assertEquals(List.of("IMAP4REV1", "SASL-IR", "LOGIN-REFERRALS", "ID", "ENABLE", "IDLE", "LITERAL+", "STARTTLS",
                "LOGINDISABLED"), u.capabilities());
    }

    @Test
    void imapUsesTheGreetingsCapabilityCode() throws Exception {
        Upgrade u = ok(ImapStartTls::client, p -> {
            p.send("* OK [CAPABILITY IMAP4rev1 STARTTLS AUTH=PLAIN] ready\r\n");
            p.expect("a2 STARTTLS");
            p.send("* NOTE untagged noise\r\na2 OK go\r\n");
            p.expectEnd();
        });
        assertEquals(List.of("IMAP4REV1", "STARTTLS", "AUTH=PLAIN"), u.capabilities());
    }

    @Test
    void imapRefusals() throws Exception {
        assertEquals("the server does not offer STARTTLS (its capabilities are IMAP4REV1 AUTH=PLAIN): it cannot upgrade"
                + " this connection to TLS; try port 993 (implicit TLS, tls://)", refusal(ImapStartTls::client, p -> {
                    p.send("* OK hi\r\n");
                    p.expect("a1 CAPABILITY");
                    p.send("* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\na1 OK done\r\n");
                    p.expectEnd();
                }));
        assertEquals("the server refused STARTTLS: \"a2 NO [UNAVAILABLE] TLS broken\"", refusal(ImapStartTls::client, p -> {
            p.send("* OK [CAPABILITY IMAP4rev1 STARTTLS] hi\r\n");
            p.expect("a2 STARTTLS");
            p.send("a2 NO [UNAVAILABLE] TLS broken\r\n");
            p.expectEnd();
        }));
        assertEquals("the server greeted with PREAUTH (\"* PREAUTH welcome back\"): the session is already authenticated,"
                + " and STARTTLS is only allowed before that (RFC 3501, Section 6.2.1)",
                refusal(ImapStartTls::client, p -> p.send("* PREAUTH welcome back\r\n")));
        assertEquals("the server refused the connection: \"* BYE too many connections\"",
                refusal(ImapStartTls::client, p -> p.send("* BYE too many connections\r\n")));
        assertEquals("the server greeted with \"+OK POP3 ready\", not an IMAP \"* OK\": is this an IMAP server?",
                refusal(ImapStartTls::client, p -> p.send("+OK POP3 ready\r\n")));
    }

    // ---- POP3 (RFC 2595, Section 4) ----

    @Test
    void pop3CapaThenStls() throws Exception {
        Upgrade u = ok(Pop3StartTls::client, p -> {
            p.send("+OK Dovecot ready.\r\n");
            p.expect("CAPA");
            p.send("+OK\r\nCAPA\r\nTOP\r\nUIDL\r\nRESP-CODES\r\nPIPELINING\r\nAUTH-RESP-CODE\r\nSTLS\r\nUSER\r\nSASL PLAIN\r\n.\r\n");
            p.expect("STLS");
            p.send("+OK Begin TLS negotiation now.\r\n");
            p.expectEnd();
        });
        assertEquals(List.of("CAPA", "TOP", "UIDL", "RESP-CODES", "PIPELINING", "AUTH-RESP-CODE", "STLS", "USER",
                "SASL PLAIN"), u.capabilities());
    }

    @Test
    void pop3WithoutCapaStillTriesStls() throws Exception {
        ok(Pop3StartTls::client, p -> {
            p.send("+OK old server\r\n");
            p.expect("CAPA");
            p.send("-ERR unknown command\r\n");
            p.expect("STLS");
            p.send("+OK\r\n");
            p.expectEnd();
        });
    }

    @Test
    void pop3Refusals() throws Exception {
        assertEquals("the server does not offer STLS (its CAPA list is TOP, USER): it cannot upgrade this connection to"
                + " TLS; try port 995 (implicit TLS, tls://)", refusal(Pop3StartTls::client, p -> {
                    p.send("+OK hi\r\n");
                    p.expect("CAPA");
                    p.send("+OK\r\nTOP\r\nUSER\r\n.\r\n");
                    p.expectEnd();
                }));
        assertEquals("the server refused STLS: \"-ERR TLS support isn't enabled\"", refusal(Pop3StartTls::client, p -> {
            p.send("+OK hi\r\n");
            p.expect("CAPA");
            p.send("-ERR no\r\n");
            p.expect("STLS");
            p.send("-ERR TLS support isn't enabled\r\n");
            p.expectEnd();
        }));
        assertEquals("the server refused the connection: \"-ERR [SYS/TEMP] busy\"",
                refusal(Pop3StartTls::client, p -> p.send("-ERR [SYS/TEMP] busy\r\n")));
    }

    // ---- FTP (RFC 4217, Section 4) ----

    @Test
    void ftpAuthTls() throws Exception {
        Upgrade u = ok(FtpStartTls::client, p -> {
            p.send("120 ready in 1 minute\r\n220-Welcome\r\n free text line\r\n220 ProFTPD Server ready.\r\n");
            p.expect("AUTH TLS");
            p.send("234 AUTH TLS successful\r\n");
            p.expectEnd();
        });
        assertEquals("FTP", u.protocol());
        assertEquals(List.of("S: 120 ready in 1 minute", "S: 220-Welcome", "S:  free text line",
                "S: 220 ProFTPD Server ready.", "C: AUTH TLS", "S: 234 AUTH TLS successful"), u.transcript());
    }

    @Test
    void ftpRefusals() throws Exception {
        assertEquals("the server answered AUTH TLS with \"500 AUTH not understood\": it does not support AUTH TLS, so it"
                + " cannot upgrade this connection; try port 990 (implicit FTPS, tls://)", refusal(FtpStartTls::client, p -> {
                    p.send("220 (vsFTPd 3.0.3)\r\n");
                    p.expect("AUTH TLS");
                    p.send("500 AUTH not understood\r\n");
                    p.expectEnd();
                }));
        assertEquals("the server answered AUTH TLS with \"534 Policy requires SSL\": it is unwilling to use TLS now",
                refusal(FtpStartTls::client, p -> {
                    p.send("220 ftp\r\n");
                    p.expect("AUTH TLS");
                    p.send("534 Policy requires SSL\r\n");
                    p.expectEnd();
                }));
        assertEquals("the server greeted with \"421 Too many users\" instead of 220: it does not accept our connection",
                refusal(FtpStartTls::client, p -> p.send("421 Too many users\r\n")));
    }

    // ---- XMPP (RFC 6120, Section 5.4) ----

    private static final String CLIENT_HEADER = "<?xml version='1.0'?><stream:stream to='example.org' version='1.0'"
            + " xml:lang='en' xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>";
    private static final String SERVER_HEADER = "<?xml version='1.0'?><stream:stream xmlns:stream="
            + "'http://etherx.jabber.org/streams' xmlns='jabber:client' from='example.org' id='abc' version='1.0'"
            + " xml:lang='en'>";

    @Test
    void xmppStartTls() throws Exception {
        Upgrade u = ok(s -> XmppStartTls.client(s, "example.org"), p -> {
            assertEquals(CLIENT_HEADER, new String(p.read(CLIENT_HEADER.length()), StandardCharsets.US_ASCII));
            p.send(SERVER_HEADER + "<stream:features><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/>"
                    + "</starttls><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>PLAIN</mechanism>"
                    + "</mechanisms></stream:features>");
            String starttls = "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>";
            assertEquals(starttls, new String(p.read(starttls.length()), StandardCharsets.US_ASCII));
            p.send("\n<proceed xmlns=\"urn:ietf:params:xml:ns:xmpp-tls\"/>");
            p.expectEnd();
        });
        assertEquals("XMPP", u.protocol());
    }

    @Test
    void xmppRefusals() throws Exception {
        assertEquals("the server does not offer STARTTLS (its stream features are <stream:features><mechanisms"
                + " xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/></stream:features>): it cannot upgrade this connection to"
                + " TLS; try port 5223 (direct TLS, tls://)", refusal(s -> XmppStartTls.client(s, "example.org"), p -> {
                    p.read(CLIENT_HEADER.length());
                    p.send(SERVER_HEADER + "<stream:features><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>"
                            + "</stream:features>");
                    p.expectEnd();
                }));
        assertEquals("the server refused STARTTLS (<failure/>): it cannot use TLS now (RFC 6120, Section 5.4.2.2)",
                refusal(s -> XmppStartTls.client(s, "example.org"), p -> {
                    p.read(CLIENT_HEADER.length());
                    p.send(SERVER_HEADER + "<stream:features><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>"
                            + "</stream:features>");
                    p.read("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>".length());
                    p.send("<failure xmlns='urn:ietf:params:xml:ns:xmpp-tls'/></stream:stream>");
                    p.expectEnd();
                }));
        assertEquals("the server closed the stream with an error: <stream:error><host-unknown"
                + " xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error>",
                refusal(s -> XmppStartTls.client(s, "example.org"), p -> {
                    p.read(CLIENT_HEADER.length());
                    p.send(SERVER_HEADER + "<stream:error><host-unknown xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"
                            + "</stream:error>");
                    p.expectEnd();
                }));
    }

    // ---- LDAP (RFC 4511, Section 4.14) ----

    static final byte[] LDAP_REQUEST = Hex.decode("301d02010177188016312e332e362e312e342e312e313436362e3230303337");

    @Test
    void ldapRequestEncoding() {
        assertArrayEquals(LDAP_REQUEST, LdapStartTls.request());
    }

    @Test
    void ldapStartTls() throws Exception {
        // resultCode success, empty matchedDN and diagnosticMessage, responseName echoing the OID (as OpenLDAP does)
        Upgrade u = ok(LdapStartTls::client, p -> {
            assertArrayEquals(LDAP_REQUEST, p.read(LDAP_REQUEST.length));
            p.send(Hex.decode("3024020101781f0a0100040004008a16312e332e362e312e342e312e313436362e3230303337"));
            p.expectEnd();
        });
        assertEquals("LDAP", u.protocol());
        assertEquals("C: " + Hex.encode(LDAP_REQUEST), u.transcript().get(0));
    }

    @Test
    void ldapLongFormLength() throws Exception {
        Upgrade u = ok(LdapStartTls::client, p -> {
            p.read(LDAP_REQUEST.length);
            p.send(Hex.decode("30810d020101788107" + "0a0100" + "0400" + "0400"));
            p.expectEnd();
        });
        assertEquals(List.of("C: " + Hex.encode(LDAP_REQUEST), "S: 30810d0201017881070a010004000400"), u.transcript());
    }

    @Test
    void ldapRefusals() throws Exception {
        byte[] diag = "unsupported extended operation".getBytes(StandardCharsets.US_ASCII);
        byte[] protocolError = Hex.decode(String.format("30%02x020101" + "78%02x" + "0a0102" + "0400" + "04%02x",
                3 + 2 + 3 + 2 + 2 + diag.length, 3 + 2 + 2 + diag.length, diag.length) + Hex.encode(diag));
        assertEquals("the server refused StartTLS: result protocolError (2) (the server does not know the StartTLS"
                + " operation): unsupported extended operation", refusal(LdapStartTls::client, p -> {
                    p.read(LDAP_REQUEST.length);
                    p.send(protocolError);
                    p.expectEnd();
                }));
        assertEquals("the server sent a Notice of Disconnection (RFC 4511, Section 4.4.1), result unavailable (52); it is"
                + " closing the connection", refusal(LdapStartTls::client, p -> {
                    p.read(LDAP_REQUEST.length);
                    p.send(Hex.decode("300c02010078070a0134" + "0400" + "0400"));
                    p.expectEnd();
                }));
        assertEquals("the server answered with a byte 0x32 where an LDAPMessage (SEQUENCE, 0x30) was expected: is this"
                + " an LDAP server?", refusal(LdapStartTls::client, p -> {
                    p.read(LDAP_REQUEST.length);
                    p.send("220 smtp\r\n");
                    p.expectEnd();
                }));
        assertEquals("the server's LDAP message claims 16777215 bytes; a StartTLS response is far smaller",
                refusal(LdapStartTls::client, p -> {
                    p.read(LDAP_REQUEST.length);
                    p.send(Hex.decode("3083ffffff"));
                    p.expectEnd();
                }));
        assertEquals("the server's LDAP response ends in the middle of a field", refusal(LdapStartTls::client, p -> {
            p.read(LDAP_REQUEST.length);
            p.send(Hex.decode("300a020101780a0a01000400"));
            p.expectEnd();
        }));
    }

    // ---- PostgreSQL (SSLRequest) ----

    static final byte[] SSL_REQUEST = Hex.decode("0000000804d2162f");

    @Test
    void postgresSslRequest() throws Exception {
        Upgrade u = ok(PostgresStartTls::client, p -> {
            assertArrayEquals(SSL_REQUEST, p.read(8));
            p.send("S");
            p.expectEnd();
        });
        assertEquals(List.of("C: 0000000804d2162f", "S: 'S'"), u.transcript());
    }

    @Test
    void postgresRefusals() throws Exception {
        assertEquals("the server does not accept TLS connections (it answered 'N' to SSLRequest): its operator must set"
                + " ssl = on in postgresql.conf; tls4j does not fall back to plain text",
                refusal(PostgresStartTls::client, p -> {
                    p.read(8);
                    p.send("N");
                    p.expectEnd();
                }));
        assertEquals("the server sent 5 more bytes right after its 'S', before TLS began (1603030000): a server must wait"
                + " for our ClientHello, so these bytes were injected in plain text (STARTTLS response injection);"
                + " refusing to continue", refusal(PostgresStartTls::client, p -> {
                    p.read(8);
                    p.send(Hex.decode("531603030000"));
                    p.expectEnd();
                }));
        assertEquals("the server answered SSLRequest with the byte 0x32, which is neither 'S' nor 'N': is this a"
                + " PostgreSQL server?", refusal(PostgresStartTls::client, p -> {
                    p.read(8);
                    p.send("220 x\r\n");
                    p.expectEnd();
                }));
    }

    @Test
    void badNamesAreRefusedBeforeAnyByteIsSent() throws Exception {
        try (ScriptedServer srv = new ScriptedServer(p -> p.expectEnd()); Socket s = srv.connect()) {
            assertEquals("'exa mple' is not an XMPP domain we can send: use letters, digits, '.', '-' and '_' (the ASCII"
                    + " form of the domain)", assertThrows(StartTlsException.class,
                            () -> XmppStartTls.client(s, "exa mple")).getMessage());
            assertEquals("the host name to send or greet with contains a space, a control character or a non-ASCII"
                    + " character at position 1; that would break the SMTP line", assertThrows(StartTlsException.class,
                            () -> SmtpStartTls.client(s, "a\r\nRCPT TO:<x>")).getMessage());
            assertEquals("the host name to send or greet with is empty",
                    assertThrows(StartTlsException.class, () -> SmtpStartTls.client(s, "")).getMessage());
            s.close();
            srv.finish();
        }
    }

    // ---- dispatch by name ----

    @Test
    void protocolsByName() throws Exception {
        for (StartTlsProtocol p : StartTlsProtocol.values()) {
            assertEquals(p, StartTlsProtocol.forName(p.cliName().toUpperCase()));
        }
        assertEquals("unknown STARTTLS protocol 'nntp': choose one of smtp, imap, pop3, ftp, xmpp, ldap, postgres",
                assertThrows(StartTlsException.class, () -> StartTlsProtocol.forName("nntp")).getMessage());
        Upgrade u = ok(s -> StartTlsProtocol.POSTGRES.client(s, "db.example"), p -> {
            p.read(8);
            p.send("S");
            p.expectEnd();
        });
        assertEquals("PostgreSQL", u.protocol());
    }
}
