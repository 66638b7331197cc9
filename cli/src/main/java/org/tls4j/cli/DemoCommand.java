package org.tls4j.cli;

import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.concurrent.Callable;
import org.tls4j.TlsConfig;
import org.tls4j.TlsEngine;
import org.tls4j.TlsException;
import org.tls4j.TlsResult;
import org.tls4j.TlsSession;
import org.tls4j.crypto.rand.HmacDrbg;
import org.tls4j.crypto.x509.Certificate;
import org.tls4j.crypto.x509.TestPki;
import org.tls4j.handshake.tls13.CertifiedKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tls4j demo}: reports which layers are built, then runs a real TLS 1.3 handshake between an
 * in-process client and server (two {@link TlsEngine}s passing records through memory) with a chain
 * TestPki generates on the spot. It prints the handshake as the client sees it (every message it sends
 * and receives with its decoded fields and RFC section, and every key-schedule step), the size of each
 * flight, what was negotiated and the validated chain, then exchanges a short message each way and
 * closes with close_notify.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run an in-process TLS 1.3 client and server and trace their handshake.")
public final class DemoCommand implements Callable<Integer> {
    private static final int MAX_FLIGHTS = 16;

    @Option(names = "--json", description = "Write the trace as JSON, one object per line.")
    boolean json;

    @Option(names = "--trace", description = "Show more: state changes and byte strings in full.")
    boolean trace;

    @Option(names = "--trace-secrets", description = "Also print the SECRET values of every key-schedule step.")
    boolean traceSecrets;

    @Override
    public Integer call() {
        return report(System.out, new Tracer(System.out, json, trace ? Tracer.Level.TRACE : Tracer.Level.NORMAL,
                traceSecrets, null, ""));
    }

    /** The demo with the default text trace. */
    static int report(PrintStream out) {
        return report(out, new Tracer(out, false, Tracer.Level.NORMAL, false, null, ""));
    }

    static int report(PrintStream out, Tracer tracer) {
        tracer.note("tls4j demo: the layers built so far");
        boolean all = true;
        for (Layers.Layer l : Layers.ALL) {
            boolean present = l.isPresent();
            all &= present;
            tracer.note(String.format("  %-26s %-40s %s", l.name, l.marker, present ? "built" : "not yet"));
        }
        if (!all) {
            tracer.note("");
            tracer.note("No handshake can run until every layer above is built; this demo does not pretend to.");
            return 0;
        }
        try {
            return handshake(out, tracer);
        } catch (Exception e) {
            tracer.error("demo", "the in-process handshake FAILED: " + Failures.describe(e), 1);
            return 1;
        }
    }

    private static int handshake(PrintStream out, Tracer tracer) throws Exception {
        long now = System.currentTimeMillis() / 1000;
        TestPki pki = new TestPki(HmacDrbg.fromSystem(), now - 60, now + 3600);
        TestPki.Authority root = pki.root("tls4j Demo Root", pki.generate(TestPki.KeyKind.EC_P256));
        TestPki.Authority ca = root.intermediate("tls4j Demo CA", pki.generate(TestPki.KeyKind.EC_P256));
        TestPki.Key leafKey = pki.generate(TestPki.KeyKind.ED25519);
        Certificate leaf = ca.serverLeaf(leafKey, "demo.tls4j.test");
        tracer.note("generated with TestPki: root (ECDSA P-256) -> intermediate (ECDSA P-256) -> leaf demo.tls4j.test (Ed25519)");

        TlsConfig serverConfig = TlsConfig.builder()
                .certificate(new CertifiedKey(Arrays.asList(leaf, ca.certificate()), leafKey)).alpnProtocols("demo/1").build();
        TlsConfig clientConfig = TlsConfig.builder().trustAnchors(Collections.singletonList(root.certificate()))
                .serverName("demo.tls4j.test").alpnProtocols("demo/1").listener(tracer).build();
        tracer.note("");
        tracer.note("The TLS 1.3 handshake as the client sees it (-> sent, <- received; fields as named in the RFCs):");
        tracer.secretsWarning();
        TlsEngine client = TlsEngine.client(clientConfig);
        TlsEngine server = TlsEngine.server(serverConfig);
        ByteBuffer c2s = ByteBuffer.allocate(client.packetBufferSize() * 4);
        ByteBuffer s2c = ByteBuffer.allocate(server.packetBufferSize() * 4);
        ByteBuffer app = ByteBuffer.allocate(client.applicationBufferSize());
        ByteBuffer empty = ByteBuffer.allocate(0);
        for (int flight = 1; client.handshakeStatus() != TlsResult.HandshakeStatus.NOT_HANDSHAKING
                || server.handshakeStatus() != TlsResult.HandshakeStatus.NOT_HANDSHAKING; flight++) {
            if (flight > MAX_FLIGHTS) {
                throw new IllegalStateException("the handshake did not finish in " + MAX_FLIGHTS + " flights");
            }
            int c = wrapAll(client, empty, c2s);
            if (c > 0) {
                tracer.note(String.format("  client -> server  %5d bytes", c));
            }
            c2s.flip();
            server.unwrap(c2s, app);
            c2s.compact();
            int s = wrapAll(server, empty, s2c);
            if (s > 0) {
                tracer.note(String.format("  server -> client  %5d bytes", s));
            }
            s2c.flip();
            client.unwrap(s2c, app);
            s2c.compact();
        }
        TlsSession cs = client.session();
        tracer.note("handshake complete");
        tracer.negotiated(cs);
        tracer.chain("server chain as the client received and validated it:", cs.peerCertificates());
        tracer.validation("ok", "OK (chain to the demo root, name demo.tls4j.test matches)");
        tracer.note("");
        tracer.note("Application data, in TLS 1.3 records protected with the application traffic keys:");

        String hello = "hello from the tls4j client";
        client.wrap(ByteBuffer.wrap(hello.getBytes(StandardCharsets.US_ASCII)), c2s);
        c2s.flip();
        app.clear();
        server.unwrap(c2s, app);
        c2s.compact();
        app.flip();
        String atServer = StandardCharsets.US_ASCII.decode(app).toString();
        String reply = "hello from the tls4j server";
        server.wrap(ByteBuffer.wrap(reply.getBytes(StandardCharsets.US_ASCII)), s2c);
        s2c.flip();
        app.clear();
        client.unwrap(s2c, app);
        s2c.compact();
        app.flip();
        String atClient = StandardCharsets.US_ASCII.decode(app).toString();
        tracer.event("application_data", "server received: " + atServer, "to", "server", "text", atServer);
        tracer.event("application_data", "client received: " + atClient, "to", "client", "text", atClient);
        client.closeOutbound();
        wrapAll(client, empty, c2s);
        c2s.flip();
        TlsResult closed = server.unwrap(c2s, app);
        tracer.event("closed", "client sent close_notify; server's unwrap: " + closed.status(), "server_unwrap", String.valueOf(closed.status()));
        return atServer.equals(hello) && atClient.equals(reply) && closed.status() == TlsResult.Status.CLOSED ? 0 : 1;
    }

    private static int wrapAll(TlsEngine e, ByteBuffer src, ByteBuffer dst) throws TlsException {
        int total = 0;
        for (int i = 0; i < MAX_FLIGHTS; i++) {
            TlsResult r = e.wrap(src, dst);
            total += r.bytesProduced();
            if (r.bytesProduced() == 0) {
                break;
            }
        }
        return total;
    }
}
