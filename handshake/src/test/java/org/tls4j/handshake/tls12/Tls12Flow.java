package org.tls4j.handshake.tls12;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tls4j.crypto.pem.PrivateKeyData;
import org.tls4j.crypto.rand.RandomSource;
import org.tls4j.crypto.rsa.RsaPrivateKey;
import org.tls4j.handshake.HandshakeMessage;
import org.tls4j.handshake.HandshakeReassembler;
import org.tls4j.handshake.HandshakeType;
import org.tls4j.handshake.RawHandshakeMessage;
import org.tls4j.handshake.TlsWriter;
import org.tls4j.handshake.ext.ExtensionContext;
import org.tls4j.handshake.ext.Extensions;
import org.tls4j.handshake.msg.ClientHello;
import org.tls4j.handshake.msg.Finished;
import org.tls4j.handshake.msg.ServerHello;
import org.tls4j.handshake.tls12.ext.EncryptThenMac;
import org.tls4j.handshake.tls12.ext.Tls12Extensions;
import org.tls4j.handshake.tls12.msg.Certificate12;
import org.tls4j.handshake.tls12.msg.CertificateVerify12;
import org.tls4j.handshake.tls12.msg.DigitallySigned;
import org.tls4j.handshake.tls12.msg.RsaClientKeyExchange;
import org.tls4j.handshake.tls12.msg.ServerKeyExchange12;
import org.tls4j.handshake.tls12.msg.Tls12Messages;
import org.tls4j.record.ProtocolVersion;
import org.tls4j.record.Record;
import org.tls4j.record.RecordProtection;
import org.tls4j.testing.Hex;

/**
 * One captured SSL 3.0-TLS 1.2 connection: the raw bytes each way, the NSS key-log line that gives the
 * master secret, and the application data the client sent. {@link #verify()} checks it with tls4j's own
 * code only:
 * <ol>
 *   <li>every record is framed; every plaintext handshake message parses with the tls12 codecs and
 *       re-encodes byte for byte, and the hello extensions do too after {@link Tls12Extensions#typed};</li>
 *   <li>the key block is derived from the logged master secret and the two hello randoms, the record
 *       protections are built by {@link Protections12} (EtM if the ServerHello echoed it);</li>
 *   <li>both encrypted Finished messages decrypt and equal {@link VersionRules#finished} over the
 *       transcript; every later client record decrypts, and the application data equals the expected
 *       text.</li>
 * </ol>
 */
record Tls12Flow(String name, byte[] c2s, byte[] s2c, String keyLogLine, byte[] clientData, String serverKeyPem) {

    /** A flow without the server's private key (ECDHE/DHE flows do not need it). */
    Tls12Flow(String name, byte[] c2s, byte[] s2c, String keyLogLine, byte[] clientData) {
        this(name, c2s, s2c, keyLogLine, clientData, null);
    }

    /** What verify() learned, for the caller's assertions. */
    record Result(Suite12 suite, VersionRules rules, boolean etm, boolean ems, List<HandshakeMessage> messages,
            boolean signatureChecked, boolean premasterChecked, Extensions clientHelloExtensions,
            Extensions serverHelloExtensions, boolean certificateVerifyChecked, boolean resumed) {}

    private record Rec(int type, int version, byte[] fragment) {}

    private static List<Rec> records(byte[] stream) {
        List<Rec> out = new ArrayList<>();
        int p = 0;
        while (p < stream.length) {
            assertTrue(stream.length - p >= 5, "truncated record header");
            int type = stream[p] & 0xff;
            int version = (stream[p + 1] & 0xff) << 8 | (stream[p + 2] & 0xff);
            int len = (stream[p + 3] & 0xff) << 8 | (stream[p + 4] & 0xff);
            assertTrue(stream.length - p - 5 >= len, "truncated record");
            byte[] frag = new byte[len];
            System.arraycopy(stream, p + 5, frag, 0, len);
            out.add(new Rec(type, version, frag));
            p += 5 + len;
        }
        return out;
    }

