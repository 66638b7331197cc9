package org.tls4j.handshake.msg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.tls4j.handshake.Bytes;
import org.tls4j.handshake.HandshakeMessage;
import org.tls4j.handshake.HandshakeType;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.TlsWriter;
import org.tls4j.record.TlsAlert;

/**
 * Certificate, TLS 1.3 form (RFC 8446, Section 4.4.2):
 *
 * <pre>
 * struct {
 *     opaque certificate_request_context&lt;0..2^8-1&gt;;
 *     CertificateEntry certificate_list&lt;0..2^24-1&gt;;
 * } Certificate;
 * </pre>
 *
 * The sender's certificate comes first. An empty list is well formed (a client without a
 * certificate); whether it is acceptable is the state machine's decision (a server's empty list gets
 * decode_error there, Section 4.4.2.4). TLS 1.2's Certificate has no context and no per-entry
 * extensions and is a different class.
 */
public final class Certificate implements HandshakeMessage {
    private final byte[] context;
    /** The entries, end-entity first. */
    public final List<CertificateEntry> entries;

    public Certificate(byte[] context, List<CertificateEntry> entries) {
        if (context.length > 0xff) {
            throw new IllegalArgumentException("certificate_request_context is at most 255 bytes");
        }
        this.context = context.clone();
        this.entries = Collections.unmodifiableList(new ArrayList<CertificateEntry>(entries));
    }

    /** Parses the body. */
    public static Certificate read(TlsReader r) throws TlsAlert {
        byte[] context = r.opaque8();
        TlsReader list = r.sub24();
        List<CertificateEntry> entries = new ArrayList<CertificateEntry>();
        while (!list.atEnd()) {
            entries.add(CertificateEntry.read(list));
        }
        r.expectEnd();
        return new Certificate(context, entries);
    }

    /** A copy of certificate_request_context. */
    public byte[] context() {
        return context.clone();
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CERTIFICATE;
    }

    @Override
    public void write(TlsWriter w) {
        w.opaque8(context);
        int m = w.begin24();
        for (CertificateEntry e : entries) {
            e.write(w);
        }
        w.end24(m);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Certificate && Arrays.equals(((Certificate) o).context, context)
                && ((Certificate) o).entries.equals(entries);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(context) * 31 + entries.hashCode();
    }

    @Override
    public String toString() {
        return "Certificate{context=" + Bytes.hex(context) + ", entries=" + entries + "}";
    }
}
