package org.tls4j.handshake;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.tls4j.handshake.ext.ApplicationLayerProtocolNegotiation;
import org.tls4j.handshake.ext.CertificateAuthorities;
import org.tls4j.handshake.ext.Cookie;
import org.tls4j.handshake.ext.EarlyData;
import org.tls4j.handshake.ext.Extension;
import org.tls4j.handshake.ext.ExtensionContext;
import org.tls4j.handshake.ext.Extensions;
import org.tls4j.handshake.ext.KeyShareClientHello;
import org.tls4j.handshake.ext.KeyShareEntry;
import org.tls4j.handshake.ext.KeyShareHelloRetryRequest;
import org.tls4j.handshake.ext.KeyShareServerHello;
import org.tls4j.handshake.ext.Padding;
import org.tls4j.handshake.ext.PreSharedKeyClientHello;
import org.tls4j.handshake.ext.PreSharedKeyServerHello;
import org.tls4j.handshake.ext.PskIdentity;
import org.tls4j.handshake.ext.PskKeyExchangeModes;
import org.tls4j.handshake.ext.RawExtension;
import org.tls4j.handshake.ext.RecordSizeLimit;
import org.tls4j.handshake.ext.ServerName;
import org.tls4j.handshake.ext.SignatureAlgorithms;
import org.tls4j.handshake.ext.SignatureAlgorithmsCert;
import org.tls4j.handshake.ext.SupportedGroups;
import org.tls4j.handshake.ext.SupportedVersionsClientHello;
import org.tls4j.handshake.ext.SupportedVersionsServerHello;
import org.tls4j.handshake.msg.Certificate;
import org.tls4j.handshake.msg.CertificateEntry;
import org.tls4j.handshake.msg.CertificateRequest;
import org.tls4j.handshake.msg.CertificateVerify;
import org.tls4j.handshake.msg.ClientHello;
import org.tls4j.handshake.msg.EncryptedExtensions;
import org.tls4j.handshake.msg.EndOfEarlyData;
import org.tls4j.handshake.msg.Finished;
import org.tls4j.handshake.msg.HelloRetryRequest;
import org.tls4j.handshake.msg.KeyUpdate;
import org.tls4j.handshake.msg.NewSessionTicket;
import org.tls4j.handshake.msg.ServerHello;
import org.tls4j.record.ProtocolVersion;

/** jqwik generators of valid messages and extensions (each in a form its context allows). */
public final class HandshakeArbitraries {
    private HandshakeArbitraries() {}

    /**
     * Extension codes this package keeps raw and RFC 8446's table does not restrict, so they are legal
     * in every context: GREASE, extended_master_secret, session_ticket, renegotiation_info, ECH and two
     * unassigned values.
     */
    static final int[] RAW_CODES = {0x0a0a, 0x3a3a, 0xfafa, 0x0017, 0x0023, 0xff01, 0xfe0d, 0x1234, 0x7777};

    public static Arbitrary<byte[]> bytes(int min, int max) {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(min).ofMaxSize(max);
    }

    static Arbitrary<Integer> u16() {
        return Arbitraries.integers().between(0, 0xffff);
    }

    static Arbitrary<NamedGroup> group() {
        return Arbitraries.oneOf(Arbitraries.of(new ArrayList<>(NamedGroup.known().values())), u16().map(NamedGroup::of));
    }

    static Arbitrary<SignatureScheme> scheme() {
        return Arbitraries.oneOf(Arbitraries.of(new ArrayList<>(SignatureScheme.known().values())),
                u16().map(SignatureScheme::of));
    }

    static Arbitrary<CipherSuite> suite() {
        return Arbitraries.oneOf(Arbitraries.of(new ArrayList<>(CipherSuite.known().values())), u16().map(CipherSuite::of));
    }

    static Arbitrary<ProtocolVersion> version() {
        return Arbitraries.oneOf(Arbitraries.of(ProtocolVersion.TLS12, ProtocolVersion.TLS13), u16().map(ProtocolVersion::of));
    }

    // --- extensions -----------------------------------------------------------------------------

    static Arbitrary<Extension> serverNameClient() {
        return bytes(1, 40).map(b -> (Extension) ServerName.ofHostName(b));
    }

    static Arbitrary<Extension> supportedGroups() {
        return group().list().ofMinSize(1).ofMaxSize(12).map(SupportedGroups::new);
    }

    static Arbitrary<Extension> signatureAlgorithms() {
        return scheme().list().ofMinSize(1).ofMaxSize(12).map(SignatureAlgorithms::new);
    }

    static Arbitrary<Extension> signatureAlgorithmsCert() {
        return scheme().list().ofMinSize(1).ofMaxSize(12).map(SignatureAlgorithmsCert::new);
    }