    private static byte[] open(RecordProtection prot, long seq, Rec rec) throws Exception {
        byte[] buf = rec.fragment().clone();
        Record r = new Record().set(rec.type(), rec.version(), buf, 0, buf.length);
        prot.open(seq, r);
        byte[] out = new byte[r.length()];
        System.arraycopy(r.array(), r.offset(), out, 0, r.length());
        return out;
    }

    /** Parses the handshake bytes before ChangeCipherSpec; returns them as raw messages, in order. */
    private static List<RawHandshakeMessage> plainHandshake(List<Rec> recs) throws Exception {
        HandshakeReassembler re = new HandshakeReassembler(1 << 20);
        List<RawHandshakeMessage> out = new ArrayList<>();
        for (Rec r : recs) {
            if (r.type() == 20) {
                break;
            }
            assertEquals(22, r.type(), "only handshake records before ChangeCipherSpec");
            re.add(r.fragment());
            RawHandshakeMessage m;
            while ((m = re.next()) != null) {
                out.add(m);
            }
        }
        assertTrue(re.isEmpty(), "no partial message left before ChangeCipherSpec");
        return out;
    }

    private static int ccsIndex(List<Rec> recs) {
        for (int i = 0; i < recs.size(); i++) {
            if (recs.get(i).type() == 20) {
                assertArrayEquals(new byte[] {1}, recs.get(i).fragment(), "ChangeCipherSpec body");
                return i;
            }
        }
        throw new AssertionError("no ChangeCipherSpec");
    }

    private static byte[] extBytes(Extensions e) {
        TlsWriter w = new TlsWriter();
        e.write(w);
        return w.toByteArray();
    }

