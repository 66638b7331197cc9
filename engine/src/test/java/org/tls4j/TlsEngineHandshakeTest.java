package org.tls4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.tls4j.crypto.x509.TestPki;
import org.tls4j.handshake.CipherSuite;
import org.tls4j.handshake.NamedGroup;
import org.tls4j.handshake.SignatureScheme;
import org.tls4j.record.ProtocolVersion;

class TlsEngineHandshakeTest {
    @Test
    void defaultHandshakeAndData() throws Exception {
        EnginePair p = new EnginePair(TestCerts.client().build(), TestCerts.server(TestPki.KeyKind.EC_P256).build());
        boolean ok = p.handshake();
        assertTrue(ok, () -> "client: " + p.clientFailure + " server: " + p.serverFailure);
        assertTrue(p.clientFinished && p.serverFinished);
        TlsSession s = p.client.session();
        assertEquals(ProtocolVersion.TLS13, s.version());
        assertEquals(CipherSuite.TLS_AES_128_GCM_SHA256, s.cipherSuite());
        assertEquals(NamedGroup.X25519, s.group());
        assertEquals(SignatureScheme.ECDSA_SECP256R1_SHA256, s.signatureScheme());
        assertEquals("localhost", p.server.session().serverName());
        byte[] hello = "hello".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(hello, p.transfer(p.client, p.server, hello));
        assertArrayEquals(hello, p.transfer(p.server, p.client, hello));
    }
}
