package org.tls4j.bench.tls;

import java.security.Provider;
import java.util.ArrayList;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The JMH view of the bulk scenarios of {@link TlsSideBySide} (same classes, same checks in setup):
 * one 16 KiB record written by the client and read by the server per operation, over an established
 * connection (MB/s = ops/s x 16384 / 10^6). Run with {@code -prof gc} for the allocation per record. Peers: 0 tls4j, 1 SunJSSE, 2 BC low-level, 3 BCJSSE. On this shared machine the harness's
 * interleaved medians are the figures to trust; this class is the cross-check.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TlsRecordBench {
    @Param({"0", "1", "2", "3"})
    public int peer;

    @Param({"TLS13_BULK_AES128GCM", "TLS13_BULK_CHACHA20"})
    public String scenario;

    private Peer p;
    private Peer.Conn conn;
    private final byte[] payload = new byte[16384];

    @Setup
    public void setup() throws Exception {
        TlsSideBySide.jsseProperties();
        new Random(42).nextBytes(payload);
        Provider bcJce = new BouncyCastleProvider();
        Scenario s = Scenario.valueOf(scenario);
        if (!s.bulk()) {
            throw new IllegalArgumentException(scenario + " is not a bulk scenario (TlsHandshakeBench runs it)");
        }
        p = TlsSideBySide.create(peer, s, new Pki(), new BouncyCastleJsseProvider(bcJce), bcJce);
        conn = TlsSideBySide.check(p, payload, new ArrayList<>());
    }

    @Benchmark
    public int record() throws Exception {
        int got = conn.send(payload, payload.length);
        if (got != payload.length) {
            throw new IllegalStateException("received " + got);
        }
        return got;
    }
}
