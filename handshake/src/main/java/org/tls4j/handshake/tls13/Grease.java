package org.tls4j.handshake.tls13;

import java.util.ArrayList;
import java.util.List;

import org.tls4j.crypto.rand.RandomSource;
import org.tls4j.handshake.CipherSuite;
import org.tls4j.handshake.ExtensionType;
import org.tls4j.handshake.NamedGroup;
import org.tls4j.handshake.SignatureScheme;
import org.tls4j.handshake.ext.Extension;
import org.tls4j.handshake.ext.KeyShareClientHello;
import org.tls4j.handshake.ext.KeyShareEntry;
import org.tls4j.handshake.ext.RawExtension;
import org.tls4j.handshake.ext.SignatureAlgorithms;
import org.tls4j.handshake.ext.SupportedGroups;
import org.tls4j.handshake.ext.SupportedVersionsClientHello;
import org.tls4j.record.ProtocolVersion;

/**
 * GREASE for the client's ClientHello (RFC 8701): reserved values that no server may understand, sent
 * so that servers which choke on unknown values are found now rather than when a real new value
 * ships. "GREASE" values are the sixteen codes {@code 0x0A0A, 0x1A1A, ..., 0xFAFA} (Section 2).
 *
 * <p>One set of values is drawn per connection from the configured random source (Section 3.1: "the
 * client MAY select one or more GREASE ... values and advertise them"; values should vary so servers
 * cannot learn a fixed one) and reused unchanged in a second ClientHello after a HelloRetryRequest
 * (RFC 8446, Section 4.1.2 lets only key_share, cookie, early_data and padding change). What is sent,
 * in the places Chrome-like clients use:
 * <ul>
 * <li>a GREASE cipher suite first in cipher_suites;</li>
 * <li>a GREASE group first in supported_groups, with a one-byte key share (0x00) first in key_share
 *     (first ClientHello only: after a HelloRetryRequest key_share holds the one requested group);</li>
 * <li>a GREASE version first in supported_versions and a GREASE scheme first in signature_algorithms;</li>
 * <li>two GREASE extensions of distinct types (an extension type may appear only once, RFC 8446,
 *     Section 4.2): an empty one first and a one-byte one (0x00) last.</li>
 * </ul>
 * ALPN is left alone. The client rejects any GREASE value the server "negotiates" (Section 3.1 lists
 * them): a GREASE suite or version in ServerHello or HelloRetryRequest and a GREASE group in
 * key_share are illegal_parameter (they were not really offered, see {@link Tls13Client}); a GREASE
 * extension in ServerHello, HelloRetryRequest or EncryptedExtensions is unsupported_extension (the
 * client never counts a GREASE type as requested).
 */
final class Grease {
    final CipherSuite suite;
    final NamedGroup group;
    final ProtocolVersion version;
    final SignatureScheme scheme;
    final ExtensionType emptyExtension;
    final ExtensionType oneByteExtension;

    private Grease(int[] index) {
        suite = CipherSuite.of(code(index[0]));
        group = NamedGroup.of(code(index[1]));
        version = ProtocolVersion.of(code(index[2]));
        scheme = SignatureScheme.of(code(index[3]));
        emptyExtension = ExtensionType.of(code(index[4]));
        // a different type for the second extension: index[5] is 1..15 steps further round the circle
        oneByteExtension = ExtensionType.of(code((index[4] + index[5]) & 15));
    }

    /** The GREASE value number {@code i} (0..15): 0x0A0A + 0x1010 * i. */
    static int code(int i) {
        return 0x0a0a + 0x1010 * i;
    }

    /** Draws a fresh set of values (six bytes from {@code random}). */
    static Grease choose(RandomSource random) {
        byte[] r = random.nextBytes(6);
        int[] index = new int[6];
        for (int i = 0; i < 5; i++) {
            index[i] = r[i] & 15;
        }
        index[5] = 1 + (r[5] & 0xff) % 15;
        return new Grease(index);
    }

    /** cipher_suites with the GREASE suite first. */
    List<CipherSuite> suites(List<CipherSuite> suites) {
        List<CipherSuite> out = new ArrayList<CipherSuite>(suites.size() + 1);
        out.add(suite);
        out.addAll(suites);
        return out;
    }

    /** The ClientHello's extensions with GREASE added as described in the class comment. */
    List<Extension> extensions(List<Extension> in, boolean firstHello) {
        List<Extension> out = new ArrayList<Extension>(in.size() + 2);
        out.add(new RawExtension(emptyExtension, new byte[0]));
        for (Extension e : in) {
            if (e instanceof SupportedGroups) {
                List<NamedGroup> g = new ArrayList<NamedGroup>();
                g.add(group);
                g.addAll(((SupportedGroups) e).groups);
                out.add(new SupportedGroups(g));
            } else if (e instanceof KeyShareClientHello && firstHello) {
                List<KeyShareEntry> s = new ArrayList<KeyShareEntry>();
                s.add(new KeyShareEntry(group, new byte[] {0}));
                s.addAll(((KeyShareClientHello) e).shares);
                out.add(new KeyShareClientHello(s));
            } else if (e instanceof SupportedVersionsClientHello) {
                List<ProtocolVersion> v = new ArrayList<ProtocolVersion>();
                v.add(version);
                v.addAll(((SupportedVersionsClientHello) e).versions);
                out.add(new SupportedVersionsClientHello(v));
            } else if (e instanceof SignatureAlgorithms) {
                List<SignatureScheme> s = new ArrayList<SignatureScheme>();
                s.add(scheme);
                s.addAll(((SignatureAlgorithms) e).schemes);
                out.add(new SignatureAlgorithms(s));
            } else {
                out.add(e);
            }
        }
        out.add(new RawExtension(oneByteExtension, new byte[] {0}));
        return out;
    }
}
