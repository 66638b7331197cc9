package org.tls4j.handshake.tls13;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;

import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.x509.Certificate;
import org.tls4j.crypto.x509.TestPki;
import org.tls4j.handshake.CipherSuite;
import org.tls4j.handshake.NamedGroup;
import org.tls4j.handshake.SignatureScheme;
import org.tls4j.record.TlsAlert;
import org.tls4j.testing.SeededRandomSource;

/**
 * Two TLS 1.3 machines wired back to back without a record layer: the handshake bytes each one queues
 * are handed to the other one message per "record"; key and ChangeCipherSpec outputs are noted and
 * otherwise ignored (there is no encryption to apply). A filter may rewrite each message in flight.
 */
final class MachinePair {
    static final long NOW = 1_760_000_000L;
    static final TestPki PKI = new TestPki(new SeededRandomSource(3), NOW - 3600, NOW + 86400);
    static final TestPki.Authority ROOT;
    static final CertifiedKey LEAF;

    static {
        try {
            ROOT = PKI.root("machine test root", PKI.generate(TestPki.KeyKind.EC_P256));
            TestPki.Key k = PKI.generate(TestPki.KeyKind.EC_P256);
            LEAF = new CertifiedKey(Arrays.asList(ROOT.serverLeaf(k, "localhost"), ROOT.certificate()), k);
        } catch (CryptoException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final Tls13Handshake client;
    final Tls13Handshake server;
    final List<HandshakeOutput> clientOutputs = new ArrayList<>();
    final List<HandshakeOutput> serverOutputs = new ArrayList<>();

    MachinePair(HandshakeConfig.Builder client, HandshakeConfig.Builder server) throws TlsAlert {
        this.client = Tls13Handshake.client(client.build());
        this.server = Tls13Handshake.server(server.build());
    }

    static HandshakeConfig.Builder clientConfig() {
        return base().trustAnchors(Collections.<Certificate>singletonList(ROOT.certificate())).serverName("localhost")
                .random(new SeededRandomSource(21));
    }

    static HandshakeConfig.Builder serverConfig() {
        return base().certificates(Collections.singletonList(LEAF)).random(new SeededRandomSource(22));
    }

    private static HandshakeConfig.Builder base() {
        return HandshakeConfig.builder()
                .suites(Arrays.asList(CipherSuite.TLS_AES_128_GCM_SHA256, CipherSuite.TLS_AES_256_GCM_SHA384))
                .groups(Arrays.asList(NamedGroup.X25519, NamedGroup.SECP256R1))
                .signatureSchemes(Arrays.asList(SignatureScheme.ECDSA_SECP256R1_SHA256, SignatureScheme.ED25519))
                .clock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC)).middleboxCompat(false);
    }

    /** Moves every queued message from {@code from} to {@code to}, each through {@code filter}. */
    void deliver(Tls13Handshake from, Tls13Handshake to, UnaryOperator<byte[]> filter) throws TlsAlert {
        List<HandshakeOutput> outs = from.drainOutputs();
        (from == client ? clientOutputs : serverOutputs).addAll(outs);
        for (HandshakeOutput o : outs) {
            if (o.kind == HandshakeOutput.Kind.HANDSHAKE) {
                byte[] m = filter.apply(o.bytes());
                if (m != null) {
                    to.handshakeRecord(m, 0, m.length);
                }
            }
        }
    }

    /** A whole handshake with an optional filter per direction. */
    void run(UnaryOperator<byte[]> toServer, UnaryOperator<byte[]> toClient) throws TlsAlert {
        deliver(client, server, toServer); // ClientHello
        deliver(server, client, toClient); // HRR, or ServerHello ... Finished
        deliver(client, server, toServer); // second ClientHello, or Finished
        deliver(server, client, toClient);
        deliver(client, server, toServer);
    }

    void run() throws TlsAlert {
        run(m -> m, m -> m);
    }

    /** A filter that replaces messages of handshake type {@code type} by {@code f(message)}. */
    static UnaryOperator<byte[]> onType(int type, UnaryOperator<byte[]> f) {
        return m -> (m[0] & 0xff) == type ? f.apply(m) : m;
    }

    static byte[] flipLast(byte[] m) {
        byte[] c = m.clone();
        c[c.length - 1] ^= 1;
        return c;
    }
}
