package org.tls4j.handshake.tls12;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tls4j.handshake.CipherSuite;
import org.tls4j.handshake.tls12.ext.MaxFragmentLength;
import org.tls4j.handshake.tls12.ext.SessionTicket;
import org.tls4j.handshake.tls12.ext.StatusRequest;
import org.tls4j.handshake.tls12.msg.NewSessionTicket12;
import org.tls4j.handshake.tls12.msg.CertificateRequest12;
import org.tls4j.handshake.tls12.msg.CertificateStatus;
import org.tls4j.handshake.tls12.msg.DheClientKeyExchange;
import org.tls4j.handshake.tls12.msg.DheServerKeyExchange;
import org.tls4j.handshake.tls12.msg.EcdheClientKeyExchange;
import org.tls4j.handshake.tls12.msg.EcdheServerKeyExchange;
import org.tls4j.handshake.tls12.msg.RsaClientKeyExchange;
import org.tls4j.record.ProtocolVersion;
import org.tls4j.testing.Peers;

/**
 * Real TLS 1.0/1.2 sessions between {@code openssl s_client} and {@code openssl s_server}, captured by a
 * TCP relay in this test and checked with tls4j's codecs, key derivation and record protections only
 * ({@link Tls12Flow#verify()}): the master secret comes from s_client's {@code -keylogfile}, everything
 * else (key block, IVs, Finished, record decryption) is computed here.
 *
 * <p>With {@code -Dtls4j.rerecord=true} the flows named in {@link RecordedTls12Test} are written to
 * {@code src/test/resources/recorded/} (run from the handshake module directory).
 */
class OpenSslRecordedTls12Test {
    static File openssl;
    static Path dir;
    static final String LINE = "hello tls4j, this is s_client speaking through the relay\n";

    @BeforeAll
    static void keys() throws Exception {
        openssl = Peers.require("openssl", "openssl");
        dir = Files.createTempDirectory("tls4j-openssl12");
        run(openssl.getPath(), "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", "/CN=tls4j-rsa", "-keyout", dir.resolve("rsa.key").toString(),
                "-out", dir.resolve("rsa.crt").toString());
        run(openssl.getPath(), "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", "/CN=tls4j-client", "-keyout", dir.resolve("client.key").toString(),
                "-out", dir.resolve("client.crt").toString());
        // A real (if "unknown"-status) DER OCSP response for the RSA certificate, signed by itself, for
        // s_server -status_file.
        Files.writeString(dir.resolve("index.txt"), "");
        run(openssl.getPath(), "ocsp", "-index", dir.resolve("index.txt").toString(), "-rsigner",
                dir.resolve("rsa.crt").toString(), "-rkey", dir.resolve("rsa.key").toString(), "-CA",
                dir.resolve("rsa.crt").toString(), "-issuer", dir.resolve("rsa.crt").toString(), "-cert",
                dir.resolve("rsa.crt").toString(), "-respout", dir.resolve("ocsp.der").toString(), "-ndays", "1");
        run(openssl.getPath(), "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-days", "2", "-subj", "/CN=tls4j-ecdsa", "-keyout", dir.resolve("ec.key").toString(),
                "-out", dir.resolve("ec.crt").toString());
    }

