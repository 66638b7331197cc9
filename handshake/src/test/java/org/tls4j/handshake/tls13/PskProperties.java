package org.tls4j.handshake.tls13;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.tls4j.record.TlsAlert;
import org.tls4j.testing.SeededRandomSource;

/**
 * A server given a resumption ClientHello whose psk_key_exchange_modes or pre_shared_key extension
 * (the tail of the message: the modes, the identities with their ticket, the binders) has been mutated
 * either completes its flight (a full handshake, or resumption when the mutation hit nothing that
 * matters) or throws a {@link TlsAlert}: never another exception, never a hang.
 */
class PskProperties {
    final Rfc8448ResumptionServerTest rfc = new Rfc8448ResumptionServerTest();

    @Property(tries = 150)
    void mutatedPskExtensionsEndInAnAlertOrAHandshake(@ForAll @IntRange(min = 1, max = 300) int fromEnd,
            @ForAll @IntRange(min = 1, max = 255) int xor, @ForAll @IntRange(min = 0, max = 3) int how,
            @ForAll @IntRange(min = 0, max = 40) int cut) throws Exception {
        byte[] ch = rfc.rfcClientHelloWith(rfc.ourTicket(), Rfc8448ResumptionServerTest.RFC_PSK).encode();
        int at = ch.length - Math.min(fromEnd, ch.length - 40);
        byte[] m = ch.clone();
        switch (how) {
            case 0: // flip bits of one byte
                m[at] ^= (byte) xor;
                break;
            case 1: // set a byte (a length or a mode) to an arbitrary value
                m[at] = (byte) xor;
                break;
            case 2: { // drop bytes from the middle of the tail, fixing nothing
                int n = Math.min(cut + 1, ch.length - at);
                byte[] d = new byte[ch.length - n];
                System.arraycopy(ch, 0, d, 0, at);
                System.arraycopy(ch, at + n, d, at, ch.length - at - n);
                m = d;
                break;
            }
            default: { // truncate, keeping the handshake header's length consistent
                m = Arrays.copyOf(ch, at);
                int len = m.length - 4;
                m[1] = (byte) (len >>> 16);
                m[2] = (byte) (len >>> 8);
                m[3] = (byte) len;
            }
        }
        Tls13Handshake s = rfc.server(new SeededRandomSource(at * 31 + xor));
        try {
            s.handshakeRecord(m, 0, m.length);
        } catch (TlsAlert expected) {
            return;
        }
        // No alert: either the message is incomplete (waiting for more bytes) or the server answered.
        assertTrue(s.hasPartialMessage() || !s.drainOutputs().isEmpty(), "neither an alert nor an answer");
    }
}
