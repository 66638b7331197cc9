package org.tls4j.bench.tls;

/**
 * One benchmark configuration: protocol version, server key, cipher suite, and how the connection is
 * made (full handshake, or resumed by TLS 1.3 PSK, TLS 1.2 session ID or TLS 1.2 ticket). Every peer
 * runs every scenario with the same parameters; {@link Wire} checks on the bytes exchanged that the
 * peer really negotiated them.
 */
enum Scenario {
    TLS13_ECDSA_FULL("TLS 1.3 full, x25519 + ECDSA P-256", 13, Key.EC, 0x1301, Mode.FULL),
    TLS13_RSA_FULL("TLS 1.3 full, x25519 + RSA-2048 PSS", 13, Key.RSA, 0x1301, Mode.FULL),
    TLS13_RESUMED("TLS 1.3 resumed (psk_dhe_ke, x25519)", 13, Key.EC, 0x1301, Mode.PSK),
    TLS13_BULK_AES128GCM("TLS 1.3 bulk AES-128-GCM", 13, Key.EC, 0x1301, Mode.FULL),
    TLS13_BULK_CHACHA20("TLS 1.3 bulk ChaCha20-Poly1305", 13, Key.EC, 0x1303, Mode.FULL),
    TLS12_ECDHE_RSA_FULL("TLS 1.2 full, ECDHE-RSA-2048 (x25519)", 12, Key.RSA, 0xc02f, Mode.FULL),
    TLS12_ECDHE_ECDSA_FULL("TLS 1.2 full, ECDHE-ECDSA-P256 (x25519)", 12, Key.EC, 0xc02b, Mode.FULL),
    TLS12_RESUMED_ID("TLS 1.2 resumed by session ID", 12, Key.EC, 0xc02b, Mode.SESSION_ID),
    TLS12_RESUMED_TICKET("TLS 1.2 resumed by ticket (RFC 5077)", 12, Key.EC, 0xc02b, Mode.TICKET),
    TLS12_BULK_AES128GCM("TLS 1.2 bulk AES-128-GCM", 12, Key.EC, 0xc02b, Mode.FULL),
    TLS12_BULK_AES128CBC_SHA256("TLS 1.2 bulk AES-128-CBC-SHA256 (MAC-then-encrypt)", 12, Key.EC, 0xc023, Mode.FULL);

    /** Server key and certificate chain. */
    enum Key { EC, RSA }

    /** How the benchmarked connection is made. */
    enum Mode { FULL, PSK, SESSION_ID, TICKET }

    /** x25519, the only group offered by every client in every scenario. */
    static final int GROUP_X25519 = 0x001d;
    static final int ECDSA_SECP256R1_SHA256 = 0x0403;
    static final int RSA_PSS_RSAE_SHA256 = 0x0804;

    final String title;
    final int version; // 12 or 13
    final Key key;
    final int suite;
    final Mode mode;

    Scenario(String title, int version, Key key, int suite, Mode mode) {
        this.title = title;
        this.version = version;
        this.key = key;
        this.suite = suite;
        this.mode = mode;
    }

    boolean tls13() {
        return version == 13;
    }

    boolean resumed() {
        return mode != Mode.FULL;
    }

    boolean bulk() {
        return name().contains("BULK");
    }

    /** The signature scheme the server must use (one scheme per key type is offered and configured). */
    int signatureScheme() {
        return key == Key.EC ? ECDSA_SECP256R1_SHA256 : RSA_PSS_RSAE_SHA256;
    }

    /** IANA name of the suite (the name JSSE uses). */
    String suiteName() {
        switch (suite) {
            case 0x1301: return "TLS_AES_128_GCM_SHA256";
            case 0x1303: return "TLS_CHACHA20_POLY1305_SHA256";
            case 0xc02f: return "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256";
            case 0xc02b: return "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256";
            case 0xc023: return "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256";
            default: throw new IllegalStateException("suite " + Integer.toHexString(suite));
        }
    }
}
