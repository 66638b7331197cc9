package org.tls4j.bench.tls;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.security.Provider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;

/**
 * The side-by-side TLS run (issues 8 and 9): tls4j, SunJSSE, Bouncy Castle's low-level TLS API over
 * BcTlsCrypto, and BCJSSE over BC's own JCA provider object, all as in-memory client/server pairs on
 * this one thread, in one JVM, in the same run.
 *
 * <p>A plain harness rather than JMH, because the machine is shared and the load changes by the second:
 * for every scenario the four peers take turns in short slices (the starting peer rotates every round),
 * and each figure is the median of the rounds, after warm-up rounds that are thrown away. Every peer is
 * first checked, on the bytes it really exchanged ({@link Wire}), to negotiate the scenario's version,
 * suite, group, signature scheme and resumption mode, and to deliver exactly the bytes sent; a peer
 * that cannot is reported "n/a" with the reason and not timed.
 *
 * <p>Figures: handshakes/s (one client/server pair per handshake, both sides on this thread); bulk MB/s
 * (the client writes 16 KiB per call, one record, the server reads it: seal + open on this thread;
 * MB = 10^6 bytes of application data); bytes allocated per 16 KiB record in steady state (both sides:
 * the client's wrap and the server's unwrap, from {@code ThreadMXBean.getCurrentThreadAllocatedBytes});
 * retained heap per idle established connection (N pairs kept, full GCs, heap used before and after; the
 * client side alone is measured by dropping the server halves, and what survives dropping everything is
 * per-connection state the implementation keeps elsewhere, such as session caches).
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.tls4j.bench.tls.TlsSideBySide [rounds] [sliceMillis]
 * [scenarioRegex] [memoryConnections]}; defaults 9 rounds (+3 warm-up), 250 ms, all scenarios, 200.
 */
public final class TlsSideBySide {
    private static final int RECORD = 16384;
    private static final java.util.logging.Logger BCJSSE_LOG = java.util.logging.Logger.getLogger("org.bouncycastle.jsse");

    private final int rounds;
    private final int warmup = 3;
    private final long sliceNanos;
    private final int memoryConnections;
    private final Pki pki;
    private final Provider bcJce = new BouncyCastleProvider();
    private final Provider bcJsse = new BouncyCastleJsseProvider(bcJce);
    private final byte[] payload = new byte[RECORD];
    private final List<String> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private TlsSideBySide(int rounds, long sliceMillis, int memoryConnections) throws Exception {
        this.rounds = rounds;
        this.sliceNanos = sliceMillis * 1_000_000L;
        this.memoryConnections = memoryConnections;
        this.pki = new Pki();
        new Random(42).nextBytes(payload);
    }

