package org.tls4j.handshake.ext;

import java.util.Arrays;

import org.tls4j.handshake.Bytes;

/**
 * One offered PSK identity (RFC 8446, Section 4.2.11):
 *
 * <pre>
 * struct {
 *     opaque identity&lt;1..2^16-1&gt;;
 *     uint32 obfuscated_ticket_age;
 * } PskIdentity;
 * </pre>
 */
public final class PskIdentity {
    private final byte[] identity;
    /** The ticket age in milliseconds plus ticket_age_add, mod 2^32 (0 for external PSKs). */
    public final long obfuscatedTicketAge;

    public PskIdentity(byte[] identity, long obfuscatedTicketAge) {
        if (identity.length == 0 || identity.length > 0xffff) {
            throw new IllegalArgumentException("identity must be 1..2^16-1 bytes");
        }
        if (obfuscatedTicketAge < 0 || obfuscatedTicketAge > 0xffffffffL) {
            throw new IllegalArgumentException("obfuscated_ticket_age is a uint32");
        }
        this.identity = identity.clone();
        this.obfuscatedTicketAge = obfuscatedTicketAge;
    }

    /** A copy of the identity (a ticket, or an external PSK's label). */
    public byte[] identity() {
        return identity.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PskIdentity && Arrays.equals(((PskIdentity) o).identity, identity)
                && ((PskIdentity) o).obfuscatedTicketAge == obfuscatedTicketAge;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(identity) * 31 + Long.hashCode(obfuscatedTicketAge);
    }

    @Override
    public String toString() {
        return Bytes.hex(identity) + "@" + obfuscatedTicketAge;
    }
}
