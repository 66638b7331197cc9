package org.tls4j.cli;

import java.util.List;
import org.tls4j.TlsConfig;
import org.tls4j.handshake.CipherSuite;
import org.tls4j.handshake.NamedGroup;
import org.tls4j.record.ProtocolVersion;
import picocli.CommandLine.Option;

/** The protocol options {@code client} and {@code server} share (a picocli mixin). */
final class CommonOptions {
    @Option(names = "--versions", paramLabel = "LIST", description = "Protocol versions, comma-separated: 1.3, 1.2, 1.1, 1.0 (default 1.3,1.2).")
    String versions;

    @Option(names = "--ciphers", paramLabel = "LIST",
            description = "Cipher suites by IANA name, comma-separated, in preference order, e.g. TLS_AES_256_GCM_SHA384.")
    String ciphers;

    @Option(names = "--groups", paramLabel = "LIST",
            description = "Key-exchange groups, comma-separated, in preference order: x25519, x448, secp256r1 (P-256), secp384r1, secp521r1, ffdhe2048, ffdhe3072, ffdhe4096.")
    String groups;

    @Option(names = "--alpn", paramLabel = "LIST", description = "ALPN protocol names, comma-separated, e.g. h2,http/1.1.")
    String alpn;

    /** Applies the options to {@code b}; IllegalArgumentException for a bad name. */
    void apply(TlsConfig.Builder b) {
        if (versions != null) {
            List<ProtocolVersion> v = ParameterNames.versions(versions);
            b.versions(v.toArray(new ProtocolVersion[0]));
        }
        if (ciphers != null) {
            // TLS 1.3 suites (0x13xx) and TLS 1.0-1.2 suites are configured separately; each list is set
            // only when the option names at least one suite of its kind.
            List<CipherSuite> s13 = new java.util.ArrayList<>();
            List<CipherSuite> s12 = new java.util.ArrayList<>();
            for (CipherSuite s : ParameterNames.suites(ciphers)) {
                (s.code >> 8 == 0x13 ? s13 : s12).add(s);
            }
            if (!s13.isEmpty()) {
                b.cipherSuites(s13.toArray(new CipherSuite[0]));
            }
            if (!s12.isEmpty()) {
                b.tls12CipherSuites(s12.toArray(new CipherSuite[0]));
            }
        }
        if (groups != null) {
            List<NamedGroup> g = ParameterNames.groups(groups);
            b.groups(g.toArray(new NamedGroup[0]));
        }
        if (alpn != null) {
            b.alpnProtocols(ParameterNames.alpn(alpn).toArray(new String[0]));
        }
    }
}
