package org.tls4j.handshake.tls13;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.tls4j.handshake.ExtensionType;
import org.tls4j.handshake.ext.Extension;
import org.tls4j.record.AlertDescription;
import org.tls4j.record.TlsAlert;
import org.tls4j.testing.SeededRandomSource;

/**
 * The checks of RFC 8446, Section 4.2.9 and 4.2.11 on the two machines back to back, with messages
 * rewritten in flight where a well-behaved peer would never send them: the client refuses a
 * selected_identity out of range and a suite whose hash is not the PSK's (illegal_parameter); the
 * server refuses a pre_shared_key that is not the last extension (illegal_parameter) and one without
 * psk_key_exchange_modes (missing_extension).
 */
class Tls13ResumptionMachinesTest {
    final TicketKeys keys = new TicketKeys(new SeededRandomSource(1),
            Clock.fixed(Instant.ofEpochSecond(MachinePair.NOW), ZoneOffset.UTC));
    final List<ClientTicket> tickets = new ArrayList<>();
    final ClientTickets store = new ClientTickets() {
        @Override
        public ClientTicket take(long nowMillis) {
            return tickets.isEmpty() ? null : tickets.remove(0);
        }

        @Override
        public void put(ClientTicket t) {
            tickets.add(t);
        }
    };

    HandshakeConfig.Builder client() {
        return MachinePair.clientConfig().resumption(Resumption.NONE.withClientTickets(store));
    }

    HandshakeConfig.Builder server() {
        return MachinePair.serverConfig().resumption(Resumption.NONE.withTickets(keys, 2));
    }

    /** A full handshake that leaves two tickets in the store. */
    void firstConnection() throws TlsAlert {
        MachinePair p = new MachinePair(client(), server());
        p.run();
        assertTrue(p.client.isComplete() && p.server.isComplete());
        assertEquals(2, tickets.size());
    }

    @Test
    void resumesOnTheMachines() throws TlsAlert {
        firstConnection();
        MachinePair p = new MachinePair(client(), server());
        p.run();
        assertTrue(p.client.summary().resumed);
        assertTrue(p.server.summary().resumed);
        assertEquals("Connected", p.server.stateName());
        assertEquals(3, tickets.size(), "one of two tickets used, two new ones");
    }

    /** The offset of the first occurrence of {@code needle} in {@code m}. */
    static int indexOf(byte[] m, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= m.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (m[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

    @Test
    void clientRefusesASelectedIdentityOutOfRange() throws TlsAlert {
        firstConnection();
        MachinePair p = new MachinePair(client(), server());
        TlsAlert a = assertThrows(TlsAlert.class, () -> p.run(m -> m, MachinePair.onType(2, sh -> {
            byte[] c = sh.clone();
            c[indexOf(c, new byte[] {0, 0x29, 0, 2, 0, 0}) + 5] = 1; // selected_identity 0 -> 1
            return c;
        })));
        assertEquals(AlertDescription.ILLEGAL_PARAMETER, a.description());
        assertTrue(a.getMessage().contains("selects PSK identity 1"), a.getMessage());
    }

    @Test
    void clientRefusesASuiteOfAnotherHash() throws TlsAlert {
        firstConnection(); // TLS_AES_128_GCM_SHA256
        MachinePair p = new MachinePair(client(), server());
        TlsAlert a = assertThrows(TlsAlert.class, () -> p.run(m -> m, MachinePair.onType(2, sh -> {
            byte[] c = sh.clone();
            int suite = 4 + 2 + 32 + 1 + (c[4 + 2 + 32] & 0xff); // after the header, version, random, session id
            assertEquals(0x1301, ((c[suite] & 0xff) << 8) | (c[suite + 1] & 0xff));
            c[suite + 1] = 0x02; // TLS_AES_256_GCM_SHA384, also offered by the client
            return c;
        })));
        assertEquals(AlertDescription.ILLEGAL_PARAMETER, a.description());
        assertTrue(a.getMessage().contains("whose hash is not the PSK's"), a.getMessage());
    }

    @Test
    void serverRefusesPreSharedKeyNotLast() throws TlsAlert {
        firstConnection();
        MachinePair p = new MachinePair(client(), server());
        TlsAlert a = assertThrows(TlsAlert.class, () -> p.run(MachinePair.onType(1, ch -> {
            // Append an empty padding extension after pre_shared_key, fixing both lengths.
            byte[] c = java.util.Arrays.copyOf(ch, ch.length + 4);
            c[ch.length + 1] = 0x15;
            int extLen = 4 + 2 + 32 + 1 + (ch[4 + 2 + 32] & 0xff);
            extLen += 2 + (((ch[extLen] & 0xff) << 8) | (ch[extLen + 1] & 0xff));
            extLen += 1 + (ch[extLen] & 0xff);
            int n = (((c[extLen] & 0xff) << 8) | (c[extLen + 1] & 0xff)) + 4;
            c[extLen] = (byte) (n >> 8);
            c[extLen + 1] = (byte) n;
            int body = c.length - 4;
            c[1] = (byte) (body >> 16);
            c[2] = (byte) (body >> 8);
            c[3] = (byte) body;
            return c;
        }), m -> m));
        assertEquals(AlertDescription.ILLEGAL_PARAMETER, a.description());
        assertTrue(a.getMessage().contains("pre_shared_key is not the last extension"), a.getMessage());
    }

    @Test
    void serverRefusesPreSharedKeyWithoutModes() throws TlsAlert {
        firstConnection();
        HandshakeConfig.Builder c = client().extensionsHook((where, ext) -> ext.stream()
                .filter(e -> !e.type().equals(ExtensionType.PSK_KEY_EXCHANGE_MODES)).collect(Collectors.<Extension>toList()));
        MachinePair p = new MachinePair(c, server());
        TlsAlert a = assertThrows(TlsAlert.class, p::run);
        assertEquals(AlertDescription.MISSING_EXTENSION, a.description());
    }
}
