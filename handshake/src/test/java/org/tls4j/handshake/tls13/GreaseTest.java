package org.tls4j.handshake.tls13;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.tls4j.handshake.NamedGroup;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.ext.Extension;
import org.tls4j.handshake.ext.KeyShareClientHello;
import org.tls4j.handshake.ext.RawExtension;
import org.tls4j.handshake.ext.SignatureAlgorithms;
import org.tls4j.handshake.ext.SupportedGroups;
import org.tls4j.handshake.ext.SupportedVersionsClientHello;
import org.tls4j.handshake.msg.ClientHello;
import org.tls4j.record.AlertDescription;
import org.tls4j.record.ProtocolVersion;
import org.tls4j.record.TlsAlert;
import org.tls4j.testing.SeededRandomSource;

/**
 * GREASE (RFC 8701) on the client: where the values go, that they change per connection and stay the
 * same across a HelloRetryRequest, that the tls4j server ignores them, and that the client refuses a
 * server which "selects" one (Section 3.1).
 */
class GreaseTest {
    private static void assertAlert(AlertDescription expected, Executable e) {
        TlsAlert a = assertThrows(TlsAlert.class, e);
        assertEquals(expected, a.description(), a.getMessage());
    }

    private static boolean isGrease(int code) {
        return (code & 0x0f0f) == 0x0a0a && (code >> 12) == ((code >> 4) & 0x0f);
    }

    /** The ClientHellos the client sent, decoded (filled by {@link #capture}). */
    private static final class Hellos {
        final List<ClientHello> list = new ArrayList<>();
    }

    private static UnaryOperator<byte[]> capture(Hellos h) {
        return m -> {
            if (m[0] == 1) {
                try {
                    h.list.add(ClientHello.read(new TlsReader(Arrays.copyOfRange(m, 4, m.length))));
                } catch (TlsAlert e) {
                    throw new AssertionError(e);
                }
            }
            return m;
        };
    }

    private static HandshakeConfig.Builder greasyClient(long seed) {
        return MachinePair.clientConfig().grease(true).random(new SeededRandomSource(seed));
    }

    @Test
    void greaseGoesWhereRfc8701SaysAndTheServerIgnoresIt() throws Exception {
        Hellos h = new Hellos();
        MachinePair p = new MachinePair(greasyClient(5), MachinePair.serverConfig());
        p.run(capture(h), m -> m);
        assertTrue(p.client.isComplete() && p.server.isComplete(), "the tls4j server ignores every GREASE value");
        ClientHello ch = h.list.get(0);
        assertTrue(isGrease(ch.cipherSuites.get(0).code), "GREASE suite first: " + ch.cipherSuites);
        assertEquals(MachinePair.clientConfig().build().suites(), ch.cipherSuites.subList(1, ch.cipherSuites.size()));
        List<Extension> ext = ch.extensions.list();
        RawExtension first = (RawExtension) ext.get(0);
        RawExtension last = (RawExtension) ext.get(ext.size() - 1);
        assertTrue(isGrease(first.type().code) && first.data().length == 0, "empty GREASE extension first");
        assertTrue(isGrease(last.type().code) && Arrays.equals(new byte[] {0}, last.data()), "1-byte GREASE extension last");
        assertNotEquals(first.type(), last.type());
        NamedGroup g = ch.extensions.find(SupportedGroups.class).groups.get(0);
        assertTrue(isGrease(g.code));
        KeyShareClientHello ks = ch.extensions.find(KeyShareClientHello.class);
        assertEquals(g, ks.shares.get(0).group, "the GREASE share is for the GREASE group");
        assertArrayEquals(new byte[] {0}, ks.shares.get(0).keyExchange());
        assertEquals(NamedGroup.X25519, ks.shares.get(1).group);
        List<ProtocolVersion> versions = ch.extensions.find(SupportedVersionsClientHello.class).versions;
        assertTrue(isGrease(versions.get(0).code));
        assertEquals(List.of(ProtocolVersion.TLS13), versions.subList(1, versions.size()));
        assertTrue(isGrease(ch.extensions.find(SignatureAlgorithms.class).schemes.get(0).code));
        assertEquals(NamedGroup.X25519, p.client.summary().group);
    }

