package org.tls4j.handshake.tls12;

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
import org.tls4j.record.ProtocolVersion;
import org.tls4j.record.TlsAlert;

/**
 * A resumable TLS 1.0-1.2 session (RFC 5246, Section 7.3: "session identifier, peer certificate, cipher
 * spec, master secret"), on either side: the server keeps it in its {@link ServerSessionStore12} under the
 * session ID or seals it into a ticket (RFC 5077, Section 4, with the same {@code TicketKeys} as TLS 1.3);
 * the client keeps it in the engine's session cache with the session ID and, when it got one, the
 * ticket. Besides RFC 5246's fields it records what resumption must match: the EMS state (RFC 7627,
 * Section 5.3), encrypt_then_mac (RFC 7366, Section 3.1), the server name (RFC 6066, Section 3), and when
 * it was created and for how long it may be resumed. {@link #destroy()} zeroes the master secret.
 *
 * <p>Ticket encoding ({@link #encodeForTicket}); format 12 so that a TLS 1.3 ticket (format 1) is never
 * taken for a TLS 1.2 one, or the other way round:
 *
 * <pre>
 * struct {
 *     uint8 format = 12;
 *     ProtocolVersion version;
 *     CipherSuite suite;
 *     opaque master_secret[48];
 *     uint8 flags;                       bit 0: extended master secret; bit 1: encrypt_then_mac
 *     uint32 created_high; uint32 created_low;   epoch milliseconds
 *     uint32 lifetime;                   seconds
 *     opaque server_name&lt;0..2^16-1&gt;;    (empty: none)
 *     opaque peer_chain&lt;0..2^24-1&gt;;     the client's certificates, each opaque24 (empty: anonymous)
 * } Session12Ticket;
 * </pre>
 */
public final class Session12 implements Destroyable {
    static final int TICKET_FORMAT = 12;
    /** The master secret's length (RFC 5246, Section 8.1). */
    static final int MASTER_LENGTH = 48;

    final ProtocolVersion version;
    final Suite12 suite;
    private final byte[] master;
    final boolean ems;
    final boolean etm;
    final String serverName;
    final List<Certificate> peerChain;
    final long createdMillis;
    final long lifetimeSeconds;
    /** The session ID (empty when the server gave none). */
    private final byte[] sessionId;
    /** Client: the ticket for this session, or null. */
    private final byte[] ticket;

    Session12(ProtocolVersion version, Suite12 suite, byte[] master, boolean ems, boolean etm, String serverName,
            List<Certificate> peerChain, long createdMillis, long lifetimeSeconds, byte[] sessionId, byte[] ticket) {
        if (master.length != MASTER_LENGTH) {
            throw new IllegalArgumentException("a master secret has 48 bytes");
        }
        this.version = version;
        this.suite = suite;
        this.master = master.clone();
        this.ems = ems;
        this.etm = etm;
        this.serverName = serverName;
        this.peerChain = Collections.unmodifiableList(new ArrayList<Certificate>(peerChain));
        this.createdMillis = createdMillis;
        this.lifetimeSeconds = lifetimeSeconds;
        this.sessionId = sessionId.clone();
        this.ticket = ticket == null ? null : ticket.clone();
    }

    /** An independent copy (its own master secret buffer), so that destroying one leaves the other intact. */
    Session12 copy() {
        return new Session12(version, suite, master, ems, etm, serverName, peerChain, createdMillis, lifetimeSeconds,
                sessionId, ticket);
    }

    /** A copy of the master secret (the caller zeroes it). */
    byte[] master() {
        return master.clone();
    }

    /** A copy of the session ID (empty when none). */
    byte[] sessionId() {
        return sessionId.clone();
    }

    /** A copy of the ticket, or null. */
    byte[] ticket() {
        return ticket == null ? null : ticket.clone();
    }

    /** The negotiated version. */
    public ProtocolVersion version() {
        return version;
    }

    /** The negotiated suite. */
    public CipherSuite suite() {
        return suite.suite;
    }

    /** The server name (SNI) of the original connection, or null. */
    public String serverName() {
        return serverName;
    }

    /** True when the session may no longer be resumed at {@code nowMillis} (or the clock went back). */
    public boolean isExpired(long nowMillis) {
        return nowMillis < createdMillis || nowMillis - createdMillis >= lifetimeSeconds * 1000L;
    }

    /** True when the session has a ticket (client side). */
    public boolean hasTicket() {
        return ticket != null;
    }

    /** The ticket encoding of the class comment; the caller zeroes it once sealed. */
    byte[] encodeForTicket() {
        TlsWriter w = new TlsWriter(128);
        w.u8(TICKET_FORMAT).u16(version.code).u16(suite.suite.code).bytes(master);
        w.u8((ems ? 1 : 0) | (etm ? 2 : 0));
        w.u32(createdMillis >>> 32).u32(createdMillis & 0xffffffffL).u32(lifetimeSeconds);
        w.opaque16(serverName == null ? new byte[0] : serverName.getBytes(StandardCharsets.US_ASCII));
        int m = w.begin24();
        for (Certificate c : peerChain) {
            w.opaque24(c.encoded());
        }
        w.end24(m);
        return w.toByteArray();
    }

    /**
     * Parses a plaintext that {@code TicketKeys} authenticated; null when it is not a TLS 1.2 session of
     * ours (another format, an unknown version or suite, trailing bytes).
     */
    static Session12 decodeTicket(byte[] b, byte[] sessionId) {
        byte[] master = null;
        try {
            TlsReader r = new TlsReader(b);
            if (r.u8() != TICKET_FORMAT) {
                return null;
            }
            ProtocolVersion v = ProtocolVersion.of(r.u16());
            Suite12 suite = Suite12.of(CipherSuite.of(r.u16()));
            master = r.bytes(MASTER_LENGTH);
            int flags = r.u8();
            long created = (r.u32() << 32) | r.u32();
            long lifetime = r.u32();
            byte[] sni = r.opaque16();
            TlsReader chain = r.sub24();
            List<Certificate> certs = new ArrayList<Certificate>();
            while (!chain.atEnd()) {
                certs.add(Certificate.parse(chain.opaque24()));
            }
            r.expectEnd();
            if (suite == null || !v.isSsl3OrTls() || v.atLeast(ProtocolVersion.TLS13) || (flags & ~3) != 0) {
                return null;
            }
            return new Session12(v, suite, master, (flags & 1) != 0, (flags & 2) != 0,
                    sni.length == 0 ? null : new String(sni, StandardCharsets.US_ASCII), certs, created, lifetime,
                    sessionId, null);
        } catch (TlsAlert | DerException | IllegalArgumentException e) {
            return null;
        } finally {
            if (master != null) {
                ConstantTime.zero(master);
            }
        }
    }

    @Override
    public void destroy() {
        ConstantTime.zero(master);
    }
}