    /**
     * Read by SunJSSE and BCJSSE when they first load: x25519 first (the key share both clients send and
     * the group the wire check requires) and secp256r1, without which BCJSSE does not offer
     * ecdsa_secp256r1_sha256; one signature scheme per key type. Must run before any JSSE class loads.
     */
    static void jsseProperties() {
        System.setProperty("jdk.tls.namedGroups", "x25519,secp256r1");
        System.setProperty("jdk.tls.client.SignatureSchemes", "ecdsa_secp256r1_sha256,rsa_pss_rsae_sha256");
        System.setProperty("jdk.tls.server.SignatureSchemes", "ecdsa_secp256r1_sha256,rsa_pss_rsae_sha256");
        // BCJSSE logs every connection at INFO through java.util.logging.
        BCJSSE_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    public static void main(String[] args) throws Exception {
        jsseProperties();
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        long slice = args.length > 1 ? Long.parseLong(args[1]) : 250;
        Pattern filter = Pattern.compile(args.length > 2 ? args[2] : ".*");
        int mem = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        long t0 = System.nanoTime();
        TlsSideBySide run = new TlsSideBySide(rounds, slice, mem);
        System.out.printf("# %s, %s %s, %d cores, load average %.2f; %d rounds (+%d warm-up) of %d ms per peer%n",
                new java.util.Date(), System.getProperty("java.vm.name"), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), rounds, run.warmup, slice);
        for (Scenario s : Scenario.values()) {
            if (filter.matcher(s.name()).find()) {
                run.scenario(s);
            }
        }
        System.out.println();
        System.out.println("| scenario | figure | tls4j | SunJSSE | BC low-level | BCJSSE (BC provider) |");
        System.out.println("|---|---|---:|---:|---:|---:|");
        for (String r : run.rows) {
            System.out.println(r);
        }
        System.out.println();
        for (String n : run.notes) {
            System.out.println("- " + n);
        }
        System.out.printf("%n# done in %.0f s, load average %.2f%n", (System.nanoTime() - t0) / 1e9,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    static final String[] NAMES = {"tls4j", "SunJSSE", "BC low-level", "BCJSSE"};

    static Peer create(int i, Scenario s, Pki pki, Provider bcJsse, Provider bcJce) throws Exception {
        switch (i) {
            case 0: return new Tls4jPeer(s, pki);
            case 1: return new JssePeer("SunJSSE", s, pki, null, null);
            case 2: return new BcPeer(s, pki);
            default: return new JssePeer("BCJSSE", s, pki, bcJsse, bcJce);
        }
    }

    private void scenario(Scenario s) throws Exception {
        System.out.println("== " + s.title + " (" + s + ")");
        Peer[] peers = new Peer[NAMES.length];
        String[] na = new String[NAMES.length];
        Peer.Conn[] bulk = new Peer.Conn[NAMES.length];
        String only = System.getProperty("peers"); // e.g. -Dpeers=tls4j to profile one implementation
        for (int i = 0; i < peers.length; i++) {
            if (only != null && !only.contains(NAMES[i])) {
                na[i] = "not selected (-Dpeers)";
                continue;
            }
            try {
                peers[i] = create(i, s, pki, bcJsse, bcJce);
                bulk[i] = check(peers[i], payload, notes);
            } catch (Throwable e) {
                na[i] = e.getClass().getSimpleName() + ": " + e.getMessage();
                peers[i] = null;
                System.out.println("  " + NAMES[i] + ": n/a — " + na[i]);
                notes.add(s.title + ", " + NAMES[i] + ": n/a — " + na[i]);
            }
        }
        double[][] rates = new double[NAMES.length][rounds];
        for (int r = -warmup; r < rounds; r++) {
            for (int k = 0; k < peers.length; k++) {
                int i = (k + Math.floorMod(r, peers.length)) % peers.length;
                if (peers[i] == null) {
                    continue;
                }
                long nanos = r < 0 ? 3 * sliceNanos : sliceNanos; // warm-up slices are longer (JIT)
                double rate = s.bulk() ? bulkSlice(bulk[i], nanos) : handshakeSlice(peers[i], nanos);
                if (r >= 0) {
                    rates[i][r] = rate;
                }
            }
        }
        String unit = s.bulk() ? "MB/s" : "handshakes/s";
        StringBuilder row = new StringBuilder("| " + s.title + " | " + unit + " (median, p25–p75) |");
        for (int i = 0; i < peers.length; i++) {
            row.append(' ').append(peers[i] == null ? "n/a" : stats(rates[i], s.bulk())).append(" |");
        }
        rows.add(row.toString());
        System.out.println("  " + row);
        if (s.bulk()) {
            allocation(s, peers, bulk);
        }
        if (s == Scenario.TLS13_BULK_AES128GCM || s == Scenario.TLS12_BULK_AES128GCM) {
            memory(s, peers);
        }
    }

    /** The checks that make the comparison meaningful; returns a connection for the bulk scenarios. */
    static Peer.Conn check(Peer p, byte[] payload, List<String> notes) throws Exception {
        Scenario s = p.scenario;
        if (s.resumed()) {
            Wire first = new Wire();
            p.connect(first); // the full handshake that yields the session or ticket
            Wire.Seen seen = first.parse();
            if (seen.pskAccepted || !seen.serverCertificate && !s.tls13()) {
                throw new IllegalStateException("the first connection was already resumed: " + seen);
            }
        }
        Wire wire = new Wire();
        Peer.Conn c = p.connect(wire);
        Wire.Seen seen = wire.parse();
        Wire.check(s, seen, p.forcesEncryptThenMac());
        if (seen.encryptThenMac) {
            notes.add(s.title + ", " + p.name() + ": encrypt_then_mac (RFC 7366) negotiated; it cannot be switched off");
        }
        Random rnd = new Random(7);
        byte[] data = new byte[RECORD];
        for (int n : new int[] {1, 1000, RECORD}) {
            rnd.nextBytes(data);
            int got = c.send(data, n);
            if (got != n || !Arrays.equals(Arrays.copyOf(c.received(), n), Arrays.copyOf(data, n))) {
                throw new IllegalStateException("sent " + n + " bytes, the server received " + got + " (or other bytes)");
            }
        }
        if (s.resumed()) {
            // and once more, resuming from what the resumed connection left
            Wire again = new Wire();
            p.connect(again);
            Wire.check(s, again.parse(), p.forcesEncryptThenMac());
        }
        System.out.println("  " + p.name() + ": checked — wire: " + seen + "; API: " + p.describe(c));
        if (!s.bulk()) {
            return null;
        }
        for (int i = 0; i < 64; i++) {
            int got = c.send(payload, RECORD);
            if (got != RECORD || !Arrays.equals(c.received(), 0, RECORD, payload, 0, RECORD)) {
                throw new IllegalStateException("bulk record " + i + ": received other bytes");
            }
        }
        return c;
    }

    private static double handshakeSlice(Peer p, long sliceNanos) throws Exception {
        long start = System.nanoTime();
        long end = start + sliceNanos;
        int n = 0;
        long now;
        do {
            p.connect(null).dispose();
            n++;
            now = System.nanoTime();
        } while (now < end);
        return n * 1e9 / (now - start);
    }

    private double bulkSlice(Peer.Conn c, long sliceNanos) throws Exception {
        long start = System.nanoTime();
        long end = start + sliceNanos;
        long bytes = 0;
        long now;
        do {
            int got = c.send(payload, RECORD);
            if (got != RECORD) {
                throw new IllegalStateException("received " + got + " bytes of " + RECORD);
            }
            bytes += got;
            now = System.nanoTime();
        } while (now < end);
        return bytes * 1e3 / (now - start); // MB/s (10^6 bytes)
    }

    private static String stats(double[] v, boolean bulk) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        String f = bulk ? "%.1f" : "%.0f";
        return String.format(f + " (" + f + "–" + f + ")", s[n / 2], s[n / 4], s[(3 * n) / 4]);
    }

    private void allocation(Scenario s, Peer[] peers, Peer.Conn[] conns) throws Exception {
        com.sun.management.ThreadMXBean t = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        StringBuilder row = new StringBuilder("| " + s.title + " | bytes allocated per 16 KiB record, both sides |");
        for (int i = 0; i < peers.length; i++) {
            if (peers[i] == null) {
                row.append(" n/a |");
                continue;
            }
            for (int k = 0; k < 500; k++) {
                conns[i].send(payload, RECORD);
            }
            int n = 2000;
            long empty0 = t.getCurrentThreadAllocatedBytes();
            long empty1 = t.getCurrentThreadAllocatedBytes();
            long a0 = t.getCurrentThreadAllocatedBytes();
            for (int k = 0; k < n; k++) {
                conns[i].send(payload, RECORD);
            }
            long a1 = t.getCurrentThreadAllocatedBytes();
            double per = (a1 - a0 - (empty1 - empty0)) / (double) n;
            row.append(String.format(" %.0f |", per));
        }
        rows.add(row.toString());
        System.out.println("  " + row);
    }

    private void memory(Scenario s, Peer[] peers) throws Exception {
        String[] both = new String[peers.length];
        String[] client = new String[peers.length];
        String[] elsewhere = new String[peers.length];
        for (int i = 0; i < peers.length; i++) {
            if (peers[i] == null) {
                both[i] = client[i] = elsewhere[i] = "n/a";
                continue;
            }
            Peer p = peers[i];
            p.connect(null).dispose();
            Peer.Conn[] conns = new Peer.Conn[memoryConnections];
            byte[] hello = Arrays.copyOf(payload, 1024);
            long m0 = usedAfterGc();
            for (int k = 0; k < conns.length; k++) {
                conns[k] = p.connect(null);
                conns[k].send(hello, hello.length);
            }
            long m1 = usedAfterGc();
            for (Peer.Conn c : conns) {
                c.dropServer();
            }
            long m2 = usedAfterGc();
            for (Peer.Conn c : conns) {
                c.dispose();
            }
            long m3 = usedAfterGc();
            double n = conns.length;
            both[i] = String.format("%.1f", (m1 - m0) / n / 1024);
            client[i] = String.format("%.1f", (m2 - m0) / n / 1024);
            elsewhere[i] = String.format("%.1f", (m3 - m0) / n / 1024);
        }
        rows.add("| " + s.title + " | KiB retained per idle connection, client + server | " + String.join(" | ", both) + " |");
        rows.add("| " + s.title + " | … of which the client side | " + String.join(" | ", client) + " |");
        rows.add("| " + s.title + " | … still held after both engines are dropped (caches) | " + String.join(" | ", elsewhere) + " |");
        System.out.println("  memory (KiB per connection, both / client / kept elsewhere): " + Arrays.toString(both)
                + " " + Arrays.toString(client) + " " + Arrays.toString(elsewhere));
    }

    private static long usedAfterGc() throws InterruptedException {
        MemoryMXBean m = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(30);
            used = Math.min(used, m.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
