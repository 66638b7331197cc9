package org.tls4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tls4j.crypto.x509.Certificate;
import org.tls4j.crypto.x509.TestPki;
import org.tls4j.record.AlertDescription;
import org.tls4j.record.ProtocolVersion;
import org.tls4j.testing.Hex;
import org.tls4j.testing.Peers;

/** PlainWords on what real plain-text servers answer to a TLS ClientHello. */
class PlainWordsPeersTest {
    /**
     * A well-formed TLS 1.2-record ClientHello: version 0x0303, a fixed random of 0x42 bytes, no session id,
     * TLS_AES_128_GCM_SHA256, null compression, and supported_groups = {x25519}. (The engine sends the real
     * ClientHello later; this one only has to look like the first bytes a TLS client sends.)
     */
    static final byte[] CLIENT_HELLO = Hex.decode("1603010037" + "01000033" + "0303"
            + "4242424242424242424242424242424242424242424242424242424242424242" + "00" + "00021301" + "0100"
            + "0008" + "000a00040002001d");

    /** Sends the ClientHello and reads the reply up to its first line end, or until the server closes. */
    static byte[] exchange(int port) throws Exception {
        try (Socket s = Transport.parse("tcp://127.0.0.1:" + port).openSocket(5000)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(CLIENT_HELLO);
            s.getOutputStream().flush();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[512];
            try {
                int n;
                while ((n = in.read(buf)) > 0) {
                    got.write(buf, 0, n);
                    if (got.toString(java.nio.charset.StandardCharsets.ISO_8859_1).contains("\n")) {
                        break;
                    }
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the server answered nothing within 10 s; got " + got.size() + " bytes", e);
            }
            return got.toByteArray();
        }
    }

    @Test
    void realPlainSmtpServer(@TempDir Path dir) throws Exception {
        try (PythonPeers.Server smtp = PythonPeers.plainSmtp(dir)) {
            byte[] reply = exchange(smtp.port);
            assertEquals("the server sent an SMTP greeting (\"220 mail.tls4j.test ESMTP tls4j-test\") where a TLS record"
                    + " was expected: this port speaks plain SMTP; connect with tcp:// and upgrade with STARTTLS, or use"
                    + " port 465 for implicit TLS", PlainWords.fromServer(reply));
        }
    }

    @Test
    void realPlainHttpServer(@TempDir Path dir) throws Exception {
        try (PythonPeers.Server http = PythonPeers.httpServer(dir)) {
            byte[] reply = exchange(http.port);
            // http.server answers an unparsable request line HTTP/0.9-style: an HTML error page, no status line
            assertEquals("the server sent an HTML page (\"<!DOCTYPE HTML>\") where a TLS record was expected: this port"
                    + " speaks plain HTTP (the page came without a status line, as old servers answer a request they"
                    + " cannot parse); use tcp:// (http://) here, or the server's HTTPS port (usually 443) for TLS",
                    PlainWords.fromServer(reply));
        }
    }

    /**
     * {@code openssl s_server -www} on 127.0.0.1 with a P-256 leaf for "localhost" issued by the test root,
     * plus {@code flags} (e.g. -tls1_1).
     */
    static PythonPeers.Server opensslServer(Path dir, String... flags) throws Exception {
        File openssl = Peers.require("openssl", "openssl");
        TestPki.Key key = TestCerts.PKI.generate(TestPki.KeyKind.EC_P256);
        Certificate leaf = TestCerts.ROOT.serverLeaf(key, "localhost");
        Path cert = dir.resolve("cert.pem");
        Path keyFile = dir.resolve("key.pem");
        Files.write(cert, TestPki.chainPem(leaf, TestCerts.ROOT.certificate()).getBytes(StandardCharsets.US_ASCII));
        Files.write(keyFile, key.privateKeyPem().getBytes(StandardCharsets.US_ASCII));
        int port = PythonPeers.freePort();
        List<String> cmd = new ArrayList<>(List.of(openssl.getPath(), "s_server", "-www", "-quiet", "-accept",
                "127.0.0.1:" + port, "-cert", cert.toString(), "-key", keyFile.toString()));
        cmd.addAll(List.of(flags));
        return new PythonPeers.Server(cmd, dir, port, false);
    }

    /** A default client (TLS 1.3 + 1.2, with supported_versions) meets a TLS 1.1-only OpenSSL: protocol_version. */
    @Test
    void defaultClientAgainstTls11OnlyOpenssl(@TempDir Path dir) throws Exception {
        try (PythonPeers.Server s = opensslServer(dir, "-tls1_1", "-cipher", "DEFAULT:@SECLEVEL=0")) {
            TlsException e = assertThrows(TlsException.class,
                    () -> Transport.parse("tls://localhost:" + s.port).open(TestCerts.client().build(), 10_000));
            assertEquals(AlertDescription.PROTOCOL_VERSION, e.alert());
            assertTrue(e.isAlertReceived());
            assertEquals("the server refused every version this client offered (TLSv1.3, TLSv1.2) with a protocol_version"
                    + " alert: it supports none of them; a server that speaks only older versions answers like this (find"
                    + " out with 'tls4j client --versions TLSv1.1' or 'openssl s_client -tls1_1'). Enable a version the"
                    + " server supports with TlsConfig.builder().versions(...), or update the server", e.getMessage());
        }
    }

    /** A TLS 1.2-only client sends no supported_versions, so OpenSSL picks TLS 1.1 in its ServerHello. */
    @Test
    void tls12ClientAgainstTls11OnlyOpensslWhichChoosesTls11(@TempDir Path dir) throws Exception {
        try (PythonPeers.Server s = opensslServer(dir, "-tls1_1", "-cipher", "DEFAULT:@SECLEVEL=0")) {
            TlsException e = assertThrows(TlsException.class, () -> Transport.parse("tls://localhost:" + s.port)
                    .open(TestCerts.client().versions(ProtocolVersion.TLS12).build(), 10_000));
            assertEquals(AlertDescription.PROTOCOL_VERSION, e.alert());
            assertEquals("the server chose TLSv1.1, which this client has not enabled (it offered TLSv1.2); enable it with"
                    + " TlsConfig.builder().versions(ProtocolVersion.TLS12, ProtocolVersion.TLS11) (TLSv1.1 is deprecated,"
                    + " RFC 8996: better update the server to TLSv1.2 or TLSv1.3), or update the server", e.getMessage());
        }
    }

    /** openssl s_client -tls1_1 against a default TlsServerSocket (TLS 1.3 + 1.2). */
    @Test
    void opensslTls11ClientAgainstDefaultServer() throws Exception {
        File openssl = Peers.require("openssl", "openssl");
        try (TlsServerSocket server = TlsServerSocket.loopback(TestCerts.server(TestPki.KeyKind.EC_P256).build())) {
            Process p = new ProcessBuilder(openssl.getPath(), "s_client", "-tls1_1", "-cipher", "DEFAULT:@SECLEVEL=0",
                    "-connect", "127.0.0.1:" + server.getLocalPort()).redirectErrorStream(true).start();
            try {
                TlsException e;
                try (TlsSocket t = server.accept()) {
                    e = assertThrows(TlsException.class, t::startHandshake);
                }
                assertEquals(AlertDescription.PROTOCOL_VERSION, e.alert());
                assertEquals(false, e.isAlertReceived());
                assertEquals("the client offered at most TLSv1.1 (its ClientHello has legacy_version TLSv1.1 and no"
                        + " supported_versions extension), which this server has not enabled (it accepts TLSv1.3, TLSv1.2);"
                        + " enable it with TlsConfig.builder().versions(ProtocolVersion.TLS13, ProtocolVersion.TLS12,"
                        + " ProtocolVersion.TLS11) (TLSv1.1 is deprecated, RFC 8996: better update the client to TLSv1.2 or"
                        + " TLSv1.3), or update the client", e.getMessage());
                p.getOutputStream().close();
                assertTrue(p.waitFor(20, TimeUnit.SECONDS), "s_client exited");
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(out.contains("alert protocol version"), out);
            } finally {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }
}
