package org.tls4j.cli;

import java.io.PrintStream;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.tls4j.TlsSession;
import org.tls4j.crypto.x509.Certificate;
import org.tls4j.handshake.Bytes;
import org.tls4j.handshake.HandshakeMessage;
import org.tls4j.handshake.tls13.KeyScheduleStep;
import org.tls4j.handshake.tls13.TlsListener;
import org.tls4j.handshake.trace.HandshakeDescriber;
import org.tls4j.handshake.trace.TraceNode;

/**
 * What the command shows of a connection, as readable text or as JSON lines ({@code --json}: one object
 * per event, keys as documented on each method). It is the {@link TlsListener} of the connection's
 * configuration: every handshake message is printed with its decoded fields and RFC section
 * ({@link HandshakeDescriber}), every key-schedule step with its RFC 8446 label, state changes with
 * {@code --trace}; the command adds the connection, negotiated parameters, chain and validation.
 *
 * <p>Secret values are printed only when {@code secrets} is set ({@code --trace-secrets}), and then with
 * a warning first. Key log lines go to the {@code keyLog} listener when there is one. Thread-safe: each
 * event is printed whole.
 */
final class Tracer implements TlsListener {
    /** How much to show. */
    enum Level {
        /** Only errors (and the peer's data). */
        QUIET,
        /** Messages with fields, key-schedule steps, parameters, chain, validation. */
        NORMAL,
        /** NORMAL plus state changes and byte strings in full. */
        TRACE
    }

    private static final HandshakeDescriber FULL = new HandshakeDescriber(1 << 20);

    private final PrintStream out;
    private final boolean json;
    private final Level level;
    private final boolean secrets;
    private final TlsListener keyLog;
    private final String prefix;
    /** The server's connection number, added to each JSON event as "conn"; 0 for none. */
    private final int conn;

    Tracer(PrintStream out, boolean json, Level level, boolean secrets, TlsListener keyLog, String prefix) {
        this(out, json, level, secrets, keyLog, prefix, 0);
    }

    private Tracer(PrintStream out, boolean json, Level level, boolean secrets, TlsListener keyLog, String prefix, int conn) {
        this.out = out;
        this.json = json;
        this.level = level;
        this.secrets = secrets;
        this.keyLog = keyLog;
        this.prefix = prefix;
        this.conn = conn;
    }

    /** The same output, key log and settings for server connection {@code id}: text lines prefixed "conn id: ". */
    Tracer forConnection(int id) {
        return new Tracer(out, json, level, secrets, keyLog, "conn " + id + ": ", id);
    }

    /** A JSON event, with "conn" for a server connection. */
    private Json ev(String event) {
        Json j = Json.event(event);
        return conn > 0 ? j.put("conn", conn) : j;
    }

    boolean isJson() {
        return json;
    }

    boolean showsTrace() {
        return level != Level.QUIET;
    }

    private void emit(String line) {
        synchronized (out) {
            if (json || prefix.isEmpty()) {
                out.println(line);
            } else {
                for (String l : line.split("\n", -1)) {
                    out.println(prefix + l);
                }
            }
            out.flush();
        }
    }

    /** A line of text in text mode (nothing in JSON mode or when quiet). */
    void note(String text) {
        if (!json && level != Level.QUIET) {
            emit(text);
        }
    }

    /** A warning: always shown, as {"event":"warning","message":...} in JSON mode. */
    void warning(String message) {
        emit(json ? ev("warning").put("message", message).toString() : "WARNING: " + message);
    }

    /** Called first when secrets will be printed. */
    void secretsWarning() {
        if (secrets) {
            warning("--trace-secrets: the key schedule's SECRET values are printed below; anyone who sees them can"
                    + " decrypt this connection. For debugging and teaching only.");
        }
    }

    // ---- TlsListener -----------------------------------------------------------------------------

    /** {"event":"handshake_message","direction":"sent"|"received","message":NAME,"msg_type":N,"section":..,"fields":[...]}. */
    @Override
    public void onHandshakeMessage(boolean sent, HandshakeMessage m) {
        if (level == Level.QUIET) {
            return;
        }
        TraceNode n = (level == Level.TRACE ? FULL : HandshakeDescriber.DEFAULT).describe(m);
        if (json) {
            emit(ev("handshake_message").put("direction", sent ? "sent" : "received").put("message", n.name)
                    .put("msg_type", m.type().code).put("section", n.section)
                    .raw("fields", Json.nodes(n.children)).toString());
            return;
        }
        StringBuilder sb = new StringBuilder();
        sb.append(sent ? "-> sent " : "<- received ").append(n.name).append("  [").append(n.section).append("]\n");
        for (TraceNode c : n.children) {
            c.render(sb, "     ");
        }
        sb.setLength(sb.length() - 1);
        emit(sb.toString());
    }

    /** {"event":"key_schedule","operation":..,"input":..,"label":..,"output":..,"length":N,"section":..[,"value":hex]}. */
    @Override
    public void onKeyScheduleStep(KeyScheduleStep s) {
        if (level == Level.QUIET) {
            return;
        }
        if (json) {
            Json j = ev("key_schedule").put("operation", s.operation).put("input", s.input).put("label", s.label)
                    .put("output", s.output).put("length", s.length()).put("section", s.section);
            if (secrets) {
                j.put("value", Bytes.hex(s.value()));
            }
            emit(j.toString());
            return;
        }
        emit("   key schedule: " + s + "  [" + s.section + "]" + (secrets ? "\n     SECRET " + Bytes.hex(s.value()) : ""));
    }

