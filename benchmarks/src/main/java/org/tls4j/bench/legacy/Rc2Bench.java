package org.tls4j.bench.legacy;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.RC2ParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.engines.RC2Engine;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.bouncycastle.crypto.params.RC2Parameters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.tls4j.crypto.cipher.Cbc;
import org.tls4j.crypto.cipher.legacy.Rc2;

/**
 * RC2 with a 16-byte key and 128 effective bits (the export suites' keying) side by side: tls4j's
 * constant-time {@link Rc2} (every PITABLE and MASH lookup scans its whole table), Bouncy Castle's
 * {@code RC2Engine} and the JDK's SunJCE RC2 (both index their tables directly). Key setup in ops/s and
 * CBC encryption of 1 KiB in ops/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class Rc2Bench {
    private final byte[] key = new byte[16];
    private final byte[] iv = new byte[8];
    private final byte[] data = new byte[1024];
    private final byte[] out = new byte[1024];
    private Cbc tls4jCbc;
    private CBCBlockCipher bcCbc;
    private Cipher jdkCbc;
    private SecretKeySpec jdkKey;

    @Setup
    public void setup() throws Exception {
        Random r = new Random(2268);
        r.nextBytes(key);
        r.nextBytes(iv);
        r.nextBytes(data);
        tls4jCbc = new Cbc(new Rc2(key, 128));
        bcCbc = (CBCBlockCipher) CBCBlockCipher.newInstance(new RC2Engine());
        bcCbc.init(true, new ParametersWithIV(new RC2Parameters(key, 128), iv));
        jdkKey = new SecretKeySpec(key, "RC2");
        jdkCbc = Cipher.getInstance("RC2/CBC/NoPadding", "SunJCE");
        jdkCbc.init(Cipher.ENCRYPT_MODE, jdkKey, new RC2ParameterSpec(128, iv));
    }

    @Benchmark
    public Object keySetupTls4j() throws Exception {
        return new Rc2(key, 128);
    }

    @Benchmark
    public Object keySetupBc() {
        RC2Engine e = new RC2Engine();
        e.init(true, new RC2Parameters(key, 128));
        return e;
    }

    @Benchmark
    public Object keySetupJdk() throws Exception {
        Cipher c = Cipher.getInstance("RC2/ECB/NoPadding", "SunJCE");
        c.init(Cipher.ENCRYPT_MODE, jdkKey, new RC2ParameterSpec(128));
        return c;
    }

    @Benchmark
    public byte[] cbc1KiBTls4j() throws Exception {
        tls4jCbc.encrypt(iv, 0, data, 0, data.length, out, 0);
        return out;
    }

    @Benchmark
    public byte[] cbc1KiBBc() {
        bcCbc.reset();
        for (int off = 0; off < data.length; off += 8) {
            bcCbc.processBlock(data, off, out, off);
        }
        return out;
    }

    @Benchmark
    public byte[] cbc1KiBJdk() throws Exception {
        jdkCbc.doFinal(data, 0, data.length, out, 0);
        return out;
    }
}
