package org.tls4j.handshake.tls13;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tls4j.handshake.CipherSuite;
import org.tls4j.handshake.NamedGroup;
import org.tls4j.handshake.Rfc8448Transcripts;
import org.tls4j.handshake.SignatureScheme;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.ext.Extension;
import org.tls4j.handshake.ext.Extensions;
import org.tls4j.handshake.ext.PreSharedKeyClientHello;
import org.tls4j.handshake.ext.PskIdentity;
import org.tls4j.handshake.msg.ClientHello;
import org.tls4j.crypto.x509.Certificate;
import org.tls4j.record.AlertDescription;
import org.tls4j.record.TlsAlert;
import org.tls4j.testing.FixedRandomSource;
import org.tls4j.testing.Hex;
import org.tls4j.testing.SeededRandomSource;

/**
 * RFC 8448, Section 4 "Resumed 0-RTT Handshake", server side of its resumption part. A tls4j server
 * opens only its own tickets, so the RFC's PSK (the Section 3 ticket's, {@code 4ecd0eb6...c4f3}) is
 * sealed into a tls4j ticket with the RFC's ticket_age_add, issue time, lifetime and server name, and
 * the RFC's Section 4 ClientHello is replayed with that identity in place of the RFC server's (the
 * binder recomputed over the new truncated ClientHello, same obfuscated age). With the trace's server
 * randomness and x25519 key the ServerHello must then be the RFC's byte for byte: pre_shared_key
 * selecting identity 0, the x25519 share, supported_versions. The EncryptedExtensions differs (tls4j
 * refuses early data, so no early_data extension), hence the server Finished too; they are not compared.
 */
class Rfc8448ResumptionServerTest {
    static final String SECTION = "Resumed_0RTT_Handshake";
    static final byte[] RFC_PSK = Hex.decode("4ecd0eb6ec3b4d87f5d6028f922ca4c5851a277fd41311c9e62d2c9492e1c4f3");
    static final long ISSUED = 1651826546000L; // Section 3's time: the ticket arrived then
    static final long AGE_ADD = 0xfad6aac5L;

    final Rfc8448Transcripts tr = Rfc8448Transcripts.load();
    final TicketKeys keys = new TicketKeys(new SeededRandomSource(9),
            Clock.fixed(Instant.ofEpochMilli(ISSUED), ZoneOffset.UTC));

    byte[] ourTicket() {
        TicketPlaintext p = new TicketPlaintext(CipherSuite.TLS_AES_128_GCM_SHA256, RFC_PSK.clone(), AGE_ADD, ISSUED,
                30, "server", null, Collections.<Certificate>emptyList());
        return keys.seal(p.encode());
    }

    /** The RFC's Section 4 ClientHello with {@code ticket} as its identity, bound with {@code psk}. */
    ClientHello rfcClientHelloWith(byte[] ticket, byte[] psk) throws Exception {
        byte[] msg = tr.handshakeRecordPayload(SECTION, "Record_ClientHello_1");
        ClientHello rfc = ClientHello.read(new TlsReader(msg, 4, msg.length - 4));
        List<Extension> ext = new ArrayList<>(rfc.extensions.list());
        PreSharedKeyClientHello offered = (PreSharedKeyClientHello) ext.remove(ext.size() - 1);
        assertEquals(0xfad6aacbL, offered.identities.get(0).obfuscatedTicketAge);
        ext.add(new PreSharedKeyClientHello(
                Collections.singletonList(new PskIdentity(ticket, offered.identities.get(0).obfuscatedTicketAge)),
                Collections.singletonList(new byte[32])));
        ClientHello ch = new ClientHello(rfc.legacyVersion, rfc.random(), rfc.legacySessionId(), rfc.cipherSuites,
                rfc.legacyCompressionMethods(), new Extensions(ext));
        ClientTicket t = new ClientTicket(CipherSuite.TLS_AES_128_GCM_SHA256, psk, ticket, AGE_ADD, ISSUED, 30, 0,
                "server", Collections.<Certificate>emptyList());
        return PskClient.bind(ch, t, null);
    }

    Tls13Handshake server() throws TlsAlert {
        return server(new FixedRandomSource(Arrays.copyOf(tr.hex(SECTION, "Server_RNG_Pool"), 64)));
    }

    Tls13Handshake server(org.tls4j.crypto.rand.RandomSource random) throws TlsAlert {
        HandshakeConfig c = HandshakeConfig.builder()
                .suites(Arrays.asList(CipherSuite.TLS_AES_128_GCM_SHA256))
                .groups(Arrays.asList(NamedGroup.X25519, NamedGroup.SECP256R1))
                .signatureSchemes(Arrays.asList(SignatureScheme.ECDSA_SECP256R1_SHA256))
                .certificates(Collections.singletonList(MachinePair.LEAF)).middleboxCompat(false)
                .clock(Clock.fixed(Instant.ofEpochMilli(Long.parseLong(tr.sections().get(SECTION).get("CurrentTimestamp"))),
                        ZoneOffset.UTC))
                .random(random)
                .resumption(Resumption.NONE.withTickets(keys, 0)).build();
        return Tls13Handshake.server(c);
    }

    @Test
    void serverHelloOfTheResumedHandshakeByteForByte() throws Exception {
        byte[] ch = rfcClientHelloWith(ourTicket(), RFC_PSK).encode();
        Tls13Handshake s = server();
        s.handshakeRecord(ch, 0, ch.length);
        List<HandshakeOutput> out = s.drainOutputs();
        assertEquals(HandshakeOutput.Kind.HANDSHAKE, out.get(0).kind);
        byte[] sh = out.get(0).bytes();
        assertArrayEquals(tr.hex(SECTION, "Message_ServerHello"), Arrays.copyOf(sh, Math.min(sh.length,
                tr.hex(SECTION, "Message_ServerHello").length)), "ServerHello of RFC 8448, Section 4");
        assertEquals(1, keys.usedCount(), "the ticket is now used");
        assertTrue(s.skippingEarlyData(), "the ClientHello offered early data: the server skips it");
    }

    @Test
    void aWrongBinderIsDecryptError() throws Exception {
        byte[] wrongPsk = RFC_PSK.clone();
        wrongPsk[31] ^= 1;
        byte[] ch = rfcClientHelloWith(ourTicket(), wrongPsk).encode();
        Tls13Handshake s = server();
        TlsAlert a = assertThrows(TlsAlert.class, () -> s.handshakeRecord(ch, 0, ch.length));
        assertEquals(AlertDescription.DECRYPT_ERROR, a.description());
        assertEquals(0, keys.usedCount(), "a ticket whose binder failed is not burnt");
    }

    @Test
    void theRfcServersOwnTicketGivesAFullHandshake() throws Exception {
        byte[] ch = tr.handshakeRecordPayload(SECTION, "Record_ClientHello_1");
        Tls13Handshake s = server(new SeededRandomSource(4)); // a full handshake signs: more randomness
        s.handshakeRecord(ch, 0, ch.length);
        byte[] sh = s.drainOutputs().get(0).bytes();
        // No pre_shared_key in the ServerHello: the identity is not a tls4j ticket (RFC 8446, Section 4.2.11).
        org.tls4j.handshake.msg.ServerHello hello = org.tls4j.handshake.msg.ServerHello.read(new TlsReader(sh, 4, sh.length - 4));
        assertEquals(null, hello.extensions.find(org.tls4j.handshake.ext.PreSharedKeyServerHello.class));
        assertEquals("ExpectFinished", s.stateName());
    }
}
