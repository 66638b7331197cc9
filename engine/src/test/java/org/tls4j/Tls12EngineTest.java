package org.tls4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.tls4j.crypto.x509.TestPki;
import org.tls4j.handshake.CipherSuite;
import org.tls4j.record.ProtocolVersion;

/** TLS 1.2 through the engine, in memory: the first smoke test. */
class Tls12EngineTest {
    @Test
    void ecdheEcdsaTls12() throws Exception {
        TlsConfig c = TestCerts.client().versions(ProtocolVersion.TLS12).build();
        TlsConfig s = TestCerts.server(TestPki.KeyKind.EC_P256).versions(ProtocolVersion.TLS12).build();
        EnginePair p = new EnginePair(c, s);
        boolean ok = p.handshake();
        assertTrue(ok, "client " + p.clientFailure + " server " + p.serverFailure);
        assertEquals(ProtocolVersion.TLS12, p.client.session().version());
        assertEquals(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, p.client.session().cipherSuite());
        byte[] m = "hello".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(m, p.transfer(p.client, p.server, m));
        assertArrayEquals(m, p.transfer(p.server, p.client, m));
    }
}
