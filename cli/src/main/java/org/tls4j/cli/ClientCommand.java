package org.tls4j.cli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.Callable;
import org.tls4j.TlsConfig;
import org.tls4j.TlsEngine;
import org.tls4j.TlsSession;
import org.tls4j.crypto.x509.Certificate;
import org.tls4j.crypto.x509.CertificateRejectedException;
import org.tls4j.crypto.x509.DefaultVerifiers;
import org.tls4j.crypto.x509.PathValidator;
import org.tls4j.crypto.x509.TrustStore;
import org.tls4j.crypto.x509.ValidationPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tls4j client tls://HOST:PORT}: connects, shows the negotiated session and the server's chain
 * with the validation result (on stderr, so stdout carries only the peer's data), then copies stdin to
 * the connection and the connection to stdout. End of stdin sends close_notify and keeps reading until
 * the server closes too (a half-close, RFC 8446, Section 6.1). Exit code 0 after a clean close, 1 when
 * the handshake or the connection fails (the reason, with the alert, on stderr), 2 for bad arguments.
 */
@Command(name = "client", mixinStandardHelpOptions = true, description = "Connect to a TLS server, show the session, then pipe stdin/stdout.")
final class ClientCommand implements Callable<Integer> {
    private final Io io;

    @Parameters(index = "0", paramLabel = "tls://HOST:PORT", description = "The server to connect to.")
    String url;

    @Option(names = "--cafile", paramLabel = "PEM", description = "Trust anchors (PEM certificates) instead of the system CA bundle.")
    File cafile;

    @Option(names = "--servername", paramLabel = "NAME",
            description = "The name sent in server_name and checked against the certificate (default: HOST unless it is an IP address, then the address is checked).")
    String serverName;

    @Option(names = "--insecure", description = "Do not validate the server's certificate chain or name (warns loudly).")
    boolean insecure;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "15",
            description = "Connect and handshake timeout (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Mixin
    CommonOptions common = new CommonOptions();

    ClientCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        Endpoint ep;
        TlsConfig config;
        List<Certificate> anchors;
        try {
            ep = Endpoint.parse(url);
            TlsConfig.Builder b = TlsConfig.builder();
            common.apply(b);
            anchors = cafile != null ? TrustStore.fromPemFile(cafile) : TrustStore.system();
            b.trustAnchors(anchors);
            String name = serverName != null ? serverName : ep.host;
            b.serverName(name);
            if (insecure) {
                b.insecureSkipCertificateVerification();
                io.err.println("WARNING: --insecure: the server's certificate chain and name are NOT checked;"
                        + " anyone on the path can read and change this connection.");
            }
            config = b.build();
        } catch (IllegalArgumentException | IOException | org.tls4j.crypto.asn1.DerException e) {
            io.err.println("tls4j client: " + e.getMessage());
            return 2;
        }
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(ep.host, ep.port), timeoutSeconds * 1000);
            socket.setSoTimeout(timeoutSeconds * 1000);
            EngineConnection c = new EngineConnection(TlsEngine.client(config), socket);
            c.handshake();
            socket.setSoTimeout(0);
            TlsSession s = c.session();
            io.err.println("connected to " + ep + " (" + socket.getInetAddress().getHostAddress() + ")");
            SessionPrinter.print(io.err, s);
            io.err.println("server certificate chain:");
            ChainPrinter.print(io.err, s.peerCertificates());
            io.err.println("validation:       " + validation(s.peerCertificates(), anchors));
            io.err.println("---");
            io.err.flush();
            return pipe(c);
        } catch (IOException | RuntimeException e) {
            io.err.println("tls4j client: connection to " + ep + " failed: " + Failures.describe(e));
            return 1;
        } finally {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing left to do
            }
        }
    }

    /** The result to show: the engine's own check passed, or (with --insecure) what a check would say. */
    private String validation(List<Certificate> chain, List<Certificate> anchors) {
        String name = serverName != null ? serverName : Endpoint.parse(url).host;
        if (!insecure) {
            return "OK (chain to one of " + anchors.size() + " trust anchors, name " + name + " matches)";
        }
        try {
            new PathValidator(anchors, DefaultVerifiers.INSTANCE).validate(chain,
                    ValidationPolicy.defaults().withHostname(name));
            return "would pass, but was NOT enforced (--insecure)";
        } catch (CertificateRejectedException e) {
            return "FAILED and ignored (--insecure): " + e.getMessage();
        }
    }

    /** stdin → connection on a helper thread; connection → stdout here until the server closes. */
    private int pipe(EngineConnection c) throws IOException {
        final IOException[] sendFailure = new IOException[1];
        Thread sender = new Thread(() -> {
            byte[] buf = new byte[16384];
            try {
                InputStream in = io.in;
                int n;
                while ((n = in.read(buf)) > 0) {
                    c.write(buf, 0, n);
                }
                c.closeOutbound();
            } catch (IOException e) {
                if (!c.socket().isClosed()) {
                    sendFailure[0] = e;
                }
            }
        }, "tls4j-client-stdin");
        sender.setDaemon(true);
        sender.start();
        byte[] buf = new byte[16384];
        int n;
        while ((n = c.read(buf, 0, buf.length)) >= 0) {
            io.out.write(buf, 0, n);
            io.out.flush();
        }
        try {
            c.closeOutbound(); // answer the server's close_notify with ours
        } catch (IOException ignored) {
            // the server may have gone already
        }
        io.err.println("--- the server closed the connection (" + c.bytesWritten() + " bytes sent, " + c.bytesRead()
                + " received)");
        if (sendFailure[0] != null) {
            throw sendFailure[0];
        }
        return 0;
    }
}
