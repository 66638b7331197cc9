package org.tls4j.bench.hash;

import java.security.MessageDigest;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.tls4j.crypto.hash.Sha256;
import org.tls4j.crypto.hash.Sha384;

/**
 * SHA-256 and SHA-384 throughput: tls4j vs Bouncy Castle's pure-Java digests vs the JDK's
 * MessageDigest (SUN provider; HotSpot may use SHA intrinsics there). One operation hashes
 * {@code size} bytes; MB/s = ops/s * size / 10^6.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HashBenchmark {
    @Param({"1024", "16384"})
    public int size;

    private byte[] data;
    private final byte[] out = new byte[64];
    private final Sha256 tls4jSha256 = new Sha256();
    private final Sha384 tls4jSha384 = new Sha384();
    private final SHA256Digest bcSha256 = new SHA256Digest();
    private final SHA384Digest bcSha384 = new SHA384Digest();
    private MessageDigest jdkSha256;
    private MessageDigest jdkSha384;

    @Setup
    public void setup() throws Exception {
        data = new byte[size];
        new Random(1).nextBytes(data);
        jdkSha256 = MessageDigest.getInstance("SHA-256");
        jdkSha384 = MessageDigest.getInstance("SHA-384");
    }

    @Benchmark
    public byte[] sha256Tls4j() {
        tls4jSha256.update(data, 0, size);
        tls4jSha256.digest(out, 0);
        return out;
    }

    @Benchmark
    public byte[] sha256Bc() {
        bcSha256.update(data, 0, size);
        bcSha256.doFinal(out, 0);
        return out;
    }

    @Benchmark
    public byte[] sha256Jdk() throws Exception {
        jdkSha256.update(data, 0, size);
        jdkSha256.digest(out, 0, 32);
        return out;
    }

    @Benchmark
    public byte[] sha384Tls4j() {
        tls4jSha384.update(data, 0, size);
        tls4jSha384.digest(out, 0);
        return out;
    }

    @Benchmark
    public byte[] sha384Bc() {
        bcSha384.update(data, 0, size);
        bcSha384.doFinal(out, 0);
        return out;
    }

    @Benchmark
    public byte[] sha384Jdk() throws Exception {
        jdkSha384.update(data, 0, size);
        jdkSha384.digest(out, 0, 48);
        return out;
    }
}
