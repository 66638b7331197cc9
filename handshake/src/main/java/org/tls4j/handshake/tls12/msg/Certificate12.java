package org.tls4j.handshake.tls12.msg;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.tls4j.handshake.Bytes;
import org.tls4j.handshake.HandshakeMessage;
import org.tls4j.handshake.HandshakeType;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.TlsWriter;
import org.tls4j.record.TlsAlert;

/**
 * Certificate in SSL 3.0-TLS 1.2 (RFC 5246, Section 7.4.2; same in RFC 6101, Section 5.6.2):
 *
 * <pre>
 * opaque ASN.1Cert&lt;1..2^24-1&gt;;
 * struct {
 *     ASN.1Cert certificate_list&lt;0..2^24-1&gt;;
 * } Certificate;
 * </pre>
 *
 * The sender's certificate first, each following one certifying the one before. The list may be empty
 * (a client without a suitable certificate, Section 7.4.6). An empty ASN.1Cert is a decode_error.
 * The certificates are kept as DER bytes; path validation is not the codec's job.
 */
public final class Certificate12 implements HandshakeMessage {
    private final List<byte[]> certificates;

    public Certificate12(List<byte[]> certificates) {
        List<byte[]> copy = new ArrayList<byte[]>();
        long total = 0;
        for (byte[] c : certificates) {
            if (c.length == 0 || c.length > 0xffffff) {
                throw new IllegalArgumentException("ASN.1Cert must be 1..2^24-1 bytes");
            }
            total += 3 + c.length;
            copy.add(c.clone());
        }
        if (total > 0xffffff) {
            throw new IllegalArgumentException("certificate_list longer than 2^24-1");
        }
        this.certificates = Collections.unmodifiableList(copy);
    }

    /** Parses the body. */
    public static Certificate12 read(TlsReader r) throws TlsAlert {
        TlsReader list = r.sub24();
        r.expectEnd();
        List<byte[]> certs = new ArrayList<byte[]>();
        while (!list.atEnd()) {
            certs.add(list.opaque24("ASN.1Cert", 1, 0xffffff));
        }
        return new Certificate12(certs);
    }

    /** The DER certificates (copies), leaf first. */
    public List<byte[]> certificates() {
        List<byte[]> out = new ArrayList<byte[]>();
        for (byte[] c : certificates) {
            out.add(c.clone());
        }
        return out;
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CERTIFICATE;
    }

    @Override
    public void write(TlsWriter w) {
        int m = w.begin24();
        for (byte[] c : certificates) {
            w.opaque24(c);
        }
        w.end24(m);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Certificate12 && Bytes.listEquals(((Certificate12) o).certificates, certificates);
    }

    @Override
    public int hashCode() {
        return Bytes.listHash(certificates);
    }

    @Override
    public String toString() {
        return "Certificate(" + certificates.size() + " certificates)";
    }
}
