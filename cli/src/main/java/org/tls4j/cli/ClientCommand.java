package org.tls4j.cli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.Callable;
import org.tls4j.KeyLogWriter;
import org.tls4j.TlsConfig;
import org.tls4j.TlsSession;
import org.tls4j.TlsSocket;
import org.tls4j.Transport;
import org.tls4j.TransportScheme;
import org.tls4j.crypto.CryptoException;
import org.tls4j.crypto.pem.Pem;
import org.tls4j.crypto.x509.Certificate;
import org.tls4j.crypto.x509.CertificateRejectedException;
import org.tls4j.crypto.x509.DefaultVerifiers;
import org.tls4j.crypto.x509.PathValidator;
import org.tls4j.crypto.x509.TrustStore;
import org.tls4j.crypto.x509.ValidationPolicy;
import org.tls4j.handshake.tls13.CertifiedKey;
import org.tls4j.starttls.StartTlsProtocol;
import org.tls4j.starttls.Upgrade;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tls4j client URL}, like {@code openssl s_client}: connects, shows the handshake as a trace
 * (each message with its decoded fields and RFC section, the key-schedule steps, the negotiated
 * parameters, the server's chain and the validation result), then copies stdin to the connection and
 * the connection to stdout. The trace goes to stderr, so stdout carries only the server's data. End of
 * stdin sends close_notify and keeps reading until the server closes too (a half-close, RFC 8446,
 * Section 6.1).
 *
 * <p>The URL is a {@link Transport} URL: {@code tls://HOST:PORT} (or {@code ssl://}, or an exact version
 * such as {@code tlsv1.3://}); with {@code --starttls PROTOCOL} a plain {@code tcp://HOST:PORT} (or
 * {@code HOST:PORT}) that is upgraded after the protocol's preamble.
 *
 * <p>Exit codes: 0 after a clean close; 1 when the connection, preamble or handshake fails (the reason
 * in plain words, with the alert); 2 for bad arguments or a request refused before connecting.
 */
@Command(name = "client", mixinStandardHelpOptions = true,
        description = "Connect to a TLS server, trace the handshake, then pipe stdin/stdout.")
final class ClientCommand implements Callable<Integer> {
    private final Io io;

    @Parameters(index = "0", paramLabel = "URL",
            description = "tls://HOST:PORT (also ssl://, tlsv1.3:// ...); with --starttls: tcp://HOST:PORT or HOST:PORT.")
    String url;

    @Option(names = "--starttls", paramLabel = "PROTOCOL",
            description = "Connect in plain text, run the protocol's STARTTLS preamble, then upgrade: smtp, imap, pop3, ftp, xmpp, ldap, postgres.")
    String starttls;

    @Option(names = "--cafile", paramLabel = "PEM", description = "Trust anchors (PEM certificates) instead of the system CA bundle.")
    File cafile;

    @Option(names = "--servername", paramLabel = "NAME",
            description = "The name sent in server_name and checked against the certificate (default: HOST; for an IP address no server_name is sent and the address is checked).")
    String serverName;

    @Option(names = "--insecure", description = "Do not validate the server's certificate chain or name (warns loudly).")
    boolean insecure;

    @Option(names = "--cert", paramLabel = "PEM", description = "Client certificate chain, leaf first (PEM), for client authentication.")
    File cert;

    @Option(names = "--key", paramLabel = "PEM", description = "The client certificate's private key (PEM: PKCS#8, PKCS#1 or SEC1).")
    File key;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "15",
            description = "Connect, preamble and handshake timeout (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Mixin
    CommonOptions common = new CommonOptions();

    ClientCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        Transport t;
        StartTlsProtocol proto = null;
        List<Certificate> anchors;
        String name;
        TlsConfig config;
        Tracer tracer;
        KeyLogWriter keyLog = null;
        try {
            t = Transport.parse(url);
            if (starttls != null) {
                proto = StartTlsProtocol.forName(starttls);
                if (t.scheme() != TransportScheme.TCP) {
                    throw new IllegalArgumentException("--starttls upgrades a plain connection: give tcp://" + t.host()
                            + ":" + t.port() + " (or " + t.host() + ":" + t.port() + "), not " + t.scheme());
                }
            } else if (!t.scheme().isSecure()) {
                throw new IllegalArgumentException(t.scheme() + " is a plain transport: use tls://" + t.host() + ":"
                        + t.port() + ", or add --starttls PROTOCOL to upgrade it");
            }
            if (timeoutSeconds < 0) {
                throw new IllegalArgumentException("--timeout must not be negative");
            }
            TlsConfig.Builder b = TlsConfig.builder();
            if (common.versions == null && t.scheme().isExactVersion()) {
                // tlsv1.2:// and friends mean exactly that version (SSL 2.0/3.0 are refused here)
                List<org.tls4j.record.ProtocolVersion> v = t.versionsToOffer(t.scheme().namedVersions());
                b.versions(v.toArray(new org.tls4j.record.ProtocolVersion[0]));
            }
            common.apply(b);
            anchors = cafile != null ? TrustStore.fromPemFile(cafile) : TrustStore.system();
            b.trustAnchors(anchors);
            name = serverName != null ? serverName : t.host();
            b.serverName(name);
            if ((cert == null) != (key == null)) {
                throw new IllegalArgumentException("--cert and --key go together");
            }
            if (cert != null) {
                b.certificate(CertifiedKey.fromPem(Pem.read(cert), Pem.read(key)));
            }
            if (insecure) {
                b.insecureSkipCertificateVerification();
            }
            keyLog = common.openKeyLog(io, io.err);
            tracer = common.tracer(io.err, keyLog);
            b.listener(tracer);
            config = b.build();
            if (t.scheme().isSecure()) {
                List<org.tls4j.record.ProtocolVersion> offer = t.versionsToOffer(config.versions());
                if (!offer.containsAll(config.versions())) {
                    throw new IllegalArgumentException(t.scheme() + " means " + offer + ", but --versions asks for "
                            + config.versions() + ": use ssl:// or tls://, or narrow --versions");
                }
            }
        } catch (IllegalArgumentException | IOException | CryptoException e) {
            closeQuietly(keyLog);
            io.err.println(common.json ? Json.event("error").put("message", e.getMessage()).put("exit_code", 2).toString()
                    : "tls4j client: " + e.getMessage());
            return 2;
        }
        try {
            return connect(t, proto, name, anchors, config, tracer);
        } finally {
            closeQuietly(keyLog);
        }
    }

    private int connect(Transport t, StartTlsProtocol proto, String name, List<Certificate> anchors, TlsConfig config,
            Tracer tracer) {
        if (insecure) {
            tracer.warning("--insecure: the server's certificate chain and name are NOT checked; anyone on the path"
                    + " can read and change this connection.");
        }
        tracer.secretsWarning();
        int timeout = timeoutSeconds * 1000;
        tracer.connecting(t.format(), t.host(), t.port(), proto == null ? null : proto.cliName());
        TlsSocket s = null;
        try {
            if (proto != null) {
                Socket plain = t.openSocket(timeout);
                try {
                    plain.setSoTimeout(timeout);
                    Upgrade u = proto.client(plain, name);
                    tracer.eventWithLines("starttls", "transcript", u.transcript(),
                            "STARTTLS preamble (" + proto.cliName() + "), then TLS on the same connection:");
                    s = TlsSocket.upgrade(u, config, true);
                } catch (IOException | RuntimeException e) {
                    plain.close();
                    throw e;
                }
                s.setHandshakeTimeout(timeout);
                s.startHandshake();
            } else {
                s = t.open(config, timeout);
            }
            s.setSoTimeout(0);
            TlsSession session = s.session();
            tracer.negotiated(session);
            tracer.chain("server certificate chain:", session.peerCertificates());
            validation(tracer, session.peerCertificates(), anchors, name);
            tracer.note("--- handshake done: stdin goes to the server, the server's data to stdout");
            return pipe(s, tracer);
        } catch (IOException | RuntimeException e) {
            String why = Failures.describe(e);
            if (proto == null && (why.contains("STARTTLS") || why.contains("AUTH TLS"))) {
                why += "\n  with this command: tls4j client tcp://" + t.host() + ":" + t.port() + " --starttls PROTOCOL"
                        + " (smtp, imap, pop3, ftp, xmpp, ldap, postgres)";
            }
            tracer.error("client", "connection to " + t.format() + " failed: " + why, 1);
            return 1;
        } finally {
            closeQuietly(s);
        }
    }

    /** The engine's own check passed, or (with --insecure) what a check would say. */
    private void validation(Tracer tracer, List<Certificate> chain, List<Certificate> anchors, String name) {
        if (!insecure) {
            tracer.validation("ok", "OK (chain to one of " + anchors.size() + " trust anchors, name " + name + " matches)");
            return;
        }
        try {
            new PathValidator(anchors, DefaultVerifiers.INSTANCE).validate(chain,
                    ValidationPolicy.defaults().withHostname(name));
            tracer.validation("not_enforced", "would pass, but was NOT enforced (--insecure)");
        } catch (CertificateRejectedException e) {
            tracer.validation("failed_ignored", "FAILED and ignored (--insecure): " + e.getMessage());
        }
    }

    /** stdin → connection on a helper thread; connection → stdout here until the server closes. */
    private int pipe(TlsSocket s, Tracer tracer) throws IOException {
        final IOException[] sendFailure = new IOException[1];
        final long[] sent = new long[1];
        final OutputStream tout = s.getOutputStream();
        Thread sender = new Thread(() -> {
            byte[] buf = new byte[16384];
            try {
                InputStream in = io.in;
                int n;
                while ((n = in.read(buf)) > 0) {
                    tout.write(buf, 0, n);
                    synchronized (sent) {
                        sent[0] += n;
                    }
                }
                s.shutdownOutput(); // close_notify; keep reading (RFC 8446, Section 6.1)
            } catch (IOException e) {
                if (!s.isClosed()) {
                    sendFailure[0] = e;
                }
            }
        }, "tls4j-client-stdin");
        sender.setDaemon(true);
        sender.start();
        long received = 0;
        byte[] buf = new byte[16384];
        InputStream tin = s.getInputStream();
        int n;
        while ((n = tin.read(buf, 0, buf.length)) >= 0) {
            io.out.write(buf, 0, n);
            io.out.flush();
            received += n;
        }
        try {
            sender.join(200); // let a finishing stdin send its last bytes and close_notify
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long total;
        synchronized (sent) {
            total = sent[0];
        }
        tracer.closed("--- the server closed the connection (" + total + " bytes sent, " + received + " received)", total,
                received);
        if (sendFailure[0] != null) {
            throw sendFailure[0];
        }
        return 0;
    }

    private static void closeQuietly(java.io.Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // nothing left to do
            }
        }
    }
}
