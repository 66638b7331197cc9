package org.tls4j.handshake.tls12;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.tls4j.handshake.HandshakeMessage;
import org.tls4j.handshake.HandshakeType;
import org.tls4j.handshake.NamedGroup;
import org.tls4j.handshake.RawHandshakeMessage;
import org.tls4j.handshake.SignatureScheme;
import org.tls4j.handshake.TlsWriter;
import org.tls4j.handshake.ext.Extension;
import org.tls4j.handshake.ext.ExtensionContext;
import org.tls4j.handshake.ext.RawExtension;
import org.tls4j.handshake.msg.Finished;
import org.tls4j.handshake.tls12.ext.EcPointFormats;
import org.tls4j.handshake.tls12.ext.EncryptThenMac;
import org.tls4j.handshake.tls12.ext.ExtendedMasterSecret;
import org.tls4j.handshake.tls12.ext.MaxFragmentLength;
import org.tls4j.handshake.tls12.ext.RenegotiationInfo;
import org.tls4j.handshake.tls12.ext.SessionTicket;
import org.tls4j.handshake.tls12.ext.StatusRequest;
import org.tls4j.handshake.tls12.ext.Tls12Extensions;
import org.tls4j.handshake.tls12.msg.Certificate12;
import org.tls4j.handshake.tls12.msg.CertificateRequest12;
import org.tls4j.handshake.tls12.msg.CertificateStatus;
import org.tls4j.handshake.tls12.msg.CertificateVerify12;
import org.tls4j.handshake.tls12.msg.DheClientKeyExchange;
import org.tls4j.handshake.tls12.msg.DheServerKeyExchange;
import org.tls4j.handshake.tls12.msg.DigitallySigned;
import org.tls4j.handshake.tls12.msg.EcdheClientKeyExchange;
import org.tls4j.handshake.tls12.msg.EcdheServerKeyExchange;
import org.tls4j.handshake.tls12.msg.HelloRequest;
import org.tls4j.handshake.tls12.msg.NewSessionTicket12;
import org.tls4j.handshake.tls12.msg.RsaClientKeyExchange;
import org.tls4j.handshake.tls12.msg.ServerHelloDone;
import org.tls4j.handshake.tls12.msg.Tls12Messages;
import org.tls4j.record.TlsAlert;

/**
 * jqwik properties of the TLS ≤ 1.2 codecs (CONVENTIONS.md, "Tests"): read(write(m)) = m for every new
 * message (in every version form) and extension; no strict prefix of a body parses; random and mutated
 * bytes end only in TlsAlert, and whatever parses re-encodes to exactly the same bytes.
 */
class Tls12CodecProperties {

    /** A message together with what its parser needs. */
    record Case(HandshakeMessage m, VersionRules rules, KeyExchange12 kx) {
        @Override
        public String toString() {
            return m + " @" + rules.version + "/" + kx;
        }
    }

    static Arbitrary<byte[]> bytes(int min, int max) {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(min).ofMaxSize(max);
    }

    static Arbitrary<VersionRules> rules() {
        return Arbitraries.of(VersionRules.SSL3, VersionRules.TLS10, VersionRules.TLS11, VersionRules.TLS12);
    }

    static Arbitrary<DigitallySigned> signed(boolean withAlg) {
        Arbitrary<SignatureScheme> s = Arbitraries.integers().between(0, 0xffff).map(SignatureScheme::of);
        return Combinators.combine(s, bytes(0, 80)).as((a, b) -> new DigitallySigned(withAlg ? a : null, b));
    }

