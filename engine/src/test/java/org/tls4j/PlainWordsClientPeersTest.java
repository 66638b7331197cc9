package org.tls4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tls4j.testing.Peers;

/**
 * The mirror image with a real client: curl speaking plain HTTP to a port where a TLS server listens.
 * First a raw listener reads the first bytes and asks PlainWords; then a real {@link TlsServerSocket}
 * gets the same request and its handshake fails with the same words.
 */
class PlainWordsClientPeersTest {

    @Test
    void curlSendsPlainHttpToATlsPort() throws Exception {
        String curl = Peers.require("curl", "curl").getPath();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            server.setSoTimeout(20_000);
            Process p = new ProcessBuilder(curl, "-s", "-m", "20", "-A", "tls4j-test", "http://127.0.0.1:"
                    + server.getLocalPort() + "/index.html").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            byte[] first;
            try (Socket s = server.accept()) {
                s.setSoTimeout(20_000);
                InputStream in = s.getInputStream();
                ByteArrayOutputStream got = new ByteArrayOutputStream();
                while (!got.toString(StandardCharsets.ISO_8859_1).contains("\r\n")) {
                    int c = in.read();
                    if (c < 0) {
                        break;
                    }
                    got.write(c);
                }
                first = got.toByteArray();
            } finally {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
            assertEquals("the client sent an HTTP request in plain text (\"GET /index.html HTTP/1.1\"): it is not speaking"
                    + " TLS, and this port expects TLS from the first byte; it should use https:// (tls:// with tls4j)",
                    PlainWords.fromClient(first));
        }
    }

    @Test
    void curlSendsPlainHttpToTlsServerSocket() throws Exception {
        String curl = Peers.require("curl", "curl").getPath();
        try (TlsServerSocket server = TlsServerSocket.loopback(
                TestCerts.server(org.tls4j.crypto.x509.TestPki.KeyKind.EC_P256).build())) {
            server.setSoTimeout(20_000);
            Process p = new ProcessBuilder(curl, "-s", "-m", "20", "-A", "tls4j-test", "http://127.0.0.1:"
                    + server.getLocalPort() + "/index.html").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try (TlsSocket s = server.accept()) {
                s.setSoTimeout(20_000);
                TlsException e = org.junit.jupiter.api.Assertions.assertThrows(TlsException.class, s::startHandshake);
                assertEquals("the client sent an HTTP request in plain text (\"GET /index.html HTTP/1.1\"): it is not"
                        + " speaking TLS, and this port expects TLS from the first byte; it should use https:// (tls://"
                        + " with tls4j)", e.getMessage());
            } finally {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
        }
    }
}
