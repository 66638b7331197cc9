package org.tls4j;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tls4j.crypto.pem.Pem;
import org.tls4j.handshake.CipherSuite;
import org.tls4j.record.ProtocolVersion;
import org.tls4j.testing.Hex;
import org.tls4j.testing.SeededRandomSource;

/**
 * One recorded TLS 1.2 session between a tls4j engine and OpenSSL, as stored in
 * {@code src/test/resources/recorded12/*.flow} (format in that directory's README.md). The flows are
 * written by {@link RecordTls12FlowsTest} and replayed byte for byte by {@link ReplayTls12FlowsTest}.
 *
 * <p>The tls4j side is fully determined by the flow's header: its configuration ({@link #config()}: one
 * version, one suite, the stored certificate, a {@link SeededRandomSource} of {@code seed}, a clock fixed
 * at {@code clock}) and the peer's records, fed in the recorded order. The event list is what the tls4j
 * engine did: {@code out} (bytes one wrap round produced), {@code in} (one record from OpenSSL, unwrapped),
 * {@code write} (plaintext the application handed to the next wrap), {@code read} (plaintext the
 * application received since the last {@code read}), {@code close} (closeOutbound before the next wrap).
 */
final class Tls12Flow {
    /** One step of the recorded conversation. */
    record Event(String kind, byte[] data) {}

    /** What the recorder and the replay need to know about each flow, besides the events. */
    record Spec(String name, boolean tls4jIsClient, CipherSuite suite, String opensslCipher, String certificate,
            long seed) {}

    /** The recorded flows: one per key exchange and tls4j side. */
    static final List<Spec> SPECS = List.of(
            new Spec("client-ecdhe-ecdsa-chacha20-poly1305", true,
                    CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, "ECDHE-ECDSA-CHACHA20-POLY1305", "ecdsa", 1201),
            new Spec("client-ecdhe-rsa-aes128-gcm-sha256", true,
                    CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, "ECDHE-RSA-AES128-GCM-SHA256", "rsa", 1202),
            new Spec("client-dhe-rsa-aes256-gcm-sha384", true,
                    CipherSuite.TLS_DHE_RSA_WITH_AES_256_GCM_SHA384, "DHE-RSA-AES256-GCM-SHA384", "rsa", 1203),
            new Spec("client-rsa-aes128-cbc-sha256", true,
                    CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA256, "AES128-SHA256", "rsa", 1204),
            new Spec("server-ecdhe-ecdsa-aes128-gcm-sha256", false,
                    CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, "ECDHE-ECDSA-AES128-GCM-SHA256", "ecdsa", 1211),
            new Spec("server-ecdhe-rsa-chacha20-poly1305", false,
                    CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256, "ECDHE-RSA-CHACHA20-POLY1305", "rsa", 1212),
            new Spec("server-dhe-rsa-aes128-gcm-sha256", false,
                    CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256, "DHE-RSA-AES128-GCM-SHA256", "rsa", 1213),
            new Spec("server-rsa-aes256-gcm-sha384", false,
                    CipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384, "AES256-GCM-SHA384", "rsa", 1214));

    final Spec spec;
    final Map<String, String> header;
    final List<Event> events;

    Tls12Flow(Spec spec, Map<String, String> header, List<Event> events) {
        this.spec = spec;
        this.header = header;
        this.events = events;
    }

    static Spec spec(String name) {
        for (Spec s : SPECS) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no flow spec " + name);
    }

    long clockMillis() {
        return Long.parseLong(header.get("clock"));
    }

    /** The tls4j configuration of this flow: everything deterministic. */
    TlsConfig config() throws Exception {
        return config(spec, clockMillis());
    }

    static TlsConfig config(Spec spec, long clockMillis) throws Exception {
        return config(spec, clockMillis, null);
    }

