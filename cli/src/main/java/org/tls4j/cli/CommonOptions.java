package org.tls4j.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import org.tls4j.KeyLogWriter;
import org.tls4j.TlsConfig;
import org.tls4j.handshake.CipherSuite;
import org.tls4j.handshake.NamedGroup;
import org.tls4j.handshake.SignatureScheme;
import org.tls4j.record.ProtocolVersion;
import picocli.CommandLine.Option;

/** The protocol and output options {@code client} and {@code server} share (a picocli mixin). */
final class CommonOptions {
    @Option(names = "--versions", paramLabel = "LIST", description = "Protocol versions, comma-separated: 1.3, 1.2, 1.1, 1.0 (default 1.3,1.2).")
    String versions;

    @Option(names = "--ciphers", paramLabel = "LIST",
            description = "Cipher suites by IANA name, comma-separated, in preference order, e.g. TLS_AES_256_GCM_SHA384.")
    String ciphers;

    @Option(names = "--groups", paramLabel = "LIST",
            description = "Key-exchange groups, comma-separated, in preference order: x25519, x448, secp256r1 (P-256), secp384r1, secp521r1, ffdhe2048, ffdhe3072, ffdhe4096.")
    String groups;

    @Option(names = "--sigalgs", paramLabel = "LIST",
            description = "Signature schemes by IANA name, comma-separated, in preference order, e.g. ed25519,ecdsa_secp256r1_sha256,rsa_pss_rsae_sha256.")
    String sigalgs;

    @Option(names = "--alpn", paramLabel = "LIST", description = "ALPN protocol names, comma-separated, e.g. h2,http/1.1.")
    String alpn;

    @Option(names = "--keylog", paramLabel = "FILE",
            description = "Append the session secrets in the NSS key log format (SSLKEYLOGFILE) to FILE; Wireshark then decrypts a capture. INSECURE. Without it the SSLKEYLOGFILE environment variable is honoured.")
    String keylog;

    @Option(names = "--json", description = "Write the trace as JSON, one object per line and event (\"event\" names the kind).")
    boolean json;

    @Option(names = "--trace", description = "Show more: state changes and byte strings in full.")
    boolean trace;

    @Option(names = "--quiet", description = "Show only errors (and, for the server, one line per connection).")
    boolean quiet;

    @Option(names = "--trace-secrets",
            description = "Also print the SECRET values of every key-schedule step (anyone who sees them can decrypt the connection).")
    boolean traceSecrets;

    /** Applies the protocol options to {@code b}; IllegalArgumentException for a bad name or a version the engine refuses. */
    void apply(TlsConfig.Builder b) {
        if (versions != null) {
            List<ProtocolVersion> v = ParameterNames.versions(versions);
            b.versions(v.toArray(new ProtocolVersion[0]));
        }
        if (ciphers != null) {
            // TLS 1.3 suites (0x13xx) and TLS 1.0-1.2 suites are configured separately; each list is set
            // only when the option names at least one suite of its kind.
            List<CipherSuite> s13 = new java.util.ArrayList<>();
            List<CipherSuite> s12 = new java.util.ArrayList<>();
            for (CipherSuite s : ParameterNames.suites(ciphers)) {
                (s.code >> 8 == 0x13 ? s13 : s12).add(s);
            }
            if (!s13.isEmpty()) {
                b.cipherSuites(s13.toArray(new CipherSuite[0]));
            }
            if (!s12.isEmpty()) {
                b.tls12CipherSuites(s12.toArray(new CipherSuite[0]));
            }
        }
        if (groups != null) {
            List<NamedGroup> g = ParameterNames.groups(groups);
            b.groups(g.toArray(new NamedGroup[0]));
        }
        if (sigalgs != null) {
            List<SignatureScheme> s = ParameterNames.schemes(sigalgs);
            b.signatureSchemes(s.toArray(new SignatureScheme[0]));
        }
        if (alpn != null) {
            b.alpnProtocols(ParameterNames.alpn(alpn).toArray(new String[0]));
        }
    }

    /** The key log file: --keylog, else $SSLKEYLOGFILE, else null. */
    String keyLogPath(Io io) {
        if (keylog != null) {
            return keylog;
        }
        String env = io.env.get("SSLKEYLOGFILE");
        return env == null || env.isEmpty() ? null : env;
    }

    /** The tracer these options ask for, writing to {@code out}, with the key log (or null). */
    Tracer tracer(PrintStream out, KeyLogWriter keyLog) {
        if (quiet && (trace || traceSecrets)) {
            throw new IllegalArgumentException("--quiet contradicts --trace and --trace-secrets");
        }
        Tracer.Level level = quiet ? Tracer.Level.QUIET : trace ? Tracer.Level.TRACE : Tracer.Level.NORMAL;
        return new Tracer(out, json, level, traceSecrets, keyLog, "");
    }

    /** Opens the key log (null when none is asked for), telling the user loudly where it goes. */
    KeyLogWriter openKeyLog(Io io, PrintStream out) throws IOException {
        String path = keyLogPath(io);
        if (path == null) {
            return null;
        }
        KeyLogWriter w = new KeyLogWriter(path);
        String msg = "writing session secrets to the key log " + path + (keylog == null ? " (SSLKEYLOGFILE)" : "")
                + ": whoever reads it can decrypt these connections";
        out.println(json ? Json.event("warning").put("message", msg).toString() : "WARNING: " + msg);
        out.flush();
        return w;
    }
}
