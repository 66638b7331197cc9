package org.tls4j.handshake.ext;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.tls4j.handshake.ExtensionType;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.TlsWriter;
import org.tls4j.record.TlsAlert;

/**
 * psk_key_exchange_modes (RFC 8446, Section 4.2.9), in ClientHello:
 *
 * <pre>
 * enum { psk_ke(0), psk_dhe_ke(1), (255) } PskKeyExchangeMode;
 *
 * struct {
 *     PskKeyExchangeMode ke_modes&lt;1..255&gt;;
 * } PskKeyExchangeModes;
 * </pre>
 *
 * Modes are kept as integers (0..255) so unknown and GREASE values (RFC 8701: 0x0B, 0x2A, ...)
 * round-trip.
 */
public final class PskKeyExchangeModes implements Extension {
    /** PSK-only key establishment: no forward secrecy. */
    public static final int PSK_KE = 0;
    /** PSK with (EC)DHE key establishment. */
    public static final int PSK_DHE_KE = 1;

    /** The modes in the order sent. */
    public final List<Integer> modes;

    public PskKeyExchangeModes(List<Integer> modes) {
        if (modes.isEmpty() || modes.size() > 255) {
            throw new IllegalArgumentException("ke_modes must hold 1..255 modes");
        }
        for (int m : modes) {
            if (m < 0 || m > 255) {
                throw new IllegalArgumentException("mode out of range: " + m);
            }
        }
        this.modes = Collections.unmodifiableList(new ArrayList<Integer>(modes));
    }

    /** Parses {@code extension_data}. */
    public static PskKeyExchangeModes read(TlsReader r) throws TlsAlert {
        TlsReader list = r.sub8().nonEmpty("ke_modes");
        List<Integer> modes = new ArrayList<Integer>();
        while (!list.atEnd()) {
            modes.add(list.u8());
        }
        r.expectEnd();
        return new PskKeyExchangeModes(modes);
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.PSK_KEY_EXCHANGE_MODES;
    }

    @Override
    public void writeData(TlsWriter w) {
        int m = w.begin8();
        for (int mode : modes) {
            w.u8(mode);
        }
        w.end8(m);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PskKeyExchangeModes && ((PskKeyExchangeModes) o).modes.equals(modes);
    }

    @Override
    public int hashCode() {
        return modes.hashCode();
    }

    @Override
    public String toString() {
        return "psk_key_exchange_modes" + modes;
    }
}
