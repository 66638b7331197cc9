package org.tls4j.cli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tls4j.testing.Peers;

/** An {@code openssl} process for the cli tests: output captured, awaited with deadlines, always killed. */
final class OpensslPeer implements AutoCloseable {
    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final Thread reader;

    OpensslPeer(File dir, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Peers.require("openssl", "openssl").getPath());
        cmd.addAll(List.of(args));
        process = new ProcessBuilder(cmd).directory(dir).redirectErrorStream(true).start();
        reader = new Thread(() -> {
            byte[] b = new byte[4096];
            try (InputStream in = process.getInputStream()) {
                int n;
                while ((n = in.read(b)) > 0) {
                    synchronized (this) {
                        output.append(new String(b, 0, n, StandardCharsets.ISO_8859_1));
                        notifyAll();
                    }
                }
            } catch (IOException ignored) {
                // process ended
            }
            synchronized (this) {
                notifyAll();
            }
        }, "openssl-output");
        reader.setDaemon(true);
        reader.start();
    }

    String output() {
        return output.toString();
    }

    /** Waits (at most {@code seconds}) for {@code regex} in the output; throws with the output otherwise. */
    Matcher await(String regex, int seconds) throws InterruptedException {
        Pattern p = Pattern.compile(regex);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        synchronized (this) {
            while (true) {
                Matcher m = p.matcher(output);
                if (m.find()) {
                    return m;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || (!process.isAlive() && !reader.isAlive())) {
                    throw new AssertionError("openssl: no /" + regex + "/ in:\n" + output);
                }
                TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
            }
        }
    }

    void send(String s) throws IOException {
        OutputStream o = process.getOutputStream();
        o.write(s.getBytes(StandardCharsets.ISO_8859_1));
        o.flush();
    }

    void closeStdin() throws IOException {
        process.getOutputStream().close();
    }

    boolean waitFor(int seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // gone
        }
        process.destroy();
        if (!process.waitFor(2, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        reader.join(2000);
    }
}
