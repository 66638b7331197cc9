package org.tls4j.handshake;

import java.util.Collections;
import java.util.LinkedHashMap;
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
 */
public final class NamedGroup {
    private static final Map<Integer, NamedGroup> KNOWN = new LinkedHashMap<Integer, NamedGroup>();

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

    /** The 16-bit code as sent on the wire. */
    public final int code;
    private final String name;

    private NamedGroup(int code, String name) {
        this.code = code;
        this.name = name;
    }

    private static NamedGroup define(int code, String name) {
        NamedGroup v = new NamedGroup(code, name);
        if (KNOWN.put(code, v) != null) {
            throw new AssertionError("duplicate code " + code);
        }
        return v;
    }

    /** The constant for {@code code}, or a new value that prints as {@code unknown(0x...)}. */
    public static NamedGroup of(int code) {
        if (code < 0 || code > 0xffff) {
            throw new IllegalArgumentException("not a 16-bit code: " + code);
        }
        NamedGroup v = KNOWN.get(code);
        return v != null ? v : new NamedGroup(code, null);
    }

    /** Every named constant, in declaration order. */
    public static Map<Integer, NamedGroup> known() {
        return Collections.unmodifiableMap(KNOWN);
    }

    /** True for a named constant of this class. */
    public boolean isKnown() {
        return name != null;
    }

    /** True for a GREASE value (RFC 8701, Section 2), which a peer must ignore. */
    public boolean isGrease() {
        return (code & 0x0f0f) == 0x0a0a && (code >>> 8) == (code & 0xff);
    }

    /**
     * The registry name, e.g. {@code secp256r1}.
     * Unknown values print as {@code unknown(0x1234)}, GREASE values as {@code GREASE(0x...)}.
     */
    public String name() {
        if (name != null) {
            return name;
        }
        return (isGrease() ? "GREASE(0x" : "unknown(0x") + String.format("%04x", code) + ")";
    }

    @Override
    public String toString() {
        return name();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NamedGroup && ((NamedGroup) o).code == code;
    }

    @Override
    public int hashCode() {
        return code;
    }
}
