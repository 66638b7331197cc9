package org.tls4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tls4j.crypto.x509.Certificate;
import org.tls4j.crypto.x509.TestPki;

/** The client and server example of the TlsEngine class comment, run as written. */
class TlsEngineExampleTest {
    @Test
    void classCommentExampleRuns() throws Exception {
        TestPki.Key key = TestCerts.key(TestPki.KeyKind.EC_P256);
        Certificate leaf = TestCerts.ROOT.serverLeaf(key, "example.com");
        String chainPem = TestPki.chainPem(leaf, TestCerts.ROOT.certificate());
        String keyPem = key.privateKeyPem();
        List<Certificate> roots = Collections.singletonList(TestCerts.ROOT.certificate());

        // --- as in the class comment (plus the test clock, as the test certificates are dated) ---
        TlsConfig serverConfig = TlsConfig.builder().certificate(chainPem, keyPem).alpnProtocols("h2").build();
        TlsConfig clientConfig = TlsConfig.builder().trustAnchors(roots).serverName("example.com")
                .alpnProtocols("h2", "http/1.1").clock(TestCerts.clock()).build();
        TlsEngine client = TlsEngine.client(clientConfig);
        TlsEngine server = TlsEngine.server(serverConfig);
        ByteBuffer c2s = ByteBuffer.allocate(client.packetBufferSize());
        ByteBuffer s2c = ByteBuffer.allocate(server.packetBufferSize());
        ByteBuffer empty = ByteBuffer.allocate(0);
        ByteBuffer app = ByteBuffer.allocate(client.applicationBufferSize());
        while (client.handshakeStatus() != TlsResult.HandshakeStatus.NOT_HANDSHAKING
                || server.handshakeStatus() != TlsResult.HandshakeStatus.NOT_HANDSHAKING) {
            client.wrap(empty, c2s);
            c2s.flip(); server.unwrap(c2s, app); c2s.compact();
            server.wrap(empty, s2c);
            s2c.flip(); client.unwrap(s2c, app); s2c.compact();
        }
        System.out.println(client.session());
        client.wrap(ByteBuffer.wrap("hello".getBytes(StandardCharsets.US_ASCII)), c2s);
        c2s.flip(); app.clear(); server.unwrap(c2s, app); c2s.compact();
        app.flip();
        assertEquals("hello", StandardCharsets.US_ASCII.decode(app).toString());
        client.closeOutbound(); client.wrap(empty, c2s);
        c2s.flip();
        assertEquals(TlsResult.Status.CLOSED, server.unwrap(c2s, app).status());
        // --- end of the example ---
        assertEquals("h2", client.session().applicationProtocol());
        assertEquals("TLSv1.3 TLS_AES_128_GCM_SHA256 x25519 ecdsa_secp256r1_sha256 alpn=h2 sni=example.com",
                client.session().toString());
    }
}