    @AfterAll
    static void cleanup() throws IOException {
        if (dir != null) {
            try (var s = Files.walk(dir)) {
                s.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "openssl timed out");
            assertEquals(0, p.exitValue(), String.join(" ", cmd));
        } finally {
            p.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Copies in to out, recording up to 1 MiB; on EOF half-closes the destination. */
    private static Thread pump(Socket from, Socket to, ByteArrayOutputStream rec) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                int n;
                while ((n = in.read(buf)) > 0) {
                    if (rec.size() + n <= (1 << 20)) {
                        rec.write(buf, 0, n);
                    }
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException ignored) {
                // the other side closed: the capture ends here
            } finally {
                try {
                    to.shutdownOutput();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        }, "relay");
        t.setDaemon(true);
        t.start();
        return t;
    }

    static Tls12Flow capture(String name, String cert, List<String> serverOpts, List<String> clientOpts)
            throws Exception {
        return capture(name, cert, serverOpts, clientOpts, null);
    }

    /**
     * As above; when {@code firstClientOpts} is given, the server accepts two connections and a first
     * s_client with those options connects directly (not captured) before the captured one: used to
     * obtain a session for resumption.
     */
    static Tls12Flow capture(String name, String cert, List<String> serverOpts, List<String> clientOpts,
            List<String> firstClientOpts) throws Exception {
        int serverPort = freePort();
        Path keylog = dir.resolve(name + ".keylog");
        Path serverLog = dir.resolve(name + ".server.log");
        Path input = dir.resolve("input.txt");
        Files.writeString(input, LINE);
        List<String> scmd = new ArrayList<>(List.of(openssl.getPath(), "s_server", "-accept",
                "127.0.0.1:" + serverPort, "-naccept", firstClientOpts == null ? "1" : "2", "-cert", dir.resolve(cert + ".crt").toString(),
                "-key", dir.resolve(cert + ".key").toString()));
        scmd.addAll(serverOpts);
        Process server = null;
        Process client = null;
        ByteArrayOutputStream c2s = new ByteArrayOutputStream();
        ByteArrayOutputStream s2c = new ByteArrayOutputStream();
        try (ServerSocket relay = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server = new ProcessBuilder(scmd).redirectErrorStream(true).redirectOutput(serverLog.toFile())
                    .redirectInput(ProcessBuilder.Redirect.PIPE).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!(Files.exists(serverLog) && Files.readString(serverLog).contains("ACCEPT"))) {
                assertTrue(server.isAlive(), "s_server exited: " + Files.readString(serverLog));
                assertTrue(System.nanoTime() < deadline, "s_server did not start");
                Thread.sleep(20);
            }
            if (firstClientOpts != null) {
                List<String> first = new ArrayList<>(List.of(openssl.getPath(), "s_client", "-connect",
                        "127.0.0.1:" + serverPort));
                first.addAll(firstClientOpts);
                Process p = new ProcessBuilder(first).redirectErrorStream(true)
                        .redirectOutput(dir.resolve(name + ".first.log").toFile()).redirectInput(input.toFile())
                        .start();
                try {
                    assertTrue(p.waitFor(30, TimeUnit.SECONDS), "first s_client did not exit");
                } finally {
                    p.destroyForcibly();
                }
            }
            List<String> ccmd = new ArrayList<>(List.of(openssl.getPath(), "s_client", "-connect",
                    "127.0.0.1:" + relay.getLocalPort(), "-keylogfile", keylog.toString()));
            ccmd.addAll(clientOpts);
            client = new ProcessBuilder(ccmd).redirectErrorStream(true)
                    .redirectOutput(dir.resolve(name + ".client.log").toFile()).redirectInput(input.toFile())
                    .start();
            relay.setSoTimeout(30_000);
            try (Socket fromClient = relay.accept();
                    Socket toServer = new Socket()) {
                toServer.connect(new InetSocketAddress("127.0.0.1", serverPort), 10_000);
                fromClient.setSoTimeout(30_000);
                toServer.setSoTimeout(30_000);
                Thread a = pump(fromClient, toServer, c2s);
                Thread b = pump(toServer, fromClient, s2c);
                a.join(30_000);
                b.join(30_000);
                assertFalse(a.isAlive() || b.isAlive(), "relay did not finish");
            }
            assertTrue(client.waitFor(30, TimeUnit.SECONDS), "s_client did not exit");
        } finally {
            if (client != null) {
                client.destroyForcibly();
            }
            if (server != null) {
                server.destroyForcibly();
            }
        }
        String line = null;
        for (String l : Files.readAllLines(keylog)) {
            if (l.startsWith("CLIENT_RANDOM ")) {
                line = l;
            }
        }
        assertTrue(line != null, "no CLIENT_RANDOM in the key log");
        // The throwaway RSA key goes with the flow so that RSA key transport can be checked end to end.
        String keyPem = cert.equals("rsa") ? Files.readString(dir.resolve("rsa.key")) : null;
        return new Tls12Flow(name, c2s.toByteArray(), s2c.toByteArray(), line, LINE.getBytes(StandardCharsets.UTF_8),
                keyPem);
    }

