package org.tls4j.handshake;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The mechanics shared by the handshake's wire-value classes ({@link CipherSuite}, {@link ExtensionType},
 * {@link NamedGroup}, {@link SignatureScheme}, {@link HandshakeType}): an {@code int code}, the registry
 * name of a named constant, and value semantics by code. Each of those classes holds only its
 * constants, its {@code of(int)} and {@code known()}, and what is special to it.
 *
 * <p>Why not a Java {@code enum}: {@code of(int)} must accept every code of the field's width, so an
 * unknown value read off the wire round-trips unchanged and prints in hex instead of being lost.
 *
 * <p>GREASE (RFC 8701, Section 2) reserves the sixteen 16-bit values {@code 0x0A0A, 0x1A1A, ... 0xFAFA}
 * in every 16-bit registry; an unknown 16-bit value of that form prints as {@code GREASE(0x...)}.
 */
abstract class WireCode {
    /** The code as sent on the wire (8 or 16 bits). */
    public final int code;
    /** The registry name, or null for a value that is not a named constant. */
    private final String name;
    /** Field width in bits: 8 or 16. */
    private final int bits;

    WireCode(int code, String name, int bits) {
        this.code = code;
        this.name = name;
        this.bits = bits;
    }

    /** True for a named constant of this class. */
    public final boolean isKnown() {
        return name != null;
    }

    /** True when {@code code} is one of the GREASE values of RFC 8701, Section 2 (16-bit registries only). */
    static boolean isGreaseCode(int code) {
        return (code & 0x0f0f) == 0x0a0a && (code >>> 8) == (code & 0xff);
    }

    /**
     * The registry name, e.g. {@code secp256r1}. A value that is not a named constant prints as
     * {@code unknown(0x12)} or {@code unknown(0x1234)}, a 16-bit GREASE value as {@code GREASE(0x1a1a)}.
     */
    public final String name() {
        if (name != null) {
            return name;
        }
        boolean grease = bits == 16 && isGreaseCode(code);
        return (grease ? "GREASE(0x" : "unknown(0x") + String.format(bits == 16 ? "%04x" : "%02x", code) + ")";
    }

    @Override
    public final String toString() {
        return name();
    }

    /** Equal when of the same class and with the same code (the name follows from the code). */
    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((WireCode) o).code == code;
    }

    @Override
    public final int hashCode() {
        return code;
    }

    /**
     * The table of named constants of one wire-value class, in declaration order. Each class keeps one
     * in a static field declared before its constants.
     */
    static final class Registry<T extends WireCode> {
        private final Map<Integer, T> known = new LinkedHashMap<Integer, T>();
        private final int bits;

        /** A table for codes of {@code bits} bits (8 or 16). */
        Registry(int bits) {
            this.bits = bits;
        }

        /** Adds a named constant; two constants with one code are a programming error. */
        T define(T value) {
            if (known.put(value.code, value) != null) {
                throw new AssertionError("duplicate code " + value.code);
            }
            return value;
        }

        /**
         * The named constant for {@code code}, or null when there is none.
         *
         * @throws IllegalArgumentException when {@code code} does not fit the field
         */
        T get(int code) {
            if (code < 0 || code > (1 << bits) - 1) {
                throw new IllegalArgumentException("not a " + bits + "-bit code: " + code);
            }
            return known.get(code);
        }

        /** Every named constant, in declaration order, read-only. */
        Map<Integer, T> view() {
            return Collections.unmodifiableMap(known);
        }
    }
}
