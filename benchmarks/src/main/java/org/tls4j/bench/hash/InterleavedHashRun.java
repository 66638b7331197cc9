package org.tls4j.bench.hash;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.tls4j.crypto.hash.Sha256;
import org.tls4j.crypto.hash.Sha384;
import org.tls4j.crypto.mac.Hmac;

/**
 * A companion harness to the JMH benchmarks for a shared, loaded machine: JMH runs one benchmark after
 * the other, so a change in background load between them shows up as a difference between libraries.
 * This harness instead interleaves tls4j, Bouncy Castle and the JDK in short rounds (about 50 ms each)
 * and reports the median of each, so all three see the same load. It is not a substitute for JMH (no
 * forking, no blackholes beyond a checksum); it answers "which is faster, and by roughly how much".
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.tls4j.bench.hash.InterleavedHashRun [rounds]}
 */
public final class InterleavedHashRun {
    private static long sink;

    private InterleavedHashRun() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        Random rnd = new Random(3);
        for (int size : new int[] {1024, 16384}) {
            byte[] data = new byte[size];
            rnd.nextBytes(data);
            int reps = Math.max(1, (3 << 20) / size); // about 3 MiB per round
            report("SHA-256, " + size + " B", size, reps, rounds, new Runnable[] {
                sha256Tls4j(data), sha256Bc(data), jdk("SHA-256", data)});
            report("SHA-384, " + size + " B", size, reps, rounds, new Runnable[] {
                sha384Tls4j(data), sha384Bc(data), jdk("SHA-384", data)});
        }
        byte[] key = new byte[32];
        byte[] msg = new byte[64];
        rnd.nextBytes(key);
        rnd.nextBytes(msg);
        report("HMAC-SHA256, 64 B", 0, 20000, rounds, new Runnable[] {hmacTls4j(key, msg), hmacBc(key, msg),
            hmacJdk(key, msg)});
        System.out.println("(checksum " + sink + ")");
    }

    private static void report(String what, int size, int reps, int rounds, Runnable[] impls) {
        String[] names = {"tls4j", "Bouncy Castle", "JDK"};
        double[][] rates = new double[impls.length][rounds];
        for (int r = -5; r < rounds; r++) { // five warm-up rounds
            for (int i = 0; i < impls.length; i++) {
                long t0 = System.nanoTime();
                for (int k = 0; k < reps; k++) {
                    impls[i].run();
                }
                double secs = (System.nanoTime() - t0) / 1e9;
                if (r >= 0) {
                    rates[i][r] = reps / secs;
                }
            }
        }
        StringBuilder sb = new StringBuilder(what + ":");
        for (int i = 0; i < impls.length; i++) {
            double[] s = rates[i].clone();
            Arrays.sort(s);
            double median = s[s.length / 2];
            sb.append(size > 0 ? String.format("  %s %.0f MB/s", names[i], median * size / 1e6)
                    : String.format("  %s %.0f ops/s", names[i], median));
        }
        System.out.println(sb);
    }

    private static Runnable sha256Tls4j(byte[] d) {
        Sha256 h = new Sha256();
        byte[] out = new byte[32];
        return () -> {
            h.update(d, 0, d.length);
            h.digest(out, 0);
            sink += out[0];
        };
    }

    private static Runnable sha384Tls4j(byte[] d) {
        Sha384 h = new Sha384();
        byte[] out = new byte[48];
        return () -> {
            h.update(d, 0, d.length);
            h.digest(out, 0);
            sink += out[0];
        };
    }

    private static Runnable sha256Bc(byte[] d) {
        SHA256Digest h = new SHA256Digest();
        byte[] out = new byte[32];
        return () -> {
            h.update(d, 0, d.length);
            h.doFinal(out, 0);
            sink += out[0];
        };
    }

    private static Runnable sha384Bc(byte[] d) {
        SHA384Digest h = new SHA384Digest();
        byte[] out = new byte[48];
        return () -> {
            h.update(d, 0, d.length);
            h.doFinal(out, 0);
            sink += out[0];
        };
    }

    private static Runnable jdk(String alg, byte[] d) throws Exception {
        MessageDigest h = MessageDigest.getInstance(alg);
        return () -> {
            h.update(d, 0, d.length);
            sink += h.digest()[0];
        };
    }

    private static Runnable hmacTls4j(byte[] key, byte[] msg) {
        Hmac m = new Hmac(new Sha256(), key);
        byte[] out = new byte[32];
        return () -> {
            m.update(msg, 0, msg.length);
            m.doFinal(out, 0);
            sink += out[0];
        };
    }

    private static Runnable hmacBc(byte[] key, byte[] msg) {
        HMac m = new HMac(new SHA256Digest());
        m.init(new KeyParameter(key));
        byte[] out = new byte[32];
        return () -> {
            m.update(msg, 0, msg.length);
            m.doFinal(out, 0);
            sink += out[0];
        };
    }

    private static Runnable hmacJdk(byte[] key, byte[] msg) throws Exception {
        Mac m = Mac.getInstance("HmacSHA256");
        m.init(new SecretKeySpec(key, "HmacSHA256"));
        byte[] out = new byte[32];
        return () -> {
            m.update(msg, 0, msg.length);
            try {
                m.doFinal(out, 0);
            } catch (javax.crypto.ShortBufferException e) {
                throw new IllegalStateException(e);
            }
            sink += out[0];
        };
    }
}