    static Tls12Flow.Result check(Tls12Flow f, CipherSuite expected, ProtocolVersion version) throws Exception {
        Tls12Flow.Result r = f.verify();
        assertEquals(expected, r.suite().suite);
        assertEquals(version, r.rules().version);
        System.out.println("openssl flow " + f.name() + ": " + r.suite() + " " + version + " etm=" + r.etm()
                + " ems=" + r.ems() + ", " + r.messages().size() + " handshake messages, " + f.c2s().length + "+"
                + f.s2c().length + " bytes, ServerKeyExchange signature checked=" + r.signatureChecked()
                + ", RSA premaster checked=" + r.premasterChecked() + ", resumed=" + r.resumed());
        assertEquals(r.suite().keyExchange != KeyExchange12.RSA && !r.resumed(), r.signatureChecked());
        if (Boolean.getBoolean("tls4j.rerecord") && RecordedTls12Test.RECORDED.contains(f.name())) {
            f.save(Paths.get("src/test/resources/recorded", f.name() + ".txt"),
                    "Recorded by OpenSslRecordedTls12Test with -Dtls4j.rerecord=true: openssl s_client ->\n"
                            + "TCP relay in the test -> openssl s_server (" + opensslVersion() + "), throwaway\n"
                            + "keys made by openssl req for the run. keylog is s_client's -keylogfile line.");
        }
        return r;
    }

    private static String opensslVersion() throws Exception {
        Process p = new ProcessBuilder(openssl.getPath(), "version").redirectErrorStream(true).start();
        try {
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        } finally {
            p.destroyForcibly();
        }
    }

    private static List<String> tls12(String cipher, String... extra) {
        List<String> l = new ArrayList<>(List.of("-tls1_2", "-cipher", cipher));
        l.addAll(List.of(extra));
        return l;
    }

    @Test
    void ecdheRsaAes128Gcm() throws Exception {
        Tls12Flow f = capture("ecdhe-rsa-aes128-gcm-sha256", "rsa", tls12("ECDHE-RSA-AES128-GCM-SHA256"),
                tls12("ECDHE-RSA-AES128-GCM-SHA256"));
        Tls12Flow.Result r = check(f, CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, ProtocolVersion.TLS12);
        assertTrue(r.ems(), "OpenSSL negotiates extended_master_secret by default");
        assertTrue(r.messages().stream().anyMatch(m -> m instanceof EcdheServerKeyExchange));
        assertTrue(r.messages().stream().anyMatch(m -> m instanceof EcdheClientKeyExchange));
        checkTicket(r);
    }

    /** RFC 5077: empty session_ticket from the client, empty echo, then a NewSessionTicket before CCS. */
    static void checkTicket(Tls12Flow.Result r) {
        assertEquals(SessionTicket.EMPTY, r.clientHelloExtensions().find(SessionTicket.class));
        assertEquals(SessionTicket.EMPTY, r.serverHelloExtensions().find(SessionTicket.class));
        NewSessionTicket12 nst = (NewSessionTicket12) r.messages().stream()
                .filter(m -> m instanceof NewSessionTicket12).findFirst().orElseThrow();
        assertTrue(nst.ticket().length > 0 && nst.lifetimeHint > 0, nst.toString());
    }

    @Test
    void ecdheRsaAes256GcmSha384() throws Exception {
        Tls12Flow f = capture("ecdhe-rsa-aes256-gcm-sha384", "rsa", tls12("ECDHE-RSA-AES256-GCM-SHA384"),
                tls12("ECDHE-RSA-AES256-GCM-SHA384"));
        check(f, CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, ProtocolVersion.TLS12);
    }

    @Test
    void ecdheEcdsaChaCha20() throws Exception {
        Tls12Flow f = capture("ecdhe-ecdsa-chacha20-poly1305", "ec", tls12("ECDHE-ECDSA-CHACHA20-POLY1305"),
                tls12("ECDHE-ECDSA-CHACHA20-POLY1305"));
        check(f, CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, ProtocolVersion.TLS12);
    }

