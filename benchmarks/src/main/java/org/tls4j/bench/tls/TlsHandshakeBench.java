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
 * The JMH view of the handshake scenarios of {@link TlsSideBySide} (same classes, same checks in
 * setup): one connection per operation, full or resumed as the scenario says. Peers: 0 tls4j, 1 SunJSSE, 2 BC low-level, 3 BCJSSE. On this shared machine the harness's
 * interleaved medians are the figures to trust; this class is the cross-check.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TlsHandshakeBench {
    @Param({"0", "1", "2", "3"})
    public int peer;

    @Param({"TLS13_ECDSA_FULL", "TLS13_RSA_FULL", "TLS13_RESUMED"})
    public String scenario;

    private Peer p;
    private final byte[] payload = new byte[16384];

    @Setup
    public void setup() throws Exception {
        TlsSideBySide.jsseProperties();
        new Random(42).nextBytes(payload);
        Provider bcJce = new BouncyCastleProvider();
        Scenario s = Scenario.valueOf(scenario);
        p = TlsSideBySide.create(peer, s, new Pki(), new BouncyCastleJsseProvider(bcJce), bcJce);
        TlsSideBySide.check(p, payload, new ArrayList<>());
    }

    @Benchmark
    public Object handshake() throws Exception {
        Peer.Conn c = p.connect(null);
        c.dispose();
        return c;
    }
}
