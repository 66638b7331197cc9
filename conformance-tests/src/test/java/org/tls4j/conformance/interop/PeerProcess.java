package org.tls4j.conformance.interop;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An external peer program (openssl, gnutls-serv, gnutls-cli) run for one test: its standard output
 * and error are captured by two reader threads, readiness is awaited by matching a line of its output
 * with a deadline, and {@link #close()} always ends it (destroy, then destroyForcibly) and joins the
 * readers. Use it in try-with-resources so a failing test cannot leave a server behind.
 */
final class PeerProcess implements AutoCloseable {
    private final String name;
    private final List<String> command;
    private final Process process;
    private final StringBuffer out = new StringBuffer();
    private final StringBuffer err = new StringBuffer();
    private final Thread outReader;
    private final Thread errReader;

    private PeerProcess(String name, List<String> command, Process process) {
        this.name = name;
        this.command = command;
        this.process = process;
        this.outReader = pump(process.getInputStream(), out, name + "-stdout");
        this.errReader = pump(process.getErrorStream(), err, name + "-stderr");
    }

    /** Starts {@code command} (program path first) in {@code dir}. */
    static PeerProcess start(String name, File dir, List<String> command) throws IOException {
        return start(name, dir, command, null);
    }

    /** Starts {@code command} with its standard input read from {@code stdin} (a file), if not null. */
    static PeerProcess start(String name, File dir, List<String> command, File stdin) throws IOException {
        return start(name, dir, command, stdin, null);
    }

    /** As {@link #start(String, File, List, File)}, with extra environment variables if {@code env} is not null. */
    static PeerProcess start(String name, File dir, List<String> command, File stdin, java.util.Map<String, String> env)
            throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir);
        if (stdin != null) {
            pb.redirectInput(stdin);
        }
        pb.environment().put("LC_ALL", "C");
        if (env != null) {
            pb.environment().putAll(env);
        }
        return new PeerProcess(name, new ArrayList<>(command), pb.start());
    }

    private Thread pump(InputStream in, StringBuffer sink, String threadName) {
        Thread t = new Thread(() -> {
            byte[] b = new byte[8192];
            try {
                int n;
                while ((n = in.read(b)) > 0) {
                    synchronized (this) {
                        sink.append(new String(b, 0, n, StandardCharsets.ISO_8859_1));
                        notifyAll();
                    }
                }
            } catch (IOException e) {
                // the process ended or was killed: what was read so far stays in the buffer
            }
            synchronized (this) {
                notifyAll();
            }
        }, threadName);
        t.setDaemon(true);
        t.start();
        return t;
    }

    String name() {
        return name;
    }

    String commandLine() {
        return String.join(" ", command);
    }

    /** What the peer printed on standard output so far. */
    String out() {
        return out.toString();
    }

    /** What the peer printed on standard error so far. */
    String err() {
        return err.toString();
    }

    /** Both streams, for failure messages. */
    String transcript() {
        return "$ " + commandLine() + "\n--- stdout ---\n" + tail(out()) + "\n--- stderr ---\n" + tail(err());
    }

    private static String tail(String s) {
        return s.length() <= 6000 ? s : "[... " + (s.length() - 6000) + " chars]\n" + s.substring(s.length() - 6000);
    }

    OutputStream stdin() {
        return process.getOutputStream();
    }

    /** Writes {@code text} to the peer's standard input and flushes it. */
    void send(String text) throws IOException {
        OutputStream o = process.getOutputStream();
        o.write(text.getBytes(StandardCharsets.ISO_8859_1));
        o.flush();
    }

    /**
     * Waits until {@code p} matches the peer's stdout or stderr (each searched whole), the peer exits
     * (then a last look) or {@code timeout} passes; returns the match or throws with the transcript.
     */
    Matcher await(Pattern p, Duration timeout) throws InterruptedException {
        Matcher m = tryAwait(p, timeout);
        if (m == null) {
            throw new AssertionError(name + ": no output matching /" + p + "/ within " + timeout.toMillis() + " ms"
                    + (process.isAlive() ? "" : " (exited with " + process.exitValue() + ")") + "\n" + transcript());
        }
        return m;
    }

    /** Like {@link #await} but returns null instead of throwing. */
    Matcher tryAwait(Pattern p, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (true) {
                Matcher m = p.matcher(out);
                if (m.find()) {
                    return m;
                }
                m = p.matcher(err);
                if (m.find()) {
                    return m;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                if (!process.isAlive() && !outReader.isAlive() && !errReader.isAlive()) {
                    return null; // nothing more will come
                }
                TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
            }
        }
    }

    /** Waits for the peer to exit by itself; returns its exit code, or throws with the transcript. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + ": still running after " + timeout.toMillis() + " ms\n" + transcript());
        }
        outReader.join(2000);
        errReader.join(2000);
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Ends the peer: closes its stdin, asks it to stop, then kills it; joins the output readers. */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // already closed by the peer's exit
        }
        try {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(2, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(5, TimeUnit.SECONDS);
                }
            }
            outReader.join(2000);
            errReader.join(2000);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
