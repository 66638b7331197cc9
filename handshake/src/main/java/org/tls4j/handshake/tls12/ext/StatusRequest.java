package org.tls4j.handshake.tls12.ext;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.tls4j.handshake.Alerts;
import org.tls4j.handshake.Bytes;
import org.tls4j.handshake.ExtensionType;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.TlsWriter;
import org.tls4j.handshake.ext.Extension;
import org.tls4j.record.TlsAlert;

/**
 * status_request (RFC 6066, Section 8). In ClientHello:
 *
 * <pre>
 * struct {
 *     CertificateStatusType status_type;      // ocsp(1)
 *     select (status_type) {
 *         case ocsp: OCSPStatusRequest;
 *     } request;
 * } CertificateStatusRequest;
 * opaque ResponderID&lt;1..2^16-1&gt;;
 * opaque Extensions&lt;0..2^16-1&gt;;
 * struct {
 *     ResponderID responder_id_list&lt;0..2^16-1&gt;;
 *     Extensions  request_extensions;
 * } OCSPStatusRequest;
 * </pre>
 *
 * In ServerHello the {@code extension_data} is empty ({@link #SERVER}), promising a CertificateStatus
 * message. Only ocsp is defined for this extension here (RFC 6961's status_request_v2 is a different
 * extension); any other status_type is an illegal_parameter.
 */
public final class StatusRequest implements Extension {
    /** CertificateStatusType ocsp. */
    public static final int OCSP = 1;
    /** The ServerHello form (empty). */
    public static final StatusRequest SERVER = new StatusRequest();
    /** The ClientHello form tls4j sends: OCSP, no responder IDs, no extensions. */
    public static final StatusRequest OCSP_DEFAULT = new StatusRequest(Collections.<byte[]>emptyList(), new byte[0]);

    private final boolean server;
    private final List<byte[]> responderIds;
    private final byte[] requestExtensions;

    private StatusRequest() {
        this.server = true;
        this.responderIds = Collections.emptyList();
        this.requestExtensions = new byte[0];
    }

    /** The ClientHello form with status_type ocsp. */
    public StatusRequest(List<byte[]> responderIds, byte[] requestExtensions) {
        List<byte[]> ids = new ArrayList<byte[]>();
        long total = 0;
        for (byte[] id : responderIds) {
            if (id.length < 1 || id.length > 0xffff) {
                throw new IllegalArgumentException("ResponderID must be 1..2^16-1 bytes");
            }
            total += 2 + id.length;
            ids.add(id.clone());
        }
        if (total > 0xffff || requestExtensions.length > 0xffff) {
            throw new IllegalArgumentException("OCSPStatusRequest vectors longer than 2^16-1");
        }
        this.server = false;
        this.responderIds = Collections.unmodifiableList(ids);
        this.requestExtensions = requestExtensions.clone();
    }

    /** Parses the ClientHello form. */
    public static StatusRequest readClient(TlsReader r) throws TlsAlert {
        int type = r.u8();
        if (type != OCSP) {
            throw Alerts.illegalParameter("status_type " + type + " is not ocsp (RFC 6066, Section 8)");
        }
        TlsReader ids = r.sub16();
        byte[] exts = r.opaque16();
        r.expectEnd();
        List<byte[]> list = new ArrayList<byte[]>();
        while (!ids.atEnd()) {
            list.add(ids.opaque16("ResponderID", 1, 0xffff));
        }
        return new StatusRequest(list, exts);
    }

    /** Parses the ServerHello form, which must be empty. */
    public static StatusRequest readServer(TlsReader r) throws TlsAlert {
        r.expectEnd();
        return SERVER;
    }

    /** True for the (empty) ServerHello form. */
    public boolean isServerForm() {
        return server;
    }

    /** Copies of the responder IDs (DER ResponderID). */
    public List<byte[]> responderIds() {
        List<byte[]> out = new ArrayList<byte[]>();
        for (byte[] b : responderIds) {
            out.add(b.clone());
        }
        return out;
    }

    /** A copy of the DER request_extensions. */
    public byte[] requestExtensions() {
        return requestExtensions.clone();
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.STATUS_REQUEST;
    }

    @Override
    public void writeData(TlsWriter w) {
        if (server) {
            return;
        }
        w.u8(OCSP);
        int m = w.begin16();
        for (byte[] id : responderIds) {
            w.opaque16(id);
        }
        w.end16(m);
        w.opaque16(requestExtensions);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof StatusRequest)) {
            return false;
        }
        StatusRequest s = (StatusRequest) o;
        return s.server == server && Bytes.listEquals(s.responderIds, responderIds)
                && Arrays.equals(s.requestExtensions, requestExtensions);
    }

    @Override
    public int hashCode() {
        return Bytes.listHash(responderIds) * 31 + Arrays.hashCode(requestExtensions) + (server ? 1 : 0);
    }

    @Override
    public String toString() {
        return server ? "status_request(server)" : "status_request(ocsp, " + responderIds.size() + " responders)";
    }
}
