package org.tls4j.handshake.ext;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.tls4j.handshake.Bytes;
import org.tls4j.handshake.ExtensionType;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.TlsWriter;
import org.tls4j.record.TlsAlert;

/**
 * certificate_authorities (RFC 8446, Section 4.2.4), in ClientHello and CertificateRequest:
 *
 * <pre>
 * opaque DistinguishedName&lt;1..2^16-1&gt;;
 *
 * struct {
 *     DistinguishedName authorities&lt;3..2^16-1&gt;;
 * } CertificateAuthoritiesExtension;
 * </pre>
 *
 * The names are DER-encoded X.501 Names, kept as bytes here; the certificate code decodes them.
 */
public final class CertificateAuthorities implements Extension {
    /** The DER-encoded distinguished names, in order. */
    public final List<byte[]> authorities;

    public CertificateAuthorities(List<byte[]> authorities) {
        if (authorities.isEmpty()) {
            throw new IllegalArgumentException("authorities must not be empty");
        }
        List<byte[]> copy = new ArrayList<byte[]>();
        for (byte[] a : authorities) {
            if (a.length == 0 || a.length > 0xffff) {
                throw new IllegalArgumentException("DistinguishedName must be 1..2^16-1 bytes");
            }
            copy.add(a.clone());
        }
        this.authorities = Collections.unmodifiableList(copy);
    }

    /** Parses {@code extension_data}. */
    public static CertificateAuthorities read(TlsReader r) throws TlsAlert {
        TlsReader list = r.sub16().nonEmpty("authorities");
        List<byte[]> names = new ArrayList<byte[]>();
        while (!list.atEnd()) {
            names.add(list.opaque16("DistinguishedName", 1, 0xffff));
        }
        r.expectEnd();
        return new CertificateAuthorities(names);
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.CERTIFICATE_AUTHORITIES;
    }

    @Override
    public void writeData(TlsWriter w) {
        int m = w.begin16();
        for (byte[] a : authorities) {
            w.opaque16(a);
        }
        w.end16(m);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CertificateAuthorities
                && Bytes.listEquals(((CertificateAuthorities) o).authorities, authorities);
    }

    @Override
    public int hashCode() {
        return Bytes.listHash(authorities);
    }

    @Override
    public String toString() {
        return "certificate_authorities(" + authorities.size() + " names)";
    }
}