    static Arbitrary<Extension> alpn(int maxNames) {
        return bytes(1, 12).list().ofMinSize(1).ofMaxSize(maxNames).map(ApplicationLayerProtocolNegotiation::new);
    }

    static Arbitrary<Extension> cookie() {
        return bytes(1, 60).map(Cookie::new);
    }

    static Arbitrary<Extension> pskModes() {
        return Arbitraries.integers().between(0, 255).list().ofMinSize(1).ofMaxSize(5).map(PskKeyExchangeModes::new);
    }

    static Arbitrary<Extension> recordSizeLimit() {
        return Arbitraries.integers().between(64, 0xffff).map(RecordSizeLimit::new);
    }

    static Arbitrary<Extension> certificateAuthorities() {
        return bytes(1, 30).list().ofMinSize(1).ofMaxSize(4).map(CertificateAuthorities::new);
    }

    static Arbitrary<Extension> padding() {
        return Arbitraries.integers().between(0, 300).map(Padding::new);
    }

    static Arbitrary<Extension> supportedVersionsClient() {
        return version().list().ofMinSize(1).ofMaxSize(6).map(SupportedVersionsClientHello::new);
    }

    static Arbitrary<Extension> supportedVersionsServer() {
        return version().map(SupportedVersionsServerHello::new);
    }

    static Arbitrary<KeyShareEntry> keyShareEntry() {
        return Combinators.combine(group(), bytes(1, 70)).as(KeyShareEntry::new);
    }

    static Arbitrary<Extension> keyShareClient() {
        return keyShareEntry().list().ofMaxSize(4).uniqueElements(e -> e.group).map(KeyShareClientHello::new);
    }

    static Arbitrary<Extension> keyShareServer() {
        return keyShareEntry().map(KeyShareServerHello::new);
    }

    static Arbitrary<Extension> keyShareHrr() {
        return group().map(KeyShareHelloRetryRequest::new);
    }

    static Arbitrary<Extension> pskClient() {
        Arbitrary<PskIdentity> id = Combinators.combine(bytes(1, 40), Arbitraries.longs().between(0, 0xffffffffL))
                .as(PskIdentity::new);
        return Arbitraries.integers().between(1, 3).flatMap(n -> Combinators.combine(
                id.list().ofSize(n), bytes(32, 48).list().ofSize(n)).as(PreSharedKeyClientHello::new));
    }

    static Arbitrary<Extension> pskServer() {
        return u16().map(PreSharedKeyServerHello::new);
    }

    static Arbitrary<Extension> raw(int code) {
        return bytes(0, 20).map(b -> new RawExtension(ExtensionType.of(code), b));
    }

    /** The extensions a message of this context may carry (one arbitrary per type). */
    static List<Arbitrary<Extension>> candidates(ExtensionContext ctx) {
        List<Arbitrary<Extension>> c = new ArrayList<>();
        switch (ctx) {
            case CLIENT_HELLO:
                c.addAll(Arrays.asList(serverNameClient(), supportedGroups(), signatureAlgorithms(),
                        signatureAlgorithmsCert(), alpn(4), cookie(), pskModes(), recordSizeLimit(),
                        certificateAuthorities(), padding(), supportedVersionsClient(), keyShareClient(),
                        Arbitraries.just(EarlyData.EMPTY)));
                break;
            case SERVER_HELLO:
                c.addAll(Arrays.asList(Arbitraries.just(ServerName.ACKNOWLEDGEMENT), alpn(1), recordSizeLimit(),
                        pskServer(), supportedVersionsServer(), keyShareServer()));
                break;
            case HELLO_RETRY_REQUEST:
                c.addAll(Arrays.asList(supportedVersionsServer(), keyShareHrr(), cookie()));
                break;
            case ENCRYPTED_EXTENSIONS:
                c.addAll(Arrays.asList(Arbitraries.just(ServerName.ACKNOWLEDGEMENT), supportedGroups(), alpn(1),
                        recordSizeLimit(), Arbitraries.just(EarlyData.EMPTY)));
                break;
            case CERTIFICATE_REQUEST:
                c.addAll(Arrays.asList(signatureAlgorithms(), signatureAlgorithmsCert(), certificateAuthorities()));
                break;
            case CERTIFICATE:
                c.add(raw(5)); // status_request, kept raw, allowed in CT
                break;
            case NEW_SESSION_TICKET:
                c.add(Arbitraries.longs().between(0, 0xffffffffL).map(EarlyData::ofMaxSize));
                break;
            default:
                throw new AssertionError(ctx);
        }
        for (int code : RAW_CODES) {
            c.add(raw(code));
        }
        return c;
    }