    @Test
    void ecdheRsaAes128CbcSha256EncryptThenMac() throws Exception {
        Tls12Flow f = capture("ecdhe-rsa-aes128-sha256-etm", "rsa", tls12("ECDHE-RSA-AES128-SHA256"),
                tls12("ECDHE-RSA-AES128-SHA256"));
        Tls12Flow.Result r = check(f, CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256, ProtocolVersion.TLS12);
        assertTrue(r.etm(), "encrypt_then_mac negotiated");
    }

    @Test
    void ecdheRsaAes128CbcSha256MacThenEncrypt() throws Exception {
        Tls12Flow f = capture("ecdhe-rsa-aes128-sha256-mte", "rsa", tls12("ECDHE-RSA-AES128-SHA256", "-no_etm"),
                tls12("ECDHE-RSA-AES128-SHA256", "-no_etm"));
        Tls12Flow.Result r = check(f, CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256, ProtocolVersion.TLS12);
        assertFalse(r.etm(), "-no_etm: MAC-then-encrypt");
    }

    @Test
    void dheRsaAes128Gcm() throws Exception {
        Tls12Flow f = capture("dhe-rsa-aes128-gcm-sha256", "rsa", tls12("DHE-RSA-AES128-GCM-SHA256"),
                tls12("DHE-RSA-AES128-GCM-SHA256"));
        Tls12Flow.Result r = check(f, CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256, ProtocolVersion.TLS12);
        assertTrue(r.messages().stream().anyMatch(m -> m instanceof DheServerKeyExchange));
        assertTrue(r.messages().stream().anyMatch(m -> m instanceof DheClientKeyExchange));
    }

    @Test
    void rsaKeyTransportAes128Gcm() throws Exception {
        Tls12Flow f = capture("rsa-aes128-gcm-sha256", "rsa", tls12("AES128-GCM-SHA256"), tls12("AES128-GCM-SHA256"));
        Tls12Flow.Result r = check(f, CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256, ProtocolVersion.TLS12);
        assertTrue(r.messages().stream().anyMatch(m -> m instanceof RsaClientKeyExchange));
        assertTrue(r.premasterChecked(), "premaster decrypted by RsaPremaster gives the logged master secret");
    }

    @Test
    void ocspStaplingAndMaxFragmentLength() throws Exception {
        Tls12Flow f = capture("ecdhe-rsa-aes128-gcm-ocsp-mfl", "rsa",
                tls12("ECDHE-RSA-AES128-GCM-SHA256", "-status_file", dir.resolve("ocsp.der").toString()),
                tls12("ECDHE-RSA-AES128-GCM-SHA256", "-status", "-maxfraglen", "1024"));
        Tls12Flow.Result r = check(f, CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, ProtocolVersion.TLS12);
        checkOcspAndMfl(r, Files.readAllBytes(dir.resolve("ocsp.der")));
    }

    /** status_request both ways, CertificateStatus carrying the stapled response, max_fragment_length 2^10. */
    static void checkOcspAndMfl(Tls12Flow.Result r, byte[] ocspDer) {
        StatusRequest chSr = r.clientHelloExtensions().find(StatusRequest.class);
        assertTrue(chSr != null && !chSr.isServerForm(), "client status_request (ocsp)");
        assertEquals(StatusRequest.SERVER, r.serverHelloExtensions().find(StatusRequest.class));
        CertificateStatus cs = (CertificateStatus) r.messages().stream()
                .filter(m -> m instanceof CertificateStatus).findFirst().orElseThrow();
        if (ocspDer != null) {
            assertArrayEquals(ocspDer, cs.ocspResponse());
        }
        assertEquals(new MaxFragmentLength(2), r.clientHelloExtensions().find(MaxFragmentLength.class));
        assertEquals(new MaxFragmentLength(2), r.serverHelloExtensions().find(MaxFragmentLength.class));
    }

    private static List<String> clientCert() {
        return List.of("-cert", dir.resolve("client.crt").toString(), "-key", dir.resolve("client.key").toString());
    }

