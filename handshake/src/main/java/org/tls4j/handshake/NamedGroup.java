package org.tls4j.handshake;

import java.util.Map;

/**
 * NamedGroup: a key-exchange group (RFC 8446, Section 4.2.7; RFC 7919 for ffdhe).
 *
 * <pre>
 * enum {
 *     secp256r1(0x0017), secp384r1(0x0018), secp521r1(0x0019), x25519(0x001D), x448(0x001E),
 *     ffdhe2048(0x0100), ffdhe3072(0x0101), ffdhe4096(0x0102), ffdhe6144(0x0103), ffdhe8192(0x0104),
 *     (0xFFFF)
 * } NamedGroup;
 * </pre>
 *
 * <p>A wire value, not a Java {@code enum}: {@link #of(int)} accepts every 16-bit code, so an
 * unknown value round-trips unchanged and prints in hex. GREASE values (RFC 8701:
 * {@code 0x0A0A, 0x1A1A, ... 0xFAFA}) are recognised by {@link #isGrease()}.
 *
 * <p>The code, the name, equality and the lookup table work as in the other wire-value classes: they
 * are shared in {@code WireCode}.
 */
public final class NamedGroup extends WireCode {
    private static final Registry<NamedGroup> KNOWN = new Registry<NamedGroup>(16);

    public static final NamedGroup SECP256R1 = define(0x0017, "secp256r1");
    public static final NamedGroup SECP384R1 = define(0x0018, "secp384r1");
    public static final NamedGroup SECP521R1 = define(0x0019, "secp521r1");
    public static final NamedGroup X25519 = define(0x001d, "x25519");
    public static final NamedGroup X448 = define(0x001e, "x448");
    /** RFC 7919. */
    public static final NamedGroup FFDHE2048 = define(0x0100, "ffdhe2048");
    /** RFC 7919. */
    public static final NamedGroup FFDHE3072 = define(0x0101, "ffdhe3072");
    /** RFC 7919. */
    public static final NamedGroup FFDHE4096 = define(0x0102, "ffdhe4096");
    /** RFC 7919. */
    public static final NamedGroup FFDHE6144 = define(0x0103, "ffdhe6144");
    /** RFC 7919. */
    public static final NamedGroup FFDHE8192 = define(0x0104, "ffdhe8192");
    /** Hybrid ML-KEM-768 + X25519 (draft-ietf-tls-ecdhe-mlkem); code only here. */
    public static final NamedGroup X25519MLKEM768 = define(0x11ec, "X25519MLKEM768");

    private NamedGroup(int code, String name) {
        super(code, name, 16);
    }

    private static NamedGroup define(int code, String name) {
        return KNOWN.define(new NamedGroup(code, name));
    }

    /** The constant for {@code code}, or a new value that prints as {@code unknown(0x...)}. */
    public static NamedGroup of(int code) {
        NamedGroup v = KNOWN.get(code);
        return v != null ? v : new NamedGroup(code, null);
    }

    /** Every named constant, in declaration order. */
    public static Map<Integer, NamedGroup> known() {
        return KNOWN.view();
    }

    /** True for a GREASE value (RFC 8701, Section 2), which a peer must ignore. */
    public boolean isGrease() {
        return isGreaseCode(code);
    }
}