    @Test
    void valuesAreDrawnPerConnection() throws Exception {
        Set<String> seen = new HashSet<>();
        for (long seed = 1; seed <= 6; seed++) {
            Hellos h = new Hellos();
            MachinePair p = new MachinePair(greasyClient(seed), MachinePair.serverConfig());
            p.run(capture(h), m -> m);
            ClientHello ch = h.list.get(0);
            seen.add(ch.cipherSuites.get(0) + " " + ch.extensions.list().get(0).type()
                    + " " + ch.extensions.find(SupportedGroups.class).groups.get(0));
        }
        assertTrue(seen.size() >= 4, "six connections, " + seen.size() + " distinct GREASE sets: " + seen);
    }

    @Test
    void offIsTheDefaultAndSendsNoGrease() throws Exception {
        Hellos h = new Hellos();
        MachinePair p = new MachinePair(MachinePair.clientConfig(), MachinePair.serverConfig());
        p.run(capture(h), m -> m);
        ClientHello ch = h.list.get(0);
        ch.cipherSuites.forEach(s -> assertFalse(isGrease(s.code)));
        ch.extensions.list().forEach(e -> assertFalse(isGrease(e.type().code)));
    }

    @Test
    void aHelloRetryKeepsTheValuesAndDropsOnlyTheGreaseShare() throws Exception {
        Hellos h = new Hellos();
        MachinePair p = new MachinePair(greasyClient(9),
                MachinePair.serverConfig().groups(List.of(NamedGroup.SECP256R1)).hrrCookie(true));
        p.run(capture(h), m -> m);
        assertTrue(p.client.isComplete() && p.server.isComplete() && p.client.summary().helloRetried,
                "the server's Section 4.1.2 comparison of the two ClientHellos passes");
        ClientHello a = h.list.get(0);
        ClientHello b = h.list.get(1);
        assertEquals(a.cipherSuites, b.cipherSuites);
        assertEquals(a.extensions.list().get(0), b.extensions.list().get(0));
        assertEquals(a.extensions.list().get(a.extensions.size() - 1), b.extensions.list().get(b.extensions.size() - 1));
        assertEquals(a.extensions.find(SupportedGroups.class), b.extensions.find(SupportedGroups.class));
        assertEquals(a.extensions.find(SupportedVersionsClientHello.class), b.extensions.find(SupportedVersionsClientHello.class));
        List<org.tls4j.handshake.ext.KeyShareEntry> second = b.extensions.find(KeyShareClientHello.class).shares;
        assertEquals(1, second.size(), "RFC 8446, Section 4.1.2: a single share of the requested group");
        assertEquals(NamedGroup.SECP256R1, second.get(0).group);
    }

    // --- a server that selects a GREASE value: the client refuses (RFC 8701, Section 3.1) ---

    /** Offset of the extensions length in a ServerHello message (header included). */
    private static int extensionsOffset(byte[] sh) {
        return 4 + 2 + 32 + 1 + (sh[38] & 0xff) + 2 + 1;
    }

    /** Rewrites the first two data bytes of extension {@code type} in a ServerHello to {@code code}. */
    private static byte[] setExtensionValue(byte[] sh, int type, int code) {
        byte[] c = sh.clone();
        int off = extensionsOffset(c) + 2;
        while (off < c.length) {
            int t = (c[off] & 0xff) << 8 | c[off + 1] & 0xff;
            int len = (c[off + 2] & 0xff) << 8 | c[off + 3] & 0xff;
            if (t == type) {
                c[off + 4] = (byte) (code >> 8);
                c[off + 5] = (byte) code;
                return c;
            }
            off += 4 + len;
        }
        throw new AssertionError("no extension " + type);
    }