    @Test
    void clientCertificateTls12() throws Exception {
        List<String> c = new ArrayList<>(tls12("ECDHE-RSA-AES128-GCM-SHA256"));
        c.addAll(clientCert());
        Tls12Flow f = capture("ecdhe-rsa-aes128-gcm-client-auth", "rsa",
                tls12("ECDHE-RSA-AES128-GCM-SHA256", "-Verify", "1"), c);
        Tls12Flow.Result r = check(f, CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, ProtocolVersion.TLS12);
        CertificateRequest12 cr = (CertificateRequest12) r.messages().stream()
                .filter(m -> m instanceof CertificateRequest12).findFirst().orElseThrow();
        assertTrue(cr.signatureAlgorithms != null && !cr.signatureAlgorithms.isEmpty(), "TLS 1.2 form");
        assertTrue(r.certificateVerifyChecked(), "client CertificateVerify verified over the transcript");
    }

    @Test
    void clientCertificateTls10() throws Exception {
        List<String> s = new ArrayList<>(List.of("-tls1", "-cipher", "ECDHE-RSA-AES128-SHA:@SECLEVEL=0", "-Verify", "1"));
        List<String> c = new ArrayList<>(List.of("-tls1", "-cipher", "ECDHE-RSA-AES128-SHA:@SECLEVEL=0"));
        c.addAll(clientCert());
        Tls12Flow f = capture("tls10-ecdhe-rsa-aes128-sha-client-auth", "rsa", s, c);
        Tls12Flow.Result r = check(f, CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA, ProtocolVersion.TLS10);
        CertificateRequest12 cr = (CertificateRequest12) r.messages().stream()
                .filter(m -> m instanceof CertificateRequest12).findFirst().orElseThrow();
        assertEquals(null, cr.signatureAlgorithms, "TLS 1.0 form has no signature algorithms");
        assertTrue(r.certificateVerifyChecked(), "MD5+SHA-1 CertificateVerify verified");
    }

    @Test
    void ticketResumption() throws Exception {
        Path sess = dir.resolve("ticket.sess");
        Tls12Flow f = capture("ecdhe-rsa-aes128-gcm-resumed-ticket", "rsa", tls12("ECDHE-RSA-AES128-GCM-SHA256"),
                tls12("ECDHE-RSA-AES128-GCM-SHA256", "-sess_in", sess.toString()),
                tls12("ECDHE-RSA-AES128-GCM-SHA256", "-sess_out", sess.toString()));
        Tls12Flow.Result r = check(f, CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, ProtocolVersion.TLS12);
        assertTrue(r.resumed(), "abbreviated handshake");
        SessionTicket t = r.clientHelloExtensions().find(SessionTicket.class);
        assertTrue(t != null && t.ticket().length > 0, "the ClientHello carries the ticket");
    }

    @Test
    void sessionIdResumption() throws Exception {
        Path sess = dir.resolve("id.sess");
        List<String> server = tls12("ECDHE-RSA-AES128-GCM-SHA256", "-no_ticket");
        Tls12Flow f = capture("ecdhe-rsa-aes128-gcm-resumed-id", "rsa", server,
                tls12("ECDHE-RSA-AES128-GCM-SHA256", "-sess_in", sess.toString()),
                tls12("ECDHE-RSA-AES128-GCM-SHA256", "-sess_out", sess.toString()));
        Tls12Flow.Result r = check(f, CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, ProtocolVersion.TLS12);
        assertTrue(r.resumed(), "abbreviated handshake by session ID");
    }

    @Test
    void tls10EcdheRsaAes128CbcSha() throws Exception {
        List<String> opts = List.of("-tls1", "-cipher", "ECDHE-RSA-AES128-SHA:@SECLEVEL=0");
        Tls12Flow f = capture("tls10-ecdhe-rsa-aes128-sha", "rsa", opts, opts);
        check(f, CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA, ProtocolVersion.TLS10);
    }

    @Test
    void tls10EcdheRsaAes128CbcShaMacThenEncrypt() throws Exception {
        List<String> opts = List.of("-tls1", "-no_etm", "-cipher", "ECDHE-RSA-AES128-SHA:@SECLEVEL=0");
        Tls12Flow f = capture("tls10-ecdhe-rsa-aes128-sha-mte", "rsa", opts, opts);
        Tls12Flow.Result r = check(f, CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA, ProtocolVersion.TLS10);
        assertFalse(r.etm());
    }
}