    Result verify() throws Exception {
        List<Rec> cRecs = records(c2s);
        List<Rec> sRecs = records(s2c);
        List<RawHandshakeMessage> cPlain = plainHandshake(cRecs);
        List<RawHandshakeMessage> sPlain = plainHandshake(sRecs);

        ClientHello ch = ClientHello.read(cPlain.get(0).reader());
        ServerHello sh = ServerHello.read(sPlain.get(0).reader());
        ProtocolVersion version = sh.legacyVersion;
        VersionRules rules = VersionRules.of(version);
        Suite12 suite = Suite12.of(sh.cipherSuite);
        assertNotNull(suite, "suite " + sh.cipherSuite + " in the table");

        // Hello extensions: typed, and byte-for-byte the same block.
        Extensions chExt = Tls12Extensions.typed(ch.extensions, ExtensionContext.CLIENT_HELLO);
        Extensions shExt = Tls12Extensions.typed(sh.extensions, ExtensionContext.SERVER_HELLO);
        assertArrayEquals(extBytes(ch.extensions), extBytes(chExt));
        assertArrayEquals(extBytes(sh.extensions), extBytes(shExt));
        boolean etm = shExt.find(EncryptThenMac.class) != null;
        boolean ems = shExt.find(org.tls4j.handshake.tls12.ext.ExtendedMasterSecret.class) != null;

        // Keys from the logged master secret.
        String[] kl = keyLogLine.trim().split(" ");
        assertEquals("CLIENT_RANDOM", kl[0]);
        assertArrayEquals(ch.random(), Hex.decode(kl[1]), "key log belongs to this ClientHello");
        byte[] ms = Hex.decode(kl[2]);

        // Every plaintext message parses and re-encodes exactly.
        List<HandshakeMessage> parsed = new ArrayList<>();
        ByteArrayOutputStream transcript = new ByteArrayOutputStream();
        List<RawHandshakeMessage> ordered = new ArrayList<>();
        ordered.add(cPlain.get(0));
        // A resumed (abbreviated) handshake, RFC 5246, Section 7.3: no ServerHelloDone; the server sends
        // its Finished first.
        boolean resumed = serverFirstFlightEnd(sPlain) < 0;
        int flightEnd = resumed ? 1 : serverFirstFlightEnd(sPlain);
        ordered.addAll(sPlain.subList(0, flightEnd));
        ordered.addAll(cPlain.subList(1, cPlain.size()));
        boolean cvChecked = false;
        for (RawHandshakeMessage raw : ordered) {
            HandshakeMessage m = Tls12Messages.parse(raw, rules, suite.keyExchange);
            assertArrayEquals(raw.encoded(), m.encode(), "re-encoding of " + raw.type);
            if (m instanceof CertificateVerify12) {
                // The client's signature over every message so far, with the client's certificate
                // (the second Certificate in the flow).
                Certificate12 clientCert = (Certificate12) parsed.stream().filter(x -> x instanceof Certificate12)
                        .skip(1).findFirst().orElseThrow();
                java.security.cert.X509Certificate x = x509(clientCert);
                boolean rsa = x.getPublicKey().getAlgorithm().equals("RSA");
                byte[] hs = transcript.toByteArray();
                byte[] legacy = rules.signatureAlgorithms ? null : rules.legacyCertificateVerifyInput(rsa, ms, hs);
                assertTrue(jdkVerify(x.getPublicKey(), rules, ((CertificateVerify12) m).signed, hs, legacy),
                        "CertificateVerify signature");
                cvChecked = true;
            }
            parsed.add(m);
            transcript.write(raw.encoded());
        }


        boolean sigChecked = checkServerKeyExchangeSignature(parsed, rules, ch.random(), sh.random());
        boolean pmChecked = false;
        if (serverKeyPem != null && suite.keyExchange == KeyExchange12.RSA) {
            // RSA key transport: decrypt the premaster with RsaPremaster, derive the (extended) master
            // secret from it, and it must be the one s_client logged.
            RsaClientKeyExchange cke = null;
            for (HandshakeMessage m : parsed) {
                if (m instanceof RsaClientKeyExchange) {
                    cke = (RsaClientKeyExchange) m;
                }
            }
            assertNotNull(cke);
            RsaPrivateKey key = PrivateKeyData.fromPem(serverKeyPem).toRsaPrivateKey();
            RandomSource zeros = (b, off, len) -> java.util.Arrays.fill(b, off, off + len, (byte) 0);
            byte[] pms = RsaPremaster.decrypt(key, cke.encrypted(), ch.legacyVersion, zeros);
            byte[] derived = ems
                    ? rules.extendedMasterSecret(suite, pms, rules.transcriptHash(suite, transcript.toByteArray()))
                    : rules.masterSecret(suite, pms, ch.random(), sh.random());
            assertArrayEquals(ms, derived, "master secret from our RSA decryption and " + (ems ? "EMS" : "PRF"));
            // Claiming another client_version makes the countermeasure substitute R (zeros here).
            byte[] rolledBack = RsaPremaster.decrypt(key, cke.encrypted(), ProtocolVersion.TLS11, zeros);
            assertArrayEquals(new byte[48], rolledBack, "version mismatch selects the random premaster");
            pmChecked = true;
        }
        KeyBlock kb = rules.keyBlock(suite, ms, ch.random(), sh.random());
        RandomSource rnd = (b, off, len) -> { throw new AssertionError("opening needs no randomness"); };
        RecordProtection clientWrite = Protections12.create(suite, rules, kb, true, etm, rnd);
        RecordProtection serverWrite = Protections12.create(suite, rules, kb, false, etm, rnd);

        int cc = ccsIndex(cRecs);
        if (resumed) {
            serverFinished(sPlain, flightEnd, sRecs, serverWrite, rules, suite, ms, transcript, parsed);
            clientFinished(cRecs, cc, clientWrite, rules, suite, ms, transcript, parsed);
        } else {
            clientFinished(cRecs, cc, clientWrite, rules, suite, ms, transcript, parsed);
            serverFinished(sPlain, flightEnd, sRecs, serverWrite, rules, suite, ms, transcript, parsed);
        }

        // Client application data (and its closing alert).
        ByteArrayOutputStream app = new ByteArrayOutputStream();
        long seq = 1;
        for (int i = cc + 2; i < cRecs.size(); i++, seq++) {
            Rec r = cRecs.get(i);
            byte[] pt = open(clientWrite, seq, r);
            if (r.type() == 23) {
                app.write(pt);
            } else {
                assertEquals(21, r.type(), "only application data and alerts after Finished");
                assertArrayEquals(new byte[] {1, 0}, pt, "warning close_notify");
            }
        }
        assertEquals(new String(clientData, StandardCharsets.UTF_8), app.toString(StandardCharsets.UTF_8));
        kb.destroy();
        return new Result(suite, rules, etm, ems, parsed, sigChecked, pmChecked, chExt, shExt, cvChecked, resumed);
    }

