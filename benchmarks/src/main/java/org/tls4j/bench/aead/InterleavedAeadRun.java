package org.tls4j.bench.aead;

import java.security.spec.AlgorithmParameterSpec;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.AEADCipher;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.tls4j.crypto.aead.Aead;
import org.tls4j.crypto.aead.AesGcm;
import org.tls4j.crypto.aead.ChaCha20Poly1305;

/**
 * Companion to {@link AeadBench} for the loaded shared machine: JMH measures one configuration after
 * another, so load changes between them look like differences between libraries. This harness runs
 * tls4j, Bouncy Castle and the JDK in alternating rounds of about 3 MiB each and prints the median
 * rate of each, so all three see the same load. Each operation is a seal followed by an open, as in
 * {@link AeadBench}. Not a replacement for JMH (no forks, a checksum instead of a blackhole).
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.tls4j.bench.aead.InterleavedAeadRun [rounds]}
 */
public final class InterleavedAeadRun {
    private static long sink;

    private InterleavedAeadRun() {}

    /** One implementation: seal then open one message with a fresh nonce. */
    interface Op {
        void run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        for (String alg : new String[] {"AES-128-GCM", "AES-256-GCM", "ChaCha20-Poly1305"}) {
            for (int size : new int[] {1024, 16384}) {
                Op[] ops = {tls4j(alg, size), bc(alg, size), jdk(alg, size)};
                int reps = Math.max(1, (3 << 20) / size);
                double[][] rates = new double[3][rounds];
                for (int r = -5; r < rounds; r++) { // five warm-up rounds
                    for (int i = 0; i < 3; i++) {
                        long t0 = System.nanoTime();
                        for (int k = 0; k < reps; k++) {
                            ops[i].run();
                        }
                        double secs = (System.nanoTime() - t0) / 1e9;
                        if (r >= 0) {
                            rates[i][r] = reps * (double) size / secs / 1e6;
                        }
                    }
                }
                StringBuilder sb = new StringBuilder(String.format("%-18s %5d B:", alg, size));
                String[] names = {"tls4j", "Bouncy Castle", "JDK"};
                double[] med = new double[3];
                for (int i = 0; i < 3; i++) {
                    double[] s = rates[i].clone();
                    Arrays.sort(s);
                    med[i] = s[s.length / 2];
                    sb.append(String.format("  %s %.1f MB/s", names[i], med[i]));
                }
                sb.append(String.format("  (tls4j/BC %.2f)", med[0] / med[1]));
                System.out.println(sb);
            }
        }
        System.out.println("(checksum " + sink + ")");
    }

    private static byte[] key(String alg) {
        byte[] k = new byte[alg.equals("AES-128-GCM") ? 16 : 32];
        for (int i = 0; i < k.length; i++) {
            k[i] = (byte) (13 * i + 1);
        }
        return k;
    }

    /** Writes a fresh counter into the last 8 bytes of the nonce. */
    private static void bump(byte[] nonce, long[] counter) {
        long c = ++counter[0];
        for (int i = 0; i < 8; i++) {
            nonce[4 + i] = (byte) (c >>> (8 * i));
        }
    }

    private static Op tls4j(String alg, int size) throws Exception {
        Aead a = alg.startsWith("ChaCha") ? new ChaCha20Poly1305(key(alg)) : new AesGcm(key(alg));
        byte[] msg = new byte[size], ct = new byte[size + 16], pt = new byte[size], aad = new byte[13];
        byte[] nonce = new byte[12];
        long[] counter = {0};
        return () -> {
            bump(nonce, counter);
            a.seal(nonce, 0, aad, 0, 13, msg, 0, size, ct, 0);
            a.open(nonce, 0, aad, 0, 13, ct, 0, size + 16, pt, 0);
            sink += pt[size - 1];
        };
    }

    private static Op bc(String alg, int size) {
        AEADCipher c = alg.startsWith("ChaCha") ? new org.bouncycastle.crypto.modes.ChaCha20Poly1305()
                : GCMBlockCipher.newInstance(AESEngine.newInstance());
        byte[] msg = new byte[size], ct = new byte[size + 16], pt = new byte[size], aad = new byte[13];
        byte[] nonce = new byte[12];
        long[] counter = {0};
        c.init(true, new AEADParameters(new KeyParameter(key(alg)), 128, new byte[12], aad));
        return () -> {
            bump(nonce, counter);
            c.init(true, new AEADParameters(null, 128, nonce, aad));
            int n = c.processBytes(msg, 0, size, ct, 0);
            c.doFinal(ct, n);
            c.init(false, new AEADParameters(null, 128, nonce, aad));
            n = c.processBytes(ct, 0, size + 16, pt, 0);
            c.doFinal(pt, n);
            sink += pt[size - 1];
        };
    }

    private static Op jdk(String alg, int size) throws Exception {
        boolean chacha = alg.startsWith("ChaCha");
        String t = chacha ? "ChaCha20-Poly1305" : "AES/GCM/NoPadding";
        Cipher enc = Cipher.getInstance(t, "SunJCE");
        Cipher dec = Cipher.getInstance(t, "SunJCE");
        SecretKeySpec k = new SecretKeySpec(key(alg), chacha ? "ChaCha20" : "AES");
        byte[] msg = new byte[size], ct = new byte[size + 16], pt = new byte[size], aad = new byte[13];
        byte[] nonce = new byte[12];
        long[] counter = {0};
        return () -> {
            bump(nonce, counter);
            AlgorithmParameterSpec spec = chacha ? new IvParameterSpec(nonce) : new GCMParameterSpec(128, nonce);
            enc.init(Cipher.ENCRYPT_MODE, k, spec);
            enc.updateAAD(aad);
            enc.doFinal(msg, 0, size, ct, 0);
            dec.init(Cipher.DECRYPT_MODE, k, spec);
            dec.updateAAD(aad);
            dec.doFinal(ct, 0, size + 16, pt, 0);
            sink += pt[size - 1];
        };
    }
}