    /** Appends an empty extension of {@code type} to a message whose extensions block starts at {@code extOff}. */
    static byte[] appendEmptyExtension(byte[] m, int extOff, int type) {
        byte[] c = Arrays.copyOf(m, m.length + 4);
        c[c.length - 4] = (byte) (type >> 8);
        c[c.length - 3] = (byte) type;
        int bodyLen = (c[1] & 0xff) << 16 | (c[2] & 0xff) << 8 | c[3] & 0xff;
        bodyLen += 4;
        c[1] = (byte) (bodyLen >> 16);
        c[2] = (byte) (bodyLen >> 8);
        c[3] = (byte) bodyLen;
        int extLen = ((c[extOff] & 0xff) << 8 | c[extOff + 1] & 0xff) + 4;
        c[extOff] = (byte) (extLen >> 8);
        c[extOff + 1] = (byte) extLen;
        return c;
    }

    /** Runs a GREASE client against a server whose ServerHello (type 2) passes through {@code f}. */
    private static void clientRefuses(AlertDescription alert, HandshakeConfig.Builder server,
            java.util.function.BiFunction<ClientHello, byte[], byte[]> f) throws Exception {
        Hellos h = new Hellos();
        MachinePair p = new MachinePair(greasyClient(13), server);
        assertAlert(alert, () -> p.run(capture(h), m -> m[0] == 2 ? f.apply(h.list.get(0), m) : m));
    }

    @Test
    void aGreaseSuiteInServerHelloIsIllegalParameter() throws Exception {
        clientRefuses(AlertDescription.ILLEGAL_PARAMETER, MachinePair.serverConfig(), (ch, sh) -> {
            byte[] c = sh.clone();
            int off = 4 + 2 + 32 + 1 + (c[38] & 0xff);
            int code = ch.cipherSuites.get(0).code;
            c[off] = (byte) (code >> 8);
            c[off + 1] = (byte) code;
            return c;
        });
    }

    @Test
    void aGreaseVersionInServerHelloIsIllegalParameter() throws Exception {
        clientRefuses(AlertDescription.ILLEGAL_PARAMETER, MachinePair.serverConfig(), (ch, sh) -> setExtensionValue(sh,
                43, ch.extensions.find(SupportedVersionsClientHello.class).versions.get(0).code));
    }

    @Test
    void aGreaseGroupInServerHelloOrHelloRetryRequestIsIllegalParameter() throws Exception {
        clientRefuses(AlertDescription.ILLEGAL_PARAMETER, MachinePair.serverConfig(), (ch, sh) -> setExtensionValue(sh,
                51, ch.extensions.find(SupportedGroups.class).groups.get(0).code));
        // a HelloRetryRequest is a ServerHello on the wire; its key_share is the selected group alone
        clientRefuses(AlertDescription.ILLEGAL_PARAMETER,
                MachinePair.serverConfig().groups(List.of(NamedGroup.SECP256R1)), (ch, sh) -> setExtensionValue(sh,
                        51, ch.extensions.find(SupportedGroups.class).groups.get(0).code));
    }

    @Test
    void aGreaseExtensionInServerHelloOrEncryptedExtensionsIsUnsupported() throws Exception {
        clientRefuses(AlertDescription.UNSUPPORTED_EXTENSION, MachinePair.serverConfig(), (ch, sh) ->
                appendEmptyExtension(sh, extensionsOffset(sh), ch.extensions.list().get(0).type().code));
        Hellos h = new Hellos();
        MachinePair p = new MachinePair(greasyClient(17), MachinePair.serverConfig());
        assertAlert(AlertDescription.UNSUPPORTED_EXTENSION, () -> p.run(capture(h), m -> m[0] == 8
                ? appendEmptyExtension(m, 4, h.list.get(0).extensions.list().get(0).type().code) : m));
    }
}