    /** A valid extension block for {@code ctx}: a random subset in random order. */
    public static Arbitrary<Extensions> extensions(ExtensionContext ctx) {
        List<Arbitrary<Extension>> c = new ArrayList<>();
        for (Arbitrary<Extension> a : candidates(ctx)) {
            c.add(a.injectNull(0.6));
        }
        Arbitrary<List<Extension>> picked = Combinators.combine(c).as(list -> {
            List<Extension> out = new ArrayList<>();
            for (Extension e : list) {
                if (e != null) {
                    out.add(e);
                }
            }
            return out;
        });
        Arbitrary<Extension> psk = ctx == ExtensionContext.CLIENT_HELLO ? pskClient().injectNull(0.6) : Arbitraries.just(null);
        return Combinators.combine(picked, Arbitraries.longs(), psk).as((list, seed, p) -> {
            List<Extension> out = new ArrayList<>(list);
            Collections.shuffle(out, new Random(seed));
            if (p != null) {
                out.add(p); // pre_shared_key must be last (RFC 8446, Section 4.2.11)
            }
            return new Extensions(out);
        });
    }

    // --- messages -------------------------------------------------------------------------------

    public static Arbitrary<ClientHello> clientHello() {
        return Combinators.combine(version(), bytes(32, 32), bytes(0, 32), suite().list().ofMinSize(1).ofMaxSize(10),
                bytes(1, 3), extensions(ExtensionContext.CLIENT_HELLO).injectNull(0.1)).as(ClientHello::new);
    }

    public static Arbitrary<ServerHello> serverHello() {
        return Combinators.combine(version(), bytes(32, 32).filter(r -> !Arrays.equals(r, HelloRetryRequest.specialRandom())),
                bytes(0, 32), suite(), Arbitraries.integers().between(0, 255),
                extensions(ExtensionContext.SERVER_HELLO).injectNull(0.1)).as(ServerHello::new);
    }

    public static Arbitrary<HelloRetryRequest> helloRetryRequest() {
        return Combinators.combine(version(), bytes(0, 32), suite(), Arbitraries.integers().between(0, 255),
                extensions(ExtensionContext.HELLO_RETRY_REQUEST)).as(HelloRetryRequest::new);
    }

    public static Arbitrary<EncryptedExtensions> encryptedExtensions() {
        return extensions(ExtensionContext.ENCRYPTED_EXTENSIONS).map(EncryptedExtensions::new);
    }

    public static Arbitrary<CertificateRequest> certificateRequest() {
        return Combinators.combine(bytes(0, 8), extensions(ExtensionContext.CERTIFICATE_REQUEST), signatureAlgorithms())
                .as((ctx, ext, sigs) -> {
                    List<Extension> list = new ArrayList<>(ext.list());
                    if (!ext.contains(ExtensionType.SIGNATURE_ALGORITHMS)) {
                        list.add(0, sigs);
                    }
                    return new CertificateRequest(ctx, new Extensions(list));
                });
    }

    public static Arbitrary<Certificate> certificate() {
        Arbitrary<CertificateEntry> entry = Combinators.combine(bytes(1, 80), extensions(ExtensionContext.CERTIFICATE))
                .as(CertificateEntry::new);
        return Combinators.combine(bytes(0, 8), entry.list().ofMaxSize(3)).as(Certificate::new);
    }

    public static Arbitrary<CertificateVerify> certificateVerify() {
        return Combinators.combine(scheme(), bytes(0, 100)).as(CertificateVerify::new);
    }

    /** Finished for SHA-256 suites (32 bytes); the property tests parse with hash length 32. */
    public static Arbitrary<Finished> finished() {
        return bytes(32, 32).map(Finished::new);
    }

    public static Arbitrary<NewSessionTicket> newSessionTicket() {
        Arbitrary<Long> u32 = Arbitraries.longs().between(0, 0xffffffffL);
        return Combinators.combine(u32, u32, bytes(0, 16), bytes(1, 60), extensions(ExtensionContext.NEW_SESSION_TICKET))
                .as(NewSessionTicket::new);
    }

    public static Arbitrary<HandshakeMessage> anyMessage() {
        return Arbitraries.oneOf(clientHello(), serverHello(), helloRetryRequest(), encryptedExtensions(),
                certificateRequest(), certificate(), certificateVerify(), finished(), newSessionTicket(),
                Arbitraries.of(KeyUpdate.UPDATE_NOT_REQUESTED, KeyUpdate.UPDATE_REQUESTED),
                Arbitraries.just(EndOfEarlyData.INSTANCE));
    }
}