    /** The client's Finished: the first record after its CCS, checked against the transcript so far. */
    private static void clientFinished(List<Rec> cRecs, int cc, RecordProtection clientWrite, VersionRules rules,
            Suite12 suite, byte[] ms, ByteArrayOutputStream transcript, List<HandshakeMessage> parsed)
            throws Exception {
        RawHandshakeMessage raw = single(open(clientWrite, 0, cRecs.get(cc + 1)));
        assertEquals(HandshakeType.FINISHED, raw.type);
        Finished f = (Finished) Tls12Messages.parse(raw, rules, suite.keyExchange);
        assertArrayEquals(rules.finished(suite, ms, true, transcript.toByteArray()), f.verifyData(),
                "client Finished verify_data");
        transcript.write(raw.encoded());
        parsed.add(f);
    }

    /** NewSessionTicket (if any) before the server's CCS, then its Finished. */
    private static void serverFinished(List<RawHandshakeMessage> sPlain, int from, List<Rec> sRecs,
            RecordProtection serverWrite, VersionRules rules, Suite12 suite, byte[] ms,
            ByteArrayOutputStream transcript, List<HandshakeMessage> parsed) throws Exception {
        for (RawHandshakeMessage raw : sPlain.subList(from, sPlain.size())) {
            HandshakeMessage m = Tls12Messages.parse(raw, rules, suite.keyExchange);
            assertArrayEquals(raw.encoded(), m.encode(), "re-encoding of " + raw.type);
            parsed.add(m);
            transcript.write(raw.encoded());
        }
        int sc = ccsIndex(sRecs);
        RawHandshakeMessage raw = single(open(serverWrite, 0, sRecs.get(sc + 1)));
        assertEquals(HandshakeType.FINISHED, raw.type);
        Finished f = (Finished) Tls12Messages.parse(raw, rules, suite.keyExchange);
        assertArrayEquals(rules.finished(suite, ms, false, transcript.toByteArray()), f.verifyData(),
                "server Finished verify_data");
        transcript.write(raw.encoded());
        parsed.add(f);
    }

    /**
     * Verifies the ServerKeyExchange signature with the JDK (test-only oracle) over
     * {@link ServerKeyExchange12#signedContent}: the scheme named in TLS 1.2, or before TLS 1.2 the
     * MD5+SHA-1 RSA form / SHA-1 ECDSA form of RFC 4346 and RFC 4492. False when there is none (RSA).
     */
    private static boolean checkServerKeyExchangeSignature(List<HandshakeMessage> parsed, VersionRules rules,
            byte[] cr, byte[] sr) throws Exception {
        Certificate12 cert = null;
        ServerKeyExchange12 ske = null;
        for (HandshakeMessage m : parsed) {
            if (m instanceof Certificate12 && cert == null) {
                cert = (Certificate12) m;
            }
            if (m instanceof ServerKeyExchange12) {
                ske = (ServerKeyExchange12) m;
            }
        }
        if (ske == null) {
            return false;
        }
        java.security.cert.X509Certificate x = x509(cert);
        byte[] content = ske.signedContent(cr, sr);
        boolean rsa = x.getPublicKey().getAlgorithm().equals("RSA");
        byte[] legacy = null;
        if (!rules.signatureAlgorithms) {
            byte[] sha1 = java.security.MessageDigest.getInstance("SHA-1").digest(content);
            legacy = rsa ? VersionRules.concat(java.security.MessageDigest.getInstance("MD5").digest(content), sha1)
                    : sha1;
        }
        assertTrue(jdkVerify(x.getPublicKey(), rules, ske.signature(), content, legacy),
                "ServerKeyExchange signature (" + ske.signature() + ")");
        return true;
    }

