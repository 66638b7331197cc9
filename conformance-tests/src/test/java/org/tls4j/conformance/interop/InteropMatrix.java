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
    /**
     * One case that ran. {@code detail} (may be null) is the part of the parameters that the printed
     * table folds into one line: the matrix prints one line per peer, direction, suite and group, with
     * the signature schemes that ran under it.
     */
    record Row(String peer, String direction, String params, String detail, boolean pass, String reason) {
        /** A failure explained by a known bug of the peer (recorded, reported as skipped, not counted as a pass). */
        boolean knownPeerBug() {
            return !pass && reason.startsWith(KnownPeerBug.PREFIX);
        }
    }

    /**
     * Thrown by a case whose failure is a documented bug of the peer, not of tls4j. The case is listed in
     * the table as {@code KNOWN PEER BUG} with the reason, and JUnit reports it as skipped (aborted), so it
     * neither passes silently nor fails the build for the peer's fault.
     */
    static final class KnownPeerBug extends org.opentest4j.TestAbortedException {
        private static final long serialVersionUID = 1L;
        static final String PREFIX = "KNOWN PEER BUG: ";

        KnownPeerBug(String reason, Throwable cause) {
            super(PREFIX + reason, cause);
        }
    }

    private static final List<Row> ROWS = new ArrayList<>();

    /** Runs one interop case and records its outcome; rethrows its failure. */
    static void run(String peer, String direction, String params, Executable body) throws Throwable {
        run(peer, direction, params, null, body);
    }

    /** As {@link #run(String, String, String, Executable)}, with a detail folded into the line for {@code params}. */
    static void run(String peer, String direction, String params, String detail, Executable body) throws Throwable {
        try {
            body.execute();
            record(new Row(peer, direction, params, detail, true, ""));
        } catch (KnownPeerBug e) {
            record(new Row(peer, direction, params, detail, false, e.getMessage()));
            throw e;
        } catch (org.opentest4j.TestAbortedException e) {
            throw e; // skipped cases did not run: not in the table
        } catch (Throwable t) {
            String m = String.valueOf(t.getMessage());
            int nl = m.indexOf('\n');
            record(new Row(peer, direction, params, detail, false,
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

    /** A printed line: rows with the same peer, direction and parameters, folded. */
    private record Line(String peer, String direction, String params, List<Row> rows) {
        /** "pass", or "pass (all 7 schemes)" / "pass (2 schemes: a, b)", or FAIL with each failure's reason. */
        String result(int allDetails) {
            List<Row> failed = rows.stream().filter(r -> !r.pass()).toList();
            String label = failed.stream().allMatch(Row::knownPeerBug) ? "" : "FAIL ";
            if (rows.get(0).detail() == null) {
                return failed.isEmpty() ? "pass" : label + failed.get(0).reason();
            }
            String which = rows.size() == allDetails ? "all " + rows.size() + " schemes"
                    : rows.size() + " scheme" + (rows.size() == 1 ? "" : "s") + ": "
                            + String.join(", ", rows.stream().map(Row::detail).toList());
            if (failed.isEmpty()) {
                return "pass (" + which + ")";
            }
            StringBuilder sb = new StringBuilder(label + failed.size() + " of " + which + " not passed;");
            for (Row f : failed) {
                sb.append(" [").append(f.detail()).append("] ").append(f.reason());
            }
            return sb.toString();
        }
    }

    /** The table of everything recorded so far (cases sharing peer, direction and parameters on one line). */
    static synchronized String table() {
        java.util.Map<String, Line> lines = new java.util.LinkedHashMap<>();
        java.util.Set<String> details = new java.util.LinkedHashSet<>();
        for (Row r : ROWS) {
            lines.computeIfAbsent(r.peer + "\u0000" + r.direction + "\u0000" + r.params,
                    k -> new Line(r.peer, r.direction, r.params, new ArrayList<>())).rows().add(r);
            if (r.detail != null) {
                details.add(r.detail);
            }
        }
        int wp = "peer".length(), wd = "direction".length(), wa = "parameters".length();
        for (Line l : lines.values()) {
            wp = Math.max(wp, l.peer.length());
            wd = Math.max(wd, l.direction.length());
            wa = Math.max(wa, l.params.length());
        }
        String fmt = "| %-" + wp + "s | %-" + wd + "s | %-" + wa + "s | %s%n";
        StringBuilder sb = new StringBuilder();
        long pass = ROWS.stream().filter(Row::pass).count();
        long known = ROWS.stream().filter(Row::knownPeerBug).count();
        sb.append(String.format("%nInterop matrix (TLS 1.3 and TLS 1.2/1.1/1.0): %d cases ran, %d passed, %d failed, %d failed by a known"
                + " peer bug%n", ROWS.size(), pass, ROWS.size() - pass - known, known));
        if (!details.isEmpty()) {
            sb.append("(lines ending in 'schemes' ran once per signature scheme, i.e. per server key type: ")
                    .append(String.join(", ", details)).append(")\n");
        }
        sb.append(String.format(fmt, "peer", "direction", "parameters", "result"));
        sb.append(String.format(fmt, "-".repeat(wp), "-".repeat(wd), "-".repeat(wa), "------"));
        List<Line> sorted = new ArrayList<>(lines.values());
        sorted.sort(java.util.Comparator.comparing(Line::peer).thenComparing(Line::direction)); // stable: run order within
        for (Line l : sorted) {
            sb.append(String.format(fmt, l.peer, l.direction, l.params, l.result(details.size())));
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
