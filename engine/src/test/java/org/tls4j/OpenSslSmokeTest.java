package org.tls4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tls4j.crypto.x509.Certificate;
import org.tls4j.crypto.x509.TestPki;
import org.tls4j.handshake.NamedGroup;
import org.tls4j.testing.Peers;

/**
 * A quick check against a real peer: tls4j's client engine over a socket to {@code openssl s_server
 * -tls1_3 -www} on 127.0.0.1, one handshake per group family, an HTTP GET, and the page back. The
 * full interop matrix (both directions, every parameter, GnuTLS and JSSE) lives in conformance-tests.
 */
class OpenSslSmokeTest {
    @TempDir
    Path dir;

    @Test
    void clientAgainstOpensslServer() throws Exception {
        File openssl = Peers.require("openssl", "openssl");
        TestPki.Key key = TestCerts.PKI.generate(TestPki.KeyKind.EC_P256);
        Certificate leaf = TestCerts.ROOT.serverLeaf(key, "localhost");
        Path cert = dir.resolve("cert.pem");
        Path keyFile = dir.resolve("key.pem");
        Files.write(cert, TestPki.chainPem(leaf, TestCerts.ROOT.certificate()).getBytes(StandardCharsets.US_ASCII));
        Files.write(keyFile, key.privateKeyPem().getBytes(StandardCharsets.US_ASCII));
        for (NamedGroup g : new NamedGroup[] {NamedGroup.X25519, NamedGroup.SECP384R1, NamedGroup.FFDHE2048}) {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            List<String> cmd = new ArrayList<>(List.of(openssl.getPath(), "s_server", "-tls1_3", "-www", "-quiet",
                    "-accept", "127.0.0.1:" + port, "-cert", cert.toString(), "-key", keyFile.toString(),
                    "-groups", g.name()));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("s_server.log").toFile()).start();
            try {
                // The client offers every group but sends a share only for x25519, so the other groups
                // also exercise the HelloRetryRequest path against OpenSSL.
                TlsConfig config = TestCerts.client().build();
                String page = get(port, config);
                assertTrue(page.startsWith("HTTP/1.0 200 ok"), page);
                assertTrue(page.contains("TLS_AES_128_GCM_SHA256") || page.contains("TLSv1.3"), page);
            } finally {
                p.destroy();
                p.waitFor();
            }
        }
    }

    private static String get(int port, TlsConfig config) throws Exception {
        SocketChannel ch = null;
        for (int i = 0; i < 50 && ch == null; i++) {
            try {
                ch = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        assertNotNull(ch, "openssl s_server did not start");
        try (SocketChannel c = ch) {
            TlsEngine e = TlsEngine.client(config);
            ByteBuffer net = ByteBuffer.allocate(e.packetBufferSize());
            ByteBuffer in = ByteBuffer.allocate(e.packetBufferSize() * 4);
            ByteBuffer app = ByteBuffer.allocate(1 << 16);
            ByteBuffer request = ByteBuffer.wrap("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            StringBuilder page = new StringBuilder();
            while (true) {
                net.clear();
                TlsResult w = e.wrap(request, net);
                net.flip();
                while (net.hasRemaining()) {
                    c.write(net);
                }
                if (w.bytesProduced() > 0) {
                    continue;
                }
                if (e.session() != null && request.hasRemaining()) {
                    continue;
                }
                int n = c.read(in);
                if (n < 0) {
                    break;
                }
                in.flip();
                TlsResult r;
                do {
                    app.clear();
                    r = e.unwrap(in, app);
                    app.flip();
                    page.append(StandardCharsets.ISO_8859_1.decode(app));
                } while (r.status() == TlsResult.Status.OK && in.hasRemaining());
                in.compact();
                if (r.status() == TlsResult.Status.CLOSED) {
                    break;
                }
            }
            assertNotNull(e.session());
            assertEquals("localhost", e.session().serverName());
            return page.toString();
        }
    }
}
