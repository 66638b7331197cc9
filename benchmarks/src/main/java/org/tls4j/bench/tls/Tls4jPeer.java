package org.tls4j.bench.tls;

import java.nio.ByteBuffer;
import java.util.Collections;

import org.tls4j.TlsConfig;
import org.tls4j.TlsEngine;
import org.tls4j.TlsResult;
import org.tls4j.handshake.CipherSuite;
import org.tls4j.handshake.NamedGroup;
import org.tls4j.handshake.SignatureScheme;
import org.tls4j.handshake.tls13.CertifiedKey;
import org.tls4j.record.ProtocolVersion;

/**
 * tls4j: two {@link TlsEngine}s. The client validates the chain to the root and checks the host name
 * (tls4j's defaults).
 */
final class Tls4jPeer extends Peer {
    private final TlsConfig client;
    private final TlsConfig server;
    private final ByteBuffer c2s = ByteBuffer.allocate(1 << 17);
    private final ByteBuffer s2c = ByteBuffer.allocate(1 << 17);
    private final ByteBuffer empty = ByteBuffer.allocate(0);
    private final byte[] appArray = new byte[1 << 15];
    private final ByteBuffer app = ByteBuffer.wrap(appArray);
    private ByteBuffer srcBuf;
    private static final java.lang.reflect.Method CLIENT_FOR_PEER = method(TlsEngine.class, "client", TlsConfig.class,
            String.class, int.class);
    private static final java.lang.reflect.Method IS_RESUMED = method(org.tls4j.TlsSession.class, "isResumed");

    private static java.lang.reflect.Method method(Class<?> c, String name, Class<?>... args) {
        try {
            return c.getMethod(name, args);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    Tls4jPeer(Scenario sc, Pki pki) throws Exception {
        super(sc, pki);
        if (sc.resumed() && CLIENT_FOR_PEER == null) {
            throw new UnsupportedOperationException("not yet: this tls4j build has no resumption");
        }
        // TLS 1.2 resumption goes the same way (client(config, host, port)): by ticket with the defaults,
        // by session ID when the server issues no tickets.
        Pki.Identity id = pki.of(sc);
        SignatureScheme[] schemes = {SignatureScheme.ECDSA_SECP256R1_SHA256, SignatureScheme.RSA_PSS_RSAE_SHA256};
        CipherSuite suite = CipherSuite.of(sc.suite);
        TlsConfig.Builder sb = suites(TlsConfig.builder(), sc, suite).groups(NamedGroup.X25519).signatureSchemes(schemes)
                .certificate(new CertifiedKey(id.chain, id.key));
        if (sc.mode == Scenario.Mode.SESSION_ID) {
            sb.sessionTickets(0); // TLS 1.2 by session ID: the server issues no ticket, so the client offers none
        }
        server = sb.build();
        client = suites(TlsConfig.builder(), sc, suite).groups(NamedGroup.X25519).signatureSchemes(schemes)
                .trustAnchors(Collections.singletonList(id.root)).serverName(Pki.HOST).build();
    }

    /**
     * The version and the one suite. TLS 1.2 goes through {@code tls12CipherSuites} and
     * {@code encryptThenMac(false)} (MAC-then-encrypt, as every peer here), found by reflection so that
     * this class compiles against an engine without TLS 1.2 (then the scenario is reported "not yet").
     */
    private static TlsConfig.Builder suites(TlsConfig.Builder b, Scenario sc, CipherSuite suite) throws Exception {
        if (sc.tls13()) {
            return b.versions(ProtocolVersion.TLS13).cipherSuites(suite);
        }
        try {
            b.versions(ProtocolVersion.TLS12);
            TlsConfig.Builder.class.getMethod("tls12CipherSuites", CipherSuite[].class).invoke(b, (Object) new CipherSuite[] {suite});
            TlsConfig.Builder.class.getMethod("encryptThenMac", boolean.class).invoke(b, false);
        } catch (IllegalArgumentException | NoSuchMethodException e) {
            throw new UnsupportedOperationException("not yet: this tls4j build has no TLS 1.2 engine (" + e + ")");
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new UnsupportedOperationException("not yet: this tls4j build has no TLS 1.2 engine (" + e.getCause() + ")");
        }
        return b;
    }

    @Override
    String name() {
        return "tls4j";
    }

    @Override
    Conn connect(Wire wire) throws Exception {
        // client(config) never resumes; client(config, host, port) offers a ticket from the config's
        // session cache and keeps the tickets it receives there (tls4j's defaults: 2 tickets per
        // handshake, single use).
        // (Both through reflection where they came with resumption, so that this class also compiles
        // against an engine without it.)
        TlsEngine c = scenario.resumed() ? (TlsEngine) CLIENT_FOR_PEER.invoke(null, client, Pki.HOST, 443)
                : TlsEngine.client(client);
        TlsEngine s = TlsEngine.server(server);
        c2s.clear();
        s2c.clear();
        for (int i = 0; i < 100; i++) {
            boolean done = c.handshakeStatus() == TlsResult.HandshakeStatus.NOT_HANDSHAKING
                    && s.handshakeStatus() == TlsResult.HandshakeStatus.NOT_HANDSHAKING;
            int moved = pump(c, s, wire);
            if (done && moved == 0) {
                return new C(c, s);
            }
        }
        throw new IllegalStateException("tls4j handshake did not finish");
    }

    /** One round: client output to the server, server output (including post-handshake messages) to the client. */
    private int pump(TlsEngine c, TlsEngine s, Wire wire) throws Exception {
        int p0 = c2s.position();
        c.wrap(empty, c2s);
        int moved = c2s.position() - p0;
        if (wire != null) {
            wire.clientSent(c2s.array(), p0, c2s.position() - p0);
        }
        c2s.flip();
        app.clear();
        s.unwrap(c2s, app);
        c2s.compact();
        p0 = s2c.position();
        s.wrap(empty, s2c);
        moved += s2c.position() - p0;
        if (wire != null) {
            wire.serverSent(s2c.array(), p0, s2c.position() - p0);
        }
        s2c.flip();
        app.clear();
        c.unwrap(s2c, app);
        s2c.compact();
        return moved;
    }

    @Override
    String describe(Conn conn) throws Exception {
        C x = (C) conn;
        return x.c.session().version() + " " + x.c.session().cipherSuite().name() + " " + x.c.session().group()
                + " " + x.c.session().signatureScheme() + " resumed=" + x.resumed();
    }

    private final class C implements Conn {
        TlsEngine c;
        TlsEngine s;

        C(TlsEngine c, TlsEngine s) {
            this.c = c;
            this.s = s;
        }

        @Override
        public int send(byte[] src, int len) throws Exception {
            if (srcBuf == null || srcBuf.array() != src) {
                srcBuf = ByteBuffer.wrap(src);
            }
            srcBuf.clear().limit(len);
            c2s.clear();
            while (srcBuf.hasRemaining()) {
                c.wrap(srcBuf, c2s);
            }
            c2s.flip();
            int got = 0;
            while (c2s.hasRemaining()) {
                app.clear();
                TlsResult r = s.unwrap(c2s, app);
                got += r.bytesProduced();
                if (r.status() != TlsResult.Status.OK) {
                    throw new IllegalStateException("unwrap: " + r);
                }
            }
            return got;
        }

        @Override
        public byte[] received() {
            return appArray;
        }

        @Override
        public boolean resumed() throws Exception {
            return IS_RESUMED != null && (Boolean) IS_RESUMED.invoke(c.session());
        }

        @Override
        public void dispose() {
            c = null;
            s = null;
        }

        @Override
        public void dropServer() {
            s = null;
        }
    }
}
