package org.tls4j.bench.ec;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.concurrent.TimeUnit;
import javax.crypto.KeyAgreement;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.agreement.ECDHBasicAgreement;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.tls4j.crypto.ec.EcCurve;
import org.tls4j.crypto.ec.EcPrivateKey;
import org.tls4j.crypto.ec.EcPublicKey;
import org.tls4j.crypto.ec.EcdsaSigner;
import org.tls4j.crypto.ec.EcdsaVerifier;
import org.tls4j.crypto.ec.Ecdh;
import org.tls4j.crypto.ec.Ed25519PrivateKey;
import org.tls4j.crypto.ec.Ed25519Signer;
import org.tls4j.crypto.ec.Ed25519Verifier;
import org.tls4j.crypto.ec.SignatureEncoding;
import org.tls4j.crypto.ec.X25519;
import org.tls4j.crypto.hash.Sha256;
import org.tls4j.crypto.kex.KeyExchange;

/**
 * Elliptic-curve operations, tls4j side by side with Bouncy Castle's pure-Java lightweight classes and
 * the JDK (SunEC), one operation per invocation, fixed keys. ECDSA uses SHA-256 over a 64-byte message
 * and DER signatures everywhere; tls4j's signers verify every signature before releasing it, so their
 * sign figures include one verification.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EcBench {
    private final byte[] msg = new byte[64];

    private byte[] xPriv;
    private byte[] xPeer;
    private byte[] bcOut = new byte[32];
    private KeyAgreement jdkXdh;
    private PrivateKey jdkXPriv;
    private PublicKey jdkXPeer;

    private KeyExchange.KeyShare p256Share;
    private byte[] p256Peer;
    private ECDHBasicAgreement bcEcdh;
    private ECPublicKeyParameters bcPeer;
    private KeyAgreement jdkEcdh;
    private KeyPair jdkEcA;
    private KeyPair jdkEcB;

    private EcdsaSigner ecdsaSigner;
    private EcdsaVerifier ecdsaVerifier;
    private byte[] ecdsaSig;
    private ECDSASigner bcEcdsaSigner;
    private ECDSASigner bcEcdsaVerifier;
    private BigInteger[] bcSig;
    private Signature jdkEcdsaSign;
    private Signature jdkEcdsaVerify;
    private byte[] jdkEcdsaSig;

    private Ed25519Signer edSigner;
    private Ed25519Verifier edVerifier;
    private byte[] edSig;
    private org.bouncycastle.crypto.signers.Ed25519Signer bcEdSigner;
    private org.bouncycastle.crypto.signers.Ed25519Signer bcEdVerifier;
    private byte[] bcEdSig;
    private Signature jdkEdSign;
    private Signature jdkEdVerify;
    private byte[] jdkEdSig;

    @Setup
    public void setup() throws Exception {
        SecureRandom rnd = new SecureRandom();
        rnd.nextBytes(msg);
        org.tls4j.crypto.rand.RandomSource rs = (out, off, len) -> {
            byte[] b = new byte[len];
            rnd.nextBytes(b);
            System.arraycopy(b, 0, out, off, len);
        };

        // X25519
        xPriv = new byte[32];
        rnd.nextBytes(xPriv);
        byte[] other = new byte[32];
        rnd.nextBytes(other);
        xPeer = X25519.publicKey(other);
        KeyFactory xf = KeyFactory.getInstance("XDH");
        jdkXPriv = xf.generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, xPriv));
        byte[] be = new byte[32];
        for (int i = 0; i < 32; i++) {
            be[i] = xPeer[31 - i];
        }
        jdkXPeer = xf.generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, new BigInteger(1, be)));
        jdkXdh = KeyAgreement.getInstance("XDH");

        // P-256 ECDH
        p256Share = Ecdh.P256.generate(rs);
        EcPrivateKey peerKey = EcPrivateKey.generate(EcCurve.P256, rs);
        p256Peer = peerKey.publicKey().encoded();
        X9ECParameters x9 = CustomNamedCurves.getByName("secp256r1");
        ECDomainParameters dom = new ECDomainParameters(x9.getCurve(), x9.getG(), x9.getN(), x9.getH());
        ECPrivateKeyParameters bcPriv = new ECPrivateKeyParameters(new BigInteger(1, p256ShareScalar(rs)), dom);
        bcEcdh = new ECDHBasicAgreement();
        bcEcdh.init(bcPriv);
        bcPeer = new ECPublicKeyParameters(x9.getCurve().decodePoint(p256Peer), dom);
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        jdkEcA = g.generateKeyPair();
        jdkEcB = g.generateKeyPair();
        jdkEcdh = KeyAgreement.getInstance("ECDH");

        // P-256 ECDSA
        EcPrivateKey sk = EcPrivateKey.generate(EcCurve.P256, rs);
        ecdsaSigner = new EcdsaSigner(sk, new Sha256(), SignatureEncoding.DER);
        ecdsaVerifier = new EcdsaVerifier(sk.publicKey(), new Sha256(), SignatureEncoding.DER);
        ecdsaSig = ecdsaSigner.sign(msg);
        ECPrivateKeyParameters bcSk = new ECPrivateKeyParameters(new BigInteger(1, sk.scalar()), dom);
        bcEcdsaSigner = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        bcEcdsaSigner.init(true, bcSk);
        bcEcdsaVerifier = new ECDSASigner();
        bcEcdsaVerifier.init(false, new ECPublicKeyParameters(dom.getG().multiply(bcSk.getD()).normalize(), dom));
        bcSig = bcEcdsaSigner.generateSignature(sha256(msg));
        jdkEcdsaSign = Signature.getInstance("SHA256withECDSA");
        jdkEcdsaSign.initSign(jdkEcA.getPrivate());
        jdkEcdsaVerify = Signature.getInstance("SHA256withECDSA");
        jdkEcdsaVerify.initVerify(jdkEcA.getPublic());
        jdkEcdsaSign.update(msg);
        jdkEcdsaSig = jdkEcdsaSign.sign();

        // Ed25519
        byte[] seed = new byte[32];
        rnd.nextBytes(seed);
        Ed25519PrivateKey ek = new Ed25519PrivateKey(seed);
        edSigner = new Ed25519Signer(ek);
        edVerifier = new Ed25519Verifier(ek.publicKey());
        edSig = edSigner.sign(msg);
        Ed25519PrivateKeyParameters bcEk = new Ed25519PrivateKeyParameters(seed, 0);
        bcEdSigner = new org.bouncycastle.crypto.signers.Ed25519Signer();
        bcEdSigner.init(true, bcEk);
        bcEdVerifier = new org.bouncycastle.crypto.signers.Ed25519Signer();
        Ed25519PublicKeyParameters bcEpk = bcEk.generatePublicKey();
        bcEdVerifier.init(false, bcEpk);
        bcEdSigner.update(msg, 0, msg.length);
        bcEdSig = bcEdSigner.generateSignature();
        PrivateKey jdkEk = KeyFactory.getInstance("Ed25519")
                .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
        jdkEdSign = Signature.getInstance("Ed25519");
        jdkEdSign.initSign(jdkEk);
        KeyPairGenerator eg = KeyPairGenerator.getInstance("Ed25519");
        KeyPair ekp = eg.generateKeyPair();
        jdkEdSign.initSign(ekp.getPrivate());
        jdkEdSign.update(msg);
        jdkEdSig = jdkEdSign.sign();
        jdkEdVerify = Signature.getInstance("Ed25519");
        jdkEdVerify.initVerify(ekp.getPublic());
    }

    private static byte[] p256ShareScalar(org.tls4j.crypto.rand.RandomSource rs) throws Exception {
        return EcPrivateKey.generate(EcCurve.P256, rs).scalar();
    }

    private static byte[] sha256(byte[] m) {
        SHA256Digest d = new SHA256Digest();
        d.update(m, 0, m.length);
        byte[] h = new byte[32];
        d.doFinal(h, 0);
        return h;
    }

    // ------------------------------------------------------------- X25519

    @Benchmark
    public byte[] x25519Tls4j() throws Exception {
        return X25519.scalarMult(xPriv, xPeer);
    }

    @Benchmark
    public byte[] x25519Bc() {
        org.bouncycastle.math.ec.rfc7748.X25519.scalarMult(xPriv, 0, xPeer, 0, bcOut, 0);
        return bcOut;
    }

    @Benchmark
    public byte[] x25519Jdk() throws Exception {
        jdkXdh.init(jdkXPriv);
        jdkXdh.doPhase(jdkXPeer, true);
        return jdkXdh.generateSecret();
    }

    // ---------------------------------------------------------- P-256 ECDH

    @Benchmark
    public byte[] p256EcdhTls4j() throws Exception {
        return p256Share.agree(p256Peer, 0, p256Peer.length);
    }

    @Benchmark
    public BigInteger p256EcdhBc() {
        return bcEcdh.calculateAgreement(bcPeer);
    }

    @Benchmark
    public byte[] p256EcdhJdk() throws Exception {
        jdkEcdh.init(jdkEcA.getPrivate());
        jdkEcdh.doPhase(jdkEcB.getPublic(), true);
        return jdkEcdh.generateSecret();
    }

    // --------------------------------------------------------- P-256 ECDSA

    @Benchmark
    public byte[] p256SignTls4j() throws Exception {
        return ecdsaSigner.sign(msg);
    }

    @Benchmark
    public BigInteger[] p256SignBc() {
        return bcEcdsaSigner.generateSignature(sha256(msg));
    }

    @Benchmark
    public byte[] p256SignJdk() throws Exception {
        jdkEcdsaSign.update(msg);
        return jdkEcdsaSign.sign();
    }

    @Benchmark
    public boolean p256VerifyTls4j() {
        return ecdsaVerifier.verify(msg, ecdsaSig);
    }

    @Benchmark
    public boolean p256VerifyBc() {
        return bcEcdsaVerifier.verifySignature(sha256(msg), bcSig[0], bcSig[1]);
    }

    @Benchmark
    public boolean p256VerifyJdk() throws Exception {
        jdkEcdsaVerify.update(msg);
        return jdkEcdsaVerify.verify(jdkEcdsaSig);
    }

    // ------------------------------------------------------------ Ed25519

    @Benchmark
    public byte[] ed25519SignTls4j() throws Exception {
        return edSigner.sign(msg);
    }

    @Benchmark
    public byte[] ed25519SignBc() {
        bcEdSigner.update(msg, 0, msg.length);
        return bcEdSigner.generateSignature();
    }

    @Benchmark
    public byte[] ed25519SignJdk() throws Exception {
        jdkEdSign.update(msg);
        return jdkEdSign.sign();
    }

    @Benchmark
    public boolean ed25519VerifyTls4j() {
        return edVerifier.verify(msg, edSig);
    }

    @Benchmark
    public boolean ed25519VerifyBc() {
        bcEdVerifier.update(msg, 0, msg.length);
        return bcEdVerifier.verifySignature(bcEdSig);
    }

    @Benchmark
    public boolean ed25519VerifyJdk() throws Exception {
        jdkEdVerify.update(msg);
        return jdkEdVerify.verify(jdkEdSig);
    }
}
