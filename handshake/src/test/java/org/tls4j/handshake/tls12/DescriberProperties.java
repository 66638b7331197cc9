package org.tls4j.handshake.tls12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.tls4j.handshake.HandshakeArbitraries;
import org.tls4j.handshake.HandshakeMessage;
import org.tls4j.handshake.HandshakeType;
import org.tls4j.handshake.RawHandshakeMessage;
import org.tls4j.handshake.ext.Extension;
import org.tls4j.handshake.ext.ExtensionContext;
import org.tls4j.handshake.ext.RawExtension;
import org.tls4j.handshake.msg.Tls13Messages;
import org.tls4j.handshake.trace.HandshakeDescriber;
import org.tls4j.handshake.trace.TraceNode;
import org.tls4j.record.TlsAlert;

/**
 * Describing never fails: every message that parses (generated TLS 1.3 and TLS 1.2 messages, mutated
 * ones and random bytes that happen to parse) is described without an exception, with a section, its
 * msg_type first and every node named.
 */
class DescriberProperties {
    private static final HandshakeDescriber SHORT = new HandshakeDescriber(8);

    private static void check(HandshakeMessage m) {
        for (HandshakeDescriber d : new HandshakeDescriber[] {HandshakeDescriber.DEFAULT, SHORT}) {
            TraceNode n = d.describe(m);
            assertNotNull(n.section, "no section for " + m);
            assertTrue(n.section.startsWith("RFC "), n.section);
            assertEquals("msg_type", n.children.get(0).name);
            allNamed(n);
            assertTrue(n.render().startsWith(n.name));
        }
    }

    private static void allNamed(TraceNode n) {
        assertNotNull(n.name);
        assertTrue(!n.name.isEmpty());
        for (TraceNode c : n.children) {
            allNamed(c);
        }
    }

    @Provide
    Arbitrary<HandshakeMessage> tls13() {
        return HandshakeArbitraries.anyMessage();
    }

    @Property(tries = 300)
    void everyGeneratedTls13MessageIsDescribed(@ForAll("tls13") HandshakeMessage m) {
        check(m);
    }

    @Provide
    Arbitrary<Tls12CodecProperties.Case> tls12() {
        return Tls12CodecProperties.rules().flatMap(Tls12CodecProperties::caseFor);
    }

    @Property(tries = 300)
    void everyGeneratedTls12MessageIsDescribed(@ForAll("tls12") Tls12CodecProperties.Case c) {
        check(c.m());
    }

    @Provide
    Arbitrary<byte[]> mutated() {
        return HandshakeArbitraries.anyMessage().flatMap(m -> {
            byte[] enc = m.encode();
            return Arbitraries.integers().between(0, enc.length - 1).flatMap(i -> Arbitraries.integers().between(1, 255)
                    .map(x -> {
                        byte[] c = enc.clone();
                        c[i] ^= (byte) (int) x;
                        return c;
                    }));
        });
    }

    /** A mutated message that still parses is described; TLS 1.2 extensions in it are parsed or shown raw. */
    @Property(tries = 500)
    void mutatedMessagesThatParseAreDescribed(@ForAll("mutated") byte[] enc) {
        HandshakeMessage m;
        try {
            m = Tls13Messages.parse(new RawHandshakeMessage(HandshakeType.of(enc[0] & 0xff),
                    Arrays.copyOfRange(enc, 4, enc.length)), 32);
        } catch (TlsAlert refused) {
            return;
        }
        check(m);
    }

    /** Any bytes as any extension type, in a hello (where TLS 1.2 extensions are parsed), describe. */
    @Property(tries = 500)
    void anyExtensionBytesAreDescribed(@ForAll("extTypes") int type, @ForAll @Size(max = 40) byte[] data,
            @ForAll boolean client) {
        Extension e = new RawExtension(org.tls4j.handshake.ExtensionType.of(type), data);
        TraceNode n = HandshakeDescriber.DEFAULT.describe(e,
                client ? ExtensionContext.CLIENT_HELLO : ExtensionContext.SERVER_HELLO);
        allNamed(n);
        assertTrue(n.name.endsWith("(" + type + ")"), n.name);
    }

    @Provide
    Arbitrary<Integer> extTypes() {
        return Arbitraries.oneOf(Arbitraries.of(0x0001, 0x0005, 0x000b, 0x0016, 0x0017, 0x0023, 0xff01),
                Arbitraries.integers().between(0, 0xffff));
    }
}
