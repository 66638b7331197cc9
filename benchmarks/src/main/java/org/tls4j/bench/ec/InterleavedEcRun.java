package org.tls4j.bench.ec;

import java.util.Arrays;
import java.util.concurrent.Callable;

/**
 * A companion to {@link EcBench} for a shared, loaded machine (the same idea as the hash module's
 * {@code InterleavedHashRun}): tls4j, Bouncy Castle and the JDK take turns in short rounds on the same
 * operation with the same keys (EcBench's setup), and the median rate of each is reported, so all three
 * see the same background load. Not a substitute for JMH; it answers "which is faster, by roughly how
 * much".
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.tls4j.bench.ec.InterleavedEcRun [rounds]}
 */
public final class InterleavedEcRun {
    private static long sink;

    private InterleavedEcRun() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        EcBench b = new EcBench();
        b.setup();
        report("X25519", 40, rounds, () -> b.x25519Tls4j()[0], () -> b.x25519Bc()[0], () -> b.x25519Jdk()[0]);
        report("P-256 ECDH", 20, rounds, () -> b.p256EcdhTls4j()[0], () -> b.p256EcdhBc().intValue(),
                () -> b.p256EcdhJdk()[0]);
        report("P-256 ECDSA sign (tls4j: + verify)", 20, rounds, () -> b.p256SignTls4j()[0],
                () -> b.p256SignBc()[0].intValue(), () -> b.p256SignJdk()[0]);
        report("P-256 ECDSA verify", 20, rounds, () -> b.p256VerifyTls4j() ? 1 : 0, () -> b.p256VerifyBc() ? 1 : 0,
                () -> b.p256VerifyJdk() ? 1 : 0);
        report("Ed25519 sign (tls4j: + verify)", 20, rounds, () -> b.ed25519SignTls4j()[0],
                () -> b.ed25519SignBc()[0], () -> b.ed25519SignJdk()[0]);
        report("Ed25519 verify", 20, rounds, () -> b.ed25519VerifyTls4j() ? 1 : 0,
                () -> b.ed25519VerifyBc() ? 1 : 0, () -> b.ed25519VerifyJdk() ? 1 : 0);
        System.out.println("(checksum " + sink + ")");
    }

    @SafeVarargs
    private static void report(String what, int reps, int rounds, Callable<? extends Number>... impls)
            throws Exception {
        String[] names = {"tls4j", "Bouncy Castle", "JDK"};
        double[][] rates = new double[impls.length][rounds];
        for (int r = -5; r < rounds; r++) { // five warm-up rounds
            for (int i = 0; i < impls.length; i++) {
                long t0 = System.nanoTime();
                for (int k = 0; k < reps; k++) {
                    sink += impls[i].call().longValue();
                }
                double secs = (System.nanoTime() - t0) / 1e9;
                if (r >= 0) {
                    rates[i][r] = reps / secs;
                }
            }
        }
        StringBuilder sb = new StringBuilder(what + ":");
        double[] med = new double[impls.length];
        for (int i = 0; i < impls.length; i++) {
            double[] s = rates[i].clone();
            Arrays.sort(s);
            med[i] = s[s.length / 2];
            sb.append(String.format("  %s %.0f ops/s", names[i], med[i]));
        }
        sb.append(String.format("  (tls4j/BC %.2f)", med[0] / med[1]));
        System.out.println(sb);
    }
}
