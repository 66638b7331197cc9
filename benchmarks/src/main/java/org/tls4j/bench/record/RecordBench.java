package org.tls4j.bench.record;

import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.AEADCipher;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.modes.CBCModeCipher;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.tls4j.crypto.aead.AesGcm;
import org.tls4j.crypto.cipher.AesCt64;
import org.tls4j.crypto.hash.Sha256;
import org.tls4j.crypto.rand.RandomSource;
import org.tls4j.record.Aead13Protection;
import org.tls4j.record.ContentType;
import org.tls4j.record.ProtocolVersion;
import org.tls4j.record.ReadState;
import org.tls4j.record.Record;
import org.tls4j.record.RecordMac;
import org.tls4j.record.RecordProtection;
import org.tls4j.record.TlsCbcProtection;
import org.tls4j.record.WriteState;

/**
 * One record sealed and the result opened, per operation.
 *
 * <ul>
 * <li>{@code tls4j}: the real record layer (WriteState.seal, ReadState.open), with the Lucky Thirteen
 *     countermeasure on the MAC-then-encrypt path.</li>
 * <li>{@code bc} (Bouncy Castle lightweight classes) and {@code jdk} (SunJCE): the same cryptographic work
 *     on raw primitives, with no record framing. Their MAC-then-encrypt open is the plain, NOT
 *     constant-time one: decrypt, strip the padding, MAC the content once. So the gap on {@code TLS12-CBC-MtE}
 *     shows what the countermeasure costs.</li>
 * </ul>
 * Suites: TLS 1.3 AES-128-GCM, TLS 1.2 AES-128-CBC + HMAC-SHA-256 MAC-then-encrypt and encrypt-then-MAC.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RecordBench {
    @Param({"TLS13-AES128-GCM", "TLS12-CBC-MtE", "TLS12-CBC-EtM"})
    public String suite;

    @Param({"tls4j", "bc", "jdk"})
    public String impl;

    @Param({"1024", "16384"})
    public int size;

    private static final byte[] KEY = bytes(16, 1);
    private static final byte[] MAC_KEY = bytes(32, 2);
    private static final byte[] IV = bytes(12, 3);

    private byte[] msg;
    private byte[] wire;
    private WriteState ws;
    private ReadState rs;
    private final Record rec = new Record();

    private Cipher jdkEnc;
    private Cipher jdkDec;
    private Mac jdkMac;
    private SecretKeySpec jdkKey;
    private AEADCipher bcGcm;
    private CBCModeCipher bcCbcEnc;
    private CBCModeCipher bcCbcDec;
    private HMac bcMac;
    private final byte[] tag = new byte[32];
    private final byte[] ivBytes = new byte[16];
    private long counter;

    static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (seed * 31 + i * 7);
        }
        return b;
    }

    private RecordProtection protection() throws Exception {
        RandomSource rnd = (out, off, len) -> {
            for (int i = 0; i < len; i++) {
                out[off + i] = (byte) (counter + i);
            }
        };
        switch (suite) {
            case "TLS13-AES128-GCM":
                return Aead13Protection.create(new AesGcm(KEY), IV);
            case "TLS12-CBC-MtE":
                return TlsCbcProtection.macThenEncrypt(ProtocolVersion.TLS12, new AesCt64(KEY),
                        RecordMac.hmac(new Sha256(), MAC_KEY), null, rnd, false);
            default:
                return TlsCbcProtection.encryptThenMac(ProtocolVersion.TLS12, new AesCt64(KEY),
                        RecordMac.hmac(new Sha256(), MAC_KEY), null, rnd, false);
        }
    }

    @Setup
    public void setup() throws Exception {
        msg = bytes(size, 4);
        wire = new byte[size + 200];
        switch (impl) {
            case "tls4j":
                ws = new WriteState();
                ws.setVersion(ProtocolVersion.TLS12);
                ws.setProtection(protection());
                rs = new ReadState();
                rs.setProtection(protection());
                break;
            case "bc":
                bcGcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
                bcCbcEnc = CBCBlockCipher.newInstance(AESEngine.newInstance());
                bcCbcDec = CBCBlockCipher.newInstance(AESEngine.newInstance());
                bcMac = new HMac(new SHA256Digest());
                bcMac.init(new KeyParameter(MAC_KEY));
                break;
            default:
                jdkKey = new SecretKeySpec(KEY, "AES");
                boolean gcm = suite.startsWith("TLS13");
                jdkEnc = Cipher.getInstance(gcm ? "AES/GCM/NoPadding" : "AES/CBC/NoPadding");
                jdkDec = Cipher.getInstance(gcm ? "AES/GCM/NoPadding" : "AES/CBC/NoPadding");
                jdkMac = Mac.getInstance("HmacSHA256");
                jdkMac.init(new SecretKeySpec(MAC_KEY, "HmacSHA256"));
                break;
        }
    }

    @Benchmark
    public int sealOpen() throws Exception {
        counter++;
        switch (impl) {
            case "tls4j": {
                int n = ws.seal(ContentType.APPLICATION_DATA, msg, 0, size, wire, 0);
                rec.set(wire[0] & 0xff, 0x0303, wire, 5, n - 5);
                rs.open(rec);
                return rec.length();
            }
            case "bc":
                return suite.startsWith("TLS13") ? bcGcm() : bcCbc(suite.endsWith("EtM"));
            default:
                return suite.startsWith("TLS13") ? jdkGcm() : jdkCbc(suite.endsWith("EtM"));
        }
    }

    private void nextIv() {
        for (int i = 0; i < 8; i++) {
            ivBytes[i] = (byte) (counter >>> (8 * i));
        }
    }

    private int bcGcm() throws Exception {
        nextIv();
        byte[] n = java.util.Arrays.copyOf(ivBytes, 12);
        bcGcm.init(true, new AEADParameters(new KeyParameter(KEY), 128, n, null));
        bcGcm.processAADBytes(wire, 0, 5);
        int c = bcGcm.processBytes(msg, 0, size, wire, 5);
        c += bcGcm.doFinal(wire, 5 + c);
        bcGcm.init(false, new AEADParameters(new KeyParameter(KEY), 128, n, null));
        bcGcm.processAADBytes(wire, 0, 5);
        int p = bcGcm.processBytes(wire, 5, c, wire, 5);
        return p + bcGcm.doFinal(wire, 5 + p);
    }

    private int jdkGcm() throws Exception {
        nextIv();
        byte[] n = java.util.Arrays.copyOf(ivBytes, 12);
        jdkEnc.init(Cipher.ENCRYPT_MODE, jdkKey, new GCMParameterSpec(128, n));
        jdkEnc.updateAAD(wire, 0, 5);
        int c = jdkEnc.doFinal(msg, 0, size, wire, 5);
        jdkDec.init(Cipher.DECRYPT_MODE, jdkKey, new GCMParameterSpec(128, n));
        jdkDec.updateAAD(wire, 0, 5);
        return jdkDec.doFinal(wire, 5, c, wire, 5);
    }

    /** Plain (not constant-time) MtE/EtM over BC primitives: the work a record does, without countermeasure. */
    private int bcCbc(boolean etm) throws Exception {
        nextIv();
        int body = etm ? size + 1 : size + 32 + 1;
        int enc = (body + 15) / 16 * 16;
        System.arraycopy(msg, 0, wire, 16, size);
        if (!etm) {
            bcMac.update(wire, 16, size);
            bcMac.doFinal(wire, 16 + size);
        }
        java.util.Arrays.fill(wire, 16 + body - 1, 16 + enc, (byte) (enc - body));
        bcCbcEnc.init(true, new ParametersWithIV(new KeyParameter(KEY), ivBytes));
        for (int o = 0; o < enc; o += 16) {
            bcCbcEnc.processBlock(wire, 16 + o, wire, 16 + o);
        }
        if (etm) {
            bcMac.update(wire, 0, 16 + enc);
            bcMac.doFinal(wire, 16 + enc);
            bcMac.update(wire, 0, 16 + enc);
            bcMac.doFinal(tag, 0);
        }
        bcCbcDec.init(false, new ParametersWithIV(new KeyParameter(KEY), ivBytes));
        for (int o = 0; o < enc; o += 16) {
            bcCbcDec.processBlock(wire, 16 + o, wire, 16 + o);
        }
        int pad = wire[16 + enc - 1] & 0xff;
        int content = enc - pad - 1 - (etm ? 0 : 32);
        if (!etm) {
            bcMac.update(wire, 16, content);
            bcMac.doFinal(tag, 0);
        }
        return content + tag[0];
    }

    private int jdkCbc(boolean etm) throws Exception {
        nextIv();
        int body = etm ? size + 1 : size + 32 + 1;
        int enc = (body + 15) / 16 * 16;
        System.arraycopy(msg, 0, wire, 16, size);
        if (!etm) {
            jdkMac.update(wire, 16, size);
            jdkMac.doFinal(wire, 16 + size);
        }
        java.util.Arrays.fill(wire, 16 + body - 1, 16 + enc, (byte) (enc - body));
        jdkEnc.init(Cipher.ENCRYPT_MODE, jdkKey, new IvParameterSpec(ivBytes));
        jdkEnc.doFinal(wire, 16, enc, wire, 16);
        if (etm) {
            jdkMac.update(wire, 0, 16 + enc);
            jdkMac.doFinal(wire, 16 + enc);
            jdkMac.update(wire, 0, 16 + enc);
            jdkMac.doFinal(tag, 0);
        }
        jdkDec.init(Cipher.DECRYPT_MODE, jdkKey, new IvParameterSpec(ivBytes));
        jdkDec.doFinal(wire, 16, enc, wire, 16);
        int pad = wire[16 + enc - 1] & 0xff;
        int content = enc - pad - 1 - (etm ? 0 : 32);
        if (!etm) {
            jdkMac.update(wire, 16, content);
            jdkMac.doFinal(tag, 0);
        }
        return content + tag[0];
    }
}
