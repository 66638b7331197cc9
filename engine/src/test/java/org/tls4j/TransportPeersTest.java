package org.tls4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tls4j.record.ProtocolVersion;

/**
 * Transport.open against openssl s_server: each secure scheme narrows the configuration to its versions,
 * and the version the handshake settles on is the one the scheme names (and the server reports it too).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TransportPeersTest {
    @TempDir
    Path dir;

    private static String get(TlsSocket c) throws IOException {
        c.setSoTimeout(20_000);
        c.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        InputStream in = c.getInputStream();
        byte[] buf = new byte[4096];
        int n;
        while ((n = in.read(buf)) >= 0) {
            b.write(buf, 0, n);
        }
        return b.toString(StandardCharsets.US_ASCII);
    }

    /** scheme, openssl server flag ("-" for none), expected version, the name s_server -www prints for it. */
    @ParameterizedTest
    @CsvSource({
        "tlsv1.3, -, TLSv1.3, TLSv1.3",
        "tlsv1.2, -, TLSv1.2, TLSv1.2",
        "tls, -, TLSv1.3, TLSv1.3",
        "tls, -tls1_2, TLSv1.2, TLSv1.2",
        "ssl, -tls1_2, TLSv1.2, TLSv1.2",
    })
    void schemeSettlesOnItsVersion(String scheme, String flag, String expected, String opensslName) throws Exception {
        String[] flags = flag.equals("-") ? new String[0] : new String[] {flag};
        try (PythonPeers.Server s = PlainWordsPeersTest.opensslServer(dir, flags)) {
            TlsConfig config = TestCerts.client().build(); // TLS 1.3 + 1.2, the default
            try (TlsSocket c = Transport.parse(scheme + "://localhost:" + s.port).open(config, 10_000)) {
                assertEquals(expected, c.session().version().toString());
                String page = get(c);
                assertTrue(page.startsWith("HTTP/1.0 200 ok"), page);
                assertTrue(page.contains("New, " + opensslName + ", Cipher is "), page);
            }
        }
    }
}
