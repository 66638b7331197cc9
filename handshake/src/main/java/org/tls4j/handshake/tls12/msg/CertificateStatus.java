package org.tls4j.handshake.tls12.msg;

import java.util.Arrays;

import org.tls4j.handshake.Alerts;
import org.tls4j.handshake.HandshakeMessage;
import org.tls4j.handshake.HandshakeType;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.TlsWriter;
import org.tls4j.record.TlsAlert;

/**
 * CertificateStatus (RFC 6066, Section 8): the server's stapled OCSP response, sent right after its
 * Certificate when the client asked with status_request and the server agreed.
 *
 * <pre>
 * struct {
 *     CertificateStatusType status_type;     // ocsp(1)
 *     select (status_type) {
 *         case ocsp: OCSPResponse response;
 *     } response;
 * } CertificateStatus;
 * opaque OCSPResponse&lt;1..2^24-1&gt;;
 * </pre>
 *
 * Only {@code ocsp} exists for this message (RFC 6961's ocsp_multi is not supported); any other type is
 * an illegal_parameter. The DER OCSPResponse (RFC 6960) is kept as bytes.
 */
public final class CertificateStatus implements HandshakeMessage {
    /** CertificateStatusType ocsp. */
    public static final int OCSP = 1;

    private final byte[] ocspResponse;

    public CertificateStatus(byte[] ocspResponse) {
        if (ocspResponse.length < 1 || ocspResponse.length > 0xffffff) {
            throw new IllegalArgumentException("OCSPResponse must be 1..2^24-1 bytes");
        }
        this.ocspResponse = ocspResponse.clone();
    }

    /** Parses the body. */
    public static CertificateStatus read(TlsReader r) throws TlsAlert {
        int type = r.u8();
        if (type != OCSP) {
            throw Alerts.illegalParameter("CertificateStatusType " + type + " is not ocsp (RFC 6066, Section 8)");
        }
        byte[] resp = r.opaque24("OCSPResponse", 1, 0xffffff);
        r.expectEnd();
        return new CertificateStatus(resp);
    }

    /** A copy of the DER OCSPResponse. */
    public byte[] ocspResponse() {
        return ocspResponse.clone();
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CERTIFICATE_STATUS;
    }

    @Override
    public void write(TlsWriter w) {
        w.u8(OCSP).opaque24(ocspResponse);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CertificateStatus && Arrays.equals(((CertificateStatus) o).ocspResponse, ocspResponse);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ocspResponse);
    }

    @Override
    public String toString() {
        return "CertificateStatus{OCSP " + ocspResponse.length + " bytes}";
    }
}