    static Arbitrary<Case> caseFor(VersionRules r) {
        boolean alg = r.signatureAlgorithms;
        Arbitrary<KeyExchange12> anyKx = Arbitraries.of(KeyExchange12.values());
        List<Arbitrary<Case>> all = new ArrayList<>();
        all.add(anyKx.map(kx -> new Case(HelloRequest.INSTANCE, r, kx)));
        all.add(anyKx.map(kx -> new Case(ServerHelloDone.INSTANCE, r, kx)));
        all.add(bytes(1, 40).list().ofMaxSize(4).map(l -> new Case(new Certificate12(l), r, KeyExchange12.RSA)));
        all.add(Combinators.combine(Arbitraries.integers().between(0, 0xffff), bytes(1, 133), signed(alg),
                Arbitraries.of(KeyExchange12.ECDHE_ECDSA, KeyExchange12.ECDHE_RSA))
                .as((g, p, s, kx) -> new Case(new EcdheServerKeyExchange(NamedGroup.of(g), p, s), r, kx)));
        all.add(Combinators.combine(bytes(1, 64), bytes(1, 4), bytes(1, 64), signed(alg))
                .as((p, g, y, s) -> new Case(new DheServerKeyExchange(p, g, y, s), r, KeyExchange12.DHE_RSA)));
        Arbitrary<List<SignatureScheme>> algs = alg
                ? Arbitraries.integers().between(0, 0xffff).map(SignatureScheme::of).list().ofMinSize(1).ofMaxSize(6)
                : Arbitraries.just(null);
        all.add(Combinators.combine(bytes(1, 5), algs, bytes(1, 30).list().ofMaxSize(3))
                .as((t, a, ca) -> new Case(new CertificateRequest12(t, a, ca), r, KeyExchange12.ECDHE_RSA)));
        all.add(bytes(r.rsaPremasterLengthPrefix ? 0 : 1, 300)
                .map(b -> new Case(new RsaClientKeyExchange(b, r.rsaPremasterLengthPrefix), r, KeyExchange12.RSA)));
        all.add(Combinators.combine(bytes(1, 133), Arbitraries.of(KeyExchange12.ECDHE_ECDSA, KeyExchange12.ECDHE_RSA))
                .as((p, kx) -> new Case(new EcdheClientKeyExchange(p), r, kx)));
        all.add(bytes(1, 300).map(y -> new Case(new DheClientKeyExchange(y), r, KeyExchange12.DHE_RSA)));
        all.add(signed(alg).map(s -> new Case(new CertificateVerify12(s), r, KeyExchange12.ECDHE_RSA)));
        all.add(bytes(r.finishedLength(), r.finishedLength()).map(v -> new Case(new Finished(v), r, null)));
        all.add(Combinators.combine(Arbitraries.longs().between(0, 0xffffffffL), bytes(0, 200))
                .as((h, t) -> new Case(new NewSessionTicket12(h, t), r, null)));
        all.add(bytes(1, 300).map(o -> new Case(new CertificateStatus(o), r, null)));
        return Arbitraries.oneOf(all);
    }

    @Provide
    Arbitrary<Case> cases() {
        return rules().flatMap(Tls12CodecProperties::caseFor);
    }

    static HandshakeMessage parse(HandshakeType t, byte[] body, VersionRules r, KeyExchange12 kx) throws TlsAlert {
        return Tls12Messages.parse(new RawHandshakeMessage(t, body), r, kx);
    }

    static byte[] body(HandshakeMessage m) {
        TlsWriter w = new TlsWriter();
        m.write(w);
        return w.toByteArray();
    }

    @Property(tries = 500)
    void readOfWriteIsIdentity(@ForAll("cases") Case c) throws TlsAlert {
        byte[] b = body(c.m());
        HandshakeMessage back = parse(c.m().type(), b, c.rules(), c.kx());
        assertEquals(c.m(), back);
        assertEquals(c.m().getClass(), back.getClass());
        assertArrayEquals(c.m().encode(), back.encode());
    }

    /**
     * No strict prefix of a body parses. The one exception is by design: SSL 3.0's RSA
     * ClientKeyExchange has no length of its own (the ciphertext fills the body).
     */
    @Property(tries = 300)
    void noStrictPrefixParses(@ForAll("cases") Case c) {
        if (c.m() instanceof RsaClientKeyExchange && !((RsaClientKeyExchange) c.m()).lengthPrefixed) {
            return;
        }
        byte[] b = body(c.m());
        for (int k = 0; k < b.length; k++) {
            try {
                HandshakeMessage got = parse(c.m().type(), Arrays.copyOf(b, k), c.rules(), c.kx());
                fail("prefix of length " + k + " of " + c + " parsed as " + got);
            } catch (TlsAlert expected) {
                // good
            }
        }
    }

    static void parsesCanonicallyOrAlerts(HandshakeType t, byte[] body, VersionRules r, KeyExchange12 kx) {
        HandshakeMessage m;
        try {
            m = parse(t, body, r, kx);
        } catch (TlsAlert expected) {
            return;
        } catch (RuntimeException e) {
            throw new AssertionError("non-alert exception for " + t + " " + r.version + " " + kx, e);
        }
        assertArrayEquals(body, body(m), "parsed but re-encodes differently: " + m);
    }

    @Provide
    Arbitrary<HandshakeType> types() {
        return Arbitraries.of(0, 4, 11, 12, 13, 14, 15, 16, 20, 22, 8, 99).map(HandshakeType::of);
    }

    @Provide
    Arbitrary<KeyExchange12> kxOrNull() {
        return Arbitraries.of(KeyExchange12.values()).injectNull(0.15);
    }

    @Property(tries = 1500)
    void randomBytesOnlyEverAlert(@ForAll("types") HandshakeType t, @ForAll @Size(max = 200) byte[] body,
            @ForAll("rulesArb") VersionRules r, @ForAll("kxOrNull") KeyExchange12 kx) {
        parsesCanonicallyOrAlerts(t, body, r, kx);
    }

    @Provide
    Arbitrary<VersionRules> rulesArb() {
        return rules();
    }

