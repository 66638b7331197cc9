package org.tls4j.handshake.tls13;

import org.tls4j.crypto.dh.FfdheGroup;
import org.tls4j.crypto.ec.Ecdh;
import org.tls4j.crypto.ec.X25519;
import org.tls4j.crypto.ec.X448;
import org.tls4j.crypto.kex.KeyExchange;
import org.tls4j.handshake.NamedGroup;
import org.tls4j.record.AlertDescription;
import org.tls4j.record.TlsAlert;

/**
 * The key exchange behind each supported group (RFC 8446, Section 4.2.7 and 4.2.8.1-4.2.8.2): X25519
 * and X448 (RFC 7748), P-256/384/521 ECDHE with uncompressed points (SEC 1), and the RFC 7919 FFDHE
 * groups with the public value left-padded to the size of p. Each {@link KeyExchange} validates the
 * peer's value (Section 4.2.8.1 and 4.2.8.2) and refuses an all-zero shared secret (Section 7.4.2).
 */
public final class Groups {
    private Groups() {}

    /** The key exchange for {@code g}, or null when tls4j does not implement the group. */
    public static KeyExchange keyExchange(NamedGroup g) {
        switch (g.code) {
            case 0x0017:
                return Ecdh.P256;
            case 0x0018:
                return Ecdh.P384;
            case 0x0019:
                return Ecdh.P521;
            case 0x001d:
                return new X25519();
            case 0x001e:
                return new X448();
            case 0x0100:
                return FfdheGroup.FFDHE2048;
            case 0x0101:
                return FfdheGroup.FFDHE3072;
            case 0x0102:
                return FfdheGroup.FFDHE4096;
            case 0x0103:
                return FfdheGroup.FFDHE6144;
            case 0x0104:
                return FfdheGroup.FFDHE8192;
            default:
                return null;
        }
    }

    /**
     * Checks that a peer's key_exchange value has exactly the length its group fixes: the size of p for
     * FFDHE, whose Y is left-padded with zeros (RFC 8446, Section 4.2.8.1), the uncompressed point for
     * ECDHE and the u-coordinate for X25519/X448 (Section 4.2.8.2). FfdheGroup itself accepts shorter
     * values (TLS 1.2 strips leading zeros), so this check is what makes a truncated or another group's
     * FFDHE share an illegal_parameter in TLS 1.3.
     *
     * @param who "client" or "server", for the alert's message
     */
    static void checkShareLength(NamedGroup g, byte[] keyExchange, String who) throws TlsAlert {
        KeyExchange kex = keyExchange(g);
        if (kex != null && keyExchange.length != kex.publicKeyLength()) {
            throw new TlsAlert(AlertDescription.ILLEGAL_PARAMETER, who + " key share for " + g + " is "
                    + keyExchange.length + " bytes, not " + kex.publicKeyLength()
                    + " (RFC 8446, Section 4.2.8.1-4.2.8.2)");
        }
    }

    /** True when tls4j implements {@code g}. */
    public static boolean isSupported(NamedGroup g) {
        return keyExchange(g) != null;
    }
}