    static TlsConfig config(Spec spec, long clockMillis, org.tls4j.handshake.tls13.TlsListener listener)
            throws Exception {
        TlsConfig.Builder b = TlsConfig.builder().versions(ProtocolVersion.TLS12).tls12CipherSuites(spec.suite())
                .randomSource(new SeededRandomSource(spec.seed()))
                .clock(Clock.fixed(Instant.ofEpochMilli(clockMillis), ZoneOffset.UTC)).listener(listener);
        if (spec.tls4jIsClient()) {
            b.trustAnchors(Pem.certificates(resource("ca-cert.pem"))).serverName("localhost");
        } else {
            b.certificate(resource(spec.certificate() + "-chain.pem"), resource(spec.certificate() + "-key.pem"));
        }
        return b.build();
    }

    TlsEngine newEngine() throws Exception {
        return newEngine(null);
    }

    /** A fresh engine of this flow; {@code listener} (may be null) only observes, it draws no randomness. */
    TlsEngine newEngine(org.tls4j.handshake.tls13.TlsListener listener) throws Exception {
        TlsConfig c = config(spec, clockMillis(), listener);
        return spec.tls4jIsClient() ? TlsEngine.client(c) : TlsEngine.server(c);
    }

    static String resource(String name) throws IOException {
        try (InputStream in = Tls12Flow.class.getResourceAsStream("/recorded12/" + name)) {
            if (in == null) {
                throw new AssertionError("missing test resource recorded12/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    static Tls12Flow load(String name) throws IOException {
        Map<String, String> header = new LinkedHashMap<>();
        List<Event> events = new ArrayList<>();
        for (String raw : resource(name + ".flow").split("\n")) {
            String line = raw.trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new AssertionError("bad line in " + name + ".flow: " + line);
            }
            String k = line.substring(0, eq);
            String v = line.substring(eq + 1);
            switch (k) {
                case "out", "in", "write", "read" -> events.add(new Event(k, Hex.decode(v)));
                case "close" -> events.add(new Event(k, new byte[0]));
                default -> header.put(k, v);
            }
        }
        Spec spec = spec(header.get("name"));
        if (!spec.name().equals(name) || !spec.suite().name().equals(header.get("suite"))
                || !Boolean.toString(spec.tls4jIsClient()).equals(header.get("tls4j_is_client"))
                || !Long.toString(spec.seed()).equals(header.get("seed"))) {
            throw new AssertionError(name + ".flow header does not match its spec: " + header);
        }
        return new Tls12Flow(spec, header, events);
    }

    /** Text of a flow file: the comment lines, the header, then one line per event. */
    static String format(List<String> comments, Map<String, String> header, List<Event> events) {
        StringBuilder sb = new StringBuilder();
        for (String c : comments) {
            sb.append("# ").append(c).append('\n');
        }
        header.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        for (Event e : events) {
            sb.append(e.kind()).append('=');
            if (!e.kind().equals("close")) {
                sb.append(Hex.encode(e.data()));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    // ---- the driver shared by the recorder and the replay

    /** Calls wrap until the engine no longer asks to (one flight), returning every byte produced. */
    static byte[] wrap(TlsEngine e, ByteBuffer src) throws TlsException {
        ByteBuffer out = ByteBuffer.allocate(1 << 17);
        TlsResult r;
        do {
            r = e.wrap(src, out);
        } while ((r.bytesProduced() > 0 && e.handshakeStatus() == TlsResult.HandshakeStatus.NEED_WRAP)
                || src.hasRemaining());
        out.flip();
        byte[] b = new byte[out.remaining()];
        out.get(b);
        return b;
    }

    /** Unwraps one whole record; appends any application data to {@code app}; returns the status. */
    static TlsResult.Status unwrapRecord(TlsEngine e, byte[] record, ByteArrayOutputStream app) throws TlsException {
        ByteBuffer in = ByteBuffer.wrap(record);
        ByteBuffer dst = ByteBuffer.allocate(1 << 17);
        TlsResult.Status last = TlsResult.Status.OK;
        while (in.hasRemaining()) {
            TlsResult r = e.unwrap(in, dst);
            last = r.status();
            if (last != TlsResult.Status.OK || (r.bytesConsumed() == 0 && r.bytesProduced() == 0)) {
                break;
            }
        }
        if (in.hasRemaining() && last != TlsResult.Status.CLOSED) {
            throw new AssertionError("the engine left " + in.remaining() + " bytes of a whole record: " + last);
        }
        dst.flip();
        app.write(dst.array(), 0, dst.limit());
        return last;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
