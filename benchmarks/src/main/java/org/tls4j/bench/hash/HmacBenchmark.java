package org.tls4j.bench.hash;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.tls4j.crypto.hash.Sha256;
import org.tls4j.crypto.mac.Hmac;

/**
 * HMAC-SHA256 over a 64-byte message under a fixed 32-byte key (keyed once, outside the measurement):
 * tls4j Hmac vs Bouncy Castle HMac vs the JDK's javax.crypto.Mac (SunJCE). Result in ops/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HmacBenchmark {
    private final byte[] msg = new byte[64];
    private final byte[] out = new byte[32];
    private Hmac tls4j;
    private HMac bc;
    private Mac jdk;

    @Setup
    public void setup() throws Exception {
        Random r = new Random(2);
        byte[] key = new byte[32];
        r.nextBytes(key);
        r.nextBytes(msg);
        tls4j = new Hmac(new Sha256(), key);
        bc = new HMac(new SHA256Digest());
        bc.init(new KeyParameter(key));
        jdk = Mac.getInstance("HmacSHA256");
        jdk.init(new SecretKeySpec(key, "HmacSHA256"));
    }

    @Benchmark
    public byte[] hmacSha256Tls4j() {
        tls4j.update(msg, 0, 64);
        tls4j.doFinal(out, 0);
        return out;
    }

    @Benchmark
    public byte[] hmacSha256Bc() {
        bc.update(msg, 0, 64);
        bc.doFinal(out, 0);
        return out;
    }

    @Benchmark
    public byte[] hmacSha256Jdk() throws Exception {
        jdk.update(msg, 0, 64);
        jdk.doFinal(out, 0);
        return out;
    }
}