    @Provide
    Arbitrary<Object[]> mutated() {
        return cases().flatMap(c -> {
            byte[] b = body(c.m());
            if (b.length == 0) {
                return bytes(1, 6).map(x -> new Object[] {c, x});
            }
            Arbitrary<Integer> pos = Arbitraries.integers().between(0, b.length - 1);
            return Arbitraries.oneOf(
                    Combinators.combine(pos, Arbitraries.integers().between(1, 255)).as((i, x) -> {
                        byte[] m = b.clone();
                        m[i] ^= (byte) (int) x;
                        return new Object[] {c, m};
                    }),
                    Combinators.combine(pos, Arbitraries.of(0, 0xff, 0x80, 1)).as((i, x) -> {
                        byte[] m = b.clone();
                        m[i] = (byte) (int) x;
                        return new Object[] {c, m};
                    }),
                    bytes(1, 6).map(tail -> {
                        byte[] m = Arrays.copyOf(b, b.length + tail.length);
                        System.arraycopy(tail, 0, m, b.length, tail.length);
                        return new Object[] {c, m};
                    }));
        });
    }

    @Property(tries = 1000)
    void mutatedBodiesOnlyEverAlert(@ForAll("mutated") Object[] p) {
        Case c = (Case) p[0];
        parsesCanonicallyOrAlerts(c.m().type(), (byte[]) p[1], c.rules(), c.kx());
    }

    // ---- extensions ----

    @Provide
    Arbitrary<Object[]> extensions() {
        Arbitrary<Extension> common = Arbitraries.oneOf(
                Arbitraries.just(ExtendedMasterSecret.INSTANCE),
                Arbitraries.just(EncryptThenMac.INSTANCE),
                bytes(0, 80).map(RenegotiationInfo::new),
                bytes(1, 5).map(EcPointFormats::new),
                Arbitraries.integers().between(1, 4).map(MaxFragmentLength::new));
        Arbitrary<Object[]> client = Arbitraries.oneOf(common, bytes(0, 100).map(SessionTicket::new),
                Combinators.combine(bytes(1, 20).list().ofMaxSize(3), bytes(0, 20)).as(StatusRequest::new))
                .map(e -> new Object[] {ExtensionContext.CLIENT_HELLO, e});
        Arbitrary<Object[]> server = Arbitraries.oneOf(common, Arbitraries.just(SessionTicket.EMPTY),
                Arbitraries.just(StatusRequest.SERVER))
                .map(e -> new Object[] {ExtensionContext.SERVER_HELLO, e});
        return Arbitraries.oneOf(client, server);
    }

    static byte[] data(Extension e) {
        TlsWriter w = new TlsWriter();
        e.writeData(w);
        return w.toByteArray();
    }

    @Property(tries = 400)
    void everyExtensionRoundTrips(@ForAll("extensions") Object[] p) throws TlsAlert {
        ExtensionContext ctx = (ExtensionContext) p[0];
        Extension e = (Extension) p[1];
        Extension back = Tls12Extensions.parse(new RawExtension(e.type(), data(e)), ctx);
        assertEquals(e, back);
        assertArrayEquals(data(e), data(back));
    }

    /** No strict prefix parses, except the ClientHello session_ticket, which is the whole extension_data. */
    @Property(tries = 300)
    void noStrictPrefixOfExtensionDataParses(@ForAll("extensions") Object[] p) {
        ExtensionContext ctx = (ExtensionContext) p[0];
        Extension e = (Extension) p[1];
        if (e instanceof SessionTicket && ctx == ExtensionContext.CLIENT_HELLO) {
            return;
        }
        byte[] d = data(e);
        for (int k = 0; k < d.length; k++) {
            try {
                Extension got = Tls12Extensions.parse(new RawExtension(e.type(), Arrays.copyOf(d, k)), ctx);
                fail("prefix " + k + " of " + e + " parsed as " + got);
            } catch (TlsAlert expected) {
                // good
            }
        }
    }

    @Provide
    Arbitrary<Integer> tls12ExtensionTypes() {
        return Arbitraries.of(0x0001, 0x0005, 0x000b, 0x0016, 0x0017, 0x0023, 0xff01);
    }

    @Property(tries = 800)
    void randomExtensionDataOnlyEverAlerts(@ForAll("tls12ExtensionTypes") int type,
            @ForAll @Size(max = 40) byte[] d, @ForAll boolean client) {
        ExtensionContext ctx = client ? ExtensionContext.CLIENT_HELLO : ExtensionContext.SERVER_HELLO;
        Extension got;
        try {
            got = Tls12Extensions.parse(new RawExtension(org.tls4j.handshake.ExtensionType.of(type), d), ctx);
        } catch (TlsAlert expected) {
            return;
        } catch (RuntimeException e) {
            throw new AssertionError("non-alert exception", e);
        }
        assertArrayEquals(d, data(got));
    }
}
