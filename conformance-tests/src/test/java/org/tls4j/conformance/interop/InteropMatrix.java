package org.tls4j.conformance.interop;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.function.Executable;

/**
 * The interop matrix: every interop case records here what ran (peer, direction, parameters) and how
 * it ended, and the table is printed once when the whole test run ends. Only cases that actually ran
 * appear; a failure is listed as FAIL with the first line of its reason. Register with
 * {@code @ExtendWith(InteropMatrix.class)}.
 */
public final class InteropMatrix implements BeforeAllCallback {
    record Row(String peer, String direction, String params, boolean pass, String reason) {}

    private static final List<Row> ROWS = new ArrayList<>();

    /** Runs one interop case and records its outcome; rethrows its failure. */
    static void run(String peer, String direction, String params, Executable body) throws Throwable {
        try {
            body.execute();
            record(new Row(peer, direction, params, true, ""));
        } catch (org.opentest4j.TestAbortedException e) {
            throw e; // skipped cases did not run: not in the table
        } catch (Throwable t) {
            String m = String.valueOf(t.getMessage());
            int nl = m.indexOf('\n');
            record(new Row(peer, direction, params, false,
                    t.getClass().getSimpleName() + ": " + (nl < 0 ? m : m.substring(0, nl))));
            throw t;
        }
    }

    private static synchronized void record(Row r) {
        ROWS.add(r);
    }

    static synchronized List<Row> rows() {
        return new ArrayList<>(ROWS);
    }

    /** The table of everything recorded so far. */
    static synchronized String table() {
        int wp = "peer".length(), wd = "direction".length(), wa = "parameters".length();
        for (Row r : ROWS) {
            wp = Math.max(wp, r.peer.length());
            wd = Math.max(wd, r.direction.length());
            wa = Math.max(wa, r.params.length());
        }
        String fmt = "| %-" + wp + "s | %-" + wd + "s | %-" + wa + "s | %s%n";
        StringBuilder sb = new StringBuilder();
        long pass = ROWS.stream().filter(Row::pass).count();
        sb.append(String.format("%nTLS 1.3 interop matrix: %d ran, %d passed, %d failed%n", ROWS.size(), pass,
                ROWS.size() - pass));
        sb.append(String.format(fmt, "peer", "direction", "parameters", "result"));
        sb.append(String.format(fmt, "-".repeat(wp), "-".repeat(wd), "-".repeat(wa), "------"));
        for (Row r : ROWS) {
            sb.append(String.format(fmt, r.peer, r.direction, r.params, r.pass ? "pass" : "FAIL " + r.reason));
        }
        return sb.toString();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // One printer per run, stored in the root context: closed (and so printed) when the run ends.
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(InteropMatrix.class.getName() + ".printer", k -> new Printer());
    }

    private static final class Printer implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            if (!rows().isEmpty()) {
                System.out.println(table());
            }
        }
    }
}
