package org.tls4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tls4j.testing.Hex;

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
}
