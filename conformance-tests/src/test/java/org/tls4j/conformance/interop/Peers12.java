package org.tls4j.conformance.interop;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tls4j.record.ProtocolVersion;

/**
 * The TLS 1.2, 1.1 and 1.0 parameters under test (RFC 5246, RFC 4346, RFC 2246) and how each peer
 * spells them, plus the OpenSSL and GnuTLS command lines that pin one version and one suite.
 *
 * <p>Suites are named by their IANA names (as tls4j and JSSE name them). OpenSSL's own names are read
 * from {@code openssl ciphers -stdname} (so the peer itself says which of its names is which IANA
 * suite); GnuTLS's priority-string names are derived from the IANA name's parts (key exchange, cipher,
 * MAC), which map one to one.
 */
final class Peers12 {
    private Peers12() {}

    /** The key exchanges under test, each with the server key type it needs. */
    enum Kx {
        ECDHE_ECDSA("ECDHE-ECDSA", InteropPki.LeafKind.EC_P256),
        ECDHE_RSA("ECDHE-RSA", InteropPki.LeafKind.RSA_2048),
        DHE_RSA("DHE-RSA", InteropPki.LeafKind.RSA_2048),
        RSA("RSA", InteropPki.LeafKind.RSA_2048);

        final String gnutls;
        final InteropPki.LeafKind leaf;

        Kx(String gnutls, InteropPki.LeafKind leaf) {
            this.gnutls = gnutls;
            this.leaf = leaf;
        }

        static Kx of(String suite) {
            String rest = suite.substring("TLS_".length());
            for (Kx k : values()) {
                if (rest.startsWith(k.name() + "_WITH_")) {
                    return k;
                }
            }
            throw new IllegalArgumentException(suite);
        }
    }

    /** The versions under test, newest first, with each peer's spelling. */
    enum Version {
        TLS12(ProtocolVersion.TLS12, "TLSv1.2", "-tls1_2", "TLSv1.2", "TLS1.2", "TLSv1.2"),
        TLS11(ProtocolVersion.TLS11, "TLSv1.1", "-tls1_1", "TLSv1.1", "TLS1.1", "TLSv1.1"),
        TLS10(ProtocolVersion.TLS10, "TLSv1.0", "-tls1", "TLSv1", "TLS1.0", "TLSv1");

        final ProtocolVersion tls4j;
        /** tls4j's name of the version ({@link ProtocolVersion#toString()}). */
        final String name;
        final String opensslFlag;
        /** How s_client's session block and s_server print the version. */
        final String openssl;
        final String gnutls;
        final String jsse;

        Version(ProtocolVersion tls4j, String name, String opensslFlag, String openssl, String gnutls, String jsse) {
            this.tls4j = tls4j;
            this.name = name;
            this.opensslFlag = opensslFlag;
            this.openssl = openssl;
            this.gnutls = gnutls;
            this.jsse = jsse;
        }

        /** OpenSSL 3.0 refuses TLS 1.0/1.1 (SHA-1 and MD5+SHA-1 signatures) at its default security level 1. */
        String opensslCipherSuffix() {
            return this == TLS12 ? "" : ":@SECLEVEL=0";
        }
    }

    /**
     * Every TLS 1.2 suite under test: for each key exchange, AES-128/256-GCM, ChaCha20-Poly1305,
     * AES-128-CCM and AES-128-CCM_8 (where the suite exists: not for ECDHE_RSA), AES-128/256-CBC with
     * SHA-1, and AES-128/256-CBC with SHA-256 (ECDHE: AES-256 with SHA-384).
     */
    static final List<String> TLS12_SUITES = List.of(
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_CCM",
            "TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
            "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
            "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384",
            "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_DHE_RSA_WITH_AES_128_CCM",
            "TLS_DHE_RSA_WITH_AES_128_CCM_8", "TLS_DHE_RSA_WITH_AES_128_CBC_SHA", "TLS_DHE_RSA_WITH_AES_256_CBC_SHA",
            "TLS_DHE_RSA_WITH_AES_128_CBC_SHA256", "TLS_DHE_RSA_WITH_AES_256_CBC_SHA256",
            "TLS_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_256_GCM_SHA384", "TLS_RSA_WITH_AES_128_CCM",
            "TLS_RSA_WITH_AES_128_CCM_8", "TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_RSA_WITH_AES_256_CBC_SHA",
            "TLS_RSA_WITH_AES_128_CBC_SHA256", "TLS_RSA_WITH_AES_256_CBC_SHA256");