    static java.security.cert.X509Certificate x509(Certificate12 c) throws Exception {
        return (java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(c.certificates().get(0)));
    }

    /**
     * JDK (test-only oracle) verification: in TLS 1.2 the named scheme over {@code content}; before,
     * the RSA PKCS#1 type-1 signature of the 36-byte MD5+SHA-1 input or the ECDSA signature of the
     * 20-byte SHA-1 input, given as {@code legacyDigest}.
     */
    static boolean jdkVerify(java.security.PublicKey pk, VersionRules rules, DigitallySigned ds, byte[] content,
            byte[] legacyDigest) throws Exception {
        boolean rsa = pk.getAlgorithm().equals("RSA");
        java.security.Signature sig;
        if (rules.signatureAlgorithms) {
            int code = ds.algorithm.code;
            String hash = switch (code >> 8) {
                case 4, 8 -> "SHA256";
                case 5 -> "SHA384";
                case 6 -> "SHA512";
                default -> throw new AssertionError("unexpected scheme " + ds.algorithm);
            };
            if ((code & 0xff00) == 0x0800) {
                int h = code == 0x0804 ? 256 : code == 0x0805 ? 384 : 512;
                sig = java.security.Signature.getInstance("RSASSA-PSS");
                sig.setParameter(new java.security.spec.PSSParameterSpec("SHA-" + h, "MGF1",
                        new java.security.spec.MGF1ParameterSpec("SHA-" + h), h / 8, 1));
            } else {
                sig = java.security.Signature.getInstance(hash + "with" + (rsa ? "RSA" : "ECDSA"));
            }
            sig.initVerify(pk);
            sig.update(content);
        } else {
            sig = java.security.Signature.getInstance(rsa ? "NONEwithRSA" : "NONEwithECDSA");
            sig.initVerify(pk);
            sig.update(legacyDigest);
        }
        return sig.verify(ds.signature());
    }

    /** Index just past ServerHelloDone in the server's plaintext messages, or -1 (abbreviated handshake). */
    private static int serverFirstFlightEnd(List<RawHandshakeMessage> s) {
        for (int i = 0; i < s.size(); i++) {
            if (s.get(i).type.equals(HandshakeType.SERVER_HELLO_DONE)) {
                return i + 1;
            }
        }
        return -1;
    }

    private static RawHandshakeMessage single(byte[] plaintext) throws Exception {
        HandshakeReassembler re = new HandshakeReassembler(1 << 16);
        re.add(plaintext);
        RawHandshakeMessage m = re.next();
        assertNotNull(m);
        assertTrue(re.isEmpty());
        return m;
    }

    // ---- storage as text (src/test/resources/recorded/*.txt) ----

    void save(Path file, String howMade) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (String line : howMade.split("\n")) {
            sb.append("# ").append(line).append('\n');
        }
        sb.append("name=").append(name).append('\n');
        sb.append("keylog=").append(keyLogLine.trim()).append('\n');
        sb.append("client_data=").append(Hex.encode(clientData)).append('\n');
        sb.append("c2s=").append(Hex.encode(c2s)).append('\n');
        sb.append("s2c=").append(Hex.encode(s2c)).append('\n');
        if (serverKeyPem != null) {
            sb.append("server_key_pem=").append(Hex.encode(serverKeyPem.getBytes(StandardCharsets.US_ASCII)))
                    .append('\n');
        }
        Files.writeString(file, sb.toString());
    }

    static Tls12Flow load(String text) {
        Map<String, String> kv = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            int eq = line.indexOf('=');
            kv.put(line.substring(0, eq), line.substring(eq + 1).trim());
        }
        return new Tls12Flow(kv.get("name"), Hex.decode(kv.get("c2s")), Hex.decode(kv.get("s2c")),
                kv.get("keylog"), Hex.decode(kv.get("client_data")),
                kv.containsKey("server_key_pem")
                        ? new String(Hex.decode(kv.get("server_key_pem")), StandardCharsets.US_ASCII) : null);
    }
}
