package org.tls4j.handshake.tls12.msg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.tls4j.handshake.Alerts;
import org.tls4j.handshake.Bytes;
import org.tls4j.handshake.HandshakeMessage;
import org.tls4j.handshake.HandshakeType;
import org.tls4j.handshake.SignatureScheme;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.TlsWriter;
import org.tls4j.record.TlsAlert;

/**
 * CertificateRequest in SSL 3.0-TLS 1.2 (RFC 5246, Section 7.4.4; without the algorithms in RFC 4346,
 * Section 7.4.4):
 *
 * <pre>
 * enum { rsa_sign(1), dss_sign(2), rsa_fixed_dh(3), dss_fixed_dh(4), ..., ecdsa_sign(64), (255) }
 *     ClientCertificateType;
 * opaque DistinguishedName&lt;1..2^16-1&gt;;
 * struct {
 *     ClientCertificateType certificate_types&lt;1..2^8-1&gt;;
 *     SignatureAndHashAlgorithm supported_signature_algorithms&lt;2..2^16-2&gt;;   // TLS 1.2 only
 *     DistinguishedName certificate_authorities&lt;0..2^16-1&gt;;
 * } CertificateRequest;
 * </pre>
 *
 * Without the TLS 1.2 field {@link #signatureAlgorithms} is null. A list of odd byte length, an empty
 * certificate_types or an empty DistinguishedName is a decode_error.
 */
public final class CertificateRequest12 implements HandshakeMessage {
    /** ClientCertificateType rsa_sign (RFC 5246). */
    public static final int RSA_SIGN = 1;
    /** ClientCertificateType ecdsa_sign (RFC 8422, Section 5.5). */
    public static final int ECDSA_SIGN = 64;

    private final byte[] certificateTypes;
    /** The supported_signature_algorithms (TLS 1.2), or null. */
    public final List<SignatureScheme> signatureAlgorithms;
    private final List<byte[]> authorities;

    public CertificateRequest12(byte[] certificateTypes, List<SignatureScheme> signatureAlgorithms,
            List<byte[]> authorities) {
        if (certificateTypes.length < 1 || certificateTypes.length > 0xff) {
            throw new IllegalArgumentException("certificate_types must be 1..255 entries");
        }
        if (signatureAlgorithms != null && (signatureAlgorithms.isEmpty() || signatureAlgorithms.size() > 0x7fff)) {
            throw new IllegalArgumentException("supported_signature_algorithms must have 1..32767 entries");
        }
        List<byte[]> cas = new ArrayList<byte[]>();
        long total = 0;
        for (byte[] dn : authorities) {
            if (dn.length < 1 || dn.length > 0xffff) {
                throw new IllegalArgumentException("DistinguishedName must be 1..2^16-1 bytes");
            }
            total += 2 + dn.length;
            cas.add(dn.clone());
        }
        if (total > 0xffff) {
            throw new IllegalArgumentException("certificate_authorities longer than 2^16-1");
        }
        this.certificateTypes = certificateTypes.clone();
        this.signatureAlgorithms = signatureAlgorithms == null ? null
                : Collections.unmodifiableList(new ArrayList<SignatureScheme>(signatureAlgorithms));
        this.authorities = Collections.unmodifiableList(cas);
    }

    /** Parses the body; {@code withAlgorithms} is true in TLS 1.2. */
    public static CertificateRequest12 read(TlsReader r, boolean withAlgorithms) throws TlsAlert {
        byte[] types = r.opaque8("certificate_types", 1, 0xff);
        List<SignatureScheme> algs = null;
        if (withAlgorithms) {
            TlsReader a = r.sub16();
            if (a.remaining() < 2 || (a.remaining() & 1) != 0) {
                throw Alerts.decodeError("supported_signature_algorithms of " + a.remaining()
                        + " bytes (RFC 5246, Section 7.4.4: <2..2^16-2>, pairs)");
            }
            algs = new ArrayList<SignatureScheme>();
            while (!a.atEnd()) {
                algs.add(SignatureScheme.of(a.u16()));
            }
        }
        TlsReader cas = r.sub16();
        r.expectEnd();
        List<byte[]> dns = new ArrayList<byte[]>();
        while (!cas.atEnd()) {
            dns.add(cas.opaque16("DistinguishedName", 1, 0xffff));
        }
        return new CertificateRequest12(types, algs, dns);
    }

    /** A copy of certificate_types. */
    public byte[] certificateTypes() {
        return certificateTypes.clone();
    }

    /** Copies of the DER DistinguishedNames. */
    public List<byte[]> authorities() {
        List<byte[]> out = new ArrayList<byte[]>();
        for (byte[] b : authorities) {
            out.add(b.clone());
        }
        return out;
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CERTIFICATE_REQUEST;
    }

    @Override
    public void write(TlsWriter w) {
        w.opaque8(certificateTypes);
        if (signatureAlgorithms != null) {
            int m = w.begin16();
            for (SignatureScheme s : signatureAlgorithms) {
                w.u16(s.code);
            }
            w.end16(m);
        }
        int m = w.begin16();
        for (byte[] dn : authorities) {
            w.opaque16(dn);
        }
        w.end16(m);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CertificateRequest12)) {
            return false;
        }
        CertificateRequest12 c = (CertificateRequest12) o;
        return Arrays.equals(c.certificateTypes, certificateTypes)
                && (signatureAlgorithms == null ? c.signatureAlgorithms == null
                        : signatureAlgorithms.equals(c.signatureAlgorithms))
                && Bytes.listEquals(c.authorities, authorities);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(certificateTypes) * 31 + Bytes.listHash(authorities);
    }

    @Override
    public String toString() {
        return "CertificateRequest{types=" + Bytes.hex(certificateTypes) + ", algs=" + signatureAlgorithms
                + ", " + authorities.size() + " CAs}";
    }
}
