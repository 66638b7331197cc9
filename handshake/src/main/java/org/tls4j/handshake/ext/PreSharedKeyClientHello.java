package org.tls4j.handshake.ext;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.tls4j.handshake.Alerts;
import org.tls4j.handshake.Bytes;
import org.tls4j.handshake.ExtensionType;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.TlsWriter;
import org.tls4j.record.TlsAlert;

/**
 * pre_shared_key in ClientHello (RFC 8446, Section 4.2.11):
 *
 * <pre>
 * opaque PskBinderEntry&lt;32..255&gt;;
 *
 * struct {
 *     PskIdentity identities&lt;7..2^16-1&gt;;
 *     PskBinderEntry binders&lt;33..2^16-1&gt;;
 * } OfferedPsks;
 * </pre>
 *
 * It must be the last extension of the ClientHello (checked by {@code ClientHello.read}). The
 * binders are HMACs over the ClientHello truncated just before the binders list (Section 4.2.11.2):
 * {@link #bindersLength()} gives how many bytes to cut from the end of the encoded ClientHello.
 *
 * <p>There must be one binder per identity; a mismatch is refused with illegal_parameter (the count
 * is well formed but inconsistent with the identities).
 */
public final class PreSharedKeyClientHello implements Extension {
    /** The offered identities, in order. */
    public final List<PskIdentity> identities;
    /** The binders, one per identity, in the same order. */
    public final List<byte[]> binders;

    public PreSharedKeyClientHello(List<PskIdentity> identities, List<byte[]> binders) {
        if (identities.isEmpty() || identities.size() != binders.size()) {
            throw new IllegalArgumentException("need one binder per identity, at least one identity");
        }
        List<byte[]> copy = new ArrayList<byte[]>();
        for (byte[] b : binders) {
            if (b.length < 32 || b.length > 255) {
                throw new IllegalArgumentException("PskBinderEntry must be 32..255 bytes");
            }
            copy.add(b.clone());
        }
        this.identities = Collections.unmodifiableList(new ArrayList<PskIdentity>(identities));
        this.binders = Collections.unmodifiableList(copy);
    }

    /** Parses {@code extension_data}. */
    public static PreSharedKeyClientHello read(TlsReader r) throws TlsAlert {
        TlsReader ids = r.sub16().nonEmpty("identities");
        List<PskIdentity> identities = new ArrayList<PskIdentity>();
        while (!ids.atEnd()) {
            byte[] id = ids.opaque16("PskIdentity.identity", 1, 0xffff);
            identities.add(new PskIdentity(id, ids.u32()));
        }
        TlsReader bs = r.sub16().nonEmpty("binders");
        List<byte[]> binders = new ArrayList<byte[]>();
        while (!bs.atEnd()) {
            binders.add(bs.opaque8("PskBinderEntry", 32, 255));
        }
        r.expectEnd();
        if (binders.size() != identities.size()) {
            throw Alerts.illegalParameter("pre_shared_key: " + identities.size() + " identities but "
                    + binders.size() + " binders (RFC 8446, Section 4.2.11)");
        }
        return new PreSharedKeyClientHello(identities, binders);
    }

    /**
     * The length of the encoded {@code binders} vector, length prefix included: the number of bytes
     * at the end of the ClientHello that the binder computation leaves out (RFC 8446, Section 4.2.11.2).
     */
    public int bindersLength() {
        int n = 2;
        for (byte[] b : binders) {
            n += 1 + b.length;
        }
        return n;
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.PRE_SHARED_KEY;
    }

    @Override
    public void writeData(TlsWriter w) {
        int m = w.begin16();
        for (PskIdentity id : identities) {
            w.opaque16(id.identity()).u32(id.obfuscatedTicketAge);
        }
        w.end16(m);
        int b = w.begin16();
        for (byte[] binder : binders) {
            w.opaque8(binder);
        }
        w.end16(b);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PreSharedKeyClientHello
                && ((PreSharedKeyClientHello) o).identities.equals(identities)
                && Bytes.listEquals(((PreSharedKeyClientHello) o).binders, binders);
    }

    @Override
    public int hashCode() {
        return identities.hashCode() * 31 + Bytes.listHash(binders);
    }

    @Override
    public String toString() {
        return "pre_shared_key" + identities;
    }
}