    /** TLS 1.0 and 1.1 have only the CBC suites with SHA-1 (RFC 4346 and RFC 4492 define no AEAD or SHA-2 MAC). */
    static final List<String> LEGACY_SUITES = List.of(
            "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
            "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
            "TLS_DHE_RSA_WITH_AES_128_CBC_SHA", "TLS_DHE_RSA_WITH_AES_256_CBC_SHA",
            "TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_RSA_WITH_AES_256_CBC_SHA");

    static List<String> suites(Version v) {
        return v == Version.TLS12 ? TLS12_SUITES : LEGACY_SUITES;
    }

    /** JSSE (JDK 17) has no CCM suites. */
    static boolean jsseHas(String suite) {
        return !suite.contains("_CCM");
    }

    // ---- OpenSSL names

    private static Map<String, String> opensslNames;

    /** The OpenSSL name of an IANA suite name, as {@code openssl ciphers -stdname} lists it. */
    static synchronized String openssl(String iana) throws Exception {
        if (opensslNames == null) {
            Process p = new ProcessBuilder(PeerCommands.openssl().getPath(), "ciphers", "-stdname", "ALL:@SECLEVEL=0")
                    .redirectErrorStream(true).start();
            Map<String, String> m = new HashMap<>();
            Pattern line = Pattern.compile("^(TLS_\\S+)\\s+-\\s+(\\S+)\\s");
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII))) {
                for (String l; (l = r.readLine()) != null;) {
                    Matcher x = line.matcher(l);
                    if (x.find()) {
                        m.put(x.group(1), x.group(2));
                    }
                }
            }
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0 || m.isEmpty()) {
                throw new AssertionError("openssl ciphers -stdname failed");
            }
            opensslNames = m;
        }
        String n = opensslNames.get(iana);
        if (n == null) {
            throw new AssertionError("openssl has no suite " + iana);
        }
        return n;
    }

    // ---- GnuTLS names

    /** The GnuTLS cipher name of the suite's bulk cipher (AES-128-GCM, CHACHA20-POLY1305, AES-128-CCM-8, ...). */
    static String gnutlsCipher(String suite) {
        String c = suite.substring(suite.indexOf("_WITH_") + "_WITH_".length());
        if (c.startsWith("CHACHA20_POLY1305")) {
            return "CHACHA20-POLY1305";
        }
        for (String mode : List.of("GCM", "CBC")) {
            int i = c.indexOf("_" + mode);
            if (i > 0) {
                return c.substring(0, i).replace('_', '-') + "-" + mode;
            }
        }
        return c.replace('_', '-'); // AES-128-CCM, AES-128-CCM-8
    }

    /** The GnuTLS MAC name: AEAD for GCM, CCM and ChaCha20-Poly1305 suites, else SHA1/SHA256/SHA384. */
    static String gnutlsMac(String suite) {
        if (!suite.contains("_CBC_")) {
            return "AEAD";
        }
        String mac = suite.substring(suite.lastIndexOf('_') + 1);
        return mac.equals("SHA") ? "SHA1" : mac;
    }

    /**
     * A GnuTLS priority string allowing exactly version {@code v} and this suite (its key exchange, cipher
     * and MAC), with the groups limited to {@code group} (a {@link Names#GNUTLS_GROUP} key) if not null.
     */
    static String gnutlsPriority(Version v, String suite, String group) {
        StringBuilder p = new StringBuilder("NORMAL:-VERS-ALL:+VERS-").append(v.gnutls)
                .append(":-KX-ALL:+").append(Kx.of(suite).gnutls)
                .append(":-CIPHER-ALL:+").append(gnutlsCipher(suite))
                .append(":-MAC-ALL:+").append(gnutlsMac(suite));
        if (group != null) {
            p.append(":-GROUP-ALL:+").append(Names.GNUTLS_GROUP.get(group));
        }
        return p.toString();
    }

    /** The end of gnutls-cli's session description, e.g. {@code (AES-128-CBC)-(SHA1)} or {@code (AES-128-GCM)}. */
    static String gnutlsDescriptionTail(String suite) {
        String mac = gnutlsMac(suite);
        return "(" + gnutlsCipher(suite) + ")" + (mac.equals("AEAD") ? "" : "-(" + mac + ")");
    }

    // ---- command lines

    /**
     * {@code openssl s_server} for one connection in {@code -rev} mode with exactly version {@code v}
     * and the OpenSSL cipher list {@code cipher}; {@code extra} is appended.
     */
    static PeerCommands.Server opensslServer(File dir, InteropPki.Leaf leaf, Version v, String cipher, List<String> extra)
            throws Exception {
        return opensslServer(dir, leaf, v, cipher, extra, null);
    }

    /** As above, with extra environment variables (e.g. OPENSSL_CONF) for the server process. */
    static PeerCommands.Server opensslServer(File dir, InteropPki.Leaf leaf, Version v, String cipher, List<String> extra,
            Map<String, String> env) throws Exception {
        return opensslServer(dir, leaf, v, cipher, extra, env, true);
    }

    /**
     * As above; with {@code rev} false the server runs in its plain mode instead of {@code -rev}: it prints
     * what it receives and reads command letters and data from its standard input (r: renegotiate).
     */
    static PeerCommands.Server opensslServer(File dir, InteropPki.Leaf leaf, Version v, String cipher, List<String> extra,
            Map<String, String> env, boolean rev) throws Exception {
        List<String> c = new ArrayList<>(List.of(PeerCommands.openssl().getPath(), "s_server", "-accept", "127.0.0.1:0",
                "-naccept", "1", v.opensslFlag, "-cert", leaf.chainFile.getPath(), "-key", leaf.keyFile.getPath(),
                "-cipher", cipher + v.opensslCipherSuffix()));
        if (rev) {
            c.add("-rev");
        }
        c.addAll(extra);
        PeerProcess p = PeerProcess.start("openssl s_server", dir, c, null, env);
        try {
            Matcher m = p.await(Pattern.compile("(?m)^ACCEPT 127\\.0\\.0\\.1:(\\d+)"), PeerCommands.READY);
            return new PeerCommands.Server(p, Integer.parseInt(m.group(1)));
        } catch (Throwable t) {
            p.close();
            throw t;
        }
    }

    /**
     * {@code openssl s_client} to 127.0.0.1:{@code port} with exactly version {@code v} and the cipher
     * list {@code cipher}, verifying the chain against {@code ca} and the name localhost; standard input
     * from {@code stdin} if not null, extra environment from {@code env} if not null.
     */
    static PeerProcess opensslClient(File dir, int port, File ca, Version v, String cipher, List<String> extra,
            File stdin, Map<String, String> env) throws Exception {
        return opensslClient(dir, port, ca, v, cipher, extra, stdin, env, true);
    }

    /**
     * As above; with {@code ignEof} false s_client runs without {@code -ign_eof}, so that it reads its
     * command letters from standard input (R: renegotiate) and ends at the end of its input.
     */
    static PeerProcess opensslClient(File dir, int port, File ca, Version v, String cipher, List<String> extra,
            File stdin, Map<String, String> env, boolean ignEof) throws Exception {
        List<String> c = new ArrayList<>(List.of(PeerCommands.openssl().getPath(), "s_client", "-connect",
                "127.0.0.1:" + port, v.opensslFlag, "-cipher", cipher + v.opensslCipherSuffix(), "-servername", "localhost",
                "-verify_hostname", "localhost", "-CAfile", ca.getPath(), "-verify_return_error"));
        if (ignEof) {
            c.add("-ign_eof");
        }
        c.addAll(extra);
        return PeerProcess.start("openssl s_client", dir, c, stdin, env);
    }

    /** {@code gnutls-serv --echo} with {@code priority}, retried on a fresh port if the chosen one was taken. */
    static PeerCommands.Server gnutlsServer(File dir, InteropPki.Leaf leaf, String priority, List<String> extra)
            throws Exception {
        return PeerCommands.gnutlsServer(dir, leaf, priority, extra);
    }

    /** An OpenSSL configuration file that clears {@code option} (an SSL_CONF Options name) in every SSL_CTX. */
    static File opensslConfWithout(File dir, String option) throws Exception {
        File f = new File(dir, "openssl-no-" + option.toLowerCase(Locale.ROOT) + ".cnf");
        String text = "openssl_conf = default_conf\n[default_conf]\nssl_conf = ssl_sect\n[ssl_sect]\n"
                + "system_default = sys\n[sys]\nOptions = -" + option + "\n";
        java.nio.file.Files.write(f.toPath(), text.getBytes(StandardCharsets.US_ASCII));
        return f;
    }
}