    /** {"event":"state","from":..,"to":..} (text: with --trace only). */
    @Override
    public void onStateChange(String from, String to) {
        if (json && level != Level.QUIET) {
            emit(ev("state").put("from", from).put("to", to).toString());
        } else if (level == Level.TRACE) {
            emit("   state: " + from + " -> " + to);
        }
    }

    /** Key log lines go to the key log (if any); the trace shows the key-schedule steps instead. */
    @Override
    public void onSecret(String label, byte[] clientRandom, byte[] secret) {
        if (keyLog != null) {
            keyLog.onSecret(label, clientRandom, secret);
        }
    }

    // ---- what the commands add -------------------------------------------------------------------

    /** {"event":"negotiated","version":..,"cipher_suite":..,"group":..,"signature_scheme":..,"alpn":..,"server_name":..,"hello_retry":bool}. */
    void negotiated(TlsSession s) {
        if (level == Level.QUIET) {
            return;
        }
        if (json) {
            emit(ev("negotiated").put("version", s.version().toString()).put("cipher_suite", s.cipherSuite().name())
                    .put("group", s.group() == null ? null : s.group().name())
                    .put("signature_scheme", s.signatureScheme() == null ? null : s.signatureScheme().name())
                    .put("alpn", s.applicationProtocol()).put("server_name", s.serverName())
                    .put("hello_retry", s.helloRetried()).toString());
            return;
        }
        StringBuilder sb = new StringBuilder("negotiated:\n");
        sb.append("  version:          ").append(s.version()).append('\n');
        sb.append("  cipher suite:     ").append(HandshakeDescriber.suite(s.cipherSuite())).append('\n');
        sb.append("  group:            ").append(s.group() == null ? "-" : HandshakeDescriber.group(s.group()))
                .append(s.helloRetried() ? " (after HelloRetryRequest)" : "").append('\n');
        sb.append("  signature scheme: ")
                .append(s.signatureScheme() == null ? "-" : HandshakeDescriber.scheme(s.signatureScheme())).append('\n');
        sb.append("  ALPN:             ").append(s.applicationProtocol() == null ? "-" : s.applicationProtocol()).append('\n');
        sb.append("  server name:      ").append(s.serverName() == null ? "-" : s.serverName());
        emit(sb.toString());
    }

    /** One {"event":"certificate","index":i,"subject":..,"issuer":..,"key":..,"signature_algorithm":..,"not_before":..,"not_after":..,"sha256":..} per certificate. */
    void chain(String title, List<Certificate> chain) {
        if (level == Level.QUIET) {
            return;
        }
        SimpleDateFormat f = new SimpleDateFormat("yyyy-MM-dd HH:mm:ss 'UTC'");
        f.setTimeZone(TimeZone.getTimeZone("UTC"));
        if (json) {
            for (int i = 0; i < chain.size(); i++) {
                Certificate c = chain.get(i);
                emit(ev("certificate").put("index", i).put("subject", c.subject().toString())
                        .put("issuer", c.issuer().toString()).put("key", String.valueOf(c.publicKey()))
                        .put("signature_algorithm", c.signatureAlgorithm().name())
                        .put("not_before", f.format(new Date(c.notBefore() * 1000)))
                        .put("not_after", f.format(new Date(c.notAfter() * 1000)))
                        .put("sha256", ChainPrinter.fingerprint(c)).toString());
            }
            return;
        }
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        PrintStream p = new PrintStream(buf, true);
        p.println(title);
        ChainPrinter.print(p, chain);
        String s = buf.toString();
        emit(s.endsWith("\n") ? s.substring(0, s.length() - 1) : s);
    }

    /** {"event":"validation","result":"ok"|"not_enforced"|"failed_ignored"|"none","detail":..}. */
    void validation(String result, String detail) {
        if (level == Level.QUIET) {
            return;
        }
        emit(json ? ev("validation").put("result", result).put("detail", detail).toString()
                : "validation:       " + detail);
    }

    /** {"event":"error","message":..,"exit_code":N}; always shown. */
    void error(String command, String message, int exitCode) {
        emit(json ? ev("error").put("message", message).put("exit_code", exitCode).toString()
                : "tls4j " + command + ": " + message);
    }

    /** {"event":"connecting","url":..,"host":..,"port":N,"starttls":PROTOCOL|null}. */
    void connecting(String url, String host, int port, String starttls) {
        if (level == Level.QUIET) {
            return;
        }
        emit(json ? ev("connecting").put("url", url).put("host", host).put("port", port).put("starttls", starttls).toString()
                : "connecting to " + url + (starttls != null ? " (STARTTLS " + starttls + ")" : "") + " ...");
    }

    /** {"event":"closed","bytes_sent":N,"bytes_received":N}. */
    void closed(String text, long sent, long received) {
        if (level == Level.QUIET) {
            return;
        }
        emit(json ? ev("closed").put("bytes_sent", sent).put("bytes_received", received).toString() : text);
    }

    /** A generic event with string members (name, value, name, value, ...); text mode prints {@code text}. */
    void event(String event, String text, String... members) {
        if (level == Level.QUIET && !event.equals("connection")) {
            return;
        }
        if (json) {
            Json j = ev(event);
            for (int i = 0; i + 1 < members.length; i += 2) {
                j.put(members[i], members[i + 1]);
            }
            emit(j.toString());
        } else {
            emit(text);
        }
    }

    /** A list-valued event (STARTTLS transcript). */
    void eventWithLines(String event, String key, List<String> lines, String textTitle) {
        if (level == Level.QUIET) {
            return;
        }
        if (json) {
            emit(ev(event).putStrings(key, lines).toString());
        } else {
            List<String> l = new ArrayList<String>();
            l.add(textTitle);
            for (String s : lines) {
                l.add("  " + s);
            }
            emit(String.join("\n", l));
        }
    }
}
