package org.tls4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tls4j.crypto.x509.TestPki;
import org.tls4j.handshake.ExtensionType;
import org.tls4j.handshake.HandshakeMessage;
import org.tls4j.handshake.NamedGroup;
import org.tls4j.handshake.ext.Extension;
import org.tls4j.handshake.msg.ClientHello;
import org.tls4j.handshake.tls13.TlsListener;

/**
 * GREASE (RFC 8701) through engines, together with resumption: the GREASE extensions sit before the
 * PSK extensions, so pre_shared_key stays last (RFC 8446, Section 4.2.11), in a first and in a second
 * (HelloRetryRequest) ClientHello.
 */
class TlsEngineGreaseTest {
    /** The last ClientHello the client sent. */
    static final class LastHello implements TlsListener {
        ClientHello hello;

        @Override
        public void onHandshakeMessage(boolean sent, HandshakeMessage m) {
            if (sent && m instanceof ClientHello ch) {
                hello = ch;
            }
        }
    }

    private static EnginePair connect(TlsConfig c, TlsConfig s) {
        EnginePair p = new EnginePair(TlsEngine.client(c, "localhost", 443), TlsEngine.server(s));
        assertTrue(p.handshake(), () -> "client " + p.clientFailure + ", server " + p.serverFailure);
        return p;
    }

    @Test
    void greaseAndResumptionTogether() {
        for (boolean retry : new boolean[] {false, true}) {
            LastHello log = new LastHello();
            TlsConfig c = TestCerts.client().grease(true).listener(log).build();
            TlsConfig.Builder sb = TestCerts.server(TestPki.KeyKind.EC_P256);
            if (retry) {
                sb.groups(NamedGroup.SECP256R1); // the client's x25519 share brings a HelloRetryRequest
            }
            TlsConfig s = sb.build();
            EnginePair first = connect(c, s);
            assertFalse(first.client.session().isResumed());
            EnginePair second = connect(c, s);
            assertTrue(second.client.session().isResumed() && second.server.session().isResumed());
            assertEquals(retry, second.client.session().helloRetried());
            List<Extension> ext = log.hello.extensions.list();
            assertTrue(ext.get(0).type().isGrease());
            assertEquals(ExtensionType.PRE_SHARED_KEY, ext.get(ext.size() - 1).type(), "pre_shared_key last");
            assertTrue(ext.get(ext.size() - 3).type().isGrease() || ext.get(ext.size() - 2).type().isGrease(),
                    "the one-byte GREASE extension just before the PSK extensions: " + ext);
        }
    }
}
