package org.tls4j.bench.aead;

import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.AEADCipher;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.tls4j.crypto.aead.Aead;
import org.tls4j.crypto.aead.AesGcm;

/**
 * One AEAD seal followed by one open of the result, per operation, for tls4j, Bouncy Castle's pure-Java
 * lightweight classes (AESEngine + GCMBlockCipher, ChaCha20Poly1305) and the JDK (SunJCE Cipher), with
 * a 13-byte AAD (as in TLS 1.2) and a fresh nonce per operation (GCM implementations refuse to reuse
 * one). MB/s of message = ops/s * size / 10^6.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AeadBench {
    @Param({"AES-128-GCM", "AES-256-GCM", "ChaCha20-Poly1305"})
    public String alg;

    @Param({"tls4j", "bc", "jdk"})
    public String impl;

    @Param({"1024", "16384"})
    public int size;

    private byte[] key;
    private final byte[] nonce = new byte[12];
    private final byte[] aad = new byte[13];
    private byte[] msg;
    private byte[] ct;
    private byte[] pt;
    private long counter;

    private Aead tls4j;
    private AEADCipher bc;
    private Cipher jdkEnc;
    private Cipher jdkDec;
    private SecretKeySpec jdkKey;

    @Setup
    public void setup() throws Exception {
        boolean chacha = alg.startsWith("ChaCha");
        key = new byte[alg.equals("AES-128-GCM") ? 16 : 32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (31 * i + 7);
        }
        msg = new byte[size];
        for (int i = 0; i < size; i++) {
            msg[i] = (byte) i;
        }
        ct = new byte[size + 16];
        pt = new byte[size];
        switch (impl) {
            case "tls4j":
                tls4j = chacha ? new org.tls4j.crypto.aead.ChaCha20Poly1305(key) : new AesGcm(key);
                break;
            case "bc":
                bc = chacha ? new ChaCha20Poly1305() : GCMBlockCipher.newInstance(AESEngine.newInstance());
                // key the cipher once; later inits pass a null key to reuse the schedule and tables
                bc.init(true, new AEADParameters(new KeyParameter(key), 128, new byte[12], aad));
                break;
            case "jdk":
                String t = chacha ? "ChaCha20-Poly1305" : "AES/GCM/NoPadding";
                jdkEnc = Cipher.getInstance(t, "SunJCE");
                jdkDec = Cipher.getInstance(t, "SunJCE");
                jdkKey = new SecretKeySpec(key, chacha ? "ChaCha20" : "AES");
                break;
            default:
                throw new IllegalArgumentException(impl);
        }
    }

    private void nextNonce() {
        long c = ++counter;
        for (int i = 0; i < 8; i++) {
            nonce[4 + i] = (byte) (c >>> (8 * i));
        }
    }

    @Benchmark
    public byte sealOpen() throws Exception {
        nextNonce();
        switch (impl) {
            case "tls4j":
                tls4j.seal(nonce, 0, aad, 0, aad.length, msg, 0, size, ct, 0);
                tls4j.open(nonce, 0, aad, 0, aad.length, ct, 0, size + 16, pt, 0);
                break;
            case "bc": {
                bc.init(true, new AEADParameters(null, 128, nonce, aad));
                int n = bc.processBytes(msg, 0, size, ct, 0);
                bc.doFinal(ct, n);
                bc.init(false, new AEADParameters(null, 128, nonce, aad));
                n = bc.processBytes(ct, 0, size + 16, pt, 0);
                bc.doFinal(pt, n);
                break;
            }
            default: {
                boolean chacha = alg.startsWith("ChaCha");
                java.security.spec.AlgorithmParameterSpec spec =
                        chacha ? new IvParameterSpec(nonce) : new GCMParameterSpec(128, nonce);
                jdkEnc.init(Cipher.ENCRYPT_MODE, jdkKey, spec);
                jdkEnc.updateAAD(aad);
                jdkEnc.doFinal(msg, 0, size, ct, 0);
                jdkDec.init(Cipher.DECRYPT_MODE, jdkKey, spec);
                jdkDec.updateAAD(aad);
                jdkDec.doFinal(ct, 0, size + 16, pt, 0);
            }
        }
        return pt[size - 1];
    }
}
