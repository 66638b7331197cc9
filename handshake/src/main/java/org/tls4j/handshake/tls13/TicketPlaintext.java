package org.tls4j.handshake.tls13;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.tls4j.crypto.Destroyable;
import org.tls4j.crypto.asn1.DerException;
import org.tls4j.crypto.ct.ConstantTime;
import org.tls4j.crypto.x509.Certificate;
import org.tls4j.handshake.CipherSuite;
import org.tls4j.handshake.TlsReader;
import org.tls4j.handshake.TlsWriter;
import org.tls4j.record.TlsAlert;

/**
 * What a tls4j server seals into a session ticket ({@link TicketKeys}): everything it needs to resume
 * the session without server-side state (RFC 8446, Section 4.6.1 leaves the format to the server).
 *
 * <pre>
 * struct {
 *     uint8 format = 1;
 *     CipherSuite suite;                 the hash of the PSK (Section 4.2.11)
 *     opaque psk&lt;32..48&gt;;                HKDF-Expand-Label(resumption_master_secret, "resumption", nonce)
 *     uint32 ticket_age_add;
 *     uint32 issued_high; uint32 issued_low;   epoch milliseconds
 *     uint32 lifetime;                   seconds
 *     uint32 max_early_data;             always 0: tls4j refuses 0-RTT
 *     opaque server_name&lt;0..2^16-1&gt;;    the SNI the ticket was issued under (empty: none)
 *     opaque alpn&lt;0..255&gt;;               (empty: none)
 *     opaque client_chain&lt;0..2^24-1&gt;;   the client's certificates, each opaque24 (empty: anonymous)
 * } TicketPlaintext;
 * </pre>
 */
final class TicketPlaintext implements Destroyable {
    static final int FORMAT = 1;

    final CipherSuite suite;
    final byte[] psk;
    final long ageAdd;
    final long issuedMillis;
    final long lifetimeSeconds;
    final String serverName;
    final String alpn;
    final List<Certificate> clientChain;

    TicketPlaintext(CipherSuite suite, byte[] psk, long ageAdd, long issuedMillis, long lifetimeSeconds,
            String serverName, String alpn, List<Certificate> clientChain) {
        this.suite = suite;
        this.psk = psk;
        this.ageAdd = ageAdd;
        this.issuedMillis = issuedMillis;
        this.lifetimeSeconds = lifetimeSeconds;
        this.serverName = serverName;
        this.alpn = alpn;
        this.clientChain = Collections.unmodifiableList(new ArrayList<Certificate>(clientChain));
    }

    /** The encoding above; the caller zeroes it once sealed. */
    byte[] encode() {
        TlsWriter w = new TlsWriter(128);
        w.u8(FORMAT).u16(suite.code).opaque8(psk).u32(ageAdd).u32(issuedMillis >>> 32).u32(issuedMillis & 0xffffffffL)
                .u32(lifetimeSeconds).u32(0);
        w.opaque16(serverName == null ? new byte[0] : serverName.getBytes(StandardCharsets.US_ASCII));
        w.opaque8(alpn == null ? new byte[0] : alpn.getBytes(StandardCharsets.UTF_8));
        int m = w.begin24();
        for (Certificate c : clientChain) {
            w.opaque24(c.encoded());
        }
        w.end24(m);
        return w.toByteArray();
    }

    /** Parses a plaintext that {@link TicketKeys} authenticated; null when it is not ours. */
    static TicketPlaintext decode(byte[] b) {
        try {
            TlsReader r = new TlsReader(b);
            if (r.u8() != FORMAT) {
                return null;
            }
            CipherSuite suite = CipherSuite.of(r.u16());
            byte[] psk = r.opaque8("psk", 32, 48);
            long ageAdd = r.u32();
            long issued = (r.u32() << 32) | r.u32();
            long lifetime = r.u32();
            r.u32(); // max_early_data: always 0
            byte[] sni = r.opaque16();
            byte[] alpn = r.opaque8();
            TlsReader chain = r.sub24();
            List<Certificate> certs = new ArrayList<Certificate>();
            while (!chain.atEnd()) {
                certs.add(Certificate.parse(chain.opaque24()));
            }
            r.expectEnd();
            return new TicketPlaintext(suite, psk, ageAdd, issued, lifetime,
                    sni.length == 0 ? null : new String(sni, StandardCharsets.US_ASCII),
                    alpn.length == 0 ? null : new String(alpn, StandardCharsets.UTF_8), certs);
        } catch (TlsAlert | DerException e) {
            return null;
        }
    }

    @Override
    public void destroy() {
        ConstantTime.zero(psk);
    }
}
